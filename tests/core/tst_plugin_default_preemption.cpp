// DefaultPreemption: rows ported from upstream's defaultpreemption/default_preemption_test.go
// (TestPostFilter messages, TestSelectBestCandidate, TestPodEligibleToPreemptOthers,
// TestGetOffsetAndNumCandidates, PDB-aware reprieve, nominated pods, PodTopologySpread in the
// dry run) with NodeResourcesFit as the filter, as upstream's tests register it.
#include "ks_test_main.h"
#include <QtTest>

#include <map>

#include "core/api/yaml_reader.h"
#include "core/scheduler/plugins/default_preemption/default_preemption.h"
#include "core/scheduler/plugins/node_resources_fit/node_resources_fit.h"
#include "core/scheduler/plugins/pod_topology_spread/pod_topology_spread.h"
#include "sched_fake_handle.h"
#include "sched_test_builders.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::testing;
using plugins::DefaultPreemption;
using plugins::DefaultPreemptionArgs;

namespace {

using Pods = std::vector<std::shared_ptr<const api::Pod>>;
using Nodes = std::vector<std::shared_ptr<const api::Node>>;

constexpr std::int32_t kNeg = -100, kLow = 0, kMid = 100, kHigh = 1000, kVeryHigh = 10000;
using Res = std::vector<std::pair<std::string, std::string>>;
const Res kSmall = {{"cpu", "100m"}, {"memory", "100"}};
const Res kMedium = {{"cpu", "200m"}, {"memory", "200"}};
const Res kLarge = {{"cpu", "300m"}, {"memory", "300"}};
const Res kVeryLarge = {{"cpu", "500m"}, {"memory", "500"}};

std::shared_ptr<const api::Node> node(const std::string& name) {
    return makeNode(name).capacity({{"cpu", "500m"}, {"memory", "500"}, {"pods", "100"}});
}

Nodes nodes(std::initializer_list<const char*> names) {
    Nodes out;
    for (const char* n : names) out.push_back(node(n));
    return out;
}

std::shared_ptr<const api::Pod> pod(const std::string& name, const std::string& nodeName, std::int32_t priority,
                                    const Res& req, api::Time start = 0) {
    return makePod(name).uid(name).node(nodeName).priority(priority).container(req).startTime(start);
}

PodBuilder preemptor(std::int32_t priority, const Res& req) {
    return makePod("p").uid("p").priority(priority).container(req);
}

// A filter that rejects named nodes as UnschedulableAndUnresolvable (a NodeAffinity stand-in).
class RejectNodes final : public FilterPlugin {
public:
    explicit RejectNodes(std::set<std::string> nodes) : m_nodes(std::move(nodes)) {}
    std::string name() const override { return "RejectNodes"; }
    Status filter(CycleState&, const PodInfo&, const NodeInfo& node) override {
        return m_nodes.count(node.name()) ? Status::unresolvable("node(s) didn't match Pod's node affinity/selector")
                                          : Status::success();
    }

private:
    std::set<std::string> m_nodes;
};

// The cluster, the profile's filters and the plugin under test, wired through a FakeHandle.
struct Setup {
    FakeHandle handle;
    std::unique_ptr<Plugin> fit;
    std::unique_ptr<Plugin> spread;
    std::unique_ptr<RejectNodes> reject;
    std::unique_ptr<DefaultPreemption> plugin;
    CycleState state;
    std::shared_ptr<PodInfo> podInfo;
    NodeToStatus statuses;

