#include "control_plane.h"
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
    for (const auto& pod : cluster.pods()) {
        if (!pod->spec.nodeName.empty() || pod->metadata.deletionTimestamp) continue;
        if (pod->status.phase == "Succeeded" || pod->status.phase == "Failed") continue;
        QString name = podName(pod->metadata);
        if (!m_activeQ.contains(name) && !m_backoffQ.contains(name) && !m_unschedulableQ.contains(name))
            m_incoming << name;
    }
    emit changed();
}

}  // namespace ks::gui
