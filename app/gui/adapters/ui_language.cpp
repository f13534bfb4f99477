#include "ui_language.h"

#include <QCoreApplication>
#include <QQmlEngine>

#include "app_facade.h"
#include "lesson_controller.h"

namespace ks::gui {

UiLanguage::UiLanguage(AppFacade* app, QQmlEngine* engine, QObject* parent)
    : QObject(parent), m_app(app), m_engine(engine) {
    if (m_app) {
        connect(m_app->lesson(), &LessonController::changed, this, &UiLanguage::follow);
        follow();
    }
}

UiLanguage::~UiLanguage() {
    if (m_installed) QCoreApplication::removeTranslator(&m_translator);
}

UiLanguage* UiLanguage::create(QQmlEngine* engine, QJSEngine*) {
    // One per engine, owned by it (QML's singleton ownership rules).
    return new UiLanguage(AppFacade::instance(), engine);
}

QString UiLanguage::translationFile(const QString& language) {
    return language == "zh" ? QStringLiteral(":/i18n/kubestage_zh_CN.qm") : QString();
}

void UiLanguage::setLanguage(const QString& language) {
    const QString l = language == "zh" ? "zh" : "en";
    if (m_app && m_app->lesson()->language() != l) m_app->lesson()->setLanguage(l);  // calls follow()
    if (l == m_language) return;
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    const QString file = translationFile(l);
    if (!file.isEmpty() && m_translator.load(file)) m_installed = QCoreApplication::installTranslator(&m_translator);
    m_language = l;
    // qsTr bindings are re-evaluated in place: no reload, nothing the user did is lost.
    if (m_engine) m_engine->retranslate();
    emit languageChanged();
}

void UiLanguage::follow() {
    if (m_app && m_app->lesson()->language() != m_language) setLanguage(m_app->lesson()->language());
}

}  // namespace ks::gui