    Setup(const Nodes& n, const Pods& existing, const api::Pod& p, const api::Value* args = nullptr,
          std::shared_ptr<ClusterObjects> objects = std::make_shared<ClusterObjects>(), bool withSpread = false,
          std::set<std::string> rejected = {}) {
        handle.setCluster(n, existing, std::move(objects));
        std::string error;
        fit = plugins::newNodeResourcesFit(nullptr, handle, error);
        auto* fitPlugin = dynamic_cast<plugins::NodeResourcesFit*>(fit.get());
        if (!rejected.empty()) {
            reject = std::make_unique<RejectNodes>(std::move(rejected));
            handle.filterPlugins.push_back(reject.get());
        }
        handle.preFilterPlugins.push_back(fitPlugin);
        handle.filterPlugins.push_back(fitPlugin);
        if (withSpread) {
            spread = plugins::newPodTopologySpread(nullptr, handle, error);
            auto* s = dynamic_cast<plugins::PodTopologySpread*>(spread.get());
            handle.preFilterPlugins.push_back(s);
            handle.filterPlugins.push_back(s);
        }
        auto made = plugins::newDefaultPreemption(args, handle, error);
        if (!made) qFatal("newDefaultPreemption: %s", error.c_str());
        plugin.reset(dynamic_cast<DefaultPreemption*>(made.release()));
        podInfo = PodInfo::make(std::make_shared<const api::Pod>(p));
        Status pre = handle.runPreFilterPlugins(state, *podInfo);
        if (!pre.isSuccess()) qFatal("PreFilter: %s", pre.message().c_str());
        statuses = handle.filterAllNodes(state, *podInfo);
    }

    Status run(PostFilterResult& result) { return plugin->postFilter(state, *podInfo, statuses, result); }
};

api::Value yaml(const std::string& text) {
    auto r = api::readYaml(text, "args.yaml");
    if (!r.ok() || r.documents.empty()) qFatal("bad yaml in test");
    return r.documents.front();
}

struct BestRow {
    const char* name;
    Nodes nodes;
    api::Pod pod;
    Pods existing;
    std::string want;
};

std::vector<BestRow> bestRows() {
    std::vector<BestRow> rows;
    rows.push_back({"a pod that fits on both nodes when lower priority pods are preempted", nodes({"node1", "node2"}),
                    preemptor(kHigh, kLarge).obj(),
                    {pod("p1.1", "node1", kMid, kLarge), pod("p2.1", "node2", kMid, kLarge)}, "node1"});
    rows.push_back({"node with min highest priority pod is picked", nodes({"node1", "node2", "node3"}),
                    preemptor(kHigh, kVeryLarge).obj(),
                    {pod("p1.1", "node1", kMid, kMedium), pod("p1.2", "node1", kMid, kLarge),
                     pod("p2.1", "node2", kMid, kMedium), pod("p2.2", "node2", kLow, kMedium),
                     pod("p3.1", "node3", kLow, kMedium), pod("p3.2", "node3", kLow, kMedium)},
                    "node3"});
    rows.push_back({"when highest priorities are the same, minimum sum of priorities is picked",
                    nodes({"node1", "node2", "node3"}), preemptor(kHigh, kVeryLarge).obj(),
                    {pod("p1.1", "node1", kMid, kMedium), pod("p1.2", "node1", kMid, kLarge),
                     pod("p2.1", "node2", kMid, kLarge), pod("p2.2", "node2", kLow, kMedium),
                     pod("p3.1", "node3", kMid, kMedium), pod("p3.2", "node3", kMid, kMedium)},
                    "node2"});
    rows.push_back({"when highest priority and sum are the same, minimum number of pods is picked",
                    nodes({"node1", "node2", "node3"}), preemptor(kHigh, kVeryLarge).obj(),
                    {pod("p1.1", "node1", kMid, kSmall), pod("p1.2", "node1", kNeg, kSmall),
                     pod("p1.3", "node1", kMid, kSmall), pod("p1.4", "node1", kNeg, kSmall),
                     pod("p2.1", "node2", kMid, kLarge), pod("p2.2", "node2", kNeg, kMedium),
                     pod("p3.1", "node3", kMid, kMedium), pod("p3.2", "node3", kNeg, kSmall),
                     pod("p3.3", "node3", kLow, kSmall)},
                    "node2"});
    rows.push_back({"sum of adjusted priorities is considered", nodes({"node1", "node2", "node3"}),
                    preemptor(kHigh, kVeryLarge).obj(),
                    {pod("p1.1", "node1", kMid, kSmall), pod("p1.2", "node1", kNeg, kSmall),
                     pod("p1.3", "node1", kNeg, kSmall), pod("p2.1", "node2", kMid, kLarge),
                     pod("p2.2", "node2", kNeg, kMedium), pod("p3.1", "node3", kMid, kMedium),
                     pod("p3.2", "node3", kNeg, kSmall), pod("p3.3", "node3", kLow, kSmall)},
                    "node2"});
    rows.push_back({"non-overlapping lowest high priority, sum priorities, and number of pods",
                    nodes({"node1", "node2", "node3", "node4"}), preemptor(kVeryHigh, kVeryLarge).obj(),
                    {pod("p1.1", "node1", kMid, kSmall), pod("p1.2", "node1", kLow, kSmall),
                     pod("p1.3", "node1", kLow, kSmall), pod("p2.1", "node2", kHigh, kLarge),
                     pod("p3.1", "node3", kMid, kMedium), pod("p3.2", "node3", kLow, kSmall),
                     pod("p3.3", "node3", kLow, kSmall), pod("p3.4", "node3", kLow, kMedium),
                     pod("p4.1", "node4", kMid, kMedium), pod("p4.2", "node4", kMid, kSmall),
                     pod("p4.3", "node4", kMid, kSmall), pod("p4.4", "node4", kNeg, kSmall)},
                    "node1"});
    rows.push_back({"same priority, same number of victims, different start time for each node's pod",
                    nodes({"node1", "node2", "node3"}), preemptor(kHigh, kVeryLarge).obj(),
                    {pod("p1.1", "node1", kMid, kMedium, 2), pod("p1.2", "node1", kMid, kMedium, 2),
                     pod("p2.1", "node2", kMid, kMedium, 3), pod("p2.2", "node2", kMid, kMedium, 3),
                     pod("p3.1", "node3", kMid, kMedium, 1), pod("p3.2", "node3", kMid, kMedium, 1)},
                    "node2"});
    rows.push_back({"same priority, same number of victims, different start time for all pods",
                    nodes({"node1", "node2", "node3"}), preemptor(kHigh, kVeryLarge).obj(),
                    {pod("p1.1", "node1", kMid, kMedium, 4), pod("p1.2", "node1", kMid, kMedium, 2),
                     pod("p2.1", "node2", kMid, kMedium, 5), pod("p2.2", "node2", kMid, kMedium, 1),
                     pod("p3.1", "node3", kMid, kMedium, 3), pod("p3.2", "node3", kMid, kMedium, 6)},
                    "node3"});
    rows.push_back({"different priority, same number of victims, different start time for all pods",
                    nodes({"node1", "node2", "node3"}), preemptor(kHigh, kVeryLarge).obj(),
                    {pod("p1.1", "node1", kLow, kMedium, 4), pod("p1.2", "node1", kMid, kMedium, 2),
                     pod("p2.1", "node2", kMid, kMedium, 6), pod("p2.2", "node2", kLow, kMedium, 1),
                     pod("p3.1", "node3", kLow, kMedium, 3), pod("p3.2", "node3", kMid, kMedium, 5)},
                    "node2"});
    return rows;
}

}  // namespace

