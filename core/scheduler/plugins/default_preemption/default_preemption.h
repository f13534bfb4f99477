// DefaultPreemption: when no node fits a pod, find nodes where evicting lower-priority pods
// would make room, pick one, evict its victims and nominate the pod to it.
// Mirrors pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go and the
// Evaluator of pkg/scheduler/framework/preemption/preemption.go (Kubernetes v1.31; synchronous
// preemption, PodDisruptionConditions GA).
// Not a legacy predicate/priority: preemption was part of the scheduler core before 1.19.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/api/types.h"
#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"
#include "core/scheduler/framework/node_info.h"

namespace ks::scheduler::plugins {

// kubescheduler.config.k8s.io/v1 DefaultPreemptionArgs, defaulted.
struct DefaultPreemptionArgs {
    std::int32_t minCandidateNodesPercentage = 10;
    std::int32_t minCandidateNodesAbsolute = 100;

    // Decodes args (null: defaults) and validates them as upstream's ValidateDefaultPreemptionArgs.
    static bool parse(const api::Value* args, DefaultPreemptionArgs& out, std::string& error);
};

// A node where preemption would make the pod fit, with the pods to evict there.
using VictimList = std::vector<std::shared_ptr<PodInfo>>;

struct PreemptionCandidate {
    std::string node;
    // Most important first; never empty. Shared and not changed: a dry run kept for later
    // preemptors hands its list to every candidate made from it without a copy.
    std::shared_ptr<const VictimList> victims;
    std::int64_t numPDBViolations = 0;
};

// What one PostFilter run did, for the explanation (the runtime records it after postFilter).
struct PreemptionRecord {
    std::string pod;               // namespace/name of the preemptor
    bool eligible = true;          // false: preemptionPolicy Never, or victims still terminating
    // potentialNodes, nodeStatuses and candidates are filled only when the cycle records the
    // teaching extras (Handle::recording): they name every node.
    std::vector<std::string> potentialNodes;  // nodes whose filter status was Unschedulable
    std::uint64_t offset = 0;      // where the dry run started among potentialNodes
    std::int32_t numCandidates = 0;// how many candidates the dry run looked for
    // Nodes that are no candidate, with why: "Preemption is not helpful for scheduling", "No
    // preemption victims found for incoming pod", or the filter that still fails without the
    // lower-priority pods. Nodes the dry run did not reach are absent.
    NodeToStatus nodeStatuses;
    struct Candidate {
        std::string node;
        std::vector<std::string> victims;  // namespace/name, most important first
        std::int64_t numPDBViolations = 0;
    };
    std::vector<Candidate> candidates;       // PDB-respecting ones first, in dry-run order
    std::string nominatedNode;               // the chosen candidate; empty when none
    std::vector<std::string> victims;        // evicted from nominatedNode
    std::vector<std::string> clearedNominations;  // lower-priority pods nominated there
    std::string message;                     // the PostFilter status message ("preemption: ...")
};

class DefaultPreemption final : public PostFilterPlugin {
public:
    static constexpr const char* kName = "DefaultPreemption";

    DefaultPreemption(DefaultPreemptionArgs args, Handle& handle);

    std::string name() const override { return kName; }
    const DefaultPreemptionArgs& args() const { return m_args; }

    // Upstream Evaluator.Preempt, its message prefixed with "preemption: ". Success with
    // result.nominatedNodeName set when victims were evicted; Unschedulable otherwise.
    Status postFilter(CycleState& state, const PodInfo& pod, const NodeToStatus& filteredNodeStatus,
                      PostFilterResult& result) override;

    // The explanation of the last postFilter call.
    const PreemptionRecord& lastRecord() const { return m_record; }

