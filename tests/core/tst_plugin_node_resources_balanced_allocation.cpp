// NodeResourcesBalancedAllocation: scores ported from upstream's balanced_allocation_test.go
// (v1.31), the reference's worked numbers, and args validation.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/yaml_reader.h"
#include "core/scheduler/plugins/node_resources_balanced_allocation/node_resources_balanced_allocation.h"
#include "sched_fake_handle.h"
#include "sched_test_builders.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::plugins;
using namespace ks::scheduler::testing;

namespace {

using Requests = std::vector<std::pair<std::string, std::string>>;

api::Value yamlArgs(const std::string& text) {
    if (text.empty()) return api::Value::null();
    auto r = api::readYaml(text, "args.yaml");
    return r.documents.empty() ? api::Value::null() : r.documents.front();
}

// upstream makeNode(name, milliCPU, memory, extendedResource)
std::shared_ptr<const api::Node> node(const std::string& name, std::int64_t milliCPU, std::int64_t memory,
                                      Requests extended = {}) {
    Requests cap = {{"cpu", std::to_string(milliCPU) + "m"}, {"memory", std::to_string(memory)}};
    cap.insert(cap.end(), extended.begin(), extended.end());
    return makeNode(name).capacity(cap).ptr();
}

// The pod specs of the upstream table.
api::Pod cpuOnly(const std::string& name, const std::string& nodeName) {
    return PodBuilder(name).node(nodeName).container({{"cpu", "1000m"}, {"memory", "0"}}).container({{"cpu", "2000m"}, {"memory", "0"}}).obj();
}
api::Pod cpuAndMemory(const std::string& name, const std::string& nodeName = "node2") {
    PodBuilder b(name);
    if (!nodeName.empty()) b.node(nodeName);
    return b.container({{"cpu", "1000m"}, {"memory", "2000"}}).container({{"cpu", "2000m"}, {"memory", "3000"}}).obj();
}
api::Pod cpuAndMemoryAndGPU(const std::string& name) {
    return PodBuilder(name).node("node1").container({{"cpu", "1000m"}, {"memory", "2000"}})
        .container({{"cpu", "2000m"}, {"memory", "3000"}, {"nvidia.com/gpu", "3"}}).obj();
}

struct Case {
    std::string name;
    api::Pod pod;
    std::vector<api::Pod> pods;
    std::vector<std::shared_ptr<const api::Node>> nodes;
    std::string args;
    std::vector<std::int64_t> scores;
    bool runPreScore = true;
};

const std::string kCpuMemGpu = "resources:\n- {name: cpu, weight: 1}\n- {name: memory, weight: 1}\n- {name: nvidia.com/gpu, weight: 1}\n";

std::vector<Case> cases() {
    const api::Pod empty = PodBuilder("p").obj();
    const auto n = [](std::int64_t cpu1, std::int64_t mem1, std::int64_t cpu2, std::int64_t mem2) {
        return std::vector{node("node1", cpu1, mem1), node("node2", cpu2, mem2)};
    };
    return {
        {"nothing scheduled, nothing requested", empty, {}, n(4000, 10000, 4000, 10000), "", {100, 100}},
        {"nothing scheduled, resources requested, differently sized nodes", cpuAndMemory("p", ""), {},
         n(4000, 10000, 6000, 10000), "", {87, 100}},
        {"no resources requested, pods without container scheduled", empty,
         {PodBuilder("a").node("node1").obj(), PodBuilder("b").node("node1").obj(), PodBuilder("c").node("node2").obj(),
          PodBuilder("d").node("node2").obj()},
         n(4000, 10000, 4000, 10000), "", {100, 100}},
        {"no resources requested, pods with container scheduled", empty,
         {PodBuilder("a").node("node1").obj(), PodBuilder("b").node("node1").obj()},
         n(250, 1000LL * 1024 * 1024, 250, 1000LL * 1024 * 1024), "", {100, 100}},
        {"no resources requested, pods scheduled with resources", empty,
         {cpuOnly("a", "node1"), cpuOnly("b", "node1"), cpuOnly("c", "node2"), cpuAndMemory("d")},
         n(10000, 20000, 10000, 20000), "", {70, 82}},
        {"resources requested, pods scheduled with resources", cpuAndMemory("p", ""),
         {cpuOnly("a", "node1"), cpuAndMemory("b")}, n(10000, 20000, 10000, 20000), "", {82, 95}},
        {"resources requested, pods scheduled with resources, differently sized nodes", cpuAndMemory("p", ""),
         {cpuOnly("a", "node1"), cpuAndMemory("b")}, n(10000, 20000, 10000, 50000), "", {82, 80}},
        {"requested resources at node capacity", cpuOnly("p", ""), {cpuOnly("a", "node1"), cpuAndMemory("b")},
         n(6000, 10000, 6000, 10000), "", {50, 75}},
        {"zero node resources, pods scheduled with resources", empty, {cpuOnly("a", "node1"), cpuAndMemory("b")},
         n(0, 0, 0, 0), "", {100, 100}},
        {"include scalar resource on a node for balanced resource allocation",
         PodBuilder("p").container({{"memory", "0"}, {"nvidia.com/gpu", "1"}}).obj(),
         {cpuAndMemory("a"), cpuAndMemoryAndGPU("b")},
         {node("node1", 3500, 40000, {{"nvidia.com/gpu", "8"}}), node("node2", 3500, 40000, {{"nvidia.com/gpu", "8"}})},
         kCpuMemGpu, {70, 65}},
        {"node without the scalar resource results to a higher score", empty, {cpuOnly("a", "node1"), cpuOnly("b", "node2")},
         {node("node1", 3500, 40000, {{"nvidia.com/gpu", "8"}}), node("node2", 3500, 40000)},
         "resources:\n- {name: cpu, weight: 1}\n- {name: nvidia.com/gpu, weight: 1}\n", {100, 100}},
        {"resources requested, pods scheduled with resources if PreScore not called", cpuAndMemory("p", ""),
         {cpuOnly("a", "node1"), cpuAndMemory("b")}, n(10000, 20000, 10000, 20000), "", {82, 95}, false},
    };
}

std::unique_ptr<Plugin> make(const std::string& args, Handle& handle, std::string& error) {
    api::Value v = yamlArgs(args);
    return newNodeResourcesBalancedAllocation(v.isNull() ? nullptr : &v, handle, error);
}

}  // namespace

