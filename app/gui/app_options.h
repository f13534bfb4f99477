// Command-line options of the kubestage GUI.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace ks::gui {

struct AppOptions {
    QStringList scenarioFiles;  // --scenario FILE (repeatable); empty: the built-in default
    QString lessonId;           // --lesson ID
    int step = -1;              // --step N
    QString language;           // --lang zh|en
    QSize size{1400, 900};      // --size WxH
    bool presentation = false;  // --presentation
    bool dark = false;          // --theme dark
    QString view = "cards";     // --view cards|matrix: the main area's view
    QString grabPath;           // --grab OUT.png: render, save, exit
    // --select node/NAME | pod/[NAMESPACE/]NAME: the object the Inspector opens on.
    QString selectKind, selectNamespace, selectName;
    bool fpsReport = false;     // --fps-report
};

// Parses argv; on error prints the message and usage to stderr and returns false.
bool parseAppOptions(const QStringList& arguments, AppOptions& options, QString& error);

}  // namespace ks::gui