class TestPluginDefaultPreemption : public QObject {
    Q_OBJECT
private slots:
    void selectBestCandidate_data() {
        QTest::addColumn<int>("row");
        const auto rows = bestRows();
        for (std::size_t i = 0; i < rows.size(); ++i) QTest::newRow(rows[i].name) << static_cast<int>(i);
    }
    void selectBestCandidate() {
        QFETCH(int, row);
        const BestRow r = bestRows()[static_cast<std::size_t>(row)];
        Setup s(r.nodes, r.existing, r.pod);
        PostFilterResult result;
        Status status = s.run(result);
        QVERIFY2(status.isSuccess(), status.message().c_str());
        QCOMPARE(result.nominatedNodeName, r.want);
        QCOMPARE(s.plugin->lastRecord().nominatedNode, r.want);
        QCOMPARE(s.plugin->lastRecord().candidates.size(), r.nodes.size());
    }

    // Without active PreFilter extensions or budgets, nodes whose lower-priority pods add only
    // requests are dry-run in place (the snapshot's node, its accounting changed for the moment)
    // instead of on a copy: the same candidates, victims, statuses and choice, and the node
    // as it was.
    void inPlaceDryRunsMatchCopies() {
        auto rows = bestRows();
        // One pod reprieved, one evicted: 200m more on a 500m node running 100m + 300m.
        rows.push_back({"reprieve", nodes({"node1"}), preemptor(kHigh, kMedium).obj(),
                        {pod("a", "node1", kLow, kSmall, 1), pod("b", "node1", kLow, kLarge, 2)}, "node1"});
        for (const BestRow& r : rows) {
            Setup copied(r.nodes, r.existing, r.pod);
            Setup inPlace(r.nodes, r.existing, r.pod);
            inPlace.handle.extensionsActive = false;
            struct Before {
                std::int64_t milliCPU, memory, generation;
                std::int32_t numPods;
            };
            std::map<std::string, Before> before;
            for (const auto& info : inPlace.handle.snapshot().nodeInfos())
                before[info->name()] = {info->requested().milliCPU, info->requested().memory, info->generation(),
                                        info->summary().numPods};
            PostFilterResult a, b;
            const Status sa = copied.run(a), sb = inPlace.run(b);
            QCOMPARE(sb.code(), sa.code());
            QCOMPARE(sb.message(), sa.message());
            QCOMPARE(b.nominatedNodeName, a.nominatedNodeName);
            const auto& ra = copied.plugin->lastRecord();
            const auto& rb = inPlace.plugin->lastRecord();
            QCOMPARE(rb.candidates.size(), ra.candidates.size());
            for (std::size_t i = 0; i < ra.candidates.size(); ++i) {
                QCOMPARE(rb.candidates[i].node, ra.candidates[i].node);
                QCOMPARE(rb.candidates[i].victims, ra.candidates[i].victims);
            }
            QCOMPARE(rb.nodeStatuses.size(), ra.nodeStatuses.size());
            for (const auto& [name, status] : ra.nodeStatuses) QCOMPARE(rb.nodeStatuses.at(name).message(), status.message());
            if (std::string(r.name) == "reprieve") QCOMPARE(rb.victims, (std::vector<std::string>{"default/b"}));
            for (const auto& info : inPlace.handle.snapshot().nodeInfos()) {
                const Before& was = before.at(info->name());
                QCOMPARE(info->requested().milliCPU, was.milliCPU);
                QCOMPARE(info->summary().requestedMilliCPU, was.milliCPU);
                QCOMPARE(info->requested().memory, was.memory);
                QCOMPARE(info->summary().numPods, was.numPods);
                QCOMPARE(info->generation(), was.generation);
            }
        }
    }

