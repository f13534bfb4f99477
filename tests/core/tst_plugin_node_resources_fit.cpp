// NodeResourcesFit: Filter reasons and InsufficientResource details, and the three scoring
// strategies, ported from upstream's fit_test.go, least_allocated_test.go,
// most_allocated_test.go and requested_to_capacity_ratio_test.go (v1.31), plus args validation.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/yaml_reader.h"
#include "core/scheduler/plugins/node_resources_fit/node_resources_fit.h"
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

// upstream newResourcePod(framework.Resource{MilliCPU, Memory, ScalarResources, EphemeralStorage})
Requests res(std::int64_t milliCPU, std::int64_t memory, std::vector<std::pair<std::string, std::int64_t>> scalars = {},
             std::int64_t ephemeral = 0) {
    Requests r = {{"cpu", std::to_string(milliCPU) + "m"}, {"memory", std::to_string(memory)}};
    if (ephemeral) r.push_back({"ephemeral-storage", std::to_string(ephemeral)});
    for (const auto& [name, v] : scalars) r.push_back({name, std::to_string(v)});
    return r;
}

PodBuilder podWith(std::vector<Requests> containers, std::vector<Requests> inits = {}) {
    PodBuilder b("p");
    for (const auto& c : containers) b.container(c);
    for (const auto& c : inits) b.initContainer(c);
    return b;
}

constexpr const char* kExtA = "example.com/aaa";
constexpr const char* kExtB = "example.com/bbb";
constexpr const char* kK8sA = "kubernetes.io/something";
constexpr const char* kK8sB = "subdomain.kubernetes.io/something";
constexpr const char* kHugeA = "hugepages-2Mi";

// makeAllocatableResources(milliCPU, memory, pods, extendedA, storage, hugePageA)
std::shared_ptr<const api::Node> fitNode(std::int64_t milliCPU, std::int64_t memory, std::int64_t pods,
                                         std::int64_t extA, std::int64_t storage, std::int64_t huge) {
    return makeNode("node")
        .capacity({{"cpu", std::to_string(milliCPU) + "m"},
                   {"memory", std::to_string(memory)},
                   {"pods", std::to_string(pods)},
                   {kExtA, std::to_string(extA)},
                   {"ephemeral-storage", std::to_string(storage)},
                   {kHugeA, std::to_string(huge)}})
        .ptr();
}

struct FilterCase {
    std::string name;
    api::Pod pod;
    api::Pod existing;
    std::string args;
    std::vector<InsufficientResource> insufficient;  // empty: fits
};

