// Inspector: the side tab that shows and edits the selected object (App.selection).
//
// Every change is a kubectl command run through AppFacade::runKubectl, so it is a recorded edit
// of the run (undo, redo, stepping and replay keep it) and the controllers and the scheduler
// react as they would to kubectl:
//  - a node's labels, taints and cordon are `kubectl label`, `taint`, `cordon` / `uncordon`;
//  - a pod's spec is immutable upstream, so a pod edit is `kubectl replace --force` with the
//    edited document (recorded with the edit): the pod is deleted and created again without
//    spec.nodeName and status, and the scheduler places it again;
//  - the YAML tab's Apply is `replace --force` for a pod and `replace` for anything else.
// Nothing is applied while the codec reports an error; what the user typed stays in the draft.
//
// What-if: while a pod's draft or a node's pending label or taint is edited, one scheduling
// cycle runs on a copy (core/scheduler/what_if.h, debounced) and the per-node breakdown is shown
// before anything is applied.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <string>

#include "core/api/value.h"

namespace ks::gui {

class AppFacade;

class Inspector : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.inspector")
    // The selection as this inspector shows it; exists is false when the selected object is not
    // in the store (deleted, or not there at the step shown).
    Q_PROPERTY(QString kind READ kind NOTIFY objectChanged)
    Q_PROPERTY(QString namespaceName READ namespaceName NOTIFY objectChanged)
    Q_PROPERTY(QString name READ name NOTIFY objectChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY objectChanged)
    // The stored object as YAML (the core writer); the YAML tab's starting text.
    Q_PROPERTY(QString yaml READ yaml NOTIFY objectChanged)
    // The file name the YAML tab's errors name: "pod-web-1.yaml".
    Q_PROPERTY(QString fileName READ fileName NOTIFY objectChanged)
    // Node: [{key, value}], [{key, value, effect}], spec.unschedulable.
    Q_PROPERTY(QVariantList labels READ labels NOTIFY objectChanged)
    Q_PROPERTY(QVariantList taints READ taints NOTIFY objectChanged)
    Q_PROPERTY(bool unschedulable READ unschedulable NOTIFY objectChanged)
    // Pod: phase and node of the stored pod; the draft the form edits (the whole pod as JSON
    // values); whether it differs from the stored pod.
    Q_PROPERTY(QString phase READ phase NOTIFY objectChanged)
    Q_PROPERTY(QString nodeName READ nodeName NOTIFY objectChanged)
    Q_PROPERTY(QVariantMap podDraft READ podDraft NOTIFY draftChanged)
    Q_PROPERTY(bool draftDirty READ draftDirty NOTIFY draftChanged)
    Q_PROPERTY(QStringList priorityClasses READ priorityClasses NOTIFY objectChanged)
    // The codec's errors for the form's draft: [{path, line, column, message, text}] where text
    // is "pod-web-1.yaml:12:7: spec.tolerations[0].operator: Unsupported value: ...".
    Q_PROPERTY(QVariantList formErrors READ formErrors NOTIFY formErrorsChanged)
    // What the last command printed on stderr (kubectl's words), empty after a success.
    Q_PROPERTY(QString commandError READ commandError NOTIFY formErrorsChanged)
    // The YAML tab's errors after Check or Apply: [{line, column, path, message, text}] with text
    // "LINE:COL: field.path: message".
    Q_PROPERTY(QVariantList yamlErrors READ yamlErrors NOTIFY yamlErrorsChanged)
    // What-if: the pod the breakdown is for ("namespace/name", empty when there is none), one row
    // per node {node, evaluated, feasible, plugin, reason, score, winner}, and the outcome
    // ("→ node-a1" or the FailedScheduling message).
    Q_PROPERTY(QString whatIfPod READ whatIfPod NOTIFY whatIfChanged)
    Q_PROPERTY(QVariantList whatIf READ whatIf NOTIFY whatIfChanged)
    Q_PROPERTY(QString whatIfWinner READ whatIfWinner NOTIFY whatIfChanged)
    Q_PROPERTY(QString whatIfMessage READ whatIfMessage NOTIFY whatIfChanged)
    // True between an edit and the recomputed breakdown (the debounce).
    Q_PROPERTY(bool whatIfPending READ whatIfPending NOTIFY whatIfChanged)

public:
    explicit Inspector(AppFacade* app);

