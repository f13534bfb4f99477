// ControlPlane: the control plane strip: the API server and etcd (object counts), the
// kube-scheduler replicas with the Lease holder, and the leader's scheduling queue.
#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ks::cluster {
class Cluster;
}

namespace ks::gui {

class ControlPlane : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ControlPlane is provided by App.controlPlane")
    Q_PROPERTY(int objectCount READ objectCount NOTIFY objectsChanged)
    Q_PROPERTY(QString objectSummary READ objectSummary NOTIFY objectsChanged)
    Q_PROPERTY(QVariantList schedulers READ schedulers NOTIFY changed)  // [{name, leader}]
    Q_PROPERTY(QString leader READ leader NOTIFY changed)
    Q_PROPERTY(QStringList activeQ READ activeQ NOTIFY queuesChanged)
    Q_PROPERTY(QStringList backoffQ READ backoffQ NOTIFY queuesChanged)
    Q_PROPERTY(QStringList unschedulableQ READ unschedulableQ NOTIFY queuesChanged)
    // Pods without a node that no queue holds: the leader's informer has not seen them yet,
    // nobody leads, or they name a scheduler that no replica runs.
    Q_PROPERTY(QStringList incoming READ incoming NOTIFY queuesChanged)

public:
    using QObject::QObject;

    void update(const cluster::Cluster& cluster);

    int objectCount() const { return m_objectCount; }
    QString objectSummary() const { return m_objectSummary; }
    QVariantList schedulers() const { return m_schedulers; }
    QString leader() const { return m_leader; }
    QStringList activeQ() const { return m_activeQ; }
    QStringList backoffQ() const { return m_backoffQ; }
    QStringList unschedulableQ() const { return m_unschedulableQ; }
    QStringList incoming() const { return m_incoming; }

signals:
    void changed();         // schedulers, leader
    void objectsChanged();  // the store's object counts
    void queuesChanged();   // the scheduling queue's lists

private:
    int m_objectCount = 0;
    QString m_objectSummary, m_leader;
    QVariantList m_schedulers;
    QStringList m_activeQ, m_backoffQ, m_unschedulableQ, m_incoming;
};

}  // namespace ks::gui
