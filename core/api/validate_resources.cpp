// Resource names and quantities of containers and pods.
// Mirrors validateResourceRequirements, validateContainerResourceName, validateResourceName,
// ValidateResourceQuantityValue and validateResourceQuantityHugePageValue of
// k8s.io/kubernetes/pkg/apis/core/validation/validation.go, and the resource-name helpers of
// pkg/apis/core/helper/helpers.go (v1.31).
#include <set>

#include "core/api/names.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

const std::set<std::string> kStandardResources = {
    "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
    "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services",
    "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "storage", "requests.storage",
    "services.nodeports", "services.loadbalancers"};

const std::set<std::string> kIntegerResources = {
    "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
    "persistentvolumeclaims", "services.nodeports", "services.loadbalancers"};

bool startsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

bool isIntegerResourceName(const std::string& name) {
    return kIntegerResources.count(name) || isExtendedResourceName(name);
}

bool isStandardContainerResourceName(const std::string& name) {
    return name == "cpu" || name == "memory" || name == "ephemeral-storage" || isHugePageResourceName(name);
}

bool isOvercommitAllowed(const std::string& name) { return isNativeResource(name) && !isHugePageResourceName(name); }

// The bad value of these errors is a core.ResourceName, a fmt.Stringer: printed without quotes.
void validateResourceName(Context& ctx, Mark mark, const std::string& name, const FieldPath& path) {
    auto errs = isQualifiedName(name);
    for (const auto& msg : errs) ctx.invalidString(mark, path, name, msg);  // converted to string: quoted
    if (!errs.empty()) return;
    if (name.find('/') == std::string::npos && !isStandardResourceName(name))
        ctx.invalid(mark, path, name, "must be a standard resource type or fully qualified");
}

void validateContainerResourceName(Context& ctx, Mark mark, const std::string& name, const FieldPath& path) {
    validateResourceName(ctx, mark, name, path);
    if (name.find('/') == std::string::npos) {
        if (!isStandardContainerResourceName(name))
            ctx.invalid(mark, path, name, "must be a standard resource for containers");
    } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
        ctx.invalid(mark, path, name, "doesn't follow extended resource name standard");
    }
}

void validateHugePageValue(Context& ctx, const std::string& name, const Value* node, const FieldPath& path) {
    if (!isHugePageResourceName(name)) return;
    auto q = quantityValue(node);
    if (!q) return;
    auto pageSize = Quantity::parse(name.substr(std::string_view("hugepages-").size()));
    bool divisible = pageSize && pageSize->sign() > 0 && q->sign() >= 0 && pageSize->value() != 0 &&
                     q->value() % pageSize->value() == 0;
    if (!divisible)
        ctx.invalidString(node->mark(), path, q->toString(),
                          q->toString() + " is not positive integer multiple of " + name);
}

}  // namespace

bool isHugePageResourceName(const std::string& name) { return startsWith(name, "hugepages-"); }

bool isNativeResource(const std::string& name) {
    return name.find('/') == std::string::npos || name.find("kubernetes.io/") != std::string::npos;
}

bool isStandardResourceName(const std::string& name) {
    return kStandardResources.count(name) || startsWith(name, "hugepages-") || startsWith(name, "requests.hugepages-");
}

bool isExtendedResourceName(const std::string& name) {
    if (isNativeResource(name) || startsWith(name, "requests.")) return false;
    return isQualifiedName("requests." + name).empty();
}

void validateResourceQuantityValue(Context& ctx, const std::string& resource, const Value* node, const FieldPath& path) {
    auto q = quantityValue(node);
    if (!q) return;  // not a quantity: reported by the schema pass
    if (q->sign() < 0) ctx.invalidString(node->mark(), path, q->toString(), "must be greater than or equal to 0");
    // The bad value here is a resource.Quantity (a fmt.Stringer): printed without quotes.
    if (isIntegerResourceName(resource) && q->milliValue() % 1000 != 0)
        ctx.invalid(node->mark(), path, q->toString(), "must be an integer");
}

void validateResourceRequirements(Context& ctx, const Value* requirements, const FieldPath& path) {
    if (!present(requirements)) return;
    FieldPath limPath = path.child("limits");
    FieldPath reqPath = path.child("requests");
    const Value* limits = get(requirements, "limits");
    const Value* requests = get(requirements, "requests");
    bool limCpuOrMemory = false, reqCpuOrMemory = false, limHugePages = false, reqHugePages = false;
    for (const auto& f : fields(limits)) {
        FieldPath p = limPath.key(f.key);
        Mark keyMark = f.keyMark.known() ? f.keyMark : f.val.mark();
        validateContainerResourceName(ctx, keyMark, f.key, p);
        validateResourceQuantityValue(ctx, f.key, &f.val, p);
        if (isHugePageResourceName(f.key)) {
            limHugePages = true;
            validateHugePageValue(ctx, f.key, &f.val, p);
        }
        if (f.key == "cpu" || f.key == "memory") limCpuOrMemory = true;
    }
    for (const auto& f : fields(requests)) {
        FieldPath p = reqPath.key(f.key);
        Mark keyMark = f.keyMark.known() ? f.keyMark : f.val.mark();
        validateContainerResourceName(ctx, keyMark, f.key, p);
        validateResourceQuantityValue(ctx, f.key, &f.val, p);
        const Value* limit = get(limits, f.key);
        auto request = quantityValue(&f.val);
        if (limit) {
            auto lim = quantityValue(limit);
            if (request && lim) {
                // NOTE: upstream reports these at ...resources.requests; the mark points at the request.
                if (*request != *lim && !isOvercommitAllowed(f.key))
                    ctx.invalidString(f.val.mark(), reqPath, request->toString(),
                                      "must be equal to " + f.key + " limit of " + lim->toString());
                else if (*request > *lim)
                    ctx.invalidString(f.val.mark(), reqPath, request->toString(),
                                      "must be less than or equal to " + f.key + " limit of " + lim->toString());
            }
        } else if (!isOvercommitAllowed(f.key)) {
            ctx.required(markOr(limits, f.val.mark()), limPath, "Limit must be set for non overcommitable resources");
        }
        if (isHugePageResourceName(f.key)) {
            reqHugePages = true;
            validateHugePageValue(ctx, f.key, &f.val, p);
        }
        if (f.key == "cpu" || f.key == "memory") reqCpuOrMemory = true;
    }
    if (!limCpuOrMemory && !reqCpuOrMemory && (reqHugePages || limHugePages))
        ctx.forbidden(requirements->mark(), path, "HugePages require cpu or memory");
}

void validateOverhead(Context& ctx, const Value* overhead, const FieldPath& path) {
    if (!present(overhead)) return;
    // Upstream reuses the container check with the overhead as limits.
    Value requirements = Value::mapping(overhead->mark());
    requirements.set("limits", *overhead);
    validateResourceRequirements(ctx, &requirements, path);
}

}  // namespace ks::api::validation
