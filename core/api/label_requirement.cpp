#include "core/api/label_requirement.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "core/api/names.h"

namespace ks::api::detail {

namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += sep;
        out += parts[i];
    }
    return out;
}

}  // namespace

bool selectorOpFromName(std::string_view name, SelectorOp& op) {
    static const struct {
        std::string_view name;
        SelectorOp op;
    } kOps[] = {{"In", SelectorOp::In},
                {"NotIn", SelectorOp::NotIn},
                {"Exists", SelectorOp::Exists},
                {"DoesNotExist", SelectorOp::DoesNotExist},
                {"Gt", SelectorOp::Gt},
                {"Lt", SelectorOp::Lt}};
    for (const auto& e : kOps) {
        if (e.name == name) {
            op = e.op;
            return true;
        }
    }
    return false;
}

FieldPath FieldPath::child(std::string_view name) const {
    // A child of the null path is a new root, as upstream's (*Path)(nil).Child.
    if (m_null || m_text.empty()) return FieldPath(std::string(name));
    return FieldPath(m_text + "." + std::string(name));
}

FieldPath FieldPath::index(std::size_t i) const {
    return FieldPath((m_null ? std::string() : m_text) + "[" + std::to_string(i) + "]");
}

FieldPath FieldPath::key(std::string_view k) const {
    return FieldPath((m_null ? std::string() : m_text) + "[" + std::string(k) + "]");
}

std::string goQuote(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\v': out += "\\v"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[5];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += "\"";
    return out;
}

std::string goStringSlice(const std::vector<std::string>& values) {
    if (values.empty()) return "[]string(nil)";
    std::string out = "[]string{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ", ";
        out += goQuote(values[i]);
    }
    return out + "}";
}

std::string invalidError(const FieldPath& path, const std::string& printedValue, const std::string& detail) {
    return path.str() + ": Invalid value: " + printedValue + ": " + detail;
}

std::string aggregateMessage(const std::vector<std::string>& errors) {
    std::vector<std::string> unique;
    for (const auto& e : errors)
        if (std::find(unique.begin(), unique.end(), e) == unique.end()) unique.push_back(e);
    if (unique.size() == 1) return unique[0];
    return "[" + join(unique, ", ") + "]";
}

bool parseInt64(std::string_view s, long long& out) {
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return false;
    unsigned long long mag = 0;
    const unsigned long long limit =
        static_cast<unsigned long long>(std::numeric_limits<long long>::max()) + (negative ? 1 : 0);
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        mag = mag * 10 + static_cast<unsigned long long>(c - '0');
        if (mag > limit) return false;
    }
    out = negative ? static_cast<long long>(0ull - mag) : static_cast<long long>(mag);
    return true;
}

void requirementErrors(std::string_view key, SelectorOp op, const std::vector<std::string>& values,
                       const FieldPath& path, std::vector<std::string>& errors) {
    if (auto msgs = isQualifiedName(std::string(key)); !msgs.empty())
        errors.push_back(invalidError(path.child("key"), goQuote(key), join(msgs, "; ")));
    const FieldPath valuePath = path.child("values");
    switch (op) {
    case SelectorOp::In:
    case SelectorOp::NotIn:
        if (values.empty())
            errors.push_back(invalidError(valuePath, goStringSlice(values),
                                          "for 'in', 'notin' operators, values set can't be empty"));
        break;
    case SelectorOp::Equals:
    case SelectorOp::DoubleEquals:
    case SelectorOp::NotEquals:
        if (values.size() != 1)
            errors.push_back(
                invalidError(valuePath, goStringSlice(values), "exact-match compatibility requires one single value"));
        break;
    case SelectorOp::Exists:
    case SelectorOp::DoesNotExist:
        if (!values.empty())
            errors.push_back(invalidError(valuePath, goStringSlice(values),
                                          "values set must be empty for exists and does not exist"));
        break;
    case SelectorOp::Gt:
    case SelectorOp::Lt:
        if (values.size() != 1)
            errors.push_back(invalidError(valuePath, goStringSlice(values),
                                          "for 'Gt', 'Lt' operators, exactly one value is required"));
        for (std::size_t i = 0; i < values.size(); ++i) {
            long long ignored = 0;
            if (!parseInt64(values[i], ignored))
                errors.push_back(invalidError(valuePath.index(i), goQuote(values[i]),
                                              "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
        break;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (auto msgs = isValidLabelValue(values[i]); !msgs.empty())
            errors.push_back(invalidError(valuePath.index(i).key(key), goQuote(values[i]), join(msgs, "; ")));
    }
}

bool requirementValid(std::string_view key, SelectorOp op, const std::vector<std::string>& values) {
    if (!isQualifiedNameValid(key)) return false;
    switch (op) {
    case SelectorOp::In:
    case SelectorOp::NotIn:
        if (values.empty()) return false;
        break;
    case SelectorOp::Equals:
    case SelectorOp::DoubleEquals:
    case SelectorOp::NotEquals:
        if (values.size() != 1) return false;
        break;
    case SelectorOp::Exists:
    case SelectorOp::DoesNotExist:
        if (!values.empty()) return false;
        break;
    case SelectorOp::Gt:
    case SelectorOp::Lt: {
        long long ignored = 0;
        if (values.size() != 1 || !parseInt64(values[0], ignored)) return false;
        break;
    }
    }
    for (const auto& v : values)
        if (!isLabelValueValid(v)) return false;
    return true;
}

bool requirementMatches(const std::string& key, SelectorOp op, const std::vector<std::string>& values,
                        const Labels& labels) {
    const auto it = labels.find(key);
    const bool present = it != labels.end();
    const auto hasValue = [&](const std::string& v) { return std::find(values.begin(), values.end(), v) != values.end(); };
    switch (op) {
    case SelectorOp::In:
    case SelectorOp::Equals:
    case SelectorOp::DoubleEquals:
        return present && hasValue(it->second);
    case SelectorOp::NotIn:
    case SelectorOp::NotEquals:
        return !present || !hasValue(it->second);
    case SelectorOp::Exists:
        return present;
    case SelectorOp::DoesNotExist:
        return !present;
    case SelectorOp::Gt:
    case SelectorOp::Lt: {
        // A label value that is no integer simply does not match.
        long long labelValue = 0, wanted = 0;
        if (!present || values.size() != 1 || !parseInt64(it->second, labelValue) || !parseInt64(values[0], wanted))
            return false;
        return op == SelectorOp::Gt ? labelValue > wanted : labelValue < wanted;
    }
    }
    return false;
}

std::string requirementString(std::string_view key, SelectorOp op, const std::vector<std::string>& values) {
    std::string out;
    if (op == SelectorOp::DoesNotExist) out += "!";
    out += key;
    switch (op) {
    case SelectorOp::Exists:
    case SelectorOp::DoesNotExist:
        return out;
    case SelectorOp::Equals: out += "="; break;
    case SelectorOp::DoubleEquals: out += "=="; break;
    case SelectorOp::NotEquals: out += "!="; break;
    case SelectorOp::In: out += " in ("; break;
    case SelectorOp::NotIn: out += " notin ("; break;
    case SelectorOp::Gt: out += ">"; break;
    case SelectorOp::Lt: out += "<"; break;
    }
    std::vector<std::string> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    out += join(sorted, ",");
    if (op == SelectorOp::In || op == SelectorOp::NotIn) out += ")";
    return out;
}

}  // namespace ks::api::detail
