// Leader election through a coordination.k8s.io/v1 Lease, as client-go's leaderelection package
// (k8s.io/client-go/tools/leaderelection, v1.31) with the LeaseLock does it for kube-scheduler
// and kube-controller-manager:
//   - acquire: try at once, then every retryPeriod (jittered by up to 1.2x) until the Lease is
//     free or expired. A Lease counts as expired when its record has not changed for
//     leaseDurationSeconds of the candidate's own observation (not by comparing renewTime with
//     the local clock: clocks of different machines may disagree).
//   - renew: the leader rewrites renewTime every retryPeriod; when no renewal succeeds for
//     renewDeadline it stops leading.
//   - release on cancel (kube-scheduler sets ReleaseOnCancel): a stopping leader empties
//     holderIdentity and sets leaseDurationSeconds to 1, so a standby takes over at its next
//     retry instead of waiting out the lease.
// Every attempt is a loop event of the candidate's actor; all writes go through the store.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/sim/clock.h"
#include "core/sim/event_loop.h"
#include "core/store/api_store.h"

namespace ks::client {

struct LeaderElectionConfig {
    std::string leaseNamespace = "kube-system";
    std::string leaseName;       // "kube-scheduler"
    std::string identity;        // hostname + "_" + uuid upstream
    sim::Duration leaseDuration = 15 * sim::kSecond;
    sim::Duration renewDeadline = 10 * sim::kSecond;
    sim::Duration retryPeriod = 2 * sim::kSecond;
    bool releaseOnCancel = true;
    std::string eventComponent;  // the Event source, e.g. "default-scheduler"
};

struct LeaderCallbacks {
    std::function<void()> onStartedLeading;
    std::function<void()> onStoppedLeading;
    // The observed holder changed (also to ourselves).
    std::function<void(const std::string& identity)> onNewLeader;
};

class LeaderElector {
public:
    LeaderElector(store::ApiStore& store, sim::EventLoop& loop, std::string actor, LeaderElectionConfig config,
                  LeaderCallbacks callbacks);
    ~LeaderElector();
    LeaderElector(const LeaderElector&) = delete;
    LeaderElector& operator=(const LeaderElector&) = delete;

    // Starts trying to acquire (the first attempt runs now, inside the caller's event).
    void run();
    // Cancels: no more attempts; a leader releases the Lease (releaseOnCancel) and stops leading.
    void stop();

    bool isLeader() const { return m_leader; }
    bool running() const { return m_running; }
    // The holder last seen in the Lease ("" when free or unknown).
    const std::string& observedLeader() const { return m_observedHolder; }
    const LeaderElectionConfig& config() const { return m_config; }

private:
    // One tryAcquireOrRenew; true when we hold the Lease afterwards.
    bool tryAcquireOrRenew();
    void acquireAttempt();
    void renewAttempt();
    void becomeLeader();
    void loseLeadership();
    void release();
    void observe(const std::string& holder);
    void recordEvent(const std::string& what);
    void scheduleNext(sim::Duration delay, void (LeaderElector::*step)());

    store::ApiStore& m_store;
    sim::EventLoop& m_loop;
    std::string m_actor;
    LeaderElectionConfig m_config;
    LeaderCallbacks m_callbacks;
    bool m_running = false;
    bool m_leader = false;
    sim::EventId m_timer = 0;
    // What we last saw of the Lease record (everything but resourceVersion) and when it changed.
    std::string m_observedRecord;
    sim::Time m_observedTime = 0;
    std::string m_observedHolder;
    std::optional<sim::Time> m_renewFailingSince;
};

}  // namespace ks::client
