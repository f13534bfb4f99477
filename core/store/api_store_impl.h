// Private to core/store: the state behind ApiStore, shared by its .cpp files.
//
// Snapshots share this state copy-on-write: every kind's table, the watch history and the event
// correlator are held by shared_ptr, a snapshot copies the pointers, and the first write to a
// table after a snapshot copies that table alone (use_count() > 1). Without snapshots writes are
// in place: no O(n) copy per write.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/store/admission.h"
#include "core/store/api_store.h"
#include "core/store/event_correlator.h"
#include "core/store/identity.h"
#include "core/store/strategy.h"
#include "core/store/watch_hub.h"

namespace ks::store::detail {

// One kind's objects by (namespace, name): a namespace is a contiguous range.
struct KindTable {
    std::map<std::pair<std::string, std::string>, ObjectPtr> objects;
};

struct State {
    std::map<std::string, std::shared_ptr<KindTable>> tables;
    std::uint64_t resourceVersion = 0;
    IdentityGenerator ids;
    std::shared_ptr<History> history = std::make_shared<History>();
    std::shared_ptr<EventCorrelator> events = std::make_shared<EventCorrelator>();
};

}  // namespace ks::store::detail

namespace ks::store {

struct ApiStore::Impl {
    detail::State state;
    StoreOptions options;
    WatchHub hub;
    std::vector<std::unique_ptr<AdmissionPlugin>> plugins;
    std::function<api::Time()> clock;

    api::Time now() const { return clock ? clock() : 0; }
    std::string nowText() const;

    // Tables, copied first when a snapshot shares them.
    const detail::KindTable* table(const std::string& kind) const;
    detail::KindTable& mutableTable(const std::string& kind);
    History& mutableHistory();
    EventCorrelator& mutableEvents();

    ObjectPtr find(const ObjectKey& key) const;
    // The stored CRD for kind (spec.names.kind), if any.
    const Value* crdFor(const std::string& kind) const;
    ResourceInfo resolve(const std::string& kind, const std::string& apiVersion, bool hasNamespace) const;
    ResourceInfo resolve(const ObjectKey& key) const;

    // The write itself: a new resourceVersion, the table, the history and the watchers.
    ObjectPtr commitPut(const ObjectKey& key, Value object, const ObjectPtr& previous);
    ObjectPtr commitDelete(const ObjectKey& key, const ObjectPtr& last);
    void appendHistory(HistoryEntryPtr entry);
    // Synchronous delivery unless the simulation loop set a dispatch hook.
    void afterWrite();
};

}  // namespace ks::store
