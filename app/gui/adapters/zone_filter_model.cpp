#include "zone_filter_model.h"

#include "node_list_model.h"

namespace ks::gui {

ZoneFilterModel::ZoneFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    connect(this, &QAbstractItemModel::rowsInserted, this, &ZoneFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ZoneFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ZoneFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ZoneFilterModel::countChanged);
}

void ZoneFilterModel::setZone(const QString& zone) {
    if (zone == m_zone) return;
    m_zone = zone;
    emit zoneChanged();
    invalidateFilter();
    emit countChanged();
}

bool ZoneFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    return sourceModel()->index(sourceRow, 0, sourceParent).data(NodeListModel::ZoneRole).toString() == m_zone;
}

}  // namespace ks::gui
