// Affinity, node selectors, tolerations, taint effects and topology spread constraints.
// Mirrors the corresponding functions of k8s.io/kubernetes/pkg/apis/core/validation/validation.go
// (v1.31): ValidateNodeSelector, ValidateNodeSelectorRequirement, ValidateNodeFieldSelectorRequirement,
// ValidatePreferredSchedulingTerms, validatePodAffinityTerm, ValidateTolerations, validateTaintEffect,
// validateTopologySpreadConstraints.
#include <set>

#include "core/api/names.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

const std::vector<std::string> kTaintEffects = {"NoSchedule", "PreferNoSchedule", "NoExecute"};

// content.IsDecimalInteger: an optional minus sign, digits, no leading zeros.
bool isDecimalInteger(const std::string& s) {
    std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
    if (i == s.size()) return false;
    if (s[i] == '0' && s.size() > i + 1) return false;
    if (s == "-0") return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

bool isInteger(const std::string& s) {
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    if (i == s.size()) return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

void validateNodeSelectorRequirement(Context& ctx, const Value& rq, const FieldPath& path, bool allowInvalidLabelValue) {
    const Value* op = get(&rq, "operator");
    const Value* values = get(&rq, "values");
    const auto& vals = items(values);
    std::string o = text(op);
    Mark anchor = rq.mark();
    if (o == "In" || o == "NotIn") {
        if (vals.empty())
            ctx.required(markOr(values, anchor), path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
    } else if (o == "Exists" || o == "DoesNotExist") {
        if (!vals.empty())
            ctx.forbidden(markOr(values, anchor), path.child("values"),
                          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    } else if (o == "Gt" || o == "Lt") {
        if (vals.size() != 1)
            ctx.required(markOr(values, anchor), path.child("values"),
                         "must be specified single value when `operator` is 'Lt' or 'Gt'");
    } else {
        ctx.invalidString(markOr(op, anchor), path.child("operator"), o, "not a valid selector operator");
    }
    const Value* key = get(&rq, "key");
    validateLabelName(ctx, markOr(key, anchor), text(key), path.child("key"));
    if (!allowInvalidLabelValue)
        for (std::size_t i = 0; i < vals.size(); ++i)
            for (const auto& msg : isValidLabelValue(text(&vals[i])))
                ctx.invalidString(vals[i].mark(), path.child("values").index(i), text(&vals[i]), msg);
    // NOTE: upstream accepts any single value for Gt/Lt and only fails when matching; a value that
    // is not an integer is worth a warning because such a term can never match a node.
    if ((o == "Gt" || o == "Lt") && vals.size() == 1 && !isInteger(text(&vals[0])))
        ctx.warning(vals[0].mark(), path.child("values").index(0),
                    goQuote(text(&vals[0])) + " is not an integer, so `operator` '" + o + "' never matches");
}

void validateNodeFieldSelectorRequirement(Context& ctx, const Value& rq, const FieldPath& path) {
    const Value* op = get(&rq, "operator");
    const Value* values = get(&rq, "values");
    const auto& vals = items(values);
    std::string o = text(op);
    if (o == "In" || o == "NotIn") {
        if (vals.size() != 1)
            ctx.required(markOr(values, rq.mark()), path.child("values"),
                         "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
    } else {
        ctx.invalidString(markOr(op, rq.mark()), path.child("operator"), o, "not a valid selector operator");
    }
    const Value* key = get(&rq, "key");
    std::string k = text(key);
    if (k != "metadata.name") {
        ctx.invalidString(markOr(key, rq.mark()), path.child("key"), k, "not a valid field selector key");
    } else {
        for (std::size_t i = 0; i < vals.size(); ++i)
            for (const auto& msg : isDNS1123Subdomain(text(&vals[i])))
                ctx.invalidString(vals[i].mark(), path.child("values").index(i), text(&vals[i]), msg);
    }
}

void validateLabelKeys(Context& ctx, const Value* keys, const Value* selector, const FieldPath& path) {
    const auto& list = items(keys);
    if (list.empty()) return;
    if (!present(selector)) {
        ctx.forbidden(keys->mark(), path, "must not be specified when labelSelector is not set");
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) validateLabelName(ctx, list[i].mark(), text(&list[i]), path.index(i));
}

void validatePodAffinityTerm(Context& ctx, const Value& term, const FieldPath& path) {
    const Value* selector = get(&term, "labelSelector");
    validateLabelSelector(ctx, selector, path.child("labelSelector"));
    validateLabelSelector(ctx, get(&term, "namespaceSelector"), path.child("namespaceSelector"));
    // NOTE: upstream reports namespaces at "namespace", singular and without index.
    for (const auto& ns : items(get(&term, "namespaces")))
        for (const auto& msg : isDNS1123Label(text(&ns)))
            ctx.invalidString(ns.mark(), path.child("namespace"), text(&ns), msg);
    const Value* matchKeys = get(&term, "matchLabelKeys");
    const Value* mismatchKeys = get(&term, "mismatchLabelKeys");
    validateLabelKeys(ctx, matchKeys, selector, path.child("matchLabelKeys"));
    validateLabelKeys(ctx, mismatchKeys, selector, path.child("mismatchLabelKeys"));
    std::set<std::string> mismatch;
    for (const auto& k : items(mismatchKeys)) mismatch.insert(text(&k));
    const auto& mk = items(matchKeys);
    for (std::size_t i = 0; i < mk.size(); ++i)
        if (mismatch.count(text(&mk[i])))
            ctx.invalidString(mk[i].mark(), path.child("matchLabelKeys").index(i), text(&mk[i]),
                              "exists in both matchLabelKeys and mismatchLabelKeys");
    const Value* topologyKey = get(&term, "topologyKey");
    std::string tk = text(topologyKey);
    if (tk.empty()) ctx.required(markOr(topologyKey, term.mark()), path.child("topologyKey"), "can not be empty");
    validateLabelName(ctx, markOr(topologyKey, term.mark()), tk, path.child("topologyKey"));
}

void validateWeight(Context& ctx, const Value& term, const FieldPath& path) {
    const Value* weight = get(&term, "weight");
    auto w = intValue(weight);
    if (weight && weight->isScalar() && !w) return;  // a type error, reported by the schema pass
    std::int64_t value = w.value_or(0);
    if (value <= 0 || value > 100)
        ctx.invalidInt(markOr(weight, term.mark()), path.child("weight"), value, "must be in the range 1-100");
}

void validatePodAffinity(Context& ctx, const Value* affinity, const FieldPath& path) {
    const auto& required = items(get(affinity, "requiredDuringSchedulingIgnoredDuringExecution"));
    for (std::size_t i = 0; i < required.size(); ++i)
        if (!notAnObject(required[i])) validatePodAffinityTerm(ctx, required[i], path.child("requiredDuringSchedulingIgnoredDuringExecution").index(i));
    const auto& preferred = items(get(affinity, "preferredDuringSchedulingIgnoredDuringExecution"));
    for (std::size_t i = 0; i < preferred.size(); ++i) {
        if (notAnObject(preferred[i])) continue;
        FieldPath p = path.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
        validateWeight(ctx, preferred[i], p);
        const Value* term = get(&preferred[i], "podAffinityTerm");
        validatePodAffinityTerm(ctx, term && term->isMapping() ? *term : Value::mapping(preferred[i].mark()),
                                p.child("podAffinityTerm"));
    }
}

}  // namespace

void validateNodeSelectorTerm(Context& ctx, const Value* term, const FieldPath& path, bool allowInvalidLabelValue) {
    const auto& exprs = items(get(term, "matchExpressions"));
    for (std::size_t j = 0; j < exprs.size(); ++j)
        if (!notAnObject(exprs[j])) validateNodeSelectorRequirement(ctx, exprs[j], path.child("matchExpressions").index(j), allowInvalidLabelValue);
    const auto& fieldsList = items(get(term, "matchFields"));
    for (std::size_t j = 0; j < fieldsList.size(); ++j)
        if (!notAnObject(fieldsList[j])) validateNodeFieldSelectorRequirement(ctx, fieldsList[j], path.child("matchFields").index(j));
}

void validateNodeSelector(Context& ctx, const Value* selector, const FieldPath& path, Mark anchor,
                          bool allowInvalidLabelValue) {
    const Value* terms = get(selector, "nodeSelectorTerms");
    FieldPath termsPath = path.child("nodeSelectorTerms");
    const auto& list = items(terms);
    if (mistyped(terms, true)) return;
    if (list.empty()) {
        ctx.required(markOr(terms, markOr(selector, anchor)), termsPath, "must have at least one node selector term");
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i)
        if (!notAnObject(list[i])) validateNodeSelectorTerm(ctx, &list[i], termsPath.index(i), allowInvalidLabelValue);
}

void validateAffinity(Context& ctx, const Value* affinity, const FieldPath& path) {
    if (!present(affinity)) return;
    if (const Value* na = get(affinity, "nodeAffinity"); present(na)) {
        FieldPath p = path.child("nodeAffinity");
        const Value* required = get(na, "requiredDuringSchedulingIgnoredDuringExecution");
        if (present(required))
            validateNodeSelector(ctx, required, p.child("requiredDuringSchedulingIgnoredDuringExecution"), na->mark(),
                                 false);
        const auto& preferred = items(get(na, "preferredDuringSchedulingIgnoredDuringExecution"));
        for (std::size_t i = 0; i < preferred.size(); ++i) {
            if (notAnObject(preferred[i])) continue;
            FieldPath tp = p.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
            validateWeight(ctx, preferred[i], tp);
            // Preferred terms always allow invalid label values (they can still match one node).
            validateNodeSelectorTerm(ctx, get(&preferred[i], "preference"), tp.child("preference"), true);
        }
    }
    if (const Value* pa = get(affinity, "podAffinity"); present(pa)) validatePodAffinity(ctx, pa, path.child("podAffinity"));
    if (const Value* paa = get(affinity, "podAntiAffinity"); present(paa))
        validatePodAffinity(ctx, paa, path.child("podAntiAffinity"));
}

void validateTaintEffect(Context& ctx, const Value* effect, const FieldPath& path, Mark anchor, bool allowEmpty) {
    std::string e = text(effect);
    if (!allowEmpty && e.empty()) {
        ctx.required(markOr(effect, anchor), path);
        return;
    }
    if (e != "NoSchedule" && e != "PreferNoSchedule" && e != "NoExecute")
        ctx.notSupportedString(markOr(effect, anchor), path, e, kTaintEffects);
}

void validateTolerations(Context& ctx, const Value* tolerations, const FieldPath& path) {
    const auto& list = items(tolerations);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value& t = list[i];
        if (notAnObject(t)) continue;
        FieldPath p = path.index(i);
        const Value* key = get(&t, "key");
        const Value* op = get(&t, "operator");
        const Value* value = get(&t, "value");
        const Value* effect = get(&t, "effect");
        const Value* seconds = get(&t, "tolerationSeconds");
        std::string k = text(key), o = text(op), v = text(value), e = text(effect);
        if (!k.empty()) validateLabelName(ctx, markOr(key, t.mark()), k, p.child("key"));
        if (k.empty() && o != "Exists")
            ctx.invalidString(markOr(op, t.mark()), p.child("operator"), o,
                              "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
        if (present(seconds) && e != "NoExecute")
            ctx.invalidString(markOr(effect, markOr(seconds, t.mark())), p.child("effect"), e,
                              "effect must be 'NoExecute' when `tolerationSeconds` is set");
        if (o.empty() || o == "Equal") {
            auto errs = isValidLabelValue(v);
            if (!errs.empty()) {
                std::string joined;
                for (std::size_t j = 0; j < errs.size(); ++j) joined += (j ? ";" : "") + errs[j];
                ctx.invalidString(markOr(value, t.mark()), p.child("operator"), v, joined);
            }
        } else if (o == "Exists") {
            if (!v.empty())
                ctx.invalidString(markOr(value, t.mark()), p.child("operator"), v,
                                  "value must be empty when `operator` is 'Exists'");
        } else if (o == "Lt" || o == "Gt") {
            // NOTE: numeric toleration operators (TaintTolerationComparisonOperators, alpha in
            // v1.35) are accepted as if the feature were on: real manifests already use them.
            if (!isDecimalInteger(v))
                ctx.invalidString(markOr(value, t.mark()), p.child("value"), v,
                                  "value must be a valid integer for numeric operators");
        } else {
            ctx.notSupportedString(markOr(op, t.mark()), p.child("operator"), o, {"Equal", "Exists", "Lt", "Gt"});
        }
        if (!e.empty()) validateTaintEffect(ctx, effect, p.child("effect"), t.mark(), true);
    }
}

void validateTopologySpreadConstraints(Context& ctx, const Value* constraints, const FieldPath& path) {
    const auto& list = items(constraints);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Value& c = list[i];
        if (notAnObject(c)) continue;
        FieldPath p = path.index(i);
        const Value* maxSkew = get(&c, "maxSkew");
        auto skew = intValue(maxSkew);
        if (!(maxSkew && maxSkew->isScalar() && !skew) && skew.value_or(0) <= 0)
            ctx.invalidInt(markOr(maxSkew, c.mark()), p.child("maxSkew"), skew.value_or(0), "must be greater than zero");
        const Value* topologyKey = get(&c, "topologyKey");
        std::string tk = text(topologyKey);
        if (tk.empty()) ctx.required(markOr(topologyKey, c.mark()), p.child("topologyKey"), "can not be empty");
        const Value* when = get(&c, "whenUnsatisfiable");
        std::string w = text(when);
        if (w != "DoNotSchedule" && w != "ScheduleAnyway")
            ctx.notSupportedString(markOr(when, c.mark()), p.child("whenUnsatisfiable"), w,
                                   {"DoNotSchedule", "ScheduleAnyway"});
        for (std::size_t j = i + 1; j < list.size(); ++j) {
            if (text(get(&list[j], "topologyKey")) == tk && text(get(&list[j], "whenUnsatisfiable")) == w) {
                ctx.duplicate(c.mark(), p.child("{topologyKey, whenUnsatisfiable}"), goQuote("{" + tk + ", " + w + "}"));
                break;
            }
        }
        if (const Value* minDomains = get(&c, "minDomains"); present(minDomains)) {
            auto md = intValue(minDomains);
            if (md && *md <= 0) ctx.invalidInt(minDomains->mark(), p.child("minDomains"), *md, "must be greater than zero");
            if (md && w != "DoNotSchedule")
                ctx.invalidInt(minDomains->mark(), p.child("minDomains"), *md,
                               "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + w);
        }
        for (const char* policy : {"nodeAffinityPolicy", "nodeTaintsPolicy"}) {
            const Value* v = get(&c, policy);
            if (present(v) && text(v) != "Honor" && text(v) != "Ignore")
                ctx.notSupportedString(v->mark(), p.child(policy), text(v), {"Honor", "Ignore"});
        }
        const Value* selector = get(&c, "labelSelector");
        const Value* matchKeys = get(&c, "matchLabelKeys");
        if (!items(matchKeys).empty()) {
            FieldPath kp = p.child("matchLabelKeys");
            std::set<std::string> selectorKeys;
            if (present(selector)) {
                for (const auto& f : fields(get(selector, "matchLabels"))) selectorKeys.insert(f.key);
                for (const auto& e : items(get(selector, "matchExpressions"))) selectorKeys.insert(text(get(&e, "key")));
            } else {
                ctx.forbidden(matchKeys->mark(), kp, "must not be specified when labelSelector is not set");
            }
            const auto& keys = items(matchKeys);
            for (std::size_t j = 0; j < keys.size(); ++j) {
                validateLabelName(ctx, keys[j].mark(), text(&keys[j]), kp.index(j));
                if (selectorKeys.count(text(&keys[j])))
                    ctx.invalidString(keys[j].mark(), kp.index(j), text(&keys[j]),
                                      "exists in both matchLabelKeys and labelSelector");
            }
        }
        validateLabelSelector(ctx, selector, p.child("labelSelector"));
    }
}

}  // namespace ks::api::validation
