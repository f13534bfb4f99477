// NodeAffinity: nodeSelector and required node affinity (Filter, with a PreFilterResult for
// matchFields metadata.name In [...]), preferred node affinity (Score, normalized by the
// maximum), and the scheduler-enforced addedAffinity of the plugin args.
// Mirrors pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (v1.31).
#pragma once

#include <optional>

#include "core/scheduler/framework/interface.h"
#include "core/scheduler/plugins/helper/compiled_node_selector.h"

namespace ks::scheduler::plugins {

class NodeAffinity : public PreFilterPlugin, public FilterPlugin, public PreScorePlugin, public ScorePlugin {
public:
    static constexpr const char* kErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
    static constexpr const char* kErrReasonEnforced = "node(s) didn't match scheduler-enforced node affinity";
    static constexpr const char* kErrReasonConflict = "pod affinity terms conflict";

    // addedAffinity from NodeAffinityArgs (may be absent).
    explicit NodeAffinity(std::optional<api::NodeAffinity> added = std::nullopt);
    std::string name() const override { return "NodeAffinity"; }
    Status preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) override;
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;
    bool nodeLocalFilter() const override { return true; }  // the pod's spec and the node alone
    Status preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes) override;
    Status score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) override;
    Status scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                      std::vector<NodeScore>& scores) override;
    bool hasNormalizeScore() const override { return true; }
    bool normalizeScoreReadsNames() const override { return false; }
    Status normalizeScore(CycleState& state, const PodInfo& pod, std::vector<NodeScore>& scores) override;

private:
    std::optional<api::NodeSelector> m_addedNodeSelector;
    std::vector<api::PreferredSchedulingTerm> m_addedPreferred;
    // Node label values by node slot, for the compiled selectors.
    helper::NodeLabelIndex m_labels;
    // The same, parsed once.
    std::optional<helper::CompiledNodeSelector> m_compiledAddedNodeSelector;
    helper::CompiledPreferredTerms m_compiledAddedPreferred;
};

// nodeSelector (every key=value) AND required node affinity (terms ORed): upstream
// GetRequiredNodeAffinity(pod).Match(node).
bool matchesRequiredNodeAffinity(const api::Pod& pod, const api::Node& node);
// Sum of the weights of matching preferred terms (weight 0 and empty terms ignored).
std::int64_t preferredScore(const std::vector<api::PreferredSchedulingTerm>& terms, const api::Node& node);

// Args: {addedAffinity: {requiredDuringSchedulingIgnoredDuringExecution: ...,
// preferredDuringSchedulingIgnoredDuringExecution: [...]}}.
std::unique_ptr<Plugin> newNodeAffinity(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
