// InterPodAffinity PreScore, Score and NormalizeScore.
// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/scoring.go (v1.31).
#include <climits>
#include <map>

#include "core/scheduler/plugins/inter_pod_affinity/inter_pod_affinity.h"

namespace ks::scheduler::plugins {

namespace {

const char* const kPreScoreStateKey = "PreScoreInterPodAffinity";

// topology key -> topology value -> score.
using ScoreMap = std::map<std::string, std::map<std::string, std::int64_t>>;

struct InterPodAffinityPreScoreState final : StateData {
    ScoreMap topologyScore;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<InterPodAffinityPreScoreState>(*this); }
};

struct IncomingTerms {
    std::vector<CompiledAffinityTerm> preferredAffinityTerms, preferredAntiAffinityTerms;
    api::Labels namespaceLabels;
};

// Term is AffinityTerm (an existing pod's) or CompiledAffinityTerm (the incoming pod's).
template <typename Term>
void processTerm(ScoreMap& m, const Term& term, const std::string& topologyKey, std::int32_t weight,
                 const api::Pod& pod, const api::Labels& nsLabels, const api::Node& node, std::int32_t multiplier) {
    if (!term.matches(pod, nsLabels)) return;
    auto label = node.metadata.labels.find(topologyKey);
    if (label == node.metadata.labels.end()) return;
    m[topologyKey][label->second] += static_cast<std::int64_t>(weight * multiplier);
}

void processTerms(ScoreMap& m, const std::vector<WeightedAffinityTerm>& terms, const api::Pod& pod,
                  const api::Labels& nsLabels, const api::Node& node, std::int32_t multiplier) {
    for (const auto& t : terms) processTerm(m, t.term, t.term.topologyKey, t.weight, pod, nsLabels, node, multiplier);
}

void processTerms(ScoreMap& m, const std::vector<CompiledAffinityTerm>& terms, const api::Pod& pod,
                  const api::Labels& nsLabels, const api::Node& node, std::int32_t multiplier) {
    for (const auto& t : terms) processTerm(m, t, t.term.topologyKey, t.weight, pod, nsLabels, node, multiplier);
}

}  // namespace

Status InterPodAffinity::preScore(CycleState& state, const PodInfo& podInfo, const std::vector<const NodeInfo*>&) {
    const api::Pod& pod = *podInfo.pod;
    const bool hasPreferredAffinity = !podInfo.preferredAffinityTerms.empty();
    const bool hasPreferredAntiAffinity = !podInfo.preferredAntiAffinityTerms.empty();
    const bool hasConstraints = hasPreferredAffinity || hasPreferredAntiAffinity;
    // Optionally skip the existing pods' preferences when the incoming pod has none of its own.
    if (m_args.ignorePreferredTermsOfExistingPods && !hasConstraints) return Status::skip();

    // Unless the incoming pod has preferred terms, only nodes hosting pods with affinity matter.
    const Snapshot& snapshot = m_handle.snapshot();
    if (!hasConstraints && snapshot.havePodsWithAffinity().empty()) return Status::skip();  // no score anywhere

    IncomingTerms in;
    for (const auto& t : podInfo.preferredAffinityTerms)
        in.preferredAffinityTerms.emplace_back(mergeTermNamespaces(t.term), t.weight);
    for (const auto& t : podInfo.preferredAntiAffinityTerms)
        in.preferredAntiAffinityTerms.emplace_back(mergeTermNamespaces(t.term), t.weight);
    in.namespaceLabels = namespaceLabels(podInfo.namespace_());

    auto s = std::make_unique<InterPodAffinityPreScoreState>();
    bool anyScore = false;
    // A node's contributions are memoized by node state for the same incoming pod (labels,
    // namespace, preferred terms); adding them at once gives the sums adding them one by one gives.
    std::string signature = ipa::podSignature(pod, in.namespaceLabels);
    signature += hasConstraints ? "\x05" : "\x06";
    for (const auto& t : in.preferredAffinityTerms) signature += "A" + ipa::termSignature(t);
    for (const auto& t : in.preferredAntiAffinityTerms) signature += "N" + ipa::termSignature(t);
    auto cache = m_scoreCache.table(signature);
    const auto& nodeInfos = snapshot.nodeInfos();
    // All nodes (List) or only those with pods with affinity (HavePodsWithAffinityList), by slot.
    const std::vector<std::size_t>& withAffinity = snapshot.havePodsWithAffinitySlots();
    const std::size_t count = hasConstraints ? nodeInfos.size() : withAffinity.size();
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t slot = hasConstraints ? k : withAffinity[k];
        const NodeInfo& info = *nodeInfos[slot];
        const api::Node* node = info.node();
        if (!node || node->metadata.labels.empty()) continue;
        if (!hasConstraints && info.podsWithAffinity().empty()) continue;
        bool fresh = false;
        ipa::ScoreContributions& contributions = cache->get(slot, info, fresh);
        if (fresh) {
            const auto& pods = hasConstraints ? info.pods() : info.podsWithAffinity();
            ScoreMap topoScore;
            for (const auto& existing : pods) {
                // The incoming pod's preferred terms against the existing pod.
                processTerms(topoScore, in.preferredAffinityTerms, *existing->pod, kNoLabels, *node, 1);
                processTerms(topoScore, in.preferredAntiAffinityTerms, *existing->pod, kNoLabels, *node, -1);
                // The existing pod's terms against the incoming pod: required affinity counts with
                // hardPodAffinityWeight, its preferred terms with their weights.
                if (m_args.hardPodAffinityWeight > 0)
                    for (const auto& t : existing->requiredAffinityTerms)
                        processTerm(topoScore, t, t.topologyKey, m_args.hardPodAffinityWeight, pod, in.namespaceLabels,
                                    *node, 1);
                processTerms(topoScore, existing->preferredAffinityTerms, pod, in.namespaceLabels, *node, 1);
                processTerms(topoScore, existing->preferredAntiAffinityTerms, pod, in.namespaceLabels, *node, -1);
            }
            for (const auto& [key, values] : topoScore)
                for (const auto& [value, score] : values) contributions.emplace_back(key, value, score);
        }
        if (!contributions.empty()) {
            anyScore = true;
            for (const auto& [key, value, score] : contributions) s->topologyScore[key][value] += score;
        }
    }
    if (!anyScore) return Status::skip();
    state.write(kPreScoreStateKey, std::move(s));
    return Status::success();
}