    // ---- the pieces of upstream's preemption.Interface, public for tests ----
    // Number of candidates the dry run should find among numNodes potential nodes.
    std::int32_t calculateNumCandidates(std::int32_t numNodes) const;
    // A random offset (Handle::randomInt) and calculateNumCandidates.
    std::pair<std::int32_t, std::int32_t> getOffsetAndNumCandidates(std::int32_t numNodes);
    // Empty message when pod may preempt; otherwise upstream's reason. nominatedNodeStatus is
    // the filter status of the pod's nominated node (null when it has none or it is absent).
    std::string podEligibleToPreemptOthers(const api::Pod& pod, const Status* nominatedNodeStatus) const;
    // The fewest pods to evict from node (a copy that this modifies) for pod to fit, reprieving
    // the most important ones first (PDB-violating ones before the others).
    Status selectVictimsOnNode(CycleState& state, const PodInfo& pod, NodeInfo& node,
                               const std::vector<api::PodDisruptionBudget>& pdbs,
                               std::vector<std::shared_ptr<PodInfo>>& victims, int& numViolatingVictims);

private:
    // The Evaluator (preemption.cpp).
    Status preempt(CycleState& state, const PodInfo& pod, const NodeToStatus& m, PostFilterResult& result);
    Status findCandidates(CycleState& state, const PodInfo& pod, const NodeToStatus& m,
                          std::vector<PreemptionCandidate>& candidates, NodeToStatus& nodeStatuses);
    Status dryRunPreemption(CycleState& state, const PodInfo& pod, const std::vector<NodeInfo*>& potentialNodes,
                            const std::vector<std::size_t>& potentialSlots,
                            const std::vector<api::PodDisruptionBudget>& pdbs, std::int32_t offset,
                            std::int32_t numCandidates, std::vector<PreemptionCandidate>& candidates,
                            NodeToStatus& nodeStatuses);
    Status prepareCandidate(const PreemptionCandidate& c, const api::Pod& pod);
    // selectVictimsOnNode without copying the node, for a node whose pods of lower priority than
    // pod all add only requests (PodInfo::addsOnlyRequests), in a cycle without active PreFilter
    // extensions and without PodDisruptionBudgets: taking such pods out and putting them back
    // changes nothing a filter reads but the node's accounting, so the dry run changes only that
    // (NodeInfo::addTemporaryRequests) on the snapshot's node and restores it. The same victims
    // and statuses.
    Status selectVictimsInPlace(CycleState& state, const PodInfo& pod, NodeInfo& node,
                                std::vector<std::shared_ptr<PodInfo>>& victims);

    Handle& m_handle;
    DefaultPreemptionArgs m_args;
    PreemptionRecord m_record;
    // The dry runs' copy of a node, reused from node to node: copy-assigning keeps the pod
    // lists' storage, so a dry run allocates nothing for it.
    NodeInfo m_nodeCopy;
    // The pod lists of one dry run, kept for their storage.
    std::vector<std::shared_ptr<PodInfo>> m_pods, m_potentialVictims, m_violating, m_nonViolating;
    // The same for selectVictimsInPlace: the node's pods of lower priority with their index in
    // its list (not pointers to the entries: filtering with nominated pods may add to the list
    // for a moment and move it), and what it added back.
    std::vector<std::pair<const PodInfo*, std::size_t>> m_lowerPriority;
    std::vector<NodeInfo::TemporaryRequests> m_reprieved;
    std::vector<std::size_t> m_potentialSlots;
    // Dry runs' results by snapshot slot (dryRunPreemption).
    struct KeptDryRun : KeptNodeResult {
        std::shared_ptr<const VictimList> victims;  // null when none
    };
    std::vector<KeptDryRun> m_keptDryRuns;
    VictimList m_victims;  // one dry run's, kept for its storage
};

// Registry factory: args is the pluginConfig args (null for the defaults).
std::unique_ptr<Plugin> newDefaultPreemption(const api::Value* args, Handle& handle, std::string& error);

namespace preemption {

// Upstream util.MoreImportantPod: higher priority, then earlier start time (a pod without
// status.startTime counts as starting now, i.e. after every started pod).
bool moreImportantPod(const api::Pod& a, const api::Pod& b);
// The same from the values PodInfo keeps (no read of the Pods).
inline bool moreImportantPod(const PodInfo& a, const PodInfo& b) {
    if (a.priority() != b.priority()) return a.priority() > b.priority();
    return a.startTimeOrMax < b.startTimeOrMax;
}
// Splits pods (in order) into those whose eviction would violate a PodDisruptionBudget
// (decrementing each matching budget's disruptionsAllowed as it goes) and the others.
void filterPodsWithPDBViolation(const std::vector<std::shared_ptr<PodInfo>>& pods,
                                const std::vector<api::PodDisruptionBudget>& pdbs,
                                std::vector<std::shared_ptr<PodInfo>>& violating,
                                std::vector<std::shared_ptr<PodInfo>>& nonViolating);
// Upstream pickOneNodeForPreemption over the candidates (in order): fewest PDB violations,
// lowest highest-victim priority, smallest priority sum, fewest victims, latest start of the
// highest-priority victims, then the first. Returns an index into candidates (-1 when empty).
int pickOneNodeForPreemption(const std::vector<PreemptionCandidate>& candidates);

}  // namespace preemption

}  // namespace ks::scheduler::plugins
