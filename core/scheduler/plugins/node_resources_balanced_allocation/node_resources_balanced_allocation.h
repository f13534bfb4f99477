// NodeResourcesBalancedAllocation: favours nodes whose cpu and memory (or the configured
// resources) would be used in equal proportions after placing the pod.
// Mirrors pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go and
// ValidateNodeResourcesBalancedAllocationArgs (Kubernetes v1.31: real requests on both sides,
// score = int64((1 - std) * 100); no best-effort skip, which came in 1.33).
// Legacy name: priority BalancedResourceAllocation.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"
#include "core/scheduler/plugins/node_resources_fit/resource_allocation.h"

namespace ks::scheduler::plugins {

// kubescheduler.config.k8s.io/v1 NodeResourcesBalancedAllocationArgs, defaulted.
struct NodeResourcesBalancedAllocationArgs {
    std::vector<ResourceSpec> resources = defaultResourceSpecs();

    // Decodes args (null: the defaults), defaults and validates them as upstream; false with
    // upstream's error text.
    static bool parse(const api::Value* args, NodeResourcesBalancedAllocationArgs& out, std::string& error);
};

class NodeResourcesBalancedAllocation final : public PreScorePlugin, public ScorePlugin {
public:
    static constexpr const char* kName = "NodeResourcesBalancedAllocation";
    static constexpr const char* kPreScoreStateKey = "PreScoreNodeResourcesBalancedAllocation";

    NodeResourcesBalancedAllocation(const NodeResourcesBalancedAllocationArgs& args, Handle& handle);

    std::string name() const override { return kName; }
    Status preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes) override;
    Status score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) override;
    Status scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                      std::vector<NodeScore>& scores) override;

private:
    Handle& m_handle;
    ResourceAllocationScorer m_scorer;
};

// Registry factory: args is the pluginConfig args (null for the defaults).
std::unique_ptr<Plugin> newNodeResourcesBalancedAllocation(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
