// The scheduling framework: pod requests, node tree order, percentageOfNodesToScore, the
// FailedScheduling message, profile building (multiPoint expansion, errors) and whole cycles.
#include "ks_test_main.h"
#include <QtTest>

#include "core/scheduler/config/defaults.h"
#include "core/scheduler/framework/fit_error.h"
#include "core/scheduler/framework/runtime.h"
#include "core/scheduler/scheduler.h"
#include "sched_test_util.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::schedtest;

namespace {

// A plugin that implements every extension point, standing in for any name in a registry.
class Stub : public PreEnqueuePlugin, public QueueSortPlugin, public PreFilterPlugin, public FilterPlugin,
             public PostFilterPlugin, public PreScorePlugin, public ScorePlugin, public ReservePlugin,
             public BindPlugin {
public:
    explicit Stub(std::string n) : m_name(std::move(n)) {}
    std::string name() const override { return m_name; }
    Status preEnqueue(const api::Pod&) override { return {}; }
    bool less(const QueuedPodInfo& a, const QueuedPodInfo& b) const override { return a.timestamp < b.timestamp; }
    Status preFilter(CycleState&, const PodInfo&, PreFilterResult&) override { return {}; }
    Status filter(CycleState&, const PodInfo&, const NodeInfo&) override { return {}; }
    Status postFilter(CycleState&, const PodInfo&, const NodeToStatus&, PostFilterResult&) override {
        return Status::unschedulable("stub");
    }
    Status preScore(CycleState&, const PodInfo&, const std::vector<const NodeInfo*>&) override { return {}; }
    Status score(CycleState&, const PodInfo&, const NodeInfo&, std::int64_t& s) override {
        s = 0;
        return {};
    }
    Status reserve(CycleState&, const PodInfo&, const std::string&) override { return {}; }
    void unreserve(CycleState&, const PodInfo&, const std::string&) override {}
    Status bind(CycleState&, const PodInfo&, const std::string&) override { return {}; }

private:
    std::string m_name;
};

// Filter-only, PreFilter+Filter, and Score-only stubs to check expansion per interface.
class FilterOnly : public FilterPlugin {
public:
    explicit FilterOnly(std::string n) : m_name(std::move(n)) {}
    std::string name() const override { return m_name; }
    Status filter(CycleState&, const PodInfo&, const NodeInfo&) override { return {}; }
    std::string m_name;
};

class NullServices : public SchedulerServices {
public:
    Snapshot snap;
    const Snapshot& snapshot() const override { return snap; }
    Status bindPod(const api::Pod&, const std::string&) override { return {}; }
    Status updateObject(const api::Value&) override { return {}; }
    Status deletePod(const api::Pod&, const std::string&) override { return {}; }
    const std::vector<std::shared_ptr<PodInfo>>& nominatedPodsForNode(const std::string&) const override {
        static const std::vector<std::shared_ptr<PodInfo>> kNone;
        return kNone;
    }
    bool hasNominatedPods() const override { return false; }
    Status clearNominatedNodeName(const api::Pod&) override { return {}; }
    std::uint64_t randomInt(std::uint64_t) override { return 0; }
};

// Shapes of the in-tree plugins (which extension points each implements, v1.31), so the
// default profile's expansion can be checked before every plugin exists.
Registry shapedRegistry() {
    Registry r;
    auto add = [&](const std::string& name, std::function<Plugin*(std::string)> make) {
        r[name] = PluginInfo{name, [make, name](const api::Value*, Handle&, std::string&) {
                                 return std::unique_ptr<Plugin>(make(name));
                             }, {}, {}};
    };
    struct PreEnq : PreEnqueuePlugin { std::string n; std::string name() const override { return n; } Status preEnqueue(const api::Pod&) override { return {}; } };
    struct QSort : QueueSortPlugin { std::string n; std::string name() const override { return n; } bool less(const QueuedPodInfo&, const QueuedPodInfo&) const override { return false; } };
    struct F : FilterPlugin { std::string n; std::string name() const override { return n; } Status filter(CycleState&, const PodInfo&, const NodeInfo&) override { return {}; } };
    struct PF : PreFilterPlugin, FilterPlugin { std::string n; std::string name() const override { return n; } Status preFilter(CycleState&, const PodInfo&, PreFilterResult&) override { return {}; } Status filter(CycleState&, const PodInfo&, const NodeInfo&) override { return {}; } };
    struct PFS : PF, PreScorePlugin, ScorePlugin { Status preScore(CycleState&, const PodInfo&, const std::vector<const NodeInfo*>&) override { return {}; } Status score(CycleState&, const PodInfo&, const NodeInfo&, std::int64_t&) override { return {}; } };
    struct FS : F, PreScorePlugin, ScorePlugin { Status preScore(CycleState&, const PodInfo&, const std::vector<const NodeInfo*>&) override { return {}; } Status score(CycleState&, const PodInfo&, const NodeInfo&, std::int64_t&) override { return {}; } };
    struct PostF : PostFilterPlugin { std::string n; std::string name() const override { return n; } Status postFilter(CycleState&, const PodInfo&, const NodeToStatus&, PostFilterResult&) override { return {}; } };
    struct S : ScorePlugin { std::string n; std::string name() const override { return n; } Status score(CycleState&, const PodInfo&, const NodeInfo&, std::int64_t&) override { return {}; } };
    struct PS : PreScorePlugin, ScorePlugin { std::string n; std::string name() const override { return n; } Status preScore(CycleState&, const PodInfo&, const std::vector<const NodeInfo*>&) override { return {}; } Status score(CycleState&, const PodInfo&, const NodeInfo&, std::int64_t&) override { return {}; } };
    struct VB : PFS, ReservePlugin, PreBindPlugin { Status reserve(CycleState&, const PodInfo&, const std::string&) override { return {}; } void unreserve(CycleState&, const PodInfo&, const std::string&) override {} Status preBind(CycleState&, const PodInfo&, const std::string&) override { return {}; } };
    struct B : BindPlugin { std::string n; std::string name() const override { return n; } Status bind(CycleState&, const PodInfo&, const std::string&) override { return {}; } };
    auto with = [](auto* p, std::string n) { p->n = std::move(n); return static_cast<Plugin*>(p); };
    add("SchedulingGates", [with](std::string n) { return with(new PreEnq, n); });
    add("PrioritySort", [with](std::string n) { return with(new QSort, n); });
    add("NodeUnschedulable", [with](std::string n) { return with(new F, n); });
    add("NodeName", [with](std::string n) { return with(new F, n); });
    add("TaintToleration", [with](std::string n) { return with(new FS, n); });
    add("NodeAffinity", [with](std::string n) { return with(new PFS, n); });
    add("NodePorts", [with](std::string n) { return with(new PF, n); });
    add("NodeResourcesFit", [with](std::string n) { return with(new PFS, n); });
    add("VolumeRestrictions", [with](std::string n) { return with(new PF, n); });
    add("NodeVolumeLimits", [with](std::string n) { return with(new PF, n); });
    add("VolumeBinding", [with](std::string n) { return with(new VB, n); });
    add("VolumeZone", [with](std::string n) { return with(new PF, n); });
    add("PodTopologySpread", [with](std::string n) { return with(new PFS, n); });
    add("InterPodAffinity", [with](std::string n) { return with(new PFS, n); });
    add("DefaultPreemption", [with](std::string n) { return with(new PostF, n); });
    add("NodeResourcesBalancedAllocation", [with](std::string n) { return with(new PS, n); });
    add("ImageLocality", [with](std::string n) { return with(new S, n); });
    add("DefaultBinder", [with](std::string n) { return with(new B, n); });
    return r;
}

QString join(const std::vector<std::string>& v) {
    QStringList l;
    for (const auto& s : v) l << QString::fromStdString(s);
    return l.join(",");
}

config::KubeSchedulerConfiguration simpleConfig() {
    // Only the plugins of this folder: enough for whole cycles without resources.
    config::KubeSchedulerConfiguration c;
    config::Profile p;
    p.plugins.multiPoint.disabled = {{"*", 0}};
    p.plugins.multiPoint.enabled = {{"SchedulingGates", 0}, {"PrioritySort", 0}, {"NodeUnschedulable", 0},
                                    {"NodeName", 0},        {"TaintToleration", 3}, {"NodeAffinity", 2},
                                    {"NodePorts", 0},       {"DefaultBinder", 0}};
    c.profiles.push_back(p);
    config::applyDefaults(c);
    return c;
}

}  // namespace

