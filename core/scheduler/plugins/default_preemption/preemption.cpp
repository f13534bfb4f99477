// The preemption Evaluator used by DefaultPreemption: eligibility, candidates, dry runs,
// choosing a node and evicting its victims.
// Mirrors pkg/scheduler/framework/preemption/preemption.go (v1.31).
#include <algorithm>
#include <climits>
#include <map>

#include "core/scheduler/framework/fit_error.h"
#include "core/scheduler/plugins/default_preemption/default_preemption.h"

namespace ks::scheduler::plugins {

namespace {

const char* const kNotHelpful = "Preemption is not helpful for scheduling";

std::vector<std::string> podKeys(const std::vector<std::shared_ptr<PodInfo>>& pods) {
    std::vector<std::string> out;
    out.reserve(pods.size());
    for (const auto& p : pods) out.push_back(p->key());
    return out;
}

}  // namespace

Status DefaultPreemption::preempt(CycleState& state, const PodInfo& podInfo, const NodeToStatus& m,
                                  PostFilterResult& result) {
    const api::Pod& pod = *podInfo.pod;

    // 1) Is the pod eligible to preempt others?
    const Status* nominatedNodeStatus = nullptr;
    if (!pod.status.nominatedNodeName.empty())
        if (auto it = m.find(pod.status.nominatedNodeName); it != m.end()) nominatedNodeStatus = &it->second;
    if (std::string msg = podEligibleToPreemptOthers(pod, nominatedNodeStatus); !msg.empty()) {
        m_record.eligible = false;
        return Status::unschedulable(msg);  // no result: the nomination stays as it is
    }

    // 2) Find all candidates.
    std::vector<PreemptionCandidate> candidates;
    NodeToStatus nodeStatuses;
    Status s = findCandidates(state, podInfo, m, candidates, nodeStatuses);
    // The record's lists of every node only serve the explanation.
    if (m_handle.recording()) {
        m_record.nodeStatuses = nodeStatuses;
        for (const auto& c : candidates) m_record.candidates.push_back({c.node, podKeys(*c.victims), c.numPDBViolations});
    }
    if (!s.isSuccess() && candidates.empty()) return s;
    if (candidates.empty()) {
        // Upstream returns a FitError over the dry-run statuses, with a result that clears the
        // pod's nominated node.
        if (!pod.status.nominatedNodeName.empty()) m_handle.clearNominatedNodeName(pod);
        // NOTE: as 1.31, the node count is the size of that status map (every node in practice).
        FitError fitError;
        fitError.numAllNodes = nodeStatuses.size();
        fitError.diagnosis.nodeToStatus = nodeStatuses;
        return Status::unschedulable(fitError.message());
    }

    // 3) Extenders: none in the simulation.
    // 4) The best candidate.
    const PreemptionCandidate& best =
        candidates.size() == 1 ? candidates.front() : candidates[preemption::pickOneNodeForPreemption(candidates)];
    if (best.node.empty()) return Status::unschedulable("no candidate node for preemption");

    // 5) Evict the victims and clear lower-priority nominations on that node.
    if (Status p = prepareCandidate(best, pod); !p.isSuccess()) return p;
    result.nominatedNodeName = best.node;
    m_record.nominatedNode = best.node;
    m_record.victims = podKeys(*best.victims);
    return Status::success();
}

Status DefaultPreemption::findCandidates(CycleState& state, const PodInfo& pod, const NodeToStatus& m,
                                         std::vector<PreemptionCandidate>& candidates, NodeToStatus& nodeStatuses) {
    const auto& allNodes = m_handle.snapshot().nodeInfos();
    if (allNodes.empty()) return Status::error("no nodes available");

    // Only nodes that the filters rejected as Unschedulable may be helped by evicting pods.
    // Nodes rejected as UnschedulableAndUnresolvable, and nodes without a status, are not.
    std::vector<NodeInfo*> potentialNodes;
    std::vector<std::size_t>& potentialSlots = m_potentialSlots;  // the nodes' slots, not read from them
    potentialSlots.clear();
    // The filters recorded the nodes in snapshot order from a rotating start: the next node's
    // status is usually the next entry, which spares a lookup by name per node.
    std::size_t next = 0;
    auto statusOf = [&](const std::string& name) {
        if (next < m.size() && (m.begin() + static_cast<std::ptrdiff_t>(next))->first == name)
            return m.begin() + static_cast<std::ptrdiff_t>(next++);
        auto it = m.find(name);
        if (it != m.end()) next = static_cast<std::size_t>(it - m.begin()) + 1;
        return it;
    };
    const bool recording = m_handle.recording();
    static const Status kNotHelpfulStatus = Status::constant(Code::UnschedulableAndUnresolvable, {kNotHelpful});  // shared by every node
    // Statuses recorded by the snapshot's slot (the scheduler's filter pass) are found by the
    // node's index without reading its name; others by name.
    const bool bySlot = m.slotsComplete();
    for (std::size_t slot = 0; slot < allNodes.size(); ++slot) {
        const auto& info = allNodes[slot];
        const Status* status = nullptr;
        if (bySlot) {
            status = m.atSlot(slot);
        } else if (auto it = statusOf(info->name()); it != m.end()) {
            status = &it->second;
        }
        if (status && status->code() == Code::Unschedulable) {
            if (potentialNodes.empty()) {
                potentialNodes.reserve(allNodes.size() - slot);
                potentialSlots.reserve(allNodes.size() - slot);
            }
            potentialNodes.push_back(info.get());
            potentialSlots.push_back(slot);
            if (recording) m_record.potentialNodes.push_back(info->name());
        } else if (!status || status->code() == Code::UnschedulableAndUnresolvable) {
            nodeStatuses[info->name()] = kNotHelpfulStatus;
        }
    }
    // No potential node: preempt() clears the pod's nomination (upstream does it here).
    if (potentialNodes.empty()) return Status::success();

    const auto& pdbs = m_handle.snapshot().objects().podDisruptionBudgets;
    auto [offset, numCandidates] = getOffsetAndNumCandidates(static_cast<std::int32_t>(potentialNodes.size()));
    m_record.offset = static_cast<std::uint64_t>(offset);
    m_record.numCandidates = numCandidates;
    NodeToStatus dryRunStatuses;
    Status s = dryRunPreemption(state, pod, potentialNodes, potentialSlots, pdbs, offset, numCandidates, candidates,
                                dryRunStatuses);
    for (auto& [node, status] : dryRunStatuses) nodeStatuses[node] = status;
    return s;
}

Status DefaultPreemption::dryRunPreemption(CycleState& state, const PodInfo& pod,
                                           const std::vector<NodeInfo*>& potentialNodes,
                                           const std::vector<std::size_t>& potentialSlots,
                                           const std::vector<api::PodDisruptionBudget>& pdbs, std::int32_t offset,
                                           std::int32_t numCandidates, std::vector<PreemptionCandidate>& candidates,
                                           NodeToStatus& nodeStatuses) {
    // Upstream runs the nodes in parallel from a random offset and stops once it has at least one
    // PDB-respecting candidate and numCandidates in all; run sequentially from the same offset,
    // the outcome is one of upstream's possible ones.
    std::vector<PreemptionCandidate> nonViolating, violating;
    std::string errors;
    const std::size_t n = potentialNodes.size();
    // Only the PreFilter extensions (AddPod / RemovePod) write to the state: when none is
    // active for this pod, every dry run may read the cycle's state itself.
    const bool copyState = m_handle.preFilterExtensionsActive(state);
    auto onlyRequestsBelow = [&](const NodeInfo& node) {
        for (const auto& p : node.pods())
            if (p->priority() < pod.priority() && !p->addsOnlyRequests()) return false;
        return true;
    };
    // Without budgets and active extensions a dry run depends on nothing but the pod, the
    // node, its nominated pods and the filters: with a key for this cycle
    // (CycleState::keptResultsKey), the results are kept by slot, and a later preemptor with
    // the same key reuses those of unchanged nodes (most of them: a preemption changes one
    // node) without reading the node at all.
    const std::uint64_t keepKey = !copyState && pdbs.empty() ? state.keptResultsKey : 0;
    const Snapshot& snapshot = m_handle.snapshot();
    auto kept = [&](std::size_t k) -> const KeptDryRun* {
        if (!keepKey) return nullptr;
        const std::size_t slot = potentialSlots[k];
        if (slot >= m_keptDryRuns.size()) return nullptr;
        const KeptDryRun& r = m_keptDryRuns[slot];
        return r.holds(keepKey, snapshot.generationAt(slot), m_handle.nominationStamp(slot)) ? &r : nullptr;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t k = (static_cast<std::size_t>(offset) + i) % n;
        // The next nodes and their pods are fetched ahead (NodeInfo::prefetch), unless their
        // kept results stand in for them.
        if (i + 2 < n && !kept((k + 2) % n)) potentialNodes[(k + 2) % n]->prefetch();
        if (i + 1 < n && !kept((k + 1) % n)) potentialNodes[(k + 1) % n]->prefetchPods();
        PreemptionCandidate c;
        int numViolating = 0;
        Status s;
        NodeInfo& original = *potentialNodes[k];  // not read when a kept result stands in
        if (const KeptDryRun* r = kept(k)) {
            c.node = r->node;
            c.victims = r->victims;
            s = r->status;
        } else {
            c.node = original.name();
            m_victims.clear();
            if (!copyState && pdbs.empty() && onlyRequestsBelow(original)) {
                s = selectVictimsInPlace(state, pod, original, m_victims);
            } else {
                m_nodeCopy = original;
                std::unique_ptr<CycleState> stateCopy = copyState ? state.clone() : nullptr;
                s = selectVictimsOnNode(copyState ? *stateCopy : state, pod, m_nodeCopy, pdbs, m_victims, numViolating);
            }
            if (!m_victims.empty()) c.victims = std::make_shared<const VictimList>(m_victims);
            if (keepKey && s.code() != Code::Error) {
                const std::size_t slot = potentialSlots[k];
                if (slot >= m_keptDryRuns.size()) m_keptDryRuns.resize(std::max(slot + 1, snapshot.numNodes()));
                KeptDryRun& r = m_keptDryRuns[slot];
                r.keep(keepKey, snapshot.generationAt(slot), m_handle.nominationStamp(slot), s, c.node);
                r.victims = c.victims;
            }
        }
        if (s.isSuccess() && c.victims) {
            c.numPDBViolations = numViolating;
            auto& list = numViolating == 0 ? nonViolating : violating;
            if (static_cast<std::int32_t>(list.size()) < numCandidates) list.push_back(std::move(c));
            if (!nonViolating.empty() &&
                static_cast<std::int32_t>(nonViolating.size() + violating.size()) >= numCandidates)
                break;
            continue;
        }
        if (s.isSuccess()) s = Status::error("expected at least one victim pod on node \"" + c.node + "\"");
        if (s.code() == Code::Error) errors += (errors.empty() ? "" : ", ") + s.message();
        nodeStatuses[c.node] = s;
    }
    candidates = std::move(nonViolating);
    for (auto& c : violating) candidates.push_back(std::move(c));
    if (!errors.empty()) return Status::error(errors);
    return Status::success();
}

Status DefaultPreemption::prepareCandidate(const PreemptionCandidate& c, const api::Pod& pod) {
    // Upstream patches each victim's status with the condition DisruptionTarget=True, reason
    // PreemptionByScheduler, message "<schedulerName>: preempting to accommodate a higher
    // priority pod", deletes it gracefully and records the event Normal/Preempted with this
    // note. NOTE: Handle::deletePod does all three (the handle knows the scheduler name and owns
    // the store objects); the condition matters: podEligibleToPreemptOthers looks for it on the
    // victims that are still terminating.
    for (const auto& victim : *c.victims) {
        const std::string note = "Preempted by pod " + pod.metadata.uid + " on node " + c.node;
        if (Status s = m_handle.deletePod(*victim->pod, note); !s.isSuccess()) return Status::error(s.message());
    }
    // Lower-priority pods nominated to this node may no longer fit: drop their nomination so
    // that the scheduler looks for another place for them.
    const std::int32_t priority = pod.spec.priority.value_or(0);
    const auto nominated = m_handle.nominatedPodsForNode(c.node);  // a copy: clearing changes the list
    for (const auto& p : nominated) {
        if (p->priority() >= priority) continue;
        m_handle.clearNominatedNodeName(*p->pod);  // not critical when it fails, as upstream
        m_record.clearedNominations.push_back(p->key());
    }
    return Status::success();
}

namespace preemption {

namespace {

// Upstream util.GetEarliestPodStartTime: the earliest start among the highest-priority victims.
std::int64_t earliestStartOfHighestPriority(const std::vector<std::shared_ptr<PodInfo>>& victims) {
    if (victims.empty()) return LLONG_MIN;
    auto start = [](const PodInfo& p) { return p.startTimeOrMax; };
    std::int64_t earliest = start(*victims.front());
    std::int32_t maxPriority = victims.front()->priority();
    for (const auto& v : victims) {
        if (v->priority() == maxPriority) {
            earliest = std::min(earliest, start(*v));
        } else if (v->priority() > maxPriority) {
            maxPriority = v->priority();
            earliest = start(*v);
        }
    }
    return earliest;
}

}  // namespace

int pickOneNodeForPreemption(const std::vector<PreemptionCandidate>& candidates) {
    if (candidates.empty()) return -1;
    // Each criterion scores the nodes; the best ones survive to the next criterion.
    using ScoreFunc = std::int64_t (*)(const PreemptionCandidate&);
    const ScoreFunc funcs[] = {
        // Fewest PDB violations.
        [](const PreemptionCandidate& c) -> std::int64_t { return -c.numPDBViolations; },
        // Lowest priority of the most important victim.
        [](const PreemptionCandidate& c) -> std::int64_t { return -static_cast<std::int64_t>(c.victims->front()->priority()); },
        // Smallest sum of priorities, each shifted by MaxInt32+1 so that all terms are >= 0.
        [](const PreemptionCandidate& c) -> std::int64_t {
            std::int64_t sum = 0;
            for (const auto& v : *c.victims) sum += static_cast<std::int64_t>(v->priority()) + (std::int64_t(INT_MAX) + 1);
            return -sum;
        },
        // Fewest victims.
        [](const PreemptionCandidate& c) -> std::int64_t { return -static_cast<std::int64_t>(c.victims->size()); },
        // Latest start of the highest-priority victims.
        [](const PreemptionCandidate& c) -> std::int64_t { return earliestStartOfHighestPriority(*c.victims); },
    };
    std::vector<int> remaining;
    for (int i = 0; i < static_cast<int>(candidates.size()); ++i) remaining.push_back(i);
    for (ScoreFunc f : funcs) {
        std::vector<int> selected;
        std::int64_t maxScore = LLONG_MIN;
        for (int i : remaining) {
            const std::int64_t score = f(candidates[static_cast<std::size_t>(i)]);
            if (score > maxScore) {
                maxScore = score;
                selected.clear();
            }
            if (score == maxScore) selected.push_back(i);
        }
        if (selected.size() == 1) return selected.front();
        remaining = std::move(selected);
    }
    // Still tied: the first (upstream's map order makes this arbitrary).
    return remaining.front();
}

}  // namespace preemption

}  // namespace ks::scheduler::plugins
