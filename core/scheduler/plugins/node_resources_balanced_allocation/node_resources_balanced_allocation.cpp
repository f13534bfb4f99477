// NodeResourcesBalancedAllocation (noderesources/balanced_allocation.go, v1.31).
#include "core/scheduler/plugins/node_resources_balanced_allocation/node_resources_balanced_allocation.h"

#include <set>

namespace ks::scheduler::plugins {

namespace {

struct BalancedAllocationPreScoreState final : StateData {
    std::vector<std::int64_t> podRequests;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<BalancedAllocationPreScoreState>(*this); }
};

}  // namespace

bool NodeResourcesBalancedAllocationArgs::parse(const api::Value* args, NodeResourcesBalancedAllocationArgs& out,
                                                std::string& error) {
    out = NodeResourcesBalancedAllocationArgs{};
    if (args && !args->isNull()) {
        if (!args->isMapping()) {
            error = "want args to be of type NodeResourcesBalancedAllocationArgs";
            return false;
        }
        if (const api::Value* res = args->get("resources")) {
            if (!decodeResourceSpecs(*res, "resources", out.resources, error)) return false;
        }
    }
    // SetDefaults_NodeResourcesBalancedAllocationArgs: cpu and memory; weight 0 means 1.
    if (out.resources.empty()) out.resources = defaultResourceSpecs();
    for (auto& r : out.resources)
        if (r.weight == 0) r.weight = 1;

    ArgErrors errs;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < out.resources.size(); ++i) {
        const auto& r = out.resources[i];
        const std::string path = "resources[" + std::to_string(i) + "]";
        if (!seen.insert(r.name).second) errs.duplicate(path + ".name", r.name);
        if (r.weight != 1) errs.invalid(path + ".weight", std::to_string(r.weight), "must be 1");
    }
    if (!errs.empty()) {
        error = errs.aggregate();
        return false;
    }
    return true;
}

NodeResourcesBalancedAllocation::NodeResourcesBalancedAllocation(const NodeResourcesBalancedAllocationArgs& args,
                                                                 Handle& handle)
    : m_handle(handle) {
    m_scorer.name = kName;
    m_scorer.useRequested = true;
    m_scorer.configure(ScoringStrategy::BalancedAllocation, args.resources);
}

Status NodeResourcesBalancedAllocation::preScore(CycleState& state, const PodInfo& pod,
                                                 const std::vector<const NodeInfo*>&) {
    auto s = std::make_unique<BalancedAllocationPreScoreState>();
    s->podRequests = m_scorer.podRequestList(pod);
    state.write(kPreScoreStateKey, std::move(s));
    return Status::success();
}

Status NodeResourcesBalancedAllocation::score(CycleState& state, const PodInfo& pod, const NodeInfo& node,
                                              std::int64_t& score) {
    score = 0;
    if (const auto* s = state.read<BalancedAllocationPreScoreState>(kPreScoreStateKey)) return m_scorer.score(node, s->podRequests, score);
    return m_scorer.score(node, m_scorer.podRequestList(pod), score);
}

Status NodeResourcesBalancedAllocation::scoreNodes(CycleState& state, const PodInfo& pod,
                                                   const std::vector<const NodeInfo*>& nodes,
                                                   std::vector<NodeScore>& scores) {
    if (nodes.empty()) return Status::success();
    if (m_scorer.resources.empty()) return Status::error("resources not found");
    const auto* s = state.read<BalancedAllocationPreScoreState>(kPreScoreStateKey);
    const std::vector<std::int64_t> computed = s ? std::vector<std::int64_t>{} : m_scorer.podRequestList(pod);
    const std::int64_t* podRequests = s ? s->podRequests.data() : computed.data();
    m_scorer.scoreNodes(nodes, podRequests, scores);
    return Status::success();
}

std::unique_ptr<Plugin> newNodeResourcesBalancedAllocation(const api::Value* args, Handle& handle, std::string& error) {
    NodeResourcesBalancedAllocationArgs parsed;
    if (!NodeResourcesBalancedAllocationArgs::parse(args, parsed, error)) return nullptr;
    return std::make_unique<NodeResourcesBalancedAllocation>(parsed, handle);
}

}  // namespace ks::scheduler::plugins
