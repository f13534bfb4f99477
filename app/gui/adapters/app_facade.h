// AppFacade: the root object QML sees as the singleton `App`. It owns the simulated cluster
// (built from a scenario or a lesson) and exposes it as models; QML calls its invokables,
// never the core.
//
// Stepping: one step runs loop events until the trace grows (events that record nothing, such
// as idle timers, are folded into the next step). Going back rebuilds the cluster from the
// same source and seed and replays the same number of steps: the run is deterministic, so the
// state shown is exactly the earlier one.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <map>
#include <memory>

#include "control_plane.h"
#include "core/kubectl/kubectl.h"
#include "cycle_view.h"
#include "event_list_model.h"
#include "inspector.h"
#include "lesson_controller.h"
#include "node_list_model.h"
#include "pod_list_model.h"
#include "timeline_model.h"

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
    Q_PROPERTY(TimelineModel* timeline READ timeline CONSTANT)
    Q_PROPERTY(EventListModel* events READ events CONSTANT)
    Q_PROPERTY(ControlPlane* controlPlane READ controlPlane CONSTANT)
    Q_PROPERTY(CycleView* cycle READ cycle CONSTANT)
    Q_PROPERTY(LessonController* lesson READ lesson CONSTANT)
    Q_PROPERTY(Inspector* inspector READ inspector CONSTANT)
    // The object the user clicked: {kind, namespace, name}; empty when nothing is selected.
    Q_PROPERTY(QVariantMap selection READ selection NOTIFY selectionChanged)
    Q_PROPERTY(QString scenarioName READ scenarioName NOTIFY scenarioChanged)
    Q_PROPERTY(QStringList loadErrors READ loadErrors NOTIFY scenarioChanged)
    Q_PROPERTY(QStringList zones READ zones NOTIFY zonesChanged)
    Q_PROPERTY(int position READ position NOTIFY positionChanged)
    // The furthest step this run has reached: the end of the timeline scrubber.
    Q_PROPERTY(int furthest READ furthest NOTIFY positionChanged)
    Q_PROPERTY(qint64 now READ now NOTIFY positionChanged)
    Q_PROPERTY(QString clockText READ clockText NOTIFY positionChanged)
    Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)
    // True while the view animates a step (the scheduling cycle); play waits for it to end
    // before the next step. Set by the QML animation; stepping by hand does not wait.
    Q_PROPERTY(bool animationRunning READ animationRunning WRITE setAnimationRunning NOTIFY animationRunningChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY editsChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY editsChanged)

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
    TimelineModel* timeline() { return &m_timeline; }
    EventListModel* events() { return &m_events; }
    ControlPlane* controlPlane() { return &m_controlPlane; }
    CycleView* cycle() { return &m_cycle; }
    LessonController* lesson() { return &m_lesson; }
    Inspector* inspector();  // app_facade_selection.cpp
    QVariantMap selection() const { return m_selection; }
    Q_INVOKABLE void select(const QString& kind, const QString& namespaceName, const QString& name);
    Q_INVOKABLE void clearSelection();
    QString scenarioName() const { return m_scenarioName; }
    QStringList loadErrors() const { return m_loadErrors; }
    QStringList zones() const { return m_zones; }
    ks::cluster::Cluster& cluster();

    int position() const { return m_position; }
    int furthest() const { return m_furthest; }
    qint64 now() const;
    QString clockText() const;
    bool playing() const { return m_playing; }
    void setPlaying(bool on);
    bool animationRunning() const { return m_animationRunning; }
    void setAnimationRunning(bool on);  // app_facade_stepping.cpp
    double speed() const { return m_speed; }
    void setSpeed(double speed);

    // Loads manifests (file paths or qrc: paths) into a fresh cluster and starts it. Errors are
    // kept in loadErrors as FILE:LINE:COL messages; returns false when any file had errors.
    Q_INVOKABLE bool loadScenario(const QStringList& files);
    Q_INVOKABLE bool loadDefaultScenario();
    // Loads manifests given as text (a restored autosave, an imported snapshot); `file` names
    // them in error messages, `name` is the scenario's name. The working cluster stays on errors.
    bool loadScenarioText(const QByteArray& text, const QString& file, const QString& name);
    // Opens a lesson by id at its step `step` (0-based); false with loadErrors when it fails.
    Q_INVOKABLE bool openLesson(const QString& id, int step = 0);
    // Rebuilds the models from the store.
    Q_INVOKABLE void refresh();
    // Whatever writes to the store outside the simulation (a console command, an editor) calls
    // this afterwards: the models refresh and clusterEdited() tells the lesson to re-check its
    // try-it.
    Q_INVOKABLE void notifyClusterEdited();
    // Runs a kubectl command line on the cluster as the user's edit. A command that wrote to the
    // store is recorded at the current step (dropping edits recorded at later steps): replaying
    // to a step applies the edits of each step on arrival, so stepping back and forth shows
    // exactly the states the user saw. Calls notifyClusterEdited() after a write. `documents`
    // are the -f files the line names, given as text (an editor's document); they are recorded
    // with the edit, so replay reads the same text.
    kubectl::CommandResult runKubectl(const QString& line, const std::map<std::string, std::string>& documents = {});
    // Undo takes back the user's last edit: the run is replayed from the start to the current
    // step without it, so the cluster is exactly as if it had never been made (the scheduler's
    // reactions to it vanish too). Redo puts it back the same way. A new edit clears redo.
    bool canUndo() const { return !m_edits.empty(); }
    bool canRedo() const { return !m_redone.empty(); }
    Q_INVOKABLE bool undo();
    Q_INVOKABLE bool redo();

    // ---- stepping ----
    Q_INVOKABLE bool stepForward();
    Q_INVOKABLE bool stepBack();
    Q_INVOKABLE void jumpToStart();
    // Replays from the start to step n.
    Q_INVOKABLE bool goToStep(int n);
    // Goes to the first step at which trace record `seq` exists, and selects it.
    Q_INVOKABLE bool jumpToRecord(int seq);
    Q_INVOKABLE void togglePlay() { setPlaying(!playing()); }

    // The source the cluster is rebuilt from; it fills `errors` and returns nullptr on failure.
    struct World;
    using Builder = std::function<std::unique_ptr<World>(QStringList& errors)>;

