#include "app_options.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace ks::gui {

namespace {
// An option that takes one of a few words (--lang en|zh, --theme light|dark, --view
// cards|matrix): its value, or false and "--NAME: expected A or B, got "X"".
bool oneOf(const QCommandLineParser& parser, const QCommandLineOption& option, const QStringList& allowed,
           QString& value, QString& error) {
    value = parser.value(option);
    if (allowed.contains(value)) return true;
    error = "--" + option.names().constLast() + ": expected " + allowed.join(" or ") + ", got \"" + value + "\"";
    return false;
}
}  // namespace

bool parseAppOptions(const QStringList& arguments, AppOptions& options, QString& error) {
    QCommandLineParser parser;
    parser.setApplicationDescription("KubeStage: watch the Kubernetes control plane at work.");
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption scenario("scenario", "Open the scenario in FILE (repeatable).", "FILE");
    QCommandLineOption lesson("lesson", "Open lesson ID.", "ID");
    QCommandLineOption step("step", "Go to step N of the scenario or lesson.", "N");
    QCommandLineOption lang("lang", "User interface language: en or zh.", "LANG");
    QCommandLineOption size("size", "Window size, e.g. 1600x1000.", "WxH");
    QCommandLineOption presentation("presentation", "Start in presentation mode.");
    QCommandLineOption theme("theme", "Colours: light or dark.", "THEME");
    QCommandLineOption grab("grab", "Render the window, save it as a PNG and exit.", "OUT.png");
    QCommandLineOption fps("fps-report", "Play a scripted pan, zoom and run; print frame times.");
    QCommandLineOption view("view", "Main area: cards (node cards by zone) or matrix (nodes x plugins).", "VIEW");
    QCommandLineOption select("select", "Open the Inspector on node/NAME or pod/[NAMESPACE/]NAME.", "OBJECT");
    parser.addOptions({scenario, lesson, step, lang, size, presentation, theme, view, grab, fps, select});
    if (!parser.parse(arguments)) {
        error = parser.errorText();
        return false;
    }
    if (parser.isSet("help")) parser.showHelp(0);
    if (parser.isSet("version")) parser.showVersion();
    options.scenarioFiles = parser.values(scenario) + parser.positionalArguments();
    options.lessonId = parser.value(lesson);
    if (parser.isSet(step)) {
        bool ok = false;
        options.step = parser.value(step).toInt(&ok);
        if (!ok || options.step < 0) {
            error = "--step: expected a whole number >= 0, got \"" + parser.value(step) + "\"";
            return false;
        }
    }
    if (parser.isSet(lang) && !oneOf(parser, lang, {"en", "zh"}, options.language, error)) return false;
    if (parser.isSet(size)) {
        auto m = QRegularExpression("^(\\d+)x(\\d+)$").match(parser.value(size));
        if (!m.hasMatch() || m.captured(1).toInt() < 200 || m.captured(2).toInt() < 150) {
            error = "--size: expected WxH such as 1600x1000, got \"" + parser.value(size) + "\"";
            return false;
        }
        options.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    options.presentation = parser.isSet(presentation);
    if (parser.isSet(theme)) {
        QString name;
        if (!oneOf(parser, theme, {"light", "dark"}, name, error)) return false;
        options.dark = name == "dark";
    }
    if (parser.isSet(view) && !oneOf(parser, view, {"cards", "matrix"}, options.view, error)) return false;
    if (parser.isSet(select)) {
        // kubectl's TYPE/NAME, with an optional namespace for pods (default "default").
        auto m = QRegularExpression("^(node|pod)/(?:([^/]+)/)?([^/]+)$").match(parser.value(select));
        if (!m.hasMatch() || (m.captured(1) == "node" && !m.captured(2).isEmpty())) {
            error = "--select: expected node/NAME or pod/[NAMESPACE/]NAME, got \"" + parser.value(select) + "\"";
            return false;
        }
        options.selectKind = m.captured(1) == "node" ? "Node" : "Pod";
        options.selectNamespace = m.captured(1) == "pod" ? (m.captured(2).isEmpty() ? "default" : m.captured(2)) : QString();
        options.selectName = m.captured(3);
    }
    options.grabPath = parser.value(grab);
    options.fpsReport = parser.isSet(fps);
    return true;
}

}  // namespace ks::gui
