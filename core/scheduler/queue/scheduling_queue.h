// The scheduling queue: activeQ (heap by the QueueSort plugin), podBackoffQ (heap by backoff
// expiry), unschedulablePods, and the nominator, in virtual time.
// Mirrors pkg/scheduler/internal/queue/scheduling_queue.go (v1.31) with SchedulerQueueingHints
// disabled (its v1.31 default): backoff 1 s doubling to 10 s from the attempt count; a failed pod
// goes to backoffQ when a move request arrived during its cycle (or it has no rejector plugin),
// else to unschedulablePods; cluster events move unschedulable pods whose rejector plugins
// registered for them; pods older than 5 min in unschedulablePods are flushed.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/scheduler/framework/interface.h"
#include "core/scheduler/queue/events.h"

namespace ks::scheduler {

class SchedulingQueue {
public:
    using LessFn = std::function<bool(const QueuedPodInfo&, const QueuedPodInfo&)>;
    // PreEnqueue for the pod's profile; a rejection keeps the pod gated in unschedulablePods.
    using PreEnqueueFn = std::function<Status(const api::Pod&)>;

    struct Options {
        std::int64_t initialBackoffMs = 1000;
        std::int64_t maxBackoffMs = 10000;
        std::int64_t maxInUnschedulablePodsMs = 5 * 60 * 1000;
    };

    SchedulingQueue(LessFn less, PreEnqueueFn preEnqueue, Options options);
    SchedulingQueue(LessFn less, PreEnqueueFn preEnqueue) : SchedulingQueue(std::move(less), std::move(preEnqueue), Options{}) {}

    // A new unscheduled pod (informer Add).
    void add(std::shared_ptr<PodInfo> pod, std::int64_t now);
    // The head of activeQ (nullopt when empty); counts an attempt and a scheduling cycle.
    std::optional<QueuedPodInfo> pop(std::int64_t now);
    // A pod whose attempt failed comes back (upstream AddUnschedulableIfNotPresent).
    void addUnschedulableIfNotPresent(QueuedPodInfo pod, std::int64_t podSchedulingCycle, std::int64_t now);
    // Removes a pod wherever it is (deleted, or bound by someone else).
    void remove(const std::string& namespace_, const std::string& name);

    // Periodic work: backoffQ every 1 s, unschedulablePods every 30 s.
    void flushBackoffQCompleted(std::int64_t now);
    void flushUnschedulablePodsLeftover(std::int64_t now);
    // A cluster event: unschedulable pods whose rejectors care move to activeQ or backoffQ.
    // preCheck, when given, must accept the pod too (upstream's node-event pre-check).
    void moveAllToActiveOrBackoffQueue(const ClusterEvent& event, std::int64_t now,
                                       const std::function<bool(const PodInfo&)>& preCheck = {});
    // An assigned pod appeared: moves the pods rejected by PodTopologySpread in its namespace or
    // whose required affinity terms match it (upstream AssignedPodAdded).
    void assignedPodAdded(const api::Pod& pod, const api::Labels* nsLabels, std::int64_t now);

    std::int64_t schedulingCycle() const { return m_schedulingCycle; }
    std::int64_t backoffDuration(int attempts) const;
    std::int64_t backoffExpiry(const QueuedPodInfo& pod) const { return pod.timestamp + backoffDuration(pod.attempts); }
    // The earliest backoff expiry in backoffQ.
    std::optional<std::int64_t> nextBackoffExpiry() const;

    // ---- nominator ----
    void addNominatedPod(std::shared_ptr<PodInfo> pod, const std::string& nodeName);
    void deleteNominatedPodIfExists(const std::string& namespace_, const std::string& name);
    const std::vector<std::shared_ptr<PodInfo>>& nominatedPodsForNode(const std::string& nodeName) const;
    bool hasNominatedPods() const { return !m_nominatedNode.empty(); }
    bool isNominated(const PodInfo& pod) const { return !m_nominatedNode.empty() && m_nominatedNode.count(pod.key()) > 0; }
    // The node's list, created empty when missing. A list, once created, is never destroyed
    // (it is emptied instead): callers may keep the reference, which follows every change.
    const NominatedPodList& nominatedPodsListForNode(const std::string& nodeName) { return m_nominatedPods[nodeName]; }
    // The version of the last change to any list (0: none yet).
    std::uint64_t nominationsVersion() const { return m_nominatedVersion; }
    // Appends the lists changed after version `since` (a list once per change); false when the
    // record of changes no longer reaches back that far (then any list may have changed).
    bool nominatedListsChangedSince(std::uint64_t since, std::vector<const NominatedPodList*>& out) const;

    // ---- for display and tests ----
    std::size_t activeCount() const { return m_active.size(); }
    std::size_t backoffCount() const { return m_backoff.size(); }
    std::size_t unschedulableCount() const { return m_unschedulable.size(); }
    std::vector<QueuedPodInfo> activePods() const;         // in pop order
    std::vector<QueuedPodInfo> backoffPods() const;        // by expiry
    std::vector<QueuedPodInfo> unschedulablePods() const;  // by key
    bool isGated(const std::string& namespace_, const std::string& name) const;

private:
    bool activeBefore(const QueuedPodInfo& a, const QueuedPodInfo& b) const;
    bool backoffBefore(const QueuedPodInfo& a, const QueuedPodInfo& b) const;
    void pushActive(QueuedPodInfo pod);
    void pushBackoff(QueuedPodInfo pod);
    // PreEnqueue, then activeQ; gated pods go to unschedulablePods.
    void moveToActiveQ(QueuedPodInfo pod);
    void requeue(QueuedPodInfo pod, std::int64_t now);
    bool worthRequeuing(const QueuedPodInfo& pod, const ClusterEvent& event) const;
    void movePods(std::vector<std::string> keys, const ClusterEvent& event, std::int64_t now);

    LessFn m_less;
    PreEnqueueFn m_preEnqueue;
    Options m_options;
    std::vector<QueuedPodInfo> m_active, m_backoff;  // heaps
    std::map<std::string, QueuedPodInfo> m_unschedulable;  // by namespace/name
    std::map<std::string, bool> m_gated;
    std::int64_t m_schedulingCycle = 0;
    std::int64_t m_moveRequestCycle = -1;
    std::uint64_t m_sequence = 0;
    // By node; looked up for every node a filter pass visits, never iterated (no order leaks).
    // Entries are never erased (see nominatedPodsListForNode); unordered_map keeps references
    // stable.
    std::unordered_map<std::string, NominatedPodList> m_nominatedPods;
    std::uint64_t m_nominatedVersion = 0;  // the last version given to a list
    // The lists changed, with the version each change gave them, oldest first; the oldest
    // half is dropped when it grows past a bound.
    std::vector<std::pair<std::uint64_t, const NominatedPodList*>> m_nominatedChanges;
    void noteNominatedChange(NominatedPodList& list);
    std::map<std::string, std::string> m_nominatedNode;                            // pod key -> node
};

}  // namespace ks::scheduler
