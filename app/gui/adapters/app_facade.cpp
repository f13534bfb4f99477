#include "app_facade.h"

#include <QFile>
#include <QFileInfo>
#include <QQmlEngine>
#include <algorithm>

#include "core/api/diagnostic.h"
#include "core/cluster/cluster.h"
#include "core/scheduler/framework/node_info.h"

namespace ks::gui {

namespace {
AppFacade* g_instance = nullptr;

QString qs(const std::string& s) { return QString::fromStdString(s); }

std::int64_t milli(const api::ResourceList& list, const char* name) {
    auto it = list.find(name);
    return it == list.end() ? 0 : it->second.milliValue();
}
std::int64_t units(const api::ResourceList& list, const char* name) {
    auto it = list.find(name);
    return it == list.end() ? 0 : it->second.value();
}
}  // namespace

AppFacade::AppFacade(QObject* parent) : QObject(parent), m_cluster(std::make_unique<cluster::Cluster>()) {}

AppFacade::~AppFacade() {
    if (g_instance == this) g_instance = nullptr;
}

AppFacade* AppFacade::instance() { return g_instance; }
void AppFacade::setInstance(AppFacade* app) { g_instance = app; }

AppFacade* AppFacade::create(QQmlEngine*, QJSEngine*) {
    if (!g_instance) g_instance = new AppFacade(nullptr);  // e.g. in Qt Quick tests
    QQmlEngine::setObjectOwnership(g_instance, QQmlEngine::CppOwnership);
    return g_instance;
}

bool AppFacade::loadDefaultScenario() { return loadScenario({":/scenarios/default.yaml"}); }

bool AppFacade::loadScenario(const QStringList& files) {
    QList<QPair<QString, QByteArray>> docs;
    QStringList errors;
    for (const QString& path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            errors << path + ": cannot open file: " + f.errorString();
            continue;
        }
        docs.append({path.startsWith(":/") ? path.mid(2) : path, f.readAll()});
    }
    if (!errors.isEmpty()) {
        m_loadErrors = errors;
        emit scenarioChanged();
        return false;
    }
    QString name = files.size() == 1 ? QFileInfo(files.first()).completeBaseName()
                                     : QString::number(files.size()) + " files";
    return loadText(docs, name);
}

bool AppFacade::loadText(const QList<QPair<QString, QByteArray>>& documents, const QString& name) {
    auto fresh = std::make_unique<cluster::Cluster>();
    QStringList errors;
    for (const auto& [file, text] : documents) {
        for (const auto& d : fresh->loadText(text.toStdString(), file.toStdString()))
            if (d.isError()) errors << qs(d.format());
    }
    m_loadErrors = errors;
    if (!errors.isEmpty()) {
        emit scenarioChanged();
        return false;  // the working cluster is kept: a broken file never loses work
    }
    m_cluster = std::move(fresh);
    m_scenarioName = name;
    refresh();
    emit scenarioChanged();
    return true;
}

void AppFacade::refresh() {
    auto nodes = m_cluster->nodes();
    auto pods = m_cluster->pods();

    QVector<NodeRow> nodeRows;
    for (const auto& node : nodes) {
        NodeRow row;
        row.name = qs(node->metadata.name);
        auto zone = node->metadata.labels.find("topology.kubernetes.io/zone");
        row.zone = zone == node->metadata.labels.end() ? QString() : qs(zone->second);
        row.unschedulable = node->spec.unschedulable;
        for (const auto& c : node->status.conditions)
            if (c.type == "Ready") row.ready = c.status == "True";
        for (const auto& t : node->spec.taints)
            row.taints.append(QVariantMap{{"key", qs(t.key)}, {"value", qs(t.value)}, {"effect", qs(t.effect)}});
        row.cpuAllocatableMilli = milli(node->status.allocatable, "cpu");
        row.memoryAllocatable = units(node->status.allocatable, "memory");
        row.podCapacity = static_cast<int>(units(node->status.allocatable, "pods"));
        nodeRows.append(row);
    }
    std::stable_sort(nodeRows.begin(), nodeRows.end(), [](const NodeRow& a, const NodeRow& b) {
        return a.zone != b.zone ? a.zone < b.zone : a.name < b.name;
    });

    QVector<PodRow> podRows;
    for (const auto& pod : pods) {
        PodRow row;
        row.name = qs(pod->metadata.name);
        row.namespaceName = qs(pod->metadata.namespace_);
        row.phase = pod->status.phase.empty() ? QStringLiteral("Pending") : qs(pod->status.phase);
        row.nodeName = qs(pod->spec.nodeName);
        row.nominatedNodeName = qs(pod->status.nominatedNodeName);
        row.priority = pod->spec.priority.value_or(0);
        scheduler::Resource req = scheduler::podRequests(*pod);
        row.cpuRequestMilli = req.milliCPU;
        row.memoryRequest = req.memory;
        podRows.append(row);
        for (auto& n : nodeRows) {
            if (n.name != row.nodeName) continue;
            n.cpuRequestedMilli += req.milliCPU;
            n.memoryRequested += req.memory;
            n.podCount += 1;
            n.pods.append(QVariantMap{{"name", row.name}, {"namespace", row.namespaceName}, {"phase", row.phase}});
        }
    }
    std::stable_sort(podRows.begin(), podRows.end(), [](const PodRow& a, const PodRow& b) {
        return a.nodeName.isEmpty() > b.nodeName.isEmpty();
    });
    m_nodes.setRows(std::move(nodeRows));
    m_pods.setRows(std::move(podRows));
}

}  // namespace ks::gui
