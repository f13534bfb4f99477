#include "core/store/api_store.h"

#include <algorithm>

#include "core/api/kinds.h"
#include "core/sim/clock.h"
#include "core/store/api_store_impl.h"
#include "core/store/field_selector.h"
#include "core/store/merge_patch.h"
#include "core/store/object_meta.h"

namespace ks::store {

// ---- small vocabulary ----

ObjectKey ObjectKey::of(const Value& object) {
    return {object.str("kind"), metaString(object, "namespace"), metaString(object, "name")};
}

std::string ObjectKey::toString() const {
    return namespace_.empty() ? kind + " " + name : kind + " " + namespace_ + "/" + name;
}

std::string_view toString(EventType type) {
    switch (type) {
    case EventType::Added: return "ADDED";
    case EventType::Modified: return "MODIFIED";
    case EventType::Deleted: return "DELETED";
    }
    return "";
}

std::string_view toString(Operation op) {
    switch (op) {
    case Operation::Create: return "CREATE";
    case Operation::Update: return "UPDATE";
    case Operation::Delete: return "DELETE";
    }
    return "";
}

std::uint64_t Snapshot::resourceVersion() const { return m_state ? m_state->resourceVersion : 0; }

// ---- Impl ----

std::string ApiStore::Impl::nowText() const { return sim::formatRfc3339(now()); }

const detail::KindTable* ApiStore::Impl::table(const std::string& kind) const {
    auto it = state.tables.find(kind);
    return it == state.tables.end() ? nullptr : it->second.get();
}

detail::KindTable& ApiStore::Impl::mutableTable(const std::string& kind) {
    auto& t = state.tables[kind];
    if (!t)
        t = std::make_shared<detail::KindTable>();
    else if (t.use_count() > 1)
        t = std::make_shared<detail::KindTable>(*t);
    return *t;
}

History& ApiStore::Impl::mutableHistory() {
    if (state.history.use_count() > 1) state.history = std::make_shared<History>(*state.history);
    return *state.history;
}

EventCorrelator& ApiStore::Impl::mutableEvents() {
    if (state.events.use_count() > 1) state.events = std::make_shared<EventCorrelator>(*state.events);
    return *state.events;
}

ObjectPtr ApiStore::Impl::find(const ObjectKey& key) const {
    const detail::KindTable* t = table(key.kind);
    if (!t) return nullptr;
    auto it = t->objects.find({key.namespace_, key.name});
    return it == t->objects.end() ? nullptr : it->second;
}

const Value* ApiStore::Impl::crdFor(const std::string& kind) const {
    const detail::KindTable* t = table("CustomResourceDefinition");
    if (!t) return nullptr;
    for (const auto& [k, crd] : t->objects)
        if (stringAt(*crd, "spec.names.kind") == kind) return crd.get();
    return nullptr;
}

ResourceInfo ApiStore::Impl::resolve(const std::string& kind, const std::string& apiVersion, bool hasNamespace) const {
    const Value* crd = api::findKind(kind) ? nullptr : crdFor(kind);
    return resolveResource(kind, apiVersion, crd, hasNamespace);
}

ResourceInfo ApiStore::Impl::resolve(const ObjectKey& key) const {
    std::string apiVersion;
    if (ObjectPtr o = find(key)) apiVersion = o->str("apiVersion");
    return resolve(key.kind, apiVersion, !key.namespace_.empty());
}

void ApiStore::Impl::appendHistory(HistoryEntryPtr entry) {
    History& h = mutableHistory();
    h.entries.push_back(std::move(entry));
    while (h.entries.size() > options.watchHistory) {
        h.floor = h.entries.front()->resourceVersion;
        h.entries.pop_front();
    }
}

ObjectPtr ApiStore::Impl::commitPut(const ObjectKey& key, Value object, const ObjectPtr& previous) {
    std::uint64_t rv = ++state.resourceVersion;
    setMetaString(object, "resourceVersion", std::to_string(rv));
    auto stored = std::make_shared<const Value>(std::move(object));
    mutableTable(key.kind).objects[{key.namespace_, key.name}] = stored;
    auto e = std::make_shared<HistoryEntry>();
    e->resourceVersion = rv;
    e->type = previous ? EventType::Modified : EventType::Added;
    e->kind = key.kind;
    e->object = stored;
    e->previous = previous;
    appendHistory(e);
    hub.publish(e);
    return stored;
}

ObjectPtr ApiStore::Impl::commitDelete(const ObjectKey& key, const ObjectPtr& last) {
    std::uint64_t rv = ++state.resourceVersion;
    // As etcd3's watcher does, the DELETED object carries the deletion's resourceVersion.
    Value copy = *last;
    setMetaString(copy, "resourceVersion", std::to_string(rv));
    auto gone = std::make_shared<const Value>(std::move(copy));
    detail::KindTable& t = mutableTable(key.kind);
    t.objects.erase({key.namespace_, key.name});
    if (t.objects.empty()) state.tables.erase(key.kind);
    auto e = std::make_shared<HistoryEntry>();
    e->resourceVersion = rv;
    e->type = EventType::Deleted;
    e->kind = key.kind;
    e->object = gone;
    e->previous = last;
    appendHistory(e);
    hub.publish(e);
    return gone;
}

void ApiStore::Impl::afterWrite() {
    if (!hub.hasWakeup()) hub.deliver();
}

// ---- ApiStore ----

ApiStore::ApiStore(StoreOptions options) : d(std::make_unique<Impl>()) {
    d->options = options;
    d->state.ids = IdentityGenerator(options.seed);
}

ApiStore::~ApiStore() = default;

void ApiStore::setClock(std::function<api::Time()> now) { d->clock = std::move(now); }
api::Time ApiStore::now() const { return d->now(); }
const StoreOptions& ApiStore::options() const { return d->options; }
void ApiStore::setKubeletsFinishPodDeletion(bool on) { d->options.kubeletsFinishPodDeletion = on; }

Result<ObjectPtr> ApiStore::create(Value object, const CreateOptions& options) {
    if (!object.isMapping()) return {badRequest("the object to create is not a mapping"), {}};
    std::string kind = object.str("kind");
    if (kind.empty()) return {badRequest("Object 'Kind' is missing"), {}};
    std::string ns = metaString(object, "namespace");
    ResourceInfo info = d->resolve(kind, object.str("apiVersion"), !ns.empty());
    // EnsureObjectNamespaceMatchesRequestNamespace: kubectl's request namespace is "default".
    if (info.namespaced && ns.empty()) setMetaString(object, "namespace", ns = "default");
    if (!info.namespaced && !ns.empty()) {
        removeMeta(object, "namespace");
        ns.clear();
    }
    if (!metaString(object, "resourceVersion").empty())
        return {badRequest("resourceVersion should not be set on objects to be created"), {}};

    AdmissionAttributes a;
    a.operation = Operation::Create;
    a.kind = kind;
    a.resource = info.qualifiedResource();
    a.namespace_ = ns;
    a.name = metaString(object, "name");
    a.object = &object;
    a.store = this;
    for (const auto& p : d->plugins)
        if (Status s = p->admit(a); !s.ok()) return {s, {}};
    if (info.namespaced && metaString(object, "namespace").empty()) setMetaString(object, "namespace", ns);

    // Store.create and rest.BeforeCreate: system fields, the generated name, the strategy.
    std::string now = d->nowText();
    removeMeta(object, "deletionTimestamp");
    removeMeta(object, "deletionGracePeriodSeconds");
    setMetaString(object, "uid", d->state.ids.uid());
    setMetaString(object, "creationTimestamp", now);
    std::string generateName = metaString(object, "generateName");
    std::string name = metaString(object, "name");
    bool generated = name.empty() && !generateName.empty();
    if (generated) setMetaString(object, "name", name = d->state.ids.generateName(generateName));
    prepareForCreate(info, object, options.keepStatus, now);
    if (name.empty())
        return {invalid(info.qualifiedKind(), "", {"metadata.name: Required value: name or generateName is required"}), {}};

    a.name = name;
    a.namespace_ = metaString(object, "namespace");
    for (const auto& p : d->plugins)
        if (Status s = p->validate(a); !s.ok()) return {s, {}};

    ObjectKey key{kind, a.namespace_, name};
    // RetryGenerateName (beta, on in v1.31): up to 8 names before giving up.
    for (int attempt = 1; d->find(key) && generated && attempt < 8; ++attempt) {
        key.name = d->state.ids.generateName(generateName);
        setMetaString(object, "name", key.name);
    }
    if (ObjectPtr existing = d->find(key)) {
        Status s = alreadyExists(info.qualifiedResource(), key.name);
        if (!metaString(*existing, "deletionTimestamp").empty()) s.message = "object is being deleted: " + s.message;
        return {s, {}};
    }
    ObjectPtr stored = d->commitPut(key, std::move(object), nullptr);
    d->afterWrite();
    return {{}, stored};
}

Result<ObjectPtr> ApiStore::get(const ObjectKey& key) const {
    if (ObjectPtr o = find(key)) return {{}, o};
    ResourceInfo info = d->resolve(key);
    return {notFound(info.qualifiedResource(), key.name), {}};
}

ObjectPtr ApiStore::find(const ObjectKey& key) const {
    if (ObjectPtr o = d->find(key)) return o;
    // A namespaced built-in kind without a namespace means "default", as kubectl reads it; a
    // cluster-scoped one ignores the namespace.
    if (const api::KindInfo* k = api::findKind(key.kind)) {
        if (k->namespaced && key.namespace_.empty()) return d->find({key.kind, "default", key.name});
        if (!k->namespaced && !key.namespace_.empty()) return d->find({key.kind, "", key.name});
    }
    return nullptr;
}

Result<ObjectList> ApiStore::listObjects(const std::string& kind, const ListOptions& options) const {
    auto fields = FieldSelector::parse(options.fieldSelector);
    if (!fields.ok()) return {fields.status, {}};
    if (Status s = fields.value.checkSupported(kind); !s.ok()) return {s, {}};
    ObjectList out;
    out.resourceVersion = d->state.resourceVersion;
    const detail::KindTable* t = d->table(kind);
    if (!t) return {{}, std::move(out)};
    std::string ns = options.namespace_;
    // A metadata.namespace=x field selector narrows the scan the same way (as the registry does).
    if (ns.empty())
        if (auto fromField = fields.value.exactValue("metadata.namespace")) ns = *fromField;
    auto it = ns.empty() ? t->objects.begin() : t->objects.lower_bound({ns, std::string()});
    for (; it != t->objects.end(); ++it) {
        if (!ns.empty() && it->first.first != ns) break;
        const Value& obj = *it->second;
        if (options.labelSelector && !options.labelSelector->matches(labelsOf(obj))) continue;
        if (!fields.value.empty() && !fields.value.matches(kind, obj)) continue;
        out.items.push_back(it->second);
    }
    return {{}, std::move(out)};
}

std::vector<ObjectPtr> ApiStore::list(const std::string& kind, const ListOptions& options) const {
    auto r = listObjects(kind, options);
    return r.ok() ? std::move(r.value.items) : std::vector<ObjectPtr>{};
}

std::size_t ApiStore::count(const std::string& kind) const {
    const detail::KindTable* t = d->table(kind);
    return t ? t->objects.size() : 0;
}

std::vector<std::string> ApiStore::kinds() const {
    std::vector<std::string> out;
    for (const auto& [k, t] : d->state.tables)
        if (!t->objects.empty()) out.push_back(k);
    return out;
}

Result<ObjectPtr> ApiStore::update(Value object) { return updateImpl(std::move(object), false); }

Result<ObjectPtr> ApiStore::updateStatus(Value object) { return updateImpl(std::move(object), true); }

Result<ObjectPtr> ApiStore::updateImpl(Value object, bool statusOnly) {
    if (!object.isMapping()) return {badRequest("the object to update is not a mapping"), {}};
    std::string kind = object.str("kind");
    if (kind.empty()) return {badRequest("Object 'Kind' is missing"), {}};
    ObjectKey key = ObjectKey::of(object);
    ResourceInfo info = d->resolve(kind, object.str("apiVersion"), !key.namespace_.empty());
    if (info.namespaced && key.namespace_.empty()) key.namespace_ = "default";
    if (!info.namespaced) key.namespace_.clear();
    ObjectPtr existing = d->find(key);
    if (!existing) return {notFound(info.qualifiedResource(), key.name), {}};

    Value obj = statusOnly ? prepareForStatusUpdate(info, object, *existing) : std::move(object);
    if (info.namespaced)
        setMetaString(obj, "namespace", key.namespace_);
    else
        removeMeta(obj, "namespace");

    AdmissionAttributes a;
    a.operation = Operation::Update;
    a.kind = kind;
    a.resource = info.qualifiedResource();
    a.subresource = statusOnly ? "status" : "";
    a.namespace_ = key.namespace_;
    a.name = key.name;
    a.object = &obj;
    a.oldObject = existing.get();
    a.store = this;
    for (const auto& p : d->plugins)
        if (Status s = p->admit(a); !s.ok()) return {s, {}};

    // Optimistic concurrency: an empty resourceVersion is an unconditional update.
    std::string rv = metaString(obj, "resourceVersion");
    if (!rv.empty() && rv != metaString(*existing, "resourceVersion"))
        return {conflict(info.qualifiedResource(), key.name, std::string(kOptimisticLockErrorMsg)), {}};

    // rest.BeforeUpdate.
    if (!statusOnly) prepareForUpdate(info, obj, *existing);
    std::vector<std::string> errors;
    std::string oldUid = metaString(*existing, "uid");
    std::string newUid = metaString(obj, "uid");
    if (newUid.empty())
        setMetaString(obj, "uid", oldUid);
    else if (newUid != oldUid)
        errors.push_back("metadata.uid: Invalid value: " + goQuote(newUid) + ": field is immutable");
    for (const char* f : {"creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds"}) {
        // "ignore changes to timestamp"; "an update can never remove/change a deletion timestamp".
        if (const Value* old = existing->at(std::string("metadata.") + f))
            obj.child("metadata").set(f, *old);
        else
            removeMeta(obj, f);
    }
    bool deleting = !metaString(*existing, "deletionTimestamp").empty();
    if (deleting) {
        std::vector<std::string> oldF = finalizersOf(*existing), added;
        for (const auto& f : finalizersOf(obj))
            if (std::find(oldF.begin(), oldF.end(), f) == oldF.end()) added.push_back(f);
        // sets.String.List(): sorted, without duplicates.
        std::sort(added.begin(), added.end());
        added.erase(std::unique(added.begin(), added.end()), added.end());
        if (!added.empty())
            errors.push_back("metadata.finalizers: Forbidden: no new finalizers can be added if the object is being "
                             "deleted, found new finalizers " + goStringSlice(added));
    }
    if (!errors.empty()) return {invalid(info.qualifiedKind(), key.name, errors), {}};

    for (const auto& p : d->plugins)
        if (Status s = p->validate(a); !s.ok()) return {s, {}};

    // ShouldDeleteDuringUpdate: the last finalizer is gone from an object being deleted.
    if (deleting && finalizersOf(obj).empty()) {
        std::optional<std::int64_t> grace = metaInt(*existing, "deletionGracePeriodSeconds");
        if (!grace || *grace == 0) {
            Result<ObjectPtr> r = deleteNow(key, existing);
            if (r.ok()) r.value = std::make_shared<const Value>(std::move(obj));
            return r;
        }
    }

    // A write that changes nothing is not written (etcd3 GuaranteedUpdate's no-op check).
    setMetaString(obj, "resourceVersion", metaString(*existing, "resourceVersion"));
    if (obj == *existing) return {{}, existing};
    ObjectPtr stored = d->commitPut(key, std::move(obj), existing);
    d->afterWrite();
    return {{}, stored};
}

namespace {

Result<Value> patched(const Value& existing, const Value& patch, const ObjectKey& key) {
    Value applied = applyMergePatch(existing, patch);
    if (!applied.isMapping()) return {badRequest("the patched object is not a mapping"), {}};
    std::string name = metaString(applied, "name");
    if (name != key.name)
        return {badRequest("the name of the object (" + name + ") does not match the name on the URL (" + key.name + ")"), {}};
    std::string ns = metaString(applied, "namespace");
    if (ns != metaString(existing, "namespace"))
        return {badRequest("the namespace of the object (" + ns + ") does not match the namespace on the URL (" +
                           metaString(existing, "namespace") + ")"),
                {}};
    if (applied.str("kind") != existing.str("kind"))
        return {badRequest("the kind of the object (" + applied.str("kind") + ") does not match the kind on the URL (" +
                           existing.str("kind") + ")"),
                {}};
    return {{}, std::move(applied)};
}

}  // namespace

Result<ObjectPtr> ApiStore::mergePatch(const ObjectKey& key, const Value& patch) {
    Result<ObjectPtr> current = get(key);
    if (!current.ok()) return current;
    auto applied = patched(*current.value, patch, ObjectKey::of(*current.value));
    if (!applied.ok()) return {applied.status, {}};
    return updateImpl(std::move(applied.value), false);
}

Result<ObjectPtr> ApiStore::mergePatchStatus(const ObjectKey& key, const Value& patch) {
    Result<ObjectPtr> current = get(key);
    if (!current.ok()) return current;
    auto applied = patched(*current.value, patch, ObjectKey::of(*current.value));
    if (!applied.ok()) return {applied.status, {}};
    return updateImpl(std::move(applied.value), true);
}

Result<ObjectPtr> ApiStore::deleteNow(const ObjectKey& key, const ObjectPtr& last) {
    ObjectPtr gone = d->commitDelete(key, last);
    d->afterWrite();
    return {{}, gone};
}

// ---- watch ----

Result<WatchId> ApiStore::watch(const std::string& kind, std::uint64_t fromResourceVersion, WatchCallback callback) {
    WatchOptions options;
    options.resourceVersion = fromResourceVersion;
    return watch(kind, options, std::move(callback));
}

Result<WatchId> ApiStore::watch(const std::string& kind, const WatchOptions& options, WatchCallback callback) {
    auto fields = FieldSelector::parse(options.fieldSelector);
    if (!fields.ok()) return {fields.status, 0};
    if (!kind.empty())
        if (Status s = fields.value.checkSupported(kind); !s.ok()) return {s, 0};
    const History& history = *d->state.history;
    std::uint64_t from = options.resourceVersion;
    if (!options.sendInitialEvents && from != 0 && from < history.floor)
        return {expired("too old resource version: " + std::to_string(from) + " (" + std::to_string(history.floor) + ")"),
                0};

    WatchHub::Watcher w;
    w.kind = kind;
    w.namespace_ = options.namespace_;
    w.labelSelector = options.labelSelector;
    w.fieldSelector = std::move(fields.value);
    w.callback = std::make_shared<WatchCallback>(std::move(callback));
    WatchId id = d->hub.add(std::move(w));

    if (options.sendInitialEvents) {
        for (const auto& [k, t] : d->state.tables) {
            if (!kind.empty() && k != kind) continue;
            for (const auto& [nn, obj] : t->objects) {
                std::uint64_t rv = 0;
                try {
                    rv = std::stoull(metaString(*obj, "resourceVersion"));
                } catch (...) {
                }
                d->hub.offerInitial(id, k, obj, rv);
            }
        }
    } else if (from != 0) {
        auto first = std::upper_bound(history.entries.begin(), history.entries.end(), from,
                                      [](std::uint64_t rv, const HistoryEntryPtr& e) { return rv < e->resourceVersion; });
        // Copied first: offering may wake the dispatcher, and nothing may append under our feet.
        std::vector<HistoryEntryPtr> replay(first, history.entries.end());
        for (const auto& e : replay) d->hub.offer(id, e);
    }
    d->afterWrite();
    return {{}, id};
}

void ApiStore::unwatch(WatchId id) { d->hub.remove(id); }

void ApiStore::setDispatchHook(std::function<void()> hook) { d->hub.setWakeup(std::move(hook)); }

std::size_t ApiStore::deliverPending(std::size_t max) { return d->hub.deliver(max); }

bool ApiStore::hasPendingEvents() const { return d->hub.hasPending(); }

std::uint64_t ApiStore::resourceVersion() const { return d->state.resourceVersion; }

std::uint64_t ApiStore::compactedResourceVersion() const { return d->state.history->floor; }

void ApiStore::compact(std::uint64_t rv) {
    if (rv == 0) return;
    std::uint64_t floor = std::min(rv - 1, d->state.resourceVersion);
    if (floor <= d->state.history->floor) return;
    History& h = d->mutableHistory();
    h.floor = floor;
    while (!h.entries.empty() && h.entries.front()->resourceVersion <= floor) h.entries.pop_front();
}

// ---- admission ----

void ApiStore::addAdmissionPlugin(std::unique_ptr<AdmissionPlugin> plugin) { d->plugins.push_back(std::move(plugin)); }

std::vector<std::string> ApiStore::admissionPlugins() const {
    std::vector<std::string> out;
    for (const auto& p : d->plugins) out.push_back(p->name());
    return out;
}

// ---- snapshots ----

Snapshot ApiStore::snapshot() const {
    Snapshot s;
    s.m_state = std::make_shared<const detail::State>(d->state);
    return s;
}

void ApiStore::restore(const Snapshot& snapshot) {
    if (!snapshot.m_state) return;
    d->state = *snapshot.m_state;
    d->hub.clearQueue();
}

}  // namespace ks::store
