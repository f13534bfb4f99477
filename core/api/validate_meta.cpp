// ObjectMeta, labels, annotations, label selectors and int-or-percent values.
// Mirrors k8s.io/apimachinery/pkg/api/validation/objectmeta.go,
// k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go and the finalizer and
// IntOrString helpers of pkg/apis/core/validation and pkg/apis/apps/validation (v1.31).
#include <algorithm>
#include <charconv>

#include "core/api/names.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

constexpr std::int64_t kTotalAnnotationSizeLimit = 256 * 1024;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool isStandardFinalizerName(const std::string& name) {
    return name == "kubernetes" || name == "orphan" || name == "foregroundDeletion";
}

void validateOwnerReferences(Context& ctx, const Value* refs, const FieldPath& path) {
    // NOTE: upstream reports these at metadata.ownerReferences.<field>, without the index.
    for (const auto& ref : items(refs)) {
        if (notAnObject(ref)) continue;
        Mark m = ref.mark();
        const Value* apiVersion = get(&ref, "apiVersion");
        std::string av = text(apiVersion);
        std::string version = av.substr(av.find('/') == std::string::npos ? 0 : av.find('/') + 1);
        if (version.empty())
            ctx.invalidString(markOr(apiVersion, m), path.child("apiVersion"), av, "version must not be empty");
        for (const char* f : {"kind", "name", "uid"}) {
            const Value* v = get(&ref, f);
            if (text(v).empty()) ctx.invalidString(markOr(v, m), path.child(f), text(v), "must not be empty");
        }
    }
}

void validateFinalizers(Context& ctx, const Value* finalizers, const FieldPath& path) {
    const auto& list = items(finalizers);
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string f = text(&list[i]);
        for (const auto& msg : isQualifiedName(f)) ctx.invalidString(list[i].mark(), path, f, msg);
    }
    // pkg/apis/core/validation adds the "standard or fully qualified" check per index.
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string f = text(&list[i]);
        if (f.find('/') == std::string::npos && !isStandardFinalizerName(f))
            ctx.invalidString(list[i].mark(), path.index(i), f,
                              "name is neither a standard finalizer name nor is it fully qualified");
    }
}

}  // namespace

void validateLabelName(Context& ctx, Mark mark, const std::string& key, const FieldPath& path) {
    for (const auto& msg : isQualifiedName(key)) ctx.invalidString(mark, path, key, msg);
}

void validateLabels(Context& ctx, const Value* labels, const FieldPath& path) {
    for (const auto& f : fields(labels)) {
        validateLabelName(ctx, f.keyMark.known() ? f.keyMark : f.val.mark(), f.key, path);
        std::string v = text(&f.val);
        for (const auto& msg : isValidLabelValue(v)) ctx.invalidString(f.val.mark(), path, v, msg);
    }
}

void validateAnnotations(Context& ctx, const Value* annotations, const FieldPath& path) {
    std::int64_t total = 0;
    for (const auto& f : fields(annotations)) {
        for (const auto& msg : isQualifiedName(lower(f.key)))
            ctx.invalidString(f.keyMark.known() ? f.keyMark : f.val.mark(), path, f.key, msg);
        total += static_cast<std::int64_t>(f.key.size() + text(&f.val).size());
    }
    if (total > kTotalAnnotationSizeLimit) ctx.tooLong(markOr(annotations, {}), path, kTotalAnnotationSizeLimit);
}

