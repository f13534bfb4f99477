// InterPodAffinity PreFilter (+ AddPod/RemovePod) and Filter.
// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (v1.31).
#include <algorithm>

#include "core/scheduler/plugins/inter_pod_affinity/inter_pod_affinity.h"

namespace ks::scheduler::plugins {

namespace {

const char* const kPreFilterStateKey = "PreFilterInterPodAffinity";

using helper::NodeLabelValues;

// Matched term counts per (topology key, value), upstream's topologyToMatchedTermCount: by the
// key's NodeLabelValues and the value's number, so a node's count is an array index. Only
// looked up, never iterated: no order reaches output.
class TopologyCounts {
public:
    // Adds delta to the count of the node's value for key (nothing when the node lacks the key).
    void add(NodeLabelValues* key, const NodeInfo& node, std::int64_t delta) {
        const std::int32_t value = key->id(node);
        if (value == NodeLabelValues::kMissing) return;
        std::vector<std::int64_t>& counts = forKey(key);
        if (static_cast<std::size_t>(value) >= counts.size()) counts.resize(static_cast<std::size_t>(value) + 1, 0);
        std::int64_t& count = counts[static_cast<std::size_t>(value)];
        const bool wasZero = count == 0;
        count += delta;
        // Upstream deletes an entry that drops to zero: empty() is "no non-zero entry".
        if (wasZero && count != 0) ++m_nonZero;
        else if (!wasZero && count == 0) --m_nonZero;
    }
    // The count of the node's value for key (0 when the node lacks the key).
    std::int64_t get(NodeLabelValues* key, const NodeInfo& node) const {
        for (const auto& [k, counts] : m_byKey)
            if (k == key) {
                const std::int32_t value = key->id(node);
                if (value == NodeLabelValues::kMissing || static_cast<std::size_t>(value) >= counts.size()) return 0;
                return counts[static_cast<std::size_t>(value)];
            }
        return 0;
    }
    bool empty() const { return m_nonZero == 0; }
    // Remembers key as one that occurs (existing anti-affinity: the keys a node is checked for).
    void noteKey(NodeLabelValues* key) { forKey(key); }
    const std::vector<std::pair<NodeLabelValues*, std::vector<std::int64_t>>>& byKey() const { return m_byKey; }

private:
    std::vector<std::int64_t>& forKey(NodeLabelValues* key) {
        for (auto& [k, counts] : m_byKey)
            if (k == key) return counts;
        m_byKey.emplace_back(key, std::vector<std::int64_t>{});
        return m_byKey.back().second;
    }

    std::vector<std::pair<NodeLabelValues*, std::vector<std::int64_t>>> m_byKey;
    std::size_t m_nonZero = 0;
};

// The incoming pod with its required terms' namespaceSelectors resolved and each term's
// topology key's values; shared by clones.
struct IncomingPod {
    std::shared_ptr<const api::Pod> pod;
    std::vector<CompiledAffinityTerm> requiredAffinityTerms, requiredAntiAffinityTerms;
    std::vector<NodeLabelValues*> affinityKeys, antiAffinityKeys;  // per term
    api::Labels namespaceLabels;
    helper::NodeLabelIndex* labels = nullptr;  // the plugin's
};

struct InterPodAffinityPreFilterState final : StateData {
    // Existing pods whose required anti-affinity terms match the incoming pod, per topology pair;
    // its keys are those a node is checked for.
    TopologyCounts existingAntiAffinityCounts;
    // Existing pods matching ALL of the incoming pod's required affinity terms.
    TopologyCounts affinityCounts;
    // Existing pods matching the incoming pod's required anti-affinity terms.
    TopologyCounts antiAffinityCounts;
    std::shared_ptr<const IncomingPod> incoming;

