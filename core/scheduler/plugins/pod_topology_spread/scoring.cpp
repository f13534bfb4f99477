// PodTopologySpread PreScore, Score and NormalizeScore.
// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/scoring.go (v1.31).
#include <climits>
#include <cmath>
#include <set>

#include "core/scheduler/plugins/pod_topology_spread/pod_topology_spread.h"

namespace ks::scheduler::plugins {

namespace {

const char* const kPreScoreStateKey = "PreScorePodTopologySpread";
constexpr std::int64_t kInvalidScore = -1;

struct PodTopologySpreadPreScoreState final : StateData {
    std::vector<SpreadConstraint> constraints;
    // Filtered nodes lacking some constraint's topology key: scored 0.
    std::set<std::string> ignoredNodes;
    // Per constraint: domain -> matching pods (hostname constraints count per node in Score).
    std::vector<spread::DomainCounts> topologyValueToPodCounts;
    // Per constraint: ln(number of domains + 2), so small topologies are not watered down.
    std::vector<double> topologyNormalizingWeight;
    std::vector<helper::NodeLabelValues*> labels;  // per constraint: the plugin's label values

    std::unique_ptr<StateData> clone() const override { return std::make_unique<PodTopologySpreadPreScoreState>(*this); }
};

double topologyNormalizingWeight(std::size_t size) { return std::log(static_cast<double>(size + 2)); }

// maxSkew-1 is added so that differences between domains are watered down by the tolerance.
double scoreForCount(std::int64_t count, std::int32_t maxSkew, double tpWeight) {
    return static_cast<double>(count) * tpWeight + static_cast<double>(maxSkew - 1);
}

// Go's map index on a missing label: the empty string.
const std::string& emptyLabel() {
    static const std::string kEmpty;
    return kEmpty;
}

}  // namespace

Status PodTopologySpread::preScore(CycleState& state, const PodInfo& podInfo,
                                   const std::vector<const NodeInfo*>& filteredNodes) {
    const api::Pod& pod = *podInfo.pod;
    const auto& allNodes = m_handle.snapshot().nodeInfos();
    if (filteredNodes.empty() || allNodes.empty()) return Status::skip();

    auto s = std::make_unique<PodTopologySpreadPreScoreState>();
    // Only non-system-default rules require every topology label; this lets nodes without a
    // zone label still get hostname spreading.
    const bool requireAllTopologies = !pod.spec.topologySpreadConstraints.empty() || !m_systemDefaulted;
    s->constraints = constraintsFor(pod, "ScheduleAnyway");
    if (s->constraints.empty()) return Status::skip();

    // initPreScoreState: the domains among the filtered nodes.
    const std::size_t n = s->constraints.size();
    s->topologyValueToPodCounts.resize(n);
    for (const auto& c : s->constraints) s->labels.push_back(&m_labels.table(c.topologyKey));
    std::vector<bool> isHostname(n);
    for (std::size_t i = 0; i < n; ++i) isHostname[i] = s->constraints[i].topologyKey == spread::kLabelHostname;
    // The node's value for each constraint's key ("" when missing, as Go's map index), and
    // whether it has them all.
    std::vector<const std::string*> values(n);
    std::vector<std::int32_t> ids(n);
    auto readValues = [&](const NodeInfo& info) {
        bool hasAll = true;
        for (std::size_t i = 0; i < n; ++i) {
            ids[i] = s->labels[i]->id(info);
            const bool has = ids[i] != helper::NodeLabelValues::kMissing;
            hasAll = hasAll && has;
            values[i] = has ? &s->labels[i]->valueOf(ids[i]) : &emptyLabel();
        }
        return hasAll;
    };
    std::vector<std::size_t> topoSize(n, 0);
    for (const NodeInfo* info : filteredNodes) {
        const api::Node* node = info->node();
        if (!node) continue;
        if (!readValues(*info) && requireAllTopologies) {
            s->ignoredNodes.insert(node->metadata.name);
            continue;
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (isHostname[i]) continue;  // counted per node in Score
            auto& counts = s->topologyValueToPodCounts[i];
            const std::size_t before = counts.size();
            counts.at(ids[i], *values[i]);
            if (counts.size() != before) ++topoSize[i];
        }
    }
    s->topologyNormalizingWeight.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t size = topoSize[i];
        if (s->constraints[i].topologyKey == spread::kLabelHostname)
            size = filteredNodes.size() - s->ignoredNodes.size();
        s->topologyNormalizingWeight[i] = topologyNormalizingWeight(size);
    }

