// YamlHighlighter: colours a TextEdit's YAML through its QQuickTextDocument: mapping keys,
// quoted strings, numbers and booleans, comments, document markers (--- and ...), and the
// lines the codec reported errors on (underlined, in the error colour). Colours come from QML
// (Theme), so the dark theme and presentation mode apply.
#pragma once

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QQuickTextDocument>
#include <QSet>
#include <QSyntaxHighlighter>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ks::gui {

class YamlSyntax;

class YamlHighlighter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QColor keyColor MEMBER m_keyColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor stringColor MEMBER m_stringColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor numberColor MEMBER m_numberColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor commentColor MEMBER m_commentColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor markerColor MEMBER m_markerColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor errorColor MEMBER m_errorColor NOTIFY colorsChanged)
    // 1-based line numbers to mark as wrong.
    Q_PROPERTY(QVariantList errorLines READ errorLines WRITE setErrorLines NOTIFY errorLinesChanged)

public:
    explicit YamlHighlighter(QObject* parent = nullptr);
    ~YamlHighlighter() override;

    QQuickTextDocument* document() const { return m_document; }
    void setDocument(QQuickTextDocument* document);
    QVariantList errorLines() const { return m_errorLines; }
    void setErrorLines(const QVariantList& lines);

    // Format of the text at (1-based line, 0-based column): "key", "string", "number",
    // "comment", "marker", "error" or "" (what tests check).
    Q_INVOKABLE QString formatAt(int line, int column) const;

signals:
    void documentChanged();
    void colorsChanged();
    void errorLinesChanged();

private:
    friend class YamlSyntax;
    void rehighlight();

    QPointer<QQuickTextDocument> m_document;
    YamlSyntax* m_syntax = nullptr;
    QColor m_keyColor{"#326ce5"}, m_stringColor{"#2e7d32"}, m_numberColor{"#b35900"}, m_commentColor{"#7a8591"},
        m_markerColor{"#8e44ad"}, m_errorColor{"#d64545"};
    QVariantList m_errorLines;
    QSet<int> m_errorSet;
};

}  // namespace ks::gui
