// Console: the side panel's kubectl prompt. Runs one command line on the shown cluster through
// AppFacade::runKubectl (so a change is recorded as a user edit and survives stepping back and
// replay), keeps the transcript and the command history (up/down recall in QML).
#pragma once

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace ks::gui {

class AppFacade;

class Console : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Everything printed so far: each command as "$ kubectl ...", then its stdout and stderr.
    Q_PROPERTY(QString transcript READ transcript NOTIFY transcriptChanged)
    Q_PROPERTY(QStringList history READ history NOTIFY historyChanged)
    Q_PROPERTY(int lastExitCode READ lastExitCode NOTIFY transcriptChanged)

public:
    explicit Console(QObject* parent = nullptr);

    QString transcript() const { return m_transcript; }
    QStringList history() const { return m_history; }
    int lastExitCode() const { return m_lastExitCode; }

    // Runs a command line ("kubectl get pods", or without the leading "kubectl"); returns its
    // exit code. An empty line does nothing and returns 0.
    Q_INVOKABLE int run(const QString& line);
    // History recall: `index` counts back from the newest entry (0 = newest). Out of range gives
    // an empty string, so pressing down past the newest entry clears the prompt.
    Q_INVOKABLE QString recall(int index) const;
    Q_INVOKABLE void clear();

signals:
    void transcriptChanged();
    void historyChanged();

private:
    QString m_transcript;
    QStringList m_history;
    int m_lastExitCode = 0;
};

}  // namespace ks::gui
