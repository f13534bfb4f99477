// The strict decoding step that runs before validation upstream: a manifest is YAML turned into
// JSON (sigs.k8s.io/yaml) and decoded into Go structs (sigs.k8s.io/json, strict). Wrong types
// become encoding/json's UnmarshalTypeError ("json: cannot unmarshal string into Go struct field
// ContainerPort.spec.containers.ports.containerPort of type int32"), custom types report their
// own errors (resource.Quantity, intstr.IntOrString, metav1.Time), and fields the struct does not
// have become `unknown field "spec.containers[0].imagePullPolicyy"` errors.
#include <cmath>

#include "core/api/decode_internal.h"
#include "core/api/validate_schema.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

using T = FieldType;

// What encoding/json calls the JSON value that YAML node becomes.
std::string jsonKind(const Value& v, bool withNumberLiteral) {
    switch (v.kind()) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Sequence: return "array";
    case Value::Kind::Mapping: return "object";
    case Value::Kind::Scalar: break;
    }
    if (boolValue(&v)) return "bool";
    switch (v.scalarType()) {
    case Value::ScalarType::Int:
    case Value::ScalarType::Float: {
        if (!withNumberLiteral) return "number";
        if (auto i = intValue(&v)) return "number " + std::to_string(*i);
        return "number " + v.text();
    }
    default: return "string";
    }
}

std::string goTypeOf(const FieldSpec& f, bool element) {
    switch (f.type) {
    case T::String: return "string";
    case T::Int32: return "int32";
    case T::Int64: return "int64";
    case T::Bool: return "bool";
    case T::Float64: return "float64";
    case T::StringMap: return element ? "string" : "map[string]string";
    case T::Base64Map: return element ? "[]uint8" : "map[string][]uint8";
    case T::StringList: return element ? "string" : "[]string";
    case T::QuantityMap: return "v1.ResourceList";
    case T::Struct: return std::string(f.sub().goPkg) + "." + f.sub().goName;
    case T::StructList: return (element ? "" : "[]") + std::string(f.sub().goPkg) + "." + f.sub().goName;
    case T::Object: return f.goType;
    case T::ObjectList: {
        std::string t = f.goType;
        return element && t.rfind("[]", 0) == 0 ? t.substr(2) : t;
    }
    default: return "interface {}";
    }
}

// encoding/base64 StdEncoding.Decode, reduced to finding the CorruptInputError offset.
bool isBase64(const std::string& src, std::size_t& badAt) {
    auto valid = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    };
    auto newline = [](char c) { return c == '\n' || c == '\r'; };
    std::size_t si = 0;
    while (si < src.size()) {
        for (int j = 0; j < 4; ++j) {
            if (si == src.size()) {
                if (j == 0) return true;
                badAt = si - static_cast<std::size_t>(j);
                return false;
            }
            char in = src[si++];
            if (valid(in)) continue;
            if (newline(in)) {
                --j;
                continue;
            }
            if (in != '=' || j < 2) {
                badAt = si - 1;
                return false;
            }
            if (j == 2) {
                while (si < src.size() && newline(src[si])) ++si;
                if (si == src.size()) {
                    badAt = src.size();
                    return false;
                }
                if (src[si] != '=') {
                    badAt = si - 1;
                    return false;
                }
                ++si;
            }
            while (si < src.size() && newline(src[si])) ++si;
            if (si < src.size()) {
                badAt = si;
                return false;
            }
            return true;
        }
    }
    return true;
}

class Walker {
public:
    explicit Walker(Context& ctx) : m_ctx(ctx) {}

    void checkStruct(const Value& v, const StructSpec& spec, const FieldPath& path, const std::string& goPath) {
        for (const auto& f : v.fields()) {
            FieldPath p = path.child(f.key);
            const FieldSpec* fs = spec.find(f.key);
            if (!fs) {
                if (spec.strict)
                    m_ctx.errorNoPath(f.keyMark.known() ? f.keyMark : f.val.mark(),
                                      "unknown field " + goQuote(p.str()));
                continue;
            }
            checkField(f.val, *fs, spec, p, goPath.empty() ? f.key : goPath + "." + f.key);
        }
    }

private:
    void typeError(const Value& v, const FieldSpec& f, const StructSpec& parent, const FieldPath& path,
                   const std::string& goPath, bool element, bool numberLiteral) {
        m_ctx.error(v.mark(), path,
                    "json: cannot unmarshal " + jsonKind(v, numberLiteral) + " into Go struct field " + parent.goName +
                        "." + goPath + " of type " + goTypeOf(f, element));
    }

    bool isJsonString(const Value& v) { return v.isScalar() && v.isString() && !boolValue(&v); }

