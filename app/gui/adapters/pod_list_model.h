// PodListModel: every pod of the cluster, one row per pod, pending pods first.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace ks::gui {

struct PodRow {
    QString name, namespaceName, phase, nodeName, nominatedNodeName;
    qint64 cpuRequestMilli = 0, memoryRequest = 0;
    int priority = 0;
    bool operator==(const PodRow&) const = default;
};

class PodListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PodListModel is provided by App.pods")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, NamespaceRole, PhaseRole, NodeNameRole, NominatedNodeRole, PriorityRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(QVector<PodRow> rows);
    const QVector<PodRow>& rows() const { return m_rows; }
    int pendingCount() const;

signals:
    void countChanged();

private:
    QVector<PodRow> m_rows;
};

}  // namespace ks::gui
