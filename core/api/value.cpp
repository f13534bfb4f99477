#include "core/api/value.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace ks::api {

namespace {

bool isDecimalInt(std::string_view t) {
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (i == t.size()) return false;
    for (; i < t.size(); ++i)
        if (t[i] < '0' || t[i] > '9') return false;
    return true;
}

bool isPrefixedInt(std::string_view t, std::string_view prefix, std::string_view digits) {
    if (t.size() <= prefix.size() || t.substr(0, prefix.size()) != prefix) return false;
    for (char c : t.substr(prefix.size()))
        if (digits.find(c) == std::string_view::npos) return false;
    return true;
}

bool isFloat(std::string_view t) {
    if (t == ".inf" || t == ".Inf" || t == ".INF" || t == "+.inf" || t == "-.inf" || t == "+.Inf" ||
        t == "-.Inf" || t == ".nan" || t == ".NaN" || t == ".NAN")
        return true;
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    std::size_t digitsBefore = 0, digitsAfter = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') { ++i; ++digitsBefore; }
    if (i < t.size() && t[i] == '.') {
        ++i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') { ++i; ++digitsAfter; }
    }
    if (digitsBefore + digitsAfter == 0) return false;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        std::size_t exp = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') { ++i; ++exp; }
        if (exp == 0) return false;
    }
    return i == t.size();
}

}  // namespace

Value::ScalarType resolvePlainScalar(std::string_view t) {
    if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") return Value::ScalarType::Null;
    if (t == "true" || t == "True" || t == "TRUE" || t == "false" || t == "False" || t == "FALSE")
        return Value::ScalarType::Bool;
    if (isDecimalInt(t) || isPrefixedInt(t, "0x", "0123456789abcdefABCDEF") || isPrefixedInt(t, "0o", "01234567"))
        return Value::ScalarType::Int;
    if (isFloat(t)) return Value::ScalarType::Float;
    return Value::ScalarType::String;
}

Value Value::null(Mark m) {
    Value v;
    v.m_mark = m;
    return v;
}

Value Value::string(std::string s, Mark m) {
    Value v;
    v.m_kind = Kind::Scalar;
    v.m_style = Style::Quoted;
    v.m_text = std::move(s);
    v.m_mark = m;
    return v;
}

Value Value::plain(std::string text, Mark m) {
    Value v;
    v.m_kind = Kind::Scalar;
    v.m_style = Style::Plain;
    v.m_text = std::move(text);
    v.m_mark = m;
    return v;
}

Value Value::integer(std::int64_t i, Mark m) { return plain(std::to_string(i), m); }

Value Value::boolean(bool b, Mark m) { return plain(b ? "true" : "false", m); }

Value Value::sequence(Mark m) {
    Value v;
    v.m_kind = Kind::Sequence;
    v.m_mark = m;
    return v;
}

Value Value::mapping(Mark m) {
    Value v;
    v.m_kind = Kind::Mapping;
    v.m_mark = m;
    return v;
}

Value::ScalarType Value::scalarType() const {
    if (m_kind == Kind::Null) return ScalarType::Null;
    if (m_kind != Kind::Scalar) return ScalarType::String;
    if (m_style == Style::Quoted) return ScalarType::String;
    return resolvePlainScalar(m_text);
}

std::optional<std::int64_t> Value::toInt() const {
    if (scalarType() != ScalarType::Int) return std::nullopt;
    std::string_view t = m_text;
    bool negative = false;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
        negative = t[0] == '-';
        t.remove_prefix(1);
    }
    int base = 10;
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'o')) {
        base = t[1] == 'x' ? 16 : 8;
        t.remove_prefix(2);
    }
    std::uint64_t magnitude = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), magnitude, base);
    if (ec != std::errc() || ptr != t.data() + t.size()) return std::nullopt;
    if (negative) {
        if (magnitude > static_cast<std::uint64_t>(INT64_MAX) + 1) return std::nullopt;
        return magnitude == static_cast<std::uint64_t>(INT64_MAX) + 1 ? INT64_MIN
                                                                     : -static_cast<std::int64_t>(magnitude);
    }
    if (magnitude > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(magnitude);
}

