#include "console.h"

#include "app_facade.h"
#include "core/kubectl/kubectl.h"

namespace ks::gui {

namespace {
// Keep the transcript bounded: describe output is long and a session can be long.
constexpr int kMaxTranscriptChars = 200000;
constexpr int kMaxHistory = 200;
}  // namespace

Console::Console(QObject* parent) : QObject(parent) {}

int Console::run(const QString& lineIn) {
    QString line = lineIn.trimmed();
    if (line.isEmpty()) return 0;
    if (m_history.isEmpty() || m_history.last() != line) {
        m_history.append(line);
        if (m_history.size() > kMaxHistory) m_history.removeFirst();
        emit historyChanged();
    }
    AppFacade* app = AppFacade::instance();
    QString shown = line.startsWith("kubectl ") || line == "kubectl" ? line : "kubectl " + line;
    m_transcript += "$ " + shown + "\n";
    if (!app) {
        m_transcript += "error: no cluster is loaded\n";
        m_lastExitCode = 1;
    } else {
        kubectl::CommandResult r = app->runKubectl(line);
        m_transcript += QString::fromStdString(r.out) + QString::fromStdString(r.err);
        m_lastExitCode = r.exitCode;
    }
    if (m_transcript.size() > kMaxTranscriptChars) {
        int cut = m_transcript.indexOf('\n', m_transcript.size() - kMaxTranscriptChars);
        m_transcript = m_transcript.mid(cut + 1);
    }
    emit transcriptChanged();
    return m_lastExitCode;
}

QString Console::recall(int index) const {
    if (index < 0 || index >= m_history.size()) return {};
    return m_history.at(m_history.size() - 1 - index);
}

void Console::clear() {
    m_transcript.clear();
    emit transcriptChanged();
}

}  // namespace ks::gui
