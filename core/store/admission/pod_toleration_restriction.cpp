#include "core/store/admission/pod_toleration_restriction.h"

#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

#include "core/store/api_store.h"
#include "core/store/object_meta.h"
#include "core/store/strategy.h"

namespace ks::store::admission {

namespace {

using tolerations::Toleration;

constexpr const char* kTaintNodeMemoryPressure = "node.kubernetes.io/memory-pressure";
constexpr const char* kWhitelistConflict =
    "pod tolerations (possibly merged with namespace default tolerations) conflict with its ";

// Namespaces kube-apiserver creates at start-up (the system namespaces controller).
bool isSystemNamespace(const std::string& ns) {
    return ns == "default" || ns == "kube-system" || ns == "kube-public" || ns == "kube-node-lease";
}

// A plain Go error: the API server answers 500 with the error's text as the message.
Status plainError(std::string message) { return Status{Code::InternalError, std::move(message)}; }

bool iequals(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string jsonKind(const nlohmann::json& j) {
    if (j.is_object()) return "object";
    if (j.is_array()) return "array";
    if (j.is_string()) return "string";
    if (j.is_boolean()) return "bool";
    if (j.is_number()) return "number";
    return "null";
}

// encoding/json's syntax errors for the inputs people actually mistype.
std::string syntaxError(const std::string& text, std::size_t byte) {
    if (byte >= text.size()) return "unexpected end of JSON input";
    std::string c(1, text[byte]);
    return "invalid character '" + c + "' looking for beginning of value";
}

}  // namespace

std::optional<std::vector<Toleration>> parseTolerationsAnnotation(const std::string& text, std::string& error) {
    error.clear();
    if (text.empty()) return std::vector<Toleration>{};
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann counts the byte after the offending one; Go names the offending character.
        error = syntaxError(text, e.byte > 0 ? e.byte - 1 : 0);
        return std::nullopt;
    }
    std::vector<Toleration> out;
    if (doc.is_null()) return out;  // "null" unmarshals to a nil slice
    if (!doc.is_array()) {
        error = "json: cannot unmarshal " + jsonKind(doc) + " into Go value of type []v1.Toleration";
        return std::nullopt;
    }
    // Go matches field names case-insensitively, preferring an exact match.
    static const std::array<const char*, 5> kFields = {"key", "operator", "value", "effect", "tolerationSeconds"};
    for (const auto& item : doc) {
        Toleration t;
        if (item.is_null()) {
            out.push_back(t);
            continue;
        }
        if (!item.is_object()) {
            error = "json: cannot unmarshal " + jsonKind(item) + " into Go value of type v1.Toleration";
            return std::nullopt;
        }
        for (const auto& [name, val] : item.items()) {
            const char* field = nullptr;
            for (const char* f : kFields)
                if (name == f) field = f;
            for (const char* f : kFields)
                if (!field && iequals(name, f)) field = f;
            if (!field || val.is_null()) continue;  // unknown fields are ignored; null leaves the zero value
            std::string fieldName = field;
            if (fieldName == "tolerationSeconds") {
                if (!val.is_number_integer()) {
                    std::string what = jsonKind(val);
                    if (val.is_number()) what += " " + val.dump();
                    error = "json: cannot unmarshal " + what + " into Go struct field Toleration.tolerationSeconds of type int64";
                    return std::nullopt;
                }
                t.tolerationSeconds = val.get<std::int64_t>();
                continue;
            }
            if (!val.is_string()) {
                error = "json: cannot unmarshal " + jsonKind(val) + " into Go struct field Toleration." + fieldName +
                        " of type string";
                return std::nullopt;
            }
            std::string s = val.get<std::string>();
            if (fieldName == "key") t.key = s;
            else if (fieldName == "operator") t.op = s;
            else if (fieldName == "value") t.value = s;
            else t.effect = s;
        }
        out.push_back(std::move(t));
    }
    return out;
}

namespace {

struct NamespaceLookup {
    Status status;
    ObjectPtr ns;  // null for a system namespace that is not stored
};

NamespaceLookup findNamespace(const AdmissionAttributes& a) {
    if (ObjectPtr ns = a.store ? a.store->find({"Namespace", "", a.namespace_}) : nullptr) return {{}, ns};
    if (isSystemNamespace(a.namespace_)) return {};
    return {notFound("namespaces", a.namespace_), nullptr};
}

// extractNSTolerations: nullopt when the namespace does not set the annotation.
std::optional<std::vector<Toleration>> namespaceTolerations(const ObjectPtr& ns, const char* key, Status& status) {
    if (!ns) return std::nullopt;
    const Value* v = ns->at("metadata.annotations");
    const Value* text = v && v->isMapping() ? v->get(key) : nullptr;
    if (!text) return std::nullopt;
    std::string error;
    auto list = parseTolerationsAnnotation(text->isScalar() ? text->text() : std::string(), error);
    if (!error.empty()) status = plainError(error);
    return list;
}

std::vector<Toleration> podTolerations(const Value& pod) {
    std::vector<Toleration> out;
    if (const Value* list = pod.at("spec.tolerations"); list && list->isSequence())
        for (const auto& item : list->items()) out.push_back(tolerations::fromValue(item));
    return out;
}

bool ignored(const AdmissionAttributes& a) {
    return a.resource != "pods" || !a.subresource.empty() || !a.object ||
           (a.operation != Operation::Create && a.operation != Operation::Update);
}

}  // namespace

Status PodTolerationRestriction::admit(AdmissionAttributes& a) {
    if (ignored(a)) return {};
    Value& pod = *a.object;
    std::vector<Toleration> extra;
    if (a.operation == Operation::Create) {
        NamespaceLookup lookup = findNamespace(a);
        if (!lookup.status.ok()) return lookup.status;
        Status status;
        auto defaults = namespaceTolerations(lookup.ns, kNsDefaultTolerations, status);
        if (!status.ok()) return status;
        // No annotation: the cluster's default tolerations.
        if (!defaults) defaults = m_config.defaultTolerations;
        if (defaults) extra = *defaults;
    }
    if (podQosClass(pod) != "BestEffort") {
        Toleration memoryPressure;
        memoryPressure.key = kTaintNodeMemoryPressure;
        memoryPressure.op = "Exists";
        memoryPressure.effect = "NoSchedule";
        extra.push_back(memoryPressure);
    }
    if (!extra.empty()) {
        Value list = Value::sequence();
        for (const auto& t : tolerations::merge(podTolerations(pod), extra)) list.push(tolerations::toValue(t));
        pod.child("spec").set("tolerations", std::move(list));
    }
    return validate(a);
}

Status PodTolerationRestriction::validate(const AdmissionAttributes& a) {
    if (ignored(a)) return {};
    std::vector<Toleration> list = podTolerations(*a.object);
    if (list.empty()) return {};
    NamespaceLookup lookup = findNamespace(a);
    if (!lookup.status.ok()) return lookup.status;
    Status status;
    auto whitelist = namespaceTolerations(lookup.ns, kNsTolerationsWhitelist, status);
    if (!status.ok()) return status;
    std::string scope = "namespace";
    if (!whitelist) {
        whitelist = m_config.whitelist;
        scope = "cluster";
    }
    if (whitelist && !whitelist->empty() && !tolerations::verifyAgainstWhitelist(list, *whitelist))
        return plainError(kWhitelistConflict + scope + " whitelist");
    return {};
}

}  // namespace ks::store::admission