class TestPluginNodeResourcesBalancedAllocation : public QObject {
    Q_OBJECT
private slots:
    void score_data() {
        QTest::addColumn<int>("row");
        const auto all = cases();
        for (std::size_t i = 0; i < all.size(); ++i) QTest::newRow(all[i].name.c_str()) << static_cast<int>(i);
    }
    void score() {
        QFETCH(int, row);
        const Case c = cases()[row];
        FakeHandle handle;
        std::vector<std::shared_ptr<const api::Pod>> pods;
        for (const auto& p : c.pods) pods.push_back(std::make_shared<const api::Pod>(p));
        handle.setCluster(c.nodes, pods);
        std::string error;
        auto plugin = make(c.args, handle, error);
        QVERIFY2(plugin, error.c_str());
        auto* ba = dynamic_cast<NodeResourcesBalancedAllocation*>(plugin.get());
        QVERIFY(ba);
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(c.pod));
        CycleState state;
        std::vector<std::int64_t> got;
        for (const auto& n : c.nodes) {
            if (c.runPreScore)
                QVERIFY(ba->preScore(state, *pod, nodeInfos(handle.snapshot(), {"node1", "node2"})).isSuccess());
            std::int64_t s = -1;
            QVERIFY(ba->score(state, *pod, *handle.snapshot().get(n->metadata.name), s).isSuccess());
            got.push_back(s);
        }
        QCOMPARE(got, c.scores);
    }

    // Reference §4.8: 4 CPU / 8Gi with 1000m / 2Gi requested, pod 500m / 1Gi -> fractions equal -> 100;
    // requests count as written (no 100m / 200Mi defaults): a request-less pod on an empty node -> 100.
    void workedNumbers() {
        FakeHandle handle;
        handle.setCluster({makeNode("n").capacity({{"cpu", "4"}, {"memory", "8Gi"}}).ptr()},
                          {PodBuilder("e").node("n").container({{"cpu", "1000m"}, {"memory", "2Gi"}}).ptr()});
        std::string error;
        auto plugin = make("", handle, error);
        auto* ba = dynamic_cast<NodeResourcesBalancedAllocation*>(plugin.get());
        CycleState state;
        std::int64_t s = 0;
        QVERIFY(ba->score(state, *PodInfo::make(PodBuilder("p").container({{"cpu", "500m"}, {"memory", "1Gi"}}).ptr()),
                          *handle.snapshot().get("n"), s).isSuccess());
        QCOMPARE(s, std::int64_t{100});
        // 1500m / 4000m = 0.375 vs 2Gi / 8Gi = 0.25 -> std 0.0625 -> int64(93.75) = 93.
        QVERIFY(ba->score(state, *PodInfo::make(PodBuilder("p").container({{"cpu", "500m"}}).ptr()),
                          *handle.snapshot().get("n"), s).isSuccess());
        QCOMPARE(s, std::int64_t{93});
    }

    void argsValidation_data() {
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("weight must be 1") << "resources:\n- {name: cpu, weight: 2}\n"
                                          << "resources[0].weight: Invalid value: 2: must be 1";
        QTest::newRow("duplicate resource") << "resources:\n- {name: cpu, weight: 1}\n- {name: cpu, weight: 1}\n"
                                            << "resources[1].name: Duplicate value: \"cpu\"";
        QTest::newRow("both") << "resources:\n- {name: memory, weight: 1}\n- {name: memory, weight: 3}\n"
                              << "[resources[1].name: Duplicate value: \"memory\", resources[1].weight: Invalid value: 3: must be 1]";
    }
    void argsValidation() {
        QFETCH(QString, args);
        QFETCH(QString, error);
        FakeHandle handle;
        std::string got;
        QVERIFY(!make(args.toStdString(), handle, got));
        QCOMPARE(QString::fromStdString(got), error);
    }

    void argsDefaults() {
        NodeResourcesBalancedAllocationArgs a;
        std::string error;
        QVERIFY(NodeResourcesBalancedAllocationArgs::parse(nullptr, a, error));
        QCOMPARE(a.resources.size(), std::size_t{2});
        QCOMPARE(a.resources[0].name, std::string("cpu"));
        QCOMPARE(a.resources[1].name, std::string("memory"));
    }
};

KS_TEST_MAIN(TestPluginNodeResourcesBalancedAllocation)
#include "tst_plugin_node_resources_balanced_allocation.moc"
