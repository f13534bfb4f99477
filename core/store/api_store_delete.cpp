// Deletion and pods/binding.
// Mirrors k8s.io/apiserver/pkg/registry/rest/delete.go (BeforeDelete) and
// registry/generic/registry/store.go (Delete, updateForGracefulDeletionAndFinalizers,
// markAsDeleting), pkg/registry/core/pod/strategy.go (CheckGracefulDelete) and
// pkg/registry/core/pod/storage/storage.go (BindingREST.setPodHostAndAnnotations), v1.31.
#include <algorithm>

#include "core/sim/clock.h"
#include "core/store/api_store.h"
#include "core/store/api_store_impl.h"
#include "core/store/object_meta.h"

namespace ks::store {

namespace {

// The group/kind pair that BeforeDelete's precondition errors print as their "resource".
std::string kindAsResource(const ResourceInfo& info) { return info.qualifiedKind(); }

std::int64_t podGracePeriod(const Value& pod, std::optional<std::int64_t> requested, bool kubeletsFinish) {
    std::int64_t period = 0;
    if (requested)
        period = *requested;
    else if (const Value* t = pod.at("spec.terminationGracePeriodSeconds"))
        period = t->toInt().value_or(0);
    // "if the pod is not scheduled, delete immediately"
    if (stringAt(pod, "spec.nodeName").empty()) period = 0;
    // "if the pod is already terminated, delete immediately"
    std::string phase = stringAt(pod, "status.phase");
    if (phase == "Failed" || phase == "Succeeded") period = 0;
    // No kubelet will ever finish the termination: do what it would do at once.
    if (!kubeletsFinish) period = 0;
    if (period < 0) period = 1;
    return period;
}

void bumpGeneration(Value& obj) {
    if (auto g = metaInt(obj, "generation"); g && *g > 0) setMetaInt(obj, "generation", *g + 1);
}

}  // namespace

Result<ObjectPtr> ApiStore::remove(const ObjectKey& key, std::optional<std::int64_t> gracePeriodSeconds) {
    DeleteOptions options;
    options.gracePeriodSeconds = gracePeriodSeconds;
    return remove(key, options);
}

Result<ObjectPtr> ApiStore::remove(const ObjectKey& requested, const DeleteOptions& options) {
    ObjectPtr existing = find(requested);
    ResourceInfo info = d->resolve(requested);
    if (!existing) return {notFound(info.qualifiedResource(), requested.name), {}};
    ObjectKey key = ObjectKey::of(*existing);
    info = d->resolve(key.kind, existing->str("apiVersion"), !key.namespace_.empty());

    AdmissionAttributes a;
    a.operation = Operation::Delete;
    a.kind = key.kind;
    a.resource = info.qualifiedResource();
    a.namespace_ = key.namespace_;
    a.name = key.name;
    a.oldObject = existing.get();
    a.store = this;
    for (const auto& p : d->plugins)
        if (Status s = p->admit(a); !s.ok()) return {s, {}};
    for (const auto& p : d->plugins)
        if (Status s = p->validate(a); !s.ok()) return {s, {}};

    if (options.preconditionUid && *options.preconditionUid != metaString(*existing, "uid"))
        return {conflict(kindAsResource(info), key.name,
                         "the UID in the precondition (" + *options.preconditionUid + ") does not match the UID in record (" +
                             metaString(*existing, "uid") + "). The object might have been deleted and then recreated"),
                {}};
    if (options.preconditionResourceVersion &&
        *options.preconditionResourceVersion != metaString(*existing, "resourceVersion"))
        return {conflict(kindAsResource(info), key.name,
                         "the ResourceVersion in the precondition (" + *options.preconditionResourceVersion +
                             ") does not match the ResourceVersion in record (" +
                             metaString(*existing, "resourceVersion") + "). The object might have been modified"),
                {}};

    // ---- rest.BeforeDelete ----
    std::optional<std::int64_t> grace = options.gracePeriodSeconds;
    if (grace && *grace < 0) grace = 1;  // "Negative values will be treated as the value `1s`"
    Value obj = *existing;
    if (auto g = metaInt(obj, "deletionGracePeriodSeconds"); g && *g < 0) setMetaInt(obj, "deletionGracePeriodSeconds", 1);
    bool graceful = false, pending = false;
    std::int64_t period = 0;
    if (info.strategy.gracefulDelete) {
        std::string ts = metaString(obj, "deletionTimestamp");
        if (!ts.empty()) {
            auto current = metaInt(obj, "deletionGracePeriodSeconds");
            if (!current || *current == 0) {
                // A deletion left half-done: finish it now.
            } else if (grace) {
                if (*grace >= *current) {
                    pending = true;  // only a shorter grace period may be given
                } else {
                    api::Time at = sim::parseRfc3339(ts).value.value_or(d->now());
                    at = at - *current * sim::kSecond + *grace * sim::kSecond;
                    setMetaString(obj, "deletionTimestamp", sim::formatRfc3339(at));
                    setMetaInt(obj, "deletionGracePeriodSeconds", *grace);
                    period = *grace;
                    graceful = true;
                }
            } else {
                pending = true;  // graceful deletion is pending, do nothing
            }
        } else {
            period = podGracePeriod(obj, grace, d->options.kubeletsFinishPodDeletion);
            setMetaString(obj, "deletionTimestamp", sim::formatRfc3339(d->now() + period * sim::kSecond));
            setMetaInt(obj, "deletionGracePeriodSeconds", period);
            bumpGeneration(obj);
            graceful = true;
        }
    }
    if (pending) return {{}, existing};

    // ---- Store.Delete / updateForGracefulDeletionAndFinalizers ----
    bool pendingFinalizers = !finalizersOf(obj).empty();
    if (!graceful && !pendingFinalizers) return deleteNow(key, existing);
    if (!graceful) {
        // markAsDeleting: finalizers hold the object; its deletion starts now.
        if (metaString(obj, "deletionTimestamp").empty()) bumpGeneration(obj);
        std::string ts = metaString(obj, "deletionTimestamp");
        auto at = ts.empty() ? std::nullopt : sim::parseRfc3339(ts).value;
        if (!at || *at > d->now()) setMetaString(obj, "deletionTimestamp", d->nowText());
        setMetaInt(obj, "deletionGracePeriodSeconds", 0);
    }
    ObjectPtr updated = existing;
    if (!(obj == *existing)) {
        updated = d->commitPut(key, std::move(obj), existing);
    }
    if (pendingFinalizers || (graceful && period > 0)) {
        d->afterWrite();
        return {{}, updated};
    }
    // A graceful deletion with a zero grace period: the update above, then the delete.
    return deleteNow(key, updated);
}

Status ApiStore::bind(const std::string& namespace_, const std::string& podName, const std::string& nodeName) {
    std::string ns = namespace_.empty() ? "default" : namespace_;
    ObjectKey key{"Pod", ns, podName};
    ObjectPtr existing = d->find(key);
    if (!existing) return notFound("pods", podName);

    Value binding = Value::mapping();
    binding.set("apiVersion", Value::string("v1"));
    binding.set("kind", Value::string("Binding"));
    Value& meta = binding.child("metadata");
    meta.set("name", Value::string(podName));
    meta.set("namespace", Value::string(ns));
    Value& target = binding.child("target");
    target.set("apiVersion", Value::string("v1"));
    target.set("kind", Value::string("Node"));
    target.set("name", Value::string(nodeName));
    // ValidatePodBinding
    if (nodeName.empty()) return badRequest("target.name: Required value");

    AdmissionAttributes a;
    a.operation = Operation::Create;
    a.kind = "Binding";
    a.resource = "pods";
    a.subresource = "binding";
    a.namespace_ = ns;
    a.name = podName;
    a.object = &binding;
    a.store = this;
    for (const auto& p : d->plugins)
        if (Status s = p->admit(a); !s.ok()) return s;
    for (const auto& p : d->plugins)
        if (Status s = p->validate(a); !s.ok()) return s;

    if (!metaString(*existing, "deletionTimestamp").empty())
        return conflict("pods/binding", podName, "pod " + podName + " is being deleted, cannot be assigned to a host");
    std::string current = stringAt(*existing, "spec.nodeName");
    if (!current.empty())
        return conflict("pods/binding", podName, "pod " + podName + " is already assigned to node " + goQuote(current));
    if (const Value* gates = existing->at("spec.schedulingGates"); gates && gates->isSequence() && gates->size() > 0)
        return conflict("pods/binding", podName, "pod " + podName + " has non-empty .spec.schedulingGates");

    Value pod = *existing;
    pod.child("spec").set("nodeName", Value::string(nodeName));
    updatePodCondition(pod, "PodScheduled", "True", "", "", d->nowText());
    d->commitPut(key, std::move(pod), existing);
    d->afterWrite();
    return {};
}

}  // namespace ks::store
