// Adapter tests for running the cluster: stepping (back shows exactly the earlier state), the
// control plane strip, the scheduler view's matrices, the events list and the lesson panel.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include "adapters/app_facade.h"
#include "core/cluster/cluster.h"
#include "core/sim/trace.h"

using ks::gui::AppFacade;
using ks::gui::EventListModel;
using ks::gui::TimelineModel;

namespace {
// The observable state: every pod's node and the trace, as text.
QString stateOf(AppFacade& app) {
    QString s;
    for (const auto& pod : app.cluster().pods())
        s += QString::fromStdString(pod->metadata.name + "@" + pod->spec.nodeName + " ");
    s += QString::fromStdString(ks::sim::toJsonLines(app.cluster().trace()));
    return s;
}
}  // namespace

class TestSimulation : public QObject {
    Q_OBJECT
private slots:
    void stepsRecordByRecordAndBackIsExact() {
        AppFacade app(nullptr);
        QAbstractItemModelTester timelineTester(app.timeline(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(app.loadDefaultScenario());
        QCOMPARE(app.position(), 0);
        QCOMPARE(app.now(), 0);
        QCOMPARE(app.clockText(), QString("00:00:00.000"));
        int before = app.timeline()->rowCount();
        QVERIFY(app.stepForward());
        QCOMPARE(app.position(), 1);
        QVERIFY(app.timeline()->rowCount() > before);
        QCOMPARE(app.timeline()->currentSeq(), app.timeline()->rowCount());
        // Walk until the three pending pods had their cycles (records 11, 13 and 15 of the run).
        while (app.timeline()->rowCount() < 16) QVERIFY(app.stepForward());
        int steps = app.position();
        QString after = stateOf(app);
        QVERIFY(app.stepForward());
        QVERIFY(app.stepForward());
        QVERIFY(app.stepBack());
        QVERIFY(app.stepBack());
        QCOMPARE(app.position(), steps);
        QCOMPARE(stateOf(app), after);
        QCOMPARE(app.timeline()->rowCount(), int(app.cluster().trace().size()));
        app.jumpToStart();
        QCOMPARE(app.position(), 0);
        QCOMPARE(app.pods()->pendingCount(), 3);
        QVERIFY(app.goToStep(steps));
        QCOMPARE(stateOf(app), after);
        QCOMPARE(app.pods()->pendingCount(), 1);  // trainer needs a GPU it cannot get
    }

    void lateRecordsAdvanceTheClock() {
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        QVERIFY(app.jumpToRecord(17));  // the first Lease renewal, 2 s later
        QCOMPARE(app.now(), 2000);
        QCOMPARE(app.clockText(), QString("00:00:02.000"));
        QModelIndex r = app.timeline()->index(16);
        QCOMPARE(r.data(TimelineModel::SeqRole).toInt(), 17);
        QCOMPARE(r.data(TimelineModel::ActorRole).toString(), QString("kube-apiserver"));
        QCOMPARE(r.data(TimelineModel::ActionRole).toString(), QString("MODIFIED"));
        QCOMPARE(r.data(TimelineModel::ObjectsRole).toString(), QString("lease/kube-system/kube-scheduler"));
        QCOMPARE(r.data(TimelineModel::TimeTextRole).toString(), QString("2.000s"));
    }

    void controlPlaneShowsLeaderAndQueues() {
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        QCOMPARE(app.controlPlane()->schedulers().size(), 1);
        // Before the first event nobody leads: the pending pods are in no queue yet.
        QCOMPARE(app.controlPlane()->incoming(), (QStringList{"trainer", "web-1", "web-2"}));
        QVERIFY(app.jumpToRecord(9));  // leader.acquired
        QCOMPARE(app.controlPlane()->leader(), QString("kube-scheduler-a"));
        QVariantMap replica = app.controlPlane()->schedulers().at(0).toMap();
        QCOMPARE(replica["name"].toString(), QString("kube-scheduler-a"));
        QCOMPARE(replica["leader"].toBool(), true);
        QVERIFY(app.jumpToRecord(16));  // web-1 and web-2 bound; trainer was rejected
        QCOMPARE(app.controlPlane()->activeQ(), QStringList());
        QCOMPARE(app.controlPlane()->incoming(), QStringList());
        QCOMPARE(app.controlPlane()->backoffQ() + app.controlPlane()->unschedulableQ(), QStringList{"trainer"});
        QVERIFY(app.controlPlane()->objectCount() >= 9);  // 3 nodes, 5 pods, the Lease, events
        QVERIFY2(app.controlPlane()->objectSummary().contains("3 Node"), qPrintable(app.controlPlane()->objectSummary()));
    }

    void cycleViewFilterMatrix() {
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        QVERIFY(app.jumpToRecord(11));  // trainer: unschedulable
        auto* c = app.cycle();
        QVERIFY(c->valid());
        QCOMPARE(c->seq(), 11);
        QCOMPARE(c->pod(), QString("default/trainer"));
        QCOMPARE(c->selectedNode(), QString());
        QVERIFY(c->message().startsWith("0/3 nodes are available:"));
        QCOMPARE(c->rows().size(), 3);
        QCOMPARE(c->filterCell("node-a1", "NodeResourcesFit"), QString("fail: Insufficient nvidia.com/gpu"));
        QCOMPARE(c->filterCell("node-a1", "TaintToleration"), QString("pass"));
        QCOMPARE(c->filterCell("node-c1", "TaintToleration"),
                 QString("fail: node(s) had untolerated taint {dedicated: gpu}"));
        // The columns are the default profile's Filter plugins, in order, with legacy names.
        QVariantList filters = c->filterPlugins();
        QVERIFY(filters.size() >= 10);
        QCOMPARE(filters.at(0).toMap()["name"].toString(), QString("NodeUnschedulable"));
        QStringList names;
        for (const auto& f : filters) names << f.toMap()["name"].toString();
        int taint = names.indexOf("TaintToleration");
        QVERIFY(taint > 0);
        QCOMPARE(filters.at(taint).toMap()["legacy"].toString(), QString("PodToleratesNodeTaints"));
        QCOMPARE(c->scorePlugins().size(), 0);  // nothing feasible, nothing scored
    }

    void cycleViewScoreMatrixAndWinner() {
        AppFacade app(nullptr);
        QVERIFY(app.loadDefaultScenario());
        QVERIFY(app.jumpToRecord(13));  // web-1 -> node-b1
        auto* c = app.cycle();
        QCOMPARE(c->seq(), 13);
        QCOMPARE(c->pod(), QString("default/web-1"));
        QCOMPARE(c->selectedNode(), QString("node-b1"));
        QCOMPARE(c->scoreCell("node-a1", "TaintToleration"), QString("100×3=300"));
        QCOMPARE(c->scoreCell("node-b1", "NodeResourcesFit"), QString("82×1=82"));
        QCOMPARE(c->scoreCell("node-b1", "NodeResourcesBalancedAllocation"), QString("91×1=91"));
        QCOMPARE(c->scoreCell("node-c1", "TaintToleration"), QString());  // filtered out: no score
        QVariantMap b1 = c->rows().at(1).toMap();
        QCOMPARE(b1["name"].toString(), QString("node-b1"));
        QCOMPARE(b1["winner"].toBool(), true);
        QCOMPARE(b1["total"].toLongLong(), 473);
        QCOMPARE(c->rows().at(0).toMap()["total"].toLongLong(), 461);
        QCOMPARE(c->rows().at(0).toMap()["winner"].toBool(), false);
        QVariantList scores = c->scorePlugins();
        QCOMPARE(scores.at(0).toMap()["name"].toString(), QString("TaintToleration"));
        QCOMPARE(scores.at(0).toMap()["weight"].toLongLong(), 3);
        QCOMPARE(scores.at(0).toMap()["legacy"].toString(), QString("TaintTolerationPriority"));
        // Selecting an earlier record shows the last cycle at or before it; 0 follows the last.
        c->select(12);
        QCOMPARE(c->seq(), 11);
        c->select(0);
        QCOMPARE(c->seq(), 13);
    }

    void cycleViewShowsPreemptionVictims() {
        AppFacade app(nullptr);
        QVERIFY2(app.openLesson("sched-12-priority", 3), qPrintable(app.loadErrors().join('\n')));
        // The cycle that chose victims: its record names them; the view must list the same.
        int seq = 0;
        QStringList victims;
        for (const auto& r : app.cluster().trace().records()) {
            const ks::api::Value* p = r.action == "Schedule" ? r.detail.get("preempted") : nullptr;
            if (!p || p->items().empty()) continue;
            seq = int(r.seq);
            for (const auto& v : p->items()) victims << QString::fromStdString(v.text());
        }
        QVERIFY2(seq > 0, "the lesson preempts");
        app.cycle()->select(seq);
        QCOMPARE(app.cycle()->seq(), seq);
        QCOMPARE(app.cycle()->preempted(), victims);
        QVERIFY2(victims.first().contains("report-"), qPrintable(victims.join(",")));
        QCOMPARE(app.cycle()->nominatedNode(), QString("node-2"));
        QCOMPARE(app.cycle()->selectedNode(), QString());
    }

    void eventsListLikeKubectl() {
        AppFacade app(nullptr);
        QAbstractItemModelTester tester(app.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(app.loadDefaultScenario());
        // Starting the cluster elects the leader, which the Lease lock reports as an Event.
        QCOMPARE(app.events()->rowCount(), 1);
        QCOMPARE(app.events()->index(0).data(EventListModel::ReasonRole).toString(), QString("LeaderElection"));
        QCOMPARE(app.events()->index(0).data(EventListModel::ObjectRole).toString(), QString("lease/kube-scheduler"));
        QCOMPARE(app.events()->index(0).data(EventListModel::LastSeenRole).toString(), QString("0s"));
        QVERIFY(app.jumpToRecord(17));
        auto* ev = app.events();
        QModelIndex scheduled;
        for (int i = 0; i < ev->rowCount(); ++i)
            if (ev->index(i).data(EventListModel::ObjectRole).toString() == "pod/web-1") scheduled = ev->index(i);
        QVERIFY(scheduled.isValid());
        QCOMPARE(scheduled.data(EventListModel::TypeRole).toString(), QString("Normal"));
        QCOMPARE(scheduled.data(EventListModel::ReasonRole).toString(), QString("Scheduled"));
        QCOMPARE(scheduled.data(EventListModel::MessageRole).toString(),
                 QString("Successfully assigned default/web-1 to node-b1"));
        QCOMPARE(scheduled.data(EventListModel::LastSeenRole).toString(), QString("2s"));
        QCOMPARE(ev->index(0).data(EventListModel::ReasonRole).toString(), QString("FailedScheduling"));
        QCOMPARE(ev->index(0).data(EventListModel::TypeRole).toString(), QString("Warning"));
        QCOMPARE(ev->index(0).data(EventListModel::ObjectRole).toString(), QString("pod/trainer"));
    }

    void lessonPanelStepsThroughTheLesson() {
        AppFacade app(nullptr);
        QVERIFY2(app.openLesson("sched-01-overview", 0), qPrintable(app.loadErrors().join('\n')));
        auto* l = app.lesson();
        QVERIFY(l->active());
        QCOMPARE(l->lessonId(), QString("sched-01-overview"));
        QCOMPARE(app.scenarioName(), QString("sched-01-overview"));
        QVERIFY(l->stepCount() >= 5);
        QCOMPARE(l->step(), 0);
        QCOMPARE(l->stepTitle(), QString("The cluster and its scheduler"));
        QVERIFY(l->stepHtml().startsWith("<p>"));
        l->setLanguage("zh");
        QCOMPARE(l->stepTitle(), QString::fromUtf8("集群和调度器"));
        l->setLanguage("en");
        QVERIFY(l->next());
        QCOMPARE(l->step(), 1);
        QVERIFY(l->spotlight().contains("pod-card:shop/web"));
        QString pendingState = stateOf(app);
        QVERIFY(l->next());  // the cycle step runs 1 s: web goes to node-b2
        QCOMPARE(l->step(), 2);
        QCOMPARE(app.cycle()->pod(), QString("shop/web"));
        QCOMPARE(app.cycle()->selectedNode(), QString("node-b2"));
        bool scheduledEvent = false;
        for (const auto& row : app.events()->rows())
            scheduledEvent |= row.reason == "Scheduled" && row.message == "Successfully assigned shop/web to node-b2";
        QVERIFY(scheduledEvent);
        QVERIFY(l->back());
        QCOMPARE(l->step(), 1);
        QCOMPARE(stateOf(app), pendingState);
        QVERIFY(!l->back() || l->step() == 0);
        QVERIFY(!app.openLesson("no-such-lesson", 0));
        QVERIFY(app.loadErrors().first().contains("no-such-lesson"));
        QCOMPARE(l->lessonId(), QString("sched-01-overview"));  // the open lesson is kept
    }
};

QTEST_MAIN(TestSimulation)
#include "tst_simulation.moc"
