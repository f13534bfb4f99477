#include "core/api/writer.h"
#include "core/api/ascii.h"

#include <array>
#include <string_view>

#include <nlohmann/json.hpp>
#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

namespace ks::api {

namespace {

// Words that YAML 1.1 readers (kubectl's sigs.k8s.io/yaml uses go-yaml v2) resolve to booleans
// or null, on top of the YAML 1.2 core schema that resolvePlainScalar() knows.
constexpr std::array<std::string_view, 22> kYaml11Words = {
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
    "~", "null", "Null", "NULL", "<<", "=",
};

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A string that starts like a number is plain-safe only in the shape of a quantity or a unit
// ("500m", "10Gi", "1.5Gi"): anything else (dates, times "1:30", "0b101", "1_000", "010") may be
// read back as a number or a timestamp by a YAML 1.1 reader.
bool numberLikeIsSafe(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && isAsciiDigit(s[i])) ++i;
    if (i == 0) return false;
    if (i < s.size() && s[i] == '.') {
        std::size_t start = ++i;
        while (i < s.size() && isAsciiDigit(s[i])) ++i;
        if (i == start) return false;
    }
    if (i == s.size()) return false;  // a bare number: not a string when plain
    for (; i < s.size(); ++i)
        if (!isAlpha(s[i])) return false;
    return true;
}

// Code points that some YAML readers treat as line breaks or byte-order marks (U+0085, U+2028,
// U+2029, U+FEFF): they cannot stay raw in any scalar style.
bool hasUnicodeBreak(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        auto d = static_cast<unsigned char>(s[i + 1]);
        if (c == 0xC2 && d == 0x85) return true;
        if (i + 2 < s.size()) {
            auto e = static_cast<unsigned char>(s[i + 2]);
            if (c == 0xE2 && d == 0x80 && (e == 0xA8 || e == 0xA9)) return true;
            if (c == 0xEF && d == 0xBB && e == 0xBF) return true;
        }
    }
    return false;
}

bool hasControl(std::string_view s, bool allowNewlineAndTab) {
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (allowNewlineAndTab && (c == '\n' || c == '\t')) continue;
        if (c < 0x20 || c == 0x7F) return true;
    }
    return false;
}

// True when s, written as a plain scalar, reads back as the same string in YAML 1.2 (our
// reader) and YAML 1.1 (kubectl): not a bool/number/null, no indicator in a position that
// changes the structure, no leading or trailing blanks.
// True when s can be written as a plain scalar at all: no indicator where it would start a
// structure, no blanks at the ends, no document marker.
bool plainIsWellFormed(std::string_view s) {
    if (s.empty()) return false;
    if (hasControl(s, false) || hasUnicodeBreak(s)) return false;
    if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
    constexpr std::string_view kAlwaysIndicators = ",[]{}#&*!|>'\"%@`";
    if (kAlwaysIndicators.find(s.front()) != std::string_view::npos) return false;
    if (s.front() == '-' || s.front() == '?' || s.front() == ':') {
        if (s.size() == 1 || s[1] == ' ') return false;
    }
    if (s.substr(0, 3) == "---" || s.substr(0, 3) == "...") return false;
    return s.find(": ") == std::string_view::npos && s.find(" #") == std::string_view::npos;
}

bool plainIsSafe(std::string_view s) {
    if (s.empty()) return false;
    if (resolvePlainScalar(s) != Value::ScalarType::String) return false;
    for (auto w : kYaml11Words)
        if (s == w) return false;
    if (hasControl(s, false) || hasUnicodeBreak(s)) return false;
    if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
    constexpr std::string_view kAlwaysIndicators = ",[]{}#&*!|>'\"%@`";
    if (kAlwaysIndicators.find(s.front()) != std::string_view::npos) return false;
    if (s.front() == '-' || s.front() == '?' || s.front() == ':') {
        if (s.size() == 1 || s[1] == ' ') return false;
    }
    if (s.substr(0, 3) == "---" || s.substr(0, 3) == "...") return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
    char first = s.front();
    bool numberLike = isAsciiDigit(first) || ((first == '+' || first == '-' || first == '.') && s.size() > 1 &&
                                         (isAsciiDigit(s[1]) || s[1] == '.'));
    if (numberLike && !numberLikeIsSafe(s)) return false;
    return true;
}

