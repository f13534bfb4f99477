// PriorityClass, Namespace, PodDisruptionBudget, Lease, ConfigMap, Secret, Service and
// ResourceQuota. Mirrors pkg/apis/scheduling/validation, the Namespace/ConfigMap/Secret/
// ResourceQuota/Service parts of pkg/apis/core/validation, pkg/apis/policy/validation and
// pkg/apis/coordination/validation (v1.31).
#include "core/api/names.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

constexpr std::int64_t kHighestUserDefinablePriority = 1000000000;
constexpr std::int64_t kMaxSecretSize = 1024 * 1024;

// schedulingapiv1.IsKnownSystemPriorityClass; empty when the class is a valid system class.
std::string systemPriorityClassError(const std::string& name, std::int64_t value, bool globalDefault) {
    struct System {
        const char* name;
        std::int64_t value;
    };
    static const System kSystem[] = {{"system-node-critical", 2000001000}, {"system-cluster-critical", 2000000000}};
    for (const auto& s : kSystem) {
        if (name != s.name) continue;
        if (value != s.value) return "value of " + name + " PriorityClass must be " + std::to_string(s.value);
        if (globalDefault) return "globalDefault of " + name + " PriorityClass must be false";
        return {};
    }
    return name + " is not a known system priority class";
}

void validateKeys(Context& ctx, const Value* data, const FieldPath& path, std::int64_t& total) {
    for (const auto& f : fields(data)) {
        Mark m = f.keyMark.known() ? f.keyMark : f.val.mark();
        for (const auto& msg : isConfigMapKey(f.key)) ctx.invalidString(m, path.key(f.key), f.key, msg);
        total += static_cast<std::int64_t>(text(&f.val).size());
    }
}

bool isStandardQuotaResourceName(const std::string& name) {
    static const char* kQuota[] = {"cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory",
                                   "requests.storage", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
                                   "limits.ephemeral-storage", "pods", "resourcequotas", "services",
                                   "replicationcontrollers", "secrets", "persistentvolumeclaims", "configmaps",
                                   "services.nodeports", "services.loadbalancers"};
    for (const char* q : kQuota)
        if (name == q) return true;
    return name.rfind("hugepages-", 0) == 0 || name.rfind("requests.hugepages-", 0) == 0;
}

}  // namespace

void validatePriorityClass(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, false, NameRule::DNSSubdomain);
    const Value* name = get(get(&object, "metadata"), "name");
    const Value* value = get(&object, "value");
    std::string n = text(name);
    std::int64_t v = intValue(value).value_or(0);
    if (n.rfind("system-", 0) == 0) {
        std::string err = systemPriorityClassError(n, v, boolValue(get(&object, "globalDefault")).value_or(false));
        if (!err.empty())
            ctx.forbidden(markOr(name, object.mark()), FieldPath("metadata").child("name"),
                          "priority class names with 'system-' prefix are reserved for system use only. error: " + err);
    } else if (v > kHighestUserDefinablePriority) {
        ctx.forbidden(markOr(value, object.mark()), FieldPath("value"),
                      "maximum allowed value of a user defined priority is " + std::to_string(kHighestUserDefinablePriority));
    }
    if (const Value* pp = get(&object, "preemptionPolicy"); present(pp)) {
        if (text(pp).empty())
            ctx.required(pp->mark(), FieldPath("preemptionPolicy"));
        else if (text(pp) != "PreemptLowerPriority" && text(pp) != "Never")
            ctx.notSupportedString(pp->mark(), FieldPath("preemptionPolicy"), text(pp), {"PreemptLowerPriority", "Never"});
    }
}

void validateNamespace(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, false, NameRule::DNSLabel);
    // NOTE: upstream reports finalizer errors at spec.finalizers, without the index.
    FieldPath path = FieldPath("spec").child("finalizers");
    for (const auto& f : items(get(get(&object, "spec"), "finalizers"))) {
        std::string name = text(&f);
        for (const auto& msg : isQualifiedName(name)) ctx.invalidString(f.mark(), path, name, msg);
        if (name.find('/') == std::string::npos && name != "kubernetes" && name != "orphan" && name != "foregroundDeletion")
            ctx.invalidString(f.mark(), path, name, "name is neither a standard finalizer name nor is it fully qualified");
    }
}

