#include "pod_list_model.h"

namespace ks::gui {

int PodListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant PodListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const PodRow& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case NamespaceRole: return r.namespaceName;
    case PhaseRole: return r.phase;
    case NodeNameRole: return r.nodeName;
    case NominatedNodeRole: return r.nominatedNodeName;
    case PriorityRole: return r.priority;
    }
    return {};
}

QHash<int, QByteArray> PodListModel::roleNames() const {
    return {{NameRole, "name"},         {NamespaceRole, "namespaceName"}, {PhaseRole, "phase"},
            {NodeNameRole, "nodeName"}, {NominatedNodeRole, "nominatedNode"}, {PriorityRole, "priority"}};
}

int PodListModel::pendingCount() const {
    int n = 0;
    for (const auto& r : m_rows)
        if (r.nodeName.isEmpty()) ++n;
    return n;
}

void PodListModel::setRows(QVector<PodRow> rows) {
    bool sameKeys = rows.size() == m_rows.size();
    for (int i = 0; sameKeys && i < rows.size(); ++i)
        sameKeys = rows[i].name == m_rows[i].name && rows[i].namespaceName == m_rows[i].namespaceName;
    if (sameKeys) {
        for (int i = 0; i < rows.size(); ++i) {
            if (rows[i] == m_rows[i]) continue;
            m_rows[i] = rows[i];
            emit dataChanged(index(i), index(i));
        }
        emit countChanged();  // pendingCount may have changed
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

}  // namespace ks::gui
