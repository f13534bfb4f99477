#include "core/api/json_reader.h"

#include <map>

namespace ks::api {

namespace {

struct NotJson {};            // thrown to give the text to yaml-cpp
struct Reported {};           // thrown after a diagnostic was recorded

class JsonParser {
public:
    JsonParser(std::string_view text, std::size_t begin, std::size_t end, const std::string& file,
               const ReadLimits& limits, Mark start, Diagnostics& diags)
        : m_text(text), m_pos(begin), m_end(end), m_file(file), m_limits(limits), m_diags(diags),
          m_line(start.line), m_col(start.col) {}

    Value parseDocument() {
        skipSpace();
        Value v = parseValue(0);
        skipSpace();
        if (m_pos != m_end) throw NotJson{};
        return v;
    }

private:
    void advanceMark(char c) {
        if (c == '\n') {
            ++m_line;
            m_col = 1;
        } else {
            ++m_col;
        }
    }
    void advance() { advanceMark(m_text[m_pos++]); }
    Mark mark() const { return Mark{m_line, m_col}; }
    bool atEnd() const { return m_pos >= m_end; }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    [[noreturn]] void report(Mark m, std::string message) {
        m_diags.push_back(Diagnostic{Diagnostic::Severity::Error, m_file, m, {}, std::move(message)});
        throw Reported{};
    }

    void countNode(Mark m) {
        if (++m_nodes > m_limits.maxNodes)
            report(m, "document too large: more than " + std::to_string(m_limits.maxNodes) +
                          " nodes after expanding aliases");
    }

    void skipSpace() {
        while (!atEnd()) {
            char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            advance();
        }
    }

    void expect(char c) {
        if (peek() != c) throw NotJson{};
        advance();
    }

    Value parseValue(int depth) {
        Mark m = mark();
        countNode(m);
        char c = peek();
        if (c == '{' || c == '[') {
            if (depth >= m_limits.maxDepth)
                report(m, "nesting deeper than " + std::to_string(m_limits.maxDepth) + " levels");
            return c == '{' ? parseObject(depth + 1, m) : parseArray(depth + 1, m);
        }
        if (c == '"') return Value::string(parseString(), m);
        return parseLiteral(m);
    }

    Value parseObject(int depth, Mark m) {
        Value obj = Value::mapping(m);
        advance();  // {
        std::map<std::string, int, std::less<>> lines;
        skipSpace();
        if (peek() == '}') {
            advance();
            return obj;
        }
        while (true) {
            skipSpace();
            Mark keyMark = mark();
            if (peek() != '"') throw NotJson{};  // unquoted keys are YAML flow style
            countNode(keyMark);
            std::string key = parseString();
            auto [it, inserted] = lines.emplace(key, keyMark.line);
            if (!inserted)
                report(keyMark, "mapping key \"" + key + "\" already defined at line " + std::to_string(it->second));
            skipSpace();
            expect(':');
            skipSpace();
            Value v = parseValue(depth);
            obj.fields().push_back(Value::Field{std::move(key), keyMark, std::move(v)});
            skipSpace();
            if (peek() == ',') {
                advance();
                continue;
            }
            expect('}');
            return obj;
        }
    }

    Value parseArray(int depth, Mark m) {
        Value arr = Value::sequence(m);
        advance();  // [
        skipSpace();
        if (peek() == ']') {
            advance();
            return arr;
        }
        while (true) {
            skipSpace();
            arr.push(parseValue(depth));
            skipSpace();
            if (peek() == ',') {
                advance();
                continue;
            }
            expect(']');
            return arr;
        }
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    unsigned readHex4() {
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            int h = hexValue(peek());
            if (h < 0) throw NotJson{};
            v = v * 16 + static_cast<unsigned>(h);
            advance();
        }
        return v;
    }

    static void appendUtf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::string parseString() {
        advance();  // "
        std::string out;
        while (true) {
            if (atEnd()) throw NotJson{};
            char c = peek();
            if (c == '"') {
                advance();
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20) throw NotJson{};  // YAML allows raw tabs; JSON does not
            if (c != '\\') {
                out += c;
                advance();
                continue;
            }
            advance();
            char e = peek();
            if (atEnd()) throw NotJson{};
            advance();
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned cp = readHex4();
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    // a surrogate pair; a lone half is left to yaml-cpp, which rejects it too
                    if (peek() != '\\') throw NotJson{};
                    advance();
                    if (peek() != 'u') throw NotJson{};
                    advance();
                    unsigned low = readHex4();
                    if (low < 0xDC00 || low > 0xDFFF) throw NotJson{};
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    throw NotJson{};
                }
                if (cp == 0) throw NotJson{};  // NUL inside a string: not something a manifest holds
                appendUtf8(out, cp);
                break;
            }
            default: throw NotJson{};
            }
        }
    }

    // Numbers, true, false and null, kept as plain scalars so that they resolve as YAML would.
    Value parseLiteral(Mark m) {
        std::size_t start = m_pos;
        while (!atEnd()) {
            char c = peek();
            bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
                        c == 'E';
            if (!word) break;
            advance();
        }
        std::string_view t = m_text.substr(start, m_pos - start);
        if (t == "null") return Value::null(m);
        if (t == "true" || t == "false") return Value::plain(std::string(t), m);
        if (!isJsonNumber(t)) throw NotJson{};
        return Value::plain(std::string(t), m);
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    static bool isJsonNumber(std::string_view t) {
        std::size_t i = 0;
        if (i < t.size() && t[i] == '-') ++i;
        if (i >= t.size()) return false;
        if (t[i] == '0') {
            ++i;
        } else if (isDigit(t[i])) {
            while (i < t.size() && isDigit(t[i])) ++i;
        } else {
            return false;
        }
        if (i < t.size() && t[i] == '.') {
            ++i;
            if (i >= t.size() || !isDigit(t[i])) return false;
            while (i < t.size() && isDigit(t[i])) ++i;
        }
        if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
            ++i;
            if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
            if (i >= t.size() || !isDigit(t[i])) return false;
            while (i < t.size() && isDigit(t[i])) ++i;
        }
        return i == t.size();
    }

    std::string_view m_text;
    std::size_t m_pos;
    std::size_t m_end;
    const std::string& m_file;
    const ReadLimits& m_limits;
    Diagnostics& m_diags;
    int m_line;
    int m_col;
    std::size_t m_nodes = 0;
};

}  // namespace

JsonRead readStrictJson(std::string_view text, std::size_t begin, std::size_t end, const std::string& file,
                        const ReadLimits& limits, Mark start, Value& out, Diagnostics& diags) {
    JsonParser parser(text, begin, end, file, limits, start, diags);
    try {
        out = parser.parseDocument();
        return JsonRead::Ok;
    } catch (const NotJson&) {
        return JsonRead::NotJson;
    } catch (const Reported&) {
        return JsonRead::Error;
    }
}

}  // namespace ks::api
