// The explicit in-tree registry (upstream pkg/scheduler/framework/plugins/registry.go, v1.31).
// To add a plugin: include its header and add one entry(...) line below.
#include "core/scheduler/framework/registry.h"

#include "core/scheduler/plugins/default_binder/default_binder.h"
#include "core/scheduler/plugins/default_preemption/default_preemption.h"
#include "core/scheduler/plugins/image_locality/image_locality.h"
#include "core/scheduler/plugins/inter_pod_affinity/inter_pod_affinity.h"
#include "core/scheduler/plugins/node_affinity/node_affinity.h"
#include "core/scheduler/plugins/node_name/node_name.h"
#include "core/scheduler/plugins/node_ports/node_ports.h"
#include "core/scheduler/plugins/node_resources_balanced_allocation/node_resources_balanced_allocation.h"
#include "core/scheduler/plugins/node_resources_fit/node_resources_fit.h"
#include "core/scheduler/plugins/node_unschedulable/node_unschedulable.h"
#include "core/scheduler/plugins/node_volume_limits/node_volume_limits.h"
#include "core/scheduler/plugins/pod_topology_spread/pod_topology_spread.h"
#include "core/scheduler/plugins/priority_sort/priority_sort.h"
#include "core/scheduler/plugins/scheduling_gates/scheduling_gates.h"
#include "core/scheduler/plugins/taint_toleration/taint_toleration.h"
#include "core/scheduler/plugins/volume_binding/volume_binding.h"
#include "core/scheduler/plugins/volume_restrictions/volume_restrictions.h"
#include "core/scheduler/plugins/volume_zone/volume_zone.h"

namespace ks::scheduler {

namespace {

void entry(Registry& r, const std::string& name, PluginFactory factory) {
    LegacyNames legacy = legacyNames(name);
    r[name] = PluginInfo{name, std::move(factory), std::move(legacy.predicates), std::move(legacy.priorities)};
}

Registry buildRegistry() {
    namespace p = plugins;
    Registry r;
    entry(r, "SchedulingGates", p::newSchedulingGates);
    entry(r, "PrioritySort", p::newPrioritySort);
    entry(r, "NodeUnschedulable", p::newNodeUnschedulable);
    entry(r, "NodeName", p::newNodeName);
    entry(r, "TaintToleration", p::newTaintToleration);
    entry(r, "NodeAffinity", p::newNodeAffinity);
    entry(r, "NodePorts", p::newNodePorts);
    entry(r, "NodeResourcesFit", p::newNodeResourcesFit);
    entry(r, "VolumeRestrictions", p::newVolumeRestrictions);
    entry(r, "NodeVolumeLimits", p::newNodeVolumeLimits);
    entry(r, "VolumeBinding", p::newVolumeBinding);
    entry(r, "VolumeZone", p::newVolumeZone);
    entry(r, "PodTopologySpread", p::newPodTopologySpread);
    entry(r, "InterPodAffinity", p::newInterPodAffinity);
    entry(r, "DefaultPreemption", p::newDefaultPreemption);
    entry(r, "NodeResourcesBalancedAllocation", p::newNodeResourcesBalancedAllocation);
    entry(r, "ImageLocality", p::newImageLocality);
    entry(r, "DefaultBinder", p::newDefaultBinder);
    return r;
}

}  // namespace

const Registry& inTreeRegistry() {
    static const Registry kRegistry = buildRegistry();
    return kRegistry;
}

}  // namespace ks::scheduler