class TestSchedFramework : public QObject {
    Q_OBJECT
private slots:
    void podRequests_data();
    void podRequests();
    void nodeInfoAccounting();
    void nodeInfoTemporaryPods();
    void nominatedPodsReserveRoomAndLeaveNodeAsItWas();
    void nominatedTotalsFollowChanges();
    void nodeTreeOrder();
    void numFeasibleNodes_data();
    void numFeasibleNodes();
    void fitErrorMessage();
    void nodeToStatusBySlot();
    void fitErrorPreFilter();
    void truncate();
    void defaultProfileExpansion();
    void profileErrors();
    void customProfileOrder();
    void wholeCycleUnschedulable();
    void wholeCycleBindsAndCounts();
    void rotatingStartIndex();
    void tieBreakIsSeeded();
    void gatedPodStaysOut();
};

void TestSchedFramework::podRequests_data() {
    QTest::addColumn<QStringList>("containers");
    QTest::addColumn<QStringList>("inits");  // "cpu" or "S:cpu" for a sidecar
    QTest::addColumn<QString>("overhead");
    QTest::addColumn<qint64>("cpu");
    QTest::addColumn<qint64>("nonZeroCpu");
    QTest::newRow("sum of containers") << QStringList{"500m", "250m"} << QStringList{} << "" << qint64(750) << qint64(750);
    QTest::newRow("init max wins") << QStringList{"1", "1"} << QStringList{"2", "3"} << "" << qint64(3000) << qint64(3000);
    QTest::newRow("containers win") << QStringList{"2", "1"} << QStringList{"2", "2"} << "" << qint64(3000) << qint64(3000);
    QTest::newRow("sidecar adds and stacks") << QStringList{"1"} << QStringList{"S:1", "2"} << ""
                                             << qint64(3000) << qint64(3000);
    QTest::newRow("overhead added") << QStringList{"1"} << QStringList{} << "250m" << qint64(1250) << qint64(1250);
    QTest::newRow("missing request: 0, non-zero 100m each") << QStringList{"", ""} << QStringList{} << ""
                                                            << qint64(0) << qint64(200);
    QTest::newRow("rounded up to millis") << QStringList{"0.0001"} << QStringList{} << "" << qint64(1) << qint64(1);
}

