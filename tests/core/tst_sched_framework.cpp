// The scheduling framework: pod requests, node tree order, percentageOfNodesToScore, the
// FailedScheduling message, profile building (multiPoint expansion, errors) and whole cycles.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/yaml_reader.h"
#include "core/scheduler/config/defaults.h"
#include "core/scheduler/cycle_record_value.h"
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
    void affinityListsFollowPods();
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
    void reuseKeepsEveryRecord();
    void reusedDryRunsFollowNodeChanges();
    void dryRunAddsNominatedPodsToFullList();
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

    // "next" has big's spec: a reused verdict for n1 must follow the change to its nominations.
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

void TestSchedFramework::affinityListsFollowPods() {
    // The snapshot's lists of nodes with pods that have (required anti-)affinity terms follow
    // each pod added or removed, in slot order, as rebuilding them from every node gives.
    std::vector<std::shared_ptr<const api::Node>> nodes;
    for (int i = 0; i < 5; ++i) nodes.push_back(node("n" + std::to_string(i)));
    auto snap = Snapshot::build(nodes, {}, nullptr);
    auto withTerms = [](const std::string& name, bool required) {
        auto p = pod(name);
        api::PodAffinityTerm term;
        term.labelSelector = api::LabelSelector{{{"app", "x"}}, {}};
        term.topologyKey = "kubernetes.io/hostname";
        api::PodAffinity anti;
        if (required) anti.required.push_back(term);
        else anti.preferred.push_back({10, term});
        p->spec.affinity = api::Affinity{std::nullopt, std::nullopt, anti};
        return PodInfo::make(p);
    };
    // The slots of both lists, each taken from the node list itself (so the two parallel
    // lists must agree).
    auto slotsOf = [&] {
        std::vector<std::size_t> affinity, anti;
        for (const auto& info : snap->havePodsWithAffinity()) affinity.push_back(info->slot());
        for (const auto& info : snap->havePodsWithRequiredAntiAffinity()) anti.push_back(info->slot());
        return std::make_pair(affinity, anti);
    };
    auto check = [&](std::vector<std::size_t> affinity, std::vector<std::size_t> anti) {
        const auto [a, r] = slotsOf();
        QCOMPARE(a, affinity);
        QCOMPARE(r, anti);
        QCOMPARE(snap->havePodsWithAffinitySlots(), affinity);
        QCOMPARE(snap->havePodsWithRequiredAntiAffinitySlots(), anti);
        snap->refreshAffinityLists();  // the lists rebuilt from every node
        const auto [a2, r2] = slotsOf();
        QCOMPARE(a2, a);
        QCOMPARE(r2, r);
    };
    const std::string n[] = {snap->nodeInfos()[0]->name(), snap->nodeInfos()[1]->name(), snap->nodeInfos()[2]->name(),
                             snap->nodeInfos()[3]->name(), snap->nodeInfos()[4]->name()};
    snap->addPod(withTerms("a", true), n[3]);
    check({3}, {3});
    snap->addPod(withTerms("b", false), n[1]);
    check({1, 3}, {3});
    snap->addPod(PodInfo::make(pod("plain")), n[0]);
    check({1, 3}, {3});
    snap->addPod(withTerms("c", true), n[4]);
    snap->addPod(withTerms("d", true), n[0]);
    check({0, 1, 3, 4}, {0, 3, 4});
    snap->addPod(withTerms("e", false), n[3]);
    snap->removePod("default", "a", n[3]);  // n3 keeps e (preferred only)
    check({0, 1, 3, 4}, {0, 4});
    snap->removePod("default", "e", n[3]);
    snap->removePod("default", "plain", n[0]);
    check({0, 1, 4}, {0, 4});
    snap->removePod("default", "d", n[0]);
    snap->removePod("default", "b", n[1]);
    check({4}, {4});
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

namespace {

// A cluster where equal pods meet changing nodes: replicas of five specs (plain, a bigger one
// of another priority, tolerating a taint, with a node selector, with a host port), tainted
// and unschedulable nodes, nodes full of lower-priority pods (some with host ports) and pods
// nominated with host ports, so that preemption, the nominated-pods paths and dry runs on
// copies and in place all occur. Deterministic (a small LCG).
struct ReuseCluster {
    std::vector<std::shared_ptr<const api::Node>> nodes;
    std::vector<std::shared_ptr<const api::Pod>> bound, pending;
    std::shared_ptr<ClusterObjects> objects = std::make_shared<ClusterObjects>();

    explicit ReuseCluster(std::uint32_t seed, bool withBudget) {
        std::uint32_t x = seed;
        auto next = [&](std::uint32_t n) {
            x = x * 1664525u + 1013904223u;
            return (x >> 8) % n;
        };
        auto withPort = [](std::shared_ptr<api::Pod> p) {
            api::ContainerPort port;
            port.containerPort = 80;
            port.hostPort = 8080;
            p->spec.containers[0].ports.push_back(port);
            return p;
        };
        const char* cpus[] = {"500m", "1", "1500m"};
        for (int i = 0; i < 24; ++i) {
            auto n = node("n" + std::to_string(i), "4", "8Gi", "6");
            n->metadata.labels["disk"] = i % 2 ? "ssd" : "hdd";
            if (i % 7 == 3) n->spec.taints.push_back({"dedicated", "gpu", "NoSchedule", std::nullopt});
            if (i % 11 == 5) n->spec.unschedulable = true;
            nodes.push_back(n);
            const int count = 2 + static_cast<int>(next(3));
            for (int j = 0; j < count; ++j) {
                auto p = pod("bound-" + std::to_string(i) + "-" + std::to_string(j), cpus[next(3)], "1Gi");
                p->spec.nodeName = n->metadata.name;
                p->spec.priority = next(4) == 0 ? 500 : 0;
                p->metadata.labels["app"] = next(2) ? "a" : "b";
                p->status.startTime = static_cast<api::Time>(next(10000));
                bound.push_back(next(9) == 0 ? withPort(p) : p);
            }
        }
        // Replicas come in runs of a few pods of one spec, as a workload's do.
        std::uint32_t group = 0;
        for (int i = 0; i < 60; ++i) {
            if (i % 5 == 0) group = next(6);
            auto p = pod("p" + std::to_string(i), group == 1 ? "1500m" : "1", "1Gi");
            p->spec.priority = group == 1 ? 500 : 1000;
            if (group == 2) p->spec.tolerations.push_back(toleration("dedicated", "Equal", "gpu", "NoSchedule"));
            if (group == 3) p->spec.nodeSelector["disk"] = "ssd";
            if (group == 4) p = withPort(p);
            if (group == 5 && i % 4 == 1) {  // nominated already, with a host port
                p = withPort(p);
                p->status.nominatedNodeName = "n" + std::to_string(next(24));
            }
            pending.push_back(p);
        }
        if (withBudget) {
            api::PodDisruptionBudget pdb;
            pdb.metadata.name = "a";
            pdb.metadata.namespace_ = "default";
            pdb.selector = api::LabelSelector{{{"app", "a"}}, {}};
            pdb.disruptionsAllowed = 1;
            objects->podDisruptionBudgets.push_back(pdb);
        }
    }

    // Every cycle until the queue settles, as `kubestage-cli schedule` runs them.
    std::vector<CycleRecord> schedule(bool reuse, bool recording, std::uint64_t* reused = nullptr) const {
        std::string error;
        auto sched = Scheduler::create(config::defaultConfiguration(), inTreeRegistry(), error, 7);
        if (!sched) qFatal("%s", error.c_str());
        sched->setRecording(recording);
        sched->setReusingResults(reuse);
        sched->setCluster(nodes, bound, objects);
        for (const auto& p : pending) sched->addPod(p, 0);
        std::vector<CycleRecord> records = sched->scheduleUntilSettled(0, 1000);
        if (reused) *reused = sched->reusedVerdicts();
        return records;
    }
};

}  // namespace

void TestSchedFramework::reuseKeepsEveryRecord() {
    // Reusing the verdicts and dry runs of equal pods on unchanged nodes changes no record:
    // every node's verdict and failures, scores, messages, nominations and victims are those
    // of passes that filter every node.
    for (const bool withBudget : {false, true}) {
        for (std::uint32_t seed : {1u, 2u, 3u}) {
            const ReuseCluster cluster(seed, withBudget);
            for (const bool recording : {true, false}) {
                std::uint64_t reused = 0;
                const auto fresh = cluster.schedule(false, recording);
                const auto kept = cluster.schedule(true, recording, &reused);
                QCOMPARE(kept.size(), fresh.size());
                std::size_t preempting = 0;
                for (std::size_t i = 0; i < fresh.size(); ++i) {
                    if (!(toValue(kept[i]) == toValue(fresh[i])))
                        QFAIL(qPrintable(QString("seed %1, budget %2, cycle %3 (%4) differs")
                                             .arg(seed)
                                             .arg(withBudget)
                                             .arg(i)
                                             .arg(QString::fromStdString(fresh[i].pod))));
                    if (!fresh[i].preempted.empty()) ++preempting;
                }
                // The cluster must exercise what is reused: preemptions, and verdicts reused.
                QVERIFY(preempting >= 5);
                QVERIFY(reused > 0);
            }
        }
    }
}

void TestSchedFramework::reusedDryRunsFollowNodeChanges() {
    // Two full nodes of four 1-CPU pods of priority 0; n0's started later, so the first
    // preemptor evicts n0's latest pod. Then n1's latest pod is replaced by one that started
    // later still: n1's pods changed but not its nominations, and the next preemptor of the
    // same spec must weigh n1 as it is now (its victim started after n0's), not as the first
    // preemptor's dry run found it.
    for (const bool reuse : {true, false}) {
        std::string error;
        auto sched = Scheduler::create(config::defaultConfiguration(), inTreeRegistry(), error);
        QVERIFY2(sched, error.c_str());
        sched->setReusingResults(reuse);
        std::vector<std::shared_ptr<const api::Pod>> bound;
        auto low = [](const std::string& name, const std::string& node, api::Time start) {
            auto p = pod(name, "1", "1Gi");
            p->spec.nodeName = node;
            p->status.startTime = start;
            return p;
        };
        for (int i = 0; i < 4; ++i) {
            bound.push_back(low("n0-" + std::to_string(i), "n0", 50 + i));
            bound.push_back(low("n1-" + std::to_string(i), "n1", 10 + i));
        }
        auto closed = node("n2");
        closed->spec.unschedulable = true;
        sched->setCluster({node("n0"), node("n1"), closed}, bound, nullptr);
        // Someone is nominated from the start (gated, so it stays), as in a busy cluster: the
        // first preemptor's nomination is then a change the framework can pin to n0.
        auto waiting = pod("waiting", "1", "1Gi");
        waiting->status.nominatedNodeName = "n2";
        waiting->spec.schedulingGates = {{"wait"}};
        sched->addPod(waiting, 0);
        auto preemptor = [](const char* name) {
            auto p = pod(name, "1", "1Gi");
            p->spec.priority = 1000;
            return p;
        };
        sched->addPod(preemptor("first"), 0);
        auto r = sched->scheduleOne(0);
        QVERIFY(r);
        QCOMPARE(QString::fromStdString(r->nominatedNode), QString("n0"));
        QCOMPARE(join(r->preempted), QString("default/n0-3"));

        sched->removeBoundPod("default", "n1-3", 0);
        sched->addPod(low("n1-late", "n1", 90), 0);
        sched->addPod(preemptor("second"), 0);
        r = sched->scheduleOne(0);
        QVERIFY(r);
        QCOMPARE(QString::fromStdString(r->pod), QString("default/second"));
        QCOMPARE(QString::fromStdString(r->nominatedNode), QString("n1"));
        QCOMPARE(join(r->preempted), QString("default/n1-late"));
        QCOMPARE(sched->reusedVerdicts() > 0, reuse);  // n2's verdict, unchanged
    }
}

void TestSchedFramework::dryRunAddsNominatedPodsToFullList() {
    // A dry run in place may meet a node whose pod list is full (four pods, capacity four)
    // and add nominated pods to it one by one: the list moves, and the dry run must not hold
    // on to its old entries (under the address sanitizer, reading them is an error).
    // How that happens: pods "a" and "b" have one spec. n0 carries gated pods nominated to it
    // whose key-hash bits cover b's but not a's, so a's passes add their sum to the node
    // (nothing joins the list) while b's take the slow path and add them one by one. b's filter
    // pass reuses a's verdict for n0, and with one candidate wanted a's dry runs may stop at n1
    // before n0: then b's dry run is the first to add pods to n0's list. Which node a dry run
    // starts with depends on the seed, so several seeds are run, reuse on and off alike.
    auto bitsOf = [](const std::string& name) {
        auto p = pod(name);
        const std::uint64_t h = PodInfo::make(p)->keyHash;
        return (std::uint64_t(1) << (h % 64)) | (std::uint64_t(1) << ((h >> 6) % 64));
    };
    std::uint64_t nominatedBits = 0;
    std::vector<std::string> nominatedNames;
    for (int i = 0; i < 10; ++i) {
        nominatedNames.push_back("held-" + std::to_string(i));
        nominatedBits |= bitsOf(nominatedNames.back());
    }
    auto covered = [&](const std::string& name) { return (nominatedBits & bitsOf(name)) == bitsOf(name); };
    std::string aName, bName;
    for (int i = 0; i < 10000 && (aName.empty() || bName.empty()); ++i) {
        const std::string name = "replica-" + std::to_string(i);
        if (covered(name)) {
            if (bName.empty()) bName = name;
        } else if (aName.empty()) {
            aName = name;
        }
    }
    QVERIFY(!aName.empty() && !bName.empty());

    auto config = config::defaultConfiguration();
    auto args = api::readYaml("{minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 1}", "args.yaml");
    QVERIFY(args.ok() && !args.documents.empty());
    bool configured = false;
    for (auto& pc : config.profiles.front().pluginConfig)
        if (pc.name == "DefaultPreemption") {
            pc.args = args.documents.front();
            configured = true;
        }
    QVERIFY(configured);

    int seedsWithBSlowOnN0 = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        std::vector<std::string> outcomes;
        for (const bool reuse : {true, false}) {
            std::string error;
            auto sched = Scheduler::create(config, inTreeRegistry(), error, seed);
            QVERIFY2(sched, error.c_str());
            sched->setReusingResults(reuse);
            std::vector<std::shared_ptr<const api::Pod>> bound;
            for (const char* n : {"n0", "n1"})
                for (int i = 0; i < 4; ++i) {
                    auto p = pod(std::string(n) + "-low-" + std::to_string(i), "1", "1Gi");
                    p->spec.nodeName = n;
                    p->status.startTime = i + (n[1] == '1' ? 100 : 0);
                    bound.push_back(p);
                }
            sched->setCluster({node("n0"), node("n1")}, bound, nullptr);
            for (const auto& name : nominatedNames) {
                auto held = pod(name, "10m", "1Mi");
                held->spec.priority = 2000;
                held->status.nominatedNodeName = "n0";
                held->spec.schedulingGates = {{"wait"}};
                sched->addPod(held, 0);
            }
            for (const auto& name : {aName, bName}) {
                auto p = pod(name, "1", "1Gi");
                p->spec.priority = 1000;
                sched->addPod(p, 0);
            }
            std::string outcome;
            for (int i = 0; i < 2; ++i) {
                auto r = sched->scheduleOne(0);
                QVERIFY(r);
                outcome += r->pod + "->" + r->nominatedNode + " [" + join(r->preempted).toStdString() + "] ";
            }
            outcomes.push_back(outcome);
        }
        QCOMPARE(QString::fromStdString(outcomes[0]), QString::fromStdString(outcomes[1]));
        if (outcomes[0].find(aName + "->n1") != std::string::npos && outcomes[0].find(bName + "->n0") != std::string::npos)
            ++seedsWithBSlowOnN0;
    }
    QVERIFY(seedsWithBSlowOnN0 > 0);
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
