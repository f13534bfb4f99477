#include "core/cluster/cluster.h"

#include <algorithm>
#include <map>

#include "core/api/decode.h"
#include "core/api/manifest.h"
#include "core/scheduler/config/defaults.h"
#include "core/scheduler/kube_scheduler.h"
#include "core/scheduler/scheduler.h"
#include "core/sim/event_loop.h"
#include "core/sim/trace.h"
#include "core/store/admission/registry.h"
#include "core/store/api_store.h"

namespace ks::cluster {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// "pod/default/web-1", "node/node-a1": how trace records name objects.
std::string objectRef(const store::ObjectKey& key) {
    std::string ref = lower(key.kind) + "/";
    if (!key.namespace_.empty()) ref += key.namespace_ + "/";
    return ref + key.name;
}

}  // namespace

// A named namespace, not an anonymous one: Cluster::Impl (external linkage) holds these, and
// in a unity build GCC warns when such a member's type has internal linkage.
namespace cluster_detail {
// Decoded objects by the stored object they came from. The GUI asks for every node and pod at
// each step; stored objects never change (an update stores a new one), so one that is still
// there need not be decoded again. Entries hold the stored object, so an address cannot be
// reused by another object while it is a key.
template <typename T>
class DecodeCache {
public:
    template <typename Decode>
    std::vector<std::shared_ptr<const T>> list(const store::ApiStore& store, const char* kind, Decode decode) {
        std::map<const api::Value*, Entry> next;
        std::vector<std::shared_ptr<const T>> out;
        for (const auto& obj : store.list(kind)) {
            auto it = m_entries.find(obj.get());
            std::shared_ptr<const T> decoded =
                it != m_entries.end() ? it->second.decoded : std::make_shared<const T>(decode(*obj));
            next.emplace(obj.get(), Entry{obj, decoded});
            out.push_back(std::move(decoded));
        }
        m_entries = std::move(next);
        return out;  // the store lists by namespace, then name
    }

private:
    struct Entry {
        store::ObjectPtr stored;
        std::shared_ptr<const T> decoded;
    };
    std::map<const api::Value*, Entry> m_entries;
};
}  // namespace cluster_detail

struct Cluster::Impl {
    explicit Impl(std::uint64_t seed) : loop(seed), store(store::StoreOptions{seed}) {
        store.setClock([this] { return loop.now(); });
        store::admission::installDefaultPlugins(store);
        // Every change the API server accepts is a step of the trace, as the course's diagrams
        // route every message through kube-apiserver.
        store.watch("", 0, [this](const store::WatchEvent& e) { recordStoreEvent(e); });
    }

    void recordStoreEvent(const store::WatchEvent& e) {
        store::ObjectKey key = store::ObjectKey::of(*e.object);
        if (key.kind == "Event") return;  // Events are shown in their own list, not as steps
        sim::TraceRecord r;
        r.time = loop.now();
        r.actor = "kube-apiserver";
        r.action = std::string(store::toString(e.type));
        r.objects = {objectRef(key)};
        r.key = e.type == store::EventType::Added      ? "store.added"
                : e.type == store::EventType::Modified ? "store.modified"
                                                       : "store.deleted";
        // A leader renewing its Lease every retryPeriod is routine: viewers may fold these away.
        if (key.kind == "Lease" && e.type == store::EventType::Modified && e.previous &&
            e.previous->at("spec.holderIdentity") && e.object->at("spec.holderIdentity") &&
            e.previous->at("spec.holderIdentity")->text() == e.object->at("spec.holderIdentity")->text())
            r.key = "store.lease-renewed";
        r.args = {{"kind", key.kind}, {"name", key.name}, {"resourceVersion", std::to_string(e.resourceVersion)}};
        if (!key.namespace_.empty()) r.args["namespace"] = key.namespace_;
        trace.append(std::move(r));
    }

    sim::EventLoop loop;
    sim::Trace trace;
    store::ApiStore store;
    bool started = false;
    scheduler::config::KubeSchedulerConfiguration schedulerConfig = scheduler::config::defaultConfiguration();
    int schedulerReplicaCount = 1;
    std::vector<std::unique_ptr<scheduler::KubeScheduler>> schedulers;
    std::vector<scheduler::CycleRecord> cycles;
    cluster_detail::DecodeCache<api::Node> decodedNodes;
    cluster_detail::DecodeCache<api::Pod> decodedPods;

    scheduler::KubeScheduler* findScheduler(const std::string& name) const {
        for (const auto& s : schedulers)
            if (s->name() == name) return s.get();
        return nullptr;
    }
};

