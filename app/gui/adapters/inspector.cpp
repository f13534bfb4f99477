#include "inspector.h"
#include "format.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

#include "app_facade.h"
#include "core/api/decode.h"
#include "core/api/manifest.h"
#include "core/api/writer.h"
#include "core/api/yaml_reader.h"
#include "core/cluster/cluster.h"
#include "core/scheduler/config/defaults.h"
#include "core/scheduler/scheduler.h"
#include "core/scheduler/what_if.h"
#include "core/store/api_store.h"

namespace ks::gui {

namespace {

constexpr int kWhatIfDebounceMs = 150;


// The scalar at a dotted path ("spec.nodeName"), or fallback.
std::string textAt(const api::Value& object, const char* path, const char* fallback = "") {
    const api::Value* v = object.at(path);
    return v && v->isScalar() ? v->text() : fallback;
}

QVariantMap toVariant(const api::Value& v) {
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(api::toJson(v)));
    return doc.isObject() ? doc.object().toVariantMap() : QVariantMap();
}

api::Value fromVariant(const QVariantMap& map) {
    const QByteArray json = QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact);
    auto read = api::readYaml(json.toStdString(), "draft.json");
    return read.documents.empty() ? api::Value::mapping() : read.documents.front();
}

// What the API server sets: a re-created object gets its own.
void dropServerFields(api::Value& object) {
    if (api::Value* meta = object.get("metadata"))
        for (const char* key : {"uid", "resourceVersion", "creationTimestamp", "generation", "managedFields",
                                "deletionTimestamp", "deletionGracePeriodSeconds"})
            meta->remove(key);
    object.remove("status");
}

// Words for a kubectl command line: single quotes when the word needs them.
QString shellWord(const QString& word) {
    static const QString kPlain = QStringLiteral(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%");
    bool plain = !word.isEmpty();
    for (QChar c : word)
        if (!kPlain.contains(c)) plain = false;
    if (plain) return word;
    QString quoted = word;
    quoted.replace("'", "'\\''");
    return "'" + quoted + "'";
}

QVariantList diagnosticsToList(const api::Diagnostics& diags, bool withFile) {
    QVariantList out;
    for (const auto& d : diags) {
        if (!d.isError()) continue;
        QVariantMap e;
        e["path"] = qs(d.path);
        e["line"] = d.mark.line;
        e["column"] = d.mark.col;
        e["message"] = qs(d.message);
        if (withFile) {
            e["text"] = qs(d.format());
        } else {
            QString text;
            if (d.mark.known()) text = QString::number(d.mark.line) + ":" + QString::number(d.mark.col) + ": ";
            if (!d.path.empty()) text += qs(d.path) + ": ";
            e["text"] = text + qs(d.message);
        }
        out.push_back(e);
    }
    return out;
}

}  // namespace

Inspector::Inspector(AppFacade* app) : QObject(app), m_app(app) {
    m_whatIfTimer.setSingleShot(true);
    m_whatIfTimer.setInterval(kWhatIfDebounceMs);
    connect(&m_whatIfTimer, &QTimer::timeout, this, &Inspector::recomputeWhatIf);
    connect(app, &AppFacade::selectionChanged, this, &Inspector::selectionChanged);
    // The store changed under the inspector: stepping, replay, undo, a console command.
    connect(app, &AppFacade::positionChanged, this, &Inspector::reload);
    connect(app, &AppFacade::clusterEdited, this, &Inspector::reload);
    // Another scenario: an object it does not have is let go of (stepping keeps the selection
    // and says the object is not there at that step).
    connect(app, &AppFacade::scenarioChanged, this, [this]() {
        reload();
        if (!m_kind.isEmpty() && !m_exists) m_app->clearSelection();
    });
}

QString Inspector::fileName() const {
    if (m_kind.isEmpty()) return {};
    return m_kind.toLower() + "-" + m_name + ".yaml";
}

api::Value Inspector::storedObject() const {
    if (m_kind.isEmpty()) return {};
    store::ObjectPtr obj =
        m_app->cluster().store().find({m_kind.toStdString(), m_namespace.toStdString(), m_name.toStdString()});
    return obj ? *obj : api::Value();
}