void validatePodDisruptionBudget(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    const Value* minAvailable = get(spec, "minAvailable");
    const Value* maxUnavailable = get(spec, "maxUnavailable");
    if (present(minAvailable) && present(maxUnavailable))
        ctx.invalid(spec->mark(), path, "policy.PodDisruptionBudgetSpec{MinAvailable:" + renderIntOrString(minAvailable) +
                                            ", MaxUnavailable:" + renderIntOrString(maxUnavailable) + "}",
                    "minAvailable and maxUnavailable cannot be both set");
    if (present(minAvailable)) {
        validatePositiveIntOrPercent(ctx, minAvailable, path.child("minAvailable"));
        validateNotMoreThan100Percent(ctx, minAvailable, path.child("minAvailable"));
    }
    if (present(maxUnavailable)) {
        validatePositiveIntOrPercent(ctx, maxUnavailable, path.child("maxUnavailable"));
        validateNotMoreThan100Percent(ctx, maxUnavailable, path.child("maxUnavailable"));
    }
    validateLabelSelector(ctx, get(spec, "selector"), path.child("selector"));
    if (const Value* policy = get(spec, "unhealthyPodEvictionPolicy"); present(policy))
        if (text(policy) != "AlwaysAllow" && text(policy) != "IfHealthyBudget")
            ctx.notSupportedString(policy->mark(), path.child("unhealthyPodEvictionPolicy"), text(policy),
                                   {"AlwaysAllow", "IfHealthyBudget"});
}

void validateLease(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    if (auto d = intValue(get(spec, "leaseDurationSeconds")); d && *d <= 0)
        ctx.invalidInt(get(spec, "leaseDurationSeconds")->mark(), path.child("leaseDurationSeconds"), *d,
                       "must be greater than 0");
    if (auto t = intValue(get(spec, "leaseTransitions")); t && *t < 0)
        ctx.invalidInt(get(spec, "leaseTransitions")->mark(), path.child("leaseTransitions"), *t,
                       "must be greater than or equal to 0");
}

void validateConfigMap(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    std::int64_t total = 0;
    const Value* data = get(&object, "data");
    const Value* binaryData = get(&object, "binaryData");
    validateKeys(ctx, data, FieldPath("data"), total);
    for (const auto& f : fields(data))
        if (get(binaryData, f.key))
            ctx.invalidString(f.keyMark.known() ? f.keyMark : f.val.mark(), FieldPath("data").key(f.key), f.key,
                              "duplicate of key present in binaryData");
    validateKeys(ctx, binaryData, FieldPath("binaryData"), total);
    if (total > kMaxSecretSize) ctx.tooLong(object.mark(), FieldPath(), kMaxSecretSize);
}

void validateSecret(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    std::int64_t total = 0;
    const Value* data = get(&object, "data");
    validateKeys(ctx, data, FieldPath("data"), total);
    // stringData is merged into data before validation upstream.
    validateKeys(ctx, get(&object, "stringData"), FieldPath("data"), total);
    if (total > kMaxSecretSize) ctx.tooLong(markOr(data, object.mark()), FieldPath("data"), kMaxSecretSize);
}

void validateService(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNS1035Label);
}

void validateResourceQuota(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    FieldPath path = FieldPath("spec").child("hard");
    for (const auto& f : fields(get(get(&object, "spec"), "hard"))) {
        FieldPath p = path.key(f.key);
        Mark m = f.keyMark.known() ? f.keyMark : f.val.mark();
        auto errs = isQualifiedName(f.key);
        for (const auto& msg : errs) ctx.invalidString(m, p, f.key, msg);
        if (errs.empty() && f.key.find('/') == std::string::npos) {
            if (!isStandardResourceName(f.key))
                ctx.invalid(m, p, f.key, "must be a standard resource type or fully qualified");
            if (!isStandardQuotaResourceName(f.key)) ctx.invalid(m, p, f.key, "must be a standard resource for quota");
        }
        validateResourceQuantityValue(ctx, f.key, &f.val, p);
    }
}

}  // namespace ks::api::validation
