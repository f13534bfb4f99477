#include "core/lesson/rich_text.h"

#include <cctype>

namespace ks::lesson {

namespace {

bool isAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool isLessonId(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (char c : id)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
            return false;
    return true;
}

// What a line of a block is.
struct LineKind {
    enum Type { Blank, Paragraph, Bullet, Numbered } type = Paragraph;
    std::size_t contentStart = 0;  // where the inline content begins
};

LineKind classify(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i == line.size()) return {LineKind::Blank, i};
    if ((line[i] == '-' || line[i] == '*') && i + 1 < line.size() && line[i + 1] == ' ' &&
        !(line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*'))
        return {LineKind::Bullet, i + 2};
    std::size_t d = i;
    while (d < line.size() && std::isdigit(static_cast<unsigned char>(line[d]))) ++d;
    if (d > i && d + 1 < line.size() && line[d] == '.' && line[d + 1] == ' ') return {LineKind::Numbered, d + 2};
    return {LineKind::Paragraph, i};
}

// Receives the pieces of one line's inline content.
struct InlineSink {
    virtual ~InlineSink() = default;
    virtual void text(std::string_view s) = 0;
    virtual void bold(bool open) = 0;
    virtual void code(std::string_view s) = 0;
    virtual void link(std::string_view text, std::string_view lessonId) = 0;
    virtual void problem(std::size_t col, std::string message) = 0;  // 0-based column in the line
};

// Parses [from, end) of line.
void parseInline(std::string_view line, std::size_t from, InlineSink& sink) {
    bool inBold = false;
    std::size_t boldAt = 0;
    std::size_t textStart = from;
    auto flush = [&](std::size_t upTo) {
        if (upTo > textStart) sink.text(line.substr(textStart, upTo - textStart));
    };
    std::size_t i = from;
    while (i < line.size()) {
        char c = line[i];
        if (c == '`') {
            flush(i);
            std::size_t close = line.find('`', i + 1);
            if (close == std::string_view::npos) {
                sink.problem(i, "unclosed ` (code must end on the same line)");
                return;
            }
            sink.code(line.substr(i + 1, close - i - 1));
            i = close + 1;
            textStart = i;
            continue;
        }
        if (c == '*' && i + 1 < line.size() && line[i + 1] == '*') {
            flush(i);
            inBold = !inBold;
            boldAt = i;
            sink.bold(inBold);
            i += 2;
            textStart = i;
            continue;
        }
        if (c == '<' && i + 1 < line.size() && (isAlpha(line[i + 1]) || line[i + 1] == '/' || line[i + 1] == '!' || line[i + 1] == '?')) {
            sink.problem(i, "raw HTML is not allowed in lesson text (write `<...>` inside code)");
            return;
        }
        if (c == '&' && i + 1 < line.size() && (isAlpha(line[i + 1]) || line[i + 1] == '#')) {
            std::size_t j = i + 1;
            while (j < line.size() && (isAlnum(line[j]) || line[j] == '#')) ++j;
            if (j < line.size() && line[j] == ';') {
                sink.problem(i, "HTML entities are not allowed in lesson text; write the character itself");
                return;
            }
        }
        if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {
            sink.problem(i, "images are not allowed in lesson text");
            return;
        }
        if (c == '[') {
            std::size_t closeText = line.find(']', i + 1);
            if (closeText != std::string_view::npos && closeText + 1 < line.size() && line[closeText + 1] == '(') {
                std::size_t closeTarget = line.find(')', closeText + 2);
                if (closeTarget == std::string_view::npos) {
                    sink.problem(i, "unclosed link: write [text](lesson:ID)");
                    return;
                }
                std::string_view label = line.substr(i + 1, closeText - i - 1);
                std::string_view target = line.substr(closeText + 2, closeTarget - closeText - 2);
                constexpr std::string_view kScheme = "lesson:";
                if (target.substr(0, kScheme.size()) != kScheme) {
                    sink.problem(closeText + 2, "links may only point to other lessons: [text](lesson:ID), not \"" +
                                                    std::string(target) + "\"");
                    return;
                }
                std::string_view id = target.substr(kScheme.size());
                if (!isLessonId(id)) {
                    sink.problem(closeText + 2 + kScheme.size(), "invalid lesson id \"" + std::string(id) + "\"");
                    return;
                }
                for (char lc : label)
                    if (lc == '`' || lc == '*' || lc == '<' || lc == '[') {
                        sink.problem(i + 1, "link text must be plain text");
                        return;
                    }
                flush(i);
                sink.link(label, id);
                i = closeTarget + 1;
                textStart = i;
                continue;
            }
        }
        ++i;
    }
    flush(line.size());
    if (inBold) sink.problem(boldAt, "unclosed ** (bold must end on the same line)");
}

std::vector<std::string_view> lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            if (start < text.size()) out.push_back(text.substr(start));
            break;
        }
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

struct ProblemCollector : InlineSink {
    std::vector<RichTextProblem>& out;
    int line;
    explicit ProblemCollector(std::vector<RichTextProblem>& o, int l) : out(o), line(l) {}
    void text(std::string_view) override {}
    void bold(bool) override {}
    void code(std::string_view) override {}
    void link(std::string_view, std::string_view) override {}
    void problem(std::size_t col, std::string message) override {
        out.push_back({line, static_cast<int>(col) + 1, std::move(message)});
    }
};

void escapeInto(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
}

struct HtmlSink : InlineSink {
    std::string& out;
    explicit HtmlSink(std::string& o) : out(o) {}
    void text(std::string_view s) override { escapeInto(out, s); }
    void bold(bool open) override { out += open ? "<b>" : "</b>"; }
    void code(std::string_view s) override {
        out += "<code>";
        escapeInto(out, s);
        out += "</code>";
    }
    void link(std::string_view label, std::string_view id) override {
        out += "<a href=\"lesson:";
        escapeInto(out, id);
        out += "\">";
        escapeInto(out, label);
        out += "</a>";
    }
    void problem(std::size_t, std::string) override {}
};

struct PlainSink : InlineSink {
    std::string& out;
    explicit PlainSink(std::string& o) : out(o) {}
    void text(std::string_view s) override { out += s; }
    void bold(bool) override {}
    void code(std::string_view s) override { out += s; }
    void link(std::string_view label, std::string_view) override { out += label; }
    void problem(std::size_t, std::string) override {}
};

struct LinkSink : InlineSink {
    std::vector<std::string>& out;
    explicit LinkSink(std::vector<std::string>& o) : out(o) {}
    void text(std::string_view) override {}
    void bold(bool) override {}
    void code(std::string_view) override {}
    void link(std::string_view, std::string_view id) override { out.emplace_back(id); }
    void problem(std::size_t, std::string) override {}
};

}  // namespace

std::vector<RichTextProblem> checkRichText(std::string_view text, bool inlineOnly) {
    std::vector<RichTextProblem> out;
    auto all = lines(text);
    if (inlineOnly && all.size() > 1) {
        out.push_back({2, 1, "only one line of text is allowed here"});
        return out;
    }
    for (std::size_t n = 0; n < all.size(); ++n) {
        std::string_view line = all[n];
        int lineNo = static_cast<int>(n) + 1;
        LineKind kind = classify(line);
        if (kind.type == LineKind::Blank) continue;
        if (inlineOnly && (kind.type == LineKind::Bullet || kind.type == LineKind::Numbered)) {
            out.push_back({lineNo, 1, "lists are not allowed here"});
            continue;
        }
        std::size_t first = kind.contentStart;
        if (kind.type == LineKind::Paragraph) {
            char c = line[first];
            std::string_view rest = line.substr(first);
            const char* unsupported = nullptr;
            if (c == '#') unsupported = "headings are not supported in lesson text; the lesson and step titles are the headings";
            else if (c == '>') unsupported = "block quotes are not supported in lesson text";
            else if (rest.substr(0, 3) == "```" || rest.substr(0, 3) == "~~~")
                unsupported = "code blocks are not supported in lesson text; use `inline code`";
            else if (c == '|') unsupported = "tables are not supported in lesson text";
            if (unsupported) {
                out.push_back({lineNo, static_cast<int>(first) + 1, unsupported});
                continue;
            }
        }
        ProblemCollector sink(out, lineNo);
        parseInline(line, first, sink);
    }
    return out;
}

std::vector<std::string> lessonLinks(std::string_view text) {
    std::vector<std::string> out;
    LinkSink sink(out);
    for (auto line : lines(text)) {
        LineKind kind = classify(line);
        if (kind.type != LineKind::Blank) parseInline(line, kind.contentStart, sink);
    }
    return out;
}

std::string richTextToHtml(std::string_view text) {
    std::string out;
    enum class Open { None, Paragraph, Bullets, Numbers } open = Open::None;
    auto close = [&] {
        switch (open) {
        case Open::Paragraph: out += "</p>"; break;
        case Open::Bullets: out += "</li></ul>"; break;
        case Open::Numbers: out += "</li></ol>"; break;
        case Open::None: break;
        }
        open = Open::None;
    };
    HtmlSink sink(out);
    for (auto line : lines(text)) {
        LineKind kind = classify(line);
        switch (kind.type) {
        case LineKind::Blank: close(); continue;
        case LineKind::Bullet:
            if (open == Open::Bullets) out += "</li><li>";
            else {
                close();
                out += "<ul><li>";
                open = Open::Bullets;
            }
            break;
        case LineKind::Numbered:
            if (open == Open::Numbers) out += "</li><li>";
            else {
                close();
                out += "<ol><li>";
                open = Open::Numbers;
            }
            break;
        case LineKind::Paragraph:
            // A line after a paragraph or a list item continues it.
            if (open == Open::None) {
                out += "<p>";
                open = Open::Paragraph;
            } else {
                out += ' ';
            }
            break;
        }
        parseInline(line, kind.contentStart, sink);
    }
    close();
    return out;
}

std::string richTextToPlain(std::string_view text) {
    std::string out;
    PlainSink sink(out);
    bool first = true;
    for (auto line : lines(text)) {
        if (!first) out += '\n';
        first = false;
        LineKind kind = classify(line);
        if (kind.type == LineKind::Bullet) out += "• ";
        if (kind.type == LineKind::Numbered) out += line.substr(0, kind.contentStart);
        if (kind.type != LineKind::Blank) parseInline(line, kind.contentStart, sink);
    }
    return out;
}

}  // namespace ks::lesson
