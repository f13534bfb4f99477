#include "core/store/watch_hub.h"

#include <algorithm>
#include <vector>

#include "core/store/object_meta.h"

namespace ks::store {

namespace {

constexpr std::string_view kPodTrigger = "spec.nodeName";

}  // namespace

std::optional<std::string> WatchHub::triggerValue(const Watcher& w) {
    if (w.kind != "Pod") return std::nullopt;
    return w.fieldSelector.exactValue(kPodTrigger);
}

WatchId WatchHub::add(Watcher watcher) {
    WatchId id = m_nextId++;
    if (auto node = triggerValue(watcher))
        m_podsByNode[*node].insert(id);
    else
        m_byKind[watcher.kind].insert(id);
    m_watchers.emplace(id, std::move(watcher));
    return id;
}

bool WatchHub::remove(WatchId id) {
    auto it = m_watchers.find(id);
    if (it == m_watchers.end()) return false;
    if (auto node = triggerValue(it->second)) {
        auto n = m_podsByNode.find(*node);
        n->second.erase(id);
        if (n->second.empty()) m_podsByNode.erase(n);
    } else {
        auto k = m_byKind.find(it->second.kind);
        k->second.erase(id);
        if (k->second.empty()) m_byKind.erase(k);
    }
    m_watchers.erase(it);
    // Queued events for this watcher are skipped at delivery.
    return true;
}

bool WatchHub::objectMatches(const Watcher& w, const std::string& kind, const Value& object) const {
    if (!w.namespace_.empty() && metaString(object, "namespace") != w.namespace_) return false;
    if (w.labelSelector && !w.labelSelector->matches(labelsOf(object))) return false;
    if (!w.fieldSelector.empty() && !w.fieldSelector.matches(kind, object)) return false;
    return true;
}

bool WatchHub::matches(WatchId id, const std::string& kind, const Value& object) const {
    auto it = m_watchers.find(id);
    return it != m_watchers.end() && (it->second.kind.empty() || it->second.kind == kind) &&
           objectMatches(it->second, kind, object);
}

void WatchHub::push(Queued q) {
    bool wasEmpty = m_queue.empty();
    m_queue.push_back(std::move(q));
    if (wasEmpty && m_wakeup) m_wakeup();
}

// How one write looks through one watcher's selectors (cacher.go, watchCacheEvent handling):
// an object that starts matching is ADDED, one that stops matching is DELETED.
void WatchHub::consider(WatchId id, const Watcher& w, const HistoryEntryPtr& e) {
    if (!w.kind.empty() && w.kind != e->kind) return;
    switch (e->type) {
    case EventType::Added:
        if (objectMatches(w, e->kind, *e->object)) push({id, EventType::Added, e});
        return;
    case EventType::Deleted:
        if (objectMatches(w, e->kind, *e->object)) push({id, EventType::Deleted, e});
        return;
    case EventType::Modified: {
        bool now = objectMatches(w, e->kind, *e->object);
        bool before = e->previous && objectMatches(w, e->kind, *e->previous);
        if (now && before)
            push({id, EventType::Modified, e});
        else if (now)
            push({id, EventType::Added, e});
        else if (before)
            push({id, EventType::Deleted, e});
        return;
    }
    }
}

void WatchHub::publish(const HistoryEntryPtr& e) {
    std::vector<WatchId> ids;
    auto collect = [&](const std::set<WatchId>* s) {
        if (s) ids.insert(ids.end(), s->begin(), s->end());
    };
    auto byKind = [&](const std::string& k) -> const std::set<WatchId>* {
        auto it = m_byKind.find(k);
        return it == m_byKind.end() ? nullptr : &it->second;
    };
    collect(byKind(e->kind));
    collect(byKind(""));
    if (e->kind == "Pod" && !m_podsByNode.empty()) {
        for (const ObjectPtr& o : {e->object, e->previous}) {
            if (!o) continue;
            auto it = m_podsByNode.find(stringAt(*o, kPodTrigger));
            if (it != m_podsByNode.end()) collect(&it->second);
        }
    }
    // Watchers hear about a write in the order they were created.
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (WatchId id : ids) consider(id, m_watchers.at(id), e);
}

void WatchHub::offer(WatchId id, const HistoryEntryPtr& e) {
    auto it = m_watchers.find(id);
    if (it != m_watchers.end()) consider(id, it->second, e);
}

void WatchHub::offerInitial(WatchId id, const std::string& kind, const ObjectPtr& object, std::uint64_t rv) {
    auto it = m_watchers.find(id);
    if (it == m_watchers.end() || !objectMatches(it->second, kind, *object)) return;
    auto e = std::make_shared<HistoryEntry>();
    e->resourceVersion = rv;
    e->type = EventType::Added;
    e->kind = kind;
    e->object = object;
    push({id, EventType::Added, std::move(e)});
}

std::size_t WatchHub::deliver(std::size_t max) {
    if (m_delivering) return 0;
    m_delivering = true;
    struct Reset {
        bool& flag;
        ~Reset() { flag = false; }
    } reset{m_delivering};
    std::size_t n = 0;
    while (n < max && !m_queue.empty()) {
        Queued q = std::move(m_queue.front());
        m_queue.pop_front();
        auto it = m_watchers.find(q.id);
        if (it == m_watchers.end()) continue;
        // Hold the callback: it may unwatch itself while it runs.
        std::shared_ptr<WatchCallback> cb = it->second.callback;
        WatchEvent ev;
        ev.type = q.type;
        ev.resourceVersion = q.entry->resourceVersion;
        ev.kind = q.entry->kind;
        ev.object = q.entry->object;
        ev.previous = q.entry->previous;
        (*cb)(ev);
        ++n;
    }
    return n;
}

}  // namespace ks::store
