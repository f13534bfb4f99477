// AppFacade: the root object QML sees as the singleton `App`. It owns the simulated cluster
// and exposes it as models; QML calls its invokables, never the core.
#pragma once

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <memory>

#include "node_list_model.h"
#include "pod_list_model.h"

class QQmlEngine;
class QJSEngine;

namespace ks::cluster {
class Cluster;
}

namespace ks::gui {

class AppFacade : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(NodeListModel* nodes READ nodes CONSTANT)
    Q_PROPERTY(PodListModel* pods READ pods CONSTANT)
    Q_PROPERTY(QString scenarioName READ scenarioName NOTIFY scenarioChanged)
    Q_PROPERTY(QStringList loadErrors READ loadErrors NOTIFY scenarioChanged)

public:
    // NOTE: not default-constructible on purpose: Qt 6.4 prefers a default constructor over
    // create(), and QML must get the instance main() made.
    explicit AppFacade(QObject* parent);
    ~AppFacade() override;

    // The instance main() made; QML's singleton factory returns it (Qt 6.4 has no
    // engine.singletonInstance for types created in C++).
    static AppFacade* instance();
    static void setInstance(AppFacade* app);
    static AppFacade* create(QQmlEngine*, QJSEngine*);

    NodeListModel* nodes() { return &m_nodes; }
    PodListModel* pods() { return &m_pods; }
    QString scenarioName() const { return m_scenarioName; }
    QStringList loadErrors() const { return m_loadErrors; }
    ks::cluster::Cluster& cluster() { return *m_cluster; }

    // Loads manifests (file paths or qrc: paths) into a fresh cluster. Errors are kept in
    // loadErrors as FILE:LINE:COL messages; returns false when any file had errors.
    Q_INVOKABLE bool loadScenario(const QStringList& files);
    Q_INVOKABLE bool loadDefaultScenario();
    // Rebuilds the models from the store.
    Q_INVOKABLE void refresh();

signals:
    void scenarioChanged();

private:
    bool loadText(const QList<QPair<QString, QByteArray>>& documents, const QString& name);

    std::unique_ptr<ks::cluster::Cluster> m_cluster;
    NodeListModel m_nodes;
    PodListModel m_pods;
    QString m_scenarioName;
    QStringList m_loadErrors;
};

}  // namespace ks::gui
