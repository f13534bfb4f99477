// NodeResourcesFit (noderesources/fit.go, v1.31) and its args.
#include "core/scheduler/plugins/node_resources_fit/node_resources_fit.h"

#include "core/api/names.h"

namespace ks::scheduler::plugins {

namespace {

struct FitPreFilterState final : StateData {
    Resource podRequest;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<FitPreFilterState>(*this); }
};

struct FitPreScoreState final : StateData {
    std::vector<std::int64_t> podRequests;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<FitPreScoreState>(*this); }
};

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// v1helper.IsExtendedResourceName: domain-qualified, not kubernetes.io/, not a quota name, and
// "requests.<name>" must be a qualified name.
bool isExtendedResourceName(const std::string& name) {
    const bool native = !contains(name, "/") || contains(name, "kubernetes.io/");
    if (native || name.rfind("requests.", 0) == 0) return false;
    return api::isQualifiedName("requests." + name).empty();
}

std::vector<std::string> decodeStrings(const api::Value* v) {
    std::vector<std::string> out;
    if (!v || !v->isSequence()) return out;
    for (const auto& item : v->items()) out.push_back(item.text());
    return out;
}

}  // namespace

// ---- args ----

bool NodeResourcesFitArgs::parse(const api::Value* args, NodeResourcesFitArgs& out, std::string& error) {
    out = NodeResourcesFitArgs{};
    bool hasStrategy = false;
    if (args && !args->isNull()) {
        if (!args->isMapping()) {
            error = "want args to be of type NodeResourcesFitArgs";
            return false;
        }
        out.ignoredResources = decodeStrings(args->get("ignoredResources"));
        out.ignoredResourceGroups = decodeStrings(args->get("ignoredResourceGroups"));
        if (const api::Value* s = args->get("scoringStrategy"); s && !s->isNull()) {
            if (!s->isMapping()) {
                error = "scoringStrategy: expected an object";
                return false;
            }
            hasStrategy = true;
            out.scoringStrategyType = s->str("type");
            out.resources.clear();
            if (const api::Value* res = s->get("resources"); res && !decodeResourceSpecs(*res, "scoringStrategy.resources", out.resources, error))
                return false;
            if (const api::Value* r = s->get("requestedToCapacityRatio"); r && !r->isNull()) {
                out.hasRequestedToCapacityRatio = true;
                const api::Value* shape = r->get("shape");
                if (shape && shape->isSequence()) {
                    for (std::size_t i = 0; i < shape->items().size(); ++i) {
                        const api::Value& p = shape->items()[i];
                        const std::string path = "scoringStrategy.requestedToCapacityRatio.shape[" + std::to_string(i) + "]";
                        UtilizationShapePoint point;
                        for (const char* key : {"utilization", "score"}) {
                            const api::Value* v = p.get(key);
                            if (!v || v->isNull()) continue;
                            auto n = v->toInt();
                            if (!n) {
                                error = path + "." + key + ": expected an integer";
                                return false;
                            }
                            (std::string(key) == "utilization" ? point.utilization : point.score) =
                                static_cast<std::int32_t>(*n);
                        }
                        out.shape.push_back(point);
                    }
                }
            }
        }
    }
    // SetDefaults_NodeResourcesFitArgs: LeastAllocated over cpu and memory, weight 0 means 1.
    if (!hasStrategy) out.scoringStrategyType = "LeastAllocated";
    if (out.resources.empty()) out.resources = defaultResourceSpecs();
    for (auto& r : out.resources)
        if (r.weight == 0) r.weight = 1;

    // ValidateNodeResourcesFitArgs (the plugin validates with a nil path, so paths start at the
    // field names).
    ArgErrors errs;
    for (std::size_t i = 0; i < out.ignoredResources.size(); ++i)
        for (const auto& msg : api::isQualifiedName(out.ignoredResources[i]))
            errs.invalid("ignoredResources[" + std::to_string(i) + "]", ArgErrors::quote(out.ignoredResources[i]), msg);
    for (std::size_t i = 0; i < out.ignoredResourceGroups.size(); ++i) {
        const std::string path = "ignoredResourceGroups[" + std::to_string(i) + "]";
        const std::string& group = out.ignoredResourceGroups[i];
        if (group.find('/') != std::string::npos)
            errs.invalid(path, ArgErrors::quote(group), "resource group name can't contain '/'");
        for (const auto& msg : api::isQualifiedName(group)) errs.invalid(path, ArgErrors::quote(group), msg);
    }
    const std::string& type = out.scoringStrategyType;
    if (type != "LeastAllocated" && type != "MostAllocated" && type != "RequestedToCapacityRatio")
        errs.notSupported("scoringStrategy.type", type, {"LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"});
    for (std::size_t i = 0; i < out.resources.size(); ++i) {
        const auto& r = out.resources[i];
        if (r.weight <= 0 || r.weight > 100)
            errs.invalid("scoringStrategy.resources[" + std::to_string(i) + "].weight", std::to_string(r.weight),
                         "resource weight of " + r.name + " not in valid range (0, 100]");
    }
    if (out.hasRequestedToCapacityRatio) {
        // NOTE: v1.31 reports shape problems under scoringStrategy.shape (not
        // ...requestedToCapacityRatio.shape), an upstream quirk kept for identical messages.
        const std::string path = "scoringStrategy.shape";
        const auto& shape = out.shape;
        if (shape.empty()) {
            errs.required(path, "at least one point must be specified");
        } else {
            for (std::size_t i = 1; i < shape.size(); ++i) {
                if (shape[i - 1].utilization >= shape[i].utilization) {
                    errs.invalid(path + "[" + std::to_string(i) + "].utilization", std::to_string(shape[i].utilization),
                                 "utilization values must be sorted in increasing order");
                    break;
                }
            }
            for (std::size_t i = 0; i < shape.size(); ++i) {
                const std::string p = path + "[" + std::to_string(i) + "]";
                if (shape[i].utilization < 0 || shape[i].utilization > 100)
                    errs.invalid(p + ".utilization", std::to_string(shape[i].utilization), "not in valid range [0, 100]");
                if (shape[i].score < 0 || shape[i].score > kMaxCustomPriorityScore)
                    errs.invalid(p + ".score", std::to_string(shape[i].score), "not in valid range [0, 10]");
            }
        }
    }
    if (!errs.empty()) {
        error = errs.aggregate();
        return false;
    }
    if (type == "RequestedToCapacityRatio" && !out.hasRequestedToCapacityRatio) {
        // v1.31 dereferences the missing field; later releases reject it with this message.
        error = "scoringStrategy.requestedToCapacityRatio: Required value: must be specified when type is "
                "RequestedToCapacityRatio";
        return false;
    }
    return true;
}

