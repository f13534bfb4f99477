#include "control_plane.h"

#include <QSet>
#include "format.h"

#include "core/cluster/cluster.h"
#include "core/scheduler/scheduler.h"
#include "core/store/api_store.h"

namespace ks::gui {

namespace {

// A pod as the queue shows it: "web-1" in the default namespace, else "shop/web".
QString podName(const api::ObjectMeta& meta) {
    return meta.namespace_ == "default" || meta.namespace_.empty() ? qs(meta.name) : qs(meta.namespace_ + "/" + meta.name);
}

QStringList names(const std::vector<scheduler::QueuedPodInfo>& pods) {
    QStringList out;
    for (const auto& p : pods)
        if (p.podInfo && p.podInfo->pod) out << podName(p.podInfo->pod->metadata);
    return out;
}
}  // namespace

void ControlPlane::update(const cluster::Cluster& cluster) {
    // Views re-read a list when its signal comes; most steps change few of them.
    const int objectCount = m_objectCount;
    const QString summary = m_objectSummary, leader = m_leader;
    const QVariantList schedulers = m_schedulers;
    const QStringList activeQ = m_activeQ, backoffQ = m_backoffQ, unschedulableQ = m_unschedulableQ, incoming = m_incoming;
    const store::ApiStore& store = cluster.store();
    int total = 0;
    QStringList parts;
    for (const auto& kind : store.kinds()) {
        int n = static_cast<int>(store.count(kind));
        total += n;
        parts << QString::number(n) + " " + qs(kind);
    }
    m_objectCount = total;
    m_objectSummary = parts.join(", ");
    m_leader = qs(cluster.schedulerLeader());
    m_schedulers.clear();
    for (const auto& name : cluster.schedulerReplicas())
        m_schedulers.append(QVariantMap{{"name", qs(name)}, {"leader", qs(name) == m_leader}});
    m_activeQ.clear();
    m_backoffQ.clear();
    m_unschedulableQ.clear();
    m_incoming.clear();
    if (const scheduler::Scheduler* s = cluster.activeScheduler()) {
        m_activeQ = names(s->queue().activePods());
        m_backoffQ = names(s->queue().backoffPods());
        m_unschedulableQ = names(s->queue().unschedulablePods());
    }
    QSet<QString> queued(m_activeQ.begin(), m_activeQ.end());
    queued.unite(QSet<QString>(m_backoffQ.begin(), m_backoffQ.end()));
    queued.unite(QSet<QString>(m_unschedulableQ.begin(), m_unschedulableQ.end()));
    for (const auto& pod : cluster.pods()) {
        if (!pod->spec.nodeName.empty() || pod->metadata.deletionTimestamp) continue;
        if (pod->status.phase == "Succeeded" || pod->status.phase == "Failed") continue;
        QString name = podName(pod->metadata);
        if (!queued.contains(name)) m_incoming << name;
    }
    if (objectCount != m_objectCount || summary != m_objectSummary) emit objectsChanged();
    if (leader != m_leader || schedulers != m_schedulers) emit changed();
    if (activeQ != m_activeQ || backoffQ != m_backoffQ || unschedulableQ != m_unschedulableQ || incoming != m_incoming)
        emit queuesChanged();
}

}  // namespace ks::gui
