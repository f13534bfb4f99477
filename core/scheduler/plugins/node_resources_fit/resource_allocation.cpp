// Shared scoring machinery of the noderesources plugins (v1.31 formulas).
#include "core/scheduler/plugins/node_resources_fit/resource_allocation.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <set>

namespace ks::scheduler::plugins {

namespace {

// Scores up to this many resources use stack buffers (the defaults score two).
constexpr std::size_t kInlineResources = 8;

template <typename PerResource>
inline std::int64_t weightedAverage(const std::vector<ResourceSpec>& resources, const std::int64_t* requested,
                                    const std::int64_t* allocatable, PerResource perResource) {
    std::int64_t nodeScore = 0, weightSum = 0;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        if (allocatable[i] == 0) continue;
        const std::int64_t weight = resources[i].weight;
        nodeScore += perResource(requested[i], allocatable[i]) * weight;
        weightSum += weight;
    }
    return weightSum == 0 ? std::int64_t{0} : nodeScore / weightSum;
}

std::int64_t requestedToCapacityRatio(const std::vector<ResourceSpec>& resources,
                                      const std::vector<std::pair<std::int64_t, std::int64_t>>& shape,
                                      const std::int64_t* requested, const std::int64_t* allocatable) {
    constexpr std::int64_t kMaxUtilization = 100;
    auto resourceScore = [&](std::int64_t req, std::int64_t capacity) {
        if (capacity == 0 || req > capacity) return brokenLinear(shape, kMaxUtilization);
        return brokenLinear(shape, req * kMaxUtilization / capacity);
    };
    std::int64_t nodeScore = 0, weightSum = 0;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        if (allocatable[i] == 0) continue;
        const std::int64_t weight = resources[i].weight;
        const std::int64_t s = resourceScore(requested[i], allocatable[i]);
        // NOTE: upstream drops resources scoring 0 from both the sum and the weights.
        if (s > 0) {
            nodeScore += s * weight;
            weightSum += weight;
        }
    }
    if (weightSum == 0) return std::int64_t{0};
    return static_cast<std::int64_t>(std::round(static_cast<double>(nodeScore) / static_cast<double>(weightSum)));
}

}  // namespace

void ResourceAllocationScorer::configure(ScoringStrategy s, std::vector<ResourceSpec> specs,
                                         const std::vector<UtilizationShapePoint>& shape) {
    strategy = s;
    resources = std::move(specs);
    scaledShape.clear();
    for (const auto& p : shape)
        scaledShape.emplace_back(p.utilization, std::int64_t{p.score} * (kMaxNodeScore / kMaxCustomPriorityScore));
    m_kinds.clear();
    for (const auto& r : resources) {
        if (r.name == "cpu") m_kinds.push_back(Kind::Cpu);
        else if (r.name == "memory") m_kinds.push_back(Kind::Memory);
        else if (r.name == "ephemeral-storage") m_kinds.push_back(Kind::EphemeralStorage);
        // Only scalar resource names are ever in Resource::scalarResources.
        else if (isScalarResourceName(r.name)) m_kinds.push_back(Kind::Scalar);
        else m_kinds.push_back(Kind::None);
    }
}

std::vector<std::int64_t> ResourceAllocationScorer::podRequestList(const PodInfo& pod) const {
    // PodInfo caches both PodRequests variants; cpu is in millicores, the rest in units, exactly
    // as upstream reads quantity.MilliValue() / quantity.Value().
    const Resource& requests = useRequested ? pod.requests : pod.nonZeroRequests;
    std::vector<std::int64_t> out;
    out.reserve(resources.size());
    for (const auto& r : resources) out.push_back(requests.get(r.name));
    return out;
}

