// DefaultPreemption: args, eligibility and victim selection on one node.
// Mirrors pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go,
// pkg/scheduler/util/utils.go (MoreImportantPod) and ValidateDefaultPreemptionArgs (v1.31).
#include "core/scheduler/plugins/default_preemption/default_preemption.h"

#include <algorithm>
#include <climits>

namespace ks::scheduler::plugins {

bool DefaultPreemptionArgs::parse(const api::Value* args, DefaultPreemptionArgs& out, std::string& error) {
    out = DefaultPreemptionArgs{};
    if (args && !args->isNull()) {
        if (!args->isMapping()) {
            error = "want args to be of type DefaultPreemptionArgs";
            return false;
        }
        for (const char* key : {"minCandidateNodesPercentage", "minCandidateNodesAbsolute"}) {
            const api::Value* v = args->get(key);
            if (!v || v->isNull()) continue;
            auto n = v->toInt();
            if (!n) {
                error = std::string(key) + ": expected an integer";
                return false;
            }
            (std::string(key) == "minCandidateNodesPercentage" ? out.minCandidateNodesPercentage
                                                                : out.minCandidateNodesAbsolute) =
                static_cast<std::int32_t>(*n);
        }
    }
    std::vector<std::string> errs;
    const std::string pct = std::to_string(out.minCandidateNodesPercentage);
    const std::string abs = std::to_string(out.minCandidateNodesAbsolute);
    if (out.minCandidateNodesPercentage < 0 || out.minCandidateNodesPercentage > 100)
        errs.push_back("minCandidateNodesPercentage: Invalid value: " + pct + ": not in valid range [0, 100]");
    if (out.minCandidateNodesAbsolute < 0)
        errs.push_back("minCandidateNodesAbsolute: Invalid value: " + abs + ": not in valid range [0, inf)");
    if (out.minCandidateNodesPercentage == 0 && out.minCandidateNodesAbsolute == 0) {
        errs.push_back("minCandidateNodesPercentage: Invalid value: 0: cannot be zero at the same time as "
                       "minCandidateNodesAbsolute");
        errs.push_back("minCandidateNodesAbsolute: Invalid value: 0: cannot be zero at the same time as "
                       "minCandidateNodesPercentage");
    }
    if (errs.empty()) return true;
    // utilerrors.Aggregate: one message alone, several as "[a, b]".
    if (errs.size() == 1) {
        error = errs.front();
    } else {
        error = "[";
        for (std::size_t i = 0; i < errs.size(); ++i) error += (i ? ", " : "") + errs[i];
        error += "]";
    }
    return false;
}

DefaultPreemption::DefaultPreemption(DefaultPreemptionArgs args, Handle& handle) : m_handle(handle), m_args(args) {}

std::unique_ptr<Plugin> newDefaultPreemption(const api::Value* args, Handle& handle, std::string& error) {
    DefaultPreemptionArgs parsed;
    if (!DefaultPreemptionArgs::parse(args, parsed, error)) return nullptr;
    return std::make_unique<DefaultPreemption>(parsed, handle);
}

Status DefaultPreemption::postFilter(CycleState& state, const PodInfo& pod, const NodeToStatus& m,
                                     PostFilterResult& result) {
    m_record = PreemptionRecord{};
    m_record.pod = pod.key();
    Status s = preempt(state, pod, m, result);
    if (!s.message().empty()) s = Status(s.code(), {"preemption: " + s.message()});
    m_record.message = s.message();
    return s;
}

std::int32_t DefaultPreemption::calculateNumCandidates(std::int32_t numNodes) const {
    std::int32_t n = static_cast<std::int32_t>(static_cast<std::int64_t>(numNodes) * m_args.minCandidateNodesPercentage / 100);
    if (n < m_args.minCandidateNodesAbsolute) n = m_args.minCandidateNodesAbsolute;
    if (n > numNodes) n = numNodes;
    return n;
}

std::pair<std::int32_t, std::int32_t> DefaultPreemption::getOffsetAndNumCandidates(std::int32_t numNodes) {
    const auto offset = numNodes > 0 ? static_cast<std::int32_t>(m_handle.randomInt(static_cast<std::uint64_t>(numNodes))) : 0;
    return {offset, calculateNumCandidates(numNodes)};
}

namespace {

// A pod terminating because the scheduler preempted it (DisruptionTarget=True,
// reason PreemptionByScheduler); PodDisruptionConditions is GA in 1.31.
bool podTerminatingByPreemption(const api::Pod& p) {
    if (!p.metadata.deletionTimestamp) return false;
    for (const auto& c : p.status.conditions)
        if (c.type == "DisruptionTarget") return c.status == "True" && c.reason == "PreemptionByScheduler";
    return false;
}

std::int32_t podPriority(const api::Pod& p) { return p.spec.priority.value_or(0); }

// std::stable_sort by MoreImportantPod. A node holds a few dozen pods at most: an insertion
// sort gives the same (stable) order without the temporary buffer stable_sort allocates for
// every dry run.
// Pods as shared pointers or as (pod, index in its node's list) pairs (selectVictimsInPlace).
const PodInfo& importanceOf(const std::shared_ptr<PodInfo>& p) { return *p; }
const PodInfo& importanceOf(const std::pair<const PodInfo*, std::size_t>& p) { return *p.first; }

template <typename Entry>
void sortByImportance(std::vector<Entry>& pods) {
    auto less = [](const Entry& a, const Entry& b) {
        return preemption::moreImportantPod(importanceOf(a), importanceOf(b));
    };
    if (pods.size() > 64) {
        std::stable_sort(pods.begin(), pods.end(), less);
        return;
    }
    for (std::size_t i = 1; i < pods.size(); ++i) {
        if (!less(pods[i], pods[i - 1])) continue;
        Entry p = std::move(pods[i]);
        std::size_t j = i;
        for (; j > 0 && less(p, pods[j - 1]); --j) pods[j] = std::move(pods[j - 1]);
        pods[j] = std::move(p);
    }
}

}  // namespace

std::string DefaultPreemption::podEligibleToPreemptOthers(const api::Pod& pod, const Status* nominatedNodeStatus) const {
    if (pod.spec.preemptionPolicy && *pod.spec.preemptionPolicy == "Never")
        return "not eligible due to preemptionPolicy=Never.";
    const std::string& nominated = pod.status.nominatedNodeName;
    if (!nominated.empty()) {
        // A nominated node that the filters now reject for good: preempt again elsewhere.
        if (nominatedNodeStatus && nominatedNodeStatus->code() == Code::UnschedulableAndUnresolvable) return {};
        if (const NodeInfo* info = m_handle.snapshot().get(nominated)) {
            for (const auto& p : info->pods())
                if (podPriority(*p->pod) < podPriority(pod) && podTerminatingByPreemption(*p->pod))
                    return "not eligible due to a terminating pod on the nominated node.";
        }
    }
    return {};
}

Status DefaultPreemption::selectVictimsOnNode(CycleState& state, const PodInfo& pod, NodeInfo& node,
                                              const std::vector<api::PodDisruptionBudget>& pdbs,
                                              std::vector<std::shared_ptr<PodInfo>>& victims,
                                              int& numViolatingVictims) {
    victims.clear();
    numViolatingVictims = 0;
    auto removePod = [&](const std::shared_ptr<PodInfo>& p) {
        node.removePod(*p);
        return m_handle.runPreFilterRemovePod(state, pod, *p, node);
    };
    auto addPod = [&](const std::shared_ptr<PodInfo>& p) {
        node.addPod(p);
        return m_handle.runPreFilterAddPod(state, pod, *p, node);
    };

    // First remove every pod of lower priority and check that the pod fits without them.
    std::vector<std::shared_ptr<PodInfo>>& potentialVictims = m_potentialVictims;
    potentialVictims.clear();
    m_pods.assign(node.pods().begin(), node.pods().end());  // removing changes node.pods()
    for (const auto& p : m_pods) {
        if (p->priority() >= pod.priority()) continue;
        potentialVictims.push_back(p);
        if (Status s = removePod(p); !s.isSuccess()) return Status::error(s.message());
    }
    if (potentialVictims.empty())
        return Status::unresolvable("No preemption victims found for incoming pod");
    // NOTE: affinity of the pod to the victims themselves is deliberately not considered, as upstream.
    if (Status s = m_handle.runFilterPluginsWithNominatedPods(state, pod, node); !s.isSuccess()) return s;

    // Reprieve as many pods as possible, most important first; PDB-violating ones first.
    sortByImportance(potentialVictims);
    std::vector<std::shared_ptr<PodInfo>>& violating = m_violating;
    std::vector<std::shared_ptr<PodInfo>>& nonViolating = m_nonViolating;
    violating.clear();
    nonViolating.clear();
    // Without budgets every pod is non-violating: the sorted list itself, not a copy.
    if (!pdbs.empty()) preemption::filterPodsWithPDBViolation(potentialVictims, pdbs, violating, nonViolating);
    const auto& nonViolatingList = pdbs.empty() ? potentialVictims : nonViolating;
    auto reprieve = [&](const std::shared_ptr<PodInfo>& p, bool& fits) -> Status {
        if (Status s = addPod(p); !s.isSuccess()) return Status::error(s.message());
        fits = m_handle.runFilterPluginsWithNominatedPods(state, pod, node).isSuccess();
        if (!fits) {
            if (Status s = removePod(p); !s.isSuccess()) return Status::error(s.message());
            victims.push_back(p);
        }
        return Status::success();
    };
    for (const auto& p : violating) {
        bool fits = false;
        if (Status s = reprieve(p, fits); !s.isSuccess()) return s;
        if (!fits) ++numViolatingVictims;
    }
    for (const auto& p : nonViolatingList) {
        bool fits = false;
        if (Status s = reprieve(p, fits); !s.isSuccess()) return s;
    }
    // Keep the victims ordered by importance when both groups contributed.
    if (!violating.empty() && !nonViolatingList.empty())
        sortByImportance(victims);
    return Status::success();
}

Status DefaultPreemption::selectVictimsInPlace(CycleState& state, const PodInfo& pod, NodeInfo& node,
                                               std::vector<std::shared_ptr<PodInfo>>& victims) {
    victims.clear();
    // The node's pods stay in its list: their index in it stands for them.
    auto& lower = m_lowerPriority;
    lower.clear();
    RequestTotals removed;
    for (std::size_t i = 0; i < node.pods().size(); ++i) {
        const PodInfo& p = *node.pods()[i];
        if (p.priority() >= pod.priority()) continue;
        lower.emplace_back(&p, i);
        removed.add(p);
    }
    if (lower.empty()) return Status::unresolvable("No preemption victims found for incoming pod");
    // Every pod of lower priority out, as selectVictimsOnNode; restored on every return.
    const NodeInfo::TemporaryRequests withoutLower = node.addTemporaryRequests(removed, -1);
    m_reprieved.clear();
    struct Restore {
        NodeInfo& node;
        const NodeInfo::TemporaryRequests& withoutLower;
        std::vector<NodeInfo::TemporaryRequests>& reprieved;
        ~Restore() {
            for (auto it = reprieved.rbegin(); it != reprieved.rend(); ++it) node.endTemporaryRequests(*it);
            node.endTemporaryRequests(withoutLower);
        }
    } restore{node, withoutLower, m_reprieved};
    if (Status s = m_handle.runFilterPluginsWithNominatedPods(state, pod, node); !s.isSuccess()) return s;

    // Reprieve as many as possible, most important first.
    sortByImportance(lower);
    for (const auto& [p, index] : lower) {
        RequestTotals one;
        one.add(*p);
        const NodeInfo::TemporaryRequests back = node.addTemporaryRequests(one);
        if (m_handle.runFilterPluginsWithNominatedPods(state, pod, node).isSuccess()) {
            m_reprieved.push_back(back);
        } else {
            node.endTemporaryRequests(back);
            victims.push_back(node.pods()[index]);  // the filters' temporary pods are gone again
        }
    }
    return Status::success();
}

namespace preemption {

bool moreImportantPod(const api::Pod& a, const api::Pod& b) {
    const auto pa = podPriority(a), pb = podPriority(b);
    if (pa != pb) return pa > pb;
    // GetPodStartTime: a pod that has not started counts as starting now, after all others.
    const api::Time ta = a.status.startTime.value_or(LLONG_MAX);
    const api::Time tb = b.status.startTime.value_or(LLONG_MAX);
    return ta < tb;
}

void filterPodsWithPDBViolation(const std::vector<std::shared_ptr<PodInfo>>& pods,
                                const std::vector<api::PodDisruptionBudget>& pdbs,
                                std::vector<std::shared_ptr<PodInfo>>& violating,
                                std::vector<std::shared_ptr<PodInfo>>& nonViolating) {
    std::vector<std::int32_t> allowed;
    allowed.reserve(pdbs.size());
    for (const auto& pdb : pdbs) allowed.push_back(pdb.disruptionsAllowed);
    for (const auto& p : pods) {
        const api::Pod& pod = *p->pod;
        bool violated = false;
        // A pod without labels matches no budget.
        if (!pod.metadata.labels.empty()) {
            for (std::size_t i = 0; i < pdbs.size(); ++i) {
                const auto& pdb = pdbs[i];
                if (pdb.metadata.namespace_ != pod.metadata.namespace_) continue;
                // A nil or empty selector matches nothing.
                if (!pdb.selector || pdb.selector->empty() || !pdb.selector->matches(pod.metadata.labels)) continue;
                // NOTE: status.disruptedPods (pods the eviction API already counted) is not modelled:
                // nothing in the simulation evicts through the eviction subresource.
                if (--allowed[i] < 0) violated = true;
            }
        }
        (violated ? violating : nonViolating).push_back(p);
    }
}

}  // namespace preemption

}  // namespace ks::scheduler::plugins
