#include "node_list_model.h"

#include "format.h"

namespace ks::gui {

int NodeListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant NodeListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const NodeRow& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case ZoneRole: return r.zone;
    case HostnameRole: return r.hostname;
    case ReadyRole: return r.ready;
    case UnschedulableRole: return r.unschedulable;
    case TaintsRole: return r.taints;
    case LabelsRole: return r.labels;
    case PodsRole: return r.pods;
    case CpuRequestedRole: return double(r.cpuRequestedMilli);
    case CpuAllocatableRole: return double(r.cpuAllocatableMilli);
    case MemoryRequestedRole: return double(r.memoryRequested);
    case MemoryAllocatableRole: return double(r.memoryAllocatable);
    case PodCountRole: return r.podCount;
    case PodCapacityRole: return r.podCapacity;
    case CpuTextRole: return formatCpuMilli(r.cpuRequestedMilli) + "/" + formatCpuMilli(r.cpuAllocatableMilli);
    case MemoryTextRole: return formatBytes(r.memoryRequested) + "/" + formatBytes(r.memoryAllocatable);
    }
    return {};
}

QHash<int, QByteArray> NodeListModel::roleNames() const {
    return {{NameRole, "name"},
            {ZoneRole, "zone"},
            {HostnameRole, "hostname"},
            {ReadyRole, "ready"},
            {UnschedulableRole, "unschedulable"},
            {TaintsRole, "taints"},
            {LabelsRole, "labels"},
            {PodsRole, "pods"},
            {CpuRequestedRole, "cpuRequested"},
            {CpuAllocatableRole, "cpuAllocatable"},
            {MemoryRequestedRole, "memoryRequested"},
            {MemoryAllocatableRole, "memoryAllocatable"},
            {PodCountRole, "podCount"},
            {PodCapacityRole, "podCapacity"},
            {CpuTextRole, "cpuText"},
            {MemoryTextRole, "memoryText"}};
}

void NodeListModel::setRows(QVector<NodeRow> rows) {
    // Rows are keyed by name in a stable order; when the set of names is unchanged only
    // dataChanged is emitted, so delegates (and their animations) survive a refresh.
    bool sameNames = rows.size() == m_rows.size();
    for (int i = 0; sameNames && i < rows.size(); ++i) sameNames = rows[i].name == m_rows[i].name;
    if (sameNames) {
        for (int i = 0; i < rows.size(); ++i) {
            if (rows[i] == m_rows[i]) continue;
            m_rows[i] = rows[i];
            emit dataChanged(index(i), index(i));
        }
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

}  // namespace ks::gui
