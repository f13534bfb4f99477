// Nodes: name, taints, capacity and allocatable, pod CIDRs.
// Mirrors ValidateNode, validateNodeTaints and ValidateNodeResources of
// k8s.io/kubernetes/pkg/apis/core/validation/validation.go (v1.31).
#include <map>
#include <set>

#include "core/api/names.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

// %#v of the internal core.Taint that upstream's Duplicate error prints.
std::string renderTaint(const Value& t) {
    return "core.Taint{Key:" + goQuote(text(get(&t, "key"))) + ", Value:" + goQuote(text(get(&t, "value"))) +
           ", Effect:" + goQuote(text(get(&t, "effect"))) + ", TimeAdded:(*v1.Time)(" +
           (present(get(&t, "timeAdded")) ? "..." : "nil") + ")}";
}

void validateNodeTaints(Context& ctx, const Value* taints, const FieldPath& path) {
    std::map<std::string, std::set<std::string>> unique;  // effect -> keys
    const auto& list = items(taints);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value& t = list[i];
        if (notAnObject(t)) continue;
        FieldPath p = path.index(i);
        const Value* key = get(&t, "key");
        validateLabelName(ctx, markOr(key, t.mark()), text(key), p.child("key"));
        const Value* value = get(&t, "value");
        auto errs = isValidLabelValue(text(value));
        if (!errs.empty()) {
            std::string joined;
            for (std::size_t j = 0; j < errs.size(); ++j) joined += (j ? ";" : "") + errs[j];
            ctx.invalidString(markOr(value, t.mark()), p.child("value"), text(value), joined);
        }
        validateTaintEffect(ctx, get(&t, "effect"), p.child("effect"), t.mark(), false);
        std::string effect = text(get(&t, "effect"));
        if (unique[effect].count(text(key))) {
            ctx.duplicate(t.mark(), p, renderTaint(t), "taints must be unique by key and effect pair");
            continue;
        }
        unique[effect].insert(text(key));
    }
}

}  // namespace

void validateNode(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, false, NameRule::DNSSubdomain);
    const Value* spec = get(&object, "spec");
    // NOTE: upstream passes metadata's path here and prints "metadata.taints[i]"; the taints live
    // in spec, so KubeStage prints "spec.taints[i]" to point the learner at the right place.
    validateNodeTaints(ctx, get(spec, "taints"), FieldPath("spec").child("taints"));
    const Value* status = get(&object, "status");
    for (const char* list : {"capacity", "allocatable"})
        for (const auto& f : fields(get(status, list)))
            validateResourceQuantityValue(ctx, f.key, &f.val, FieldPath("status").child(list).child(f.key));
    const auto& cidrs = items(get(spec, "podCIDRs"));
    FieldPath cidrPath = FieldPath("spec").child("podCIDRs");
    for (std::size_t i = 0; i < cidrs.size(); ++i)
        for (const auto& msg : isValidCIDR(text(&cidrs[i])))
            ctx.invalidString(cidrs[i].mark(), cidrPath.index(i), text(&cidrs[i]), msg);
    if (cidrs.size() > 1) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < cidrs.size(); ++i)
            if (!seen.insert(text(&cidrs[i])).second)
                ctx.duplicate(cidrs[i].mark(), cidrPath.index(i), goQuote(text(&cidrs[i])));
    }
}

}  // namespace ks::api::validation