void TestSchedFramework::podRequests() {
    QFETCH(QStringList, containers);
    QFETCH(QStringList, inits);
    QFETCH(QString, overhead);
    QFETCH(qint64, cpu);
    QFETCH(qint64, nonZeroCpu);
    api::Pod p;
    for (const auto& c : containers) {
        api::Container k;
        if (!c.isEmpty()) k.resources.requests["cpu"] = q(c.toStdString().c_str());
        p.spec.containers.push_back(k);
    }
    for (auto c : inits) {
        api::Container k;
        if (c.startsWith("S:")) {
            k.restartPolicy = "Always";
            c = c.mid(2);
        }
        k.resources.requests["cpu"] = q(c.toStdString().c_str());
        p.spec.initContainers.push_back(k);
    }
    if (!overhead.isEmpty()) p.spec.overhead["cpu"] = q(overhead.toStdString().c_str());
    QCOMPARE(ks::scheduler::podRequests(p).milliCPU, cpu);
    QCOMPARE(ks::scheduler::podNonZeroRequests(p).milliCPU, nonZeroCpu);
}

void TestSchedFramework::nodeInfoAccounting() {
    NodeInfo info(node("n1", "4", "8Gi"));
    QCOMPARE(info.allocatable().milliCPU, 4000);
    QCOMPARE(info.allocatable().memory, 8LL * 1024 * 1024 * 1024);
    QCOMPARE(info.allocatable().allowedPodNumber, 110);
    auto a = pod("a", "500m", "1Gi");
    auto b = pod("b");  // no requests: counts as 100m / 200Mi for scoring only
    api::Volume claim;
    claim.name = "data";
    claim.source = api::Volume::Source::PersistentVolumeClaim;
    claim.claimName = "claim";
    b->spec.volumes.push_back(claim);
    info.addPod(PodInfo::make(a));
    info.addPod(PodInfo::make(b));
    QCOMPARE(info.requested().milliCPU, 500);
    QCOMPARE(info.nonZeroRequested().milliCPU, 600);
    QCOMPARE(info.nonZeroRequested().memory, 1024LL * 1024 * 1024 + 200LL * 1024 * 1024);
    QCOMPARE(info.pvcRefCounts().at("default/claim"), 1);
    QVERIFY(info.removePod("default", "a"));
    QCOMPARE(info.requested().milliCPU, 0);
    QCOMPARE(info.pods().size(), std::size_t(1));
    QVERIFY(!info.removePod("default", "a"));
}

void TestSchedFramework::nodeInfoTemporaryPods() {
    // Filtering with nominated pods adds them to the node for the pass only: afterwards the node
    // must be exactly as before (order of the pods, accounting, ports, extended resource keys,
    // generation), even for a pod that repeats a host port already in use.
    NodeInfo info(node("n1", "4", "8Gi"));
    auto a = pod("a", "500m", "1Gi");
    api::ContainerPort port;
    port.containerPort = 80;
    port.hostPort = 8080;
    port.protocol = "TCP";
    a->spec.containers[0].ports.push_back(port);
    a->spec.affinity = api::Affinity{std::nullopt, std::nullopt, api::PodAffinity{}};
    auto b = pod("b", "1", "1Gi");
    info.addPod(PodInfo::make(a));
    info.addPod(PodInfo::make(b));
    const std::int64_t generation = info.generation();

    auto c = pod("c", "2", "2Gi");
    c->spec.containers[0].ports.push_back(port);  // same host port as a
    c->spec.containers[0].resources.requests["example.com/gpu"] = q("1");
    c->spec.affinity = api::Affinity{std::nullopt, std::nullopt, api::PodAffinity{}};
    auto d = pod("d", "100m");
    NodeInfo::TemporaryPods mark = info.beginTemporaryPods();
    info.addTemporaryPod(mark, PodInfo::make(d));
    info.addTemporaryPod(mark, PodInfo::make(c));
    QCOMPARE(info.pods().size(), std::size_t(4));
    QCOMPARE(info.requested().milliCPU, 3600);
    QCOMPARE(info.requested().get("example.com/gpu"), 1);
    QCOMPARE(info.podsWithAffinity().size(), std::size_t(2));
    QCOMPARE(info.summary().numPods, 4);
    QVERIFY(info.generation() != generation);
    info.endTemporaryPods(mark);

    QCOMPARE(info.pods().size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(info.pods()[0]->name()), QString("a"));
    QCOMPARE(QString::fromStdString(info.pods()[1]->name()), QString("b"));
    QCOMPARE(info.requested().milliCPU, 1500);
    QCOMPARE(info.requested().memory, 2LL * 1024 * 1024 * 1024);
    QCOMPARE(info.nonZeroRequested().milliCPU, 1500);
    QVERIFY(info.requested().scalarResources.empty());  // no "example.com/gpu": 0 left behind
    QVERIFY(info.usedPorts().conflicts("", "TCP", 8080));  // a's port survives c's removal
    QCOMPARE(info.usedPorts().size(), std::size_t(1));
    QCOMPARE(info.podsWithAffinity().size(), std::size_t(1));
    QCOMPARE(info.summary().numPods, 2);
    QCOMPARE(info.summary().requestedMilliCPU, 1500);
    QCOMPARE(info.generation(), generation);

    // Pods that add only requests may be added as their sum: the numbers change, the lists not.
    RequestTotals totals;
    totals.add(*PodInfo::make(pod("e", "1", "1Gi")));
    totals.add(*PodInfo::make(pod("f")));  // no requests: a pod slot, and the scoring defaults
    QVERIFY(PodInfo::make(pod("f"))->addsOnlyRequests());
    QVERIFY(!PodInfo::make(a)->addsOnlyRequests());
    QVERIFY(!PodInfo::make(c)->addsOnlyRequests());
    const NodeInfo::TemporaryRequests added = info.addTemporaryRequests(totals);
    QCOMPARE(info.pods().size(), std::size_t(2));
    QCOMPARE(info.summary().numPods, 4);
    QCOMPARE(info.requested().milliCPU, 2500);
    QCOMPARE(info.summary().requestedMemory, 3LL * 1024 * 1024 * 1024);
    QCOMPARE(info.nonZeroRequested().milliCPU, 2600);
    QVERIFY(info.generation() != generation);
    info.endTemporaryRequests(added);
    QCOMPARE(info.summary().numPods, 2);
    QCOMPARE(info.requested().milliCPU, 1500);
    QCOMPARE(info.nonZeroRequested().milliCPU, 1500);
    QCOMPARE(info.summary().nonZeroRequestedMemory, 2LL * 1024 * 1024 * 1024);
    QCOMPARE(info.generation(), generation);
}