std::vector<FilterCase> enoughRequestsCases() {
    const std::string ins = "Insufficient ";
    auto one = [](std::vector<Requests> c, std::vector<Requests> i = {}) { return podWith(std::move(c), std::move(i)).obj(); };
    return {
        {"no resources requested always fits", PodBuilder("p").obj(), one({res(10, 20)}), "", {}},
        {"too many resources fails", one({res(1, 1)}), one({res(10, 20)}), "",
         {{"cpu", ins + "cpu", 1, 10, 10}, {"memory", ins + "memory", 1, 20, 20}}},
        {"too many resources fails due to init container cpu", one({res(1, 1)}, {res(3, 1)}), one({res(8, 19)}), "",
         {{"cpu", ins + "cpu", 3, 8, 10}}},
        {"too many resources fails due to highest init container cpu", one({res(1, 1)}, {res(3, 1), res(2, 1)}),
         one({res(8, 19)}), "", {{"cpu", ins + "cpu", 3, 8, 10}}},
        {"too many resources fails due to init container memory", one({res(1, 1)}, {res(1, 3)}), one({res(9, 19)}), "",
         {{"memory", ins + "memory", 3, 19, 20}}},
        {"too many resources fails due to highest init container memory", one({res(1, 1)}, {res(1, 3), res(1, 2)}),
         one({res(9, 19)}), "", {{"memory", ins + "memory", 3, 19, 20}}},
        {"init container fits because it's the max, not sum, of containers and init containers",
         one({res(1, 1)}, {res(1, 1)}), one({res(9, 19)}), "", {}},
        {"multiple init containers fit because it's the max, not sum, of containers and init containers",
         one({res(1, 1)}, {res(1, 1), res(1, 1)}), one({res(9, 19)}), "", {}},
        {"both resources fit", one({res(1, 1)}), one({res(5, 5)}), "", {}},
        {"one resource memory fits", one({res(2, 1)}), one({res(9, 5)}), "", {{"cpu", ins + "cpu", 2, 9, 10}}},
        {"one resource cpu fits", one({res(1, 2)}), one({res(5, 19)}), "", {{"memory", ins + "memory", 2, 19, 20}}},
        {"equal edge case", one({res(5, 1)}), one({res(5, 19)}), "", {}},
        {"equal edge case for init container", one({res(4, 1)}, {res(5, 1)}), one({res(5, 19)}), "", {}},
        {"extended resource fits", one({res(0, 0, {{kExtA, 1}})}), one({res(0, 0)}), "", {}},
        {"extended resource fits for init container", one({res(0, 0)}, {res(0, 0, {{kExtA, 1}})}), one({res(0, 0)}), "",
         {}},
        {"extended resource capacity enforced", one({res(1, 1, {{kExtA, 10}})}), one({res(0, 0, {{kExtA, 0}})}), "",
         {{kExtA, ins + kExtA, 10, 0, 5}}},
        {"extended resource capacity enforced for init container", one({res(0, 0)}, {res(1, 1, {{kExtA, 10}})}),
         one({res(0, 0, {{kExtA, 0}})}), "", {{kExtA, ins + kExtA, 10, 0, 5}}},
        {"extended resource allocatable enforced", one({res(1, 1, {{kExtA, 1}})}), one({res(0, 0, {{kExtA, 5}})}), "",
         {{kExtA, ins + kExtA, 1, 5, 5}}},
        {"extended resource allocatable enforced for multiple containers",
         one({res(1, 1, {{kExtA, 3}}), res(1, 1, {{kExtA, 3}})}), one({res(0, 0, {{kExtA, 2}})}), "",
         {{kExtA, ins + kExtA, 6, 2, 5}}},
        {"extended resource allocatable admits multiple init containers",
         one({res(0, 0)}, {res(1, 1, {{kExtA, 3}}), res(1, 1, {{kExtA, 3}})}), one({res(0, 0, {{kExtA, 2}})}), "", {}},
        {"extended resource allocatable enforced for multiple init containers",
         one({res(0, 0)}, {res(1, 1, {{kExtA, 6}}), res(1, 1, {{kExtA, 3}})}), one({res(0, 0, {{kExtA, 2}})}), "",
         {{kExtA, ins + kExtA, 6, 2, 5}}},
        {"extended resource allocatable enforced for unknown resource", one({res(1, 1, {{kExtB, 1}})}), one({res(0, 0)}),
         "", {{kExtB, ins + kExtB, 1, 0, 0}}},
        {"kubernetes.io resource capacity enforced", one({res(1, 1, {{kK8sA, 10}})}), one({res(0, 0)}), "",
         {{kK8sA, ins + kK8sA, 10, 0, 0}}},
        {"kubernetes.io resource capacity enforced for init container", one({res(0, 0)}, {res(1, 1, {{kK8sB, 10}})}),
         one({res(0, 0)}), "", {{kK8sB, ins + kK8sB, 10, 0, 0}}},
        {"hugepages resource capacity enforced", one({res(1, 1, {{kHugeA, 10}})}), one({res(0, 0, {{kHugeA, 0}})}), "",
         {{kHugeA, ins + kHugeA, 10, 0, 5}}},
        {"hugepages resource allocatable enforced for multiple containers",
         one({res(1, 1, {{kHugeA, 3}}), res(1, 1, {{kHugeA, 3}})}), one({res(0, 0, {{kHugeA, 2}})}), "",
         {{kHugeA, ins + kHugeA, 6, 2, 5}}},
        {"skip checking ignored extended resource", one({res(1, 1, {{kExtB, 1}})}), one({res(0, 0)}),
         "ignoredResources: [example.com/bbb]\n", {}},
        {"resources + pod overhead fits", podWith({res(1, 1)}).overhead({{"cpu", "3m"}, {"memory", "13"}}).obj(),
         one({res(5, 5)}), "", {}},
        {"requests + overhead does not fit for memory",
         podWith({res(1, 1)}).overhead({{"cpu", "1m"}, {"memory", "15"}}).obj(), one({res(5, 5)}), "",
         {{"memory", ins + "memory", 16, 5, 20}}},
        {"skip checking ignored extended resource via resource groups", one({res(1, 1, {{kExtB, 1}, {kK8sA, 1}})}),
         one({res(0, 0)}), "ignoredResourceGroups: [example.com]\n", {{kK8sA, ins + kK8sA, 1, 0, 0}}},
        {"skip checking extended resource request with quantity zero via resource groups",
         one({res(1, 1, {{kExtA, 0}})}), one({res(0, 0, {{kExtA, 6}})}), "", {}},
        {"storage ephemeral local storage request exceeds allocatable", one({res(0, 0, {}, 25)}), one({res(2, 2)}), "",
         {{"ephemeral-storage", ins + "ephemeral-storage", 25, 0, 20}}},
        {"ephemeral storage fits", one({res(0, 0, {}, 10)}), one({res(2, 2)}), "", {}},
        // Sidecars (restartable init containers) run alongside the containers: their requests add up.
        {"sidecar requests add to the containers", podWith({res(3, 1)}).sidecar(res(4, 1)).obj(), one({res(5, 5)}), "",
         {{"cpu", ins + "cpu", 7, 5, 10}}},
        {"init container after a sidecar needs room next to it", podWith({res(1, 1)}).sidecar(res(2, 1)).initContainer(res(6, 1)).obj(),
         one({res(3, 3)}), "", {{"cpu", ins + "cpu", 8, 3, 10}}},
    };
}

