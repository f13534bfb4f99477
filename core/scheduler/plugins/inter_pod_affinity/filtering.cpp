// InterPodAffinity PreFilter (+ AddPod/RemovePod) and Filter.
// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (v1.31).
#include <map>

#include "core/scheduler/plugins/inter_pod_affinity/inter_pod_affinity.h"

namespace ks::scheduler::plugins {

namespace {

const char* const kPreFilterStateKey = "PreFilterInterPodAffinity";

using TopologyPair = std::pair<std::string, std::string>;  // (topology key, value)
using TopologyToMatchedTermCount = std::map<TopologyPair, std::int64_t>;

// The incoming pod with its required terms' namespaceSelectors resolved; shared by clones.
struct IncomingPod {
    std::shared_ptr<const api::Pod> pod;
    std::vector<AffinityTerm> requiredAffinityTerms, requiredAntiAffinityTerms;
    api::Labels namespaceLabels;
};

struct PreFilterState final : StateData {
    // Existing pods whose required anti-affinity terms match the incoming pod, per topology pair.
    TopologyToMatchedTermCount existingAntiAffinityCounts;
    // Existing pods matching ALL of the incoming pod's required affinity terms.
    TopologyToMatchedTermCount affinityCounts;
    // Existing pods matching the incoming pod's required anti-affinity terms.
    TopologyToMatchedTermCount antiAffinityCounts;
    std::shared_ptr<const IncomingPod> incoming;