    // Counts over ALL nodes, for the domains that some filtered node belongs to.
    std::vector<std::shared_ptr<spread::MatchCounts::Table>> tables;
    for (const auto& c : s->constraints) tables.push_back(m_matchCounts.table(c.selector, pod.metadata.namespace_));
    const helper::CompiledRequiredNodeAffinity required(pod);
    for (std::size_t slot = 0; slot < allNodes.size(); ++slot) {
        const NodeInfo* info = allNodes[slot].get();
        const api::Node* node = info->node();
        if (!node) continue;
        if (!readValues(*info) && requireAllTopologies) continue;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& c = s->constraints[i];
            if (isHostname[i]) continue;  // no domain map: counted per node in Score
            std::int64_t* count = s->topologyValueToPodCounts[i].find(ids[i], *values[i]);
            if (!count || !spread::matchNodeInclusionPolicies(c, pod, *node, required)) continue;
            *count += tables[i]->count(slot, *info, c.selector, pod.metadata.namespace_);
        }
    }

    state.write(kPreScoreStateKey, std::move(s));
    return Status::success();
}

namespace {

// Each present domain credits the node with its number of matching pods.
// The counts remember value numbers as they are looked up, hence a mutable state.
std::int64_t scoreNode(PodTopologySpreadPreScoreState& s, const NodeInfo& nodeInfo, const std::string& ns) {
    double sum = 0;
    for (std::size_t i = 0; i < s.constraints.size(); ++i) {
        const auto& c = s.constraints[i];
        const std::int32_t id = s.labels[i]->id(nodeInfo);
        if (id == helper::NodeLabelValues::kMissing) continue;
        std::int64_t count = 0;
        if (c.topologyKey == spread::kLabelHostname) {
            count = spread::countPodsMatchSelector(nodeInfo, c.selector, ns);
        } else {
            if (const std::int64_t* c2 = s.topologyValueToPodCounts[i].find(id, *s.labels[i])) count = *c2;
        }
        sum += scoreForCount(count, c.maxSkew, s.topologyNormalizingWeight[i]);
    }
    return static_cast<std::int64_t>(std::round(sum));  // math.Round: half away from zero
}

Status stateNotFound() {
    return Status::error(std::string("error reading \"") + kPreScoreStateKey + "\" from cycleState: not found");
}

}  // namespace

Status PodTopologySpread::score(CycleState& state, const PodInfo& podInfo, const NodeInfo& nodeInfo,
                                std::int64_t& score) {
    score = 0;
    auto* s = state.read<PodTopologySpreadPreScoreState>(kPreScoreStateKey);
    if (!s) return stateNotFound();
    const api::Node* node = nodeInfo.node();
    if (!node) return Status::error("node not found");
    if (s->ignoredNodes.count(node->metadata.name)) return Status::success();
    score = scoreNode(*s, nodeInfo, podInfo.pod->metadata.namespace_);
    return Status::success();
}

Status PodTopologySpread::scoreNodes(CycleState& state, const PodInfo& podInfo,
                                     const std::vector<const NodeInfo*>& nodes, std::vector<NodeScore>& scores) {
    if (nodes.empty()) return Status::success();
    auto* s = state.read<PodTopologySpreadPreScoreState>(kPreScoreStateKey);
    if (!s) return stateNotFound();
    const std::string& ns = podInfo.pod->metadata.namespace_;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        scores[i].score = 0;
        const api::Node* node = nodes[i]->node();
        if (!node) return Status::error("node not found");
        if (!s->ignoredNodes.empty() && s->ignoredNodes.count(node->metadata.name)) continue;
        scores[i].score = scoreNode(*s, *nodes[i], ns);
    }
    return Status::success();
}

Status PodTopologySpread::normalizeScore(CycleState& state, const PodInfo&, std::vector<NodeScore>& scores) {
    const auto* s = state.read<PodTopologySpreadPreScoreState>(kPreScoreStateKey);
    if (!s) return stateNotFound();

    std::int64_t minScore = LLONG_MAX;
    std::int64_t maxScore = 0;
    for (auto& ns : scores) {
        if (s->ignoredNodes.count(ns.name)) {
            ns.score = kInvalidScore;
            continue;
        }
        minScore = std::min(minScore, ns.score);
        maxScore = std::max(maxScore, ns.score);
    }
    for (auto& ns : scores) {
        if (ns.score == kInvalidScore) {
            ns.score = 0;
            continue;
        }
        if (maxScore == 0) {
            ns.score = kMaxNodeScore;
            continue;
        }
        ns.score = kMaxNodeScore * (maxScore + minScore - ns.score) / maxScore;
    }
    return Status::success();
}

}  // namespace ks::scheduler::plugins
