// The user's edits (console commands, the Inspector's forms and YAML) as part of the run: recorded at the step they were made
// and applied again whenever stepping or replay arrives at that step.
#include <algorithm>
#include <exception>

#include "app_facade.h"
#include "core/cluster/cluster.h"
#include "core/kubectl/kubectl.h"
#include "core/store/api_store.h"
#include "world.h"

namespace ks::gui {

kubectl::CommandResult AppFacade::runKubectl(const QString& line, const std::map<std::string, std::string>& documents) {
    std::string text = line.toStdString();
    kubectl::CommandResult result;
    const std::uint64_t before = cluster().store().resourceVersion();
    kubectl::KubectlOptions options;
    options.documents = documents;
    try {
        result = kubectl::runCommand(cluster().store(), text, options);
    } catch (const std::exception& e) {
        // A command must never take the window down; say what failed instead.
        result.err = std::string("error: ") + e.what() + "\n";
        result.exitCode = 1;
    }
    // Whatever reached the store is part of the run, even from a command that failed halfway.
    if (!result.mutated && cluster().store().resourceVersion() == before) return result;
    // A new edit starts a new future: edits recorded at later steps belonged to the old one.
    m_edits.erase(std::remove_if(m_edits.begin(), m_edits.end(),
                                 [this](const Edit& e) { return e.position > m_position; }),
                  m_edits.end());
    m_edits.push_back({m_position, std::move(text), documents});
    m_redone.clear();
    m_timeline.append(cluster().trace());
    notifyClusterEdited();
    emit editsChanged();
    return result;
}

bool AppFacade::undo() { return moveLastEdit(m_edits, m_redone); }

bool AppFacade::redo() { return moveLastEdit(m_redone, m_edits); }

bool AppFacade::moveLastEdit(std::vector<Edit>& from, std::vector<Edit>& to) {
    if (from.empty()) return false;
    to.push_back(std::move(from.back()));
    from.pop_back();
    replayTo(m_position);
    notifyClusterEdited();
    emit editsChanged();
    return true;
}

void AppFacade::applyEditsAt(int position) {
    for (const Edit& e : m_edits) {
        if (e.position != position) continue;
        kubectl::KubectlOptions options;
        options.documents = e.documents;
        try {
            kubectl::runCommand(cluster().store(), e.line, options);
        } catch (const std::exception&) {
            // It failed the same way when it was typed; its partial effect is replayed as well.
        }
    }
}

}  // namespace ks::gui