void Inspector::selectionChanged() {
    const QVariantMap sel = m_app->selection();
    m_kind = sel.value("kind").toString();
    m_namespace = sel.value("namespace").toString();
    m_name = sel.value("name").toString();
    if (m_kind == "Pod") {
        m_lastPodNamespace = m_namespace;
        m_lastPodName = m_name;
    }
    m_podDraft.clear();
    m_draftDirty = false;
    m_draftValid = true;
    m_nodePending.clear();
    m_yamlErrors.clear();
    setFormErrors({}, {});
    emit yamlErrorsChanged();
    reload();
    recomputeWhatIf();
}

void Inspector::reload() {
    const api::Value obj = storedObject();
    m_exists = !obj.isNull();
    m_yaml = m_exists ? qs(api::toYaml(obj)) : QString();
    m_labels.clear();
    m_taints.clear();
    m_unschedulable = false;
    m_phase.clear();
    m_nodeName.clear();
    m_priorityClasses.clear();
    if (m_exists && m_kind == "Node") {
        const api::Node node = api::decodeNode(obj);
        for (const auto& [k, v] : node.metadata.labels) m_labels.push_back(QVariantMap{{"key", qs(k)}, {"value", qs(v)}});
        for (const auto& t : node.spec.taints)
            m_taints.push_back(QVariantMap{{"key", qs(t.key)}, {"value", qs(t.value)}, {"effect", qs(t.effect)}});
        m_unschedulable = node.spec.unschedulable;
    }
    if (m_exists && m_kind == "Pod") {
        m_phase = qs(textAt(obj, "status.phase", "Pending"));
        m_nodeName = qs(textAt(obj, "spec.nodeName"));
        for (const auto& pc : m_app->cluster().store().list("PriorityClass"))
            m_priorityClasses.push_back(qs(textAt(*pc, "metadata.name")));
        // An untouched draft follows the store; one the user edited stays as typed.
        if (!m_draftDirty) {
            m_podDraft = toVariant(obj);
            emit draftChanged();
        }
    }
    emit objectChanged();
    if (!m_kind.isEmpty()) scheduleWhatIf();
}

void Inspector::setFormErrors(const QVariantList& errors, const QString& commandError) {
    m_formErrors = errors;
    m_commandError = commandError;
    emit formErrorsChanged();
}

bool Inspector::validateDraft(const api::Value& object) {
    auto loaded = api::loadManifestText(api::toYaml(object), fileName().toStdString());
    setFormErrors(diagnosticsToList(loaded.diagnostics, true), {});
    return loaded.ok();
}

bool Inspector::runCommand(const QString& line, const std::map<std::string, std::string>& documents) {
    const kubectl::CommandResult r = m_app->runKubectl(line, documents);
    if (r.exitCode != 0) {
        setFormErrors(m_formErrors, qs(r.err).trimmed());
        return false;
    }
    setFormErrors({}, {});
    return true;
}

// ---- node form ----

bool Inspector::setNodeLabel(const QString& key, const QString& value) {
    if (m_kind != "Node" || !m_exists) return false;
    api::Value draft = storedObject();
    draft.child("metadata").child("labels").set(key.toStdString(), api::Value::string(value.toStdString()));
    if (!validateDraft(draft)) return false;
    return runCommand("label nodes " + shellWord(m_name) + " " + shellWord(key + "=" + value) + " --overwrite");
}

bool Inspector::removeNodeLabel(const QString& key) {
    if (m_kind != "Node" || !m_exists) return false;
    return runCommand("label nodes " + shellWord(m_name) + " " + shellWord(key + "-"));
}

bool Inspector::addNodeTaint(const QString& key, const QString& value, const QString& effect) {
    if (m_kind != "Node" || !m_exists) return false;
    QVariantMap pending;
    pending["taintKey"] = key;
    pending["taintValue"] = value;
    pending["taintEffect"] = effect;
    m_nodePending = pending;
    if (!validateDraft(nodeWithPending())) return false;
    const QString spec = key + (value.isEmpty() ? QString() : "=" + value) + ":" + effect;
    const bool ok = runCommand("taint nodes " + shellWord(m_name) + " " + shellWord(spec) + " --overwrite");
    if (ok) m_nodePending.clear();
    return ok;
}

bool Inspector::removeNodeTaint(const QString& key, const QString& effect) {
    if (m_kind != "Node" || !m_exists) return false;
    return runCommand("taint nodes " + shellWord(m_name) + " " + shellWord(key + ":" + effect + "-"));
}

