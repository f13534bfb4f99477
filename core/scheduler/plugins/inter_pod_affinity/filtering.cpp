// InterPodAffinity PreFilter (+ AddPod/RemovePod) and Filter.
// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (v1.31).
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/scheduler/plugins/inter_pod_affinity/inter_pod_affinity.h"

namespace ks::scheduler::plugins {

namespace {

const char* const kPreFilterStateKey = "PreFilterInterPodAffinity";

// (topology key, value). NOTE: both view the node's own label strings (update() takes them
// from the node's label map), and the snapshot's nodes outlive a cycle's state.
using TopologyView = std::pair<std::string_view, std::string_view>;
struct PairHash {
    std::size_t operator()(const TopologyView& p) const {
        const std::size_t h = std::hash<std::string_view>{}(p.first);
        return h ^ (std::hash<std::string_view>{}(p.second) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
    }
};
// Only looked up, never iterated: the order of the entries reaches no output.
using TopologyToMatchedTermCount = std::unordered_map<TopologyView, std::int64_t, PairHash>;

// The incoming pod with its required terms' namespaceSelectors resolved; shared by clones.
struct IncomingPod {
    std::shared_ptr<const api::Pod> pod;
    std::vector<CompiledAffinityTerm> requiredAffinityTerms, requiredAntiAffinityTerms;
    api::Labels namespaceLabels;
};

struct PreFilterState final : StateData {
    // Existing pods whose required anti-affinity terms match the incoming pod, per topology pair.
    TopologyToMatchedTermCount existingAntiAffinityCounts;
    // The topology keys that occur in existingAntiAffinityCounts: a node only needs those looked up.
    std::vector<std::string> existingAntiAffinityKeys;
    // Existing pods matching ALL of the incoming pod's required affinity terms.
    TopologyToMatchedTermCount affinityCounts;
    // Existing pods matching the incoming pod's required anti-affinity terms.
    TopologyToMatchedTermCount antiAffinityCounts;
    std::shared_ptr<const IncomingPod> incoming;

