// Shared scoring machinery of the noderesources plugins (v1.31 formulas).
#include "core/scheduler/plugins/node_resources_fit/resource_allocation.h"

#include <cmath>
#include <set>

namespace ks::scheduler::plugins {

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
                                                                                   const std::string& resource,
                                                                                   std::int64_t podRequest) const {
    const Resource& requested = useRequested ? node.requested() : node.nonZeroRequested();
    // An extended resource the pod does not ask for is left out of the score entirely.
    if (podRequest == 0 && isScalarResourceName(resource)) return {0, 0};
    const Resource& alloc = node.allocatable();
    if (resource == "cpu") return {alloc.milliCPU, requested.milliCPU + podRequest};
    if (resource == "memory") return {alloc.memory, requested.memory + podRequest};
    if (resource == "ephemeral-storage") return {alloc.ephemeralStorage, node.requested().ephemeralStorage + podRequest};
    if (auto it = alloc.scalarResources.find(resource); it != alloc.scalarResources.end()) {
        auto used = node.requested().scalarResources.find(resource);
        return {it->second, (used == node.requested().scalarResources.end() ? 0 : used->second) + podRequest};
    }
    return {0, 0};
}

Status ResourceAllocationScorer::score(const NodeInfo& node, const std::vector<std::int64_t>& podRequests,
                                       std::int64_t& out) const {
    if (resources.empty()) return Status::error("resources not found");
    std::vector<std::int64_t> requested(resources.size(), 0), allocatable(resources.size(), 0);
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const std::int64_t podRequest = i < podRequests.size() ? podRequests[i] : 0;
        auto [alloc, req] = allocatableRequest(node, resources[i].name, podRequest);
        if (alloc == 0) continue;
        allocatable[i] = alloc;
        requested[i] = req;
    }
    out = scorer(requested, allocatable);
    return Status::success();
}

std::int64_t leastRequestedScore(std::int64_t requested, std::int64_t capacity) {
    if (capacity == 0 || requested > capacity) return 0;
    return ((capacity - requested) * kMaxNodeScore) / capacity;
}

std::int64_t mostRequestedScore(std::int64_t requested, std::int64_t capacity) {
    if (capacity == 0) return 0;
    // Requests can exceed capacity because request-less pods count the non-zero defaults.
    if (requested > capacity) requested = capacity;
    return (requested * kMaxNodeScore) / capacity;
}

namespace {

ResourceScorer weightedAverage(std::vector<ResourceSpec> resources, std::int64_t (*perResource)(std::int64_t, std::int64_t)) {
    return [resources = std::move(resources), perResource](const std::vector<std::int64_t>& requested,
                                                           const std::vector<std::int64_t>& allocatable) {
        std::int64_t nodeScore = 0, weightSum = 0;
        for (std::size_t i = 0; i < requested.size(); ++i) {
            if (allocatable[i] == 0) continue;
            const std::int64_t weight = resources[i].weight;
            nodeScore += perResource(requested[i], allocatable[i]) * weight;
            weightSum += weight;
        }
        return weightSum == 0 ? std::int64_t{0} : nodeScore / weightSum;
    };
}

}  // namespace

ResourceScorer leastResourceScorer(std::vector<ResourceSpec> resources) {
    return weightedAverage(std::move(resources), &leastRequestedScore);
}

ResourceScorer mostResourceScorer(std::vector<ResourceSpec> resources) {
    return weightedAverage(std::move(resources), &mostRequestedScore);
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

ResourceScorer requestedToCapacityRatioScorer(std::vector<ResourceSpec> resources,
                                              const std::vector<UtilizationShapePoint>& shape) {
    constexpr std::int64_t kMaxUtilization = 100;
    std::vector<std::pair<std::int64_t, std::int64_t>> scaled;
    for (const auto& p : shape)
        scaled.emplace_back(p.utilization, std::int64_t{p.score} * (kMaxNodeScore / kMaxCustomPriorityScore));
    return [resources = std::move(resources), scaled](const std::vector<std::int64_t>& requested,
                                                      const std::vector<std::int64_t>& allocatable) {
        auto resourceScore = [&](std::int64_t req, std::int64_t capacity) {
            if (capacity == 0 || req > capacity) return brokenLinear(scaled, kMaxUtilization);
            return brokenLinear(scaled, req * kMaxUtilization / capacity);
        };
        std::int64_t nodeScore = 0, weightSum = 0;
        for (std::size_t i = 0; i < requested.size(); ++i) {
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
    };
}

std::int64_t balancedResourceScorer(const std::vector<std::int64_t>& requested,
                                    const std::vector<std::int64_t>& allocatable) {
    std::vector<double> fractions;
    double totalFraction = 0;
    for (std::size_t i = 0; i < requested.size(); ++i) {
        if (allocatable[i] == 0) continue;
        double fraction = static_cast<double>(requested[i]) / static_cast<double>(allocatable[i]);
        if (fraction > 1) fraction = 1;
        totalFraction += fraction;
        fractions.push_back(fraction);
    }
    double stddev = 0.0;
    // Two resources (the usual cpu + memory): |f1 - f2| / 2; more: the population deviation.
    if (fractions.size() == 2) {
        stddev = std::fabs((fractions[0] - fractions[1]) / 2);
    } else if (fractions.size() > 2) {
        const double mean = totalFraction / static_cast<double>(fractions.size());
        double sum = 0;
        for (double f : fractions) sum = sum + (f - mean) * (f - mean);
        stddev = std::sqrt(sum / static_cast<double>(fractions.size()));
    }
    return static_cast<std::int64_t>((1 - stddev) * static_cast<double>(kMaxNodeScore));
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
