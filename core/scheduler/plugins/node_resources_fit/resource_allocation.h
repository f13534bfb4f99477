// The scoring machinery NodeResourcesFit and NodeResourcesBalancedAllocation share: per resource
// (allocatable, requested) pairs for a node, the scoring-strategy scorers and their args.
// Mirrors pkg/scheduler/framework/plugins/noderesources/{resource_allocation.go,least_allocated.go,
// most_allocated.go,requested_to_capacity_ratio.go} and plugins/helper/shape_score.go (v1.31).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
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

// How a ResourceAllocationScorer turns per-resource (requested, allocatable) pairs into a score.
enum class ScoringStrategy { LeastAllocated, MostAllocated, RequestedToCapacityRatio, BalancedAllocation };

// Upstream resourceAllocationScorer.
struct ResourceAllocationScorer {
    std::string name;
    // BalancedAllocation compares real requests; the Fit strategies use the non-zero defaults
    // (100m CPU / 200Mi memory per container without a request) for cpu and memory.
    bool useRequested = false;
    ScoringStrategy strategy = ScoringStrategy::LeastAllocated;
    std::vector<ResourceSpec> resources;
    // RequestedToCapacityRatio: the shape with scores already scaled to 0..100.
    std::vector<std::pair<std::int64_t, std::int64_t>> scaledShape;

    // Sets the strategy and resources; shape is used by RequestedToCapacityRatio (points in
    // 0..10, scaled by 10 as upstream does).
    void configure(ScoringStrategy s, std::vector<ResourceSpec> specs,
                   const std::vector<UtilizationShapePoint>& shape = {});

    // The pod's request for each of `resources`, in scorer order (upstream
    // calculatePodResourceRequestList).
    std::vector<std::int64_t> podRequestList(const PodInfo& pod) const;
    // Upstream calculateResourceAllocatableRequest for resources[i]: (allocatable, node requested
    // + pod request); (0, 0) for a scalar resource the pod does not request or the node does not
    // have.
    std::pair<std::int64_t, std::int64_t> allocatableRequest(const NodeInfo& node, std::size_t i,
                                                             std::int64_t podRequest) const;
    Status score(const NodeInfo& node, const std::vector<std::int64_t>& podRequests, std::int64_t& out) const;
    // The same without checks or allocations: podRequests has resources.size() entries and
    // resources is not empty.
    std::int64_t scoreNode(const NodeInfo& node, const std::int64_t* podRequests) const;
    // scoreNode for every node into scores[i].score, the strategy resolved once for all.
    void scoreNodes(const std::vector<const NodeInfo*>& nodes, const std::int64_t* podRequests,
                    std::vector<NodeScore>& scores) const;

private:
    // The strategy over per-resource (requested, allocatable) lists (allocatable 0: skipped).
    std::int64_t scoreLists(const std::int64_t* requested, const std::int64_t* allocatable) const;
    // Per resource, which Resource field it reads (resolved once, not per node).
    enum class Kind : std::uint8_t { Cpu, Memory, EphemeralStorage, Scalar, None };
    std::vector<Kind> m_kinds;
};

// The strategies' per-node formulas (integer arithmetic as upstream).
inline std::int64_t leastRequestedScore(std::int64_t requested, std::int64_t capacity) {
    if (capacity == 0 || requested > capacity) return 0;
    return ((capacity - requested) * kMaxNodeScore) / capacity;
}
inline std::int64_t mostRequestedScore(std::int64_t requested, std::int64_t capacity) {
    if (capacity == 0) return 0;
    // Requests can exceed capacity because request-less pods count the non-zero defaults.
    if (requested > capacity) requested = capacity;
    return (requested * kMaxNodeScore) / capacity;
}
// helper.BuildBrokenLinearFunction over already-scaled (utilization, score) points.
std::int64_t brokenLinear(const std::vector<std::pair<std::int64_t, std::int64_t>>& shape, std::int64_t p);
// BalancedAllocation's 1 - standard deviation of the requested fractions, times 100, over the
// resources with allocatable != 0.
std::int64_t balancedResourceScorer(const std::vector<std::int64_t>& requested,
                                    const std::vector<std::int64_t>& allocatable);
std::int64_t balancedResourceScorer(const std::int64_t* requested, const std::int64_t* allocatable, std::size_t n);

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