void TestSchedFramework::nominatedPodsReserveRoomAndLeaveNodeAsItWas() {
    // The default profile: NodeResourcesFit sees the 3-CPU pod nominated to n1 (priority 100)
    // when filtering a 2-CPU pod of priority 10, so n1 has no room; the snapshot's node is
    // unchanged afterwards. Then a pod of priority 1000 ignores the lower-priority nomination.
    std::string error;
    auto sched = Scheduler::create(config::defaultConfiguration(), inTreeRegistry(), error);
    QVERIFY2(sched, error.c_str());
    auto n1 = node("n1", "4", "8Gi");
    auto running = pod("running", "500m");
    running->spec.nodeName = "n1";
    sched->setCluster({n1}, {running}, nullptr);
    const NodeInfo* info = sched->snapshot().get("n1");
    QVERIFY(info);
    const std::int64_t generation = info->generation();

    auto nominated = pod("nominated", "3");
    nominated->spec.priority = 100;
    nominated->status.nominatedNodeName = "n1";
    nominated->spec.schedulingGates = {{"wait"}};  // stays out of activeQ, keeps its nomination
    sched->addPod(nominated, 0);
    QVERIFY(sched->hasNominatedPods());
    QCOMPARE(sched->nominatedPodsForNode("n1").size(), std::size_t(1));

    auto low = pod("low", "2");
    low->spec.priority = 10;
    sched->addPod(low, 0);
    auto r = sched->scheduleOne(0);
    QVERIFY(r);
    QVERIFY(r->selectedNode.empty());
    // Without the nomination 3.5 CPUs would be free; evicting "running" does not help either.
    QVERIFY2(QString::fromStdString(r->message).startsWith("0/1 nodes are available: 1 Insufficient cpu."),
             r->message.c_str());
    QCOMPARE(info->pods().size(), std::size_t(1));
    QCOMPARE(info->requested().milliCPU, 500);
    QCOMPARE(info->summary().numPods, 1);
    QCOMPARE(info->generation(), generation);

    auto high = pod("high", "2");
    high->spec.priority = 1000;
    sched->addPod(high, 0);
    r = sched->scheduleOne(0);
    QVERIFY(r);
    QCOMPARE(QString::fromStdString(r->selectedNode), QString("n1"));
}

