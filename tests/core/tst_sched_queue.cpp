// The scheduling queue: order (priority, then time, then arrival), backoff, moves on events.
#include "ks_test_main.h"
#include <QtTest>

#include "core/scheduler/plugins/priority_sort/priority_sort.h"
#include "core/scheduler/queue/scheduling_queue.h"
#include "sched_test_util.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::schedtest;

namespace {

std::unique_ptr<SchedulingQueue> makeQueue() {
    static plugins::PrioritySort sort;
    return std::make_unique<SchedulingQueue>(
        [](const QueuedPodInfo& a, const QueuedPodInfo& b) { return sort.less(a, b); },
        [](const api::Pod& p) {
            return p.spec.schedulingGates.empty() ? Status{} : Status::unresolvable("gated").withPlugin("SchedulingGates");
        });
}

std::shared_ptr<PodInfo> info(const std::string& name, std::int32_t priority = 0) {
    auto p = pod(name);
    p->spec.priority = priority;
    return PodInfo::make(p);
}

QString popName(SchedulingQueue& q) {
    auto p = q.pop(0);
    return p ? QString::fromStdString(p->podInfo->name()) : QString();
}

}  // namespace

class TestSchedQueue : public QObject {
    Q_OBJECT
private slots:
    void order();
    void backoffDurations_data();
    void backoffDurations();
    void failedPodPlacement();
    void moveOnEvent();
    void assignedPodAddedMovesAffinityPods();
    void flushLeftover();
    void nominator();
};

void TestSchedQueue::order() {
    auto q = makeQueue();
    q->add(info("low-1"), 0);
    q->add(info("high", 100), 0);
    q->add(info("low-2"), 0);
    q->add(info("mid", 50), 0);
    q->add(info("low-early"), -5);  // earlier timestamp beats arrival order
    QCOMPARE(popName(*q), QString("high"));
    QCOMPARE(popName(*q), QString("mid"));
    QCOMPARE(popName(*q), QString("low-early"));
    QCOMPARE(popName(*q), QString("low-1"));
    QCOMPARE(popName(*q), QString("low-2"));
    QCOMPARE(popName(*q), QString());
    QCOMPARE(q->schedulingCycle(), 5);
}

void TestSchedQueue::backoffDurations_data() {
    QTest::addColumn<int>("attempts");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("1") << 1 << qint64(1000);
    QTest::newRow("2") << 2 << qint64(2000);
    QTest::newRow("3") << 3 << qint64(4000);
    QTest::newRow("4") << 4 << qint64(8000);
    QTest::newRow("5 capped") << 5 << qint64(10000);
    QTest::newRow("9 capped") << 9 << qint64(10000);
}

void TestSchedQueue::backoffDurations() {
    QFETCH(int, attempts);
    QFETCH(qint64, ms);
    QCOMPARE(makeQueue()->backoffDuration(attempts), ms);
}

void TestSchedQueue::failedPodPlacement() {
    auto q = makeQueue();
    // A pod rejected by a plugin with no move request since: unschedulablePods.
    q->add(info("a"), 0);
    auto a = q->pop(0);
    a->unschedulablePlugins = {"NodeResourcesFit"};
    q->addUnschedulableIfNotPresent(*a, q->schedulingCycle(), 100);
    QCOMPARE(q->unschedulableCount(), std::size_t(1));
    // A pod that failed with an error (no rejector): backoffQ, expiring 1 s after the failure.
    q->add(info("b"), 0);
    auto b = q->pop(0);
    q->addUnschedulableIfNotPresent(*b, q->schedulingCycle(), 500);
    QCOMPARE(q->backoffCount(), std::size_t(1));
    QCOMPARE(*q->nextBackoffExpiry(), qint64(1500));
    q->flushBackoffQCompleted(1499);
    QCOMPARE(q->activeCount(), std::size_t(0));
    q->flushBackoffQCompleted(1500);
    QCOMPARE(q->activeCount(), std::size_t(1));
    // A move request during the pod's cycle sends it to backoffQ instead of unschedulablePods.
    auto b2 = q->pop(1500);
    const auto cycle = q->schedulingCycle();
    q->moveAllToActiveOrBackoffQueue(events::assignedPodDelete(), 1500);
    b2->unschedulablePlugins = {"NodeResourcesFit"};
    q->addUnschedulableIfNotPresent(*b2, cycle, 1600);
    QCOMPARE(q->backoffCount(), std::size_t(1));
    QCOMPARE(*q->nextBackoffExpiry(), qint64(1600 + 2000));  // second attempt: 2 s
}

