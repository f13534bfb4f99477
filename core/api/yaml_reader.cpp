#include "core/api/yaml_reader.h"

#include "core/api/json_reader.h"

#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace ks::api {

namespace {

Mark toMark(const YAML::Mark& m, int lineOffset) {
    if (m.line < 0) return {};
    return Mark{m.line + 1 + lineOffset, m.column + 1};
}

// Thrown out of the event handler to abandon a parse whose error is already recorded.
struct ParseAborted {};

// Builds Values from yaml-cpp's parse events.
class Builder : public YAML::EventHandler {
public:
    Builder(std::string_view text, const std::string& file, const ReadLimits& limits, int lineOffset,
            Diagnostics& diags)
        : m_text(text), m_file(file), m_limits(limits), m_lineOffset(lineOffset), m_diags(diags) {}

    std::vector<Value> documents;
    bool failed = false;

    void OnDocumentStart(const YAML::Mark&) override {
        m_stack.clear();
        m_anchors.clear();
        m_hasRoot = false;
        m_root = Value();
    }

    void OnDocumentEnd() override {
        if (!failed && m_hasRoot && !m_root.isNull()) documents.push_back(std::move(m_root));
        m_root = Value();
        m_hasRoot = false;
    }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        add(Value::null(toMark(mark, m_lineOffset)), anchor);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) {
            error(toMark(mark, m_lineOffset), "unknown anchor");
            return;
        }
        std::size_t n = it->second.nodeCount();
        m_aliasNodes += n;
        if (!count(n, toMark(mark, m_lineOffset))) return;
        if (excessiveAliasing()) {
            error(toMark(mark, m_lineOffset), "document contains excessive aliasing");
            return;
        }
        Value copy = it->second;
        copy.setMark(toMark(mark, m_lineOffset));
        add(std::move(copy), 0, /*counted=*/true);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        Mark m = toMark(mark, m_lineOffset);
        // yaml-cpp tags non-plain (quoted or block) scalars "!" and plain ones "?".
        bool quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
        if (quoted) checkQuoteClosed(mark);
        // A tagged empty node ("key: !tag") comes as an empty plain scalar: it is a null like any other.
        if (!quoted && resolvePlainScalar(value) == Value::ScalarType::Null) {
            add(Value::null(m), anchor);
            return;
        }
        add(quoted ? Value::string(value, m) : Value::plain(value, m), anchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(Value::sequence(toMark(mark, m_lineOffset)), anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(Value::mapping(toMark(mark, m_lineOffset)), anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        Value value;
        YAML::anchor_t anchor = 0;
        // For mappings: the pending key, and the keys seen so far (for duplicate detection).
        bool haveKey = false;
        std::string key;
        Mark keyMark;
        std::unordered_map<std::string, int> keyLines;
    };

    bool count(std::size_t n, Mark m) {
        m_nodes += n;
        // Every node written in the text takes at least one character of it. yaml-cpp 0.7 can
        // loop on some malformed flow collections, producing nulls without end: stop it at once
        // instead of at the size cap.
        if (m_nodes - m_aliasNodes > 2 * m_text.size() + 64) {
            error(m, "malformed YAML: the parser produced more nodes than the text can hold");
            return false;
        }
        if (m_nodes > m_limits.maxNodes) {
            error(m, "document too large: more than " + std::to_string(m_limits.maxNodes) +
                         " nodes after expanding aliases");
            return false;
        }
        return true;
    }

    // The rule of the YAML decoder behind kubectl and the API server (go-yaml decode.go): once
    // more than 100 nodes came from aliases and more than 1000 were decoded, aliases may make up
    // at most 99% of the nodes (up to 400,000 decoded), falling linearly to 10% at 4,000,000.
    // An alias bomb is refused after a few thousand nodes instead of at the size cap.
    bool excessiveAliasing() const {
        if (m_aliasNodes <= 100 || m_nodes <= 1000) return false;
        constexpr double kLow = 400'000, kHigh = 4'000'000;
        const double decoded = static_cast<double>(m_nodes);
        const double allowed = decoded <= kLow    ? 0.99
                               : decoded >= kHigh ? 0.10
                                                  : 0.99 - 0.89 * ((decoded - kLow) / (kHigh - kLow));
        return static_cast<double>(m_aliasNodes) / decoded > allowed;
    }

    void open(Value v, YAML::anchor_t anchor) {
        if (failed) return;
        if (!count(1, v.mark())) return;
        if (static_cast<int>(m_stack.size()) >= m_limits.maxDepth) {
            error(v.mark(), "nesting deeper than " + std::to_string(m_limits.maxDepth) + " levels");
            return;
        }
        m_stack.push_back(Frame{std::move(v), anchor, false, {}, {}, {}});
    }

    void close() {
        if (failed || m_stack.empty()) return;
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        if (f.haveKey) f.value.set(f.key, Value::null(), f.keyMark);  // cannot happen with valid events
        add(std::move(f.value), f.anchor, /*counted=*/true);
    }

    void add(Value v, YAML::anchor_t anchor, bool counted = false) {
        if (failed) return;
        if (!counted && !count(1, v.mark())) return;
        if (anchor != 0) m_anchors[anchor] = v;
        if (m_stack.empty()) {
            m_root = std::move(v);
            m_hasRoot = true;
            return;
        }
        Frame& top = m_stack.back();
        if (top.value.isSequence()) {
            top.value.push(std::move(v));
            return;
        }
        if (!top.haveKey) {
            if (!v.isScalar() && !v.isNull()) {
                error(v.mark(), "mapping keys must be scalars");
                return;
            }
            top.key = v.isNull() ? "null" : v.text();
            top.keyMark = v.mark();
            top.haveKey = true;
            auto [it, inserted] = top.keyLines.emplace(top.key, top.keyMark.line);
            if (!inserted) {
                error(top.keyMark, "mapping key \"" + top.key + "\" already defined at line " +
                                       std::to_string(it->second));
            }
            return;
        }
        top.value.fields().push_back(Value::Field{std::move(top.key), top.keyMark, std::move(v)});
        top.haveKey = false;
        top.key.clear();
    }

    // yaml-cpp 0.7 lets an unterminated quoted scalar swallow the rest of the file.
    void checkQuoteClosed(const YAML::Mark& mark) {
        if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= m_text.size()) return;
        char q = m_text[mark.pos];
        if (q != '"' && q != '\'') return;
        for (std::size_t i = mark.pos + 1; i < m_text.size(); ++i) {
            char c = m_text[i];
            if (q == '"' && c == '\\') {
                ++i;
                continue;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < m_text.size() && m_text[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                return;
            }
        }
        error(toMark(mark, m_lineOffset), std::string("found unexpected end of stream while scanning a ") +
                                              (q == '"' ? "double" : "single") + "-quoted scalar");
    }

    // Stops yaml-cpp at the first error: otherwise it would go on scanning a 50 MB document
    // whose events are all ignored.
    [[noreturn]] void error(Mark m, std::string message) {
        m_diags.push_back(Diagnostic{Diagnostic::Severity::Error, m_file, m, {}, std::move(message)});
        failed = true;
        throw ParseAborted{};
    }

    std::string_view m_text;
    const std::string& m_file;
    const ReadLimits& m_limits;
    int m_lineOffset;
    Diagnostics& m_diags;
    std::vector<Frame> m_stack;
    std::unordered_map<YAML::anchor_t, Value> m_anchors;
    Value m_root;
    bool m_hasRoot = false;
    std::size_t m_nodes = 0;
    std::size_t m_aliasNodes = 0;  // of m_nodes, those that came from expanding aliases
};

// Turns yaml-cpp's "yaml-cpp: error at line 3, column 5: illegal map value" into its message part.
std::string exceptionMessage(const YAML::Exception& e) {
    std::string msg = e.msg;
    if (msg.empty()) msg = e.what();
    return msg;
}

// go-yaml (kubectl's reader) accepts only these code points in a stream; yaml-cpp passes anything
// through, and invalid UTF-8 would come back from the writer as U+FFFD. Returns the byte offset of
// the first offending sequence and go-yaml's message, or npos.
std::pair<std::size_t, const char*> findBadCharacter(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size()) {
        auto b = static_cast<unsigned char>(t[i]);
        if (b < 0x80) {
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return {i, "control characters are not allowed"};
            if (b == 0x7F) return {i, "control characters are not allowed"};
            ++i;
            continue;
        }
        std::size_t len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0) return {i, "invalid leading UTF-8 octet"};
        if (i + len > t.size()) return {i, "incomplete UTF-8 octet sequence"};
        std::uint32_t cp = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            auto c = static_cast<unsigned char>(t[i + k]);
            if ((c & 0xC0) != 0x80) return {i, "invalid trailing UTF-8 octet"};
            cp = (cp << 6) | (c & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
            return {i, "invalid length of a UTF-8 sequence"};
        bool allowed = cp == 0x85 || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                       (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!allowed) return {i, "control characters are not allowed"};
        i += len;
    }
    return {std::string_view::npos, nullptr};
}

Mark markAt(std::string_view t, std::size_t offset) {
    Mark m{1, 1};
    for (std::size_t k = 0; k < offset; ++k) {
        if (t[k] == '\n') {
            ++m.line;
            m.col = 1;
        } else {
            ++m.col;
        }
    }
    return m;
}



// A cheap scan of what yaml-cpp 0.7 is about to read, for two of its weaknesses:
// - it queues every token of a flow collection before it reports the collection (the opening
//   bracket might start a simple key), so `[1,1,1,...]` over 50 MB would take gigabytes before the
//   Builder could count a single node. Each comma in flow context separates at least one node:
//   their count is a lower bound of the nodes.
// - a comma where a document's top-level node should start (", x" or "[a], b") sends it into an
//   endless stream of null nodes.
// Quotes open only where a token starts, as in YAML, and block scalars (| and >) are skipped.
struct PrescanProblem {
    std::size_t offset = std::string_view::npos;
    const char* message = nullptr;
};

PrescanProblem prescan(std::string_view t, std::size_t limit) {
    std::size_t entries = 0;
    int depth = 0;
    char prev = '\n';  // last character that is not a blank
    bool blankSincePrev = true;
    bool closedQuote = false;  // prev ended a quoted scalar
    bool closedFlow = false;   // prev ended a top-level flow collection
    char tokenFirst = '\0';    // first character of the current token (a tag, anchor or alias: '!', '&', '*')
    std::size_t lineStart = 0;
    auto indentOf = [&](std::size_t from) {
        std::size_t n = 0;
        while (from + n < t.size() && t[from + n] == ' ') ++n;
        return n;
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            blankSincePrev = true;
            if (c == '\n') {
                lineStart = i + 1;
                if (depth == 0) prev = '\n';
            }
            continue;
        }
        // A token starts after an indicator, or after a node's properties (&anchor, !tag).
        bool tokenStart = prev == '\n' || (depth > 0 && (prev == '[' || prev == '{' || prev == ',')) ||
                          ((prev == ':' || prev == '-' || prev == '?') && blankSincePrev) ||
                          (blankSincePrev && (tokenFirst == '&' || tokenFirst == '!'));
        if (c == '#' && blankSincePrev) {
            while (i + 1 < t.size() && t[i + 1] != '\n') ++i;
            continue;
        }
        if ((c == '"' || c == '\'') && tokenStart) {
            for (++i; i < t.size(); ++i) {
                if (c == '"' && t[i] == '\\') {
                    ++i;
                } else if (t[i] == c) {
                    if (c == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
            prev = c;
            blankSincePrev = false;
            closedQuote = true;
            continue;
        }
        bool afterQuote = closedQuote;
        closedQuote = false;
        bool afterFlow = closedFlow;
        closedFlow = false;
        char previousTokenFirst = tokenFirst;
        // only a token that starts a node can be a property or an alias; inside a plain scalar
        // "x *c" or "a &b" are content
        if (blankSincePrev || tokenStart) tokenFirst = tokenStart ? c : '\0';
        if ((c == '|' || c == '>') && depth == 0 && tokenStart) {
            // Skip the block scalar: the rest of this line, then every blank line or line indented
            // deeper than the line that holds the indicator.
            std::size_t parentIndent = indentOf(lineStart);
            std::size_t eol = t.find('\n', i);
            while (eol != std::string_view::npos) {
                std::size_t next = eol + 1;
                std::size_t indent = indentOf(next);
                bool blank = next + indent >= t.size() || t[next + indent] == '\n' || t[next + indent] == '\r';
                if (!blank && indent <= parentIndent) break;
                eol = t.find('\n', next);
            }
            if (eol == std::string_view::npos) return {};
            i = eol - 1;  // the newline is handled by the loop
            prev = '\n';
            continue;
        }
        if ((c == '[' || c == '{') && (depth > 0 || tokenStart)) {
            ++depth;
        } else if ((c == ']' || c == '}') && depth > 0) {
            closedFlow = --depth == 0;
        } else if (c == ',') {
            if (depth > 0) {
                if (++entries > limit)
                    return {i, "document too large: more than the node limit after expanding aliases"};
            } else if (tokenStart || afterFlow || afterQuote || previousTokenFirst == '!' ||
                       previousTokenFirst == '&' || previousTokenFirst == '*') {
                return {i, "did not find expected node content"};
            }
        }
        prev = c;
        blankSincePrev = false;
    }
    return {};
}

void parseChunk(std::string_view chunk, const std::string& file, const ReadLimits& limits, int lineOffset,
                ReadResult& out) {
    if (auto problem = prescan(chunk, limits.maxNodes); problem.message) {
        Mark m = markAt(chunk, problem.offset);
        m.line += lineOffset;
        std::string message = problem.message;
        if (message.rfind("document too large", 0) == 0)
            message = "document too large: more than " + std::to_string(limits.maxNodes) + " nodes after expanding aliases";
        out.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, file, m, {}, std::move(message)});
        return;
    }
    std::string buffer(chunk);
    std::istringstream in(buffer);
    Builder builder(chunk, file, limits, lineOffset, out.diagnostics);
    try {
        YAML::Parser parser(in);
        while (!builder.failed && parser.HandleNextDocument(builder)) {
        }
    } catch (const ParseAborted&) {
        return;
    } catch (const YAML::DeepRecursion& e) {
        out.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, file, toMark(e.mark, lineOffset), {},
                                             "nesting deeper than " + std::to_string(e.depth()) + " levels"});
        return;
    } catch (const YAML::Exception& e) {
        out.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::Error, file, toMark(e.mark, lineOffset), {}, exceptionMessage(e)});
        return;
    } catch (const std::exception& e) {
        out.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, file, {}, {}, e.what()});
        return;
    }
    for (auto& d : builder.documents) out.documents.push_back(std::move(d));
}

