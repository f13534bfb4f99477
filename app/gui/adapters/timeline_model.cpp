#include "timeline_model.h"
#include "format.h"

#include "core/sim/trace.h"

namespace ks::gui {

namespace {

QString arg(const std::map<std::string, std::string>& args, const char* key) {
    auto it = args.find(key);
    return it == args.end() ? QString() : qs(it->second);
}

TimelineRow makeRow(const sim::TraceRecord& r) {
    TimelineRow row;
    row.seq = static_cast<int>(r.seq);
    row.time = r.time;
    row.actor = qs(r.actor);
    row.action = qs(r.action);
    QStringList objects;
    for (const auto& o : r.objects) objects << qs(o);
    row.objects = objects.join(' ');
    row.message = traceSummary(r.key, r.args);
    return row;
}
}  // namespace

QString traceSummary(const std::string& key, const std::map<std::string, std::string>& args) {
    if (key == "scheduler.scheduled") return arg(args, "pod") + " → " + arg(args, "node");
    if (key == "scheduler.unschedulable") return arg(args, "message");
    if (key == "leader.acquired") return "leader: " + arg(args, "identity").section('_', 0, 0);
    // Store changes and anything else: the key followed by the arguments, in key order.
    QStringList parts;
    for (const auto& [k, v] : args)
        if (k != "resourceVersion") parts << qs(k) + "=" + qs(v);
    return qs(key) + (parts.isEmpty() ? QString() : " " + parts.join(", "));
}

int TimelineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const TimelineRow& r = m_rows.at(index.row());
    switch (role) {
    case SeqRole: return r.seq;
    case TimeRole: return r.time;
    case TimeTextRole:
        return QString("%1.%2s").arg(r.time / 1000).arg(r.time % 1000, 3, 10, QChar('0'));
    case ActorRole: return r.actor;
    case ActionRole: return r.action;
    case ObjectsRole: return r.objects;
    case Qt::DisplayRole:
    case MessageRole: return r.message;
    }
    return {};
}

QHash<int, QByteArray> TimelineModel::roleNames() const {
    return {{SeqRole, "seq"},       {TimeRole, "time"},       {TimeTextRole, "timeText"}, {ActorRole, "actor"},
            {ActionRole, "action"}, {ObjectsRole, "objects"}, {MessageRole, "message"}};
}

void TimelineModel::reset(const sim::Trace& trace) {
    beginResetModel();
    m_rows.clear();
    for (const auto& r : trace.records()) m_rows.append(makeRow(r));
    endResetModel();
    emit countChanged();
}

void TimelineModel::append(const sim::Trace& trace) {
    int have = static_cast<int>(m_rows.size());
    int size = static_cast<int>(trace.size());
    if (size < have) {
        reset(trace);
        return;
    }
    if (size == have) return;
    beginInsertRows({}, have, size - 1);
    for (int i = have; i < size; ++i) m_rows.append(makeRow(trace.record(i)));
    endInsertRows();
    emit countChanged();
}

void TimelineModel::setCurrentStepFrom(const sim::Trace& trace) {
    int seq = static_cast<int>(trace.size());
    if (seq == m_currentSeq) return;
    m_currentSeq = seq;
    emit currentSeqChanged();
}

}  // namespace ks::gui