Cluster::Cluster(std::uint64_t seed) : d(std::make_unique<Impl>(seed)) {}
Cluster::~Cluster() = default;

store::ApiStore& Cluster::store() { return d->store; }
const store::ApiStore& Cluster::store() const { return d->store; }
sim::EventLoop& Cluster::loop() { return d->loop; }
sim::Trace& Cluster::trace() { return d->trace; }

void Cluster::start() {
    if (d->started) return;
    d->started = true;
    // From now on watch events reach the components as loop events at the current virtual
    // time, in order, so that each component's reaction is a step of its own.
    d->store.setDispatchHook([this] {
        d->loop.after(0, "kube-apiserver", [this] { d->store.deliverPending(); });
    });
    for (int i = 0; i < d->schedulerReplicaCount; ++i) {
        auto s = std::make_unique<scheduler::KubeScheduler>(std::string("kube-scheduler-") + static_cast<char>('a' + i),
                                                            d->store, d->trace, d->schedulerConfig);
        s->setCycleObserver([this](const scheduler::CycleRecord& r) { d->cycles.push_back(r); });
        d->loop.addActor(*s);
        d->schedulers.push_back(std::move(s));
    }
    d->loop.start();
}

void Cluster::setSchedulerConfiguration(const scheduler::config::KubeSchedulerConfiguration& config) {
    d->schedulerConfig = config;
}

void Cluster::setSchedulerReplicas(int replicas) { d->schedulerReplicaCount = std::clamp(replicas, 1, 26); }

std::size_t Cluster::runFor(sim::Duration duration) { return d->loop.runUntil(d->loop.now() + duration); }

std::vector<std::string> Cluster::schedulerReplicas() const {
    std::vector<std::string> names;
    for (const auto& s : d->schedulers) names.push_back(s->name());
    return names;
}

std::string Cluster::schedulerLeader() const {
    for (const auto& s : d->schedulers)
        if (s->isLeader()) return s->name();
    return {};
}

bool Cluster::stopSchedulerReplica(const std::string& name) {
    auto* s = d->findScheduler(name);
    if (!s) return false;
    s->stop();
    return true;
}

bool Cluster::startSchedulerReplica(const std::string& name) {
    auto* s = d->findScheduler(name);
    if (!s) return false;
    s->restart();
    return true;
}

const scheduler::Scheduler* Cluster::activeScheduler() const {
    for (const auto& s : d->schedulers)
        if (s->isLeader()) return s->scheduler();
    return nullptr;
}

const std::vector<scheduler::CycleRecord>& Cluster::schedulingCycles() const { return d->cycles; }

namespace {

api::Diagnostics createAll(store::ApiStore& store, const api::LoadResult& loaded) {
    api::Diagnostics diags = loaded.diagnostics;
    if (hasErrors(diags)) return diags;
    for (const auto& obj : loaded.objects) {
        // A scenario that writes a status describes the object as it is now (a node's
        // allocatable, a running pod); without one the API server's create rules apply (a new
        // pod is Pending).
        store::CreateOptions options;
        options.keepStatus = obj.object.get("status") != nullptr;
        api::Mark where = obj.object.mark();
        std::string kind = obj.object.str("kind");
        if (kind == "KubeSchedulerConfiguration" || obj.object.get("cniVersion") || obj.object.get("plugins"))
            continue;  // configuration files, not API objects
        auto result = store.create(obj.object, options);
        if (!result.ok())
            diags.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, obj.file, where, {},
                                            result.status.message});
    }
    return diags;
}

}  // namespace

api::Diagnostics Cluster::loadFiles(const std::vector<std::string>& files) {
    api::Diagnostics all;
    for (const auto& f : files) {
        auto diags = createAll(d->store, api::loadManifestFiles({f}));
        all.insert(all.end(), diags.begin(), diags.end());
    }
    return all;
}

api::Diagnostics Cluster::loadText(const std::string& text, const std::string& fileName) {
    return createAll(d->store, api::loadManifestText(text, fileName));
}

api::Diagnostics Cluster::load(const api::LoadResult& loaded) { return createAll(d->store, loaded); }

std::vector<std::shared_ptr<const api::Node>> Cluster::nodes() const {
    return d->decodedNodes.list(d->store, "Node", api::decodeNode);
}

std::vector<std::shared_ptr<const api::Pod>> Cluster::pods() const {
    return d->decodedPods.list(d->store, "Pod", api::decodePod);
}

}  // namespace ks::cluster