// The FakeHandle with one node and the pods on it.
struct Cluster {
    FakeHandle handle;
    Cluster(std::vector<std::shared_ptr<const api::Node>> nodes, std::vector<api::Pod> existing) {
        std::vector<std::shared_ptr<const api::Pod>> pods;
        for (auto& p : existing) pods.push_back(std::make_shared<const api::Pod>(std::move(p)));
        handle.setCluster(nodes, pods);
    }
};

std::unique_ptr<NodeResourcesFit> makeFit(const std::string& args, Handle& handle) {
    std::string error;
    api::Value v = yamlArgs(args);
    auto p = newNodeResourcesFit(v.isNull() ? nullptr : &v, handle, error);
    if (!p) qWarning("args error: %s", error.c_str());
    return std::unique_ptr<NodeResourcesFit>(dynamic_cast<NodeResourcesFit*>(p.release()));
}

// One scoring table row: nodes, pods already bound, the pod, args, expected scores.
struct ScoreCase {
    std::string name;
    std::vector<std::shared_ptr<const api::Node>> nodes;
    std::vector<api::Pod> existing;
    api::Pod pod;
    std::string args;
    std::vector<std::int64_t> scores;
    bool runPreScore = true;
};

std::shared_ptr<const api::Node> capNode(const std::string& name, Requests cap) {
    return makeNode(name).capacity(cap).ptr();
}

PodBuilder reqPod(const std::string& name, std::vector<Requests> containers, const std::string& node = {}) {
    PodBuilder b(name);
    if (!node.empty()) b.node(node);
    for (const auto& c : containers) b.container(c);
    return b;
}

const std::string kLeast = "scoringStrategy:\n  type: LeastAllocated\n";
const std::string kMost = "scoringStrategy:\n  type: MostAllocated\n";
const std::string kExtendedSet = "  resources:\n  - {name: cpu, weight: 1}\n  - {name: memory, weight: 1}\n"
                                 "  - {name: abc.com/xyz, weight: 1}\n";
std::string rtcr(const std::string& shape, const std::string& resources = {}) {
    return "scoringStrategy:\n  type: RequestedToCapacityRatio\n" + resources +
           "  requestedToCapacityRatio:\n    shape: " + shape + "\n";
}