void TestSchedQueue::moveOnEvent() {
    auto q = makeQueue();
    q->add(info("fit"), 0);
    q->add(info("taint"), 0);
    auto fit = q->pop(0);
    auto taint = q->pop(0);
    fit->unschedulablePlugins = {"NodeResourcesFit"};
    taint->unschedulablePlugins = {"TaintToleration"};
    q->addUnschedulableIfNotPresent(*fit, 1, 0);
    q->addUnschedulableIfNotPresent(*taint, 2, 0);
    QCOMPARE(q->unschedulableCount(), std::size_t(2));
    // A deleted pod frees resources: only the NodeResourcesFit rejection cares. Its backoff
    // (1 s from t=0) is over at t=5 s, so it goes straight to activeQ.
    q->moveAllToActiveOrBackoffQueue(events::assignedPodDelete(), 5000);
    QCOMPARE(q->unschedulableCount(), std::size_t(1));
    QCOMPARE(q->activeCount(), std::size_t(1));
    QCOMPARE(popName(*q), QString("fit"));
    // A node add interests TaintToleration; still backing off at t=0.5 s -> backoffQ.
    q->moveAllToActiveOrBackoffQueue(events::nodeAdd(), 500);
    QCOMPARE(q->backoffCount(), std::size_t(1));
}

void TestSchedQueue::assignedPodAddedMovesAffinityPods() {
    auto q = makeQueue();
    auto p = pod("wants-db");
    api::PodAffinityTerm term;
    term.labelSelector = api::LabelSelector{{{"app", "db"}}, {}};
    term.topologyKey = "kubernetes.io/hostname";
    p->spec.affinity = api::Affinity{std::nullopt, api::PodAffinity{{term}, {}}, std::nullopt};
    q->add(PodInfo::make(p), 0);
    auto qp = q->pop(0);
    qp->unschedulablePlugins = {"InterPodAffinity"};
    q->addUnschedulableIfNotPresent(*qp, q->schedulingCycle(), 0);
    auto web = pod("web");
    web->metadata.labels["app"] = "web";
    q->assignedPodAdded(*web, nullptr, 5000);
    QCOMPARE(q->unschedulableCount(), std::size_t(1));
    auto db = pod("db");
    db->metadata.labels["app"] = "db";
    q->assignedPodAdded(*db, nullptr, 5000);
    QCOMPARE(q->unschedulableCount(), std::size_t(0));
    QCOMPARE(q->activeCount(), std::size_t(1));
}

void TestSchedQueue::flushLeftover() {
    auto q = makeQueue();
    q->add(info("stuck"), 0);
    auto s = q->pop(0);
    s->unschedulablePlugins = {"TaintToleration"};
    q->addUnschedulableIfNotPresent(*s, q->schedulingCycle(), 0);
    q->flushUnschedulablePodsLeftover(5 * 60 * 1000);  // not more than 5 min yet
    QCOMPARE(q->unschedulableCount(), std::size_t(1));
    q->flushUnschedulablePodsLeftover(5 * 60 * 1000 + 1);
    QCOMPARE(q->unschedulableCount(), std::size_t(0));
    QCOMPARE(q->activeCount(), std::size_t(1));
    // Gated pods stay until they change.
    auto g = pod("gated");
    g->spec.schedulingGates = {{"x"}};
    q->add(PodInfo::make(g), 0);
    QVERIFY(q->isGated("default", "gated"));
    q->flushUnschedulablePodsLeftover(60 * 60 * 1000);
    QVERIFY(q->isGated("default", "gated"));
}

void TestSchedQueue::nominator() {
    auto q = makeQueue();
    auto a = info("a", 10);
    q->addNominatedPod(a, "n1");
    QVERIFY(q->hasNominatedPods());
    QCOMPARE(q->nominatedPodsForNode("n1").size(), std::size_t(1));
    q->addNominatedPod(a, "n2");  // moves
    QCOMPARE(q->nominatedPodsForNode("n1").size(), std::size_t(0));
    QCOMPARE(q->nominatedPodsForNode("n2").size(), std::size_t(1));
    q->deleteNominatedPodIfExists("default", "a");
    QVERIFY(!q->hasNominatedPods());
    // A node's list, once created, stays: a reference kept follows later nominations.
    const auto& n3list = q->nominatedPodsListForNode("n3");
    const auto& n3 = n3list.pods;
    const std::uint64_t emptyVersion = n3list.version;
    QVERIFY(n3.empty());
    q->addNominatedPod(a, "n3");
    for (int i = 0; i < 64; ++i) q->addNominatedPod(info("other-" + std::to_string(i)), "m" + std::to_string(i));
    QCOMPARE(n3.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(n3.front()->name()), QString("a"));
    QCOMPARE(&q->nominatedPodsForNode("n3"), &n3);
    // Every change gives the list a version no list had before.
    const std::uint64_t withA = n3list.version;
    QVERIFY(withA != emptyVersion);
    QVERIFY(withA != q->nominatedPodsListForNode("m63").version);
    q->deleteNominatedPodIfExists("default", "a");
    QVERIFY(n3.empty());
    QVERIFY(n3list.version != withA && n3list.version != emptyVersion);
    QCOMPARE(q->nominatedPodsForNode("n3").size(), std::size_t(0));
}

KS_TEST_MAIN(TestSchedQueue)
#include "tst_sched_queue.moc"
