#include "core/store/strategy.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/api/kinds.h"
#include "core/api/quantity.h"
#include "core/store/object_meta.h"

namespace ks::store {

namespace {

struct BuiltinBehaviour {
    bool statusSubresource;
    bool clearStatusOnCreate;
    GenerationPolicy generation;
};

// Kinds whose strategy differs from "no status subresource, no generation" (v1.31 registries).
const std::map<std::string, BuiltinBehaviour>& builtinBehaviour() {
    using G = GenerationPolicy;
    static const std::map<std::string, BuiltinBehaviour> table = {
        // core/v1
        {"Pod", {true, true, G::None}},
        {"Node", {true, false, G::None}},  // kubelets register nodes with their status
        {"Namespace", {true, true, G::None}},
        {"Service", {true, true, G::None}},
        {"PersistentVolume", {true, true, G::None}},
        {"PersistentVolumeClaim", {true, true, G::None}},
        {"ResourceQuota", {true, true, G::None}},
        {"ReplicationController", {true, true, G::Spec}},
        // apps, batch, autoscaling, policy, networking
        {"Deployment", {true, true, G::SpecAndAnnotations}},
        {"ReplicaSet", {true, true, G::Spec}},
        {"StatefulSet", {true, true, G::Spec}},
        {"DaemonSet", {true, true, G::Spec}},
        {"Job", {true, true, G::Spec}},
        {"CronJob", {true, true, G::Spec}},
        {"HorizontalPodAutoscaler", {true, true, G::None}},  // HPA generation came after v1.31
        {"PodDisruptionBudget", {true, true, G::Spec}},
        {"Ingress", {true, true, G::Spec}},
        {"IngressClass", {false, false, G::Spec}},
        {"NetworkPolicy", {false, false, G::Spec}},
        {"CustomResourceDefinition", {true, true, G::Spec}},
        {"VolumeAttachment", {true, true, G::None}},
        {"CertificateSigningRequest", {true, true, G::None}},
    };
    return table;
}

bool hasStatusSubresource(const Value& crd) {
    const Value* versions = crd.at("spec.versions");
    if (versions && versions->isSequence())
        for (const auto& v : versions->items())
            if (v.at("subresources.status")) return true;
    return crd.at("spec.subresources.status") != nullptr;  // apiextensions v1beta1 spelling
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The value as a map of strings; absent and empty are the same, as Semantic.DeepEqual has it.
std::map<std::string, std::string> stringMap(const Value* v) {
    std::map<std::string, std::string> out;
    if (v && v->isMapping())
        for (const auto& f : v->fields()) out[f.key] = f.val.isScalar() ? f.val.text() : std::string();
    return out;
}

bool sameSpec(const Value& a, const Value& b) {
    const Value* sa = a.get("spec");
    const Value* sb = b.get("spec");
    bool emptyA = !sa || isNullValue(*sa) || (sa->isMapping() && sa->size() == 0);
    bool emptyB = !sb || isNullValue(*sb) || (sb->isMapping() && sb->size() == 0);
    if (emptyA || emptyB) return emptyA == emptyB;
    return *sa == *sb;
}

// ---- pods ----

std::optional<api::Quantity> quantityOf(const Value& v) {
    if (!v.isScalar()) return std::nullopt;
    return api::Quantity::parse(v.text());
}

void addTo(std::map<std::string, api::Quantity>& sum, const std::string& name, const api::Quantity& q) {
    auto it = sum.find(name);
    if (it == sum.end())
        sum.emplace(name, q);
    else
        it->second += q;
}

// MatchLabelKeysInPodAffinity (beta, on in v1.31): the API server merges matchLabelKeys and
// mismatchLabelKeys into the term's labelSelector at creation.
void mergeLabelKeys(Value& term, const api::Labels& podLabels) {
    Value* selector = term.get("labelSelector");
    if (!selector || !selector->isMapping()) return;  // a nil selector matches nothing: leave it
    auto apply = [&](const char* keysField, const char* op) {
        const Value* keys = term.get(keysField);
        if (!keys || !keys->isSequence()) return;
        for (const auto& k : keys->items()) {
            auto it = podLabels.find(k.text());
            if (it == podLabels.end()) continue;
            Value* exprs = selector->get("matchExpressions");
            if (!exprs || !exprs->isSequence()) exprs = &selector->set("matchExpressions", Value::sequence());
            Value req = Value::mapping();
            req.set("key", Value::string(it->first));
            req.set("operator", Value::string(op));
            Value values = Value::sequence();
            values.push(Value::string(it->second));
            req.set("values", std::move(values));
            exprs->push(std::move(req));
        }
    };
    apply("matchLabelKeys", "In");
    apply("mismatchLabelKeys", "NotIn");
}

void mutatePodAffinity(Value& pod) {
    Value* affinity = pod.get("spec") ? pod.get("spec")->get("affinity") : nullptr;
    if (!affinity || !affinity->isMapping()) return;
    api::Labels labels = labelsOf(pod);
    for (const char* kindField : {"podAffinity", "podAntiAffinity"}) {
        Value* a = affinity->get(kindField);
        if (!a || !a->isMapping()) continue;
        if (Value* pref = a->get("preferredDuringSchedulingIgnoredDuringExecution"); pref && pref->isSequence())
            for (auto& w : pref->items())
                if (Value* term = w.get("podAffinityTerm")) mergeLabelKeys(*term, labels);
        if (Value* req = a->get("requiredDuringSchedulingIgnoredDuringExecution"); req && req->isSequence())
            for (auto& term : req->items()) mergeLabelKeys(term, labels);
    }
}

void preparePodForCreate(Value& pod, bool keepStatus, const std::string& now) {
    if (!keepStatus) {
        Value status = Value::mapping();
        status.set("phase", Value::string("Pending"));
        status.set("qosClass", Value::string(podQosClass(pod)));
        pod.set("status", std::move(status));
    }
    // applySchedulingGatedCondition
    const Value* gates = pod.at("spec.schedulingGates");
    if (gates && gates->isSequence() && gates->size() > 0) {
        bool hasScheduled = false;
        if (const Value* conds = pod.at("status.conditions"); conds && conds->isSequence())
            for (const auto& c : conds->items())
                if (c.str("type") == "PodScheduled") hasScheduled = true;
        if (!hasScheduled)
            updatePodCondition(pod, "PodScheduled", "False", "SchedulingGated",
                               "Scheduling is blocked due to non-empty scheduling gates", now);
    }
    mutatePodAffinity(pod);
}

void prepareNamespaceForCreate(Value& ns, bool keepStatus) {
    if (!keepStatus) {
        Value status = Value::mapping();
        status.set("phase", Value::string("Active"));
        ns.set("status", std::move(status));
    }
    // "on create, we require the kubernetes value" (namespace strategy)
    Value& spec = ns.child("spec");
    Value* finalizers = spec.get("finalizers");
    if (!finalizers || !finalizers->isSequence()) finalizers = &spec.set("finalizers", Value::sequence());
    for (const auto& f : finalizers->items())
        if (f.text() == "kubernetes") return;
    finalizers->push(Value::string("kubernetes"));
}

}  // namespace

std::string guessResource(const std::string& kind) {
    std::string singular = lower(kind);
    if (singular.empty()) return singular;
    char last = singular.back();
    if (last == 's') return singular + "es";
    if (last == 'y') return singular.substr(0, singular.size() - 1) + "ies";
    return singular + "s";
}

ResourceInfo resolveResource(const std::string& kind, const std::string& apiVersion, const Value* crd,
                             bool hasNamespace) {
    ResourceInfo info;
    info.kind = kind;
    if (const api::KindInfo* k = api::findKind(kind)) {
        info.group = k->group;
        info.resource = k->resource;
        info.namespaced = k->namespaced;
        info.builtin = true;
        auto it = builtinBehaviour().find(kind);
        if (it != builtinBehaviour().end()) {
            info.strategy.statusSubresource = it->second.statusSubresource;
            info.strategy.clearStatusOnCreate = it->second.clearStatusOnCreate;
            info.strategy.generation = it->second.generation;
        }
        info.strategy.gracefulDelete = kind == "Pod";
        return info;
    }
    if (crd) {
        info.group = stringAt(*crd, "spec.group");
        info.resource = stringAt(*crd, "spec.names.plural", guessResource(kind));
        info.namespaced = stringAt(*crd, "spec.scope", "Namespaced") == "Namespaced";
        info.fromCrd = true;
        info.strategy.statusSubresource = hasStatusSubresource(*crd);
        info.strategy.clearStatusOnCreate = info.strategy.statusSubresource;
    } else {
        info.group = api::splitApiVersion(apiVersion).first;
        info.resource = guessResource(kind);
        info.namespaced = hasNamespace;
    }
    info.strategy.generation =
        info.strategy.statusSubresource ? GenerationPolicy::AllButStatus : GenerationPolicy::AllButMetadata;
    return info;
}

void prepareForCreate(const ResourceInfo& info, Value& object, bool keepStatus, const std::string& now) {
    if (info.kind == "Pod" && info.builtin) {
        preparePodForCreate(object, keepStatus, now);
    } else if (info.kind == "Namespace" && info.builtin) {
        prepareNamespaceForCreate(object, keepStatus);
    } else if (info.strategy.clearStatusOnCreate && !keepStatus) {
        Value status = Value::mapping();
        // What a freshly created object reads back as once defaulting ran on the way out.
        if (info.builtin && info.kind == "Service") status.set("loadBalancer", Value::mapping());
        if (info.builtin && (info.kind == "PersistentVolume" || info.kind == "PersistentVolumeClaim"))
            status.set("phase", Value::string("Pending"));
        if (info.fromCrd)
            object.remove("status");
        else
            object.set("status", std::move(status));
    }
    if (info.strategy.generation != GenerationPolicy::None) setMetaInt(object, "generation", 1);
}

void prepareForUpdate(const ResourceInfo& info, Value& object, const Value& old) {
    if (info.strategy.statusSubresource) {
        if (const Value* oldStatus = old.get("status"))
            object.set("status", *oldStatus);
        else
            object.remove("status");
    }
    std::int64_t oldGeneration = metaInt(old, "generation").value_or(0);
    bool bump = false;
    switch (info.strategy.generation) {
    case GenerationPolicy::None: break;
    case GenerationPolicy::Spec: bump = !sameSpec(object, old); break;
    case GenerationPolicy::SpecAndAnnotations:
        bump = !sameSpec(object, old) ||
               stringMap(object.at("metadata.annotations")) != stringMap(old.at("metadata.annotations"));
        break;
    case GenerationPolicy::AllButStatus: bump = !(withoutMetadata(object, true) == withoutMetadata(old, true)); break;
    case GenerationPolicy::AllButMetadata: bump = !(withoutMetadata(object, false) == withoutMetadata(old, false)); break;
    }
    // BeforeUpdate: "Ensure requests cannot update generation".
    if (info.strategy.generation == GenerationPolicy::None && !metaInt(old, "generation")) {
        removeMeta(object, "generation");
    } else {
        setMetaInt(object, "generation", bump ? oldGeneration + 1 : oldGeneration);
    }
}

Value prepareForStatusUpdate(const ResourceInfo& info, const Value& object, const Value& old) {
    Value result = old;
    if (const Value* status = object.get("status"))
        result.set("status", *status);
    else
        result.remove("status");
    if (info.kind == "Pod" && info.builtin) {
        // The pod status strategy keeps label and annotation changes but not owner references,
        // and backfills the immutable qosClass.
        for (const char* f : {"labels", "annotations"}) {
            if (const Value* v = object.at(std::string("metadata.") + f))
                result.child("metadata").set(f, *v);
            else
                removeMeta(result, f);
        }
        if (stringAt(result, "status.qosClass").empty())
            if (const Value* q = old.at("status.qosClass")) result.child("status").set("qosClass", *q);
    }
    // The resourceVersion precondition travels with the request.
    if (const Value* rv = object.at("metadata.resourceVersion")) result.child("metadata").set("resourceVersion", *rv);
    else removeMeta(result, "resourceVersion");
    return result;
}

std::string podQosClass(const Value& pod) {
    static const std::set<std::string> kSupported = {"cpu", "memory"};
    std::map<std::string, api::Quantity> requests, limits;
    bool guaranteed = true;
    auto visit = [&](const Value* containers) {
        if (!containers || !containers->isSequence()) return;
        for (const auto& c : containers->items()) {
            if (const Value* req = c.at("resources.requests"); req && req->isMapping())
                for (const auto& f : req->fields()) {
                    if (!kSupported.count(f.key)) continue;
                    if (auto q = quantityOf(f.val); q && q->sign() > 0) addTo(requests, f.key, *q);
                }
            std::set<std::string> limitsFound;
            if (const Value* lim = c.at("resources.limits"); lim && lim->isMapping())
                for (const auto& f : lim->fields()) {
                    if (!kSupported.count(f.key)) continue;
                    if (auto q = quantityOf(f.val); q && q->sign() > 0) {
                        limitsFound.insert(f.key);
                        addTo(limits, f.key, *q);
                    }
                }
            if (limitsFound.size() != kSupported.size()) guaranteed = false;
        }
    };
    visit(pod.at("spec.containers"));
    visit(pod.at("spec.initContainers"));
    if (requests.empty() && limits.empty()) return "BestEffort";
    if (guaranteed) {
        for (const auto& [name, req] : requests) {
            auto it = limits.find(name);
            if (it == limits.end() || !(it->second == req)) {
                guaranteed = false;
                break;
            }
        }
    }
    if (guaranteed && requests.size() == limits.size()) return "Guaranteed";
    return "Burstable";
}

bool updatePodCondition(Value& pod, const std::string& type, const std::string& status, const std::string& reason,
                        const std::string& message, const std::string& now) {
    Value cond = Value::mapping();
    cond.set("type", Value::string(type));
    cond.set("status", Value::string(status));
    cond.set("lastProbeTime", Value::null());
    cond.set("lastTransitionTime", Value::string(now));
    if (!reason.empty()) cond.set("reason", Value::string(reason));
    if (!message.empty()) cond.set("message", Value::string(message));

    Value& st = pod.child("status");
    Value* conds = st.get("conditions");
    if (!conds || !conds->isSequence()) conds = &st.set("conditions", Value::sequence());
    for (auto& old : conds->items()) {
        if (old.str("type") != type) continue;
        if (old.str("status") == status)
            if (const Value* t = old.get("lastTransitionTime")) cond.set("lastTransitionTime", *t);
        bool same = old.str("status") == status && old.str("reason") == reason && old.str("message") == message &&
                    stringAt(old, "lastTransitionTime") == stringAt(cond, "lastTransitionTime") &&
                    stringAt(old, "lastProbeTime").empty();
        old = std::move(cond);
        return !same;
    }
    conds->push(std::move(cond));
    return true;
}

}  // namespace ks::store
