// EventListModel: the store's Event objects as `kubectl get events` lists them (LAST SEEN, TYPE,
// REASON, OBJECT, MESSAGE; printers.go printEvent of v1.31), oldest first by last timestamp.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include "core/api/types.h"

namespace ks::store {
class ApiStore;
}

namespace ks::gui {

struct EventRow {
    QString lastSeen, type, reason, object, message;
    qint64 lastTimestamp = 0;
    bool operator==(const EventRow&) const = default;
};

class EventListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EventListModel is provided by App.events")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { LastSeenRole = Qt::UserRole + 1, TypeRole, ReasonRole, ObjectRole, MessageRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void update(const store::ApiStore& store, api::Time now);
    const QVector<EventRow>& rows() const { return m_rows; }

signals:
    void countChanged();

private:
    QVector<EventRow> m_rows;
};

}  // namespace ks::gui