std::vector<ScoreCase> scoreCases() {
    auto n4 = [] { return std::vector{capNode("node1", {{"cpu", "4000"}, {"memory", "10000"}}),
                                      capNode("node2", {{"cpu", "6000"}, {"memory", "10000"}})}; };
    auto n10 = [](const std::string& mem2) {
        return std::vector{capNode("node1", {{"cpu", "10000"}, {"memory", "20000"}}),
                           capNode("node2", {{"cpu", "10000"}, {"memory", mem2}})};
    };
    const Requests c1 = {{"cpu", "1000"}, {"memory", "2000"}}, c2 = {{"cpu", "2000"}, {"memory", "3000"}};
    const api::Pod twoContainers = reqPod("p", {c1, c2}).obj();
    const std::vector<api::Pod> existingPair = {reqPod("e1", {{{"cpu", "3000"}, {"memory", "0"}}}, "node1").obj(),
                                                reqPod("e2", {{{"cpu", "3000"}, {"memory", "5000"}}}, "node2").obj()};
    const std::vector<api::Pod> fitScoreExisting = {reqPod("e1", {{{"cpu", "2000"}, {"memory", "4000"}}}, "node1").obj(),
                                                    reqPod("e2", {{{"cpu", "1000"}, {"memory", "2000"}}}, "node2").obj()};
    const auto extNodes = [] {
        return std::vector{capNode("node1", {{"cpu", "6000"}, {"memory", "10000"}}),
                           capNode("node2", {{"cpu", "6000"}, {"memory", "10000"}, {"abc.com/xyz", "4"}})};
    };
    const auto extNodes410 = [] {
        return std::vector{capNode("node1", {{"cpu", "6000"}, {"memory", "10000"}, {"abc.com/xyz", "4"}}),
                           capNode("node2", {{"cpu", "6000"}, {"memory", "10000"}, {"abc.com/xyz", "10"}})};
    };
    const api::Pod extPod = reqPod("p", {{{"cpu", "3000"}, {"memory", "5000"}, {"abc.com/xyz", "2"}}}).obj();
    const api::Pod sidecarExisting = reqPod("e1", {c1}, "node1").sidecar(c1).obj();
    return {
        // fit_test.go TestFitScore
        {"fit RequestedToCapacityRatio case1", n4(), fitScoreExisting, reqPod("p", {{{"cpu", "3000"}, {"memory", "5000"}}}).obj(),
         rtcr("[{utilization: 0, score: 10}, {utilization: 100, score: 0}]"), {10, 32}},
        {"fit RequestedToCapacityRatio case2", n4(), fitScoreExisting, reqPod("p", {{{"cpu", "3000"}, {"memory", "5000"}}}).obj(),
         rtcr("[{utilization: 0, score: 0}, {utilization: 100, score: 10}]"), {95, 68}},
        {"fit MostAllocated", n4(), fitScoreExisting, reqPod("p", {c1}).obj(), kMost, {67, 36}},
        {"fit LeastAllocated", n4(), fitScoreExisting, reqPod("p", {c1}).obj(), kLeast, {32, 63}},
        {"fit RequestedToCapacityRatio case1 if PreScore is not called", n4(), fitScoreExisting,
         reqPod("p", {{{"cpu", "3000"}, {"memory", "5000"}}}).obj(),
         rtcr("[{utilization: 0, score: 10}, {utilization: 100, score: 0}]"), {10, 32}, false},
        {"fit MostAllocated if PreScore is not called", n4(), fitScoreExisting, reqPod("p", {c1}).obj(), kMost, {67, 36}, false},
        {"fit LeastAllocated if PreScore is not called", n4(), fitScoreExisting, reqPod("p", {c1}).obj(), kLeast, {32, 63}, false},
        {"fit MostAllocated with sidecar container",
         {capNode("node1", {{"cpu", "4000"}, {"memory", "10000"}}), capNode("node2", {{"cpu", "4000"}, {"memory", "10000"}})},
         {sidecarExisting, reqPod("e2", {c1}, "node2").obj()}, reqPod("p", {c1}).obj(), kMost, {67, 45}},
        {"fit LeastAllocated with sidecar container",
         {capNode("node1", {{"cpu", "4000"}, {"memory", "10000"}}), capNode("node2", {{"cpu", "4000"}, {"memory", "10000"}})},
         {sidecarExisting, reqPod("e2", {c1}, "node2").obj()}, reqPod("p", {c1}).obj(), kLeast, {32, 55}},
        // least_allocated_test.go
        {"least: nothing scheduled, nothing requested",
         {capNode("node1", {{"cpu", "4000"}, {"memory", "10000"}}), capNode("node2", {{"cpu", "4000"}, {"memory", "10000"}})},
         {}, PodBuilder("p").obj(), kLeast, {100, 100}},
        {"least: nothing scheduled, resources requested, differently sized nodes", n4(), {}, twoContainers, kLeast, {37, 50}},
        {"least: no resources requested, pods scheduled with resources", n10("20000"),
         {reqPod("e1", {{{"cpu", "3000"}, {"memory", "0"}}}, "node1").obj(),
          reqPod("e2", {{{"cpu", "3000"}, {"memory", "0"}}}, "node1").obj(),
          reqPod("e3", {{{"cpu", "3000"}, {"memory", "0"}}}, "node2").obj(),
          reqPod("e4", {{{"cpu", "3000"}, {"memory", "5000"}}}, "node2").obj()},
         PodBuilder("p").obj(), kLeast, {70, 57}},
        {"least: resources requested, pods scheduled with resources", n10("20000"), existingPair, twoContainers, kLeast, {57, 45}},
        {"least: resources requested, differently sized nodes", n10("50000"), existingPair, twoContainers, kLeast, {57, 60}},
        {"least: requested resources exceed node capacity",
         {capNode("node1", {{"cpu", "4000"}, {"memory", "10000"}}), capNode("node2", {{"cpu", "4000"}, {"memory", "10000"}})},
         existingPair, reqPod("p", {{{"cpu", "3000"}, {"memory", "0"}}}).obj(), kLeast, {50, 25}},
        {"least: zero node resources", {capNode("node1", {}), capNode("node2", {})}, existingPair, PodBuilder("p").obj(),
         kLeast, {0, 0}},
        {"least: different weight on CPU and memory", n4(), {}, twoContainers,
         kLeast + "  resources:\n  - {name: memory, weight: 2}\n  - {name: cpu, weight: 1}\n", {41, 50}},
        {"least: bypass extended resource if the pod does not request", extNodes(), {}, twoContainers, kLeast + kExtendedSet,
         {50, 50}},
        {"least: honor extended resource if the pod requests", extNodes410(), {}, extPod, kLeast + kExtendedSet, {50, 60}},
        {"least: if the node doesn't have a resource", extNodes(), {}, reqPod("p", {{{"cpu", "3000"}, {"memory", "4000"}}}).obj(),
         kLeast + "  resources:\n  - {name: abc.com/xyz, weight: 2}\n  - {name: cpu, weight: 1}\n  - {name: memory, weight: 1}\n",
         {55, 55}},
        // most_allocated_test.go
        {"most: nothing scheduled, nothing requested",
         {capNode("node1", {{"cpu", "4000"}, {"memory", "10000"}}), capNode("node2", {{"cpu", "4000"}, {"memory", "10000"}})},
         {}, PodBuilder("p").obj(), kMost, {0, 0}},
        {"most: nothing scheduled, resources requested, differently sized nodes", n4(), {}, twoContainers, kMost, {62, 50}},
        {"most: no resources requested, pods scheduled with resources", n10("20000"),
         {reqPod("e1", {{{"cpu", "3000"}, {"memory", "0"}}}, "node1").obj(),
          reqPod("e2", {{{"cpu", "3000"}, {"memory", "0"}}}, "node1").obj(),
          reqPod("e3", {{{"cpu", "3000"}, {"memory", "0"}}}, "node2").obj(),
          reqPod("e4", {{{"cpu", "3000"}, {"memory", "5000"}}}, "node2").obj()},
         PodBuilder("p").obj(), kMost, {30, 42}},
        {"most: resources requested, pods scheduled with resources", n10("20000"), existingPair, twoContainers, kMost, {42, 55}},
        {"most: resources requested equal node capacity",
         {capNode("node1", {{"cpu", "5000"}, {"memory", "10000"}}), capNode("node2", {{"cpu", "10000"}, {"memory", "9000"}})},
         {}, reqPod("p", {{{"cpu", "2000"}, {"memory", "4000"}}, {{"cpu", "3000"}, {"memory", "5000"}}}).obj(), kMost, {95, 75}},
        {"most: different weight on CPU and memory", n4(), {}, twoContainers,
         kMost + "  resources:\n  - {name: memory, weight: 2}\n  - {name: cpu, weight: 1}\n", {58, 50}},
        {"most: nonzero request for resource",
         {capNode("node1", {{"cpu", "250m"}, {"memory", "1000Mi"}}), capNode("node2", {{"cpu", "250m"}, {"memory", "1000Mi"}})},
         {PodBuilder("e1").node("node1").container().obj(), PodBuilder("e2").node("node1").container().obj()},
         PodBuilder("p").container().obj(), kMost, {80, 30}},
        {"most: bypass extended resource if the pod does not request", extNodes(), {}, twoContainers, kMost + kExtendedSet,
         {50, 50}},
        {"most: honor extended resource if the pod request", extNodes410(), {}, extPod, kMost + kExtendedSet, {50, 40}},
        {"most: if the node doesn't have a resource", extNodes(), {}, reqPod("p", {{{"cpu", "3000"}, {"memory", "4000"}}}).obj(),
         kMost + "  resources:\n  - {name: abc.com/xyz, weight: 2}\n  - {name: cpu, weight: 1}\n  - {name: memory, weight: 1}\n",
         {45, 45}},
        // requested_to_capacity_ratio_test.go
        {"rtcr: nothing scheduled, nothing requested",
         {capNode("node1", {{"cpu", "4000"}, {"memory", "10000"}}), capNode("node2", {{"cpu", "4000"}, {"memory", "10000"}})},
         {PodBuilder("e1").node("node1").obj(), PodBuilder("e2").node("node1").obj()}, PodBuilder("p").obj(),
         rtcr("[{utilization: 0, score: 10}, {utilization: 100, score: 0}]"), {100, 100}},
        {"rtcr: nothing scheduled, resources requested, differently sized nodes", n4(),
         {PodBuilder("e1").node("node1").obj(), PodBuilder("e2").node("node1").obj()}, twoContainers,
         rtcr("[{utilization: 0, score: 10}, {utilization: 100, score: 0}]"), {38, 50}},
        {"rtcr: no resources requested, pods scheduled with resources", n4(),
         {reqPod("e1", {{{"cpu", "3000"}, {"memory", "5000"}}}, "node1").obj(),
          reqPod("e2", {{{"cpu", "3000"}, {"memory", "5000"}}}, "node2").obj()},
         PodBuilder("p").obj(), rtcr("[{utilization: 0, score: 10}, {utilization: 100, score: 0}]"), {38, 50}},
    };
}

