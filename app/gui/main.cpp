// kubestage: the GUI. Parses options, loads the scenario into the cluster facade and shows
// the QML main window; with --grab it renders one frame to a PNG and exits.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickWindow>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>

#include "adapters/app_facade.h"
#include "adapters/scenario_files.h"
#include "app_options.h"
#include "fps_report.h"
#include "render_backend.h"

Q_IMPORT_QML_PLUGIN(KubeStage_CorePlugin)
Q_IMPORT_QML_PLUGIN(KubeStage_UiPlugin)

namespace {

void setNames() {
    QCoreApplication::setApplicationName("KubeStage");
    QCoreApplication::setOrganizationName("KubeStage");
    QCoreApplication::setApplicationVersion("0.1.0");
}

// --help and --version need no display: answer them before a QGuiApplication, which aborts
// where there is none (a terminal on a server, a build machine).
bool wantsHelpOnly(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--help" || a == "-h" || a == "--help-all" || a == "--version" || a == "-v") return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
    if (wantsHelpOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        setNames();
        ks::gui::AppOptions options;
        QString error;
        ks::gui::parseAppOptions(QCoreApplication::arguments(), options, error);  // prints and exits
        std::fprintf(stderr, "kubestage: %s\n", qPrintable(error));
        return 2;
    }
    QGuiApplication app(argc, argv);
    setNames();
    ks::gui::chooseSceneGraphBackend();

    ks::gui::AppOptions options;
    QString error;
    if (!ks::gui::parseAppOptions(QGuiApplication::arguments(), options, error)) {
        std::fprintf(stderr, "kubestage: %s\nTry 'kubestage --help'.\n", qPrintable(error));
        return 2;
    }

    ks::gui::AppFacade facade(nullptr);
    ks::gui::AppFacade::setInstance(&facade);
    // Screenshots and measurements leave no trace: no autosave, no restore offer, no recent files.
    const bool interactive = options.grabPath.isEmpty() && !options.fpsReport;
    ks::gui::ScenarioFiles files(&facade);
    if (!options.language.isEmpty()) facade.lesson()->setLanguage(options.language);
    bool loaded = false;
    if (!options.lessonId.isEmpty()) {
        // Lesson steps are numbered from 1 for people; --step 0 is the first step too, and the
        // step after the last is the quiz.
        loaded = facade.openLesson(options.lessonId, options.step > 0 ? options.step - 1 : 0);
    } else {
        QVariantList scenario;
        for (const QString& f : options.scenarioFiles) scenario << f;
        loaded = options.scenarioFiles.isEmpty() ? facade.loadDefaultScenario() : files.open(scenario, interactive);
        if (loaded && options.step > 0) facade.goToStep(options.step);
        // Neither a scenario nor a lesson: the first screen is the lesson browser (the default
        // scenario waits behind it for those who close it to explore).
        if (options.scenarioFiles.isEmpty()) facade.lesson()->setBrowserOpen(true);
    }
    if (!loaded) {
        for (const QString& e : facade.loadErrors()) std::fprintf(stderr, "%s\n", qPrintable(e));
        if (!options.grabPath.isEmpty()) return 1;
    }

    if (interactive) files.startSession();

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{"startInPresentation", options.presentation}, {"startDark", options.dark},
                                 {"startView", options.view}, {"fixedSize", !interactive}});
    engine.load(QUrl("qrc:/qt/qml/KubeStage/Ui/Main.qml"));
    if (engine.rootObjects().isEmpty()) return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!window) return 1;
    window->resize(options.size);
    if (!options.selectKind.isEmpty()) facade.select(options.selectKind, options.selectNamespace, options.selectName);

    if (options.fpsReport) {
        // After the first frame, so that loading does not count as frame time.
        auto* report = new ks::gui::FpsReport(window, &facade, sinceLaunch);
        QObject::connect(window, &QQuickWindow::frameSwapped, report, [report]() {
            static bool started = false;
            if (!started) {
                started = true;
                QTimer::singleShot(0, report, &ks::gui::FpsReport::start);
            }
        });
    } else if (!options.grabPath.isEmpty()) {
        // Wait for a rendered frame, then a little more so that bindings and layouts settle.
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [&]() {
            static bool scheduled = false;
            if (scheduled) return;
            scheduled = true;
            QTimer::singleShot(300, window, [&]() {
                QImage image = window->grabWindow();
                if (image.isNull() || !image.save(options.grabPath)) {
                    std::fprintf(stderr, "kubestage: cannot save %s\n", qPrintable(options.grabPath));
                    QCoreApplication::exit(1);
                    return;
                }
                std::printf("saved %s (%dx%d)\n", qPrintable(options.grabPath), image.width(), image.height());
                QCoreApplication::exit(0);
            });
        });
        window->update();
    }
    const int status = app.exec();
    files.endSession();  // a clean exit: no restore offer next time
    return status;
}
