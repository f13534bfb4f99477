#include "core/scheduler/kube_scheduler.h"

#include <cstdio>

#include "core/api/decode.h"
#include "core/scheduler/cycle_record_value.h"
#include "core/scheduler/framework/listed_objects.h"
#include "core/scheduler/framework/registry.h"
#include "core/scheduler/scheduler.h"

namespace ks::scheduler {

namespace {

constexpr sim::Duration kBackoffFlushPeriod = 1 * sim::kSecond;       // flushBackoffQCompleted
constexpr std::int64_t kUnschedulableFlushEveryTicks = 30;            // flushUnschedulablePodsLeftover: 30 s

std::string keyOf(const api::Value& obj) { return client::Informer::keyOf(obj); }

bool sameField(const api::Value& a, const api::Value& b, const char* path) {
    const api::Value* x = a.at(path);
    const api::Value* y = b.at(path);
    if (!x || !y) return !x && !y;
    return *x == *y;
}

// Node conditions without their heartbeat times (upstream nodeConditionsChanged).
api::Value conditionsWithoutHeartbeat(const api::Value& node) {
    api::Value out = api::Value::sequence();
    if (const api::Value* c = node.at("status.conditions"); c && c->isSequence())
        for (api::Value cond : c->items()) {
            cond.remove("lastHeartbeatTime");
            out.push(std::move(cond));
        }
    return out;
}

// Upstream nodeSchedulingPropertiesChange: which scheduling-relevant parts of a node changed.
std::uint32_t nodeUpdateActions(const api::Value& oldNode, const api::Value& newNode) {
    std::uint32_t actions = 0;
    if (!sameField(oldNode, newNode, "spec.unschedulable")) actions |= action::kUpdateNodeTaint;
    if (!sameField(oldNode, newNode, "status.allocatable")) actions |= action::kUpdateNodeAllocatable;
    if (!sameField(oldNode, newNode, "metadata.labels")) actions |= action::kUpdateNodeLabel;
    if (!sameField(oldNode, newNode, "spec.taints")) actions |= action::kUpdateNodeTaint;
    if (!(conditionsWithoutHeartbeat(oldNode) == conditionsWithoutHeartbeat(newNode)))
        actions |= action::kUpdateNodeCondition;
    if (!sameField(oldNode, newNode, "metadata.annotations")) actions |= action::kUpdateNodeAnnotation;
    return actions;
}

// A change the queue must see: anything but status and the bookkeeping in metadata
// (upstream isPodUpdated strips resourceVersion, generation, managedFields and status).
bool podSpecOrMetaChanged(const api::Value& oldPod, const api::Value& newPod) {
    return !sameField(oldPod, newPod, "spec") || !sameField(oldPod, newPod, "metadata.labels") ||
           !sameField(oldPod, newPod, "metadata.annotations") ||
           !sameField(oldPod, newPod, "metadata.deletionTimestamp");
}

std::string nodeNameOf(const api::Value& pod) {
    const api::Value* n = pod.at("spec.nodeName");
    return n ? n->text() : "";
}

EventResource listedResource(const std::string& kind) {
    if (kind == "PersistentVolume") return EventResource::PersistentVolume;
    if (kind == "PersistentVolumeClaim") return EventResource::PersistentVolumeClaim;
    if (kind == "StorageClass") return EventResource::StorageClass;
    if (kind == "CSINode") return EventResource::CSINode;
    if (kind == "CSIDriver") return EventResource::CSIDriver;
    return EventResource::WildCard;  // not an event any in-tree plugin registered for
}

}  // namespace

KubeScheduler::KubeScheduler(std::string name, store::ApiStore& store, sim::Trace& trace,
                             config::KubeSchedulerConfiguration config)
    : m_name(std::move(name)), m_store(store), m_trace(trace), m_config(std::move(config)) {}

KubeScheduler::~KubeScheduler() {
    if (m_loop) {
        if (m_cycleEvent) m_loop->cancel(m_cycleEvent);
        if (m_tickEvent) m_loop->cancel(m_tickEvent);
    }
}

std::int64_t KubeScheduler::now() const { return m_loop ? m_loop->now() : 0; }

bool KubeScheduler::isLeader() const {
    return m_running && (m_leaderWithoutElection || (m_elector && m_elector->isLeader()));
}

void KubeScheduler::start(sim::EventLoop& loop) {
    m_loop = &loop;
    startProcess();
}

void KubeScheduler::restart() {
    if (m_running || !m_loop) return;
    startProcess();
}

void KubeScheduler::startProcess() {
    // hostname + "_" + a fresh UUID, as makeLeaderElectionConfig builds the identity.
    const std::uint64_t a = m_loop->rng().next(), b = m_loop->rng().next();
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    m_identity = m_name + "_" + uuid;

    std::string error;
    m_scheduler = Scheduler::create(m_config, inTreeRegistry(), error, m_loop->rng().next());
    if (!m_scheduler) {
        sim::TraceRecord r;
        r.time = now();
        r.actor = m_name;
        r.action = "Exit";
        r.key = "scheduler.config-error";
        r.args = {{"error", error}};
        m_trace.append(std::move(r));
        return;
    }
    m_scheduler->setRecording(true);
    m_scheduler->setHooks(ScheduleHooks{
        [this](const api::Pod& pod, const std::string& node) -> Status {
            store::Status s = m_store.bind(pod.metadata.namespace_, pod.metadata.name, node);
            if (!s.ok()) return Status::error(s.message);
            m_assumed[pod.metadata.namespace_ + "/" + pod.metadata.name] = node;
            return {};
        },
        [this](const api::Pod& victim, const std::string& reason) -> Status {
            // v1.31 marks the victim with a DisruptionTarget condition, then deletes it.
            const store::ObjectKey key{"Pod", victim.metadata.namespace_, victim.metadata.name};
            if (store::ObjectPtr current = m_store.find(key)) {
                api::Value updated = *current;
                api::Value& status = updated.child("status");
                api::Value conditions = status.get("conditions") && status.get("conditions")->isSequence()
                                            ? *status.get("conditions")
                                            : api::Value::sequence();
                api::Value cond = api::Value::mapping();
                cond.set("type", api::Value::string("DisruptionTarget"));
                cond.set("status", api::Value::string("True"));
                cond.set("lastProbeTime", api::Value::null());
                cond.set("lastTransitionTime", api::Value::string(api::formatTimestamp(now())));
                cond.set("reason", api::Value::string("PreemptionByScheduler"));
                cond.set("message", api::Value::string(victim.spec.schedulerName +
                                                        ": preempting to accommodate a higher priority pod"));
                conditions.push(std::move(cond));
                status.set("conditions", std::move(conditions));
                m_store.updateStatus(std::move(updated));
            }
            auto removed = m_store.remove(key);
            (void)reason;
            if (!removed.ok() && removed.status.code != store::Code::NotFound) return Status::error(removed.status.message);
            return {};
        },
        [this](const api::Value& object) -> Status {
            auto written = m_store.update(object);
            return written.ok() ? Status{} : Status::error(written.status.message);
        },
        [this](const std::string& type, const std::string& reason, const std::string& pod, const std::string& msg) {
            const auto slash = pod.find('/');
            m_store.recordEvent(store::ObjectKey{"Pod", pod.substr(0, slash), pod.substr(slash + 1)}, type, reason,
                                msg, m_currentProfile.empty() ? "default-scheduler" : m_currentProfile);
        },
    });
    m_assumed.clear();
    m_cacheDirty = true;
    m_running = true;
    setUpInformers();

    client::LeaderElectionConfig le;
    le.leaseNamespace = m_config.leaderElection.resourceNamespace;
    le.leaseName = m_config.leaderElection.resourceName;
    le.identity = m_identity;
    le.leaseDuration = m_config.leaderElection.leaseDurationMs;
    le.renewDeadline = m_config.leaderElection.renewDeadlineMs;
    le.retryPeriod = m_config.leaderElection.retryPeriodMs;
    le.eventComponent = m_config.profiles.empty() ? "default-scheduler" : m_config.profiles.front().schedulerName;
    client::LeaderCallbacks callbacks;
    callbacks.onStartedLeading = [this] {
        recordLeaderElection("leader.acquired");
        m_ticks = 0;
        m_tickEvent = m_loop->after(kBackoffFlushPeriod, m_name, [this] { tick(); });
        kick();
    };
    callbacks.onStoppedLeading = [this] {
        recordLeaderElection("leader.stopped");
        // Upstream the process exits here; stop() tears the rest down.
        m_loop->after(0, m_name, [this] { stop(); });
    };
    m_elector = std::make_unique<client::LeaderElector>(m_store, *m_loop, m_name, le, callbacks);
    if (m_config.leaderElection.leaderElect) {
        m_elector->run();
    } else {
        // Without leader election every replica schedules (upstream: one replica is expected).
        m_leaderWithoutElection = true;
        callbacks.onStartedLeading();
    }
}

void KubeScheduler::recordLeaderElection(const std::string& key) {
    sim::TraceRecord r;
    r.time = now();
    r.actor = m_name;
    r.action = "LeaderElection";
    r.objects = {"lease/" + m_config.leaderElection.resourceNamespace + "/" + m_config.leaderElection.resourceName};
    r.key = key;
    r.args = {{"identity", m_identity}};
    m_trace.append(std::move(r));
}

void KubeScheduler::stop() {
    if (!m_running) return;
    if (m_elector) m_elector->stop();
    m_running = false;
    m_leaderWithoutElection = false;
    if (m_cycleEvent) m_loop->cancel(m_cycleEvent);
    if (m_tickEvent) m_loop->cancel(m_tickEvent);
    m_cycleEvent = m_tickEvent = 0;
    m_informers.clear();
    m_podInformer = m_nodeInformer = nullptr;
    m_elector.reset();
    m_scheduler.reset();
}

void KubeScheduler::setUpInformers() {
    auto make = [this](const std::string& kind) -> client::Informer& {
        m_informers.push_back(std::make_unique<client::Informer>(m_store, kind));
        return *m_informers.back();
    };
    client::Informer& nodes = make("Node");
    nodes.addEventHandlers({[this](const store::ObjectPtr& o) { onNodeEvent(nullptr, o); },
                            [this](const store::ObjectPtr& a, const store::ObjectPtr& b) { onNodeEvent(a, b); },
                            [this](const store::ObjectPtr&) { m_cacheDirty = true; }});
    m_nodeInformer = &nodes;
    for (const auto& kind : listedKinds()) {
        client::Informer& inf = make(kind);
        inf.addEventHandlers({[this, kind](const store::ObjectPtr&) { onListedObjectEvent(kind, true); },
                              [this, kind](const store::ObjectPtr&, const store::ObjectPtr&) {
                                  onListedObjectEvent(kind, false);
                              },
                              [this](const store::ObjectPtr&) { m_cacheDirty = true; }});
    }
    client::Informer& pods = make("Pod");
    pods.addEventHandlers({[this](const store::ObjectPtr& o) { onPodAdd(o); },
                           [this](const store::ObjectPtr& a, const store::ObjectPtr& b) { onPodUpdate(a, b); },
                           [this](const store::ObjectPtr& o) { onPodDelete(o); }});
    m_podInformer = &pods;
    // Nodes and the listed kinds first, then pods: upstream waits for every cache to sync
    // before it schedules, so the first cycle sees the whole cluster.
    for (auto& inf : m_informers) inf->run();
}

void KubeScheduler::onNodeEvent(const store::ObjectPtr& oldObj, const store::ObjectPtr& newObj) {
    m_cacheDirty = true;
    if (!m_scheduler) return;
    if (!oldObj) {
        m_scheduler->queue().moveAllToActiveOrBackoffQueue(events::nodeAdd(), now());
    } else {
        const std::uint32_t actions = nodeUpdateActions(*oldObj, *newObj);
        if (actions == 0) return;
        m_scheduler->queue().moveAllToActiveOrBackoffQueue(ClusterEvent{EventResource::Node, actions, "NodeUpdate"},
                                                           now());
    }
    kick();
}

void KubeScheduler::onListedObjectEvent(const std::string& kind, bool added) {
    m_cacheDirty = true;
    if (!m_scheduler) return;
    const EventResource resource = listedResource(kind);
    if (resource == EventResource::WildCard) return;
    m_scheduler->queue().moveAllToActiveOrBackoffQueue(
        ClusterEvent{resource, added ? action::kAdd : action::kUpdate, kind + (added ? "Add" : "Update")}, now());
    kick();
}

void KubeScheduler::onPodAdd(const store::ObjectPtr& obj) {
    if (!m_scheduler) return;
    if (!nodeNameOf(*obj).empty()) {
        m_cacheDirty = true;
        m_assumed.erase(keyOf(*obj));
        assignedPodChanged(api::decodePod(*obj));
        kick();
        return;
    }
    if (obj->at("metadata.deletionTimestamp")) return;
    m_scheduler->addPod(std::make_shared<const api::Pod>(api::decodePod(*obj)), now());
    kick();
}

void KubeScheduler::onPodUpdate(const store::ObjectPtr& oldObj, const store::ObjectPtr& newObj) {
    if (!m_scheduler) return;
    const bool wasBound = !nodeNameOf(*oldObj).empty();
    const bool isBound = !nodeNameOf(*newObj).empty();
    const std::string key = keyOf(*newObj);
    if (isBound) {
        if (!wasBound) {
            // Bound (by this replica or anyone else): out of the queue, into the cache.
            const auto slash = key.find('/');
            m_scheduler->queue().remove(key.substr(0, slash), key.substr(slash + 1));
            m_assumed.erase(key);
        }
        m_cacheDirty = true;
        if (!wasBound || !sameField(*oldObj, *newObj, "metadata.labels")) {
            assignedPodChanged(api::decodePod(*newObj));
            kick();
        }
        return;
    }
    // Still pending. Our own status writes (PodScheduled=False, nominatedNodeName) change
    // nothing the queue looks at; a changed spec or labels re-enters the queue.
    if (!podSpecOrMetaChanged(*oldObj, *newObj)) return;
    const auto slash = key.find('/');
    m_scheduler->queue().remove(key.substr(0, slash), key.substr(slash + 1));
    if (newObj->at("metadata.deletionTimestamp")) return;
    m_scheduler->addPod(std::make_shared<const api::Pod>(api::decodePod(*newObj)), now());
    kick();
}

void KubeScheduler::assignedPodChanged(const api::Pod& pod) {
    m_scheduler->queue().assignedPodAdded(pod, m_scheduler->snapshot().objects().namespaceLabels(pod.metadata.namespace_),
                                          now());
}

void KubeScheduler::onPodDelete(const store::ObjectPtr& obj) {
    if (!m_scheduler) return;
    const std::string key = keyOf(*obj);
    const auto slash = key.find('/');
    if (nodeNameOf(*obj).empty()) {
        m_scheduler->queue().remove(key.substr(0, slash), key.substr(slash + 1));
        m_scheduler->queue().deleteNominatedPodIfExists(key.substr(0, slash), key.substr(slash + 1));
        return;
    }
    m_cacheDirty = true;
    m_assumed.erase(key);
    m_scheduler->queue().moveAllToActiveOrBackoffQueue(events::assignedPodDelete(), now());
    kick();
}

void KubeScheduler::rebuildCacheIfNeeded() {
    if (!m_cacheDirty || !m_scheduler) return;
    m_cacheDirty = false;
    std::vector<std::shared_ptr<const api::Node>> nodes;
    for (const auto& n : m_nodeInformer->list()) nodes.push_back(std::make_shared<const api::Node>(api::decodeNode(*n)));
    std::vector<std::shared_ptr<const api::Pod>> bound;
    for (const auto& p : m_podInformer->list()) {
        const std::string node = nodeNameOf(*p);
        auto assumed = m_assumed.find(keyOf(*p));
        if (node.empty() && assumed == m_assumed.end()) continue;
        auto pod = std::make_shared<api::Pod>(api::decodePod(*p));
        if (node.empty()) pod->spec.nodeName = assumed->second;  // bound by us, not yet seen
        bound.push_back(std::move(pod));
    }
    auto objects = std::make_shared<ClusterObjects>();
    for (const auto& inf : m_informers)
        if (inf.get() != m_nodeInformer && inf.get() != m_podInformer)
            for (const auto& o : inf->list()) addListedObject(*objects, *o);
    m_scheduler->setCluster(nodes, bound, std::move(objects));
}

void KubeScheduler::kick() {
    if (!isLeader() || m_cycleEvent || !m_scheduler || m_scheduler->queue().activeCount() == 0) return;
    m_cycleEvent = m_loop->after(0, m_name, [this] {
        m_cycleEvent = 0;
        runCycle();
    });
}

void KubeScheduler::tick() {
    m_tickEvent = 0;
    if (!m_running || !isLeader()) return;
    ++m_ticks;
    m_scheduler->queue().flushBackoffQCompleted(now());
    if (m_ticks % kUnschedulableFlushEveryTicks == 0) m_scheduler->queue().flushUnschedulablePodsLeftover(now());
    m_tickEvent = m_loop->after(kBackoffFlushPeriod, m_name, [this] { tick(); });
    kick();
}

void KubeScheduler::runCycle() {
    if (!m_running || !isLeader()) return;
    rebuildCacheIfNeeded();
    const auto head = m_scheduler->queue().activePods();
    m_currentProfile = head.empty() ? "" : head.front().podInfo->pod->spec.schedulerName;
    auto record = m_scheduler->scheduleOne(now());
    m_currentProfile.clear();
    if (record) {
        if (record->selectedNode.empty() && !record->message.empty()) writeFailureStatus(*record);
        recordCycle(*record);
        if (m_onCycle) m_onCycle(*record);
    }
    kick();
}

void KubeScheduler::writeFailureStatus(const CycleRecord& record) {
    // handleSchedulingFailure -> updatePod: PodScheduled=False with the reason and the full
    // message, and the nominated node; written only when something changes.
    const auto slash = record.pod.find('/');
    const store::ObjectKey key{"Pod", record.pod.substr(0, slash), record.pod.substr(slash + 1)};
    store::ObjectPtr current = m_store.find(key);
    if (!current || !nodeNameOf(*current).empty()) return;
    api::Value updated = *current;
    api::Value& status = updated.child("status");
    api::Value conditions = status.get("conditions") && status.get("conditions")->isSequence()
                                ? *status.get("conditions")
                                : api::Value::sequence();
    const std::string reason = record.failureReason.empty() ? "Unschedulable" : record.failureReason;
    bool changed = false, found = false;
    for (auto& c : conditions.items()) {
        if (c.str("type") != "PodScheduled") continue;
        found = true;
        if (c.str("status") != "False") {
            c.set("lastTransitionTime", api::Value::string(api::formatTimestamp(now())));
            c.set("status", api::Value::string("False"));
            changed = true;
        }
        if (c.str("reason") != reason || c.str("message") != record.message) {
            c.set("reason", api::Value::string(reason));
            c.set("message", api::Value::string(record.message));
            changed = true;
        }
    }
    if (!found) {
        api::Value c = api::Value::mapping();
        c.set("type", api::Value::string("PodScheduled"));
        c.set("status", api::Value::string("False"));
        c.set("lastProbeTime", api::Value::null());
        c.set("lastTransitionTime", api::Value::string(api::formatTimestamp(now())));
        c.set("reason", api::Value::string(reason));
        c.set("message", api::Value::string(record.message));
        conditions.push(std::move(c));
        changed = true;
    }
    if (status.str("nominatedNodeName") != record.nominatedNode) {
        if (record.nominatedNode.empty()) status.remove("nominatedNodeName");
        else status.set("nominatedNodeName", api::Value::string(record.nominatedNode));
        changed = true;
    }
    if (!changed) return;
    status.set("conditions", std::move(conditions));
    m_store.updateStatus(std::move(updated));
}

void KubeScheduler::recordCycle(const CycleRecord& record) {
    sim::TraceRecord r;
    r.time = now();
    r.actor = m_name;
    r.action = "Schedule";
    r.objects = {"pod/" + record.pod};
    r.args = {{"pod", record.pod}, {"scheduler", record.profile}};
    if (!record.selectedNode.empty()) {
        r.objects.push_back("node/" + record.selectedNode);
        r.key = "scheduler.scheduled";
        r.args["node"] = record.selectedNode;
    } else {
        r.key = "scheduler.unschedulable";
        r.args["message"] = record.message;
        if (!record.nominatedNode.empty()) r.args["nominatedNode"] = record.nominatedNode;
    }
    r.detail = toValue(record);
    // The queue as the cycle left it: what the GUI's queue view shows at this step.
    api::Value queue = api::Value::mapping();
    auto names = [](const std::vector<QueuedPodInfo>& pods) {
        api::Value list = api::Value::sequence();
        for (const auto& p : pods) list.push(api::Value::string(p.podInfo->key()));
        return list;
    };
    const SchedulingQueue& q = m_scheduler->queue();
    queue.set("activeQ", names(q.activePods()));
    queue.set("backoffQ", names(q.backoffPods()));
    queue.set("unschedulable", names(q.unschedulablePods()));
    r.detail.set("queue", std::move(queue));
    m_trace.append(std::move(r));
}

}  // namespace ks::scheduler