// TestResourceBinPackingSingleExtended / MultipleExtended: makeNode(name, 4000m, 10000Mi, extended).
std::shared_ptr<const api::Node> binNode(const std::string& name, Requests extended) {
    Requests cap = {{"cpu", "4000m"}, {"memory", std::to_string(10000LL * 1024 * 1024)}};
    cap.insert(cap.end(), extended.begin(), extended.end());
    return capNode(name, cap);
}

std::vector<ScoreCase> binPackingCases() {
    const std::string single = rtcr("[{utilization: 0, score: 0}, {utilization: 100, score: 1}]",
                                    "  resources:\n  - {name: intel.com/foo, weight: 1}\n");
    const std::string multiple = rtcr("[{utilization: 0, score: 0}, {utilization: 100, score: 1}]",
                                      "  resources:\n  - {name: intel.com/foo, weight: 3}\n  - {name: intel.com/bar, weight: 5}\n");
    auto singleNodes = [] { return std::vector{binNode("node1", {{"intel.com/foo", "8"}}), binNode("node2", {{"intel.com/foo", "4"}})}; };
    auto multiNodes = [] {
        return std::vector{binNode("node1", {{"intel.com/foo", "8"}, {"intel.com/bar", "4"}}),
                           binNode("node2", {{"intel.com/foo", "4"}, {"intel.com/bar", "8"}})};
    };
    return {
        {"single: nothing scheduled, nothing requested", singleNodes(), {}, PodBuilder("p").obj(), single, {0, 0}, false},
        {"single: resources requested, pods scheduled with less resources", singleNodes(), {},
         reqPod("p", {{{"intel.com/foo", "2"}}}).obj(), single, {2, 5}, false},
        {"single: on node with existing pod running", singleNodes(),
         {reqPod("e", {{{"intel.com/foo", "2"}}}, "node2").obj()}, reqPod("p", {{{"intel.com/foo", "2"}}}).obj(), single,
         {2, 10}, false},
        {"single: pods scheduled with more resources", singleNodes(), {}, reqPod("p", {{{"intel.com/foo", "4"}}}).obj(),
         single, {5, 10}, false},
        {"multiple: nothing scheduled, nothing requested", multiNodes(), {}, PodBuilder("p").obj(), multiple, {0, 0}, false},
        {"multiple: resources requested, pods scheduled with less resources", multiNodes(), {},
         reqPod("p", {{{"intel.com/foo", "2"}, {"intel.com/bar", "2"}}}).obj(), multiple, {4, 3}, false},
    };
}

}  // namespace

