// Snapshot: node infos in node-tree order, image states, affinity lists.
// Mirrors pkg/scheduler/internal/cache/{snapshot.go,node_tree.go,cache.go} (v1.31).
#include "core/scheduler/framework/snapshot.h"

#include <algorithm>

namespace ks::scheduler {

const api::PersistentVolumeClaim* ClusterObjects::pvc(const std::string& ns, const std::string& name) const {
    auto it = persistentVolumeClaims.find(ns + "/" + name);
    return it == persistentVolumeClaims.end() ? nullptr : &it->second;
}

const api::Labels* ClusterObjects::namespaceLabels(const std::string& ns) const {
    auto it = namespaces.find(ns);
    return it == namespaces.end() ? nullptr : &it->second.metadata.labels;
}

std::string zoneKey(const api::Node& node) {
    const auto& labels = node.metadata.labels;
    auto pick = [&](const char* primary, const char* legacy) -> std::string {
        if (auto it = labels.find(primary); it != labels.end()) return it->second;
        if (auto it = labels.find(legacy); it != labels.end()) return it->second;
        return {};
    };
    const std::string zone = pick("topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone");
    const std::string region = pick("topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region");
    if (region.empty() && zone.empty()) return {};
    return region + std::string(":\0:", 3) + zone;
}

std::vector<std::size_t> nodeTreeOrder(const std::vector<std::string>& zoneKeys) {
    // Zones in order of first appearance, nodes within a zone in insertion order, then the
    // zones interleaved round-robin (upstream nodeTree.list()).
    std::vector<std::string> zones;
    std::map<std::string, std::vector<std::size_t>> tree;
    for (std::size_t i = 0; i < zoneKeys.size(); ++i) {
        auto& bucket = tree[zoneKeys[i]];
        if (bucket.empty()) zones.push_back(zoneKeys[i]);
        bucket.push_back(i);
    }
    std::vector<std::size_t> order;
    order.reserve(zoneKeys.size());
    for (std::size_t nodeIndex = 0; order.size() < zoneKeys.size(); ++nodeIndex)
        for (const auto& z : zones) {
            const auto& bucket = tree[z];
            if (nodeIndex < bucket.size()) order.push_back(bucket[nodeIndex]);
        }
    return order;
}

std::unique_ptr<Snapshot> Snapshot::build(const std::vector<std::shared_ptr<const api::Node>>& nodes,
                                          const std::vector<std::shared_ptr<const api::Pod>>& pods,
                                          std::shared_ptr<const ClusterObjects> objects) {
    auto snap = std::make_unique<Snapshot>();
    if (objects) snap->m_objects = std::move(objects);
    std::vector<std::string> keys;
    keys.reserve(nodes.size());
    for (const auto& n : nodes) keys.push_back(zoneKey(*n));
    for (std::size_t i : nodeTreeOrder(keys)) {
        const auto& n = nodes[i];
        if (snap->m_byName.count(n->metadata.name)) continue;  // duplicate names: first wins
        auto info = std::make_shared<NodeInfo>(n);
        info->setSlot(snap->m_nodeInfos.size());
        snap->m_nodeInfos.push_back(info);
        snap->m_byName.emplace(n->metadata.name, info);
    }
    // Image states: per image name, its size and how many nodes have it.
    std::map<std::string, ImageStateSummary> images;
    for (const auto& info : snap->m_nodeInfos)
        for (const auto& image : info->node()->status.images)
            for (const auto& name : image.names) {
                auto& s = images[name];
                s.size = image.sizeBytes;
                ++s.numNodes;
            }
    for (const auto& info : snap->m_nodeInfos)
        for (const auto& image : info->node()->status.images)
            for (const auto& name : image.names) info->imageStates[name] = images[name];
    for (const auto& p : pods) {
        if (p->spec.nodeName.empty()) continue;
        auto it = snap->m_byName.find(p->spec.nodeName);
        if (it == snap->m_byName.end()) continue;
        it->second->addPod(PodInfo::make(p));
    }
    snap->refreshAffinityLists();
    snap->m_generations.resize(snap->m_nodeInfos.size());
    for (std::size_t slot = 0; slot < snap->m_nodeInfos.size(); ++slot)
        snap->m_nodeInfos[slot]->mirrorGenerationTo(&snap->m_generations[slot]);
    return snap;
}

Snapshot::~Snapshot() {
    // The nodes may outlive the snapshot (others hold them): they stop writing to its array.
    for (const auto& info : m_nodeInfos) info->mirrorGenerationTo(nullptr);
}

NodeInfo* Snapshot::get(const std::string& nodeName) const {
    auto it = m_byName.find(nodeName);
    return it == m_byName.end() ? nullptr : it->second.get();
}

namespace {

// Puts the node in (or takes it out of) a list kept in slot order, with its slot in the parallel
// list: a node that gains its first pod with affinity terms joins without the whole list being
// rebuilt (which visits every node, once per such pod).
void setMember(std::vector<std::shared_ptr<NodeInfo>>& nodes, std::vector<std::size_t>& slots,
               const std::shared_ptr<NodeInfo>& info, bool member) {
    const std::size_t slot = info->slot();
    const auto it = std::lower_bound(slots.begin(), slots.end(), slot);
    const bool present = it != slots.end() && *it == slot;
    if (member == present) return;
    const auto position = it - slots.begin();
    if (member) {
        slots.insert(it, slot);
        nodes.insert(nodes.begin() + position, info);
    } else {
        slots.erase(it);
        nodes.erase(nodes.begin() + position);
    }
}

}  // namespace

void Snapshot::addPod(std::shared_ptr<PodInfo> pod, const std::string& nodeName) {
    auto found = m_byName.find(nodeName);
    if (found == m_byName.end()) return;
    const std::shared_ptr<NodeInfo>& info = found->second;
    const std::size_t affinityBefore = info->podsWithAffinity().size();
    const std::size_t antiBefore = info->podsWithRequiredAntiAffinity().size();
    info->addPod(std::move(pod));
    if (affinityBefore == 0 && !info->podsWithAffinity().empty())
        setMember(m_withAffinity, m_withAffinitySlots, info, true);
    if (antiBefore == 0 && !info->podsWithRequiredAntiAffinity().empty())
        setMember(m_withRequiredAntiAffinity, m_withRequiredAntiAffinitySlots, info, true);
}

void Snapshot::removePod(const std::string& namespace_, const std::string& name, const std::string& nodeName) {
    auto found = m_byName.find(nodeName);
    if (found == m_byName.end()) return;
    const std::shared_ptr<NodeInfo>& info = found->second;
    const std::size_t affinityBefore = info->podsWithAffinity().size();
    const std::size_t antiBefore = info->podsWithRequiredAntiAffinity().size();
    info->removePod(namespace_, name);
    if (affinityBefore > 0 && info->podsWithAffinity().empty())
        setMember(m_withAffinity, m_withAffinitySlots, info, false);
    if (antiBefore > 0 && info->podsWithRequiredAntiAffinity().empty())
        setMember(m_withRequiredAntiAffinity, m_withRequiredAntiAffinitySlots, info, false);
}

void Snapshot::refreshAffinityLists() {
    m_withAffinity.clear();
    m_withRequiredAntiAffinity.clear();
    m_withAffinitySlots.clear();
    m_withRequiredAntiAffinitySlots.clear();
    for (std::size_t slot = 0; slot < m_nodeInfos.size(); ++slot) {
        const auto& info = m_nodeInfos[slot];
        if (!info->podsWithAffinity().empty()) {
            m_withAffinity.push_back(info);
            m_withAffinitySlots.push_back(slot);
        }
        if (!info->podsWithRequiredAntiAffinity().empty()) {
            m_withRequiredAntiAffinity.push_back(info);
            m_withRequiredAntiAffinitySlots.push_back(slot);
        }
    }
}

}  // namespace ks::scheduler
