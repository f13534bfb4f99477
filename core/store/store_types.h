// The vocabulary of the store's API: keys, shared immutable objects, list and watch options,
// watch events. Watch semantics mirror k8s.io/apimachinery/pkg/watch and the API server's watch
// cache (k8s.io/apiserver/pkg/storage/cacher, v1.31).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/labels.h"
#include "core/api/value.h"

namespace ks::store {

using api::Value;

// A stored object: shared and immutable. Writers copy, change and write back.
using ObjectPtr = std::shared_ptr<const Value>;

// The identity of an object. Cluster-scoped kinds have an empty namespace.
struct ObjectKey {
    std::string kind;        // "Pod"
    std::string namespace_;  // "default"; empty for cluster-scoped kinds
    std::string name;
    auto operator<=>(const ObjectKey&) const = default;

    // The key of an object: kind, metadata.namespace and metadata.name.
    static ObjectKey of(const Value& object);
    // "Pod default/web", "Node node-1": for traces and messages.
    std::string toString() const;
};

enum class EventType { Added, Modified, Deleted };
// "ADDED", "MODIFIED", "DELETED" as watch.EventType spells them.
std::string_view toString(EventType type);

struct WatchEvent {
    EventType type = EventType::Added;
    std::uint64_t resourceVersion = 0;  // of the write that caused the event
    std::string_view kind;              // valid during the callback
    ObjectPtr object;                   // Deleted: the last stored state, with the deletion's resourceVersion
    ObjectPtr previous;                 // the state before the write; null for Added
};

using WatchCallback = std::function<void(const WatchEvent&)>;
using WatchId = std::uint64_t;

struct ListOptions {
    std::string namespace_;                          // empty: all namespaces
    std::optional<api::LabelSelector> labelSelector;  // nullopt: everything
    std::string fieldSelector;                       // "spec.nodeName=node-1,status.phase!=Running"
};

struct ObjectList {
    std::vector<ObjectPtr> items;      // ordered by namespace, then name
    std::uint64_t resourceVersion = 0;  // the store's resourceVersion at the time of the list
};

struct WatchOptions {
    // Events after this resourceVersion are delivered; history older than the compaction point
    // gives Gone. 0 means "from now" (after a list at the current resourceVersion).
    std::uint64_t resourceVersion = 0;
    std::string namespace_;
    std::optional<api::LabelSelector> labelSelector;
    std::string fieldSelector;
    // Upstream's sendInitialEvents (watch-list): a synthetic ADDED for every matching object
    // first, in key order, then the changes after resourceVersion (0: after now).
    bool sendInitialEvents = false;
};

}  // namespace ks::store