std::optional<double> Value::toDouble() const {
    auto type = scalarType();
    if (type == ScalarType::Int) {
        if (auto i = toInt()) return static_cast<double>(*i);
        return std::strtod(m_text.c_str(), nullptr);
    }
    if (type != ScalarType::Float) return std::nullopt;
    std::string t = m_text;
    if (t.find("inf") != std::string::npos || t.find("Inf") != std::string::npos || t.find("INF") != std::string::npos)
        return t[0] == '-' ? -INFINITY : INFINITY;
    if (t.find("nan") != std::string::npos || t.find("NaN") != std::string::npos || t.find("NAN") != std::string::npos)
        return NAN;
    return std::strtod(t.c_str(), nullptr);
}

std::optional<bool> Value::toBool() const {
    if (scalarType() != ScalarType::Bool) return std::nullopt;
    return m_text[0] == 't' || m_text[0] == 'T';
}

void Value::push(Value v) {
    if (m_kind != Kind::Sequence) {
        m_kind = Kind::Sequence;
        m_items.clear();
    }
    m_items.push_back(std::move(v));
}

std::size_t Value::size() const {
    if (m_kind == Kind::Sequence) return m_items.size();
    if (m_kind == Kind::Mapping) return m_fields.size();
    return 0;
}

const Value* Value::get(std::string_view key) const {
    if (m_kind != Kind::Mapping) return nullptr;
    for (const auto& f : m_fields)
        if (f.key == key) return &f.val;
    return nullptr;
}

Value* Value::get(std::string_view key) {
    return const_cast<Value*>(static_cast<const Value*>(this)->get(key));
}

const Value::Field* Value::field(std::string_view key) const {
    if (m_kind != Kind::Mapping) return nullptr;
    for (const auto& f : m_fields)
        if (f.key == key) return &f;
    return nullptr;
}

Value& Value::set(std::string key, Value v, Mark keyMark) {
    if (m_kind != Kind::Mapping) {
        m_kind = Kind::Mapping;
        m_fields.clear();
        m_text.clear();
    }
    for (auto& f : m_fields) {
        if (f.key == key) {
            f.val = std::move(v);
            return f.val;
        }
    }
    m_fields.push_back(Field{std::move(key), keyMark, std::move(v)});
    return m_fields.back().val;
}

bool Value::remove(std::string_view key) {
    if (m_kind != Kind::Mapping) return false;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        if (it->key == key) {
            m_fields.erase(it);
            return true;
        }
    }
    return false;
}

const Value* Value::at(std::string_view path) const {
    const Value* cur = this;
    while (cur && !path.empty()) {
        auto dot = path.find('.');
        cur = cur->get(path.substr(0, dot));
        if (dot == std::string_view::npos) break;
        path.remove_prefix(dot + 1);
    }
    return cur;
}

Value& Value::child(std::string key) {
    if (Value* existing = get(key); existing && existing->isMapping()) return *existing;
    return set(std::move(key), mapping());
}

std::string Value::str(std::string_view key, std::string_view fallback) const {
    const Value* v = get(key);
    if (!v || !v->isScalar()) return std::string(fallback);
    return v->text();
}

bool Value::operator==(const Value& o) const {
    if (m_kind != o.m_kind) return false;
    switch (m_kind) {
    case Kind::Null: return true;
    case Kind::Scalar: return m_text == o.m_text && scalarType() == o.scalarType();
    case Kind::Sequence: return m_items == o.m_items;
    case Kind::Mapping:
        if (m_fields.size() != o.m_fields.size()) return false;
        for (std::size_t i = 0; i < m_fields.size(); ++i)
            if (m_fields[i].key != o.m_fields[i].key || !(m_fields[i].val == o.m_fields[i].val)) return false;
        return true;
    }
    return false;
}

std::size_t Value::nodeCount() const {
    std::size_t n = 1;
    for (const auto& i : m_items) n += i.nodeCount();
    for (const auto& f : m_fields) n += f.val.nodeCount();
    return n;
}

}  // namespace ks::api