bool Inspector::setCordoned(bool cordoned) {
    if (m_kind != "Node" || !m_exists || cordoned == m_unschedulable) return false;
    return runCommand(QString(cordoned ? "cordon " : "uncordon ") + shellWord(m_name));
}

api::Value Inspector::nodeWithPending() const {
    api::Value node = storedObject();
    if (node.isNull()) return node;
    const QString labelKey = m_nodePending.value("labelKey").toString();
    if (!labelKey.isEmpty())
        node.child("metadata").child("labels").set(labelKey.toStdString(),
                                                   api::Value::string(m_nodePending.value("labelValue").toString().toStdString()));
    const QString taintKey = m_nodePending.value("taintKey").toString();
    if (!taintKey.isEmpty()) {
        const std::string key = taintKey.toStdString();
        const std::string effect = m_nodePending.value("taintEffect").toString().toStdString();
        api::Value& spec = node.child("spec");
        if (!spec.get("taints") || !spec.get("taints")->isSequence()) spec.set("taints", api::Value::sequence());
        api::Value& taints = *spec.get("taints");
        auto& items = taints.items();
        items.erase(std::remove_if(items.begin(), items.end(),
                                   [&](const api::Value& t) { return t.str("key") == key && t.str("effect") == effect; }),
                    items.end());
        api::Value taint = api::Value::mapping();
        taint.set("key", api::Value::string(key));
        const QString value = m_nodePending.value("taintValue").toString();
        if (!value.isEmpty()) taint.set("value", api::Value::string(value.toStdString()));
        taint.set("effect", api::Value::string(effect));
        taints.push(std::move(taint));
    }
    return node;
}

void Inspector::previewNode(const QVariantMap& pending) {
    if (m_kind != "Node" || !m_exists) return;
    m_nodePending = pending;
    const bool typing = !pending.value("labelKey").toString().isEmpty() || !pending.value("taintKey").toString().isEmpty();
    if (typing) validateDraft(nodeWithPending());
    else setFormErrors({}, {});
    scheduleWhatIf();
}

// ---- pod form ----

void Inspector::setPodDraft(const QVariantMap& draft) {
    if (m_kind != "Pod" || !m_exists) return;
    m_podDraft = draft;
    m_draftDirty = draft != toVariant(storedObject());
    api::Value pod = fromVariant(draft);
    dropServerFields(pod);
    if (api::Value* spec = pod.get("spec")) spec->remove("nodeName");
    m_draftValid = validateDraft(pod);
    emit draftChanged();
    scheduleWhatIf();
}

void Inspector::resetPodDraft() {
    m_draftDirty = false;
    m_draftValid = true;
    setFormErrors({}, {});
    reload();
}

bool Inspector::applyPodDraft() {
    if (m_kind != "Pod" || !m_exists) return false;
    api::Value pod = fromVariant(m_podDraft);
    dropServerFields(pod);
    if (api::Value* spec = pod.get("spec")) spec->remove("nodeName");
    if (!validateDraft(pod)) return false;
    const std::string file = fileName().toStdString();
    if (!runCommand("replace --force -f " + shellWord(fileName()), {{file, api::toYaml(pod)}})) return false;
    m_draftDirty = false;
    reload();
    return true;
}

// ---- YAML tab ----

bool Inspector::checkYaml(const QString& text) {
    auto loaded = api::loadManifestText(text.toStdString(), fileName().toStdString());
    m_yamlErrors = diagnosticsToList(loaded.diagnostics, false);
    if (loaded.ok() && loaded.objects.size() != 1) {
        QVariantMap e;
        e["path"] = QString();
        e["line"] = 1;
        e["column"] = 1;
        e["message"] = tr("the editor applies exactly one object");
        e["text"] = "1:1: " + e["message"].toString();
        m_yamlErrors.push_back(e);
    }
    emit yamlErrorsChanged();
    return m_yamlErrors.isEmpty();
}