    void checkScalar(const Value& v, const FieldSpec& f, const StructSpec& parent, const FieldPath& path,
                     const std::string& goPath, T type, bool element) {
        if (v.isNull()) return;
        switch (type) {
        case T::String:
            if (!isJsonString(v)) typeError(v, f, parent, path, goPath, element, false);
            return;
        case T::Bool:
            if (!v.isScalar() || !boolValue(&v)) typeError(v, f, parent, path, goPath, element, false);
            return;
        case T::Int32:
        case T::Int64: {
            if (!v.isScalar() || boolValue(&v) || v.isString()) {
                typeError(v, f, parent, path, goPath, element, false);
                return;
            }
            auto i = intValue(&v);
            bool fits = i && (type == T::Int64 || (*i >= INT32_MIN && *i <= INT32_MAX));
            if (!fits) typeError(v, f, parent, path, goPath, element, true);
            return;
        }
        case T::Float64:
            if (!v.isScalar() || boolValue(&v) || v.isString()) typeError(v, f, parent, path, goPath, element, false);
            return;
        case T::Quantity: {
            std::string err;
            if (!v.isScalar()) {
                // Quantity.UnmarshalJSON parses the raw JSON text, which is never a quantity.
                Quantity::parse("[", &err);
                m_ctx.error(v.mark(), path, err);
                return;
            }
            if (!quantityValue(&v, &err)) m_ctx.error(v.mark(), path, err);
            return;
        }
        case T::IntOrString: {
            if (isJsonString(v)) return;
            if (!v.isScalar() || boolValue(&v)) {
                m_ctx.error(v.mark(), path, "json: cannot unmarshal " + jsonKind(v, false) + " into Go value of type int32");
                return;
            }
            auto i = intValue(&v);
            if (!i || *i < INT32_MIN || *i > INT32_MAX)
                m_ctx.error(v.mark(), path, "json: cannot unmarshal " + jsonKind(v, true) + " into Go value of type int32");
            return;
        }
        case T::Time:
        case T::MicroTime: {
            if (!isJsonString(v)) {
                m_ctx.error(v.mark(), path, "json: cannot unmarshal " + jsonKind(v, false) + " into Go value of type string");
                return;
            }
            std::string err;
            if (!parseRfc3339(v.text(), type == T::MicroTime, &err)) m_ctx.error(v.mark(), path, err);
            return;
        }
        default: return;
        }
    }

    void checkField(const Value& v, const FieldSpec& f, const StructSpec& parent, const FieldPath& path,
                    const std::string& goPath) {
        if (v.isNull()) return;
        switch (f.type) {
        case T::String:
        case T::Int32:
        case T::Int64:
        case T::Bool:
        case T::Float64:
        case T::Quantity:
        case T::IntOrString:
        case T::Time:
        case T::MicroTime: checkScalar(v, f, parent, path, goPath, f.type, false); return;
        case T::Any: return;
        case T::StringMap:
        case T::Base64Map:
        case T::QuantityMap: {
            if (!v.isMapping()) {
                typeError(v, f, parent, path, goPath, false, false);
                return;
            }
            for (const auto& entry : v.fields()) {
                FieldPath p = path.child(entry.key);
                if (f.type == T::QuantityMap) {
                    checkScalar(entry.val, f, parent, p, goPath, T::Quantity, true);
                } else if (!entry.val.isNull() && !isJsonString(entry.val)) {
                    typeError(entry.val, f, parent, p, goPath, true, false);
                } else if (f.type == T::Base64Map && entry.val.isScalar()) {
                    std::size_t badAt = 0;
                    if (!isBase64(entry.val.text(), badAt))
                        m_ctx.error(entry.val.mark(), p, "illegal base64 data at input byte " + std::to_string(badAt));
                }
            }
            return;
        }
        case T::StringList: {
            if (!v.isSequence()) {
                typeError(v, f, parent, path, goPath, false, false);
                return;
            }
            for (std::size_t i = 0; i < v.items().size(); ++i)
                checkScalar(v.items()[i], f, parent, path.index(i), goPath, T::String, true);
            return;
        }
        case T::Struct:
        case T::Object: {
            if (!v.isMapping()) {
                typeError(v, f, parent, path, goPath, false, false);
                return;
            }
            if (f.type == T::Struct) checkStruct(v, f.sub(), path, goPath);
            return;
        }
        case T::StructList:
        case T::ObjectList: {
            if (!v.isSequence()) {
                typeError(v, f, parent, path, goPath, false, false);
                return;
            }
            for (std::size_t i = 0; i < v.items().size(); ++i) {
                const Value& item = v.items()[i];
                if (item.isNull()) continue;
                if (!item.isMapping()) {
                    typeError(item, f, parent, path.index(i), goPath, true, false);
                    continue;
                }
                if (f.type == T::StructList) checkStruct(item, f.sub(), path.index(i), goPath);
            }
            return;
        }
        }
    }

    Context& m_ctx;
};

}  // namespace

void checkSchema(Context& ctx, const Value& object, const std::string& group, const std::string& kind) {
    const StructSpec* spec = topLevelSchema(group, kind);
    if (!spec || !object.isMapping()) return;
    Walker(ctx).checkStruct(object, *spec, FieldPath(), "");
}

}  // namespace ks::api::validation