void validateLabelSelector(Context& ctx, const Value* selector, const FieldPath& path, bool allowInvalidValues) {
    if (!present(selector)) return;
    validateLabels(ctx, get(selector, "matchLabels"), path.child("matchLabels"));
    const auto& exprs = items(get(selector, "matchExpressions"));
    for (std::size_t i = 0; i < exprs.size(); ++i) {
        const Value& e = exprs[i];
        if (notAnObject(e)) continue;
        FieldPath p = path.child("matchExpressions").index(i);
        const Value* op = get(&e, "operator");
        const Value* values = get(&e, "values");
        std::string o = text(op);
        if (o == "In" || o == "NotIn") {
            if (items(values).empty())
                ctx.required(markOr(values, e.mark()), p.child("values"),
                             "must be specified when `operator` is 'In' or 'NotIn'");
        } else if (o == "Exists" || o == "DoesNotExist") {
            if (!items(values).empty())
                ctx.forbidden(markOr(values, e.mark()), p.child("values"),
                              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        } else {
            ctx.invalidString(markOr(op, e.mark()), p.child("operator"), o, "not a valid selector operator");
        }
        const Value* key = get(&e, "key");
        validateLabelName(ctx, markOr(key, e.mark()), text(key), p.child("key"));
        if (!allowInvalidValues) {
            const auto& vals = items(values);
            for (std::size_t j = 0; j < vals.size(); ++j)
                for (const auto& msg : isValidLabelValue(text(&vals[j])))
                    ctx.invalidString(vals[j].mark(), p.child("values").index(j), text(&vals[j]), msg);
        }
    }
}

std::optional<LabelSelector> selectorOf(const Value* v) {
    if (!v || !v->isMapping()) return std::nullopt;
    LabelSelector s;
    for (const auto& f : fields(get(v, "matchLabels"))) s.matchLabels[f.key] = text(&f.val);
    for (const auto& e : items(get(v, "matchExpressions"))) {
        if (notAnObject(e)) continue;
        LabelSelectorRequirement r;
        r.key = text(get(&e, "key"));
        r.op = text(get(&e, "operator"));
        for (const auto& val : items(get(&e, "values"))) r.values.push_back(text(&val));
        s.matchExpressions.push_back(std::move(r));
    }
    return s;
}

void validateNonnegative(Context& ctx, const Value* v, const FieldPath& path) {
    auto i = intValue(v);
    if (i && *i < 0) ctx.invalidInt(v->mark(), path, *i, "must be greater than or equal to 0");
}

void validateObjectMeta(Context& ctx, const Value& object, bool namespaced, NameRule rule) {
    const FieldPath metaPath("metadata");
    const Value* meta = get(&object, "metadata");
    if (mistyped(meta, false)) return;  // a decoding error
    Mark anchor = markOr(meta, object.mark());
    const Value* generateName = get(meta, "generateName");
    const Value* name = get(meta, "name");
    std::string gn = text(generateName);
    std::string n = text(name);
    if (!gn.empty())
        for (const auto& msg : validateName(rule, gn, true))
            ctx.invalidString(markOr(generateName, anchor), metaPath.child("generateName"), gn, msg);
    // On create the API server generates the name from generateName before validating.
    if (n.empty()) {
        if (gn.empty())
            ctx.required(markOr(name, anchor), metaPath.child("name"), "name or generateName is required");
    } else {
        for (const auto& msg : validateName(rule, n, false))
            ctx.invalidString(markOr(name, anchor), metaPath.child("name"), n, msg);
    }
    if (namespaced) {
        const Value* ns = get(meta, "namespace");
        std::string nsText = text(ns);
        if (nsText.empty())
            ctx.required(markOr(ns, anchor), metaPath.child("namespace"));
        else
            for (const auto& msg : isDNS1123Label(nsText))
                ctx.invalidString(markOr(ns, anchor), metaPath.child("namespace"), nsText, msg);
    }
    // NOTE: a namespace on a cluster-scoped object is cleared by the API server before
    // validation (rest.BeforeCreate), so it is not an error here.
    validateNonnegative(ctx, get(meta, "generation"), metaPath.child("generation"));
    validateLabels(ctx, get(meta, "labels"), metaPath.child("labels"));
    validateAnnotations(ctx, get(meta, "annotations"), metaPath.child("annotations"));
    validateOwnerReferences(ctx, get(meta, "ownerReferences"), metaPath.child("ownerReferences"));
    validateFinalizers(ctx, get(meta, "finalizers"), metaPath.child("finalizers"));
}

void validateGenericObject(Context& ctx, const Value& object, bool namespaced) {
    validateObjectMeta(ctx, object, namespaced, NameRule::PathSegment);
}

// ---- IntOrString ----

namespace {

bool isIntOrStringInt(const Value* v) { return v && v->isScalar() && intValue(v).has_value() && v->style() == Value::Style::Plain; }

std::optional<int> percentValue(const Value* v) {
    if (!v || !v->isScalar() || isIntOrStringInt(v)) return std::nullopt;
    std::string s = v->text();
    if (!isValidPercent(s).empty()) return std::nullopt;
    int value = 0;
    std::from_chars(s.data(), s.data() + s.size() - 1, value);
    return value;
}

}  // namespace

std::string renderIntOrString(const Value* v) {
    if (isIntOrStringInt(v)) return std::to_string(*intValue(v));
    return text(v);  // *IntOrString is a Stringer: printed without quotes
}

int intOrPercentValue(const Value* v) {
    if (auto p = percentValue(v)) return *p;
    if (isIntOrStringInt(v)) return static_cast<int>(*intValue(v));
    // IntValue() of a string is strconv.Atoi, 0 on failure.
    std::string s = text(v);
    int value = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && ptr == s.data() + s.size() ? value : 0;
}

void validatePositiveIntOrPercent(Context& ctx, const Value* v, const FieldPath& path) {
    if (!present(v) || !v->isScalar()) return;
    if (!isIntOrStringInt(v) && !v->isString()) return;  // bool or fraction: a decoding error
    if (isIntOrStringInt(v)) {
        validateNonnegative(ctx, v, path);
        return;
    }
    for (const auto& msg : isValidPercent(v->text())) ctx.invalid(v->mark(), path, renderIntOrString(v), msg);
}

void validateNotMoreThan100Percent(Context& ctx, const Value* v, const FieldPath& path) {
    auto p = percentValue(v);
    if (!p || *p <= 100) return;
    ctx.invalid(v->mark(), path, renderIntOrString(v), "must not be greater than 100%");
}

}  // namespace ks::api::validation
