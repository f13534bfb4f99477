// NodeResourcesFit: does the node have room for the pod's requests (Filter), and how full would
// it be (Score, with the LeastAllocated, MostAllocated or RequestedToCapacityRatio strategy).
// Mirrors pkg/scheduler/framework/plugins/noderesources/fit.go and the NodeResourcesFitArgs
// parts of pkg/scheduler/apis/config/{v1/defaults.go,validation/validation_pluginargs.go}
// (Kubernetes v1.31; SidecarContainers on, pod-level resources not yet in this release).
// Legacy names: predicate PodFitsResources; priorities LeastRequestedPriority,
// MostRequestedPriority, RequestedToCapacityRatioPriority.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"
#include "core/scheduler/plugins/node_resources_fit/resource_allocation.h"

namespace ks::scheduler::plugins {

// kubescheduler.config.k8s.io/v1 NodeResourcesFitArgs, defaulted.
struct NodeResourcesFitArgs {
    std::vector<std::string> ignoredResources, ignoredResourceGroups;
    std::string scoringStrategyType = "LeastAllocated";  // or MostAllocated, RequestedToCapacityRatio
    std::vector<ResourceSpec> resources = defaultResourceSpecs();
    bool hasRequestedToCapacityRatio = false;
    std::vector<UtilizationShapePoint> shape;  // scoringStrategy.requestedToCapacityRatio.shape

    // Decodes args (null: the defaults), applies SetDefaults_NodeResourcesFitArgs and
    // ValidateNodeResourcesFitArgs; false with upstream's error text.
    static bool parse(const api::Value* args, NodeResourcesFitArgs& out, std::string& error);
};

// One resource the node lacks for the pod (upstream InsufficientResource).
struct InsufficientResource {
    std::string resourceName;
    std::string reason;  // "Too many pods", "Insufficient cpu", ...
    std::int64_t requested = 0, used = 0, capacity = 0;
    bool operator==(const InsufficientResource&) const = default;
};

// Upstream fitsRequest: every resource the node lacks, in upstream's check order (pods, cpu,
// memory, ephemeral-storage, then scalar resources by name).
std::vector<InsufficientResource> fitsRequest(const Resource& podRequest, const NodeInfo& node,
                                              const std::set<std::string>& ignoredExtendedResources,
                                              const std::set<std::string>& ignoredResourceGroups);

class NodeResourcesFit final : public PreFilterPlugin, public FilterPlugin, public PreScorePlugin, public ScorePlugin {
public:
    static constexpr const char* kName = "NodeResourcesFit";
    static constexpr const char* kPreFilterStateKey = "PreFilterNodeResourcesFit";
    static constexpr const char* kPreScoreStateKey = "PreScoreNodeResourcesFit";

    NodeResourcesFit(const NodeResourcesFitArgs& args, Handle& handle);

    std::string name() const override { return kName; }

    Status preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) override;
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;
    bool nodeLocalFilter() const override { return true; }  // the pod's spec and the node alone
    Status preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes) override;
    Status score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) override;
    Status scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                      std::vector<NodeScore>& scores) override;

    const std::string& scoringStrategy() const { return m_strategy; }

private:
    Handle& m_handle;
    std::set<std::string> m_ignoredResources, m_ignoredResourceGroups;
    std::string m_strategy;
    ResourceAllocationScorer m_scorer;
    StateCache m_preFilterState;
};

// Registry factory: args is the pluginConfig args (null for the defaults).
std::unique_ptr<Plugin> newNodeResourcesFit(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
