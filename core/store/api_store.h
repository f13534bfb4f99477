// ApiStore: the simulated kube-apiserver + etcd.
//
// Objects are Values (see api/value.h) keyed by kind, namespace and name. Every write goes
// through the admission chain, gets a new global resourceVersion, and is delivered to watchers
// in order. Components never call each other: they watch and write here, as in Kubernetes.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/api/labels.h"
#include "core/api/value.h"

namespace ks::store {

using api::Value;

// Status codes as the API server returns them (metav1.StatusReason).
enum class Code { Ok, NotFound, AlreadyExists, Conflict, Invalid, Forbidden, Gone, BadRequest };

struct Status {
    Code code = Code::Ok;
    std::string message;  // upstream wording, e.g. `pods "web" not found`
    bool ok() const { return code == Code::Ok; }
};

// The identity of an object.
struct ObjectKey {
    std::string kind;        // "Pod"
    std::string namespace_;  // empty for cluster-scoped kinds
    std::string name;
    auto operator<=>(const ObjectKey&) const = default;
};

enum class EventType { Added, Modified, Deleted };

struct WatchEvent {
    EventType type;
    std::uint64_t resourceVersion;
    std::shared_ptr<const Value> object;  // for Deleted: the last state
};

struct ListOptions {
    std::string namespace_;                 // empty: all namespaces
    std::optional<api::LabelSelector> labelSelector;
    std::string fieldSelector;              // "spec.nodeName=node-1,status.phase!=Running"
};

using WatchCallback = std::function<void(const WatchEvent&)>;
using WatchId = std::uint64_t;

// Result of a read: the object is shared and immutable; writers make a copy.
using ObjectPtr = std::shared_ptr<const Value>;

template <typename T>
struct Result {
    Status status;
    T value{};
    bool ok() const { return status.ok(); }
};

class AdmissionPlugin;

class ApiStore {
public:
    ApiStore();
    ~ApiStore();

    // Virtual time source for timestamps (set by the simulation loop); milliseconds.
    void setClock(std::function<std::int64_t()> now);

    Result<ObjectPtr> create(Value object);
    Result<ObjectPtr> get(const ObjectKey& key) const;
    std::vector<ObjectPtr> list(const std::string& kind, const ListOptions& options = {}) const;
    // Replaces the object; metadata.resourceVersion must match the stored one when set (else Conflict).
    Result<ObjectPtr> update(Value object);
    // Status subresource: like update but only status changes are kept (no generation bump).
    Result<ObjectPtr> updateStatus(Value object);
    // RFC 7386 JSON merge patch.
    Result<ObjectPtr> mergePatch(const ObjectKey& key, const Value& patch);
    // Graceful deletion: with finalizers or a grace period the object only gets a deletionTimestamp.
    Result<ObjectPtr> remove(const ObjectKey& key, std::optional<std::int64_t> gracePeriodSeconds = std::nullopt);
    // pods/binding: sets spec.nodeName of an unbound pod.
    Status bind(const std::string& namespace_, const std::string& podName, const std::string& nodeName);

    // Watches one kind ("" = all kinds) from a resourceVersion (0 = from now, after a list).
    // Events older than the compaction point give Status Gone ("too old resource version").
    Result<WatchId> watch(const std::string& kind, std::uint64_t fromResourceVersion, WatchCallback callback);
    void unwatch(WatchId id);

    std::uint64_t resourceVersion() const;
    // Drops watch history older than resourceVersion rv.
    void compact(std::uint64_t rv);

    void addAdmissionPlugin(std::unique_ptr<AdmissionPlugin> plugin);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace ks::store
