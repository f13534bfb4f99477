// JSON Lines form of the trace (see trace.h). The writer is hand-made so that the bytes are
// fixed by this file alone (key order, number text); the reader is nlohmann's SAX parser, which
// hands over the text of floats so that "detail" round-trips exactly.
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/sim/trace.h"

namespace ks::sim {

namespace {

using api::Value;

// ---------------------------------------------------------------- writing

bool isJsonNumber(std::string_view t) {
    std::size_t i = 0;
    if (i < t.size() && t[i] == '-') ++i;
    if (i >= t.size()) return false;
    if (t[i] == '0') {
        ++i;
    } else if (t[i] >= '1' && t[i] <= '9') {
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    } else {
        return false;
    }
    if (i < t.size() && t[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == start) return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        const std::size_t start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == start) return false;
    }
    return i == t.size();
}

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not one.
std::size_t utf8Length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) n = 3;
    else if (c == 0xED) n = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) n = 3;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else if (c == 0xF4) n = 4, hi = 0x8F;
    else return 0;
    if (i + n > s.size()) return 0;
    if (b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
    return n;
}

void writeString(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t n = utf8Length(s, i);
            if (n == 0) {
                out += "\xEF\xBF\xBD";  // U+FFFD, as nlohmann's error_handler_t::replace
                ++i;
            } else {
                out.append(s.substr(i, n));
                i += n;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    out += '"';
}

void writeScalar(std::string& out, const Value& v) {
    switch (v.scalarType()) {
    case Value::ScalarType::Null: out += "null"; return;
    case Value::ScalarType::Bool: out += *v.toBool() ? "true" : "false"; return;
    case Value::ScalarType::Int:
        if (auto i = v.toInt()) {
            out += std::to_string(*i);
        } else if (isJsonNumber(v.text())) {
            out += v.text();  // beyond int64: the digits as written
        } else {
            writeString(out, v.text());
        }
        return;
    case Value::ScalarType::Float: {
        if (isJsonNumber(v.text())) {
            out += v.text();
            return;
        }
        const double d = v.toDouble().value_or(NAN);
        if (!std::isfinite(d)) {
            writeString(out, v.text());  // JSON has no inf or nan
            return;
        }
        char buf[32];
        auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, d);
        out.append(buf, ptr);
        return;
    }
    case Value::ScalarType::String: writeString(out, v.text()); return;
    }
}

void writeValue(std::string& out, const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Null: out += "null"; return;
    case Value::Kind::Scalar: writeScalar(out, v); return;
    case Value::Kind::Sequence: {
        out += '[';
        bool first = true;
        for (const auto& item : v.items()) {
            if (!first) out += ',';
            first = false;
            writeValue(out, item);
        }
        out += ']';
        return;
    }
    case Value::Kind::Mapping: {
        out += '{';
        bool first = true;
        for (const auto& f : v.fields()) {
            if (!first) out += ',';
            first = false;
            writeString(out, f.key);
            out += ':';
            writeValue(out, f.val);
        }
        out += '}';
        return;
    }
    }
}

// ---------------------------------------------------------------- reading

constexpr std::size_t kMaxDepth = 256;

// Builds a Value from SAX events; numbers keep their text (floats as written).
class ValueBuilder : public nlohmann::json_sax<nlohmann::json> {
public:
    Value root;
    std::string error;
    std::size_t errorPosition = 0;

    bool null() override { return add(Value::null()); }
    bool boolean(bool b) override { return add(Value::boolean(b)); }
    bool number_integer(number_integer_t v) override { return add(Value::integer(v)); }
    bool number_unsigned(number_unsigned_t v) override { return add(Value::plain(std::to_string(v))); }
    bool number_float(number_float_t, const string_t& s) override { return add(Value::plain(s)); }
    bool string(string_t& s) override { return add(Value::string(std::move(s))); }
    bool binary(binary_t&) override { return false; }
    bool start_object(std::size_t) override { return open(Value::mapping()); }
    bool key(string_t& k) override {
        m_keys.back() = std::move(k);
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(Value::sequence()); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        errorPosition = position;
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
        std::string what = ex.what();
        if (auto colon = what.find(": ", what.find("column")); colon != std::string::npos)
            what = what.substr(colon + 2);
        error = what;
        return false;
    }

private:
    bool add(Value v) {
        if (m_stack.empty()) {
            root = std::move(v);
        } else if (m_stack.back().isSequence()) {
            m_stack.back().push(std::move(v));
        } else {
            m_stack.back().set(m_keys.back(), std::move(v));
        }
        return true;
    }
    bool open(Value container) {
        if (m_stack.size() >= kMaxDepth) {
            error = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
            return false;
        }
        m_stack.push_back(std::move(container));
        m_keys.emplace_back();
        return true;
    }
    bool close() {
        Value done = std::move(m_stack.back());
        m_stack.pop_back();
        m_keys.pop_back();
        return add(std::move(done));
    }