    std::unique_ptr<StateData> clone() const override { return std::make_unique<PreFilterState>(*this); }
};

const api::Labels kNoLabels;

void update(TopologyToMatchedTermCount& m, const api::Node& node, const std::string& key, std::int64_t value) {
    auto label = node.metadata.labels.find(key);
    if (label == node.metadata.labels.end()) return;
    auto [it, inserted] = m.emplace(TopologyPair{key, label->second}, 0);
    it->second += value;
    // value may be negative: an entry down to zero is removed.
    if (it->second == 0) m.erase(it);
}

// The incoming pod's terms have their namespaceSelector merged into namespaces, so no namespace
// labels are needed to match them.
bool podMatchesAllAffinityTerms(const std::vector<AffinityTerm>& terms, const api::Pod& pod) {
    if (terms.empty()) return false;
    for (const auto& t : terms)
        if (!t.matches(pod, kNoLabels)) return false;
    return true;
}

void updateWithAffinityTerms(TopologyToMatchedTermCount& m, const std::vector<AffinityTerm>& terms,
                             const api::Pod& pod, const api::Node& node, std::int64_t value) {
    if (!podMatchesAllAffinityTerms(terms, pod)) return;
    for (const auto& t : terms) update(m, node, t.topologyKey, value);
}

void updateWithAntiAffinityTerms(TopologyToMatchedTermCount& m, const std::vector<AffinityTerm>& terms,
                                 const api::Pod& pod, const api::Labels& nsLabels, const api::Node& node,
                                 std::int64_t value) {
    for (const auto& t : terms)
        if (t.matches(pod, nsLabels)) update(m, node, t.topologyKey, value);
}

Status notFound() {
    return Status::error(std::string("error reading \"") + kPreFilterStateKey + "\" from cycleState: not found");
}

}  // namespace

Status InterPodAffinity::preFilter(CycleState& state, const PodInfo& podInfo, PreFilterResult&) {
    const Snapshot& snapshot = m_handle.snapshot();
    auto incoming = std::make_shared<IncomingPod>();
    incoming->pod = podInfo.pod;
    for (const auto& t : podInfo.requiredAffinityTerms) incoming->requiredAffinityTerms.push_back(mergeTermNamespaces(t));
    for (const auto& t : podInfo.requiredAntiAffinityTerms)
        incoming->requiredAntiAffinityTerms.push_back(mergeTermNamespaces(t));
    incoming->namespaceLabels = namespaceLabels(podInfo.namespace_());
    const api::Pod& pod = *podInfo.pod;

    auto s = std::make_unique<PreFilterState>();
    // Existing pods' required anti-affinity against the incoming pod.
    for (const auto& info : snapshot.havePodsWithRequiredAntiAffinity()) {
        const api::Node* node = info->node();
        if (!node) continue;
        for (const auto& existing : info->podsWithRequiredAntiAffinity())
            updateWithAntiAffinityTerms(s->existingAntiAffinityCounts, existing->requiredAntiAffinityTerms, pod,
                                        incoming->namespaceLabels, *node, 1);
    }
    // The incoming pod's required (anti-)affinity against every existing pod.
    if (!incoming->requiredAffinityTerms.empty() || !incoming->requiredAntiAffinityTerms.empty()) {
        for (const auto& info : snapshot.nodeInfos()) {
            const api::Node* node = info->node();
            if (!node) continue;
            for (const auto& existing : info->pods()) {
                updateWithAffinityTerms(s->affinityCounts, incoming->requiredAffinityTerms, *existing->pod, *node, 1);
                updateWithAntiAffinityTerms(s->antiAffinityCounts, incoming->requiredAntiAffinityTerms, *existing->pod,
                                            kNoLabels, *node, 1);
            }
        }
    }

    if (s->existingAntiAffinityCounts.empty() && incoming->requiredAffinityTerms.empty() &&
        incoming->requiredAntiAffinityTerms.empty())
        return Status::skip();
    s->incoming = std::move(incoming);
    state.write(kPreFilterStateKey, std::move(s));
    return Status::success();
}

namespace {

Status updateWithPod(CycleState& state, const PodInfo& updated, const NodeInfo& nodeInfo, std::int64_t multiplier) {
    auto* s = state.read<PreFilterState>(kPreFilterStateKey);
    if (!s) return notFound();
    const api::Node* node = nodeInfo.node();
    if (!node) return Status::success();
    const IncomingPod& in = *s->incoming;
    updateWithAntiAffinityTerms(s->existingAntiAffinityCounts, updated.requiredAntiAffinityTerms, *in.pod,
                                in.namespaceLabels, *node, multiplier);
    updateWithAffinityTerms(s->affinityCounts, in.requiredAffinityTerms, *updated.pod, *node, multiplier);
    updateWithAntiAffinityTerms(s->antiAffinityCounts, in.requiredAntiAffinityTerms, *updated.pod, kNoLabels, *node,
                                multiplier);
    return Status::success();
}

// Scheduling the pod here would not break any existing pod's anti-affinity terms.
bool satisfyExistingPodsAntiAffinity(const PreFilterState& s, const api::Node& node) {
    if (s.existingAntiAffinityCounts.empty()) return true;
    for (const auto& [key, value] : node.metadata.labels) {
        auto it = s.existingAntiAffinityCounts.find({key, value});
        if (it != s.existingAntiAffinityCounts.end() && it->second > 0) return false;
    }
    return true;
}

bool satisfyPodAntiAffinity(const PreFilterState& s, const api::Node& node) {
    if (s.antiAffinityCounts.empty()) return true;
    for (const auto& term : s.incoming->requiredAntiAffinityTerms) {
        auto label = node.metadata.labels.find(term.topologyKey);
        if (label == node.metadata.labels.end()) continue;
        auto it = s.antiAffinityCounts.find({term.topologyKey, label->second});
        if (it != s.antiAffinityCounts.end() && it->second > 0) return false;
    }
    return true;
}

bool satisfyPodAffinity(const PreFilterState& s, const api::Node& node) {
    bool podsExist = true;
    for (const auto& term : s.incoming->requiredAffinityTerms) {
        auto label = node.metadata.labels.find(term.topologyKey);
        if (label == node.metadata.labels.end()) return false;  // every topology label must exist
        auto it = s.affinityCounts.find({term.topologyKey, label->second});
        if (it == s.affinityCounts.end() || it->second <= 0) podsExist = false;
    }
    if (podsExist) return true;
    // The first pod of a group with affinity to itself: if no pod in the cluster matches and the
    // pod matches its own terms, it may go to any node with the topology labels.
    return s.affinityCounts.empty() && podMatchesAllAffinityTerms(s.incoming->requiredAffinityTerms, *s.incoming->pod);
}

}  // namespace

Status InterPodAffinity::addPod(CycleState& state, const PodInfo&, const PodInfo& podToAdd, const NodeInfo& node) {
    return updateWithPod(state, podToAdd, node, 1);
}

Status InterPodAffinity::removePod(CycleState& state, const PodInfo&, const PodInfo& podToRemove,
                                   const NodeInfo& node) {
    return updateWithPod(state, podToRemove, node, -1);
}

Status InterPodAffinity::filter(CycleState& state, const PodInfo&, const NodeInfo& nodeInfo) {
    const auto* s = state.read<PreFilterState>(kPreFilterStateKey);
    if (!s) return notFound();
    const api::Node* node = nodeInfo.node();
    if (!node) return Status::error("node not found");
    if (!satisfyPodAffinity(*s, *node)) return Status::unresolvable(kErrReasonAffinityRulesNotMatch);
    if (!satisfyPodAntiAffinity(*s, *node)) return Status::unschedulable(kErrReasonAntiAffinityRulesNotMatch);
    if (!satisfyExistingPodsAntiAffinity(*s, *node))
        return Status::unschedulable(kErrReasonExistingAntiAffinityRulesNotMatch);
    return Status::success();
}

}  // namespace ks::scheduler::plugins
