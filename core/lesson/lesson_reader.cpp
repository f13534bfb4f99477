#include "core/lesson/lesson_reader.h"

#include "core/lesson/rich_text.h"

namespace ks::lesson::detail {

namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return out;
}

const char* kindName(const Value& v) {
    switch (v.kind()) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Scalar: return "a scalar";
    case Value::Kind::Sequence: return "a list";
    case Value::Kind::Mapping: return "a mapping";
    }
    return "a value";
}

}  // namespace

Reader::Reader(std::string file, std::string_view source, api::Diagnostics& out)
    : m_file(std::move(file)), m_lines(splitLines(source)), m_out(out) {}

void Reader::error(Mark mark, const std::string& path, std::string message) {
    ++m_errors;
    m_out.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, m_file, mark, path, std::move(message)});
}

bool Reader::isMapping(const Value& v, const std::string& path) {
    if (v.isMapping()) return true;
    error(v.mark(), path, std::string("expected a mapping, got ") + kindName(v));
    return false;
}

bool Reader::isSequence(const Value& v, const std::string& path) {
    if (v.isSequence()) return true;
    error(v.mark(), path, std::string("expected a list, got ") + kindName(v));
    return false;
}

void Reader::onlyFields(const Value& map, const std::string& path, std::initializer_list<std::string_view> allowed) {
    for (const auto& f : map.fields()) {
        bool known = false;
        for (auto a : allowed)
            if (f.key == a) known = true;
        if (known) continue;
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        error(f.keyMark.known() ? f.keyMark : f.val.mark(), child(path, f.key),
              "unknown field \"" + f.key + "\" (known fields: " + list + ")");
    }
}

const Value* Reader::field(const Value& map, std::string_view key, const std::string& path, bool required) {
    const Value* v = map.get(key);
    if (v && !v->isNull()) return v;
    if (required) error(map.mark(), child(path, key), "Required value");
    return nullptr;
}

std::optional<std::string> Reader::scalarString(const Value& v, const std::string& path) {
    if (v.isScalar()) return v.text();
    error(v.mark(), path, std::string("expected a string, got ") + kindName(v));
    return std::nullopt;
}

std::optional<std::string> Reader::string(const Value& map, std::string_view key, const std::string& path,
                                          bool required) {
    const Value* v = field(map, key, path, required);
    if (!v) return std::nullopt;
    auto s = scalarString(*v, child(path, key));
    if (s && s->empty() && required) {
        error(v->mark(), child(path, key), "Required value");
        return std::nullopt;
    }
    return s;
}

std::optional<std::int64_t> Reader::integer(const Value& map, std::string_view key, const std::string& path,
                                            bool required, std::int64_t min, std::int64_t max) {
    const Value* v = field(map, key, path, required);
    if (!v) return std::nullopt;
    auto n = v->isScalar() && v->style() == Value::Style::Plain ? v->toInt() : std::nullopt;
    if (!n) {
        error(v->mark(), child(path, key), "expected an integer, got \"" + v->text() + "\"");
        return std::nullopt;
    }
    if (*n < min || *n > max) {
        error(v->mark(), child(path, key),
              "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + std::to_string(*n));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> Reader::boolean(const Value& map, std::string_view key, const std::string& path) {
    const Value* v = field(map, key, path, false);
    if (!v) return std::nullopt;
    auto b = v->isScalar() && v->style() == Value::Style::Plain ? v->toBool() : std::nullopt;
    if (!b) error(v->mark(), child(path, key), "expected true or false, got \"" + v->text() + "\"");
    return b;
}

std::optional<sim::Duration> Reader::duration(const Value& v, const std::string& path, sim::Duration minimum) {
    auto text = scalarString(v, path);
    if (!text) return std::nullopt;
    auto parsed = sim::parseDuration(*text);
    if (!parsed.ok()) {
        error(v.mark(), path, parsed.error);
        return std::nullopt;
    }
    if (*parsed.value < minimum) {
        error(v.mark(), path, "must be at least " + sim::formatDuration(minimum) + ", got " + *text);
        return std::nullopt;
    }
    return parsed.value;
}

std::vector<std::string> Reader::stringList(const Value& map, std::string_view key, const std::string& path,
                                            bool required) {
    std::vector<std::string> out;
    const Value* v = field(map, key, path, required);
    if (!v || !isSequence(*v, child(path, key))) return out;
    for (std::size_t i = 0; i < v->items().size(); ++i)
        if (auto s = scalarString(v->items()[i], index(child(path, key), i))) out.push_back(*s);
    return out;
}

Text Reader::text(const Value& map, std::string_view key, const std::string& path, bool required, bool inlineOnly) {
    Text t;
    const Value* v = field(map, key, path, required);
    if (!v) return t;
    std::string p = child(path, key);
    if (!isMapping(*v, p)) return t;
    onlyFields(*v, p, {"zh", "en"});
    for (const char* lang : {"zh", "en"}) {
        const Value* s = field(*v, lang, p, true);
        if (!s) continue;
        std::string lp = child(p, lang);
        auto value = scalarString(*s, lp);
        if (!value) continue;
        if (value->find_first_not_of(" \n\t") == std::string::npos) {
            error(s->mark(), lp, "Required value");
            continue;
        }
        for (const auto& problem : checkRichText(*value, inlineOnly))
            error(locate(*s, problem.line, problem.col), lp, problem.message);
        // A block scalar ends with a newline; the texts are kept without it.
        std::string clean = *value;
        while (!clean.empty() && (clean.back() == '\n' || clean.back() == ' ')) clean.pop_back();
        (std::string(lang) == "zh" ? t.zh : t.en) = clean;
        (std::string(lang) == "zh" ? t.zhMark : t.enMark) = s->mark();
    }
    return t;
}

Mark Reader::locate(const Value& scalar, int line, int col) const {
    Mark m = scalar.mark();
    if (!m.known()) return m;
    // The text's lines, as the scalar holds them.
    std::string_view text = scalar.text();
    std::vector<std::string_view> textLines = splitLines(text);
    std::size_t fileLine = static_cast<std::size_t>(m.line - 1);
    for (int n = 1; n <= line && n <= static_cast<int>(textLines.size()); ++n) {
        std::string_view wanted = textLines[n - 1];
        if (wanted.empty()) {
            if (n == line) return m;
            if (n > 1) ++fileLine;  // a blank line of the text is a blank line of the block
            continue;
        }
        bool found = false;
        for (std::size_t f = fileLine; f < m_lines.size(); ++f) {
            std::size_t from = f == static_cast<std::size_t>(m.line - 1) ? static_cast<std::size_t>(m.col - 1) : 0;
            if (from > m_lines[f].size()) continue;
            std::size_t at = m_lines[f].find(wanted, from);
            if (at == std::string_view::npos) continue;
            if (n == line) return Mark{static_cast<int>(f) + 1, static_cast<int>(at) + col};
            fileLine = f + 1;
            found = true;
            break;
        }
        if (!found) return m;
    }
    return m;
}

}  // namespace ks::lesson::detail
