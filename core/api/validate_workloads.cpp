// Deployment, ReplicaSet, DaemonSet, StatefulSet, Job and CronJob.
// Mirrors k8s.io/kubernetes/pkg/apis/apps/validation/validation.go and
// pkg/apis/batch/validation/validation.go (v1.31). Pod templates go through the same pod-spec
// validator as pods, under spec.template (or spec.jobTemplate.spec.template).
#include <algorithm>

#include "core/api/names.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

bool isValidOperator(const std::string& op) {
    return op == "In" || op == "NotIn" || op == "Exists" || op == "DoesNotExist";
}

// Whether metav1.LabelSelectorAsSelector would fail on this selector.
bool selectorConversionFails(const Value* selector) {
    if (!present(selector)) return false;
    for (const auto& f : fields(get(selector, "matchLabels")))
        if (!isQualifiedName(f.key).empty() || !isValidLabelValue(text(&f.val)).empty()) return true;
    for (const auto& e : items(get(selector, "matchExpressions"))) {
        if (notAnObject(e)) continue;
        std::string op = text(get(&e, "operator"));
        const auto& values = items(get(&e, "values"));
        if (!isValidOperator(op)) return true;
        if ((op == "In" || op == "NotIn") && values.empty()) return true;
        if ((op == "Exists" || op == "DoesNotExist") && !values.empty()) return true;
        if (!isQualifiedName(text(get(&e, "key"))).empty()) return true;
        for (const auto& v : values)
            if (!isValidLabelValue(text(&v)).empty()) return true;
    }
    return false;
}

// *metav1.LabelSelector's generated String(), which field.Invalid prints.
std::string renderSelector(const Value* selector) {
    std::string labels = "map[string]string{";
    for (const auto& [k, v] : stringMap(get(selector, "matchLabels"))) labels += k + ": " + v + ",";
    labels += "}";
    std::string exprs = "[]LabelSelectorRequirement{";
    for (const auto& e : items(get(selector, "matchExpressions"))) {
        std::string values = "[";
        bool first = true;
        for (const auto& v : items(get(&e, "values"))) {
            if (!first) values += " ";
            first = false;
            values += text(&v);
        }
        values += "]";
        exprs += "LabelSelectorRequirement{Key:" + text(get(&e, "key")) + ",Operator:" + text(get(&e, "operator")) +
                 ",Values:" + values + ",},";
    }
    exprs += "}";
    return "&LabelSelector{MatchLabels:" + labels + ",MatchExpressions:" + exprs + ",}";
}

bool selectorEmpty(const Value* selector) {
    return fields(get(selector, "matchLabels")).empty() && items(get(selector, "matchExpressions")).empty();
}

// Go's %#v of an apps strategy struct whose RollingUpdate is a pointer.
std::string renderStrategy(const char* goType, const char* rollingType, const Value* strategy) {
    std::string rolling = present(get(strategy, "rollingUpdate")) ? "(...)" : "(nil)";
    return std::string("apps.") + goType + "{Type:" + goQuote(text(get(strategy, "type"))) + ", RollingUpdate:(*apps." +
           rollingType + ")" + rolling + "}";
}

// Selector, selector/template-label agreement and the template itself, as the apps
// validators (and Job with a manual selector) do them.
struct SelectorCheck {
    bool required = true;       // nil selector is "Required value"
    const char* emptyMessage;   // "empty selector is invalid for deployment"
    const char* conversionMessage = "invalid label selector";
};

// Returns false when the selector could not be converted (the template is then skipped upstream).
bool checkSelector(Context& ctx, const Value* spec, const FieldPath& specPath, Mark anchor, const SelectorCheck& check) {
    const Value* selector = get(spec, "selector");
    FieldPath selPath = specPath.child("selector");
    if (!present(selector)) {
        if (check.required) ctx.required(markOr(selector, anchor), selPath);
    } else {
        validateLabelSelector(ctx, selector, selPath);
        if (selectorEmpty(selector)) ctx.invalid(selector->mark(), selPath, renderSelector(selector), check.emptyMessage);
    }
    if (selectorConversionFails(selector)) {
        ctx.invalid(selector->mark(), selPath, renderSelector(selector), check.conversionMessage);
        return false;
    }
    return true;
}

