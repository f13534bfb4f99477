// NodeListModel: the nodes of the cluster, one row per node, for the canvas' node cards.
#pragma once

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ks::gui {

struct NodeRow {
    QString name, zone, hostname;
    bool ready = false, unschedulable = false;
    QVariantList labels;  // [{key, value, wellKnown}] by key; wellKnown: set by every kubelet
    QVariantList taints;  // [{key, value, effect}]
    QVariantList pods;    // [{name, namespace, phase}]
    qint64 cpuRequestedMilli = 0, cpuAllocatableMilli = 0;
    qint64 memoryRequested = 0, memoryAllocatable = 0;
    int podCount = 0, podCapacity = 0;
    bool operator==(const NodeRow&) const = default;
};

class NodeListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("NodeListModel is provided by App.nodes")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        ZoneRole,
        HostnameRole,
        ReadyRole,
        UnschedulableRole,
        TaintsRole,
        LabelsRole,
        PodsRole,
        CpuRequestedRole,
        CpuAllocatableRole,
        MemoryRequestedRole,
        MemoryAllocatableRole,
        PodCountRole,
        PodCapacityRole,
        CpuTextRole,
        MemoryTextRole,
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the rows, emitting the smallest set of signals (changed rows keep their delegates).
    void setRows(QVector<NodeRow> rows);
    const QVector<NodeRow>& rows() const { return m_rows; }

signals:
    void countChanged();

private:
    QVector<NodeRow> m_rows;
};

}  // namespace ks::gui