// ---- Filter ----

std::vector<InsufficientResource> fitsRequest(const Resource& podRequest, const NodeInfo& node,
                                              const std::set<std::string>& ignoredExtendedResources,
                                              const std::set<std::string>& ignoredResourceGroups) {
    std::vector<InsufficientResource> out;
    const Resource& alloc = node.allocatable();
    const Resource& used = node.requested();
    const std::int64_t podCount = node.summary().numPods;  // pods() plus any added as requests only
    if (podCount + 1 > alloc.allowedPodNumber)
        out.push_back({"pods", "Too many pods", 1, podCount, alloc.allowedPodNumber});

    // A pod that requests nothing only needs a pod slot.
    if (podRequest.milliCPU == 0 && podRequest.memory == 0 && podRequest.ephemeralStorage == 0 &&
        podRequest.scalarResources.empty())
        return out;

    if (podRequest.milliCPU > 0 && podRequest.milliCPU > alloc.milliCPU - used.milliCPU)
        out.push_back({"cpu", "Insufficient cpu", podRequest.milliCPU, used.milliCPU, alloc.milliCPU});
    if (podRequest.memory > 0 && podRequest.memory > alloc.memory - used.memory)
        out.push_back({"memory", "Insufficient memory", podRequest.memory, used.memory, alloc.memory});
    if (podRequest.ephemeralStorage > 0 && podRequest.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage)
        out.push_back({"ephemeral-storage", "Insufficient ephemeral-storage", podRequest.ephemeralStorage,
                       used.ephemeralStorage, alloc.ephemeralStorage});

    // NOTE: upstream walks a Go map here (random order); names in sorted order keep the trace
    // deterministic and are one of upstream's possible orders.
    for (const auto& [name, quantity] : podRequest.scalarResources) {
        if (quantity == 0) continue;
        if (isExtendedResourceName(name)) {
            const std::string prefix = name.substr(0, name.find('/'));
            if (ignoredExtendedResources.count(name) || (!ignoredResourceGroups.empty() && ignoredResourceGroups.count(prefix)))
                continue;
        }
        auto a = alloc.scalarResources.find(name);
        auto u = used.scalarResources.find(name);
        const std::int64_t allocatable = a == alloc.scalarResources.end() ? 0 : a->second;
        const std::int64_t inUse = u == used.scalarResources.end() ? 0 : u->second;
        if (quantity > allocatable - inUse) out.push_back({name, "Insufficient " + name, quantity, inUse, allocatable});
    }
    return out;
}

namespace {

// The statuses of the summary's checks, by mask of failing ones (bit 0 pods, 1 cpu, 2 memory,
// 3 ephemeral-storage): made once for all instances, and constant, so that copying one for each
// rejected node counts no references.
const Status& fitRejection(unsigned mask) {
    static const std::array<Status, 16> rejections = [] {
        static const char* const kReasons[] = {"Too many pods", "Insufficient cpu", "Insufficient memory",
                                               "Insufficient ephemeral-storage"};
        std::array<Status, 16> out;
        for (unsigned m = 1; m < out.size(); ++m) {
            std::vector<std::string> reasons;
            for (unsigned bit = 0; bit < 4; ++bit)
                if (m & (1u << bit)) reasons.emplace_back(kReasons[bit]);
            out[m] = Status::constant(Code::Unschedulable, std::move(reasons));
        }
        return out;
    }();
    return rejections[mask];
}

}  // namespace