// A literal block (|) keeps the text exactly only when it ends in a single newline (yaml-cpp
// writes the default "clip" chomping) and its first line sets the indentation.
bool literalIsExact(std::string_view s) {
    if (s.size() < 2 || s.back() != '\n' || s[s.size() - 2] == '\n') return false;
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\n') return false;
    if (hasControl(s, true) || hasUnicodeBreak(s) || s.find('\r') != std::string_view::npos) return false;
    // a tab right after the indentation of a line would be read as indentation by some readers
    for (std::size_t p = s.find('\n'); p != std::string_view::npos && p + 1 < s.size(); p = s.find('\n', p + 1))
        if (s[p + 1] == '\t' || s[p + 1] == ' ') return false;
    // trailing blanks on a line are kept by block scalars, but not by every editor: quote instead
    for (std::size_t p = s.find('\n'); p != std::string_view::npos; p = s.find('\n', p + 1))
        if (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t')) return false;
    return true;
}

void emitString(YAML::Emitter& out, const std::string& s, bool isKey) {
    if (!isKey && s.find('\n') != std::string::npos && literalIsExact(s)) {
        out << YAML::Literal << s;
        return;
    }
    if (plainIsSafe(s)) {
        out << s;
        return;
    }
    if (hasUnicodeBreak(s)) out << YAML::EscapeNonAscii;
    out << YAML::DoubleQuoted << s;
}

void emitValue(YAML::Emitter& out, const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Null:
        out << YAML::Null;
        return;
    case Value::Kind::Scalar:
        if (v.style() == Value::Style::Quoted) {
            emitString(out, v.text(), false);
        } else if (v.scalarType() == Value::ScalarType::Null) {
            out << YAML::Null;
        } else if (v.scalarType() == Value::ScalarType::String) {
            // As written: a plain scalar from a file stays plain (yaml-cpp quotes it if it must).
            if (plainIsWellFormed(v.text())) out << v.text();
            else emitString(out, v.text(), false);
        } else {
            out << v.text();  // int, float and bool keep their spelling
        }
        return;
    case Value::Kind::Sequence:
        if (v.items().empty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            return;
        }
        out << YAML::BeginSeq;
        for (const auto& item : v.items()) emitValue(out, item);
        out << YAML::EndSeq;
        return;
    case Value::Kind::Mapping:
        if (v.fields().empty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            return;
        }
        out << YAML::BeginMap;
        for (const auto& f : v.fields()) {
            out << YAML::Key;
            emitString(out, f.key, true);
            out << YAML::Value;
            emitValue(out, f.val);
        }
        out << YAML::EndMap;
        return;
    }
}

void configure(YAML::Emitter& out) {
    out.SetIndent(2);
    out.SetNullFormat(YAML::LowerNull);
    out.SetMapFormat(YAML::Block);
    out.SetSeqFormat(YAML::Block);
}

nlohmann::ordered_json toJsonValue(const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Null:
        return nullptr;
    case Value::Kind::Scalar:
        switch (v.scalarType()) {
        case Value::ScalarType::Null: return nullptr;
        case Value::ScalarType::Bool: return *v.toBool();
        case Value::ScalarType::Int:
            if (auto i = v.toInt()) return *i;
            return *v.toDouble();  // beyond 64 bits: JSON has only one number type anyway
        case Value::ScalarType::Float: return *v.toDouble();  // inf and nan print as null
        case Value::ScalarType::String: return v.text();
        }
        return v.text();
    case Value::Kind::Sequence: {
        auto arr = nlohmann::ordered_json::array();
        for (const auto& item : v.items()) arr.push_back(toJsonValue(item));
        return arr;
    }
    case Value::Kind::Mapping: {
        auto obj = nlohmann::ordered_json::object();
        // NOTE: operator[] keeps the first position of a key; keys are unique in read Values.
        for (const auto& f : v.fields()) obj[f.key] = toJsonValue(f.val);
        return obj;
    }
    }
    return nullptr;
}

}  // namespace

std::string toYaml(const Value& object) {
    YAML::Emitter out;
    configure(out);
    emitValue(out, object);
    std::string text = out.c_str();
    if (text.empty() || text.back() != '\n') text += '\n';
    return text;
}

std::string toYamlStream(const std::vector<Value>& objects) {
    std::string text;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        if (i > 0) text += "---\n";
        text += toYaml(objects[i]);
    }
    return text;
}

std::string toJson(const Value& object, int indent) {
    // Invalid UTF-8 cannot reach here from the reader; replace it rather than throw for Values built in code.
    std::string text = toJsonValue(object).dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    text += '\n';
    return text;
}

}  // namespace ks::api
