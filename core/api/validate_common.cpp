// Field paths, error wording and string validators shared by the validate_*.cpp files.
// Mirrors k8s.io/apimachinery/pkg/util/validation/field (errors.go, path.go) and
// k8s.io/apimachinery/pkg/util/validation/validation.go (v0.31).
#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/api/names.h"
#include "core/api/ascii.h"
#include "core/api/validation_context.h"

namespace ks::api::validation {

FieldPath FieldPath::child(std::string_view name) const {
    FieldPath p(m_path);
    if (!p.m_path.empty()) p.m_path += '.';
    p.m_path += name;
    return p;
}

FieldPath FieldPath::index(std::size_t i) const {
    FieldPath p(m_path);
    p.m_path += '[' + std::to_string(i) + ']';
    return p;
}

FieldPath FieldPath::key(std::string_view key) const {
    FieldPath p(m_path);
    p.m_path += '[';
    p.m_path += key;
    p.m_path += ']';
    return p;
}

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when invalid.
std::size_t utf8Length(std::string_view s, std::size_t i, char32_t& rune) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    rune = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        auto c = static_cast<unsigned char>(s[i + k]);
        if ((c >> 6) != 0x2) return 0;
        rune = (rune << 6) | (c & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (rune < kMin[n] || rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF)) return 0;
    return n;
}

std::string hex2(unsigned v) {
    static const char* digits = "0123456789abcdef";
    std::string s = "\\x";
    s += digits[(v >> 4) & 0xF];
    s += digits[v & 0xF];
    return s;
}

}  // namespace

std::string goQuote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        char32_t r = 0;
        std::size_t n = utf8Length(s, i, r);
        if (n == 0) {
            out += hex2(static_cast<unsigned char>(s[i]));
            ++i;
            continue;
        }
        if (n > 1) {
            if (r >= 0x80 && r < 0xA0) {
                static const char* digits = "0123456789abcdef";
                out += "\\u00";
                out += digits[(r >> 4) & 0xF];
                out += digits[r & 0xF];
            } else {
                out.append(s.substr(i, n));
            }
            i += n;
            continue;
        }
        char c = s[i++];
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
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
                out += hex2(static_cast<unsigned char>(c));
            else
                out += c;
        }
    }
    out += '"';
    return out;
}

std::string goStringMap(const std::map<std::string, std::string>& m, bool isNil) {
    if (isNil) return "map[string]string(nil)";
    std::string out = "map[string]string{";
    bool first = true;
    for (const auto& [k, v] : m) {
        if (!first) out += ", ";
        first = false;
        out += goQuote(k) + ":" + goQuote(v);
    }
    return out + "}";
}

// ---- Context ----

void Context::error(Mark mark, const FieldPath& path, std::string message) {
    m_out.push_back(Diagnostic{Diagnostic::Severity::Error, m_file, mark, path.str(), std::move(message)});
}

void Context::errorNoPath(Mark mark, std::string message) {
    m_out.push_back(Diagnostic{Diagnostic::Severity::Error, m_file, mark, {}, std::move(message)});
}

void Context::warning(Mark mark, const FieldPath& path, std::string message) {
    m_out.push_back(Diagnostic{Diagnostic::Severity::Warning, m_file, mark, path.str(), std::move(message)});
}

void Context::required(Mark mark, const FieldPath& path, std::string_view detail) {
    std::string m = "Required value";
    if (!detail.empty()) (m += ": ") += detail;
    error(mark, path, std::move(m));
}

void Context::invalid(Mark mark, const FieldPath& path, std::string_view renderedValue, std::string_view detail) {
    std::string m = "Invalid value: ";
    m += renderedValue;
    if (!detail.empty()) (m += ": ") += detail;
    error(mark, path, std::move(m));
}

void Context::notSupported(Mark mark, const FieldPath& path, std::string_view renderedValue,
                           const std::vector<std::string>& supported) {
    std::string m = "Unsupported value: ";
    m += renderedValue;
    if (!supported.empty()) {
        m += ": supported values: ";
        for (std::size_t i = 0; i < supported.size(); ++i) {
            if (i) m += ", ";
            m += goQuote(supported[i]);
        }
    }
    error(mark, path, std::move(m));
}

void Context::duplicate(Mark mark, const FieldPath& path, std::string_view renderedValue, std::string_view detail) {
    std::string m = "Duplicate value: ";
    m += renderedValue;
    if (!detail.empty()) (m += ": ") += detail;
    error(mark, path, std::move(m));
}

void Context::forbidden(Mark mark, const FieldPath& path, std::string_view detail) {
    std::string m = "Forbidden";
    if (!detail.empty()) (m += ": ") += detail;
    error(mark, path, std::move(m));
}

void Context::tooLong(Mark mark, const FieldPath& path, std::int64_t maxLength) {
    error(mark, path, "Too long: must have at most " + std::to_string(maxLength) + " bytes");
}

void Context::notFound(Mark mark, const FieldPath& path, std::string_view renderedValue, std::string_view detail) {
    std::string m = "Not found: ";
    m += renderedValue;
    if (!detail.empty()) (m += ": ") += detail;
    error(mark, path, std::move(m));
}