void TestSchedFramework::nominatedTotalsFollowChanges() {
    // The framework sums each node's nominated pods once per change to the node's list. Two
    // nominated 1-CPU pods leave too little cpu and no pod slot for a 2-CPU pod; once one
    // nomination is gone, the next pod must see the new sum and fit.
    // A pod of `cpu` and `priority`, nominated to `nominatedNode` when given; gated pods keep
    // their nomination without being scheduled.
    auto add = [](Scheduler& s, const char* name, const char* cpu, std::int32_t priority,
                  const char* nominatedNode = "", bool gated = false) {
        auto p = pod(name, cpu);
        p->spec.priority = priority;
        p->status.nominatedNodeName = nominatedNode;
        if (gated) p->spec.schedulingGates = {{"wait"}};
        s.addPod(p, 0);
    };
    std::string error;
    auto sched = Scheduler::create(config::defaultConfiguration(), inTreeRegistry(), error);
    QVERIFY2(sched, error.c_str());
    auto n1 = node("n1", "4", "8Gi");
    n1->status.allocatable["pods"] = q("3");
    auto running = pod("running", "500m");
    running->spec.nodeName = "n1";
    running->spec.priority = 1000;  // no victims to find
    sched->setCluster({n1}, {running}, nullptr);
    add(*sched, "a", "1", 100, "n1", true);
    add(*sched, "b", "1", 100, "n1", true);
    add(*sched, "big", "2", 10);
    auto r = sched->scheduleOne(0);
    QVERIFY(r);
    QVERIFY2(QString::fromStdString(r->message).startsWith("0/1 nodes are available: 1 Insufficient cpu, 1 Too many pods."),
             r->message.c_str());

    sched->queue().deleteNominatedPodIfExists("default", "b");
    add(*sched, "next", "2", 10);
    r = sched->scheduleOne(0);
    QVERIFY(r);
    QCOMPARE(QString::fromStdString(r->selectedNode), QString("n1"));

    // A pod nominated to a node does not reserve room against itself.
    auto sched2 = Scheduler::create(config::defaultConfiguration(), inTreeRegistry(), error);
    QVERIFY2(sched2, error.c_str());
    sched2->setCluster({node("n2", "4", "8Gi")}, {}, nullptr);
    add(*sched2, "other", "1", 100, "n2", true);
    add(*sched2, "self", "3", 100, "n2");
    r = sched2->scheduleOne(0);
    QVERIFY(r);
    QCOMPARE(QString::fromStdString(r->selectedNode), QString("n2"));
}

void TestSchedFramework::nodeTreeOrder() {
    // Zone 1 {n1..n4}, zone 2 {n5,n6} -> n1, n5, n2, n6, n3, n4 (upstream's doc example).
    std::vector<std::shared_ptr<const api::Node>> nodes;
    for (int i = 1; i <= 6; ++i) {
        auto n = node("n" + std::to_string(i));
        n->metadata.labels["topology.kubernetes.io/zone"] = i <= 4 ? "zone1" : "zone2";
        nodes.push_back(n);
    }
    auto snap = Snapshot::build(nodes, {}, nullptr);
    QStringList order;
    for (const auto& ni : snap->nodeInfos()) order << QString::fromStdString(ni->name());
    QCOMPARE(order.join(","), QString("n1,n5,n2,n6,n3,n4"));
}

void TestSchedFramework::numFeasibleNodes_data() {
    QTest::addColumn<int>("percentage");
    QTest::addColumn<qint64>("nodes");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("under 100: all") << 0 << qint64(50) << qint64(50);
    QTest::newRow("100") << 0 << qint64(100) << qint64(100);
    QTest::newRow("500 -> 46%") << 0 << qint64(500) << qint64(230);
    QTest::newRow("1000 -> 42%") << 0 << qint64(1000) << qint64(420);
    QTest::newRow("5000 -> 10%") << 0 << qint64(5000) << qint64(500);
    QTest::newRow("6000 -> 5% floor") << 0 << qint64(6000) << qint64(300);
    QTest::newRow("20000") << 0 << qint64(20000) << qint64(1000);
    QTest::newRow("explicit 30% of 200 raised to 100") << 30 << qint64(200) << qint64(100);
    QTest::newRow("explicit 50% of 1000") << 50 << qint64(1000) << qint64(500);
    QTest::newRow("100%") << 100 << qint64(5000) << qint64(5000);
}

void TestSchedFramework::numFeasibleNodes() {
    QFETCH(int, percentage);
    QFETCH(qint64, nodes);
    QFETCH(qint64, expected);
    QCOMPARE(numFeasibleNodesToFind(percentage, nodes), expected);
}

