#include "event_list_model.h"
#include "format.h"

#include <algorithm>

#include "core/api/decode.h"
#include "core/kubectl/table_printer.h"
#include "core/store/api_store.h"

namespace ks::gui {

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

api::Time timeAt(const api::Value& ev, const char* key) {
    if (const api::Value* v = ev.get(key); v && v->isScalar())
        if (auto t = api::parseTimestamp(v->text())) return *t;
    return -1;
}
}  // namespace

int EventListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant EventListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const EventRow& r = m_rows.at(index.row());
    switch (role) {
    case LastSeenRole: return r.lastSeen;
    case TypeRole: return r.type;
    case ReasonRole: return r.reason;
    case ObjectRole: return r.object;
    case Qt::DisplayRole:
    case MessageRole: return r.message;
    }
    return {};
}

QHash<int, QByteArray> EventListModel::roleNames() const {
    return {{LastSeenRole, "lastSeen"}, {TypeRole, "type"}, {ReasonRole, "reason"}, {ObjectRole, "object"},
            {MessageRole, "message"}};
}

void EventListModel::update(const store::ApiStore& store, api::Time now) {
    QVector<EventRow> rows;
    for (const auto& ev : store.list("Event")) {
        EventRow row;
        api::Time last = timeAt(*ev, "lastTimestamp");
        if (last < 0) last = timeAt(*ev, "eventTime");
        api::Time first = timeAt(*ev, "firstTimestamp");
        std::int64_t count = ev->get("count") ? ev->get("count")->toInt().value_or(1) : 1;
        // kubectl: "<age>" or, for a repeated event, "<age> (x<count> over <since first>)".
        std::string seen = last < 0 ? "<unknown>" : kubectl::humanDuration(now - last);
        if (count > 1 && first >= 0)
            seen += " (x" + std::to_string(count) + " over " + kubectl::humanDuration(now - first) + ")";
        row.lastSeen = qs(seen);
        row.lastTimestamp = last;
        row.type = qs(ev->str("type"));
        row.reason = qs(ev->str("reason"));
        if (const api::Value* ref = ev->get("involvedObject"))
            row.object = qs(lower(ref->str("kind")) + "/" + ref->str("name"));
        row.message = qs(ev->str("message"));
        rows.append(row);
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const EventRow& a, const EventRow& b) { return a.lastTimestamp < b.lastTimestamp; });
    if (rows == m_rows) return;
    bool grew = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (grew) emit countChanged();
}

}  // namespace ks::gui