    void preemptsAndEvictsVictims() {
        Setup s(nodes({"node1"}), {pod("victim", "node1", kLow, kLarge, 5)}, preemptor(kHigh, kLarge).obj());
        QCOMPARE(s.statuses.at("node1").message(), std::string("Insufficient cpu, Insufficient memory"));
        PostFilterResult result;
        Status status = s.run(result);
        QVERIFY(status.isSuccess());
        QCOMPARE(result.nominatedNodeName, std::string("node1"));
        QCOMPARE(s.handle.deletedPods.size(), std::size_t(1));
        QCOMPARE(s.handle.deletedPods[0].first, std::string("default/victim"));
        QCOMPARE(s.handle.deletedPods[0].second, std::string("Preempted by pod p on node node1"));
        const auto& rec = s.plugin->lastRecord();
        QCOMPARE(rec.pod, std::string("default/p"));
        QCOMPARE(rec.victims, (std::vector<std::string>{"default/victim"}));
        QCOMPARE(rec.potentialNodes, (std::vector<std::string>{"node1"}));
        QCOMPARE(rec.numCandidates, 1);
        QVERIFY(rec.message.empty());
    }

    void failureMessages_data() {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("message");
        QTest::newRow("preemptionPolicy Never") << 0 << "preemption: not eligible due to preemptionPolicy=Never.";
        QTest::newRow("no lower-priority pods")
            << 1 << "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.";
        QTest::newRow("unresolvable node")
            << 2 << "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.";
        QTest::newRow("the issue's example")
            << 3 << "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption "
                    "victims found for incoming pod.";
        QTest::newRow("still does not fit without the lower-priority pods")
            << 4 << "preemption: 0/1 nodes are available: 1 Insufficient cpu.";
    }
    void failureMessages() {
        QFETCH(int, scenario);
        QFETCH(QString, message);
        std::unique_ptr<Setup> s;
        switch (scenario) {
        case 0:
            s = std::make_unique<Setup>(nodes({"node1"}), Pods{pod("low", "node1", kLow, kLarge)},
                                        preemptor(kHigh, kLarge).preemptionPolicy("Never").obj());
            break;
        case 1:
            s = std::make_unique<Setup>(nodes({"node1"}), Pods{pod("same", "node1", kHigh, kLarge)},
                                        preemptor(kHigh, kLarge).obj());
            break;
        case 2:
            s = std::make_unique<Setup>(nodes({"node1"}), Pods{pod("low", "node1", kLow, kLarge)},
                                        preemptor(kHigh, kLarge).obj(), nullptr, std::make_shared<ClusterObjects>(), false,
                                        std::set<std::string>{"node1"});
            break;
        case 3:
            s = std::make_unique<Setup>(nodes({"node1", "node2", "node3"}),
                                        Pods{pod("h1", "node1", kHigh, kLarge), pod("h2", "node2", kHigh, kLarge),
                                             pod("low", "node3", kLow, kLarge)},
                                        preemptor(kHigh, kLarge).obj(), nullptr, std::make_shared<ClusterObjects>(), false,
                                        std::set<std::string>{"node3"});
            break;
        case 4:
            s = std::make_unique<Setup>(nodes({"node1"}),
                                        Pods{pod("h1", "node1", kHigh, {{"cpu", "300m"}}), pod("low", "node1", kLow, kSmall)},
                                        preemptor(kHigh, {{"cpu", "300m"}}).obj());
            break;
        }
        PostFilterResult result;
        Status status = s->run(result);
        QCOMPARE(status.code(), Code::Unschedulable);
        QCOMPARE(QString::fromStdString(status.message()), message);
        QCOMPARE(QString::fromStdString(s->plugin->lastRecord().message), message);
        QVERIFY(result.nominatedNodeName.empty());
        QVERIFY(s->handle.deletedPods.empty());
    }

