// PodTopologySpread PreFilter (+ AddPod/RemovePod) and Filter.
// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/filtering.go (v1.31).
#include <array>
#include <climits>
#include <string_view>

#include "core/scheduler/plugins/pod_topology_spread/pod_topology_spread.h"

namespace ks::scheduler::plugins {

namespace {

const char* const kPreFilterStateKey = "PreFilterPodTopologySpread";

// Two "critical paths" per constraint: paths[0] always holds the minimum match number.
// NOTE: kept exactly as upstream's [2]criticalPath approximation (paths[1] is not guaranteed to
// be the second minimum after AddPod/RemovePod), so preemption dry runs decide as upstream does.
struct CriticalPath {
    std::string_view topologyValue;
    std::int64_t matchNum = INT_MAX;
};

struct CriticalPaths {
    std::array<CriticalPath, 2> p;

    void update(std::string_view tpVal, std::int64_t num) {
        int i = -1;
        if (tpVal == p[0].topologyValue) i = 0;
        else if (tpVal == p[1].topologyValue) i = 1;
        if (i >= 0) {
            p[i].matchNum = num;
            if (p[0].matchNum > p[1].matchNum) std::swap(p[0], p[1]);
        } else if (num < p[0].matchNum) {
            p[1] = p[0];
            p[0] = {tpVal, num};
        } else if (num < p[1].matchNum) {
            p[1] = {tpVal, num};
        }
    }
};

struct PodTopologySpreadPreFilterState final : StateData {
    std::shared_ptr<const std::vector<SpreadConstraint>> constraints;  // shared by clones
    std::vector<helper::NodeLabelValues*> labels;  // per constraint: the plugin's label values
    std::vector<bool> selfMatch;                  // per constraint: the pod matches its selector
    std::vector<CriticalPaths> criticalPaths;     // per constraint
    std::vector<spread::DomainCounts> tpValueToMatchNum;  // per constraint: domain -> matching pods

    std::unique_ptr<StateData> clone() const override { return std::make_unique<PodTopologySpreadPreFilterState>(*this); }

    // The global minimum for the skew, 0 when fewer eligible domains than minDomains exist.
    std::int64_t minMatchNum(std::size_t i, std::int32_t minDomains) const {
        if (static_cast<std::int64_t>(tpValueToMatchNum[i].size()) < minDomains) return 0;
        return criticalPaths[i].p[0].matchNum;
    }
};


}  // namespace

Status PodTopologySpread::preFilter(CycleState& state, const PodInfo& podInfo, PreFilterResult&) {
    const api::Pod& pod = *podInfo.pod;
    auto constraints = constraintsFor(pod, "DoNotSchedule");
    if (constraints.empty()) return Status::skip();

    auto s = std::make_unique<PodTopologySpreadPreFilterState>();
    const std::size_t n = constraints.size();
    s->tpValueToMatchNum.resize(n);
    const auto& nodeInfos = m_handle.snapshot().nodeInfos();
    std::vector<std::shared_ptr<spread::MatchCounts::Table>> tables;
    for (const auto& c : constraints) {
        s->selfMatch.push_back(c.selector.matches(pod.metadata.labels));
        tables.push_back(m_matchCounts.table(c.selector, pod.metadata.namespace_));
        s->labels.push_back(&m_labels.table(c.topologyKey));
    }
    std::vector<std::int32_t> ids(n);
    const helper::CompiledRequiredNodeAffinity required(pod);
    for (std::size_t slot = 0; slot < nodeInfos.size(); ++slot) {
        const NodeInfo* info = nodeInfos[slot].get();
        const api::Node* node = info->node();
        if (!node) continue;
        // The node must have every constraint's topology key.
        bool hasAll = true;
        for (std::size_t i = 0; i < n && hasAll; ++i)
            hasAll = (ids[i] = s->labels[i]->id(*info)) != helper::NodeLabelValues::kMissing;
        if (!hasAll) continue;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& c = constraints[i];
            if (!spread::matchNodeInclusionPolicies(c, pod, *node, required)) continue;
            s->tpValueToMatchNum[i].at(ids[i], s->labels[i]->valueOf(ids[i])) +=
                tables[i]->count(slot, *info, c.selector, pod.metadata.namespace_);
        }
    }
    s->criticalPaths.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& [value, num] : s->tpValueToMatchNum[i].entries()) s->criticalPaths[i].update(value, num);

    s->constraints = std::make_shared<const std::vector<SpreadConstraint>>(std::move(constraints));
    state.write(kPreFilterStateKey, std::move(s));
    return Status::success();
}