namespace {

// Positive for affinity, negative for anti-affinity.
std::int64_t scoreNode(const ScoreMap& topologyScore, const api::Node& node) {
    std::int64_t score = 0;
    for (const auto& [key, values] : topologyScore) {
        auto label = node.metadata.labels.find(key);
        if (label == node.metadata.labels.end()) continue;
        auto it = values.find(label->second);
        if (it != values.end()) score += it->second;
    }
    return score;
}

Status stateNotFound() {
    return Status::error(std::string("failed to read \"") + kPreScoreStateKey + "\" from cycleState: not found");
}

}  // namespace

Status InterPodAffinity::score(CycleState& state, const PodInfo&, const NodeInfo& nodeInfo, std::int64_t& score) {
    score = 0;
    const auto* s = state.read<InterPodAffinityPreScoreState>(kPreScoreStateKey);
    if (!s) return stateNotFound();
    const api::Node* node = nodeInfo.node();
    if (!node) return Status::error("node not found");
    score = scoreNode(s->topologyScore, *node);
    return Status::success();
}

Status InterPodAffinity::scoreNodes(CycleState& state, const PodInfo&, const std::vector<const NodeInfo*>& nodes,
                                    std::vector<NodeScore>& scores) {
    if (nodes.empty()) return Status::success();
    const auto* s = state.read<InterPodAffinityPreScoreState>(kPreScoreStateKey);
    if (!s) return stateNotFound();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        scores[i].score = 0;
        const api::Node* node = nodes[i]->node();
        if (!node) return Status::error("node not found");
        scores[i].score = scoreNode(s->topologyScore, *node);
    }
    return Status::success();
}

Status InterPodAffinity::normalizeScore(CycleState& state, const PodInfo&, std::vector<NodeScore>& scores) {
    const auto* s = state.read<InterPodAffinityPreScoreState>(kPreScoreStateKey);
    if (!s) return stateNotFound();
    if (s->topologyScore.empty() || scores.empty()) return Status::success();

    std::int64_t minCount = LLONG_MAX, maxCount = LLONG_MIN;
    for (const auto& ns : scores) {
        maxCount = std::max(maxCount, ns.score);
        minCount = std::min(minCount, ns.score);
    }
    const std::int64_t maxMinDiff = maxCount - minCount;
    for (auto& ns : scores) {
        double f = 0;
        if (maxMinDiff > 0)
            f = static_cast<double>(kMaxNodeScore) *
                (static_cast<double>(ns.score - minCount) / static_cast<double>(maxMinDiff));
        ns.score = static_cast<std::int64_t>(f);
    }
    return Status::success();
}

}  // namespace ks::scheduler::plugins
