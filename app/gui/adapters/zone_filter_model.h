// ZoneFilterModel: the nodes of one zone (a proxy over App.nodes), so that the canvas lays out
// one wrapping row of node cards per zone without a delegate per node per zone.
#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace ks::gui {

class ZoneFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString zone READ zone WRITE setZone NOTIFY zoneChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit ZoneFilterModel(QObject* parent = nullptr);

    QString zone() const { return m_zone; }
    void setZone(const QString& zone);
    int count() const { return rowCount(); }

signals:
    void zoneChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_zone;
};

}  // namespace ks::gui