NodeResourcesFit::NodeResourcesFit(const NodeResourcesFitArgs& args, Handle& handle)
    : m_handle(handle),
      m_ignoredResources(args.ignoredResources.begin(), args.ignoredResources.end()),
      m_ignoredResourceGroups(args.ignoredResourceGroups.begin(), args.ignoredResourceGroups.end()),
      m_strategy(args.scoringStrategyType) {
    m_scorer.useRequested = false;
    if (m_strategy == "MostAllocated") {
        m_scorer.name = "NodeResourcesMostAllocated";
        m_scorer.configure(ScoringStrategy::MostAllocated, args.resources);
    } else if (m_strategy == "RequestedToCapacityRatio") {
        m_scorer.name = "RequestedToCapacityRatio";
        m_scorer.configure(ScoringStrategy::RequestedToCapacityRatio, args.resources, args.shape);
    } else {
        m_scorer.name = "NodeResourcesLeastAllocated";
        m_scorer.configure(ScoringStrategy::LeastAllocated, args.resources);
    }
}

Status NodeResourcesFit::preFilter(CycleState& state, const PodInfo& pod, PreFilterResult&) {
    auto s = std::make_unique<FitPreFilterState>();
    s->podRequest = pod.requests;
    state.write(kPreFilterStateKey, std::move(s));
    return Status::success();
}

Status NodeResourcesFit::filter(CycleState& state, const PodInfo&, const NodeInfo& node) {
    const auto* s = m_preFilterState.read<FitPreFilterState>(state, kPreFilterStateKey);
    if (!s) return Status::error(std::string("error reading \"") + kPreFilterStateKey + "\" from cycleState: not found");
    const Resource& request = s->podRequest;
    if (request.scalarResources.empty()) {
        // fitsRequest's checks without building its list: the same reasons in the same order,
        // from the node's summary (one cache line).
        const NodeSummary& n = node.summary();
        unsigned mask = 0;
        if (std::int64_t{n.numPods} + 1 > n.allowedPodNumber) mask |= 1;
        if (request.milliCPU > 0 && request.milliCPU > n.allocatableMilliCPU - n.requestedMilliCPU) mask |= 2;
        if (request.memory > 0 && request.memory > n.allocatableMemory - n.requestedMemory) mask |= 4;
        if (request.ephemeralStorage > 0 &&
            request.ephemeralStorage > node.allocatable().ephemeralStorage - node.requested().ephemeralStorage)
            mask |= 8;
        return mask == 0 ? Status::success() : fitRejection(mask);
    }
    auto insufficient = fitsRequest(s->podRequest, node, m_ignoredResources, m_ignoredResourceGroups);
    if (insufficient.empty()) return Status::success();
    // Every failing resource is a reason of its own (each counts in the FitError histogram).
    std::vector<std::string> reasons;
    for (const auto& r : insufficient) reasons.push_back(r.reason);
    return Status(Code::Unschedulable, std::move(reasons));
}

// ---- Score ----

Status NodeResourcesFit::preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>&) {
    auto s = std::make_unique<FitPreScoreState>();
    s->podRequests = m_scorer.podRequestList(pod);
    state.write(kPreScoreStateKey, std::move(s));
    return Status::success();
}

Status NodeResourcesFit::score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) {
    score = 0;
    if (const auto* s = state.read<FitPreScoreState>(kPreScoreStateKey)) return m_scorer.score(node, s->podRequests, score);
    // Without PreScore (a custom profile), upstream computes the requests on the spot.
    return m_scorer.score(node, m_scorer.podRequestList(pod), score);
}

Status NodeResourcesFit::scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                                    std::vector<NodeScore>& scores) {
    if (nodes.empty()) return Status::success();
    if (m_scorer.resources.empty()) return Status::error("resources not found");
    const auto* s = state.read<FitPreScoreState>(kPreScoreStateKey);
    const std::vector<std::int64_t> computed = s ? std::vector<std::int64_t>{} : m_scorer.podRequestList(pod);
    const std::int64_t* podRequests = s ? s->podRequests.data() : computed.data();
    m_scorer.scoreNodes(nodes, podRequests, scores);
    return Status::success();
}

std::unique_ptr<Plugin> newNodeResourcesFit(const api::Value* args, Handle& handle, std::string& error) {
    NodeResourcesFitArgs parsed;
    if (!NodeResourcesFitArgs::parse(args, parsed, error)) return nullptr;
    return std::make_unique<NodeResourcesFit>(parsed, handle);
}

}  // namespace ks::scheduler::plugins