Status PodTopologySpread::updateWithPod(CycleState& state, const api::Pod& updated, const api::Pod& preemptor,
                                        const api::Node* node, int delta) {
    auto* s = state.read<PodTopologySpreadPreFilterState>(kPreFilterStateKey);
    if (!s) return Status::error(std::string("reading \"") + kPreFilterStateKey + "\" from cycleState: not found");
    if (updated.metadata.namespace_ != preemptor.metadata.namespace_ || !node) return Status::success();
    const auto& constraints = *s->constraints;
    if (!spread::nodeLabelsMatchConstraints(node->metadata.labels, constraints)) return Status::success();
    for (std::size_t i = 0; i < constraints.size(); ++i) {
        const auto& c = constraints[i];
        if (!c.selector.matches(updated.metadata.labels)) continue;
        if (!spread::matchNodeInclusionPolicies(c, preemptor, *node)) continue;
        const std::string& value = node->metadata.labels.at(c.topologyKey);
        std::int64_t& num = s->tpValueToMatchNum[i][value];
        num += delta;
        s->criticalPaths[i].update(value, num);
    }
    return Status::success();
}

Status PodTopologySpread::addPod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToAdd,
                                 const NodeInfo& node) {
    return updateWithPod(state, *podToAdd.pod, *podToSchedule.pod, node.node(), +1);
}

Status PodTopologySpread::removePod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToRemove,
                                    const NodeInfo& node) {
    return updateWithPod(state, *podToRemove.pod, *podToSchedule.pod, node.node(), -1);
}

Status PodTopologySpread::filter(CycleState& state, const PodInfo&, const NodeInfo& nodeInfo) {
    auto* s = m_preFilterState.read<PodTopologySpreadPreFilterState>(state, kPreFilterStateKey);  // counts remember value numbers
    if (!s) return Status::error(std::string("reading \"") + kPreFilterStateKey + "\" from cycleState: not found");
    const auto& constraints = *s->constraints;
    if (constraints.empty()) return Status::success();
    const api::Node* node = nodeInfo.node();
    if (!node) return Status::error("node not found");

    for (std::size_t i = 0; i < constraints.size(); ++i) {
        const auto& c = constraints[i];
        const std::int32_t tpId = s->labels[i]->id(nodeInfo);
        // Rejections are shared by every node.
        static const Status kMissingLabel = Status::constant(Code::UnschedulableAndUnresolvable, {kErrReasonNodeLabelNotMatch});
        static const Status kSkew = Status::constant(Code::Unschedulable, {kErrReasonConstraintsNotMatch});
        if (tpId == helper::NodeLabelValues::kMissing) return kMissingLabel;
        // 'existing matching num' + 'if self-match (1 or 0)' - 'global minimum' <= 'maxSkew'
        const std::int64_t minMatchNum = s->minMatchNum(i, c.minDomains);
        const std::int64_t selfMatchNum = s->selfMatch[i] ? 1 : 0;
        const std::int64_t* matchNum = s->tpValueToMatchNum[i].find(tpId, *s->labels[i]);
        const std::int64_t skew = (matchNum ? *matchNum : 0) + selfMatchNum - minMatchNum;
        if (skew > c.maxSkew) return kSkew;
    }
    return Status::success();
}

}  // namespace ks::scheduler::plugins
