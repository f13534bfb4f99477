// CycleView: one scheduling cycle ("Schedule" trace record) as the scheduler view's matrices:
// nodes x Filter plugins (pass / fail with the plugin's reason) and nodes x Score plugins
// (normalized x weight, and the total), with the legacy predicate / priority names.
#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ks::cluster {
class Cluster;
}

namespace ks::gui {

class CycleView : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CycleView is provided by App.cycle")
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
    Q_PROPERTY(int seq READ seq NOTIFY changed)                 // the record shown
    Q_PROPERTY(int selectedSeq READ selectedSeq NOTIFY changed)  // 0: follow the last cycle
    Q_PROPERTY(QString pod READ pod NOTIFY changed)
    Q_PROPERTY(QString scheduler READ scheduler NOTIFY changed)
    Q_PROPERTY(int attempt READ attempt NOTIFY changed)
    Q_PROPERTY(QString selectedNode READ selectedNode NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    // Preemption (PostFilter): the node nominated for the pod and the victims, namespace/name.
    Q_PROPERTY(QString nominatedNode READ nominatedNode NOTIFY changed)
    Q_PROPERTY(QStringList preempted READ preempted NOTIFY changed)
    Q_PROPERTY(QVariantList filterPlugins READ filterPlugins NOTIFY changed)  // [{name, legacy}]
    Q_PROPERTY(QVariantList scorePlugins READ scorePlugins NOTIFY changed)    // [{name, legacy, weight}]
    // [{name, evaluated, feasible, winner, filters: [{pass, reason}], scores: [{normalized,
    //   weight, weighted, text}], total}], in snapshot order; filters/scores as the plugin lists.
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(int nodeCount READ nodeCount NOTIFY changed)
    // Evaluated nodes by name: the index of the first failing Filter plugin, -1 when all passed
    // (nodes the cycle did not evaluate are absent). What an animation needs, without the rows.
    Q_PROPERTY(QVariantMap firstFailures READ firstFailures NOTIFY changed)

public:
    using QObject::QObject;

    // Which record to show: a seq, or 0 for the last "Schedule" record. A seq that is not a
    // scheduling cycle shows the last cycle before it.
    Q_INVOKABLE void select(int seq);
    void update(cluster::Cluster& cluster);

    bool valid() const { return m_seq > 0; }
    int seq() const { return m_seq; }
    int selectedSeq() const { return m_selected; }
    QString pod() const { return m_pod; }
    QString scheduler() const { return m_scheduler; }
    int attempt() const { return m_attempt; }
    QString selectedNode() const { return m_selectedNode; }
    QString message() const { return m_message; }
    QString nominatedNode() const { return m_nominatedNode; }
    QStringList preempted() const { return m_preempted; }
    QVariantList filterPlugins() const { return m_filterPlugins; }
    QVariantList scorePlugins() const { return m_scorePlugins; }
    QVariantList rows() const { return m_rows; }
    int nodeCount() const { return static_cast<int>(m_rows.size()); }
    QVariantMap firstFailures() const { return m_firstFailures; }
    // At most `max` rows, in snapshot order: the winner, the feasible nodes with the best
    // totals, then the failed ones, then those not evaluated (for tables that cannot show all).
    Q_INVOKABLE QVariantList someRows(int max) const;

    // Cells by name, for tests and tooltips: "pass", "fail: REASON", "-" (not evaluated);
    // a score cell is "normalized×weight=weighted".
    Q_INVOKABLE QString filterCell(const QString& node, const QString& plugin) const;
    Q_INVOKABLE QString scoreCell(const QString& node, const QString& plugin) const;

signals:
    void changed();
    void selectRequested();

private:
    void clear();
    void rebuild(cluster::Cluster& cluster);

    int m_selected = 0, m_seq = 0, m_attempt = 0;
    QString m_pod, m_scheduler, m_selectedNode, m_message, m_nominatedNode;
    QStringList m_preempted;
    QVariantList m_filterPlugins, m_scorePlugins, m_rows;
    QVariantMap m_firstFailures;
    int m_announcedSelected = -1;  // m_selected when `changed` was last emitted
};

}  // namespace ks::gui