    void nodesWithoutStatusAreNotCandidates() {
        Setup s(nodes({"node1", "node2"}), {pod("low1", "node1", kLow, kLarge), pod("low2", "node2", kLow, kLarge)},
                preemptor(kHigh, kLarge).obj());
        s.statuses.erase("node2");  // e.g. filtered out by a PreFilterResult
        PostFilterResult result;
        QVERIFY(s.run(result).isSuccess());
        QCOMPARE(result.nominatedNodeName, std::string("node1"));
        QCOMPARE(s.plugin->lastRecord().nodeStatuses.at("node2").message(),
                 std::string("Preemption is not helpful for scheduling"));
        QCOMPARE(s.plugin->lastRecord().potentialNodes, (std::vector<std::string>{"node1"}));
    }

    void noCandidateClearsTheNomination() {
        Setup s(nodes({"node1"}), {pod("same", "node1", kHigh, kLarge)},
                preemptor(kHigh, kLarge).nominatedNode("node1").obj());
        PostFilterResult result;
        QCOMPARE(s.run(result).code(), Code::Unschedulable);
        QCOMPARE(s.handle.clearedNominations, (std::vector<std::string>{"default/p"}));
    }

    void eligibility_data() {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("reason");
        QTest::newRow("terminating victim on the nominated node")
            << 0 << "not eligible due to a terminating pod on the nominated node.";
        QTest::newRow("nominated node now unresolvable: eligible again") << 1 << "";
        QTest::newRow("terminating pod not deleted by preemption: eligible") << 2 << "";
        QTest::newRow("terminating pod of higher priority: eligible") << 3 << "";
        QTest::newRow("no nominated node") << 4 << "";
    }
    void eligibility() {
        QFETCH(int, scenario);
        QFETCH(QString, reason);
        auto terminating = [](std::int32_t priority, bool preempted) {
            PodBuilder b = makePod("t").node("node1").priority(priority).terminating(10).container(kSmall);
            if (preempted) b.condition("DisruptionTarget", "True", "PreemptionByScheduler");
            return b.ptr();
        };
        Pods existing = {terminating(scenario == 3 ? kVeryHigh : kLow, scenario != 2)};
        FakeHandle handle;
        handle.setCluster(nodes({"node1"}), existing);
        DefaultPreemption plugin(DefaultPreemptionArgs{}, handle);
        api::Pod p = preemptor(kHigh, kSmall).nominatedNode(scenario == 4 ? "" : "node1").obj();
        Status unresolvable = Status::unresolvable("node(s) didn't match Pod's node affinity/selector");
        Status unschedulable = Status::unschedulable("Insufficient cpu");
        const Status* nominatedStatus = scenario == 1 ? &unresolvable : &unschedulable;
        QCOMPARE(QString::fromStdString(plugin.podEligibleToPreemptOthers(p, nominatedStatus)), reason);
    }

