// UiLanguage: the language of the window's own words (buttons, headings, tooltips), switched
// live. It follows the open lesson's language, so that one switch changes the lesson text and
// the user interface together; the Chinese words come from resources/i18n/kubestage_zh_CN.ts,
// compiled by lrelease into the executable.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace ks::gui {

class AppFacade;

class UiLanguage : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QStringList available READ available CONSTANT)

public:
    // `app` may be null (tests of the translator alone); `engine` is retranslated on a switch.
    UiLanguage(AppFacade* app, QQmlEngine* engine, QObject* parent = nullptr);
    ~UiLanguage() override;

    static UiLanguage* create(QQmlEngine* engine, QJSEngine*);

    QString language() const { return m_language; }
    // "en" or "zh"; anything else is English. Also sets the open lesson's language.
    void setLanguage(const QString& language);
    QStringList available() const { return {"en", "zh"}; }

    // The translation file of `language` ("" for English, the source language).
    static QString translationFile(const QString& language);

signals:
    void languageChanged();

private:
    void follow();  // takes the lesson's language when it changes there

    AppFacade* m_app;
    QPointer<QQmlEngine> m_engine;
    QTranslator m_translator;
    bool m_installed = false;
    QString m_language = "en";
};

}  // namespace ks::gui