std::pair<std::int64_t, std::int64_t> ResourceAllocationScorer::allocatableRequest(const NodeInfo& node,
                                                                                   std::size_t i,
                                                                                   std::int64_t podRequest) const {
    const Resource& requested = useRequested ? node.requested() : node.nonZeroRequested();
    const Resource& alloc = node.allocatable();
    switch (m_kinds[i]) {
    case Kind::Cpu: return {alloc.milliCPU, requested.milliCPU + podRequest};
    case Kind::Memory: return {alloc.memory, requested.memory + podRequest};
    case Kind::EphemeralStorage: return {alloc.ephemeralStorage, node.requested().ephemeralStorage + podRequest};
    case Kind::Scalar: {
        // An extended resource the pod does not ask for is left out of the score entirely.
        if (podRequest == 0 || alloc.scalarResources.empty()) return {0, 0};
        const std::string& resource = resources[i].name;
        auto it = alloc.scalarResources.find(resource);
        if (it == alloc.scalarResources.end()) return {0, 0};
        const auto& usedMap = node.requested().scalarResources;
        auto used = usedMap.find(resource);
        return {it->second, (used == usedMap.end() ? 0 : used->second) + podRequest};
    }
    case Kind::None: break;
    }
    return {0, 0};
}

std::int64_t ResourceAllocationScorer::scoreNode(const NodeInfo& node, const std::int64_t* podRequests) const {
    const std::size_t n = resources.size();
    if (n > kInlineResources) {
        std::vector<std::int64_t> requested(n), allocatable(n);
        for (std::size_t i = 0; i < n; ++i) {
            auto [alloc, req] = allocatableRequest(node, i, podRequests[i]);
            allocatable[i] = alloc;
            requested[i] = alloc == 0 ? 0 : req;
        }
        return scoreLists(requested.data(), allocatable.data());
    }
    std::int64_t requested[kInlineResources], allocatable[kInlineResources];
    const Resource& alloc = node.allocatable();
    const Resource& used = useRequested ? node.requested() : node.nonZeroRequested();
    for (std::size_t i = 0; i < n; ++i) {
        std::int64_t a = 0, r = 0;
        switch (m_kinds[i]) {
        case Kind::Cpu:
            a = alloc.milliCPU;
            r = used.milliCPU + podRequests[i];
            break;
        case Kind::Memory:
            a = alloc.memory;
            r = used.memory + podRequests[i];
            break;
        default: std::tie(a, r) = allocatableRequest(node, i, podRequests[i]); break;
        }
        allocatable[i] = a;
        requested[i] = a == 0 ? 0 : r;
    }
    return scoreLists(requested, allocatable);
}

void ResourceAllocationScorer::scoreNodes(const std::vector<const NodeInfo*>& nodes, const std::int64_t* podRequests,
                                          std::vector<NodeScore>& scores) const {
    const bool cpuAndMemory = m_kinds.size() == 2 && m_kinds[0] == Kind::Cpu && m_kinds[1] == Kind::Memory;
    if (!cpuAndMemory ||
        (strategy != ScoringStrategy::LeastAllocated && strategy != ScoringStrategy::BalancedAllocation)) {
        for (std::size_t i = 0; i < nodes.size(); ++i) scores[i].score = scoreNode(*nodes[i], podRequests);
        return;
    }
    // The default profiles' case (cpu and memory, LeastAllocated or BalancedAllocation): the same
    // formulas as scoreLists, unrolled for the two resources.
    const std::int64_t cpuRequest = podRequests[0], memoryRequest = podRequests[1];
    const std::int64_t cpuWeight = resources[0].weight, memoryWeight = resources[1].weight;
    const bool balanced = strategy == ScoringStrategy::BalancedAllocation;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const NodeSummary& node = nodes[i]->summary();
        const std::int64_t cpuAlloc = node.allocatableMilliCPU, memoryAlloc = node.allocatableMemory;
        const std::int64_t cpuUsed =
            (useRequested ? node.requestedMilliCPU : node.nonZeroRequestedMilliCPU) + cpuRequest;
        const std::int64_t memoryUsed =
            (useRequested ? node.requestedMemory : node.nonZeroRequestedMemory) + memoryRequest;
        if (balanced) {
            double fractions[2];
            std::size_t count = 0;
            if (cpuAlloc != 0) fractions[count++] = std::min(1.0, static_cast<double>(cpuUsed) / static_cast<double>(cpuAlloc));
            if (memoryAlloc != 0)
                fractions[count++] = std::min(1.0, static_cast<double>(memoryUsed) / static_cast<double>(memoryAlloc));
            const double stddev = count == 2 ? std::fabs((fractions[0] - fractions[1]) / 2) : 0.0;
            scores[i].score = static_cast<std::int64_t>((1 - stddev) * static_cast<double>(kMaxNodeScore));
            continue;
        }
        std::int64_t nodeScore = 0, weightSum = 0;
        if (cpuAlloc != 0) {
            nodeScore += leastRequestedScore(cpuUsed, cpuAlloc) * cpuWeight;
            weightSum += cpuWeight;
        }
        if (memoryAlloc != 0) {
            nodeScore += leastRequestedScore(memoryUsed, memoryAlloc) * memoryWeight;
            weightSum += memoryWeight;
        }
        scores[i].score = weightSum == 0 ? 0 : nodeScore / weightSum;
    }
}