    void pdbViolatingVictimsAreReprievedFirst() {
        // node1: a (mid, 200m) and b (low, 200m, protected by a PDB allowing no disruption);
        // the preemptor needs 300m. b is reprieved first, so a becomes the victim.
        auto objects = std::make_shared<ClusterObjects>();
        api::PodDisruptionBudget pdb;
        pdb.metadata.name = "pdb";
        pdb.metadata.namespace_ = "default";
        pdb.selector = sel({{"app", "b"}});
        pdb.disruptionsAllowed = 0;
        objects->podDisruptionBudgets.push_back(pdb);
        Pods existing = {makePod("a").uid("a").node("node1").priority(kMid).container({{"cpu", "200m"}}).startTime(1),
                         makePod("b").uid("b").node("node1").priority(kLow).label("app", "b").container({{"cpu", "200m"}}).startTime(1)};
        Setup s(nodes({"node1"}), existing, preemptor(kHigh, {{"cpu", "300m"}}).obj(), nullptr, objects);
        PostFilterResult result;
        QVERIFY(s.run(result).isSuccess());
        QCOMPARE(s.plugin->lastRecord().victims, (std::vector<std::string>{"default/a"}));
        QCOMPARE(s.plugin->lastRecord().candidates[0].numPDBViolations, std::int64_t(0));

        // Without the budget the more important a is reprieved and b is evicted.
        Setup plain(nodes({"node1"}), existing, preemptor(kHigh, {{"cpu", "300m"}}).obj());
        QVERIFY(plain.run(result).isSuccess());
        QCOMPARE(plain.plugin->lastRecord().victims, (std::vector<std::string>{"default/b"}));
    }

    void fewestPdbViolationsWins() {
        // Both nodes need their only pod evicted; node1's is protected by a PDB.
        auto objects = std::make_shared<ClusterObjects>();
        api::PodDisruptionBudget pdb;
        pdb.metadata.namespace_ = "default";
        pdb.selector = sel({{"app", "db"}});
        pdb.disruptionsAllowed = 0;
        objects->podDisruptionBudgets.push_back(pdb);
        Pods existing = {makePod("db").uid("db").node("node1").priority(kLow).label("app", "db").container(kLarge),
                         makePod("web").uid("web").node("node2").priority(kMid).label("app", "web").container(kLarge)};
        Setup s(nodes({"node1", "node2"}), existing, preemptor(kHigh, kLarge).obj(), nullptr, objects);
        PostFilterResult result;
        QVERIFY(s.run(result).isSuccess());
        // node2 has the higher-priority victim, but no PDB violation.
        QCOMPARE(result.nominatedNodeName, std::string("node2"));
        const auto& rec = s.plugin->lastRecord();
        QCOMPARE(rec.candidates.size(), std::size_t(2));
        QCOMPARE(rec.candidates[0].node, std::string("node2"));  // PDB-respecting candidates first
        QCOMPARE(rec.candidates[1].numPDBViolations, std::int64_t(1));
    }

    void filterPodsWithPDBViolationDecrementsBudgets() {
        api::PodDisruptionBudget pdb;
        pdb.metadata.namespace_ = "default";
        pdb.selector = sel({{"app", "x"}});
        pdb.disruptionsAllowed = 1;
        api::PodDisruptionBudget empty = pdb;
        empty.selector = api::LabelSelector{};  // matches nothing
        std::vector<std::shared_ptr<PodInfo>> pods = {PodInfo::make(makePod("a").label("app", "x")),
                                                      PodInfo::make(makePod("b").label("app", "x")),
                                                      PodInfo::make(makePod("c", "other").label("app", "x")),
                                                      PodInfo::make(makePod("d"))};
        std::vector<std::shared_ptr<PodInfo>> violating, nonViolating;
        plugins::preemption::filterPodsWithPDBViolation(pods, {pdb, empty}, violating, nonViolating);
        QCOMPARE(violating.size(), std::size_t(1));
        QCOMPARE(violating[0]->name(), std::string("b"));
        QCOMPARE(nonViolating.size(), std::size_t(3));
        QCOMPARE(nonViolating[0]->name(), std::string("a"));
    }