    std::unique_ptr<StateData> clone() const override { return std::make_unique<PreFilterState>(*this); }
};

const api::Labels kNoLabels;

const std::string& topologyKeyOf(const CompiledAffinityTerm& t) { return t.term.topologyKey; }

void update(TopologyToMatchedTermCount& m, const api::Node& node, const std::string& key, std::int64_t value) {
    auto label = node.metadata.labels.find(key);
    if (label == node.metadata.labels.end()) return;
    auto it = m.try_emplace(TopologyView{label->first, label->second}, 0).first;
    it->second += value;
    // value may be negative: an entry down to zero is removed.
    if (it->second == 0) m.erase(it);
}

// The incoming pod's terms have their namespaceSelector merged into namespaces, so no namespace
// labels are needed to match them.
bool podMatchesAllAffinityTerms(const std::vector<CompiledAffinityTerm>& terms, const api::Pod& pod) {
    if (terms.empty()) return false;
    for (const auto& t : terms)
        if (!t.matches(pod, kNoLabels)) return false;
    return true;
}

void updateWithAffinityTerms(TopologyToMatchedTermCount& m, const std::vector<CompiledAffinityTerm>& terms,
                             const api::Pod& pod, const api::Node& node, std::int64_t value) {
    if (!podMatchesAllAffinityTerms(terms, pod)) return;
    for (const auto& t : terms) update(m, node, t.term.topologyKey, value);
}

void updateWithAntiAffinityTerms(TopologyToMatchedTermCount& m, const std::vector<CompiledAffinityTerm>& terms,
                                 const api::Pod& pod, const api::Labels& nsLabels, const api::Node& node,
                                 std::int64_t value) {
    for (const auto& t : terms)
        if (t.matches(pod, nsLabels)) update(m, node, topologyKeyOf(t), value);
}

void noteKey(std::vector<std::string>& keys, const std::string& key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
}

// Everything that decides which pods the incoming pod's required terms match.
std::string termsSignature(const IncomingPod& in) {
    std::string key;
    for (const auto& t : in.requiredAffinityTerms) key += "A" + ipa::termSignature(t);
    for (const auto& t : in.requiredAntiAffinityTerms) key += "N" + ipa::termSignature(t);
    return key;
}

Status notFound() {
    return Status::error(std::string("error reading \"") + kPreFilterStateKey + "\" from cycleState: not found");
}

}  // namespace

Status InterPodAffinity::preFilter(CycleState& state, const PodInfo& podInfo, PreFilterResult&) {
    const Snapshot& snapshot = m_handle.snapshot();
    // Nothing to count and no terms of its own: the Skip the full computation would end in.
    if (snapshot.havePodsWithRequiredAntiAffinity().empty() && podInfo.requiredAffinityTerms.empty() &&
        podInfo.requiredAntiAffinityTerms.empty())
        return Status::skip();
    auto incoming = std::make_shared<IncomingPod>();
    incoming->pod = podInfo.pod;
    for (const auto& t : podInfo.requiredAffinityTerms)
        incoming->requiredAffinityTerms.emplace_back(mergeTermNamespaces(t));
    for (const auto& t : podInfo.requiredAntiAffinityTerms)
        incoming->requiredAntiAffinityTerms.emplace_back(mergeTermNamespaces(t));
    incoming->namespaceLabels = namespaceLabels(podInfo.namespace_());
    const api::Pod& pod = *podInfo.pod;

    auto s = std::make_unique<PreFilterState>();
    // Existing pods' required anti-affinity against the incoming pod. The matches per node are
    // memoized by node state for pods with the same namespace and labels (see NodeResultCache);
    // adding a node's matches at once gives the counts that adding them one by one gives.
    const auto& nodeInfos = snapshot.nodeInfos();
    if (!snapshot.havePodsWithRequiredAntiAffinity().empty()) {
        auto cache = m_existingAntiAffinityCache.table(ipa::podSignature(pod, incoming->namespaceLabels));
        for (std::size_t slot : snapshot.havePodsWithRequiredAntiAffinitySlots()) {
            const NodeInfo& info = *nodeInfos[slot];
            const api::Node* node = info.node();
            if (!node || info.podsWithRequiredAntiAffinity().empty()) continue;
            bool fresh = false;
            ipa::ExistingAntiAffinityMatches& matches = cache->get(slot, info, fresh);
            if (fresh) {
                for (const auto& existing : info.podsWithRequiredAntiAffinity())
                    for (const auto& t : existing->requiredAntiAffinityTerms) {
                        if (!t.matches(pod, incoming->namespaceLabels)) continue;
                        auto k = std::find_if(matches.begin(), matches.end(),
                                              [&](const auto& e) { return e.first == t.topologyKey; });
                        if (k == matches.end()) matches.emplace_back(t.topologyKey, 1);
                        else ++k->second;
                    }
            }
            for (const auto& [key, count] : matches) {
                update(s->existingAntiAffinityCounts, *node, key, count);
                noteKey(s->existingAntiAffinityKeys, key);
            }
        }
    }
    // The incoming pod's required (anti-)affinity against every existing pod, memoized by node
    // state for the same terms.
    if (!incoming->requiredAffinityTerms.empty() || !incoming->requiredAntiAffinityTerms.empty()) {
        auto cache = m_incomingTermsCache.table(termsSignature(*incoming));
        for (std::size_t slot = 0; slot < nodeInfos.size(); ++slot) {
            const NodeInfo& info = *nodeInfos[slot];
            const api::Node* node = info.node();
            if (!node) continue;
            bool fresh = false;
            ipa::IncomingTermMatches& matches = cache->get(slot, info, fresh);
            if (fresh) {
                matches.antiAffinity.assign(incoming->requiredAntiAffinityTerms.size(), 0);
                for (const auto& existing : info.pods()) {
                    if (podMatchesAllAffinityTerms(incoming->requiredAffinityTerms, *existing->pod)) ++matches.affinity;
                    for (std::size_t i = 0; i < incoming->requiredAntiAffinityTerms.size(); ++i)
                        if (incoming->requiredAntiAffinityTerms[i].matches(*existing->pod, kNoLabels)) ++matches.antiAffinity[i];
                }
            }
            if (matches.affinity > 0)
                for (const auto& t : incoming->requiredAffinityTerms)
                    update(s->affinityCounts, *node, t.term.topologyKey, matches.affinity);
            for (std::size_t i = 0; i < matches.antiAffinity.size(); ++i)
                if (matches.antiAffinity[i] > 0)
                    update(s->antiAffinityCounts, *node, incoming->requiredAntiAffinityTerms[i].term.topologyKey,
                           matches.antiAffinity[i]);
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
    for (const auto& t : updated.requiredAntiAffinityTerms) {
        if (!t.matches(*in.pod, in.namespaceLabels)) continue;
        update(s->existingAntiAffinityCounts, *node, t.topologyKey, multiplier);
        noteKey(s->existingAntiAffinityKeys, t.topologyKey);
    }
    updateWithAffinityTerms(s->affinityCounts, in.requiredAffinityTerms, *updated.pod, *node, multiplier);
    updateWithAntiAffinityTerms(s->antiAffinityCounts, in.requiredAntiAffinityTerms, *updated.pod, kNoLabels, *node,
                                multiplier);
    return Status::success();
}

// Scheduling the pod here would not break any existing pod's anti-affinity terms.
bool satisfyExistingPodsAntiAffinity(const PreFilterState& s, const api::Node& node) {
    if (s.existingAntiAffinityCounts.empty()) return true;
    // Upstream checks every label of the node; only the keys that occur can match.
    for (const auto& key : s.existingAntiAffinityKeys) {
        auto label = node.metadata.labels.find(key);
        if (label == node.metadata.labels.end()) continue;
        auto it = s.existingAntiAffinityCounts.find(TopologyView{label->first, label->second});
        if (it != s.existingAntiAffinityCounts.end() && it->second > 0) return false;
    }
    return true;
}

bool satisfyPodAntiAffinity(const PreFilterState& s, const api::Node& node) {
    if (s.antiAffinityCounts.empty()) return true;
    for (const auto& t : s.incoming->requiredAntiAffinityTerms) {
        const AffinityTerm& term = t.term;
        auto label = node.metadata.labels.find(term.topologyKey);
        if (label == node.metadata.labels.end()) continue;
        auto it = s.antiAffinityCounts.find(TopologyView{term.topologyKey, label->second});
        if (it != s.antiAffinityCounts.end() && it->second > 0) return false;
    }
    return true;
}

bool satisfyPodAffinity(const PreFilterState& s, const api::Node& node) {
    bool podsExist = true;
    for (const auto& t : s.incoming->requiredAffinityTerms) {
        const AffinityTerm& term = t.term;
        auto label = node.metadata.labels.find(term.topologyKey);
        if (label == node.metadata.labels.end()) return false;  // every topology label must exist
        auto it = s.affinityCounts.find(TopologyView{term.topologyKey, label->second});
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
    const auto* s = m_preFilterState.read<PreFilterState>(state, kPreFilterStateKey);
    if (!s) return notFound();
    const api::Node* node = nodeInfo.node();
    if (!node) return Status::error("node not found");
    // Rejections are shared by every node.
    static const Status kAffinity = Status::constant(Code::UnschedulableAndUnresolvable, {kErrReasonAffinityRulesNotMatch});
    static const Status kAntiAffinity = Status::constant(Code::Unschedulable, {kErrReasonAntiAffinityRulesNotMatch});
    static const Status kExisting = Status::constant(Code::Unschedulable, {kErrReasonExistingAntiAffinityRulesNotMatch});
    if (!satisfyPodAffinity(*s, *node)) return kAffinity;
    if (!satisfyPodAntiAffinity(*s, *node)) return kAntiAffinity;
    if (!satisfyExistingPodsAntiAffinity(*s, *node)) return kExisting;
    return Status::success();
}

}  // namespace ks::scheduler::plugins