// "selector does not match template labels". A nil selector selects nothing (labels.Nothing()),
// which is not Empty(), so it never matches; an empty one matches everything and is skipped.
void checkTemplateLabels(Context& ctx, const Value* spec, const FieldPath& specPath, Mark anchor) {
    const Value* selector = get(spec, "selector");
    if (present(selector) && selectorEmpty(selector)) return;
    const Value* tmpl = get(spec, "template");
    if (mistyped(tmpl, false)) return;
    const Value* labels = get(get(tmpl, "metadata"), "labels");
    auto labelMap = stringMap(labels);
    auto parsed = selectorOf(selector);
    bool matches = parsed && parsed->matches(labelMap);
    if (!matches)
        ctx.invalid(markOr(labels, markOr(selector, markOr(tmpl, anchor))),
                    specPath.child("template").child("metadata").child("labels"),
                    goStringMap(labelMap, !present(labels)), "`selector` does not match template `labels`");
}

void checkRestartPolicyAlways(Context& ctx, const Value* spec, const FieldPath& specPath, Mark anchor, const char* kind) {
    const Value* podSpec = get(get(spec, "template"), "spec");
    const Value* rp = get(podSpec, "restartPolicy");
    if (text(rp) != "Always")
        ctx.notSupportedString(markOr(rp, markOr(podSpec, anchor)),
                               specPath.child("template").child("spec").child("restartPolicy"), text(rp), {"Always"});
    if (const Value* ads = get(podSpec, "activeDeadlineSeconds"); present(ads))
        ctx.forbidden(ads->mark(), specPath.child("template").child("spec").child("activeDeadlineSeconds"),
                      std::string("activeDeadlineSeconds in ") + kind + " is not Supported");
}

void validateReplicaSetLikeTemplate(Context& ctx, const Value* spec, const FieldPath& specPath, Mark anchor,
                                    const char* kind) {
    checkTemplateLabels(ctx, spec, specPath, anchor);
    validatePodTemplateSpec(ctx, get(spec, "template"), specPath.child("template"), markOr(spec, anchor));
    checkRestartPolicyAlways(ctx, spec, specPath, anchor, kind);
}

void validateRollingUpdateDeployment(Context& ctx, const Value* ru, const FieldPath& path) {
    const Value* maxUnavailable = get(ru, "maxUnavailable");
    const Value* maxSurge = get(ru, "maxSurge");
    validatePositiveIntOrPercent(ctx, maxUnavailable, path.child("maxUnavailable"));
    validatePositiveIntOrPercent(ctx, maxSurge, path.child("maxSurge"));
    if (intOrPercentValue(maxUnavailable) == 0 && intOrPercentValue(maxSurge) == 0)
        ctx.invalid(markOr(maxUnavailable, ru->mark()), path.child("maxUnavailable"), renderIntOrString(maxUnavailable),
                    "may not be 0 when `maxSurge` is 0");
    validateNotMoreThan100Percent(ctx, maxUnavailable, path.child("maxUnavailable"));
}

void validateJobSpec(Context& ctx, const Value* spec, const FieldPath& path, Mark anchor) {
    for (const char* f : {"parallelism", "completions", "activeDeadlineSeconds", "backoffLimit",
                          "ttlSecondsAfterFinished"})
        validateNonnegative(ctx, get(spec, f), path.child(f));
    if (const Value* mode = get(spec, "completionMode"); present(mode)) {
        if (text(mode) != "NonIndexed" && text(mode) != "Indexed")
            ctx.notSupportedString(mode->mark(), path.child("completionMode"), text(mode), {"NonIndexed", "Indexed"});
        if (text(mode) == "Indexed" && !present(get(spec, "completions")))
            ctx.required(mode->mark(), path.child("completions"), "when completion mode is Indexed");
    }
    if (const Value* prp = get(spec, "podReplacementPolicy"); present(prp))
        if (text(prp) != "TerminatingOrFailed" && text(prp) != "Failed")
            ctx.notSupportedString(prp->mark(), path.child("podReplacementPolicy"), text(prp),
                                   {"Failed", "TerminatingOrFailed"});
    validatePodTemplateSpec(ctx, get(spec, "template"), path.child("template"), markOr(spec, anchor));
    const Value* podSpec = get(get(spec, "template"), "spec");
    const Value* rp = get(podSpec, "restartPolicy");
    if (text(rp) != "OnFailure" && text(rp) != "Never")
        ctx.notSupportedString(markOr(rp, markOr(podSpec, markOr(spec, anchor))),
                               path.child("template").child("spec").child("restartPolicy"), text(rp),
                               {"OnFailure", "Never"});
}

}  // namespace

