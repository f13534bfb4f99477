// Runner for the Qt Quick tests in tests/gui/qml: the app's QML modules are linked statically
// and the App singleton is created on first use with the built-in default scenario. Lesson
// progress (QSettings) lives in a temporary folder, fresh for each run.
#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQuickTest>

#include "adapters/app_facade.h"

Q_IMPORT_QML_PLUGIN(KubeStage_CorePlugin)
Q_IMPORT_QML_PLUGIN(KubeStage_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        static QTemporaryDir settings;
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
        engine->addImportPath("qrc:/qt/qml");
        auto* app = new ks::gui::AppFacade(engine);
        ks::gui::AppFacade::setInstance(app);
        app->loadDefaultScenario();
    }
};

QUICK_TEST_MAIN_WITH_SETUP(kubestage, Setup)
#include "quick_test_main.moc"
