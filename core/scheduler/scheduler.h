// Scheduler: the profiles, the scheduling queue, the cache (a Snapshot kept up to date) and the
// scheduling cycle. Mirrors pkg/scheduler/{scheduler.go,schedule_one.go} (v1.31): ScheduleOne,
// schedulePod, findNodesThatFitPod with percentageOfNodesToScore and the rotating start index,
// prioritizeNodes, selectHost, assume, Reserve, Permit, the binding cycle and the failure
// handler. Filters run sequentially in snapshot order (one of upstream's legal outcomes, and
// deterministic); ties are broken with the seeded random source.
//
// The scheduler does not talk to the store itself: ScheduleHooks carry its writes (binding,
// victim deletion, events), so the simulation actor and the CLI plug in their own.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/scheduler/config/types.h"
#include "core/scheduler/framework/cycle_record.h"
#include "core/scheduler/framework/fit_error.h"
#include "core/scheduler/framework/registry.h"
#include "core/scheduler/framework/runtime.h"
#include "core/scheduler/queue/scheduling_queue.h"

namespace ks::scheduler {

struct ScheduleHooks {
    // pods/binding; default accepts.
    std::function<Status(const api::Pod& pod, const std::string& nodeName)> bind;
    // Graceful deletion of a preemption victim; default accepts.
    std::function<Status(const api::Pod& pod, const std::string& reason)> deletePod;
    std::function<Status(const api::Value& object)> updateObject;
    // Events: type ("Normal"/"Warning"), reason ("Scheduled", "FailedScheduling", "Preempted"),
    // the pod (namespace/name) and the note.
    std::function<void(const std::string& type, const std::string& reason, const std::string& pod,
                       const std::string& message)>
        event;
};

// upstream minFeasibleNodesToFind and minFeasibleNodesPercentageToFind
inline constexpr std::int64_t kMinFeasibleNodesToFind = 100;
inline constexpr std::int64_t kMinFeasibleNodesPercentageToFind = 5;

// How many feasible nodes a cycle looks for among numAllNodes (upstream numFeasibleNodesToFind):
// all below 100 nodes; else percentage (0 = adaptive 50 - n/125, at least 5) of n, at least 100.
std::int64_t numFeasibleNodesToFind(std::int32_t percentage, std::int64_t numAllNodes);

class Scheduler : public SchedulerServices {
public:
    // Builds one framework per profile of a defaulted configuration. On error returns nullptr
    // and sets error ("creating profile for scheduler name X: ...").
    static std::unique_ptr<Scheduler> create(const config::KubeSchedulerConfiguration& config,
                                             const Registry& registry, std::string& error, std::uint64_t seed = 1);
    ~Scheduler() override;

    void setHooks(ScheduleHooks hooks) { m_hooks = std::move(hooks); }
    // Record the teaching extras (all failing filters, raw scores) in every CycleRecord.
    void setRecording(bool on);
    // Whether profiles reuse the filter verdicts and dry runs of equal pods on unchanged nodes
    // (Framework::beginFilterPass; on by default). The results are the same either way; off,
    // every pod's pass reads every node, as upstream's does.
    void setReusingResults(bool on);
    // Filter verdicts of nodes so far: reused from an earlier pod's pass, and computed.
    std::uint64_t reusedVerdicts() const { return m_reusedVerdicts; }
    std::uint64_t computedVerdicts() const { return m_computedVerdicts; }

    // The cluster: nodes and the pods already bound to them, plus the other objects plugins read.
    void setCluster(const std::vector<std::shared_ptr<const api::Node>>& nodes,
                    const std::vector<std::shared_ptr<const api::Pod>>& boundPods,
                    std::shared_ptr<const ClusterObjects> objects);
    // A pod appeared. Bound pods enter the cache (and may requeue others); unbound pods whose
    // schedulerName names a profile enter the queue; others are ignored (they stay Pending,
    // as upstream: no scheduler of that name).
    void addPod(std::shared_ptr<const api::Pod> pod, std::int64_t now);
    // A bound pod went away (deleted, preempted): frees its node and requeues waiting pods.
    void removeBoundPod(const std::string& namespace_, const std::string& name, std::int64_t now);

