// Scheduler set-up, the cache side (pods in and out) and the services plugins reach through
// the Handle. The cycle itself is in schedule_one.cpp.
#include "core/scheduler/scheduler.h"

#include <algorithm>

namespace ks::scheduler {

std::int64_t numFeasibleNodesToFind(std::int32_t percentage, std::int64_t numAllNodes) {
    if (numAllNodes < kMinFeasibleNodesToFind) return numAllNodes;
    std::int64_t p = percentage;
    if (p == 0) {
        p = 50 - numAllNodes / 125;
        if (p < kMinFeasibleNodesPercentageToFind) p = kMinFeasibleNodesPercentageToFind;
    }
    const std::int64_t n = numAllNodes * p / 100;
    return n < kMinFeasibleNodesToFind ? kMinFeasibleNodesToFind : n;
}

std::unique_ptr<Scheduler> Scheduler::create(const config::KubeSchedulerConfiguration& config,
                                             const Registry& registry, std::string& error, std::uint64_t seed) {
    std::unique_ptr<Scheduler> s(new Scheduler());
    s->m_config = config;
    s->m_rngState = seed;
    for (const auto& prof : config.profiles) {
        if (s->m_profiles.count(prof.schedulerName)) {
            error = "duplicate profile with scheduler name \"" + prof.schedulerName + "\"";
            return nullptr;
        }
        std::string err;
        auto fw = Framework::create(prof, registry, *s, err);
        if (!fw) {
            error = "creating profile for scheduler name " + prof.schedulerName + ": " + err;
            return nullptr;
        }
        s->m_profiles[prof.schedulerName] = std::move(fw);
    }
    if (s->m_profiles.empty()) {
        error = "at least one profile is required";
        return nullptr;
    }
    // One queue for all profiles; upstream requires them to share the QueueSort plugin and uses
    // the first profile's.
    Framework* first = s->m_profiles.at(config.profiles.front().schedulerName).get();
    Scheduler* self = s.get();
    SchedulingQueue::Options opts;
    opts.initialBackoffMs = config.podInitialBackoffSeconds * 1000;
    opts.maxBackoffMs = config.podMaxBackoffSeconds * 1000;
    s->m_queue = std::make_unique<SchedulingQueue>(
        [first](const QueuedPodInfo& a, const QueuedPodInfo& b) { return first->queueSortLess(a, b); },
        [self](const api::Pod& pod) {
            Framework* fw = self->profile(pod.spec.schedulerName);
            return fw ? fw->runPreEnqueuePlugins(pod) : Status{};
        },
        opts);
    return s;
}

Scheduler::~Scheduler() = default;

void Scheduler::setRecording(bool on) {
    m_recording = on;
    for (auto& [_, fw] : m_profiles) fw->setRecording(on);
}

void Scheduler::setReusingResults(bool on) {
    for (auto& [_, fw] : m_profiles) fw->setReusingResults(on);
}

Framework* Scheduler::profile(const std::string& name) const {
    auto it = m_profiles.find(name);
    return it == m_profiles.end() ? nullptr : it->second.get();
}

void Scheduler::setCluster(const std::vector<std::shared_ptr<const api::Node>>& nodes,
                           const std::vector<std::shared_ptr<const api::Pod>>& boundPods,
                           std::shared_ptr<const ClusterObjects> objects) {
    m_snapshot = Snapshot::build(nodes, boundPods, std::move(objects));
    m_allNodes.clear();
    for (const auto& n : m_snapshot->nodeInfos()) m_allNodes.push_back(n.get());
    // nextStartNodeIndex carries over, as upstream's does across cache updates (it is used
    // modulo the node count).
}

void Scheduler::addPod(std::shared_ptr<const api::Pod> pod, std::int64_t now) {
    if (!pod->spec.nodeName.empty()) {
        const std::string node = pod->spec.nodeName;
        m_snapshot->addPod(PodInfo::make(pod), node);
        m_queue->deleteNominatedPodIfExists(pod->metadata.namespace_, pod->metadata.name);
        m_queue->assignedPodAdded(*pod, m_snapshot->objects().namespaceLabels(pod->metadata.namespace_), now);
        return;
    }
    if (!hasProfile(pod->spec.schedulerName)) return;
    auto info = PodInfo::make(pod);
    if (!pod->status.nominatedNodeName.empty()) m_queue->addNominatedPod(info, pod->status.nominatedNodeName);
    m_queue->add(std::move(info), now);
}

std::vector<CycleRecord> Scheduler::scheduleUntilSettled(std::int64_t now, std::size_t maxCycles) {
    std::vector<CycleRecord> records;
    while (records.size() < maxCycles) {
        if (auto record = scheduleOne(now)) {
            records.push_back(std::move(*record));
            continue;
        }
        auto next = m_queue->nextBackoffExpiry();
        if (!next) break;
        now = std::max(now, *next);
        m_queue->flushBackoffQCompleted(now);
    }
    return records;
}

void Scheduler::removeBoundPod(const std::string& ns, const std::string& name, std::int64_t now) {
    for (const auto& info : m_snapshot->nodeInfos())
        for (const auto& p : info->pods())
            if (p->name() == name && p->namespace_() == ns) {
                m_snapshot->removePod(ns, name, info->name());
                m_queue->moveAllToActiveOrBackoffQueue(events::assignedPodDelete(), now);
                return;
            }
}

Status Scheduler::bindPod(const api::Pod& pod, const std::string& nodeName) {
    return m_hooks.bind ? m_hooks.bind(pod, nodeName) : Status{};
}

Status Scheduler::updateObject(const api::Value& object) {
    return m_hooks.updateObject ? m_hooks.updateObject(object) : Status{};
}

Status Scheduler::deletePod(const api::Pod& pod, const std::string& reason) {
    Status s = m_hooks.deletePod ? m_hooks.deletePod(pod, reason) : Status{};
    if (!s.isSuccess()) return s;
    const std::string key = pod.metadata.namespace_ + "/" + pod.metadata.name;
    if (m_currentRecord) m_currentRecord->preempted.push_back(key);
    recordEvent("Normal", "Preempted", key, reason);
    if (!pod.spec.nodeName.empty() && m_snapshot->get(pod.spec.nodeName)) {
        m_snapshot->removePod(pod.metadata.namespace_, pod.metadata.name, pod.spec.nodeName);
        m_queue->moveAllToActiveOrBackoffQueue(events::assignedPodDelete(), m_now);
    } else {
        removeBoundPod(pod.metadata.namespace_, pod.metadata.name, m_now);
    }
    return s;
}

const std::vector<std::shared_ptr<PodInfo>>& Scheduler::nominatedPodsForNode(const std::string& nodeName) const {
    return m_queue->nominatedPodsForNode(nodeName);
}

bool Scheduler::hasNominatedPods() const { return m_queue->hasNominatedPods(); }

Status Scheduler::clearNominatedNodeName(const api::Pod& pod) {
    m_queue->deleteNominatedPodIfExists(pod.metadata.namespace_, pod.metadata.name);
    return {};
}

std::uint64_t Scheduler::randomInt(std::uint64_t n) {
    if (n <= 1) return 0;
    // splitmix64, with rejection so every value in [0, n) is equally likely.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    for (;;) {
        std::uint64_t z = (m_rngState += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        if (z < limit) return z % n;
    }
}

void Scheduler::recordEvent(const std::string& type, const std::string& reason, const std::string& pod,
                     const std::string& msg) {
    if (m_hooks.event) m_hooks.event(type, reason, pod, msg);
}

}  // namespace ks::scheduler
