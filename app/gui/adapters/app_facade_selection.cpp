// The selection: the object the user clicked on the canvas or in the Pods list, which the
// Inspector shows and edits.
#include "app_facade.h"
#include "inspector.h"

namespace ks::gui {

Inspector* AppFacade::inspector() {
    if (!m_inspector) m_inspector = new Inspector(this);
    return m_inspector;
}

void AppFacade::select(const QString& kind, const QString& namespaceName, const QString& name) {
    QVariantMap next;
    if (!kind.isEmpty() && !name.isEmpty()) {
        next["kind"] = kind;
        next["namespace"] = namespaceName;
        next["name"] = name;
    }
    if (next == m_selection) return;
    inspector();  // it follows the selection from the first one on
    m_selection = next;
    emit selectionChanged();
}

void AppFacade::clearSelection() { select({}, {}, {}); }

}  // namespace ks::gui
