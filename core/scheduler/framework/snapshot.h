// Snapshot: the state the scheduler sees during one cycle (pkg/scheduler/backend/cache/snapshot.go),
// plus the non-node objects plugins read through listers in upstream (PVs, PVCs, classes,
// namespaces, PDBs, CSI drivers and limits).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/api/types.h"
#include "core/api/value.h"
#include "core/scheduler/framework/node_info.h"

namespace ks::scheduler {

// The objects that upstream plugins read through informer listers.
struct ClusterObjects {
    std::map<std::string, api::PersistentVolume> persistentVolumes;          // by name
    std::map<std::string, api::PersistentVolumeClaim> persistentVolumeClaims;// by "namespace/name"
    std::map<std::string, api::StorageClass> storageClasses;                 // by name
    std::map<std::string, api::CSIDriver> csiDrivers;                        // by name
    std::map<std::string, api::Namespace> namespaces;                        // by name
    std::map<std::string, api::PriorityClass> priorityClasses;               // by name
    std::vector<api::PodDisruptionBudget> podDisruptionBudgets;
    // CSINode allocatable counts: node -> driver -> max volumes.
    std::map<std::string, std::map<std::string, std::int64_t>> csiNodeVolumeLimits;
    // What PodTopologySpread's default constraints derive a pod's selector from (upstream
    // helper.DefaultSelector reads them through listers): Service spec.selector by
    // "namespace/name" (Services without a selector left out), and the spec.selector of
    // ReplicationControllers, ReplicaSets and StatefulSets by "Kind/namespace/name".
    std::map<std::string, api::Labels> serviceSelectors;
    std::map<std::string, api::LabelSelector> controllerSelectors;
    // The stored objects behind persistentVolumes and persistentVolumeClaims, as upstream's
    // informer caches hold whole objects: VolumeBinding's PreBind writes back an updated copy,
    // so fields the typed views leave out survive. Optional (PreBind falls back to the typed view).
    std::map<std::string, api::Value> persistentVolumeObjects;       // by name
    std::map<std::string, api::Value> persistentVolumeClaimObjects;  // by "namespace/name"

    const api::PersistentVolumeClaim* pvc(const std::string& ns, const std::string& name) const;
    const api::Labels* namespaceLabels(const std::string& ns) const;
};

// Upstream GetZoneKey: region + ":\x00:" + zone from the topology (or legacy failure-domain)
// labels; "" when the node has neither.
std::string zoneKey(const api::Node& node);
// Upstream nodeTree.list(): indexes into zoneKeys, zones round-robin in order of first
// appearance, nodes of a zone in insertion order. Zone 1 {n1..n4}, zone 2 {n5,n6} gives
// n1, n5, n2, n6, n3, n4.
std::vector<std::size_t> nodeTreeOrder(const std::vector<std::string>& zoneKeys);

class Snapshot {
public:
    Snapshot() = default;
    Snapshot(const Snapshot&) = delete;  // its nodes keep their generations in this one's array
    Snapshot& operator=(const Snapshot&) = delete;
    ~Snapshot();
    // Builds node infos from nodes and the pods bound to them (spec.nodeName set).
    // Node order is upstream's node tree order (zones round-robin), which decides which nodes a
    // cycle examines first.
    static std::unique_ptr<Snapshot> build(const std::vector<std::shared_ptr<const api::Node>>& nodes,
                                           const std::vector<std::shared_ptr<const api::Pod>>& pods,
                                           std::shared_ptr<const ClusterObjects> objects);

    const std::vector<std::shared_ptr<NodeInfo>>& nodeInfos() const { return m_nodeInfos; }
    const std::vector<std::shared_ptr<NodeInfo>>& havePodsWithAffinity() const { return m_withAffinity; }
    const std::vector<std::shared_ptr<NodeInfo>>& havePodsWithRequiredAntiAffinity() const {
        return m_withRequiredAntiAffinity;
    }
    // The same lists as indexes into nodeInfos() (a node's slot), for plugins that keep results
    // per slot.
    const std::vector<std::size_t>& havePodsWithAffinitySlots() const { return m_withAffinitySlots; }
    const std::vector<std::size_t>& havePodsWithRequiredAntiAffinitySlots() const {
        return m_withRequiredAntiAffinitySlots;
    }
    NodeInfo* get(const std::string& nodeName) const;
    const ClusterObjects& objects() const { return *m_objects; }
    std::size_t numNodes() const { return m_nodeInfos.size(); }
    // nodeInfos()[slot]->generation(), kept current by the nodes themselves in one array: a
    // pass that keeps results per node learns which nodes changed by reading it alone.
    std::int64_t generationAt(std::size_t slot) const { return m_generations[slot]; }

    // Used when a pod is assumed onto a node between cycles (and by tests).
    void addPod(std::shared_ptr<PodInfo> pod, const std::string& nodeName);
    void removePod(const std::string& namespace_, const std::string& name, const std::string& nodeName);
    void refreshAffinityLists();

private:
    std::vector<std::shared_ptr<NodeInfo>> m_nodeInfos, m_withAffinity, m_withRequiredAntiAffinity;
    std::vector<std::size_t> m_withAffinitySlots, m_withRequiredAntiAffinitySlots;
    std::map<std::string, std::shared_ptr<NodeInfo>> m_byName;
    std::vector<std::int64_t> m_generations;  // by slot; sized once, as cells must not move
    std::shared_ptr<const ClusterObjects> m_objects = std::make_shared<ClusterObjects>();
};

}  // namespace ks::scheduler