    std::unique_ptr<StateData> clone() const override { return std::make_unique<InterPodAffinityPreFilterState>(*this); }
};

// The incoming pod's terms have their namespaceSelector merged into namespaces, so no namespace
// labels are needed to match them.
bool podMatchesAllAffinityTerms(const std::vector<CompiledAffinityTerm>& terms, const api::Pod& pod) {
    if (terms.empty()) return false;
    for (const auto& t : terms)
        if (!t.matches(pod, kNoLabels)) return false;
    return true;
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
    incoming->labels = &m_labels;
    for (const auto& t : podInfo.requiredAffinityTerms) {
        incoming->requiredAffinityTerms.emplace_back(mergeTermNamespaces(t));
        incoming->affinityKeys.push_back(&m_labels.table(t.topologyKey));
    }
    for (const auto& t : podInfo.requiredAntiAffinityTerms) {
        incoming->requiredAntiAffinityTerms.emplace_back(mergeTermNamespaces(t));
        incoming->antiAffinityKeys.push_back(&m_labels.table(t.topologyKey));
    }
    incoming->namespaceLabels = namespaceLabels(podInfo.namespace_());
    const api::Pod& pod = *podInfo.pod;

    auto s = std::make_unique<InterPodAffinityPreFilterState>();
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
                        helper::NodeLabelValues* key = &m_labels.table(t.topologyKey);
                        auto k = std::find_if(matches.begin(), matches.end(),
                                              [&](const auto& e) { return e.first == key; });
                        if (k == matches.end()) matches.emplace_back(key, 1);
                        else ++k->second;
                    }
            }
            for (const auto& [key, count] : matches) {
                s->existingAntiAffinityCounts.add(key, info, count);
                s->existingAntiAffinityCounts.noteKey(key);
            }
        }
    }
    // The incoming pod's required (anti-)affinity against every existing pod, memoized by node
    // state for the same terms.
    if (!incoming->requiredAffinityTerms.empty() || !incoming->requiredAntiAffinityTerms.empty()) {
        auto cache = m_incomingTermsCache.table(termsSignature(*incoming));
        for (std::size_t slot = 0; slot < nodeInfos.size(); ++slot) {
            const NodeInfo& info = *nodeInfos[slot];
            if (!info.node()) continue;
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
                for (auto* key : incoming->affinityKeys) s->affinityCounts.add(key, info, matches.affinity);
            for (std::size_t i = 0; i < matches.antiAffinity.size(); ++i)
                if (matches.antiAffinity[i] > 0)
                    s->antiAffinityCounts.add(incoming->antiAffinityKeys[i], info, matches.antiAffinity[i]);
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
    auto* s = state.read<InterPodAffinityPreFilterState>(kPreFilterStateKey);
    if (!s) return notFound();
    if (!nodeInfo.node()) return Status::success();
    const IncomingPod& in = *s->incoming;
    for (const auto& t : updated.requiredAntiAffinityTerms) {
        if (!t.matches(*in.pod, in.namespaceLabels)) continue;
        helper::NodeLabelValues* key = &in.labels->table(t.topologyKey);
        s->existingAntiAffinityCounts.add(key, nodeInfo, multiplier);
        s->existingAntiAffinityCounts.noteKey(key);
    }
    if (podMatchesAllAffinityTerms(in.requiredAffinityTerms, *updated.pod))
        for (auto* key : in.affinityKeys) s->affinityCounts.add(key, nodeInfo, multiplier);
    for (std::size_t i = 0; i < in.requiredAntiAffinityTerms.size(); ++i)
        if (in.requiredAntiAffinityTerms[i].matches(*updated.pod, kNoLabels))
            s->antiAffinityCounts.add(in.antiAffinityKeys[i], nodeInfo, multiplier);
    return Status::success();
}

// Scheduling the pod here would not break any existing pod's anti-affinity terms.
bool satisfyExistingPodsAntiAffinity(const InterPodAffinityPreFilterState& s, const NodeInfo& node) {
    if (s.existingAntiAffinityCounts.empty()) return true;
    // Upstream checks every label of the node; only the keys that occur can match.
    for (const auto& [key, counts] : s.existingAntiAffinityCounts.byKey()) {
        const std::int32_t value = key->id(node);
        if (value == NodeLabelValues::kMissing || static_cast<std::size_t>(value) >= counts.size()) continue;
        if (counts[static_cast<std::size_t>(value)] > 0) return false;
    }
    return true;
}

bool satisfyPodAntiAffinity(const InterPodAffinityPreFilterState& s, const NodeInfo& node) {
    if (s.antiAffinityCounts.empty()) return true;
    for (auto* key : s.incoming->antiAffinityKeys)
        if (s.antiAffinityCounts.get(key, node) > 0) return false;
    return true;
}

bool satisfyPodAffinity(const InterPodAffinityPreFilterState& s, const NodeInfo& node) {
    bool podsExist = true;
    for (auto* key : s.incoming->affinityKeys) {
        if (key->id(node) == NodeLabelValues::kMissing) return false;  // every topology label must exist
        if (s.affinityCounts.get(key, node) <= 0) podsExist = false;
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
    const auto* s = m_preFilterState.read<InterPodAffinityPreFilterState>(state, kPreFilterStateKey);
    if (!s) return notFound();
    if (!nodeInfo.node()) return Status::error("node not found");
    // Rejections are shared by every node.
    static const Status kAffinity = Status::constant(Code::UnschedulableAndUnresolvable, {kErrReasonAffinityRulesNotMatch});
    static const Status kAntiAffinity = Status::constant(Code::Unschedulable, {kErrReasonAntiAffinityRulesNotMatch});
    static const Status kExisting = Status::constant(Code::Unschedulable, {kErrReasonExistingAntiAffinityRulesNotMatch});
    if (!satisfyPodAffinity(*s, nodeInfo)) return kAffinity;
    if (!satisfyPodAntiAffinity(*s, nodeInfo)) return kAntiAffinity;
    if (!satisfyExistingPodsAntiAffinity(*s, nodeInfo)) return kExisting;
    return Status::success();
}

}  // namespace ks::scheduler::plugins