    std::vector<Value> m_stack;
    std::vector<std::string> m_keys;
};

bool isString(const Value& v) { return v.isScalar() && v.scalarType() == Value::ScalarType::String; }

// Fills r from one parsed line; returns the first problem as (field, message).
std::pair<std::string, std::string> recordFromValue(const Value& v, TraceRecord& r) {
    if (!v.isMapping()) return {"", "expected a JSON object"};
    auto integer = [&](const char* name, bool required, auto& out) -> std::string {
        const Value* f = v.get(name);
        if (!f) return required ? "Required value" : "";
        auto i = f->toInt();
        if (!i) return "expected an integer";
        if constexpr (std::is_unsigned_v<std::remove_reference_t<decltype(out)>>) {
            if (*i < 0) return "expected a non-negative integer";
        }
        out = static_cast<std::remove_reference_t<decltype(out)>>(*i);
        return "";
    };
    auto text = [&](const char* name, bool required, std::string& out) -> std::string {
        const Value* f = v.get(name);
        if (!f) return required ? "Required value" : "";
        if (!isString(*f)) return "expected a string";
        out = f->text();
        return "";
    };
    if (auto e = integer("seq", true, r.seq); !e.empty()) return {"seq", e};
    if (auto e = integer("time", true, r.time); !e.empty()) return {"time", e};
    if (auto e = text("actor", true, r.actor); !e.empty()) return {"actor", e};
    if (auto e = text("action", true, r.action); !e.empty()) return {"action", e};
    if (auto e = text("key", false, r.key); !e.empty()) return {"key", e};
    if (const Value* objects = v.get("objects"); objects && !objects->isNull()) {
        if (!objects->isSequence()) return {"objects", "expected an array of strings"};
        for (std::size_t i = 0; i < objects->items().size(); ++i) {
            const Value& o = objects->items()[i];
            if (!isString(o)) return {"objects[" + std::to_string(i) + "]", "expected a string"};
            r.objects.push_back(o.text());
        }
    }
    if (const Value* args = v.get("args"); args && !args->isNull()) {
        if (!args->isMapping()) return {"args", "expected an object of strings"};
        for (const auto& f : args->fields()) {
            if (!isString(f.val)) return {"args." + f.key, "expected a string"};
            r.args[f.key] = f.val.text();
        }
    }
    if (const Value* detail = v.get("detail")) r.detail = *detail;
    return {};
}

}  // namespace

std::string compactJson(const api::Value& value) {
    std::string out;
    writeValue(out, value);
    return out;
}

std::string toJsonLine(const TraceRecord& r) {
    std::string out;
    out.reserve(160);
    out += "{\"seq\":" + std::to_string(r.seq);
    out += ",\"time\":" + std::to_string(r.time);
    out += ",\"timestamp\":\"" + formatRfc3339Milli(r.time) + "\"";
    out += ",\"actor\":";
    writeString(out, r.actor);
    out += ",\"action\":";
    writeString(out, r.action);
    out += ",\"objects\":[";
    for (std::size_t i = 0; i < r.objects.size(); ++i) {
        if (i) out += ',';
        writeString(out, r.objects[i]);
    }
    out += "],\"key\":";
    writeString(out, r.key);
    out += ",\"args\":{";
    bool first = true;
    for (const auto& [k, v] : r.args) {
        if (!first) out += ',';
        first = false;
        writeString(out, k);
        out += ':';
        writeString(out, v);
    }
    out += "},\"detail\":";
    writeValue(out, r.detail);
    out += '}';
    return out;
}

std::string toJsonLines(const Trace& trace, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < trace.size(); ++i) {
        out += toJsonLine(trace.record(i));
        out += '\n';
    }
    return out;
}

TraceReadResult readJsonLines(std::string_view text, std::string_view fileName) {
    TraceReadResult result;
    int lineNo = 0;
    while (!text.empty()) {
        ++lineNo;
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;

        auto report = [&](int col, std::string path, std::string message) {
            api::Diagnostic d;
            d.file = std::string(fileName);
            d.mark = {lineNo, col};
            d.path = std::move(path);
            d.message = std::move(message);
            result.diagnostics.push_back(std::move(d));
        };
        ValueBuilder builder;
        const bool parsed = nlohmann::json::sax_parse(line.begin(), line.end(), &builder);
        if (!parsed) {
            report(builder.errorPosition > 0 ? static_cast<int>(builder.errorPosition) : 1, "",
                   builder.error.empty() ? "invalid JSON" : builder.error);
            continue;
        }
        TraceRecord record;
        if (auto [path, message] = recordFromValue(builder.root, record); !message.empty()) {
            report(1, path, message);
            continue;
        }
        result.records.push_back(std::move(record));
    }
    return result;
}

}  // namespace ks::sim
