#include "core/store/admission/priority.h"

#include <optional>

#include "core/store/api_store.h"
#include "core/store/object_meta.h"

namespace ks::store::admission {

namespace {

constexpr const char* kPreemptLowerPriority = "PreemptLowerPriority";

struct ClassInfo {
    std::string name;
    std::int64_t value = 0;
    std::string preemptionPolicy = kPreemptLowerPriority;
};

ClassInfo infoOf(const Value& pc) {
    ClassInfo c;
    c.name = metaString(pc, "name");
    if (const Value* v = pc.get("value")) c.value = v->toInt().value_or(0);
    // PriorityClass defaulting gives PreemptLowerPriority.
    c.preemptionPolicy = stringAt(pc, "preemptionPolicy", kPreemptLowerPriority);
    return c;
}

std::optional<ClassInfo> findClass(const ApiStore& store, const std::string& name) {
    if (ObjectPtr pc = store.find({"PriorityClass", "", name})) return infoOf(*pc);
    for (const auto& pc : systemPriorityClasses())
        if (metaString(pc, "name") == name) return infoOf(pc);
    return std::nullopt;
}

// getDefaultPriorityClass: "In case more than one global default priority class is added as a
// result of a race condition, we pick the one with the lowest priority value."
std::optional<ClassInfo> defaultClass(const ApiStore& store) {
    std::optional<ClassInfo> best;
    for (const ObjectPtr& pc : store.list("PriorityClass")) {
        const Value* g = pc->get("globalDefault");
        if (!g || !g->toBool().value_or(false)) continue;
        ClassInfo c = infoOf(*pc);
        if (!best || best->value > c.value) best = c;
    }
    return best;
}

Status admitPod(AdmissionAttributes& a) {
    Value& pod = *a.object;
    if (a.operation == Operation::Update) {
        // "This admission plugin set pod.Spec.Priority on create. Ensure the existing priority is
        // preserved on update."
        for (const char* f : {"priority", "preemptionPolicy"}) {
            const Value* now = pod.at(std::string("spec.") + f);
            const Value* before = a.oldObject ? a.oldObject->at(std::string("spec.") + f) : nullptr;
            if ((!now || isNullValue(*now)) && before && !isNullValue(*before)) pod.child("spec").set(f, *before);
        }
        return {};
    }
    if (a.operation != Operation::Create) return {};

    std::string className = stringAt(pod, "spec.priorityClassName");
    ClassInfo computed;
    if (className.empty()) {
        if (auto def = defaultClass(*a.store)) {
            computed = *def;
            pod.child("spec").set("priorityClassName", Value::string(def->name));
        }
    } else {
        auto found = findClass(*a.store, className);
        if (!found) return admissionForbidden(a, "no PriorityClass with name " + className + " was found");
        computed = *found;
    }
    if (const Value* given = pod.at("spec.priority"); given && !isNullValue(*given)) {
        auto v = given->toInt();
        if (!v || *v != computed.value)
            return admissionForbidden(a, "the integer value of priority (" + given->text() +
                                             ") must not be provided in pod spec; priority admission controller computed " +
                                             std::to_string(computed.value) + " from the given PriorityClass name");
    }
    pod.child("spec").set("priority", Value::integer(computed.value));
    std::string policy = stringAt(pod, "spec.preemptionPolicy");
    if (!policy.empty() && policy != computed.preemptionPolicy)
        return admissionForbidden(a, "the string value of PreemptionPolicy (" + policy +
                                         ") must not be provided in pod spec; priority admission controller computed " +
                                         computed.preemptionPolicy + " from the given PriorityClass name");
    pod.child("spec").set("preemptionPolicy", Value::string(computed.preemptionPolicy));
    return {};
}

}  // namespace

Status Priority::admit(AdmissionAttributes& a) {
    // "Ignore all calls to subresources"
    if (!a.subresource.empty() || !a.object) return {};
    if (a.resource == "pods") return admitPod(a);
    return {};
}

Status Priority::validate(const AdmissionAttributes& a) {
    if (!a.subresource.empty() || !a.object) return {};
    if (a.resource != "priorityclasses.scheduling.k8s.io") return {};
    if (a.operation != Operation::Create && a.operation != Operation::Update) return {};
    const Value* g = a.object->get("globalDefault");
    if (!g || !g->toBool().value_or(false)) return {};
    auto def = defaultClass(*a.store);
    if (def && (a.operation == Operation::Create || def->name != a.name))
        return admissionForbidden(a, "PriorityClass " + def->name + " is already marked as default. Only one default can exist");
    return {};
}

std::vector<api::Value> systemPriorityClasses() {
    auto make = [](const char* name, std::int64_t value, const char* description) {
        Value pc = Value::mapping();
        pc.set("apiVersion", Value::string("scheduling.k8s.io/v1"));
        pc.set("kind", Value::string("PriorityClass"));
        pc.child("metadata").set("name", Value::string(name));
        pc.set("value", Value::integer(value));
        pc.set("description", Value::string(description));
        pc.set("preemptionPolicy", Value::string(kPreemptLowerPriority));
        return pc;
    };
    return {
        make("system-node-critical", kSystemCriticalPriority + 1000,
             "Used for system critical pods that must not be moved from their current node."),
        make("system-cluster-critical", kSystemCriticalPriority,
             "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."),
    };
}

}  // namespace ks::store::admission
