// Cluster: one simulated cluster — the event loop, the API store, the trace and the components
// registered on the loop. The CLI, the GUI and the lesson checker all drive a cluster through
// this class and the store, never by reaching into components.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/api/types.h"
#include "core/scheduler/config/types.h"
#include "core/scheduler/framework/cycle_record.h"
#include "core/sim/clock.h"

namespace ks::api {
struct LoadResult;
}

namespace ks::sim {
class EventLoop;
class Trace;
}  // namespace ks::sim
namespace ks::store {
class ApiStore;
}
namespace ks::scheduler {
class Scheduler;
}

namespace ks::cluster {

class Cluster {
public:
    explicit Cluster(std::uint64_t seed = 1);
    ~Cluster();
    Cluster(const Cluster&) = delete;
    Cluster& operator=(const Cluster&) = delete;

    // Loads manifests and creates their objects through the store (admission included).
    // Returns every diagnostic; objects of a file with errors are not created.
    api::Diagnostics loadFiles(const std::vector<std::string>& files);
    api::Diagnostics loadText(const std::string& text, const std::string& fileName);
    // The same for manifests already read (api::loadManifestText): a cluster rebuilt from the
    // same scenario, as stepping back does, need not parse its YAML again.
    api::Diagnostics load(const api::LoadResult& loaded);

    // The kube-scheduler configuration every replica runs (before start(); default: the
    // defaulted v1 configuration with the default profile).
    void setSchedulerConfiguration(const scheduler::config::KubeSchedulerConfiguration& config);
    // How many kube-scheduler replicas start (before start(); default 1). Replicas are named
    // "kube-scheduler-a", "-b", ...; they elect a leader through the Lease kube-system/kube-scheduler.
    void setSchedulerReplicas(int replicas);

    // Starts the components on the loop (once); the trace then records every store change
    // and every component step.
    void start();

    // Runs the loop for `duration` of virtual time (events due at now + duration included).
    // Returns the number of events run.
    std::size_t runFor(sim::Duration duration);

    // ---- kube-scheduler replicas ----
    std::vector<std::string> schedulerReplicas() const;  // names, in start order
    // The replica holding the Lease (empty while nobody leads).
    std::string schedulerLeader() const;
    // Stops a replica as its process would stop (it releases the Lease if it leads, as
    // kube-scheduler does with ReleaseOnCancel); returns false for an unknown name.
    bool stopSchedulerReplica(const std::string& name);
    // Starts a stopped replica again.
    bool startSchedulerReplica(const std::string& name);
    // The leader's scheduler (its queue and snapshot, for views); nullptr when nobody leads.
    const scheduler::Scheduler* activeScheduler() const;
    // Every scheduling cycle any replica ran, in order.
    const std::vector<scheduler::CycleRecord>& schedulingCycles() const;

    store::ApiStore& store();
    const store::ApiStore& store() const;
    sim::EventLoop& loop();
    sim::Trace& trace();

    // Typed views of the current state, sorted by namespace and name.
    std::vector<std::shared_ptr<const api::Node>> nodes() const;
    std::vector<std::shared_ptr<const api::Pod>> pods() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace ks::cluster
