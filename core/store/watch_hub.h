// WatchHub: the store's watch history and its delivery to watchers.
//
// Mirrors the API server's watch cache (k8s.io/apiserver/pkg/storage/cacher/watch_cache.go and
// cacher.go, v1.31): a bounded history of events in resourceVersion order, replay from an older
// resourceVersion, "too old resource version" once history is gone, selector-filtered watches
// that see ADDED/DELETED when an object starts/stops matching, and the pod spec.nodeName trigger
// index so that a kubelet's watch is only consulted for its own node's pods.
//
// Delivery never re-enters a callback: events are queued and delivered in order, one at a time.
// Writes made inside a callback queue more events, delivered after the current one returns.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "core/store/field_selector.h"
#include "core/store/store_types.h"

namespace ks::store {

struct HistoryEntry {
    std::uint64_t resourceVersion = 0;
    EventType type = EventType::Added;
    std::string kind;
    ObjectPtr object;    // Deleted: the last state, stamped with this resourceVersion
    ObjectPtr previous;  // null for Added
};
using HistoryEntryPtr = std::shared_ptr<const HistoryEntry>;

// The replayable past. Copied (cheaply: shared entries) into snapshots.
struct History {
    std::deque<HistoryEntryPtr> entries;
    // Watches may start from any resourceVersion >= floor (upstream's "oldest - 1").
    std::uint64_t floor = 0;
};

class WatchHub {
public:
    struct Watcher {
        std::string kind;  // empty: every kind
        std::string namespace_;
        std::optional<api::LabelSelector> labelSelector;
        FieldSelector fieldSelector;
        std::shared_ptr<WatchCallback> callback;
    };

    WatchId add(Watcher watcher);
    bool remove(WatchId id);
    bool contains(WatchId id) const { return m_watchers.count(id) != 0; }
    std::size_t watcherCount() const { return m_watchers.size(); }

    // Queues the entry for every watcher it concerns.
    void publish(const HistoryEntryPtr& entry);
    // Queues the entry for one watcher (replay of history).
    void offer(WatchId id, const HistoryEntryPtr& entry);
    // Queues a synthetic ADDED (sendInitialEvents) when the object matches.
    void offerInitial(WatchId id, const std::string& kind, const ObjectPtr& object, std::uint64_t rv);
    bool matches(WatchId id, const std::string& kind, const Value& object) const;

    // Delivers queued events in order; returns how many callbacks ran. Called while already
    // delivering (from a callback), it returns 0: the outer loop delivers the rest.
    std::size_t deliver(std::size_t max = SIZE_MAX);
    bool hasPending() const { return !m_queue.empty(); }
    std::size_t pendingCount() const { return m_queue.size(); }
    void clearQueue() { m_queue.clear(); }
    // Called whenever the queue goes from empty to non-empty.
    void setWakeup(std::function<void()> wakeup) { m_wakeup = std::move(wakeup); }
    bool hasWakeup() const { return static_cast<bool>(m_wakeup); }

private:
    struct Queued {
        WatchId id;
        EventType type;
        HistoryEntryPtr entry;
    };
    bool objectMatches(const Watcher& w, const std::string& kind, const Value& object) const;
    void consider(WatchId id, const Watcher& w, const HistoryEntryPtr& entry);
    void push(Queued q);
    static std::optional<std::string> triggerValue(const Watcher& w);

    std::map<WatchId, Watcher> m_watchers;
    WatchId m_nextId = 1;
    // Pod watchers with a spec.nodeName=X field selector, by X; every other watcher by kind
    // ("" for all kinds).
    std::map<std::string, std::set<WatchId>> m_podsByNode;
    std::map<std::string, std::set<WatchId>> m_byKind;
    std::deque<Queued> m_queue;
    std::function<void()> m_wakeup;
    bool m_delivering = false;
};

}  // namespace ks::store