// ---- reading Values ----

const Value* get(const Value* v, std::string_view key) {
    if (!v || !v->isMapping()) return nullptr;
    return v->get(key);
}

bool present(const Value* v) { return v && !v->isNull(); }

std::string text(const Value* v) {
    if (!v || !v->isScalar()) return {};
    return v->text();
}

std::optional<std::int64_t> intValue(const Value* v) {
    if (!v || !v->isScalar()) return std::nullopt;
    if (auto i = v->toInt()) return i;
    if (v->scalarType() == Value::ScalarType::Float) {
        auto d = v->toDouble();
        if (d && std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 9.2e18)
            return static_cast<std::int64_t>(*d);
    }
    return std::nullopt;
}

std::optional<bool> boolValue(const Value* v) {
    if (!v || !v->isScalar()) return std::nullopt;
    if (auto b = v->toBool()) return b;
    if (v->style() == Value::Style::Plain) {
        // YAML 1.1 spellings that sigs.k8s.io/yaml (go-yaml v2) reads as booleans.
        static const char* kTrue[] = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON"};
        static const char* kFalse[] = {"n", "N", "no", "No", "NO", "off", "Off", "OFF"};
        for (const char* t : kTrue)
            if (v->text() == t) return true;
        for (const char* f : kFalse)
            if (v->text() == f) return false;
    }
    return std::nullopt;
}

const std::vector<Value>& items(const Value* v) {
    static const std::vector<Value> kEmpty;
    return v && v->isSequence() ? v->items() : kEmpty;
}

const std::vector<Value::Field>& fields(const Value* v) {
    static const std::vector<Value::Field> kEmpty;
    return v && v->isMapping() ? v->fields() : kEmpty;
}

Mark markOr(const Value* v, Mark fallback) {
    if (v && v->mark().known()) return v->mark();
    return fallback;
}

std::optional<Quantity> quantityValue(const Value* v, std::string* error) {
    if (!v || !v->isScalar()) return std::nullopt;
    std::string t = v->text();
    if (v->style() == Value::Style::Plain) {
        if (auto i = v->toInt()) t = std::to_string(*i);  // 0x10 is 16 once YAML is JSON
    }
    // Quantity.UnmarshalJSON trims spaces inside quotes.
    auto first = t.find_first_not_of(" \t\r\n");
    auto last = t.find_last_not_of(" \t\r\n");
    t = first == std::string::npos ? std::string() : t.substr(first, last - first + 1);
    return Quantity::parse(t, error);
}

std::map<std::string, std::string> stringMap(const Value* v) {
    std::map<std::string, std::string> out;
    for (const auto& f : fields(v)) out[f.key] = text(&f.val);
    return out;
}

// ---- string validators (apimachinery util/validation) ----

namespace {

std::string regexError(const std::string& msg, const std::string& fmt, std::initializer_list<const char*> examples) {
    std::string out = msg;
    if (examples.size() == 0) return out + " (regex used for validation is '" + fmt + "')";
    out += " (e.g. ";
    bool first = true;
    for (const char* e : examples) {
        if (!first) out += " or ";
        first = false;
        out += "'";
        out += e;
        out += "', ";
    }
    return out + "regex used for validation is '" + fmt + "')";
}

std::string maxLenError(std::size_t n) { return "must be no more than " + std::to_string(n) + " characters"; }


std::string maskTrailingDash(const std::string& name) {
    // NOTE: upstream drops two characters and appends "a" (validation/objectmeta.go); kept as is.
    if (name.size() > 1 && name.back() == '-') return name.substr(0, name.size() - 2) + "a";
    return name;
}

std::vector<std::string> hasChDirPrefix(const std::string& value) {
    if (value == ".") return {"must not be '.'"};
    if (value == "..") return {"must not be '..'"};
    if (value.rfind("..", 0) == 0) return {"must not start with '..'"};
    return {};
}

}  // namespace

std::vector<std::string> isDNS1035Label(const std::string& value) {
    std::vector<std::string> errs;
    if (value.size() > 63) errs.push_back(maxLenError(63));
    bool ok = !value.empty() && value.front() >= 'a' && value.front() <= 'z' && isAsciiLowerAlnum(value.back());
    for (char c : value)
        if (!isAsciiLowerAlnum(c) && c != '-') ok = false;
    if (!ok)
        errs.push_back(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start "
                                  "with an alphabetic character, and end with an alphanumeric character",
                                  "[a-z]([-a-z0-9]*[a-z0-9])?", {"my-name", "abc-123"}));
    return errs;
}

std::vector<std::string> validateName(NameRule rule, const std::string& name, bool prefix) {
    switch (rule) {
    case NameRule::DNSSubdomain: return isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
    case NameRule::DNSLabel: return isDNS1123Label(prefix ? maskTrailingDash(name) : name);
    case NameRule::DNS1035Label: return isDNS1035Label(prefix ? maskTrailingDash(name) : name);
    case NameRule::PathSegment: {
        if (!prefix && (name == "." || name == "..")) return {"may not be '" + name + "'"};
        std::vector<std::string> errs;
        if (name.find('/') != std::string::npos) errs.push_back("may not contain '/'");
        if (name.find('%') != std::string::npos) errs.push_back("may not contain '%'");
        return errs;
    }
    }
    return {};
}