signals:
    void scenarioChanged();
    void zonesChanged();
    void positionChanged();
    void playingChanged();
    void animationRunningChanged();
    void speedChanged();
    void clusterEdited();
    void editsChanged();
    void selectionChanged();

private:
    friend class LessonController;
    bool loadText(const QList<QPair<QString, QByteArray>>& documents, const QString& name);
    // Builds a fresh world from `builder`; keeps the old one on failure.
    bool rebuild(const Builder& builder);
    bool runOneStep();
    void afterMove();
    // Re-applies the user's edits recorded at step `position` (app_facade_edits.cpp).
    void applyEditsAt(int position);

    struct Edit {
        int position = 0;
        std::string line;
        std::map<std::string, std::string> documents;  // -f name -> text
    };
    std::vector<Edit> m_edits;
    std::vector<Edit> m_redone;  // undone edits, the last undone at the back
    // Replays the run from its source to step n (the edits of each step applied on arrival).
    bool replayTo(int n);
    // Undo and redo: moves the last edit of `from` to `to` and replays to the current step.
    bool moveLastEdit(std::vector<Edit>& from, std::vector<Edit>& to);

    std::unique_ptr<World> m_world;
    Builder m_builder;
    NodeListModel m_nodes;
    PodListModel m_pods;
    TimelineModel m_timeline;
    EventListModel m_events;
    ControlPlane m_controlPlane;
    CycleView m_cycle;
    LessonController m_lesson;
    QString m_scenarioName;
    QStringList m_loadErrors;
    QStringList m_zones;
    int m_position = 0;
    int m_furthest = 0;
    double m_speed = 1.0;
    QTimer m_playTimer;  // runs while playing and no animation holds the next step
    bool m_playing = false;
    bool m_animationRunning = false;
    QVariantMap m_selection;
    Inspector* m_inspector = nullptr;
};

}  // namespace ks::gui
