// TimelineModel: the trace records of the run, one row per record, for the timeline list.
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <string>

namespace ks::sim {
class Trace;
}

namespace ks::gui {

struct TimelineRow {
    int seq = 0;
    qint64 time = 0;
    QString actor, action, objects, message;
};

class TimelineModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TimelineModel is provided by App.timeline")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The last record of the current step (0 before the first record).
    Q_PROPERTY(int currentSeq READ currentSeq NOTIFY currentSeqChanged)

public:
    enum Role { SeqRole = Qt::UserRole + 1, TimeRole, TimeTextRole, ActorRole, ActionRole, ObjectsRole, MessageRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces every row with the trace's records.
    void reset(const sim::Trace& trace);
    // Appends the records the trace gained since the last call.
    void append(const sim::Trace& trace);
    void setCurrentStepFrom(const sim::Trace& trace);
    int currentSeq() const { return m_currentSeq; }
    const QVector<TimelineRow>& rows() const { return m_rows; }

signals:
    void countChanged();
    void currentSeqChanged();

private:
    QVector<TimelineRow> m_rows;
    int m_currentSeq = 0;
};

// "web-1 → node-b1" style one-line summary of a record's message key and arguments.
QString traceSummary(const std::string& key, const std::map<std::string, std::string>& args);

}  // namespace ks::gui
