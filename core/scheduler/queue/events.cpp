#include "core/scheduler/queue/events.h"

#include <map>

namespace ks::scheduler {

bool ClusterEvent::covers(const ClusterEvent& in) const {
    if (resource == EventResource::WildCard) return true;
    if (in.resource == EventResource::WildCard) return false;
    return resource == in.resource && (actions & in.actions) != 0;
}

namespace events {
ClusterEvent nodeAdd() { return {EventResource::Node, action::kAdd, "NodeAdd"}; }
ClusterEvent assignedPodAdd() { return {EventResource::AssignedPod, action::kAdd, "AssignedPodAdd"}; }
ClusterEvent assignedPodDelete() { return {EventResource::AssignedPod, action::kDelete, "AssignedPodDelete"}; }
ClusterEvent unschedulableTimeout() { return {EventResource::WildCard, action::kAll, "UnschedulableTimeout"}; }
}  // namespace events

std::vector<ClusterEvent> eventsToRegister(const std::string& name) {
    using R = EventResource;
    namespace a = action;
    static const std::map<std::string, std::vector<ClusterEvent>> kTable = {
        {"SchedulingGates", {{R::UnscheduledPod, a::kUpdatePodSchedulingGatesEliminated, ""}}},
        {"NodeUnschedulable", {{R::Node, a::kAdd | a::kUpdateNodeTaint, ""}, {R::UnscheduledPod, a::kUpdatePodTolerations, ""}}},
        {"NodeName", {{R::Node, a::kAdd | a::kUpdate, ""}}},
        {"TaintToleration", {{R::Node, a::kAdd | a::kUpdate, ""}, {R::UnscheduledPod, a::kUpdatePodTolerations, ""}}},
        {"NodeAffinity", {{R::Node, a::kAdd | a::kUpdate, ""}}},
        {"NodePorts", {{R::AssignedPod, a::kDelete, ""}, {R::Node, a::kAdd | a::kUpdate, ""}}},
        {"NodeResourcesFit",
         {{R::AssignedPod, a::kDelete | a::kUpdatePodScaleDown, ""}, {R::Node, a::kAdd | a::kUpdate, ""}}},
        {"VolumeRestrictions",
         {{R::AssignedPod, a::kDelete, ""}, {R::Node, a::kAdd | a::kUpdateNodeLabel, ""}, {R::PersistentVolumeClaim, a::kAdd | a::kUpdate, ""}}},
        {"NodeVolumeLimits",
         {{R::CSINode, a::kAdd, ""}, {R::AssignedPod, a::kDelete, ""}, {R::PersistentVolumeClaim, a::kAdd, ""}}},
        {"VolumeBinding",
         {{R::CSINode, a::kAdd | a::kUpdate, ""}, {R::PersistentVolumeClaim, a::kAdd | a::kUpdate, ""},
          {R::PersistentVolume, a::kAdd | a::kUpdate, ""}, {R::StorageClass, a::kAdd | a::kUpdate, ""},
          {R::Node, a::kAdd | a::kUpdateNodeLabel | a::kUpdateNodeTaint, ""}, {R::CSIDriver, a::kUpdate, ""},
          {R::CSIStorageCapacity, a::kAdd | a::kUpdate, ""}}},
        {"VolumeZone",
         {{R::StorageClass, a::kAdd, ""}, {R::Node, a::kAdd | a::kUpdateNodeLabel, ""},
          {R::PersistentVolumeClaim, a::kAdd | a::kUpdate, ""}, {R::PersistentVolume, a::kAdd | a::kUpdate, ""}}},
        {"PodTopologySpread",
         {{R::AssignedPod, a::kAll, ""}, {R::Node, a::kAdd | a::kDelete | a::kUpdateNodeLabel | a::kUpdateNodeTaint, ""}}},
        {"InterPodAffinity",
         {{R::AssignedPod, a::kAdd | a::kUpdatePodLabel | a::kDelete, ""}, {R::Node, a::kAdd | a::kUpdateNodeLabel, ""}}},
        // Score-only and bind plugins never reject a pod.
        {"PrioritySort", {}}, {"DefaultBinder", {}}, {"DefaultPreemption", {}}, {"ImageLocality", {}},
        {"NodeResourcesBalancedAllocation", {}},
    };
    auto it = kTable.find(name);
    if (it != kTable.end()) return it->second;
    return {ClusterEvent{EventResource::WildCard, action::kAll, "*"}};
}

}  // namespace ks::scheduler
