#include "core/store/field_selector.h"

#include <algorithm>
#include <array>

#include "core/store/object_meta.h"

namespace ks::store {

namespace {

struct KindFields {
    std::string_view kind;
    std::vector<std::string_view> fields;  // besides metadata.name / metadata.namespace
};

// Kinds whose registries declare their own selectable fields (v1.31). Other kinds get
// DefaultMetaV1FieldSelectorConversion: metadata.name and metadata.namespace only.
const std::vector<KindFields>& kindFields() {
    static const std::vector<KindFields> table = {
        {"Pod",
         {"spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
          "status.phase", "status.podIP", "status.nominatedNodeName"}},
        {"Node", {"spec.unschedulable"}},
        {"Namespace", {"status.phase"}},
        {"Event",
         {"involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
          "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
          "reportingComponent", "source", "type"}},
        {"Secret", {"type"}},
        {"ReplicationController", {"status.replicas"}},
        {"ReplicaSet", {"status.replicas"}},
        {"Job", {"status.successful"}},
    };
    return table;
}

const KindFields* findKindFields(const std::string& kind) {
    for (const auto& k : kindFields())
        if (k.kind == kind) return &k;
    return nullptr;
}

std::vector<std::string> splitTerms(std::string_view s) {
    std::vector<std::string> terms;
    if (s.empty()) return terms;
    std::size_t start = 0;
    bool inSlash = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (inSlash) {
            inSlash = false;
        } else if (c == '\\') {
            inSlash = true;
        } else if (c == ',') {
            terms.emplace_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    terms.emplace_back(s.substr(start));
    return terms;
}

// The first operator occurrence splits the term; at one position "!=" and "==" win over "=".
bool splitTerm(const std::string& term, std::string& lhs, std::string& op, std::string& rhs) {
    static const std::array<std::string_view, 3> kOps = {"!=", "==", "="};
    for (std::size_t i = 0; i < term.size(); ++i) {
        std::string_view rest = std::string_view(term).substr(i);
        for (auto o : kOps) {
            if (rest.substr(0, o.size()) == o) {
                lhs = term.substr(0, i);
                op = std::string(o);
                rhs = term.substr(i + o.size());
                return true;
            }
        }
    }
    return false;
}

Result<std::string> unescapeValue(const std::string& s) {
    if (s.find_first_of("\\,=") == std::string::npos) return {{}, s};
    std::string out;
    bool inSlash = false;
    for (char c : s) {
        if (inSlash) {
            if (c == '\\' || c == ',' || c == '=') {
                out += c;
            } else {
                return {badRequest(std::string("invalid field selector: invalid escape sequence: \\") + c), {}};
            }
            inSlash = false;
            continue;
        }
        if (c == '\\') {
            inSlash = true;
        } else if (c == ',' || c == '=') {
            // Go prints the rune with %v: its code point.
            return {badRequest("invalid field selector: unescaped character in value: " + std::to_string(int(c))), {}};
        } else {
            out += c;
        }
    }
    if (inSlash) return {badRequest("invalid field selector: invalid escape sequence: \\"), {}};
    return {{}, out};
}

std::string boolField(const api::Value& object, std::string_view path) {
    const api::Value* v = object.at(path);
    if (v)
        if (auto b = v->toBool()) return *b ? "true" : "false";
    return "false";
}

std::string intField(const api::Value& object, std::string_view path) {
    const api::Value* v = object.at(path);
    if (v)
        if (auto i = v->toInt()) return std::to_string(*i);
    return "0";
}

}  // namespace

Result<FieldSelector> FieldSelector::parse(std::string_view text) {
    FieldSelector sel;
    std::vector<std::string> parts = splitTerms(text);
    std::sort(parts.begin(), parts.end());  // upstream sorts terms: the order of String()
    for (const auto& part : parts) {
        if (part.empty()) continue;
        std::string lhs, op, rhs;
        if (!splitTerm(part, lhs, op, rhs))
            return {badRequest("invalid selector: '" + std::string(text) + "'; can't understand '" + part + "'"), {}};
        auto value = unescapeValue(rhs);
        if (!value.ok()) return {value.status, {}};
        sel.m_requirements.push_back({lhs, op != "!=", value.value});
    }
    return {{}, std::move(sel)};
}

std::optional<std::string> FieldSelector::exactValue(std::string_view field) const {
    for (const auto& r : m_requirements)
        if (r.equals && r.field == field) return r.value;
    return std::nullopt;
}

Status FieldSelector::checkSupported(const std::string& kind) const {
    const KindFields* own = findKindFields(kind);
    for (const auto& r : m_requirements) {
        if (r.field == "metadata.name" || r.field == "metadata.namespace") continue;
        if (own) {
            if (std::find(own->fields.begin(), own->fields.end(), r.field) == own->fields.end())
                return badRequest("field label not supported: " + r.field);
        } else {
            return badRequest(goQuote(r.field) + " is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
        }
    }
    return {};
}

bool FieldSelector::matches(const std::string& kind, const api::Value& object) const {
    for (const auto& r : m_requirements) {
        bool eq = selectableFieldValue(kind, object, r.field) == r.value;
        if (eq != r.equals) return false;
    }
    return true;
}

std::string selectableFieldValue(const std::string& kind, const api::Value& object, const std::string& field) {
    if (field == "metadata.name") return metaString(object, "name");
    if (field == "metadata.namespace") return metaString(object, "namespace");
    if (kind == "Pod") {
        if (field == "spec.hostNetwork") return boolField(object, field);
        if (field == "status.podIP") {
            // The first of status.podIPs, as upstream reads it; status.podIP mirrors it.
            if (const api::Value* ips = object.at("status.podIPs"); ips && ips->isSequence() && ips->size() > 0)
                return stringAt(ips->items().front(), "ip");
            return stringAt(object, field);
        }
        return stringAt(object, field);
    }
    if (kind == "Node" && field == "spec.unschedulable") return boolField(object, field);
    if (kind == "Event" && field == "source") return stringAt(object, "source.component");
    if ((kind == "ReplicaSet" || kind == "ReplicationController") && field == "status.replicas")
        return intField(object, field);
    if (kind == "Job" && field == "status.successful") return intField(object, field);
    return stringAt(object, field);
}

}  // namespace ks::store