// A file that starts with '{' or '[' may be a stream of concatenated JSON values with no
// separators ("{...}{...}"), which is not YAML. Returns the [begin, end) byte ranges of the
// top-level values, or an empty list when the text is not such a stream.
std::vector<std::pair<std::size_t, std::size_t>> splitJsonStream(std::string_view t) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::size_t i = 0;
    auto skipSpace = [&] {
        while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    };
    skipSpace();
    if (i >= t.size() || (t[i] != '{' && t[i] != '[')) return {};
    while (i < t.size()) {
        if (t[i] != '{' && t[i] != '[') return {};  // not a pure JSON stream: let YAML decide
        std::size_t begin = i;
        int depth = 0;
        bool inString = false;
        for (; i < t.size(); ++i) {
            char c = t[i];
            if (inString) {
                if (c == '\\') ++i;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '{' || c == '[') ++depth;
            else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ++i;
                    break;
                }
            }
        }
        if (depth != 0) return {};
        ranges.emplace_back(begin, i);
        skipSpace();
    }
    return ranges;
}


}  // namespace

ReadResult readYaml(std::string_view text, const std::string& fileName, const ReadLimits& limits) {
    ReadResult out;
    if (text.find('\0') != std::string_view::npos) {
        out.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, fileName, {}, {},
                                             "file contains NUL bytes: not a text file"});
        return out;
    }
    if (auto [offset, message] = findBadCharacter(text); message) {
        out.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::Error, fileName, markAt(text, offset), {}, message});
        return out;
    }
    auto ranges = splitJsonStream(text);
    // Strict JSON is read without yaml-cpp (see json_reader.h); a position cursor walks the text
    // once so that a stream of 100,000 objects costs no more than one big object.
    Mark cursor{1, 1};
    std::size_t cursorPos = 0;
    for (auto [begin, end] : ranges) {
        for (; cursorPos < begin; ++cursorPos) {
            if (text[cursorPos] == '\n') {
                ++cursor.line;
                cursor.col = 1;
            } else {
                ++cursor.col;
            }
        }
        Value doc;
        JsonRead read = readStrictJson(text.substr(0, end), begin, end, fileName, limits, cursor, doc, out.diagnostics);
        if (read == JsonRead::Error) return out;
        if (read == JsonRead::Ok) {
            out.documents.push_back(std::move(doc));
            continue;
        }
        // Not strict JSON (KYAML, JSON with comments...): yaml-cpp reads it.
        if (ranges.size() == 1) break;
        // Pad the chunk so that yaml-cpp's marks match the positions in the whole file.
        std::string padded(static_cast<std::size_t>(cursor.col - 1), ' ');
        padded.append(text.substr(begin, end - begin));
        parseChunk(padded, fileName, limits, cursor.line - 1, out);
        if (!out.ok()) return out;
    }
    if (ranges.size() <= 1 && out.documents.empty()) parseChunk(text, fileName, limits, 0, out);
    return out;
}

ReadResult readYamlFile(const std::string& path, const ReadLimits& limits) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ReadResult out;
        out.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::Error, path, {}, {}, "cannot open file"});
        return out;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return readYaml(ss.str(), path, limits);
}

}  // namespace ks::api
