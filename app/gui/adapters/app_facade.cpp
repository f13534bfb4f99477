#include "app_facade.h"
#include "format.h"

#include <QFile>
#include <QFileInfo>
#include <QQmlEngine>
#include <algorithm>
#include <set>

#include "core/api/diagnostic.h"
#include "core/api/manifest.h"
#include "core/cluster/cluster.h"
#include "core/scheduler/framework/node_info.h"
#include "core/sim/event_loop.h"
#include "world.h"

namespace ks::gui {

namespace {
AppFacade* g_instance = nullptr;


std::int64_t milli(const api::ResourceList& list, const char* name) {
    auto it = list.find(name);
    return it == list.end() ? 0 : it->second.milliValue();
}
std::int64_t units(const api::ResourceList& list, const char* name) {
    auto it = list.find(name);
    return it == list.end() ? 0 : it->second.value();
}
QString label(const api::Node& node, const char* key) {
    auto it = node.metadata.labels.find(key);
    return it == node.metadata.labels.end() ? QString() : qs(it->second);
}

// Labels every kubelet sets (hostname, os, arch, zone, instance type): the card shows the zone
// anyway, and the others would bury the labels a lesson's nodeSelector or affinity is about.
bool wellKnownLabel(const std::string& key) {
    for (const char* prefix : {"kubernetes.io/", "beta.kubernetes.io/", "topology.kubernetes.io/", "node.kubernetes.io/"})
        if (key.rfind(prefix, 0) == 0) return true;
    return false;
}
}  // namespace

AppFacade::AppFacade(QObject* parent) : QObject(parent), m_lesson(this) {
    m_world = std::make_unique<World>();
    m_world->own = std::make_unique<cluster::Cluster>();
    connect(&m_playTimer, &QTimer::timeout, this, [this]() {
        if (!stepForward()) setPlaying(false);
    });
    setSpeed(1.0);
    connect(&m_cycle, &CycleView::selectRequested, this, [this]() { m_cycle.update(cluster()); });
}

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

cluster::Cluster& AppFacade::cluster() { return m_world->cluster(); }

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

bool AppFacade::loadScenarioText(const QByteArray& text, const QString& file, const QString& name) {
    return loadText({{file, text}}, name);
}

bool AppFacade::loadText(const QList<QPair<QString, QByteArray>>& documents, const QString& name) {
    // Read once: stepping back rebuilds the cluster from these, and reading the YAML of a
    // 500-node scenario again took longer than creating its objects.
    auto read = std::make_shared<std::vector<api::LoadResult>>();
    for (const auto& [file, text] : documents) read->push_back(api::loadManifestText(text.toStdString(), file.toStdString()));
    Builder builder = [read](QStringList& errors) -> std::unique_ptr<World> {
        auto world = std::make_unique<World>();
        world->own = std::make_unique<cluster::Cluster>();
        for (const api::LoadResult& loaded : *read)
            for (const auto& d : world->own->load(loaded))
                if (d.isError()) errors << qs(d.format());
        if (!errors.isEmpty()) return nullptr;
        world->own->start();
        return world;
    };
    if (!rebuild(builder)) return false;  // the working cluster is kept: a broken file never loses work
    m_lesson.close();
    m_scenarioName = name;
    emit scenarioChanged();
    return true;
}

bool AppFacade::openLesson(const QString& id, int step) { return m_lesson.open(id, step); }

bool AppFacade::rebuild(const Builder& builder) {
    QStringList errors;
    std::unique_ptr<World> fresh = builder(errors);
    m_loadErrors = errors;
    if (!fresh) {
        emit scenarioChanged();
        return false;
    }
    m_world = std::move(fresh);
    m_builder = builder;
    m_edits.clear();  // edits belong to the source they were made on
    m_redone.clear();
    emit editsChanged();
    m_position = 0;
    m_furthest = 0;
    m_timeline.reset(cluster().trace());
    m_cycle.select(0);
    afterMove();
    return true;
}

void AppFacade::notifyClusterEdited() {
    refresh();
    m_cycle.update(cluster());
    emit clusterEdited();
}

void AppFacade::refresh() {
    cluster::Cluster& c = cluster();
    auto nodes = c.nodes();
    auto pods = c.pods();

    QVector<NodeRow> nodeRows;
    std::set<QString> zones;
    for (const auto& node : nodes) {
        NodeRow row;
        row.name = qs(node->metadata.name);
        row.zone = label(*node, "topology.kubernetes.io/zone");
        row.hostname = label(*node, "kubernetes.io/hostname");
        if (row.hostname.isEmpty()) row.hostname = row.name;
        zones.insert(row.zone);
        row.unschedulable = node->spec.unschedulable;
        for (const auto& [key, value] : node->metadata.labels)
            row.labels.append(QVariantMap{{"key", qs(key)}, {"value", qs(value)}, {"wellKnown", wellKnownLabel(key)}});
        for (const auto& cond : node->status.conditions)
            if (cond.type == "Ready") row.ready = cond.status == "True";
        for (const auto& t : node->spec.taints)
            row.taints.append(QVariantMap{{"key", qs(t.key)}, {"value", qs(t.value)}, {"effect", qs(t.effect)}});
        row.cpuAllocatableMilli = milli(node->status.allocatable, "cpu");
        row.memoryAllocatable = units(node->status.allocatable, "memory");
        row.podCapacity = static_cast<int>(units(node->status.allocatable, "pods"));
        nodeRows.append(row);
    }
    // Grouped by topology: zone, then hostname (nodes without a zone last).
    std::stable_sort(nodeRows.begin(), nodeRows.end(), [](const NodeRow& a, const NodeRow& b) {
        if (a.zone != b.zone) return a.zone.isEmpty() != b.zone.isEmpty() ? b.zone.isEmpty() : a.zone < b.zone;
        return a.hostname != b.hostname ? a.hostname < b.hostname : a.name < b.name;
    });

    // Pods find their node by name: a scan of the nodes per pod made a refresh of a 500-node,
    // 5,000-pod cluster cost millions of string comparisons.
    QHash<QString, int> nodeIndex;
    nodeIndex.reserve(nodeRows.size());
    for (int i = 0; i < nodeRows.size(); ++i) nodeIndex.insert(nodeRows[i].name, i);
    QVector<PodRow> podRows;
    podRows.reserve(static_cast<int>(pods.size()));
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
        if (auto it = nodeIndex.constFind(row.nodeName); it != nodeIndex.cend()) {
            NodeRow& n = nodeRows[it.value()];
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
    QStringList zoneList;
    for (const QString& z : zones)
        if (!z.isEmpty()) zoneList << z;
    if (zones.count(QString())) zoneList << QString();  // nodes without a zone label, last
    if (zoneList != m_zones) {
        m_zones = zoneList;
        emit zonesChanged();
    }
    m_controlPlane.update(c);
    m_events.update(c.store(), c.loop().now());
}

}  // namespace ks::gui
