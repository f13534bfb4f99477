// ApiStore: the simulated kube-apiserver + etcd.
//
// Objects are Values (see api/value.h) keyed by kind, namespace and name. Every write goes
// through the admission chain, gets a new global resourceVersion, and is delivered to watchers
// in order. Components never call each other: they watch and write here, as in Kubernetes.
//
// Mirrors k8s.io/apiserver/pkg/registry/generic/registry/store.go and rest/{create,update,delete}.go
// (v1.31) for metadata handling, optimistic concurrency, finalizers and graceful deletion;
// pkg/registry/core/pod/storage/storage.go for pods/binding; the watch cache for watch.
// See core/store/README.md for the choices where the simulation differs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/api/labels.h"
#include "core/api/types.h"
#include "core/api/value.h"
#include "core/store/admission.h"
#include "core/store/status.h"
#include "core/store/store_types.h"

namespace ks::store {

namespace detail {
struct State;
}

struct StoreOptions {
    std::uint64_t seed = 0;               // UIDs and generateName suffixes
    std::size_t watchHistory = 100'000;   // events kept for replay; older ones are compacted away
    // Upstream, a bound pod deleted with a grace period keeps its deletionTimestamp until its
    // kubelet finishes and deletes it with grace 0. Until the simulation runs kubelets this is
    // false: bound pods are then removed at once, like unbound ones (which upstream always does).
    bool kubeletsFinishPodDeletion = false;
};

struct CreateOptions {
    // Keep a client-supplied status (e.g. a scenario that starts with running pods); upstream
    // always resets it on create for kinds with a status subresource.
    bool keepStatus = false;
};

// metav1.DeleteOptions.
struct DeleteOptions {
    std::optional<std::int64_t> gracePeriodSeconds;  // nullopt: the kind's default (pod spec)
    std::optional<std::string> preconditionUid;
    std::optional<std::string> preconditionResourceVersion;
};

// An immutable, cheap copy of the store's state (objects, resourceVersion, identity generator,
// watch history, event correlation). Restoring one brings all of that back.
class Snapshot {
public:
    std::uint64_t resourceVersion() const;
    bool valid() const { return static_cast<bool>(m_state); }

private:
    friend class ApiStore;
    std::shared_ptr<const detail::State> m_state;
};

class ApiStore {
public:
    explicit ApiStore(StoreOptions options = {});
    ~ApiStore();
    ApiStore(const ApiStore&) = delete;
    ApiStore& operator=(const ApiStore&) = delete;

    // Virtual time source for timestamps (set by the simulation loop); milliseconds since the
    // simulation epoch (sim/clock.h). Without one, time stands at 0.
    void setClock(std::function<api::Time()> now);
    api::Time now() const;
    const StoreOptions& options() const;
    void setKubeletsFinishPodDeletion(bool on);

    // ---- objects ----
    Result<ObjectPtr> create(Value object, const CreateOptions& options = {});
    // NotFound with upstream's message (`pods "web" not found`).
    Result<ObjectPtr> get(const ObjectKey& key) const;
    // Like get without building a Status: nullptr when absent.
    ObjectPtr find(const ObjectKey& key) const;
    // Objects of a kind, ordered by namespace then name. An invalid field selector gives an
    // empty list here; listObjects() returns the error and the list's resourceVersion.
    std::vector<ObjectPtr> list(const std::string& kind, const ListOptions& options = {}) const;
    Result<ObjectList> listObjects(const std::string& kind, const ListOptions& options = {}) const;
    std::size_t count(const std::string& kind) const;
    std::vector<std::string> kinds() const;  // kinds with at least one object, sorted

    // Replaces the object. metadata.resourceVersion, when set, must match the stored one
    // (else Conflict); empty means an unconditional update. Status changes are ignored for kinds
    // with a status subresource, as upstream.
    Result<ObjectPtr> update(Value object);
    // The status subresource: only status changes are kept; no generation bump.
    Result<ObjectPtr> updateStatus(Value object);
    // RFC 7386 JSON merge patch (`kubectl patch --type=merge`). A metadata.resourceVersion in the
    // patch is a precondition.
    Result<ObjectPtr> mergePatch(const ObjectKey& key, const Value& patch);
    Result<ObjectPtr> mergePatchStatus(const ObjectKey& key, const Value& patch);
    // Deletion with upstream's rules: with finalizers the object only gets a deletionTimestamp
    // and stays until an update removes the last finalizer; pods are deleted gracefully. The value
    // is the object's last state; find() tells whether it is gone.
    Result<ObjectPtr> remove(const ObjectKey& key, std::optional<std::int64_t> gracePeriodSeconds = std::nullopt);
    Result<ObjectPtr> remove(const ObjectKey& key, const DeleteOptions& options);
    // pods/binding: sets spec.nodeName of an unbound pod and its PodScheduled=True condition.
    Status bind(const std::string& namespace_, const std::string& podName, const std::string& nodeName);

    // ---- events ----
    // Records a core/v1 Event about involved (type "Normal" or "Warning"), as client-go's event
    // recorder does: identical events increment count and lastTimestamp of the existing Event.
    // The value is the written Event, or null when the spam filter dropped it.
    Result<ObjectPtr> recordEvent(const ObjectKey& involved, const std::string& type, const std::string& reason,
                                  const std::string& message, const std::string& component,
                                  const std::string& host = {});

    // ---- watch ----
    // Watches one kind ("" = all kinds) from a resourceVersion (0 = from now, after a list).
    // A resourceVersion older than the compaction point gives Gone
    // (`too old resource version: 5 (12)`).
    Result<WatchId> watch(const std::string& kind, std::uint64_t fromResourceVersion, WatchCallback callback);
    Result<WatchId> watch(const std::string& kind, const WatchOptions& options, WatchCallback callback);
    void unwatch(WatchId id);

    // Delivery. By default events are delivered at the end of the call that caused them
    // (write or watch), never inside another callback. A simulation loop can instead set a hook:
    // it is called whenever events become pending, and the loop then calls deliverPending()
    // when it chooses (e.g. as an event at the current virtual time), never from inside the hook.
    void setDispatchHook(std::function<void()> hook);
    std::size_t deliverPending(std::size_t max = SIZE_MAX);
    bool hasPendingEvents() const;

    std::uint64_t resourceVersion() const;
    // Watches can start from this resourceVersion or later.
    std::uint64_t compactedResourceVersion() const;
    // Drops watch history older than resourceVersion rv (rv itself stays watchable).
    void compact(std::uint64_t rv);

    // ---- admission ----
    void addAdmissionPlugin(std::unique_ptr<AdmissionPlugin> plugin);
    std::vector<std::string> admissionPlugins() const;

    // ---- stepping back ----
    Snapshot snapshot() const;
    // Puts the state back. Watches stay registered and undelivered events are dropped: the
    // simulation restores its components from the same step.
    void restore(const Snapshot& snapshot);

private:
    struct Impl;
    Result<ObjectPtr> updateImpl(Value object, bool statusOnly);
    Result<ObjectPtr> deleteNow(const ObjectKey& key, const ObjectPtr& last);
    std::unique_ptr<Impl> d;
};

}  // namespace ks::store