    void nominatedPodsReserveRoom() {
        // A nominated pod of higher priority holds 300m on node1: evicting the low pod is not enough.
        Setup s(nodes({"node1"}), {pod("low", "node1", kLow, kLarge)}, preemptor(kHigh, kLarge).obj());
        s.handle.nominated["node1"] = {PodInfo::make(makePod("n").uid("n").priority(kVeryHigh).container(kLarge))};
        PostFilterResult result;
        Status status = s.run(result);
        QCOMPARE(status.code(), Code::Unschedulable);
        QCOMPARE(status.message(), std::string("preemption: 0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory."));
    }

    void lowerPriorityNominationsAreCleared() {
        Setup s(nodes({"node1"}), {pod("low", "node1", kLow, kLarge)}, preemptor(kHigh, kLarge).obj());
        PostFilterResult result;
        // A lower-priority nomination does not reserve room for this pod; the higher one requests nothing.
        s.handle.nominated["node1"] = {PodInfo::make(makePod("n-low").priority(kMid).container(kSmall)),
                                       PodInfo::make(makePod("n-high").priority(kVeryHigh))};
        QVERIFY(s.run(result).isSuccess());
        QCOMPARE(s.handle.clearedNominations, (std::vector<std::string>{"default/n-low"}));
        QCOMPARE(s.plugin->lastRecord().clearedNominations, (std::vector<std::string>{"default/n-low"}));
    }

    void dryRunStartsAtRandomOffsetAndStopsEarly() {
        // minCandidateNodesAbsolute 1: the first node with victims from the offset wins.
        api::Value args = yaml("{minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 1}");
        for (std::uint64_t offset : {0u, 1u, 2u}) {
            Setup s(nodes({"node1", "node2", "node3"}),
                    {pod("l1", "node1", kLow, kLarge), pod("l2", "node2", kLow, kLarge), pod("l3", "node3", kLow, kLarge)},
                    preemptor(kHigh, kLarge).obj(), &args);
            s.handle.nextRandom = offset;
            PostFilterResult result;
            QVERIFY(s.run(result).isSuccess());
            QCOMPARE(result.nominatedNodeName, "node" + std::to_string(offset + 1));
            QCOMPARE(s.plugin->lastRecord().offset, offset);
            QCOMPARE(s.plugin->lastRecord().numCandidates, 1);
            QCOMPARE(s.plugin->lastRecord().candidates.size(), std::size_t(1));
        }
    }

    void preemptionResolvesTopologySpread() {
        // node-a holds two low-priority foo pods (skew 2), node-b is full with a high-priority one.
        // Evicting one foo pod from node-a is enough: the PreFilter extensions keep the counts.
        Nodes n = {makeNode("node-a").label("node", "node-a").capacity({{"cpu", "500m"}, {"pods", "10"}}),
                   makeNode("node-b").label("node", "node-b").capacity({{"cpu", "500m"}, {"pods", "10"}})};
        Pods existing = {makePod("a1").node("node-a").priority(kLow).label("foo", "").container({{"cpu", "100m"}}),
                         makePod("a2").node("node-a").priority(kLow).label("foo", "").container({{"cpu", "100m"}}),
                         makePod("b1").node("node-b").priority(kHigh).label("foo", "").container({{"cpu", "500m"}})};
        api::Pod p = makePod("p").priority(kHigh).label("foo", "").container({{"cpu", "100m"}})
                         .spreadConstraint(1, "node", "DoNotSchedule", exists("foo")).obj();
        Setup s(n, existing, p, nullptr, std::make_shared<ClusterObjects>(), true);
        QCOMPARE(s.statuses.at("node-a").message(), std::string("node(s) didn't match pod topology spread constraints"));
        QCOMPARE(s.statuses.at("node-b").message(), std::string("Insufficient cpu"));
        PostFilterResult result;
        QVERIFY(s.run(result).isSuccess());
        QCOMPARE(result.nominatedNodeName, std::string("node-a"));
        QCOMPARE(s.plugin->lastRecord().victims, (std::vector<std::string>{"default/a2"}));
        QCOMPARE(s.plugin->lastRecord().nodeStatuses.at("node-b").message(),
                 std::string("No preemption victims found for incoming pod"));
    }