bool Inspector::applyYaml(const QString& text) {
    if (m_kind.isEmpty() || !checkYaml(text)) return false;
    auto loaded = api::loadManifestText(text.toStdString(), fileName().toStdString());
    api::Value object = loaded.objects.front().object;
    const bool isPod = object.str("kind") == "Pod";
    QString line;
    if (isPod) {
        // Re-created, so placed again: unless the user changed spec.nodeName themselves, the
        // node the stored pod ran on is dropped with the status.
        const api::Value stored = storedObject();
        dropServerFields(object);
        if (textAt(object, "spec.nodeName") == textAt(stored, "spec.nodeName"))
            if (api::Value* spec = object.get("spec")) spec->remove("nodeName");
        line = "replace --force -f " + shellWord(fileName());
    } else {
        // An update without resourceVersion is unconditional: the status writers (kubelets,
        // controllers) may have moved it on since the text was shown.
        if (api::Value* meta = object.get("metadata")) meta->remove("resourceVersion");
        line = "replace -f " + shellWord(fileName());
    }
    const kubectl::CommandResult r = m_app->runKubectl(line, {{fileName().toStdString(), api::toYaml(object)}});
    if (r.exitCode != 0) {
        QVariantMap e;
        e["path"] = QString();
        e["line"] = 0;
        e["column"] = 0;
        e["message"] = qs(r.err).trimmed();
        e["text"] = qs(r.err).trimmed();
        m_yamlErrors = {e};
        emit yamlErrorsChanged();
        return false;
    }
    if (isPod) m_draftDirty = false;
    reload();
    return true;
}

// ---- what-if ----

void Inspector::scheduleWhatIf() {
    m_whatIfTimer.start();
    emit whatIfChanged();
}

void Inspector::recomputeWhatIf() {
    m_whatIfTimer.stop();
    m_whatIf.clear();
    m_whatIfPod.clear();
    m_whatIfWinner.clear();
    m_whatIfMessage.clear();
    auto& store = m_app->cluster().store();
    scheduler::WhatIfRequest request;
    request.now = store.now();
    if (m_kind == "Pod" && m_exists) {
        if (!m_draftValid) {
            m_whatIfMessage = tr("Fix the errors above to see where the pod would go.");
            emit whatIfChanged();
            return;
        }
        request.pod = m_podDraft.isEmpty() ? storedObject() : fromVariant(m_podDraft);
    } else if (m_kind == "Node" && m_exists) {
        store::ObjectPtr pod;
        if (!m_lastPodName.isEmpty())
            pod = store.find({"Pod", m_lastPodNamespace.toStdString(), m_lastPodName.toStdString()});
        if (!pod)
            for (const auto& p : store.list("Pod"))
                if (textAt(*p, "spec.nodeName").empty() && !p->at("metadata.deletionTimestamp")) {
                    pod = p;
                    break;
                }
        if (!pod) {
            emit whatIfChanged();
            return;
        }
        request.pod = *pod;
        request.nodeDrafts.push_back(nodeWithPending());
    } else {
        emit whatIfChanged();
        return;
    }
    m_whatIfPod = qs(textAt(request.pod, "metadata.namespace", "default") + "/" + textAt(request.pod, "metadata.name"));
    const scheduler::Scheduler* active = m_app->cluster().activeScheduler();
    const auto config = active ? active->configuration() : scheduler::config::defaultConfiguration();
    scheduler::WhatIfResult result = scheduler::runWhatIf(store, config, request);
    if (!result.ok) {
        m_whatIfMessage = qs(result.error);
        emit whatIfChanged();
        return;
    }
    const auto& record = result.record;
    std::map<std::string, std::int64_t> totals;
    for (const auto& s : record.scores) totals[s.node] = s.total;
    for (const auto& v : record.nodes) {
        QVariantMap row;
        row["node"] = qs(v.node);
        row["evaluated"] = v.evaluated;
        row["feasible"] = v.feasible;
        QString plugin, reason;
        if (!v.failures.empty()) {
            plugin = qs(v.failures.front().plugin);
            QStringList reasons;
            for (const auto& r : v.failures.front().reasons) reasons << qs(r);
            reason = reasons.join(", ");
        }
        row["plugin"] = plugin;
        row["reason"] = reason;
        auto total = totals.find(v.node);
        row["score"] = total == totals.end() ? QVariant() : QVariant(static_cast<qlonglong>(total->second));
        row["winner"] = v.node == record.selectedNode;
        m_whatIf.push_back(row);
    }
    m_whatIfWinner = qs(record.selectedNode);
    m_whatIfMessage = qs(record.message);
    emit whatIfChanged();
}

}  // namespace ks::gui