class TestPluginNodeResourcesFit : public QObject {
    Q_OBJECT
private slots:
    void filterEnoughRequests_data() {
        QTest::addColumn<int>("row");
        const auto cases = enoughRequestsCases();
        for (std::size_t i = 0; i < cases.size(); ++i) QTest::newRow(cases[i].name.c_str()) << static_cast<int>(i);
    }
    void filterEnoughRequests() {
        QFETCH(int, row);
        const FilterCase c = enoughRequestsCases()[row];
        api::Pod existing = c.existing;
        existing.metadata.name = "existing";
        existing.spec.nodeName = "node";
        Cluster cluster({fitNode(10, 20, 32, 5, 20, 5)}, {existing});
        auto fit = makeFit(c.args, cluster.handle);
        QVERIFY(fit);
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(c.pod));
        CycleState state;
        PreFilterResult result;
        QVERIFY(fit->preFilter(state, *pod, result).isSuccess());
        const NodeInfo& node = *cluster.handle.snapshot().get("node");
        Status s = fit->filter(state, *pod, node);

        std::vector<std::string> wantReasons;
        for (const auto& r : c.insufficient) wantReasons.push_back(r.reason);
        if (wantReasons.empty()) {
            QVERIFY2(s.isSuccess(), s.message().c_str());
        } else {
            QCOMPARE(s.code(), Code::Unschedulable);
            QCOMPARE(s.reasons(), wantReasons);
        }
        std::set<std::string> ignored, groups;
        if (c.args.find("ignoredResources") != std::string::npos) ignored = {kExtB};
        if (c.args.find("ignoredResourceGroups") != std::string::npos) groups = {"example.com"};
        QVERIFY(fitsRequest(pod->requests, node, ignored, groups) == c.insufficient);
    }

    // TestNotEnoughRequests: a node with room for one pod.
    void filterTooManyPods_data() {
        QTest::addColumn<int>("row");
        QTest::newRow("even without specified resources predicate fails when there's no space for additional pod") << 0;
        QTest::newRow("even if both resources fit predicate fails when there's no space for additional pod") << 1;
        QTest::newRow("even for equal edge case predicate fails when there's no space for additional pod") << 2;
        QTest::newRow("even for equal edge case predicate fails when there's no space for additional pod due to init container") << 3;
    }
    void filterTooManyPods() {
        QFETCH(int, row);
        const std::vector<std::pair<api::Pod, api::Pod>> cases = {
            {PodBuilder("p").obj(), podWith({res(10, 20)}).obj()},
            {podWith({res(1, 1)}).obj(), podWith({res(5, 5)}).obj()},
            {podWith({res(5, 1)}).obj(), podWith({res(5, 19)}).obj()},
            {podWith({res(5, 1)}, {res(5, 1)}).obj(), podWith({res(5, 19)}).obj()},
        };
        api::Pod existing = cases[row].second;
        existing.metadata.name = "existing";
        existing.spec.nodeName = "node";
        Cluster cluster({fitNode(10, 20, 1, 0, 0, 0)}, {existing});
        auto fit = makeFit("", cluster.handle);
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(cases[row].first));
        CycleState state;
        PreFilterResult result;
        QVERIFY(fit->preFilter(state, *pod, result).isSuccess());
        Status s = fit->filter(state, *pod, *cluster.handle.snapshot().get("node"));
        QCOMPARE(s.code(), Code::Unschedulable);
        QCOMPARE(s.reasons(), std::vector<std::string>{"Too many pods"});
    }

    void filterWithoutPreFilterIsAnError() {
        Cluster cluster({fitNode(10, 20, 32, 0, 0, 0)}, {});
        auto fit = makeFit("", cluster.handle);
        auto pod = PodInfo::make(PodBuilder("p").ptr());
        CycleState state;
        Status s = fit->filter(state, *pod, *cluster.handle.snapshot().get("node"));
        QCOMPARE(s.code(), Code::Error);
        QCOMPARE(s.message(), std::string(R"(error reading "PreFilterNodeResourcesFit" from cycleState: not found)"));
    }

    void score_data() {
        QTest::addColumn<int>("row");
        QTest::addColumn<bool>("binPacking");
        const auto cases = scoreCases();
        for (std::size_t i = 0; i < cases.size(); ++i) QTest::newRow(cases[i].name.c_str()) << static_cast<int>(i) << false;
        const auto bin = binPackingCases();
        for (std::size_t i = 0; i < bin.size(); ++i) QTest::newRow(bin[i].name.c_str()) << static_cast<int>(i) << true;
    }
    void score() {
        QFETCH(int, row);
        QFETCH(bool, binPacking);
        const ScoreCase c = binPacking ? binPackingCases()[row] : scoreCases()[row];
        Cluster cluster(c.nodes, c.existing);
        auto fit = makeFit(c.args, cluster.handle);
        QVERIFY(fit);
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(c.pod));
        CycleState state;
        std::vector<std::int64_t> got;
        for (const auto& n : c.nodes) {
            if (c.runPreScore)
                QVERIFY(fit->preScore(state, *pod, nodeInfos(cluster.handle.snapshot(), {"node1", "node2"})).isSuccess());
            std::int64_t score = -1;
            QVERIFY(fit->score(state, *pod, *cluster.handle.snapshot().get(n->metadata.name), score).isSuccess());
            got.push_back(score);
        }
        QCOMPARE(got, c.scores);
    }

    // The worked numbers of the reference: 4 CPU / 8Gi, 1000m / 2Gi used, pod 500m / 1Gi -> 62;
    // an empty node and a request-less pod -> 97 (the 100m / 200Mi defaults count).
    void leastAllocatedWorkedNumbers() {
        Cluster cluster({capNode("n", {{"cpu", "4"}, {"memory", "8Gi"}, {"pods", "110"}})},
                        {reqPod("e", {{{"cpu", "1000m"}, {"memory", "2Gi"}}}, "n").obj()});
        auto fit = makeFit("", cluster.handle);
        CycleState state;
        auto pod = PodInfo::make(reqPod("p", {{{"cpu", "500m"}, {"memory", "1Gi"}}}).ptr());
        std::int64_t score = 0;
        QVERIFY(fit->score(state, *pod, *cluster.handle.snapshot().get("n"), score).isSuccess());
        QCOMPARE(score, std::int64_t{62});

        Cluster empty({capNode("n", {{"cpu", "4"}, {"memory", "8Gi"}, {"pods", "110"}})}, {});
        auto fit2 = makeFit("", empty.handle);
        auto bare = PodInfo::make(PodBuilder("p").container().ptr());
        QVERIFY(fit2->score(state, *bare, *empty.handle.snapshot().get("n"), score).isSuccess());
        QCOMPARE(score, std::int64_t{97});
    }

    void brokenLinearFunction_data() {
        QTest::addColumn<int>("shape");
        QTest::addColumn<qint64>("p");
        QTest::addColumn<qint64>("expected");
        const std::vector<std::vector<std::pair<qint64, qint64>>> assertions = {
            {{-10, 1}, {0, 1}, {9, 1}, {10, 1}, {15, 1}, {19, 1}, {20, 2}, {89, 8}, {90, 9}, {99, 9}, {100, 9}, {110, 9}},
            {{-10, 2}, {0, 2}, {20, 6}, {30, 8}, {40, 10}, {70, 5}, {100, 0}, {110, 0}},
            {{-10, 2}, {0, 2}, {20, 2}, {30, 2}, {40, 2}, {70, 2}, {100, 2}, {110, 2}},
        };
        for (int s = 0; s < 3; ++s)
            for (const auto& [p, e] : assertions[s])
                QTest::newRow(("shape" + std::to_string(s) + " p=" + std::to_string(p)).c_str()) << s << p << e;
    }
    void brokenLinearFunction() {
        QFETCH(int, shape);
        QFETCH(qint64, p);
        QFETCH(qint64, expected);
        const std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> shapes = {
            {{10, 1}, {90, 9}}, {{0, 2}, {40, 10}, {100, 0}}, {{0, 2}, {40, 2}, {100, 2}}};
        QCOMPARE(static_cast<qint64>(brokenLinear(shapes[shape], p)), expected);
    }

    void argsValidation_data() {
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("negative weight") << "scoringStrategy:\n  type: LeastAllocated\n  resources:\n  - {name: memory, weight: -1}\n  - {name: cpu, weight: 1}\n"
                                         << "scoringStrategy.resources[0].weight: Invalid value: -1: resource weight of memory not in valid range (0, 100]";
        QTest::newRow("weight larger than MaxNodeScore") << "scoringStrategy:\n  type: MostAllocated\n  resources:\n  - {name: memory, weight: 1}\n  - {name: cpu, weight: 101}\n"
                                                         << "scoringStrategy.resources[1].weight: Invalid value: 101: resource weight of cpu not in valid range (0, 100]";
        QTest::newRow("unknown strategy") << "scoringStrategy:\n  type: Random\n"
                                          << "scoringStrategy.type: Unsupported value: \"Random\": supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\"";
        QTest::newRow("resource group with slash") << "ignoredResourceGroups: [example.com/aaa]\n"
                                                   << "ignoredResourceGroups[0]: Invalid value: \"example.com/aaa\": resource group name can't contain '/'";
        QTest::newRow("empty shape") << QString::fromStdString(rtcr("[]"))
                                     << "scoringStrategy.shape: Required value: at least one point must be specified";
        QTest::newRow("shape out of range and unsorted")
            << QString::fromStdString(rtcr("[{utilization: 50, score: 11}, {utilization: 10, score: 5}]"))
            << "[scoringStrategy.shape[1].utilization: Invalid value: 10: utilization values must be sorted in increasing order, "
               "scoringStrategy.shape[0].score: Invalid value: 11: not in valid range [0, 10]]";
        QTest::newRow("RequestedToCapacityRatio without shape") << "scoringStrategy:\n  type: RequestedToCapacityRatio\n"
                                                                << "scoringStrategy.requestedToCapacityRatio: Required value: must be specified when type is RequestedToCapacityRatio";
    }
    void argsValidation() {
        QFETCH(QString, args);
        QFETCH(QString, error);
        FakeHandle handle;
        api::Value v = yamlArgs(args.toStdString());
        std::string got;
        QVERIFY(!newNodeResourcesFit(&v, handle, got));
        QCOMPARE(QString::fromStdString(got), error);
    }

    void argsDefaults() {
        NodeResourcesFitArgs a;
        std::string error;
        QVERIFY(NodeResourcesFitArgs::parse(nullptr, a, error));
        QCOMPARE(a.scoringStrategyType, std::string("LeastAllocated"));
        QCOMPARE(a.resources.size(), std::size_t{2});
        QCOMPARE(a.resources[0].name, std::string("cpu"));
        QCOMPARE(a.resources[1].weight, std::int64_t{1});
        // SetDefaults turns weight 0 into 1 before validation (so a config with weight 0 loads).
        api::Value v = yamlArgs("scoringStrategy:\n  type: MostAllocated\n  resources:\n  - {name: cpu, weight: 0}\n");
        QVERIFY(NodeResourcesFitArgs::parse(&v, a, error));
        QCOMPARE(a.scoringStrategyType, std::string("MostAllocated"));
        QCOMPARE(a.resources.size(), std::size_t{1});
        QCOMPARE(a.resources[0].weight, std::int64_t{1});
    }
};

KS_TEST_MAIN(TestPluginNodeResourcesFit)
#include "tst_plugin_node_resources_fit.moc"