void TestSchedFramework::fitErrorMessage() {
    FitError fe;
    fe.numAllNodes = 5;
    auto& m = fe.diagnosis.nodeToStatus;
    m["n1"] = Status::unresolvable("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }");
    m["n2"] = Status::unschedulable("Insufficient cpu");
    m["n3"] = Status::unschedulable("Insufficient cpu");
    m["n4"] = Status(Code::Unschedulable, {"Insufficient cpu", "Insufficient memory"});
    m["n5"] = Status::unresolvable("node(s) didn't match Pod's node affinity/selector");
    QCOMPARE(QString::fromStdString(fe.message()),
             QString("0/5 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node "
                     "affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                     "3 Insufficient cpu."));
    fe.diagnosis.postFilterMsg = "preemption: 0/5 nodes are available: 2 Preemption is not helpful for scheduling, "
                                 "3 No preemption victims found for incoming pod.";
    QVERIFY(QString::fromStdString(fe.message())
                .endsWith("3 Insufficient cpu. preemption: 0/5 nodes are available: 2 Preemption is not helpful for "
                          "scheduling, 3 No preemption victims found for incoming pod."));
    // Byte-wise sort: "10 ..." before "2 ...".
    FitError many;
    many.numAllNodes = 12;
    for (int i = 0; i < 10; ++i) many.diagnosis.nodeToStatus["a" + std::to_string(i)] = Status::unschedulable("Z");
    many.diagnosis.nodeToStatus["b1"] = Status::unschedulable("A");
    many.diagnosis.nodeToStatus["b2"] = Status::unschedulable("A");
    QCOMPARE(QString::fromStdString(many.message()), QString("0/12 nodes are available: 10 Z, 2 A."));
}

void TestSchedFramework::nodeToStatusBySlot() {
    // A filter pass adds each node by its slot: found by slot, and by name once the index by
    // name catches up; a second status for a slot is refused; reasons are counted as added.
    NodeToStatus m;
    const Status cpu = Status::unschedulable("Insufficient cpu");
    QVERIFY(m.emplaceAt(3, "n3", cpu));
    QVERIFY(m.emplaceAt(1, "n1", Status::unresolvable("node(s) didn't match Pod's node affinity/selector")));
    QVERIFY(m.emplaceAt(4, "n4", cpu));
    QVERIFY(!m.emplaceAt(3, "n3", Status::unschedulable("other")));
    QVERIFY(m.slotsComplete());
    QCOMPARE(m.size(), std::size_t(3));
    QVERIFY(!m.atSlot(0));
    QVERIFY(!m.atSlot(99));
    QCOMPARE(m.atSlot(3)->message(), std::string("Insufficient cpu"));
    QCOMPARE(m.atSlot(1)->code(), Code::UnschedulableAndUnresolvable);
    const NodeToStatus& constant = m;
    QCOMPARE(constant.at("n4").message(), std::string("Insufficient cpu"));
    QVERIFY(constant.find("n2") == constant.end());
    QCOMPARE(constant.reasonLists().size(), std::size_t(2));
    int cpuCount = 0;
    for (const auto& [list, count] : constant.reasonLists())
        if (list == &cpu.reasons()) cpuCount = count;
    QCOMPARE(cpuCount, 2);

    // A status changed through a mutable access is counted again.
    m["n4"] = Status::unschedulable("Insufficient memory");
    QCOMPARE(constant.reasonLists().size(), std::size_t(3));
    // Adding by name, or erasing, ends lookups by slot (they would miss entries).
    m.emplace("n9", cpu);
    QVERIFY(!m.slotsComplete());
    QVERIFY(!m.emplaceAt(9, "n9", cpu));  // by name now: n9 is there
    QVERIFY(m.emplaceAt(8, "n8", cpu));
    QCOMPARE(m.size(), std::size_t(5));
    QCOMPARE(m.erase("n8"), std::size_t(1));
    QCOMPARE(m.at("n9").message(), std::string("Insufficient cpu"));
    FitError fe;
    fe.numAllNodes = 4;
    fe.diagnosis.nodeToStatus = m;
    QCOMPARE(QString::fromStdString(fe.message()),
             QString("0/4 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node "
                     "affinity/selector, 2 Insufficient cpu."));
}

void TestSchedFramework::fitErrorPreFilter() {
    FitError fe;
    fe.numAllNodes = 3;
    fe.diagnosis.preFilterMsg = "pod has unbound immediate PersistentVolumeClaims";
    for (const char* n : {"a", "b", "c"})
        fe.diagnosis.nodeToStatus[n] = Status::unresolvable("pod has unbound immediate PersistentVolumeClaims");
    fe.diagnosis.postFilterMsg = "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    QCOMPARE(QString::fromStdString(fe.message()),
             QString("0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 "
                     "nodes are available: 3 Preemption is not helpful for scheduling."));
}

void TestSchedFramework::truncate() {
    QCOMPARE(truncateEventMessage("short"), std::string("short"));
    std::string big(2000, 'x');
    std::string t = truncateEventMessage(big);
    QCOMPARE(t.size(), std::size_t(1024));
    QVERIFY(t.substr(1020) == " ...");
}

void TestSchedFramework::defaultProfileExpansion() {
    // v1.31 default profile expanded per extension point (reference section 1.2 minus the
    // in-tree volume limit plugins removed in v1.31).
    NullServices services;
    std::string error;
    auto cfg = config::defaultConfiguration();
    auto fw = Framework::create(cfg.profiles.front(), shapedRegistry(), services, error);
    QVERIFY2(fw, error.c_str());
    QCOMPARE(join(fw->pluginNames("PreEnqueue")), QString("SchedulingGates"));
    QCOMPARE(join(fw->pluginNames("QueueSort")), QString("PrioritySort"));
    QCOMPARE(join(fw->pluginNames("PreFilter")),
             QString("NodeAffinity,NodePorts,NodeResourcesFit,VolumeRestrictions,NodeVolumeLimits,VolumeBinding,"
                     "VolumeZone,PodTopologySpread,InterPodAffinity"));
    QCOMPARE(join(fw->pluginNames("Filter")),
             QString("NodeUnschedulable,NodeName,TaintToleration,NodeAffinity,NodePorts,NodeResourcesFit,"
                     "VolumeRestrictions,NodeVolumeLimits,VolumeBinding,VolumeZone,PodTopologySpread,InterPodAffinity"));
    QCOMPARE(join(fw->pluginNames("PostFilter")), QString("DefaultPreemption"));
    QCOMPARE(join(fw->pluginNames("PreScore")),
             QString("TaintToleration,NodeAffinity,NodeResourcesFit,VolumeBinding,PodTopologySpread,InterPodAffinity,"
                     "NodeResourcesBalancedAllocation"));
    QStringList weights;
    for (const auto& e : fw->scorePlugins()) weights << QString("%1=%2").arg(QString::fromStdString(e.name)).arg(e.weight);
    QCOMPARE(weights.join(","),
             QString("TaintToleration=3,NodeAffinity=2,NodeResourcesFit=1,VolumeBinding=1,PodTopologySpread=2,"
                     "InterPodAffinity=2,NodeResourcesBalancedAllocation=1,ImageLocality=1"));
    QCOMPARE(join(fw->pluginNames("Reserve")), QString("VolumeBinding"));
    QCOMPARE(join(fw->pluginNames("PreBind")), QString("VolumeBinding"));
    QCOMPARE(join(fw->pluginNames("Bind")), QString("DefaultBinder"));
}

void TestSchedFramework::profileErrors() {
    NullServices services;
    std::string error;
    config::KubeSchedulerConfiguration cfg;
    config::Profile p;
    p.plugins.queueSort.enabled = {{"Coscheduling", 0}};
    p.plugins.queueSort.disabled = {{"*", 0}};
    cfg.profiles.push_back(p);
    config::applyDefaults(cfg);
    QVERIFY(!Framework::create(cfg.profiles.front(), shapedRegistry(), services, error));
    QCOMPARE(QString::fromStdString(error), QString("QueueSortPlugin \"Coscheduling\" does not exist"));

    config::KubeSchedulerConfiguration noBind;
    config::Profile q;
    q.plugins.bind.disabled = {{"*", 0}};
    noBind.profiles.push_back(q);
    config::applyDefaults(noBind);
    QVERIFY(!Framework::create(noBind.profiles.front(), shapedRegistry(), services, error));
    QCOMPARE(QString::fromStdString(error),
             QString("at least one bind plugin is needed for profile with scheduler name \"default-scheduler\""));

    // Scheduler::create names the profile.
    std::string schedErr;
    QVERIFY(!Scheduler::create(cfg, shapedRegistry(), schedErr));
    QCOMPARE(QString::fromStdString(schedErr),
             QString("creating profile for scheduler name default-scheduler: QueueSortPlugin \"Coscheduling\" does not exist"));
}

void TestSchedFramework::customProfileOrder() {
    // A plugin enabled at an extension point explicitly goes first there (override), the rest of
    // multiPoint after it; score weight from the Score point wins.
    NullServices services;
    std::string error;
    config::KubeSchedulerConfiguration cfg;
    config::Profile p;
    p.plugins.filter.enabled = {{"NodeResourcesFit", 0}};
    p.plugins.score.enabled = {{"ImageLocality", 5}};
    p.plugins.score.disabled = {{"TaintToleration", 0}};
    cfg.profiles.push_back(p);
    config::applyDefaults(cfg);
    auto fw = Framework::create(cfg.profiles.front(), shapedRegistry(), services, error);
    QVERIFY2(fw, error.c_str());
    QVERIFY(join(fw->pluginNames("Filter")).startsWith("NodeResourcesFit,NodeUnschedulable,NodeName,TaintToleration"));
    QStringList weights;
    for (const auto& e : fw->scorePlugins()) weights << QString("%1=%2").arg(QString::fromStdString(e.name)).arg(e.weight);
    QCOMPARE(weights.join(","),
             QString("ImageLocality=5,NodeAffinity=2,NodeResourcesFit=1,VolumeBinding=1,PodTopologySpread=2,"
                     "InterPodAffinity=2,NodeResourcesBalancedAllocation=1"));
}

void TestSchedFramework::wholeCycleUnschedulable() {
    std::string error;
    auto sched = Scheduler::create(simpleConfig(), inTreeRegistry(), error);
    QVERIFY2(sched, error.c_str());
    sched->setRecording(true);
    auto n1 = node("n1");
    n1->spec.taints = {{"dedicated", "gpu", "NoSchedule", std::nullopt}};
    auto n2 = node("n2");
    n2->spec.unschedulable = true;
    n2->spec.taints = {{"node.kubernetes.io/unschedulable", "", "NoSchedule", std::nullopt}};
    auto n3 = node("n3");
    sched->setCluster({n1, n2, n3}, {}, nullptr);
    auto p = pod("web");
    p->spec.nodeSelector["disk"] = "ssd";
    sched->addPod(p, 0);
    auto r = sched->scheduleOne(0);
    QVERIFY(r);
    QVERIFY(r->selectedNode.empty());
    QCOMPARE(QString::fromStdString(r->message),
             QString("0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had "
                     "untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable."));
    QCOMPARE(r->nodes.size(), std::size_t(3));
    // n2 fails NodeUnschedulable first (reported), and TaintToleration/NodeAffinity too (teaching view).
    const NodeVerdict& v2 = r->nodes[1];
    QCOMPARE(QString::fromStdString(v2.node), QString("n2"));
    QCOMPARE(v2.failures.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(v2.failures[0].plugin), QString("NodeUnschedulable"));
    QCOMPARE(QString::fromStdString(v2.failures[1].plugin), QString("TaintToleration"));
    QCOMPARE(QString::fromStdString(v2.failures[2].plugin), QString("NodeAffinity"));
    // Rejected by UnschedulableAndUnresolvable plugins: parked in unschedulablePods.
    QCOMPARE(sched->queue().unschedulableCount(), std::size_t(1));
}

void TestSchedFramework::wholeCycleBindsAndCounts() {
    std::string error;
    auto sched = Scheduler::create(simpleConfig(), inTreeRegistry(), error);
    QVERIFY2(sched, error.c_str());
    sched->setRecording(true);
    std::vector<std::string> bound;
    ScheduleHooks hooks;
    hooks.bind = [&](const api::Pod& p, const std::string& n) {
        bound.push_back(p.metadata.name + "->" + n);
        return Status{};
    };
    sched->setHooks(hooks);
    auto n1 = node("n1");
    n1->spec.taints = {{"a", "1", "PreferNoSchedule", std::nullopt}};
    auto n2 = node("n2");
    sched->setCluster({n1, n2}, {}, nullptr);
    auto p = pod("web");
    p->spec.containers[0].ports.push_back({"http", 80, 80, "TCP", ""});
    sched->addPod(p, 0);
    auto q = pod("web2");
    q->spec.containers[0].ports.push_back({"http", 80, 80, "TCP", ""});
    sched->addPod(q, 0);
    auto r = sched->scheduleOne(0);
    QVERIFY(r);
    // TaintToleration prefers n2 (300 vs 0); NodeAffinity skipped.
    QCOMPARE(QString::fromStdString(r->selectedNode), QString("n2"));
    QCOMPARE(r->scores.size(), std::size_t(2));
    QCOMPARE(r->scores[0].total, 0);
    QCOMPARE(r->scores[1].total, 300);
    QVERIFY(r->scores[1].scores[1].skipped);  // NodeAffinity
    // The second pod sees the first one's port on n2: only n1 fits, chosen without scoring.
    auto r2 = sched->scheduleOne(0);
    QVERIFY(r2);
    QCOMPARE(QString::fromStdString(r2->selectedNode), QString("n1"));
    QVERIFY(!r2->scored);
    QCOMPARE(QString::fromStdString(r2->nodes[1].failures[0].reasons[0]),
             QString("node(s) didn't have free ports for the requested pod ports"));
    QCOMPARE(bound, (std::vector<std::string>{"web->n2", "web2->n1"}));
}

void TestSchedFramework::rotatingStartIndex() {
    // 200 nodes: 100 to find; the search starts where the previous one stopped.
    std::string error;
    auto sched = Scheduler::create(simpleConfig(), inTreeRegistry(), error);
    QVERIFY2(sched, error.c_str());
    sched->setRecording(true);
    std::vector<std::shared_ptr<const api::Node>> nodes;
    for (int i = 0; i < 200; ++i) nodes.push_back(node("n" + std::to_string(i)));
    sched->setCluster(nodes, {}, nullptr);
    sched->addPod(pod("a"), 0);
    sched->addPod(pod("b"), 0);
    auto r1 = sched->scheduleOne(0);
    QCOMPARE(r1->numNodesToFind, std::size_t(100));
    QCOMPARE(r1->startIndex, std::size_t(0));
    QCOMPARE(r1->scores.size(), std::size_t(100));
    auto r2 = sched->scheduleOne(0);
    QCOMPARE(r2->startIndex, std::size_t(100));
    QCOMPARE(QString::fromStdString(r2->scores.front().node), QString("n100"));
}

void TestSchedFramework::tieBreakIsSeeded() {
    auto run = [](std::uint64_t seed) {
        std::string error;
        auto sched = Scheduler::create(simpleConfig(), inTreeRegistry(), error, seed);
        std::vector<std::shared_ptr<const api::Node>> nodes;
        for (int i = 0; i < 10; ++i) nodes.push_back(node("n" + std::to_string(i)));
        sched->setCluster(nodes, {}, nullptr);
        QStringList picks;
        for (int i = 0; i < 8; ++i) sched->addPod(pod("p" + std::to_string(i)), 0);
        while (auto r = sched->scheduleOne(0)) picks << QString::fromStdString(r->selectedNode);
        return picks.join(",");
    };
    QCOMPARE(run(7), run(7));
    QVERIFY(run(7) != run(8) || run(7) != run(9));
}

void TestSchedFramework::gatedPodStaysOut() {
    std::string error;
    auto sched = Scheduler::create(simpleConfig(), inTreeRegistry(), error);
    sched->setCluster({node("n1")}, {}, nullptr);
    auto p = pod("gated");
    p->spec.schedulingGates = {{"example.com/wait"}};
    sched->addPod(p, 0);
    QVERIFY(!sched->scheduleOne(0));
    QVERIFY(sched->queue().isGated("default", "gated"));
    // A pod naming an unknown scheduler is not queued at all.
    auto other = pod("other");
    other->spec.schedulerName = "my-scheduler";
    sched->addPod(other, 0);
    QCOMPARE(sched->queue().activeCount(), std::size_t(0));
}

KS_TEST_MAIN(TestSchedFramework)
#include "tst_sched_framework.moc"