    bool hasProfile(const std::string& schedulerName) const { return m_profiles.count(schedulerName) > 0; }
    Framework* profile(const std::string& schedulerName) const;
    SchedulingQueue& queue() { return *m_queue; }
    const SchedulingQueue& queue() const { return *m_queue; }
    const config::KubeSchedulerConfiguration& configuration() const { return m_config; }

    // One scheduling cycle (and its binding cycle, synchronously) for the head of activeQ.
    // nullopt when activeQ is empty. Time advances only through `now`.
    std::optional<CycleRecord> scheduleOne(std::int64_t now);
    // Cycles from `now` until neither activeQ nor backoffQ holds a pod, the clock jumping to
    // each backoff expiry when activeQ runs empty (how `kubestage-cli schedule` runs a
    // cluster): preemptors come back and bind. At most maxCycles cycles (a guard against a
    // preemption loop that never settles). The records in order.
    std::vector<CycleRecord> scheduleUntilSettled(std::int64_t now, std::size_t maxCycles);

    // ---- SchedulerServices ----
    const Snapshot& snapshot() const override { return *m_snapshot; }
    Snapshot& mutableSnapshot() { return *m_snapshot; }
    Status bindPod(const api::Pod& pod, const std::string& nodeName) override;
    Status updateObject(const api::Value& object) override;
    Status deletePod(const api::Pod& pod, const std::string& reason) override;
    const std::vector<std::shared_ptr<PodInfo>>& nominatedPodsForNode(const std::string& nodeName) const override;
    bool hasNominatedPods() const override;
    const NominatedPodList* nominatedPodsListForNode(const std::string& nodeName) override {
        return &m_queue->nominatedPodsListForNode(nodeName);
    }
    std::uint64_t nominationsVersion() const override { return m_queue->nominationsVersion(); }
    bool nominatedListsChangedSince(std::uint64_t since, std::vector<const NominatedPodList*>& out) const override {
        return m_queue->nominatedListsChangedSince(since, out);
    }
    bool reportsNominationChanges() const override { return true; }
    bool isNominated(const PodInfo& pod) const override { return m_queue->isNominated(pod); }
    Status clearNominatedNodeName(const api::Pod& pod) override;
    std::uint64_t randomInt(std::uint64_t n) override;

private:
    struct ScheduleResult;
    Scheduler() = default;
    // schedulePod: the feasible nodes and the chosen one, or a FitError / error.
    ScheduleResult schedulePod(Framework& fw, CycleState& state, const PodInfo& pod, CycleRecord& record);
    std::vector<const NodeInfo*> findNodesThatFitPod(Framework& fw, CycleState& state, const PodInfo& pod,
                                                     Diagnosis& diagnosis, CycleRecord& record, Status& error);
    std::vector<const NodeInfo*> findNodesThatPassFilters(Framework& fw, CycleState& state, const PodInfo& pod,
                                                          Diagnosis& diagnosis,
                                                          const std::vector<const NodeInfo*>& nodes,
                                                          CycleRecord& record, Status& error);
    void recordNodes(Framework& fw, CycleState& state, const PodInfo& pod, const Diagnosis& diagnosis,
                     const std::vector<const NodeInfo*>& feasible, CycleRecord& record);
    void handleFailure(Framework& fw, QueuedPodInfo& qpi, const Status& status, const Diagnosis* diagnosis,
                       std::optional<std::string> nominatedNode, std::int64_t podCycle, std::int64_t now,
                       CycleRecord& record);
    void recordEvent(const std::string& type, const std::string& reason, const std::string& pod, const std::string& msg);

    config::KubeSchedulerConfiguration m_config;
    std::map<std::string, std::unique_ptr<Framework>> m_profiles;
    std::unique_ptr<SchedulingQueue> m_queue;
    std::unique_ptr<Snapshot> m_snapshot = std::make_unique<Snapshot>();
    ScheduleHooks m_hooks;
    bool m_recording = false;
    std::size_t m_nextStartNodeIndex = 0;
    std::uint64_t m_reusedVerdicts = 0, m_computedVerdicts = 0;
    std::uint64_t m_rngState = 0;
    CycleRecord* m_currentRecord = nullptr;  // victims are recorded into it during PostFilter
    std::int64_t m_now = 0;
    // Reused per cycle to avoid allocations on the hot path.
    ScoreResult m_scoreBuffer;
    std::vector<const NodeInfo*> m_allNodes;
};

}  // namespace ks::scheduler