void validateDeployment(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    Mark anchor = markOr(spec, object.mark());
    validateNonnegative(ctx, get(spec, "replicas"), path.child("replicas"));
    if (checkSelector(ctx, spec, path, anchor, {true, "empty selector is invalid for deployment"}))
        validateReplicaSetLikeTemplate(ctx, spec, path, anchor, "ReplicaSet");
    const Value* strategy = get(spec, "strategy");
    FieldPath sp = path.child("strategy");
    std::string type = text(get(strategy, "type"));
    if (type == "Recreate") {
        if (const Value* ru = get(strategy, "rollingUpdate"); present(ru))
            ctx.forbidden(ru->mark(), sp.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'");
    } else if (type == "RollingUpdate") {
        const Value* ru = get(strategy, "rollingUpdate");
        if (!present(ru))
            ctx.required(markOr(strategy, anchor), sp.child("rollingUpdate"), "this should be defaulted and never be nil");
        else
            validateRollingUpdateDeployment(ctx, ru, sp.child("rollingUpdate"));
    } else {
        ctx.notSupported(markOr(get(strategy, "type"), markOr(strategy, anchor)), sp,
                         renderStrategy("DeploymentStrategy", "RollingUpdateDeployment", strategy),
                         {"Recreate", "RollingUpdate"});
    }
    validateNonnegative(ctx, get(spec, "minReadySeconds"), path.child("minReadySeconds"));
    validateNonnegative(ctx, get(spec, "revisionHistoryLimit"), path.child("revisionHistoryLimit"));
    if (const Value* pds = get(spec, "progressDeadlineSeconds"); present(pds)) {
        validateNonnegative(ctx, pds, path.child("progressDeadlineSeconds"));
        auto deadline = intValue(pds);
        if (deadline && *deadline <= intValue(get(spec, "minReadySeconds")).value_or(0))
            ctx.invalidInt(pds->mark(), path.child("progressDeadlineSeconds"), *deadline,
                           "must be greater than minReadySeconds");
    }
}

void validateReplicaSet(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    Mark anchor = markOr(spec, object.mark());
    validateNonnegative(ctx, get(spec, "replicas"), path.child("replicas"));
    validateNonnegative(ctx, get(spec, "minReadySeconds"), path.child("minReadySeconds"));
    // NOTE: upstream's ReplicaSet message says "deployment" too.
    if (checkSelector(ctx, spec, path, anchor, {true, "empty selector is invalid for deployment"}))
        validateReplicaSetLikeTemplate(ctx, spec, path, anchor, "ReplicaSet");
}

void validateDaemonSet(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    Mark anchor = markOr(spec, object.mark());
    const Value* selector = get(spec, "selector");
    validateLabelSelector(ctx, selector, path.child("selector"));
    if (!selectorConversionFails(selector)) checkTemplateLabels(ctx, spec, path, anchor);
    if (present(selector) && selectorEmpty(selector))
        ctx.invalid(selector->mark(), path.child("selector"), renderSelector(selector),
                    "empty selector is invalid for daemonset");
    validatePodTemplateSpec(ctx, get(spec, "template"), path.child("template"), anchor);
    checkRestartPolicyAlways(ctx, spec, path, anchor, "DaemonSet");
    validateNonnegative(ctx, get(spec, "minReadySeconds"), path.child("minReadySeconds"));
    const Value* strategy = get(spec, "updateStrategy");
    FieldPath sp = path.child("updateStrategy");
    std::string type = text(get(strategy, "type"));
    if (type == "RollingUpdate") {
        const Value* ru = get(strategy, "rollingUpdate");
        if (!present(ru)) {
            ctx.required(markOr(strategy, anchor), sp.child("rollingUpdate"));
        } else {
            FieldPath rp = sp.child("rollingUpdate");
            const Value* maxUnavailable = get(ru, "maxUnavailable");
            const Value* maxSurge = get(ru, "maxSurge");
            validatePositiveIntOrPercent(ctx, maxUnavailable, rp.child("maxUnavailable"));
            validatePositiveIntOrPercent(ctx, maxSurge, rp.child("maxSurge"));
            validateNotMoreThan100Percent(ctx, maxUnavailable, rp.child("maxUnavailable"));
            validateNotMoreThan100Percent(ctx, maxSurge, rp.child("maxSurge"));
            bool hasUnavailable = intOrPercentValue(maxUnavailable) != 0;
            bool hasSurge = intOrPercentValue(maxSurge) != 0;
            if (hasUnavailable && hasSurge)
                ctx.invalid(markOr(maxSurge, ru->mark()), rp.child("maxSurge"), renderIntOrString(maxSurge),
                            "may not be set when maxUnavailable is non-zero");
            else if (!hasUnavailable && !hasSurge)
                ctx.required(markOr(maxUnavailable, ru->mark()), rp.child("maxUnavailable"), "cannot be 0 when maxSurge is 0");
        }
    } else if (type != "OnDelete") {
        ctx.notSupported(markOr(get(strategy, "type"), markOr(strategy, anchor)), sp,
                         renderStrategy("DaemonSetUpdateStrategy", "RollingUpdateDaemonSet", strategy),
                         {"RollingUpdate", "OnDelete"});
    }
    validateNonnegative(ctx, get(spec, "revisionHistoryLimit"), path.child("revisionHistoryLimit"));
}

void validateStatefulSet(Context& ctx, const Value& object) {
    // NOTE: StatefulSet names are DNS labels (they prefix pod host names), as current upstream checks.
    validateObjectMeta(ctx, object, true, NameRule::DNSLabel);
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    Mark anchor = markOr(spec, object.mark());
    const Value* pmp = get(spec, "podManagementPolicy");
    if (text(pmp).empty())
        ctx.required(markOr(pmp, anchor), path.child("podManagementPolicy"));
    else if (text(pmp) != "OrderedReady" && text(pmp) != "Parallel")
        ctx.invalidString(pmp->mark(), path.child("podManagementPolicy"), text(pmp), "must be 'OrderedReady' or 'Parallel'");
    const Value* strategy = get(spec, "updateStrategy");
    FieldPath sp = path.child("updateStrategy");
    std::string type = text(get(strategy, "type"));
    const Value* ru = get(strategy, "rollingUpdate");
    if (type.empty()) {
        ctx.required(markOr(strategy, anchor), sp);
    } else if (type == "OnDelete") {
        if (present(ru))
            ctx.invalid(ru->mark(), sp.child("rollingUpdate"), "&apps.RollingUpdateStatefulSetStrategy{...}",
                        "only allowed for updateStrategy 'RollingUpdate'");
    } else if (type == "RollingUpdate") {
        if (present(ru)) {
            FieldPath rp = sp.child("rollingUpdate");
            validateNonnegative(ctx, get(ru, "partition"), rp.child("partition"));
            if (const Value* mu = get(ru, "maxUnavailable"); present(mu)) {
                validatePositiveIntOrPercent(ctx, mu, rp.child("maxUnavailable"));
                if (intOrPercentValue(mu) == 0) ctx.invalid(mu->mark(), rp.child("maxUnavailable"), renderIntOrString(mu), "cannot be 0");
                validateNotMoreThan100Percent(ctx, mu, rp.child("maxUnavailable"));
            }
        }
    } else {
        ctx.invalid(markOr(get(strategy, "type"), anchor), sp,
                    renderStrategy("StatefulSetUpdateStrategy", "RollingUpdateStatefulSetStrategy", strategy),
                    "must be 'RollingUpdate' or 'OnDelete'");
    }
    if (const Value* policy = get(spec, "persistentVolumeClaimRetentionPolicy"); present(policy)) {
        for (const char* f : {"whenDeleted", "whenScaled"}) {
            const Value* v = get(policy, f);
            if (text(v) != "Retain" && text(v) != "Delete")
                ctx.notSupportedString(markOr(v, policy->mark()), path.child("persistentVolumeClaimRetentionPolicy").child(f),
                                       text(v), {"Retain", "Delete"});
        }
    }
    validateNonnegative(ctx, get(spec, "replicas"), path.child("replicas"));
    validateNonnegative(ctx, get(spec, "minReadySeconds"), path.child("minReadySeconds"));
    validateNonnegative(ctx, get(get(spec, "ordinals"), "start"), path.child("ordinals.start"));
    if (checkSelector(ctx, spec, path, anchor, {true, "empty selector is invalid for statefulset", ""})) {
        checkTemplateLabels(ctx, spec, path, anchor);
        // NOTE: upstream leaves the StatefulSet pod spec unvalidated because mounts may name
        // claim templates (a TODO in apps/validation); here those names count as volumes.
        PodSpecOptions options;
        for (const auto& claim : items(get(spec, "volumeClaimTemplates")))
            options.claimTemplateVolumes.push_back(text(get(get(&claim, "metadata"), "name")));
        validatePodTemplateSpec(ctx, get(spec, "template"), path.child("template"), anchor, options);
    }
    checkRestartPolicyAlways(ctx, spec, path, anchor, "StatefulSet");
}

void validateJob(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    Mark anchor = markOr(spec, object.mark());
    validateJobSpec(ctx, spec, path, anchor);
    // NOTE: without manualSelector the API server generates the selector (controller-uid) and
    // adds its labels to the template, so only a manual selector is checked here.
    if (boolValue(get(spec, "manualSelector")).value_or(false)) {
        if (checkSelector(ctx, spec, path, anchor, {true, "empty selector is invalid for job"}))
            checkTemplateLabels(ctx, spec, path, anchor);
    }
}

void validateCronJob(Context& ctx, const Value& object) {
    validateObjectMeta(ctx, object, true, NameRule::DNSSubdomain);
    const Value* name = get(get(&object, "metadata"), "name");
    // Job names get an 11-character suffix and must stay DNS-1035 labels.
    if (text(name).size() > 52)
        ctx.invalidString(name->mark(), FieldPath("metadata").child("name"), text(name), "must be no more than 52 characters");
    const FieldPath path("spec");
    const Value* spec = get(&object, "spec");
    Mark anchor = markOr(spec, object.mark());
    const Value* schedule = get(spec, "schedule");
    std::string s = text(schedule);
    const Value* timeZone = get(spec, "timeZone");
    if (s.empty()) {
        ctx.required(markOr(schedule, anchor), path.child("schedule"));
    } else {
        std::string err = cronScheduleError(s);
        if (!err.empty()) ctx.invalidString(schedule->mark(), path.child("schedule"), s, err);
        if (s.find("TZ") != std::string::npos)
            ctx.invalidString(schedule->mark(), path.child("schedule"), s,
                              "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
    }
    if (present(timeZone)) {
        std::string tz = text(timeZone);
        if (tz.empty())
            ctx.invalidString(timeZone->mark(), path.child("timeZone"), tz, "timeZone must be nil or non-empty string");
        else if (tz.size() == 5 && (tz[0] == 'L' || tz[0] == 'l') && std::equal(tz.begin() + 1, tz.end(), "ocal",
                                                                                     [](char a, char b) { return std::tolower(a) == b; }))
            ctx.invalidString(timeZone->mark(), path.child("timeZone"), tz,
                              "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
    }
    validateNonnegative(ctx, get(spec, "startingDeadlineSeconds"), path.child("startingDeadlineSeconds"));
    const Value* policy = get(spec, "concurrencyPolicy");
    std::string p = text(policy);
    if (p.empty())
        ctx.required(markOr(policy, anchor), path.child("concurrencyPolicy"));
    else if (p != "Allow" && p != "Forbid" && p != "Replace")
        ctx.notSupportedString(policy->mark(), path.child("concurrencyPolicy"), p, {"Allow", "Forbid", "Replace"});
    const Value* jobTemplate = get(spec, "jobTemplate");
    FieldPath jp = path.child("jobTemplate").child("spec");
    const Value* jobSpec = get(jobTemplate, "spec");
    validateJobSpec(ctx, jobSpec, jp, markOr(jobTemplate, anchor));
    if (const Value* sel = get(jobSpec, "selector"); present(sel))
        ctx.invalid(sel->mark(), jp.child("selector"), renderSelector(sel), "`selector` will be auto-generated");
    if (const Value* manual = get(jobSpec, "manualSelector"); boolValue(manual).value_or(false))
        ctx.notSupported(manual->mark(), jp.child("manualSelector"), "true", {"nil", "false"});
    validateNonnegative(ctx, get(spec, "successfulJobsHistoryLimit"), path.child("successfulJobsHistoryLimit"));
    validateNonnegative(ctx, get(spec, "failedJobsHistoryLimit"), path.child("failedJobsHistoryLimit"));
}

}  // namespace ks::api::validation