std::int64_t ResourceAllocationScorer::scoreLists(const std::int64_t* requested, const std::int64_t* allocatable) const {
    switch (strategy) {
    case ScoringStrategy::LeastAllocated:
        return weightedAverage(resources, requested, allocatable,
                               [](std::int64_t r, std::int64_t c) { return leastRequestedScore(r, c); });
    case ScoringStrategy::MostAllocated:
        return weightedAverage(resources, requested, allocatable,
                               [](std::int64_t r, std::int64_t c) { return mostRequestedScore(r, c); });
    case ScoringStrategy::RequestedToCapacityRatio:
        return requestedToCapacityRatio(resources, scaledShape, requested, allocatable);
    case ScoringStrategy::BalancedAllocation: return balancedResourceScorer(requested, allocatable, resources.size());
    }
    return 0;
}

Status ResourceAllocationScorer::score(const NodeInfo& node, const std::vector<std::int64_t>& podRequests,
                                       std::int64_t& out) const {
    if (resources.empty()) return Status::error("resources not found");
    if (podRequests.size() >= resources.size()) {
        out = scoreNode(node, podRequests.data());
        return Status::success();
    }
    std::vector<std::int64_t> padded(podRequests);
    padded.resize(resources.size(), 0);
    out = scoreNode(node, padded.data());
    return Status::success();
}

std::int64_t brokenLinear(const std::vector<std::pair<std::int64_t, std::int64_t>>& shape, std::int64_t p) {
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (p <= shape[i].first) {
            if (i == 0) return shape[0].second;
            const auto& [u0, s0] = shape[i - 1];
            const auto& [u1, s1] = shape[i];
            return s0 + (s1 - s0) * (p - u0) / (u1 - u0);
        }
    }
    return shape.back().second;
}

namespace {

// 1 - the standard deviation of the fractions, times 100.
std::int64_t balancedScoreOfFractions(const double* fractions, std::size_t count, double totalFraction) {
    double stddev = 0.0;
    // Two resources (the usual cpu + memory): |f1 - f2| / 2; more: the population deviation.
    if (count == 2) {
        stddev = std::fabs((fractions[0] - fractions[1]) / 2);
    } else if (count > 2) {
        const double mean = totalFraction / static_cast<double>(count);
        double sum = 0;
        for (std::size_t i = 0; i < count; ++i) sum = sum + (fractions[i] - mean) * (fractions[i] - mean);
        stddev = std::sqrt(sum / static_cast<double>(count));
    }
    return static_cast<std::int64_t>((1 - stddev) * static_cast<double>(kMaxNodeScore));
}

// The requested fraction of each resource with allocatable != 0, capped at 1; returns how many.
std::size_t requestedFractions(const std::int64_t* requested, const std::int64_t* allocatable, std::size_t n,
                               double* fractions, double& totalFraction) {
    std::size_t count = 0;
    totalFraction = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (allocatable[i] == 0) continue;
        double fraction = static_cast<double>(requested[i]) / static_cast<double>(allocatable[i]);
        if (fraction > 1) fraction = 1;
        totalFraction += fraction;
        fractions[count++] = fraction;
    }
    return count;
}