    void numCandidates_data() {
        QTest::addColumn<int>("numNodes");
        QTest::addColumn<int>("pct");
        QTest::addColumn<int>("abs");
        QTest::addColumn<int>("want");
        QTest::newRow("10 nodes, 10%/100") << 10 << 10 << 100 << 10;
        QTest::newRow("1000 nodes, 10%/100") << 1000 << 10 << 100 << 100;
        QTest::newRow("1000 nodes, 40%/100") << 1000 << 40 << 100 << 400;
        QTest::newRow("1000 nodes, 0%/100") << 1000 << 0 << 100 << 100;
        QTest::newRow("1000 nodes, 40%/500") << 1000 << 40 << 500 << 500;
        QTest::newRow("5000 nodes, 10%/100") << 5000 << 10 << 100 << 500;
        QTest::newRow("3 nodes, 0%/1") << 3 << 0 << 1 << 1;
    }
    void numCandidates() {
        QFETCH(int, numNodes);
        QFETCH(int, pct);
        QFETCH(int, abs);
        QFETCH(int, want);
        FakeHandle handle;
        DefaultPreemptionArgs args;
        args.minCandidateNodesPercentage = pct;
        args.minCandidateNodesAbsolute = abs;
        DefaultPreemption plugin(args, handle);
        QCOMPARE(plugin.calculateNumCandidates(numNodes), want);
        handle.nextRandom = 7;
        auto [offset, n] = plugin.getOffsetAndNumCandidates(numNodes);
        QCOMPARE(offset, std::min(7, numNodes - 1));
        QCOMPARE(n, want);
    }

    void moreImportantPod() {
        using plugins::preemption::moreImportantPod;
        QVERIFY(moreImportantPod(makePod("a").priority(10).obj(), makePod("b").priority(5).obj()));
        QVERIFY(moreImportantPod(makePod("a").priority(5).startTime(1).obj(), makePod("b").priority(5).startTime(2).obj()));
        // Not started counts as starting now: after every started pod.
        QVERIFY(moreImportantPod(makePod("a").startTime(100).obj(), makePod("b").obj()));
        QVERIFY(!moreImportantPod(makePod("a").obj(), makePod("b").obj()));
    }

    void args_data() {
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("defaults") << "{}" << "";
        QTest::newRow("valid") << "{minCandidateNodesPercentage: 50, minCandidateNodesAbsolute: 0}" << "";
        QTest::newRow("percentage over 100")
            << "{minCandidateNodesPercentage: 101}" << "minCandidateNodesPercentage: Invalid value: 101: not in valid range [0, 100]";
        QTest::newRow("negative absolute")
            << "{minCandidateNodesAbsolute: -1}" << "minCandidateNodesAbsolute: Invalid value: -1: not in valid range [0, inf)";
        QTest::newRow("both zero")
            << "{minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 0}"
            << "[minCandidateNodesPercentage: Invalid value: 0: cannot be zero at the same time as minCandidateNodesAbsolute, "
               "minCandidateNodesAbsolute: Invalid value: 0: cannot be zero at the same time as minCandidateNodesPercentage]";
    }
    void args() {
        QFETCH(QString, args);
        QFETCH(QString, error);
        api::Value v = yaml(args.toStdString());
        DefaultPreemptionArgs parsed;
        std::string got;
        QCOMPARE(DefaultPreemptionArgs::parse(&v, parsed, got), error.isEmpty());
        QCOMPARE(QString::fromStdString(got), error);
        DefaultPreemptionArgs defaults;
        QVERIFY(DefaultPreemptionArgs::parse(nullptr, defaults, got));
        QCOMPARE(defaults.minCandidateNodesPercentage, 10);
        QCOMPARE(defaults.minCandidateNodesAbsolute, 100);
    }
};

KS_TEST_MAIN(TestPluginDefaultPreemption)
#include "tst_plugin_default_preemption.moc"
