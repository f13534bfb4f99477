// ScenarioFiles: the File menu's side in C++ (singleton `Files` in QML): open, save, import a
// snapshot of a real cluster, built-in examples, recent files, and autosave with restore.
//
// What a saved scenario keeps is decided in the core (core/api/scenario_writer.h): the current
// state of the cluster as plain manifests, without runtime records and server-set fields.
//
// Autosave: "no edit is ever lost". Whatever the path of an edit (console, inspector, YAML
// apply, undo, redo), AppFacade::clusterEdited follows it; a moment later the current state is
// written as a saved scenario would be, atomically (QSaveFile), to autosave.yaml in the
// autosave folder (AppDataLocation). It is the state itself, not a list of edits, so re-opening
// it needs nothing but the manifests and shows every edit made so far. A lock file
// (session.lock, QLockFile) marks a running session; a clean exit releases it. At start, a
// stale lock (the last session was killed or crashed) with an autosave beside it makes
// restoreAvailable true, and the window offers Restore / Discard. Lessons are not autosaved:
// they are replayed from the lesson itself, and their progress is kept by LessonProgress.
#pragma once

#include <QLockFile>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace ks::gui {

class AppFacade;

class ScenarioFiles : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Files)
    QML_SINGLETON
    // Where Save writes without asking; empty for a scenario that is not one file of its own
    // (built in, an example, several files, an imported snapshot).
    Q_PROPERTY(QString currentFile READ currentFile NOTIFY stateChanged)
    // Edits since the scenario was opened or saved.
    Q_PROPERTY(bool modified READ modified NOTIFY stateChanged)
    // The window title: the file's name and a * when modified.
    Q_PROPERTY(QString windowTitle READ windowTitle NOTIFY stateChanged)
    // Recently opened scenarios, newest first; each entry is one file, or several joined by "\n".
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    // Built-in example scenarios: {title, description, path}.
    Q_PROPERTY(QVariantList examples READ examples CONSTANT)
    // Problems of the last operation (FILE:LINE:COL messages, or a sentence); empty on success.
    Q_PROPERTY(QStringList errors READ errors NOTIFY errorsChanged)
    // Something to tell the user that is not an error (recent files that are gone, what an
    // import left out); cleared by the view once shown.
    Q_PROPERTY(QString notice READ notice WRITE setNotice NOTIFY noticeChanged)
    // The last session did not end cleanly and left an autosave: offer to restore it.
    Q_PROPERTY(bool restoreAvailable READ restoreAvailable NOTIFY restoreAvailableChanged)
    // Where autosave.yaml and session.lock live (default: AppDataLocation).
    Q_PROPERTY(QString autosaveDirectory READ autosaveDirectory WRITE setAutosaveDirectory NOTIFY autosaveChanged)
    Q_PROPERTY(bool autosaving READ autosaving NOTIFY autosaveChanged)
    // How long after an edit the autosave is written.
    Q_PROPERTY(int autosaveDelay READ autosaveDelay WRITE setAutosaveDelay NOTIFY autosaveChanged)

public:
    explicit ScenarioFiles(AppFacade* app, QObject* parent = nullptr);
    ~ScenarioFiles() override;

    static ScenarioFiles* instance();
    static ScenarioFiles* create(QQmlEngine*, QJSEngine*);

    QString currentFile() const { return m_currentFile; }
    bool modified() const { return m_modified; }
    QString windowTitle() const;
    QStringList recentFiles() const { return m_recent; }
    QVariantList examples() const;
    QStringList errors() const { return m_errors; }
    QString notice() const { return m_notice; }
    void setNotice(const QString& notice);
    bool restoreAvailable() const { return m_restoreAvailable; }
    QString autosaveDirectory() const { return m_autosaveDir; }
    void setAutosaveDirectory(const QString& dir);
    bool autosaving() const { return m_lock != nullptr; }
    int autosaveDelay() const { return m_autosaveTimer.interval(); }
    void setAutosaveDelay(int ms);

    // Paths or file: URLs (as a FileDialog gives them). A scenario with errors never replaces
    // the working one: errors lists them and false is returned. `remember`: add to the recent
    // files (not for a screenshot run).
    Q_INVOKABLE bool open(const QVariantList& files, bool remember = true);
    Q_INVOKABLE bool openExample(const QString& path);
    Q_INVOKABLE bool openRecent(const QString& entry);
    Q_INVOKABLE void clearRecent();
    // Drops recent entries whose files are gone, with a notice naming them.
    Q_INVOKABLE void refreshRecent();
    // `kubectl get nodes,pods,pv,pvc,storageclasses,priorityclasses -A -o yaml` output.
    Q_INVOKABLE bool importSnapshot(const QVariant& file);
    // Save writes to currentFile (false without one: the view asks for a name with Save as).
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QVariant& file);
    // The current state as a saved scenario.
    Q_INVOKABLE QString scenarioText() const;
    // A local path for a path or a file: URL; ".yaml" added to a save name without a suffix.
    Q_INVOKABLE static QString localPath(const QVariant& file);

    // ---- autosave ----
    // Takes the session lock in autosaveDirectory; a stale lock with an autosave beside it makes
    // restoreAvailable true. Without the lock (another window holds it) nothing is autosaved.
    Q_INVOKABLE bool startSession();
    // A clean exit: the lock is released (the autosave stays for whoever wants it by hand).
    Q_INVOKABLE void endSession();
    Q_INVOKABLE QString autosavePath() const;
    // Writes the autosave now (the timer does it a moment after each edit).
    Q_INVOKABLE bool autosaveNow();
    Q_INVOKABLE bool restoreAutosave();
    Q_INVOKABLE void discardAutosave();

signals:
    void stateChanged();
    void recentFilesChanged();
    void errorsChanged();
    void noticeChanged();
    void restoreAvailableChanged();
    void autosaveChanged();

private:
    void setErrors(const QStringList& errors);
    void setLoaded(const QString& currentFile, const QString& title);
    void showOpened();
    void addRecent(const QStringList& files);
    void loadRecent();
    void storeRecent();
    bool writeFile(const QString& path, const QByteArray& data, QString& error) const;
    void onEdited();

    AppFacade* m_app;
    QString m_currentFile;
    QString m_title;  // the scenario's name as shown in the title
    bool m_modified = false;
    bool m_ownLoad = false;  // a load of ours is running: scenarioChanged is expected
    QStringList m_recent;
    QStringList m_errors;
    QString m_notice;
    bool m_restoreAvailable = false;
    QString m_autosaveDir;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_autosaveTimer;
};

}  // namespace ks::gui