std::vector<std::string> isValidPortName(const std::string& port) {
    std::vector<std::string> errs;
    if (port.size() > 15) errs.push_back(maxLenError(15));
    bool charset = !port.empty();
    bool letter = false;
    for (char c : port) {
        if (!isAsciiLowerAlnum(c) && c != '-') charset = false;
        if (c >= 'a' && c <= 'z') letter = true;
    }
    if (!charset) errs.push_back("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    if (!letter) errs.push_back("must contain at least one letter (a-z)");
    if (port.find("--") != std::string::npos) errs.push_back("must not contain consecutive hyphens (-)");
    if (!port.empty() && (port.front() == '-' || port.back() == '-'))
        errs.push_back("must not begin or end with a hyphen (-)");
    return errs;
}

std::vector<std::string> isValidPercent(const std::string& percent) {
    bool ok = percent.size() >= 2 && percent.back() == '%';
    for (std::size_t i = 0; ok && i + 1 < percent.size(); ++i) ok = isAsciiDigit(percent[i]);
    if (ok) return {};
    return {regexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%",
                       {"1%", "93%"})};
}

std::vector<std::string> isEnvVarName(const std::string& value) {
    std::vector<std::string> errs;
    bool ok = !value.empty() && !isAsciiDigit(value.front());
    for (char c : value)
        if (!isAsciiAlpha(c) && !isAsciiDigit(c) && c != '-' && c != '.' && c != '_') ok = false;
    if (!ok)
        errs.push_back(regexError("a valid environment variable name must consist of alphabetic characters, digits, "
                                  "'_', '-', or '.', and must not start with a digit",
                                  "[-._a-zA-Z][-._a-zA-Z0-9]*", {"my.env-name", "MY_ENV.NAME", "MyEnvName1"}));
    for (auto& e : hasChDirPrefix(value)) errs.push_back(e);
    return errs;
}

std::vector<std::string> isConfigMapKey(const std::string& value) {
    std::vector<std::string> errs;
    if (value.size() > 253) errs.push_back(maxLenError(253));
    bool ok = !value.empty();
    for (char c : value)
        if (!isAsciiAlpha(c) && !isAsciiDigit(c) && c != '-' && c != '.' && c != '_') ok = false;
    if (!ok)
        errs.push_back(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                                  "[-._a-zA-Z0-9]+", {"key.name", "KEY_NAME", "key-name"}));
    for (auto& e : hasChDirPrefix(value)) errs.push_back(e);
    return errs;
}

namespace {

bool parseIPv4(std::string_view s) {
    int parts = 0;
    std::size_t i = 0;
    while (true) {
        std::size_t start = i;
        while (i < s.size() && isAsciiDigit(s[i])) ++i;
        if (i == start || i - start > 3) return false;
        int v = 0;
        std::from_chars(s.data() + start, s.data() + i, v);
        if (v > 255) return false;
        ++parts;
        if (i == s.size()) break;
        if (s[i] != '.') return false;
        ++i;
    }
    return parts == 4;
}

bool parseIPv6(std::string_view s) {
    if (s.empty()) return false;
    int groups = 0;
    bool doubleColon = false;
    std::size_t i = 0;
    if (s.substr(0, 2) == "::") {
        doubleColon = true;
        i = 2;
        if (i == s.size()) return true;
    }
    while (i < s.size()) {
        std::size_t start = i;
        while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
        if (i < s.size() && s[i] == '.') {  // embedded IPv4 tail
            if (!parseIPv4(s.substr(start))) return false;
            groups += 2;
            i = s.size();
            break;
        }
        if (i == start || i - start > 4) return false;
        ++groups;
        if (i == s.size()) break;
        if (s[i] != ':') return false;
        ++i;
        if (i < s.size() && s[i] == ':') {
            if (doubleColon) return false;
            doubleColon = true;
            ++i;
            if (i == s.size()) break;
        } else if (i == s.size()) {
            return false;
        }
    }
    return doubleColon ? groups < 8 : groups == 8;
}

}  // namespace

std::vector<std::string> isValidCIDR(const std::string& value) {
    auto slash = value.find('/');
    bool ok = slash != std::string::npos;
    if (ok) {
        std::string_view ip(value.data(), slash);
        std::string_view bits(value.data() + slash + 1, value.size() - slash - 1);
        int n = -1;
        auto [p, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), n);
        bool v4 = parseIPv4(ip);
        bool v6 = !v4 && parseIPv6(ip);
        ok = (v4 || v6) && ec == std::errc() && p == bits.data() + bits.size() && !bits.empty() && n >= 0 &&
             n <= (v4 ? 32 : 128);
    }
    if (ok) return {};
    return {"must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"};
}

std::string inclusiveRangeError(std::int64_t lo, std::int64_t hi) {
    return "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", inclusive";
}

}  // namespace ks::api::validation