    QString kind() const { return m_kind; }
    QString namespaceName() const { return m_namespace; }
    QString name() const { return m_name; }
    bool exists() const { return m_exists; }
    QString yaml() const { return m_yaml; }
    QString fileName() const;
    QVariantList labels() const { return m_labels; }
    QVariantList taints() const { return m_taints; }
    bool unschedulable() const { return m_unschedulable; }
    QString phase() const { return m_phase; }
    QString nodeName() const { return m_nodeName; }
    QVariantMap podDraft() const { return m_podDraft; }
    bool draftDirty() const { return m_draftDirty; }
    QStringList priorityClasses() const { return m_priorityClasses; }
    QVariantList formErrors() const { return m_formErrors; }
    QString commandError() const { return m_commandError; }
    QVariantList yamlErrors() const { return m_yamlErrors; }
    QString whatIfPod() const { return m_whatIfPod; }
    QVariantList whatIf() const { return m_whatIf; }
    QString whatIfWinner() const { return m_whatIfWinner; }
    QString whatIfMessage() const { return m_whatIfMessage; }
    bool whatIfPending() const { return m_whatIfTimer.isActive(); }

    // ---- node form: each a recorded kubectl command; false (errors shown) when refused ----
    Q_INVOKABLE bool setNodeLabel(const QString& key, const QString& value);
    Q_INVOKABLE bool removeNodeLabel(const QString& key);
    Q_INVOKABLE bool addNodeTaint(const QString& key, const QString& value, const QString& effect);
    Q_INVOKABLE bool removeNodeTaint(const QString& key, const QString& effect);
    Q_INVOKABLE bool setCordoned(bool cordoned);
    // The label and taint being typed ({labelKey, labelValue, taintKey, taintValue, taintEffect}):
    // validated and, through what-if, shown as if applied.
    Q_INVOKABLE void previewNode(const QVariantMap& pending);

    // ---- pod form ----
    // The form's whole draft pod; validated at once, what-if after the debounce.
    Q_INVOKABLE void setPodDraft(const QVariantMap& draft);
    Q_INVOKABLE void resetPodDraft();
    // kubectl replace --force with the draft; false when the codec or the store refuses it.
    Q_INVOKABLE bool applyPodDraft();

    // ---- YAML tab ----
    // Parses and validates `text` as the codec does for a file named fileName; fills yamlErrors.
    Q_INVOKABLE bool checkYaml(const QString& text);
    // checkYaml, then replace (--force for a pod) through the recorded-edit path.
    Q_INVOKABLE bool applyYaml(const QString& text);

    // Runs the what-if now instead of after the debounce (tests, and the first show).
    Q_INVOKABLE void recomputeWhatIf();

signals:
    void objectChanged();
    void draftChanged();
    void formErrorsChanged();
    void yamlErrorsChanged();
    void whatIfChanged();

private:
    void selectionChanged();
    void reload();
    void scheduleWhatIf();
    bool runCommand(const QString& line, const std::map<std::string, std::string>& documents = {});
    bool validateDraft(const api::Value& object);
    void setFormErrors(const QVariantList& errors, const QString& commandError);
    api::Value storedObject() const;
    api::Value nodeWithPending() const;

    AppFacade* m_app;
    QString m_kind, m_namespace, m_name;
    bool m_exists = false;
    QString m_yaml;
    QVariantList m_labels, m_taints;
    bool m_unschedulable = false;
    QString m_phase, m_nodeName;
    QVariantMap m_podDraft;
    bool m_draftDirty = false;
    bool m_draftValid = true;
    QStringList m_priorityClasses;
    QVariantList m_formErrors;
    QString m_commandError;
    QVariantList m_yamlErrors;
    QVariantMap m_nodePending;
    // The pod the breakdown follows while a node is edited: the last pod selected.
    QString m_lastPodNamespace, m_lastPodName;
    QString m_whatIfPod, m_whatIfWinner, m_whatIfMessage;
    QVariantList m_whatIf;
    QTimer m_whatIfTimer;
};

}  // namespace ks::gui