std::int64_t balancedManyResources(const std::int64_t* requested, const std::int64_t* allocatable, std::size_t n) {
    std::vector<double> fractions(n);
    double total = 0;
    const std::size_t count = requestedFractions(requested, allocatable, n, fractions.data(), total);
    return balancedScoreOfFractions(fractions.data(), count, total);
}

}  // namespace

std::int64_t balancedResourceScorer(const std::int64_t* requested, const std::int64_t* allocatable, std::size_t n) {
    if (n > kInlineResources) return balancedManyResources(requested, allocatable, n);
    double fractions[kInlineResources];
    double total = 0;
    const std::size_t count = requestedFractions(requested, allocatable, n, fractions, total);
    return balancedScoreOfFractions(fractions, count, total);
}

std::int64_t balancedResourceScorer(const std::vector<std::int64_t>& requested,
                                    const std::vector<std::int64_t>& allocatable) {
    return balancedResourceScorer(requested.data(), allocatable.data(), std::min(requested.size(), allocatable.size()));
}

// ---- args ----

void ArgErrors::invalid(const std::string& path, const std::string& renderedValue, const std::string& detail) {
    m_errors.push_back(path + ": Invalid value: " + renderedValue + ": " + detail);
}

void ArgErrors::required(const std::string& path, const std::string& detail) {
    m_errors.push_back(path + ": Required value: " + detail);
}

void ArgErrors::forbidden(const std::string& path, const std::string& detail) {
    m_errors.push_back(path + ": Forbidden: " + detail);
}

void ArgErrors::notSupported(const std::string& path, const std::string& value,
                             const std::vector<std::string>& supported) {
    std::string list;
    for (const auto& s : supported) list += (list.empty() ? "" : ", ") + quote(s);
    m_errors.push_back(path + ": Unsupported value: " + quote(value) + ": supported values: " + list);
}

void ArgErrors::duplicate(const std::string& path, const std::string& value) {
    m_errors.push_back(path + ": Duplicate value: " + quote(value));
}

std::string ArgErrors::aggregate() const {
    std::vector<std::string> unique;
    std::set<std::string> seen;
    for (const auto& e : m_errors)
        if (seen.insert(e).second) unique.push_back(e);
    if (unique.size() == 1) return unique.front();
    std::string out = "[";
    for (std::size_t i = 0; i < unique.size(); ++i) out += (i ? ", " : "") + unique[i];
    return out + "]";
}

std::string ArgErrors::quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

bool decodeResourceSpecs(const api::Value& list, const std::string& path, std::vector<ResourceSpec>& out,
                         std::string& error) {
    out.clear();
    if (list.isNull()) return true;
    if (!list.isSequence()) {
        error = path + ": expected a list";
        return false;
    }
    for (std::size_t i = 0; i < list.items().size(); ++i) {
        const api::Value& item = list.items()[i];
        const std::string p = path + "[" + std::to_string(i) + "]";
        if (!item.isMapping()) {
            error = p + ": expected an object";
            return false;
        }
        ResourceSpec spec;
        spec.weight = 0;
        spec.name = item.str("name");
        if (const api::Value* w = item.get("weight"); w && !w->isNull()) {
            auto n = w->toInt();
            if (!n) {
                error = p + ".weight: expected an integer";
                return false;
            }
            spec.weight = *n;
        }
        out.push_back(std::move(spec));
    }
    return true;
}

std::vector<ResourceSpec> defaultResourceSpecs() { return {{"cpu", 1}, {"memory", 1}}; }

}  // namespace ks::scheduler::plugins
