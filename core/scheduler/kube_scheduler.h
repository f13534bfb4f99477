// KubeScheduler: one kube-scheduler process on the simulation loop, as
// cmd/kube-scheduler/app/server.go (v1.31) runs it: informers for pods, nodes and the objects
// plugins list; the event handlers of pkg/scheduler/eventhandlers.go feeding the scheduling
// queue; leader election through the Lease kube-system/kube-scheduler; and, while leading, one
// scheduling cycle per loop event (ScheduleOne), binding through pods/binding, Events and the
// PodScheduled condition written through the store.
//
// Every replica keeps its informers and queue up to date; only the leader runs cycles and
// flushes its queue (upstream starts sched.Run in OnStartedLeading). A replica that loses the
// Lease stops, as upstream's process exits ("leaderelection lost").
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/client/informer.h"
#include "core/client/leader_election.h"
#include "core/scheduler/config/types.h"
#include "core/scheduler/framework/cycle_record.h"
#include "core/sim/event_loop.h"
#include "core/sim/trace.h"
#include "core/store/api_store.h"

namespace ks::scheduler {

class Scheduler;

class KubeScheduler final : public sim::Actor {
public:
    KubeScheduler(std::string name, store::ApiStore& store, sim::Trace& trace,
                  config::KubeSchedulerConfiguration config);
    ~KubeScheduler() override;

    std::string name() const override { return m_name; }
    // Process start: informers list and watch, then leader election begins.
    void start(sim::EventLoop& loop) override;
    // Process stop: a leader releases the Lease; the informers and queue are gone.
    void stop();
    // Starts a stopped replica again (a fresh process: new cache and queue).
    void restart();

    bool running() const { return m_running; }
    bool isLeader() const;
    const std::string& identity() const { return m_identity; }
    // The scheduler of the current process; nullptr when stopped.
    const Scheduler* scheduler() const { return m_scheduler.get(); }

    // Called after every scheduling cycle this replica runs.
    void setCycleObserver(std::function<void(const CycleRecord&)> observer) { m_onCycle = std::move(observer); }

private:
    void startProcess();
    void setUpInformers();
    void onPodAdd(const store::ObjectPtr& obj);
    void onPodUpdate(const store::ObjectPtr& oldObj, const store::ObjectPtr& newObj);
    void onPodDelete(const store::ObjectPtr& obj);
    void assignedPodChanged(const api::Pod& pod);
    void onNodeEvent(const store::ObjectPtr& oldObj, const store::ObjectPtr& newObj);
    void onListedObjectEvent(const std::string& kind, bool added);
    void rebuildCacheIfNeeded();
    void kick();
    void runCycle();
    void tick();
    void writeFailureStatus(const CycleRecord& record);
    void recordCycle(const CycleRecord& record);
    void recordLeaderElection(const std::string& key);
    std::int64_t now() const;

    std::string m_name;
    std::string m_identity;
    store::ApiStore& m_store;
    sim::Trace& m_trace;
    sim::EventLoop* m_loop = nullptr;
    config::KubeSchedulerConfiguration m_config;
    bool m_running = false;
    std::unique_ptr<Scheduler> m_scheduler;
    std::vector<std::unique_ptr<client::Informer>> m_informers;
    client::Informer* m_podInformer = nullptr;
    client::Informer* m_nodeInformer = nullptr;
    std::unique_ptr<client::LeaderElector> m_elector;
    // Pods bound by this process whose binding the pod informer has not shown yet
    // ("namespace/name" -> node): the cache counts them, as upstream's assumed pods.
    std::map<std::string, std::string> m_assumed;
    bool m_cacheDirty = true;
    sim::EventId m_cycleEvent = 0;
    sim::EventId m_tickEvent = 0;
    std::int64_t m_ticks = 0;
    std::function<void(const CycleRecord&)> m_onCycle;
    bool m_leaderWithoutElection = false;  // leaderElection.leaderElect: false
    std::string m_currentProfile;          // the profile of the cycle running (Event source)
};

}  // namespace ks::scheduler
