// The scoring machinery NodeResourcesFit and NodeResourcesBalancedAllocation share: per resource
// (allocatable, requested) pairs for a node, the scoring-strategy scorers and their args.
// Mirrors pkg/scheduler/framework/plugins/noderesources/{resource_allocation.go,least_allocated.go,
// most_allocated.go,requested_to_capacity_ratio.go} and plugins/helper/shape_score.go (v1.31).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

// config.ResourceSpec: a resource to score and its weight.
struct ResourceSpec {
    std::string name;
    std::int64_t weight = 1;
};

// config.UtilizationShapePoint: utilization 0..100, score 0..10 (MaxCustomPriorityScore).
struct UtilizationShapePoint {
    std::int32_t utilization = 0;
    std::int32_t score = 0;
};

constexpr std::int64_t kMaxCustomPriorityScore = 10;

// Per resource i: the node's requested amount (including the pod) and its allocatable amount;
// allocatable 0 means "skip this resource".
using ResourceScorer =
    std::function<std::int64_t(const std::vector<std::int64_t>& requested, const std::vector<std::int64_t>& allocatable)>;

// Upstream resourceAllocationScorer.
struct ResourceAllocationScorer {
    std::string name;
    // BalancedAllocation compares real requests; the Fit strategies use the non-zero defaults
    // (100m CPU / 200Mi memory per container without a request) for cpu and memory.
    bool useRequested = false;
    ResourceScorer scorer;
    std::vector<ResourceSpec> resources;

    // The pod's request for each of `resources`, in scorer order (upstream
    // calculatePodResourceRequestList).
    std::vector<std::int64_t> podRequestList(const PodInfo& pod) const;
    // Upstream calculateResourceAllocatableRequest: (allocatable, node requested + pod request);
    // (0, 0) for a scalar resource the pod does not request or the node does not have.
    std::pair<std::int64_t, std::int64_t> allocatableRequest(const NodeInfo& node, const std::string& resource,
                                                             std::int64_t podRequest) const;
    Status score(const NodeInfo& node, const std::vector<std::int64_t>& podRequests, std::int64_t& out) const;
};

// The strategies' per-node formulas (integer arithmetic as upstream).
std::int64_t leastRequestedScore(std::int64_t requested, std::int64_t capacity);
std::int64_t mostRequestedScore(std::int64_t requested, std::int64_t capacity);
ResourceScorer leastResourceScorer(std::vector<ResourceSpec> resources);
ResourceScorer mostResourceScorer(std::vector<ResourceSpec> resources);
// Shape points in 0..10 are scaled by 10 before use, as upstream does.
ResourceScorer requestedToCapacityRatioScorer(std::vector<ResourceSpec> resources,
                                              const std::vector<UtilizationShapePoint>& shape);
// helper.BuildBrokenLinearFunction over already-scaled (utilization, score) points.
std::int64_t brokenLinear(const std::vector<std::pair<std::int64_t, std::int64_t>>& shape, std::int64_t p);
// BalancedAllocation's 1 - standard deviation of the requested fractions, times 100.
std::int64_t balancedResourceScorer(const std::vector<std::int64_t>& requested,
                                    const std::vector<std::int64_t>& allocatable);

// field.ErrorList as upstream renders it ("path: Invalid value: 0: detail"), aggregated as
// utilerrors.Aggregate does ("msg" alone, "[a, b]" for several, duplicates dropped).
class ArgErrors {
public:
    void invalid(const std::string& path, const std::string& renderedValue, const std::string& detail);
    void required(const std::string& path, const std::string& detail);
    void forbidden(const std::string& path, const std::string& detail);
    void notSupported(const std::string& path, const std::string& value, const std::vector<std::string>& supported);
    void duplicate(const std::string& path, const std::string& value);
    bool empty() const { return m_errors.empty(); }
    std::string aggregate() const;
    static std::string quote(const std::string& s);

private:
    std::vector<std::string> m_errors;
};

// Decoding helpers for the `resources` list of both plugins' args.
bool decodeResourceSpecs(const api::Value& list, const std::string& path, std::vector<ResourceSpec>& out,
                         std::string& error);
std::vector<ResourceSpec> defaultResourceSpecs();  // cpu 1, memory 1

}  // namespace ks::scheduler::plugins
