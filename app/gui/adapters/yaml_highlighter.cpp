#include "yaml_highlighter.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>

namespace ks::gui {

namespace {

enum class Part { None, Key, String, Number, Comment, Marker };

struct Span {
    int start = 0, length = 0;
    Part part = Part::None;
};

// The spans of one line. Block scalars and multi-line flow collections are coloured line by
// line, which is enough for the objects the writer produces and the edits made on them.
std::vector<Span> spansOf(const QString& line) {
    std::vector<Span> spans;
    static const QRegularExpression marker(QStringLiteral("^(---|\\.\\.\\.)(\\s|$)"));
    if (marker.match(line).hasMatch()) {
        spans.push_back({0, 3, Part::Marker});
        return spans;
    }
    // Comments: a # at the start or after a blank, outside quotes.
    int commentAt = -1;
    QChar quote;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == quote) quote = QChar();
            continue;
        }
        if (c == '"' || c == '\'') quote = c;
        else if (c == '#' && (i == 0 || line[i - 1].isSpace())) {
            commentAt = i;
            break;
        }
    }
    const QString code = commentAt >= 0 ? line.left(commentAt) : line;
    // key: (after indentation and "- "), possibly quoted.
    static const QRegularExpression key(QStringLiteral("^(\\s*(?:-\\s+)*)([^\\s#\"'{}\\[\\],&*!|>%@`][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(\\s|$)"));
    int valueFrom = 0;
    if (auto m = key.match(code); m.hasMatch()) {
        spans.push_back({static_cast<int>(m.capturedStart(2)), static_cast<int>(m.capturedLength(2)), Part::Key});
        valueFrom = static_cast<int>(m.capturedEnd(2)) + 1;
    }
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^']|'')*'?"));
    auto it = quoted.globalMatch(code, valueFrom);
    std::vector<std::pair<int, int>> strings;
    while (it.hasNext()) {
        auto m = it.next();
        spans.push_back({static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()), Part::String});
        strings.emplace_back(m.capturedStart(), m.capturedEnd());
    }
    static const QRegularExpression scalar(
        QStringLiteral("(?<![\\w.-])(-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|~)(?![\\w.-])"));
    auto nums = scalar.globalMatch(code, valueFrom);
    while (nums.hasNext()) {
        auto m = nums.next();
        const int s = static_cast<int>(m.capturedStart(1));
        bool inString = false;
        for (const auto& [a, b] : strings)
            if (s >= a && s < b) inString = true;
        if (!inString) spans.push_back({s, static_cast<int>(m.capturedLength(1)), Part::Number});
    }
    if (commentAt >= 0) spans.push_back({commentAt, static_cast<int>(line.size()) - commentAt, Part::Comment});
    return spans;
}

const char* partName(Part p) {
    switch (p) {
    case Part::Key: return "key";
    case Part::String: return "string";
    case Part::Number: return "number";
    case Part::Comment: return "comment";
    case Part::Marker: return "marker";
    default: return "";
    }
}

}  // namespace

class YamlSyntax : public QSyntaxHighlighter {
public:
    YamlSyntax(YamlHighlighter* owner, QTextDocument* doc) : QSyntaxHighlighter(doc), m_owner(owner) {}

protected:
    void highlightBlock(const QString& text) override {
        for (const Span& s : spansOf(text)) {
            QTextCharFormat f;
            switch (s.part) {
            case Part::Key: f.setForeground(m_owner->m_keyColor); f.setFontWeight(QFont::DemiBold); break;
            case Part::String: f.setForeground(m_owner->m_stringColor); break;
            case Part::Number: f.setForeground(m_owner->m_numberColor); break;
            case Part::Comment: f.setForeground(m_owner->m_commentColor); f.setFontItalic(true); break;
            case Part::Marker: f.setForeground(m_owner->m_markerColor); f.setFontWeight(QFont::Bold); break;
            default: continue;
            }
            setFormat(s.start, s.length, f);
        }
        if (m_owner->m_errorSet.contains(currentBlock().blockNumber() + 1)) {
            // Keep the colours, add the mark: a wavy underline and a tinted background.
            for (int i = 0; i < std::max<int>(1, text.size()); ++i) {
                QTextCharFormat f = format(i);
                f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
                f.setUnderlineColor(m_owner->m_errorColor);
                QColor bg = m_owner->m_errorColor;
                bg.setAlpha(40);
                f.setBackground(bg);
                setFormat(i, 1, f);
            }
        }
    }

private:
    YamlHighlighter* m_owner;
};

YamlHighlighter::YamlHighlighter(QObject* parent) : QObject(parent) {
    connect(this, &YamlHighlighter::colorsChanged, this, &YamlHighlighter::rehighlight);
}

YamlHighlighter::~YamlHighlighter() = default;

void YamlHighlighter::setDocument(QQuickTextDocument* document) {
    if (document == m_document) return;
    delete m_syntax;
    m_syntax = nullptr;
    m_document = document;
    if (m_document && m_document->textDocument()) m_syntax = new YamlSyntax(this, m_document->textDocument());
    emit documentChanged();
}

void YamlHighlighter::setErrorLines(const QVariantList& lines) {
    if (lines == m_errorLines) return;
    m_errorLines = lines;
    m_errorSet.clear();
    for (const auto& l : lines) m_errorSet.insert(l.toInt());
    rehighlight();
    emit errorLinesChanged();
}

void YamlHighlighter::rehighlight() {
    if (m_syntax) m_syntax->rehighlight();
}

QString YamlHighlighter::formatAt(int line, int column) const {
    if (m_errorSet.contains(line) && column < 0) return "error";
    if (!m_document || !m_document->textDocument()) return {};
    const QTextBlock block = m_document->textDocument()->findBlockByNumber(line - 1);
    if (!block.isValid()) return {};
    for (const Span& s : spansOf(block.text()))
        if (column >= s.start && column < s.start + s.length) return partName(s.part);
    return {};
}

}  // namespace ks::gui
