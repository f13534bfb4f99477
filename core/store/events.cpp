// ApiStore::recordEvent: what client-go's EventRecorder and its broadcaster sink do
// (k8s.io/client-go/tools/record/event.go makeEvent, recordToSink, recordEvent; v0.31):
// a core/v1 Event named "<object>.<unix nanoseconds in hex>" in the object's namespace
// ("default" for cluster-scoped objects), correlated by EventCorrelator, then created, or
// patched (count, lastTimestamp, message) when it repeats.
#include <cstdio>

#include "core/sim/clock.h"
#include "core/store/api_store.h"
#include "core/store/api_store_impl.h"
#include "core/store/object_meta.h"

namespace ks::store {

namespace {

std::string hex(std::uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(v));
    return buf;
}

Value stringField(const std::string& s) { return Value::string(s); }

}  // namespace

Result<ObjectPtr> ApiStore::recordEvent(const ObjectKey& involved, const std::string& type, const std::string& reason,
                                        const std::string& message, const std::string& component,
                                        const std::string& host) {
    ObjectPtr object = find(involved);
    EventRecord rec;
    rec.component = component;
    rec.host = host;
    rec.kind = involved.kind;
    rec.namespace_ = object ? metaString(*object, "namespace") : involved.namespace_;
    rec.name = involved.name;
    rec.uid = object ? metaString(*object, "uid") : std::string();
    rec.apiVersion = object ? object->str("apiVersion") : std::string();
    rec.type = type;
    rec.reason = reason;
    rec.message = message;

    api::Time now = d->now();
    EventCorrelator::Decision decision = d->mutableEvents().correlate(rec, now);
    if (decision.skip) return {{}, nullptr};
    std::string ns = rec.namespace_.empty() ? "default" : rec.namespace_;
    std::string nowText = sim::formatRfc3339(now);

    if (decision.update && !decision.existingName.empty()) {
        if (ObjectPtr existing = d->find({"Event", ns, decision.existingName})) {
            Value ev = *existing;
            ev.set("count", Value::integer(decision.count));
            ev.set("lastTimestamp", stringField(nowText));
            ev.set("message", stringField(decision.message));
            removeMeta(ev, "resourceVersion");  // a patch: no precondition
            Result<ObjectPtr> r = update(std::move(ev));
            if (r.ok()) d->mutableEvents().recorded(decision, decision.existingName);
            return r;
        }
        // The Event is gone (deleted or expired): create it again, as recordEvent does on NotFound.
    }

    Value ev = Value::mapping();
    ev.set("apiVersion", stringField("v1"));
    ev.set("kind", stringField("Event"));
    Value& meta = ev.child("metadata");
    std::string name = decision.existingName;
    if (name.empty()) {
        // makeEvent: fmt.Sprintf("%v.%x", ref.Name, t.UnixNano()). Virtual time has millisecond
        // steps, so several events at one instant step the nanoseconds to stay unique.
        std::uint64_t nanos = static_cast<std::uint64_t>(sim::kEpochUnixSeconds * 1000 + now) * 1'000'000ULL;
        do {
            name = involved.name + "." + hex(nanos++);
        } while (d->find({"Event", ns, name}));
    }
    meta.set("name", stringField(name));
    meta.set("namespace", stringField(ns));
    Value& ref = ev.child("involvedObject");
    ref.set("kind", stringField(involved.kind));
    if (!rec.namespace_.empty()) ref.set("namespace", stringField(rec.namespace_));
    ref.set("name", stringField(involved.name));
    if (!rec.uid.empty()) ref.set("uid", stringField(rec.uid));
    if (!rec.apiVersion.empty()) ref.set("apiVersion", stringField(rec.apiVersion));
    if (object) ref.set("resourceVersion", stringField(metaString(*object, "resourceVersion")));
    ev.set("reason", stringField(reason));
    ev.set("message", stringField(decision.message));
    Value& source = ev.child("source");
    if (!component.empty()) source.set("component", stringField(component));
    if (!host.empty()) source.set("host", stringField(host));
    ev.set("firstTimestamp", stringField(sim::formatRfc3339(decision.firstTimestamp)));
    ev.set("lastTimestamp", stringField(nowText));
    ev.set("count", Value::integer(decision.count));
    ev.set("type", stringField(type));
    ev.set("eventTime", Value::null());
    ev.set("reportingComponent", stringField(component));
    ev.set("reportingInstance", stringField(host));
    Result<ObjectPtr> r = create(std::move(ev));
    if (r.ok()) d->mutableEvents().recorded(decision, name);
    return r;
}

}  // namespace ks::store
