#include "core/scheduler/queue/scheduling_queue.h"

#include <algorithm>

namespace ks::scheduler {

namespace {
std::string keyOf(const QueuedPodInfo& p) { return p.podInfo->key(); }
}  // namespace

SchedulingQueue::SchedulingQueue(LessFn less, PreEnqueueFn preEnqueue, Options options)
    : m_less(std::move(less)), m_preEnqueue(std::move(preEnqueue)), m_options(options) {}

// Heap comparators return "a comes after b" (std heaps keep the greatest on top); ties by
// insertion sequence so equal pods leave in the order they came (file order).
bool SchedulingQueue::activeBefore(const QueuedPodInfo& a, const QueuedPodInfo& b) const {
    if (m_less(a, b)) return true;
    if (m_less(b, a)) return false;
    return a.sequence < b.sequence;
}

bool SchedulingQueue::backoffBefore(const QueuedPodInfo& a, const QueuedPodInfo& b) const {
    const auto ea = backoffExpiry(a), eb = backoffExpiry(b);
    if (ea != eb) return ea < eb;
    return a.sequence < b.sequence;
}

void SchedulingQueue::pushActive(QueuedPodInfo pod) {
    pod.sequence = ++m_sequence;
    m_active.push_back(std::move(pod));
    std::push_heap(m_active.begin(), m_active.end(),
                   [this](const QueuedPodInfo& a, const QueuedPodInfo& b) { return activeBefore(b, a); });
}

void SchedulingQueue::pushBackoff(QueuedPodInfo pod) {
    pod.sequence = ++m_sequence;
    m_backoff.push_back(std::move(pod));
    std::push_heap(m_backoff.begin(), m_backoff.end(),
                   [this](const QueuedPodInfo& a, const QueuedPodInfo& b) { return backoffBefore(b, a); });
}

void SchedulingQueue::moveToActiveQ(QueuedPodInfo pod) {
    Status s = m_preEnqueue ? m_preEnqueue(*pod.podInfo->pod) : Status{};
    const std::string key = keyOf(pod);
    if (!s.isSuccess()) {
        pod.unschedulablePlugins = {s.plugin()};
        m_gated[key] = true;
        m_unschedulable[key] = std::move(pod);
        return;
    }
    m_gated.erase(key);
    pushActive(std::move(pod));
}

void SchedulingQueue::add(std::shared_ptr<PodInfo> pod, std::int64_t now) {
    QueuedPodInfo q;
    q.podInfo = std::move(pod);
    q.timestamp = now;
    q.initialAttemptTimestamp = now;
    moveToActiveQ(std::move(q));
}

std::optional<QueuedPodInfo> SchedulingQueue::pop(std::int64_t) {
    if (m_active.empty()) return std::nullopt;
    std::pop_heap(m_active.begin(), m_active.end(),
                  [this](const QueuedPodInfo& a, const QueuedPodInfo& b) { return activeBefore(b, a); });
    QueuedPodInfo pod = std::move(m_active.back());
    m_active.pop_back();
    ++pod.attempts;
    ++m_schedulingCycle;
    return pod;
}

std::int64_t SchedulingQueue::backoffDuration(int attempts) const {
    std::int64_t d = m_options.initialBackoffMs;
    for (int i = 1; i < attempts; ++i) {
        if (d > m_options.maxBackoffMs - d) return m_options.maxBackoffMs;
        d += d;
    }
    return d;
}

void SchedulingQueue::requeue(QueuedPodInfo pod, std::int64_t now) {
    if (backoffExpiry(pod) > now) pushBackoff(std::move(pod));
    else moveToActiveQ(std::move(pod));
}

void SchedulingQueue::addUnschedulableIfNotPresent(QueuedPodInfo pod, std::int64_t podSchedulingCycle,
                                                   std::int64_t now) {
    const std::string key = keyOf(pod);
    if (m_unschedulable.count(key)) return;
    pod.timestamp = now;  // a retried pod goes behind same-priority pods that came earlier
    const bool noRejector = pod.unschedulablePlugins.empty() && pod.pendingPlugins.empty();
    if (m_moveRequestCycle >= podSchedulingCycle || noRejector) {
        requeue(std::move(pod), now);
        return;
    }
    m_unschedulable[key] = std::move(pod);
}

void SchedulingQueue::remove(const std::string& ns, const std::string& name) {
    const std::string key = ns + "/" + name;
    auto drop = [&](std::vector<QueuedPodInfo>& heap, auto before) {
        auto it = std::find_if(heap.begin(), heap.end(), [&](const QueuedPodInfo& p) { return keyOf(p) == key; });
        if (it == heap.end()) return;
        heap.erase(it);
        std::make_heap(heap.begin(), heap.end(), before);
    };
    drop(m_active, [this](const QueuedPodInfo& a, const QueuedPodInfo& b) { return activeBefore(b, a); });
    drop(m_backoff, [this](const QueuedPodInfo& a, const QueuedPodInfo& b) { return backoffBefore(b, a); });
    m_unschedulable.erase(key);
    m_gated.erase(key);
    deleteNominatedPodIfExists(ns, name);
}

void SchedulingQueue::flushBackoffQCompleted(std::int64_t now) {
    auto before = [this](const QueuedPodInfo& a, const QueuedPodInfo& b) { return backoffBefore(b, a); };
    while (!m_backoff.empty() && backoffExpiry(m_backoff.front()) <= now) {
        std::pop_heap(m_backoff.begin(), m_backoff.end(), before);
        QueuedPodInfo pod = std::move(m_backoff.back());
        m_backoff.pop_back();
        moveToActiveQ(std::move(pod));
    }
}

void SchedulingQueue::flushUnschedulablePodsLeftover(std::int64_t now) {
    std::vector<std::string> keys;
    for (const auto& [key, pod] : m_unschedulable)
        if (now - pod.timestamp > m_options.maxInUnschedulablePodsMs) keys.push_back(key);
    movePods(std::move(keys), events::unschedulableTimeout(), now);
}

bool SchedulingQueue::worthRequeuing(const QueuedPodInfo& pod, const ClusterEvent& event) const {
    if (pod.unschedulablePlugins.empty() && pod.pendingPlugins.empty()) return true;
    if (event.resource == EventResource::WildCard) return true;
    for (const auto* set : {&pod.unschedulablePlugins, &pod.pendingPlugins})
        for (const auto& plugin : *set)
            for (const auto& registered : eventsToRegister(plugin))
                if (registered.covers(event)) return true;
    return false;
}

void SchedulingQueue::movePods(std::vector<std::string> keys, const ClusterEvent& event, std::int64_t now) {
    for (const auto& key : keys) {
        auto it = m_unschedulable.find(key);
        if (it == m_unschedulable.end()) continue;
        // Gated pods only leave when they themselves change (upstream hotfix #124384).
        const bool gated = m_gated.count(key) > 0;
        if (gated && it->second.unschedulablePlugins.count("SchedulingGates")) continue;
        if (!worthRequeuing(it->second, event)) continue;
        QueuedPodInfo pod = std::move(it->second);
        m_unschedulable.erase(it);
        requeue(std::move(pod), now);
    }
    m_moveRequestCycle = m_schedulingCycle;
}

void SchedulingQueue::moveAllToActiveOrBackoffQueue(const ClusterEvent& event, std::int64_t now,
                                                    const std::function<bool(const PodInfo&)>& preCheck) {
    std::vector<std::string> keys;
    for (const auto& [key, pod] : m_unschedulable)
        if (!preCheck || preCheck(*pod.podInfo)) keys.push_back(key);
    movePods(std::move(keys), event, now);
}

void SchedulingQueue::assignedPodAdded(const api::Pod& pod, const api::Labels* nsLabels, std::int64_t now) {
    static const api::Labels kNoLabels;
    std::vector<std::string> keys;
    for (const auto& [key, q] : m_unschedulable) {
        if (q.unschedulablePlugins.count("PodTopologySpread") && q.podInfo->namespace_() == pod.metadata.namespace_) {
            keys.push_back(key);
            continue;
        }
        for (const auto& term : q.podInfo->requiredAffinityTerms)
            if (term.matches(pod, nsLabels ? *nsLabels : kNoLabels)) {
                keys.push_back(key);
                break;
            }
    }
    movePods(std::move(keys), events::assignedPodAdd(), now);
}

std::optional<std::int64_t> SchedulingQueue::nextBackoffExpiry() const {
    if (m_backoff.empty()) return std::nullopt;
    return backoffExpiry(m_backoff.front());
}

void SchedulingQueue::addNominatedPod(std::shared_ptr<PodInfo> pod, const std::string& nodeName) {
    deleteNominatedPodIfExists(pod->namespace_(), pod->name());
    if (nodeName.empty()) return;
    m_nominatedNode[pod->key()] = nodeName;
    auto& list = m_nominatedPods[nodeName];
    list.pods.push_back(std::move(pod));
    noteNominatedChange(list);
}

void SchedulingQueue::deleteNominatedPodIfExists(const std::string& ns, const std::string& name) {
    const std::string key = ns + "/" + name;
    auto it = m_nominatedNode.find(key);
    if (it == m_nominatedNode.end()) return;
    auto& list = m_nominatedPods[it->second];
    list.pods.erase(std::remove_if(list.pods.begin(), list.pods.end(),
                                   [&](const auto& p) { return p->name() == name && p->namespace_() == ns; }),
                    list.pods.end());
    noteNominatedChange(list);
    // The node's (now perhaps empty) list stays: references handed out remain valid and current.
    m_nominatedNode.erase(it);
}

void SchedulingQueue::noteNominatedChange(NominatedPodList& list) {
    list.version = ++m_nominatedVersion;
    constexpr std::size_t kMaxChanges = 4096;
    if (m_nominatedChanges.size() >= kMaxChanges)
        m_nominatedChanges.erase(m_nominatedChanges.begin(), m_nominatedChanges.begin() + kMaxChanges / 2);
    m_nominatedChanges.emplace_back(list.version, &list);
}

bool SchedulingQueue::nominatedListsChangedSince(std::uint64_t since, std::vector<const NominatedPodList*>& out) const {
    if (since >= m_nominatedVersion) return true;
    // Versions are consecutive: the record reaches back to `since` when it holds since + 1.
    if (m_nominatedChanges.empty() || m_nominatedChanges.front().first > since + 1) return false;
    auto it = std::lower_bound(m_nominatedChanges.begin(), m_nominatedChanges.end(), since + 1,
                               [](const auto& change, std::uint64_t v) { return change.first < v; });
    for (; it != m_nominatedChanges.end(); ++it) out.push_back(it->second);
    return true;
}

const std::vector<std::shared_ptr<PodInfo>>& SchedulingQueue::nominatedPodsForNode(const std::string& nodeName) const {
    // Every filter pass asks this for every node: no copy, and no lookup while nobody is nominated.
    static const std::vector<std::shared_ptr<PodInfo>> kNone;
    if (m_nominatedPods.empty()) return kNone;
    auto it = m_nominatedPods.find(nodeName);
    return it == m_nominatedPods.end() ? kNone : it->second.pods;
}

std::vector<QueuedPodInfo> SchedulingQueue::activePods() const {
    std::vector<QueuedPodInfo> out = m_active;
    std::sort(out.begin(), out.end(), [this](const QueuedPodInfo& a, const QueuedPodInfo& b) { return activeBefore(a, b); });
    return out;
}

std::vector<QueuedPodInfo> SchedulingQueue::backoffPods() const {
    std::vector<QueuedPodInfo> out = m_backoff;
    std::sort(out.begin(), out.end(), [this](const QueuedPodInfo& a, const QueuedPodInfo& b) { return backoffBefore(a, b); });
    return out;
}

std::vector<QueuedPodInfo> SchedulingQueue::unschedulablePods() const {
    std::vector<QueuedPodInfo> out;
    for (const auto& [_, p] : m_unschedulable) out.push_back(p);
    return out;
}

bool SchedulingQueue::isGated(const std::string& ns, const std::string& name) const {
    return m_gated.count(ns + "/" + name) > 0;
}

}  // namespace ks::scheduler
