// PodTopologySpread: rows ported from upstream's podtopologyspread/filtering_test.go
// (TestSingleConstraint, TestMultipleConstraints, minDomains, node inclusion policies,
// matchLabelKeys) and scoring_test.go (TestPodTopologySpreadScore), plus the system default
// constraints, the PreFilter extensions and the args validation.
#include "ks_test_main.h"
#include <QtTest>

#include <map>

#include "core/api/yaml_reader.h"
#include "core/scheduler/plugins/pod_topology_spread/pod_topology_spread.h"
#include "sched_fake_handle.h"
#include "sched_test_builders.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::testing;
using plugins::PodTopologySpread;
using plugins::PodTopologySpreadArgs;

namespace {

using Pods = std::vector<std::shared_ptr<const api::Pod>>;
using Nodes = std::vector<std::shared_ptr<const api::Node>>;

const auto kSkip = Code::Skip;
const auto S = Code::Success;
const auto U = Code::Unschedulable;
const auto UU = Code::UnschedulableAndUnresolvable;

const api::LabelSelector kFoo = exists("foo");
const api::LabelSelector kBar = exists("bar");

// node-a, node-b in zone1; node-x, node-y in zone2; each labelled node=<name>.
Nodes fourNodes() {
    return {makeNode("node-a").label("zone", "zone1").label("node", "node-a"),
            makeNode("node-b").label("zone", "zone1").label("node", "node-b"),
            makeNode("node-x").label("zone", "zone2").label("node", "node-x"),
            makeNode("node-y").label("zone", "zone2").label("node", "node-y")};
}

std::shared_ptr<const api::Pod> fooPod(const std::string& name, const std::string& node) {
    return makePod(name).node(node).label("foo", "");
}

// Matching pods spread 2/1/0/3 over node-a/b/x/y.
Pods spread2103() {
    return {fooPod("p-a1", "node-a"), fooPod("p-a2", "node-a"), fooPod("p-b1", "node-b"),
            fooPod("p-y1", "node-y"), fooPod("p-y2", "node-y"), fooPod("p-y3", "node-y")};
}

std::unique_ptr<PodTopologySpread> makePlugin(FakeHandle& handle, const api::Value* args = nullptr) {
    std::string error;
    auto plugin = plugins::newPodTopologySpread(args, handle, error);
    if (!plugin) qFatal("newPodTopologySpread: %s", error.c_str());
    return std::unique_ptr<PodTopologySpread>(dynamic_cast<PodTopologySpread*>(plugin.release()));
}

api::Value yaml(const std::string& text) {
    auto r = api::readYaml(text, "args.yaml");
    if (!r.ok() || r.documents.empty()) qFatal("bad yaml in test");
    return r.documents.front();
}

struct FilterRow {
    const char* name;
    api::Pod pod;
    Nodes nodes;
    Pods existing;
    std::map<std::string, Code> want;
};

std::vector<FilterRow> filterRows() {
    std::vector<FilterRow> rows;
    rows.push_back({"no existing pods",
                    makePod("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", kFoo).obj(),
                    fourNodes(), {}, {{"node-a", S}, {"node-b", S}, {"node-x", S}, {"node-y", S}}});
    rows.push_back({"no existing pods, incoming pod doesn't match itself",
                    makePod("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", kBar).obj(),
                    fourNodes(), {}, {{"node-a", S}, {"node-b", S}, {"node-x", S}, {"node-y", S}}});
    rows.push_back({"existing pods in a different namespace do not count",
                    makePod("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", kFoo).obj(),
                    fourNodes(),
                    {makePod("p-a1", "ns1").node("node-a").label("foo", ""),
                     makePod("p-b1", "ns2").node("node-a").label("foo", ""), fooPod("p-x1", "node-x"),
                     fooPod("p-y1", "node-y")},
                    {{"node-a", S}, {"node-b", S}, {"node-x", U}, {"node-y", U}}});
    rows.push_back({"pods spread across zones as 3/3, all nodes fit",
                    makePod("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", kFoo).obj(),
                    fourNodes(), spread2103(), {{"node-a", S}, {"node-b", S}, {"node-x", S}, {"node-y", S}}});
    rows.push_back({"pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
                    makePod("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", kFoo).obj(),
                    {makeNode("node-a").label("zone", "zone1").label("node", "node-a"),
                     makeNode("node-b").label("zon", "zone1").label("node", "node-b"),
                     makeNode("node-x").label("zone", "zone2").label("node", "node-x"),
                     makeNode("node-y").label("zone", "zone2").label("node", "node-y")},
                    {fooPod("p-a1", "node-a"), fooPod("p-b1", "node-b"), fooPod("p-x1", "node-x"),
                     fooPod("p-y1", "node-y")},
                    {{"node-a", S}, {"node-b", UU}, {"node-x", U}, {"node-y", U}}});
    rows.push_back({"pod cannot be scheduled as all nodes don't have label 'rack'",
                    makePod("p").label("foo", "").spreadConstraint(1, "rack", "DoNotSchedule", kFoo).obj(),
                    {makeNode("node-a").label("zone", "zone1").label("node", "node-a"),
                     makeNode("node-x").label("zone", "zone2").label("node", "node-x")},
                    {}, {{"node-a", UU}, {"node-x", UU}}});
    rows.push_back({"pods spread across nodes as 2/1/0/3, only node-x fits",
                    makePod("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", kFoo).obj(),
                    fourNodes(), spread2103(), {{"node-a", U}, {"node-b", U}, {"node-x", S}, {"node-y", U}}});
    rows.push_back({"pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit",
                    makePod("p").label("foo", "").spreadConstraint(2, "node", "DoNotSchedule", kFoo).obj(),
                    fourNodes(), spread2103(), {{"node-a", U}, {"node-b", S}, {"node-x", S}, {"node-y", U}}});
    rows.push_back({"pods spread across nodes as 2/1/0/3, but pod doesn't match itself",
                    makePod("p").label("bar", "").spreadConstraint(1, "node", "DoNotSchedule", kFoo).obj(),
                    fourNodes(), spread2103(), {{"node-a", U}, {"node-b", S}, {"node-x", S}, {"node-y", U}}});
    // Only node-a and node-y count (2/~1~/~0~/3): node-a fits. NodeAffinity itself is not run here.
    rows.push_back({"incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits",
                    makePod("p").label("foo", "").nodeAffinityIn("node", {"node-a", "node-y"})
                        .spreadConstraint(1, "node", "DoNotSchedule", kFoo).obj(),
                    fourNodes(), spread2103(), {{"node-a", S}, {"node-b", S}, {"node-x", S}, {"node-y", U}}});
    rows.push_back({"nodeAffinityPolicy Ignore: every node counts, only node-x fits",
                    makePod("p").label("foo", "").nodeAffinityIn("node", {"node-a", "node-y"})
                        .spreadConstraint(1, "node", "DoNotSchedule", kFoo, std::nullopt, "Ignore").obj(),
                    fourNodes(), spread2103(), {{"node-a", U}, {"node-b", U}, {"node-x", S}, {"node-y", U}}});
    {
        Nodes nodes = fourNodes();
        nodes[2] = makeNode("node-x").label("zone", "zone2").label("node", "node-x").taint("dedicated", "gpu", "NoSchedule");
        rows.push_back({"nodeTaintsPolicy Honor: the tainted node-x is no domain, the minimum is 1",
                        makePod("p").label("foo", "")
                            .spreadConstraint(1, "node", "DoNotSchedule", kFoo, std::nullopt, "", "Honor").obj(),
                        nodes, spread2103(), {{"node-a", U}, {"node-b", S}, {"node-x", S}, {"node-y", U}}});
        rows.push_back({"nodeTaintsPolicy Ignore (default): the tainted node-x counts with 0",
                        makePod("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", kFoo).obj(), nodes,
                        spread2103(), {{"node-a", U}, {"node-b", U}, {"node-x", S}, {"node-y", U}}});
    }
    rows.push_back({"terminating Pods should be excluded",
                    makePod("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", kFoo).obj(),
                    {makeNode("node-a").label("node", "node-a"), makeNode("node-b").label("node", "node-b")},
                    {makePod("p-a").node("node-a").label("foo", "").terminating(), fooPod("p-b", "node-b")},
                    {{"node-a", S}, {"node-b", U}}});
    rows.push_back({"null label selector matches nothing",
                    makePod("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", std::nullopt).obj(),
                    fourNodes(), spread2103(), {{"node-a", S}, {"node-b", S}, {"node-x", S}, {"node-y", S}}});
    // Two constraints: zone spreads 3/3 (any node), node spreads 2/1/0/3 (node-x): node-x.
    rows.push_back({"two Constraints on zone and node, spreads = [3/3, 2/1/0/3]",
                    makePod("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", kFoo)
                        .spreadConstraint(1, "node", "DoNotSchedule", kFoo).obj(),
                    fourNodes(), spread2103(), {{"node-a", U}, {"node-b", U}, {"node-x", S}, {"node-y", U}}});
    // zone spreads 1/4 (zone1 only), node spreads 0/1/2/2 (node-a, node-b 1 + 1 - 0 = 2): node-a.
    rows.push_back({"two Constraints on zone and node, spreads = [1/4, 0/1/2/2]",
                    makePod("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", kFoo)
                        .spreadConstraint(1, "node", "DoNotSchedule", kFoo).obj(),
                    fourNodes(),
                    {fooPod("p-b1", "node-b"), fooPod("p-x1", "node-x"), fooPod("p-x2", "node-x"),
                     fooPod("p-y1", "node-y"), fooPod("p-y2", "node-y")},
                    {{"node-a", S}, {"node-b", U}, {"node-x", U}, {"node-y", U}}});
    {
        Nodes three = {makeNode("node-a").label("node", "node-a"), makeNode("node-b").label("node", "node-b"),
                       makeNode("node-c").label("node", "node-c")};
        Pods pods = {fooPod("p-a1", "node-a"), fooPod("p-a2", "node-a"), fooPod("p-b1", "node-b"),
                     fooPod("p-b2", "node-b"), fooPod("p-c1", "node-c")};
        // 3 domains < minDomains 4: the global minimum is taken as 0.
        rows.push_back({"pods spread as 2/2/1, maxSkew 2, 3 domains < minDomains 4: only node-c fits",
                        makePod("p").label("foo", "").spreadConstraint(2, "node", "DoNotSchedule", kFoo, 4).obj(),
                        three, pods, {{"node-a", U}, {"node-b", U}, {"node-c", S}}});
        rows.push_back({"pods spread as 2/2/1, maxSkew 2, 3 domains = minDomains 3: all fit",
                        makePod("p").label("foo", "").spreadConstraint(2, "node", "DoNotSchedule", kFoo, 3).obj(),
                        three, pods, {{"node-a", S}, {"node-b", S}, {"node-c", S}}});
    }
    {
        // matchLabelKeys [version]: only pods with the incoming pod's version=v1 count (1/0/1).
        Pods pods = {makePod("p-a1").node("node-a").label("foo", "").label("version", "v1"),
                     makePod("p-a2").node("node-a").label("foo", "").label("version", "v2"),
                     makePod("p-a3").node("node-a").label("foo", "").label("version", "v2"),
                     makePod("p-b1").node("node-b").label("foo", "").label("version", "v2"),
                     makePod("p-x1").node("node-x").label("foo", "").label("version", "v1")};
        Nodes three = {fourNodes()[0], fourNodes()[1], fourNodes()[2]};
        rows.push_back({"matchLabelKeys ANDed with the selector: 1/0/1, only node-b fits",
                        makePod("p").label("foo", "").label("version", "v1")
                            .spreadConstraint(1, "node", "DoNotSchedule", kFoo, std::nullopt, "", "", {"version"}).obj(),
                        three, pods, {{"node-a", U}, {"node-b", S}, {"node-x", U}}});
        rows.push_back({"without matchLabelKeys: 3/1/1, node-b and node-x fit",
                        makePod("p").label("foo", "").label("version", "v1")
                            .spreadConstraint(1, "node", "DoNotSchedule", kFoo).obj(),
                        three, pods, {{"node-a", U}, {"node-b", S}, {"node-x", S}}});
    }
    return rows;
}

struct ScoreRow {
    const char* name;
    api::Pod pod;
    Nodes nodes;        // feasible (filtered) nodes
    Nodes failedNodes;  // the rest of the cluster
    Pods existing;
    std::vector<std::int64_t> want;  // per feasible node, normalized
    std::map<std::string, api::Labels> services = {};
};

const char* const kHost = "kubernetes.io/hostname";

Nodes hostNodes(std::initializer_list<const char*> names) {
    Nodes out;
    for (const char* n : names) out.push_back(makeNode(n));
    return out;
}

Pods fooPods(std::initializer_list<std::pair<const char*, int>> perNode) {
    Pods out;
    for (const auto& [node, count] : perNode)
        for (int i = 1; i <= count; ++i)
            out.push_back(fooPod(std::string("p-") + std::string(node).substr(5) + std::to_string(i), node));
    return out;
}

std::vector<ScoreRow> scoreRows() {
    std::vector<ScoreRow> rows;
    auto soft = [](std::int32_t skew, const std::string& key, std::optional<api::LabelSelector> sel = kFoo) {
        return makePod("p").label("foo", "").spreadConstraint(skew, key, "ScheduleAnyway", std::move(sel));
    };
    rows.push_back({"one constraint on node, no existing pods", soft(1, kHost).obj(), hostNodes({"node-a", "node-b"}), {},
                    {}, {100, 100}});
    rows.push_back({"one constraint on node, only one node is candidate", soft(1, kHost).obj(), hostNodes({"node-a"}),
                    hostNodes({"node-b"}), fooPods({{"node-a", 2}, {"node-b", 1}}), {100}});
    rows.push_back({"one constraint on node, all nodes have the same number of matching pods", soft(1, kHost).obj(),
                    hostNodes({"node-a", "node-b"}), {}, fooPods({{"node-a", 1}, {"node-b", 1}}), {100, 100}});
    const Pods p2103 = fooPods({{"node-a", 2}, {"node-b", 1}, {"node-d", 3}});
    const Nodes abcd = hostNodes({"node-a", "node-b", "node-c", "node-d"});
    rows.push_back({"one constraint on node, all 4 nodes are candidates", soft(1, kHost).obj(), abcd, {}, p2103,
                    {20, 60, 100, 0}});
    rows.push_back({"one constraint on node, null selector", soft(1, kHost, std::nullopt).obj(), abcd, {}, p2103,
                    {100, 100, 100, 100}});
    rows.push_back({"one constraint on node, all 4 nodes are candidates, maxSkew=2", soft(2, kHost).obj(), abcd, {},
                    p2103, {33, 66, 100, 16}});
    const Pods p4321 = fooPods({{"node-a", 4}, {"node-b", 3}, {"node-c", 2}, {"node-d", 1}});
    rows.push_back({"one constraint on node, all 4 nodes are candidates, maxSkew=3", soft(3, kHost).obj(), abcd, {},
                    p4321, {44, 66, 77, 100}});
    rows.push_back({"system defaulting, nodes don't have zone, pods match service", makePod("p").label("foo", "").obj(),
                    abcd, {}, p4321, {44, 66, 77, 100}, {{"default/svc", {{"foo", ""}}}}});
    const Pods p4213 = fooPods({{"node-a", 4}, {"node-b", 2}, {"node-x", 1}, {"node-y", 3}});
    rows.push_back({"one constraint on node, 3 out of 4 nodes are candidates", soft(1, kHost).obj(),
                    hostNodes({"node-a", "node-b", "node-x"}), hostNodes({"node-y"}), p4213, {33, 83, 100}});
    rows.push_back({"one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
                    soft(1, kHost).obj(),
                    {makeNode("node-a"), makeNode("node-b").withoutHostnameLabel().label("n", "node-b"),
                     makeNode("node-x")},
                    hostNodes({"node-y"}), p4213, {16, 0, 100}});
    rows.push_back({"one constraint on zone, 3 out of 4 nodes are candidates", soft(1, "zone").obj(),
                    {makeNode("node-a").label("zone", "zone1"), makeNode("node-b").label("zone", "zone1"),
                     makeNode("node-x").label("zone", "zone2")},
                    {makeNode("node-y").label("zone", "zone2")}, p4213, {75, 75, 100}});
    rows.push_back({"two Constraints on zone and node, 2 out of 4 nodes are candidates",
                    soft(1, "zone").spreadConstraint(1, kHost, "ScheduleAnyway", kFoo).obj(),
                    {makeNode("node-a").label("zone", "zone1"), makeNode("node-x").label("zone", "zone2")},
                    {makeNode("node-b").label("zone", "zone1"), makeNode("node-y").label("zone", "zone2")},
                    fooPods({{"node-a", 2}, {"node-b", 1}, {"node-x", 2}, {"node-y", 4}}), {100, 63}});
    const Nodes zoned = {makeNode("node-a").label("zone", "zone1"), makeNode("node-b").label("zone", "zone1"),
                         makeNode("node-x").label("zone", "zone2"), makeNode("node-y").label("zone", "zone2")};
    auto twoSelectors = [] {
        return makePod("p").label("foo", "").label("bar", "")
            .spreadConstraint(1, "zone", "ScheduleAnyway", kFoo)
            .spreadConstraint(1, kHost, "ScheduleAnyway", kBar);
    };
    const Pods mixed = {fooPod("p-a1", "node-a"), makePod("p-b1").node("node-b").label("foo", "").label("bar", ""),
                        fooPod("p-y1", "node-y"), makePod("p-y2").node("node-y").label("bar", "")};
    rows.push_back({"two Constraints on zone and node, with different labelSelectors", twoSelectors().obj(), zoned, {},
                    mixed, {60, 20, 100, 60}});
    rows.push_back({"two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods",
                    twoSelectors().obj(), zoned, {},
                    {makePod("p-b1").node("node-b").label("bar", ""), fooPod("p-x1", "node-x"),
                     makePod("p-y1").node("node-y").label("foo", "").label("bar", "")},
                    {100, 60, 40, 0}});
    rows.push_back({"two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates",
                    twoSelectors().obj(), {zoned[0], zoned[1], zoned[2]}, {zoned[3]}, mixed, {50, 25, 100}});
    rows.push_back({"existing pods in a different namespace do not count", soft(1, kHost).obj(),
                    hostNodes({"node-a", "node-b"}), {},
                    {makePod("p-a1", "ns1").node("node-a").label("foo", ""), fooPod("p-a2", "node-a"),
                     fooPod("p-b1", "node-b"), fooPod("p-b2", "node-b")},
                    {100, 33}});
    rows.push_back({"terminating Pods should be excluded", soft(1, kHost).obj(), hostNodes({"node-a", "node-b"}), {},
                    {makePod("p-a").node("node-a").label("foo", "").terminating(), fooPod("p-b", "node-b")}, {100, 0}});
    const Nodes nodeKeyed = {makeNode("node-a").label("node", "node-a"), makeNode("node-b").label("node", "node-b"),
                             makeNode("node-c").label("node", "node-c")};
    rows.push_back({"minDomains has no effect when ScheduleAnyway",
                    makePod("p").label("foo", "").spreadConstraint(2, "node", "ScheduleAnyway", kFoo, 10).obj(), nodeKeyed,
                    {}, fooPods({{"node-a", 2}, {"node-b", 2}, {"node-c", 1}}), {75, 75, 100}});
    const Nodes fooLabelled = {makeNode("node-a").label("node", "node-a").label("foo", ""),
                               makeNode("node-b").label("node", "node-b").label("foo", ""),
                               makeNode("node-c").label("node", "node-c")};
    const Pods p211 = fooPods({{"node-a", 2}, {"node-b", 1}, {"node-c", 1}});
    rows.push_back({"NodeAffinityPolicy honored with labelSelectors",
                    makePod("p").label("foo", "").nodeSelector({{"foo", ""}})
                        .spreadConstraint(1, "node", "ScheduleAnyway", kFoo).obj(),
                    fooLabelled, {}, p211, {0, 33, 100}});
    rows.push_back({"NodeAffinityPolicy ignored with labelSelectors",
                    makePod("p").label("foo", "").nodeSelector({{"foo", ""}})
                        .spreadConstraint(1, "node", "ScheduleAnyway", kFoo, std::nullopt, "Ignore").obj(),
                    fooLabelled, {}, p211, {66, 100, 100}});
    rows.push_back({"NodeAffinityPolicy honored with nodeAffinity",
                    makePod("p").label("foo", "").nodeAffinityIn("foo", {""})
                        .spreadConstraint(1, "node", "ScheduleAnyway", kFoo).obj(),
                    fooLabelled, {}, p211, {0, 33, 100}});
    rows.push_back({"NodeAffinityPolicy ignored with nodeAffinity",
                    makePod("p").label("foo", "").nodeAffinityIn("foo", {""})
                        .spreadConstraint(1, "node", "ScheduleAnyway", kFoo, std::nullopt, "Ignore").obj(),
                    fooLabelled, {}, p211, {66, 100, 100}});
    const Nodes tainted = {nodeKeyed[0], nodeKeyed[1],
                           makeNode("node-c").label("node", "node-c").taint("node.kubernetes.io/unschedulable", "", "NoSchedule")};
    rows.push_back({"NodeTaintsPolicy honored",
                    makePod("p").label("foo", "").spreadConstraint(1, "node", "ScheduleAnyway", kFoo, std::nullopt, "", "Honor").obj(),
                    tainted, {}, p211, {0, 33, 100}});
    rows.push_back({"NodeTaintsPolicy ignored", makePod("p").label("foo", "").spreadConstraint(1, "node", "ScheduleAnyway", kFoo).obj(),
                    tainted, {}, p211, {66, 100, 100}});
    const Pods mlk = {fooPod("p-a1", "node-a"), makePod("p-b1").node("node-b").label("foo", "").label("bar", ""),
                      fooPod("p-y1", "node-y"), makePod("p-y2").node("node-y").label("bar", "")};
    rows.push_back({"matchLabelKeys ANDed with LabelSelector when LabelSelector is empty",
                    makePod("p").label("foo", "").label("bar", "")
                        .spreadConstraint(1, "zone", "ScheduleAnyway", api::LabelSelector{}, std::nullopt, "", "", {"foo"})
                        .spreadConstraint(1, kHost, "ScheduleAnyway", api::LabelSelector{}, std::nullopt, "", "", {"bar"}).obj(),
                    {zoned[0], zoned[1], makeNode("node-c").label("zone", "zone2"), makeNode("node-d").label("zone", "zone2")},
                    {}, {fooPod("p-a1", "node-a"), makePod("p-b1").node("node-b").label("foo", "").label("bar", ""),
                         fooPod("p-y1", "node-c"), makePod("p-y2").node("node-c").label("bar", "")},
                    {60, 20, 60, 100}});
    rows.push_back({"matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
                    makePod("p").label("foo", "").label("bar", "").label("baz", "")
                        .spreadConstraint(1, "zone", "ScheduleAnyway", kFoo)
                        .spreadConstraint(1, kHost, "ScheduleAnyway", kBar, std::nullopt, "", "", {"baz"}).obj(),
                    {zoned[0], zoned[1], makeNode("node-c").label("zone", "zone2"), makeNode("node-d").label("zone", "zone2")},
                    {}, {fooPod("p-a1", "node-a"), makePod("p-b1").node("node-b").label("foo", "").label("bar", "").label("baz", ""),
                         fooPod("p-c1", "node-c"), makePod("p-c2").node("node-c").label("bar", ""),
                         makePod("p-d3").node("node-c").label("bar", "").label("baz", "")},
                    {60, 20, 60, 100}});
    // The reference's worked example: counts 2/0/1, weight ln(5): raw 3/0/2 -> 0/100/33.
    rows.push_back({"worked example 2/0/1", soft(1, kHost).obj(), hostNodes({"n1", "n2", "n3"}), {},
                    {fooPod("e1", "n1"), fooPod("e2", "n1"), fooPod("e3", "n3")}, {0, 100, 33}});
    return rows;
}

}  // namespace

class TestPluginPodTopologySpread : public QObject {
    Q_OBJECT
private slots:
    void filter_data() {
        QTest::addColumn<int>("row");
        const auto rows = filterRows();
        for (std::size_t i = 0; i < rows.size(); ++i) QTest::newRow(rows[i].name) << static_cast<int>(i);
    }
    void filter() {
        QFETCH(int, row);
        const FilterRow r = filterRows()[static_cast<std::size_t>(row)];
        FakeHandle handle;
        handle.setCluster(r.nodes, r.existing);
        auto plugin = makePlugin(handle);
        CycleState state;
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(r.pod));
        PreFilterResult result;
        QVERIFY(plugin->preFilter(state, *pod, result).isSuccess());
        for (const auto& [node, want] : r.want) {
            Status s = plugin->filter(state, *pod, *handle.snapshot().get(node));
            QVERIFY2(s.code() == want, (node + ": got " + codeName(s.code()) + " " + s.message()).c_str());
        }
    }

    void filterReasonsAreUpstreams() {
        FakeHandle handle;
        handle.setCluster({makeNode("node-a").label("zone", "z1"), makeNode("node-b")}, {fooPod("p1", "node-a")});
        auto plugin = makePlugin(handle);
        CycleState state;
        auto pod = PodInfo::make(makePod("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", kFoo));
        PreFilterResult result;
        QVERIFY(plugin->preFilter(state, *pod, result).isSuccess());
        Status missing = plugin->filter(state, *pod, *handle.snapshot().get("node-b"));
        QCOMPARE(missing.code(), UU);
        QCOMPARE(missing.message(), std::string("node(s) didn't match pod topology spread constraints (missing required label)"));
        // One domain z1 with 1 pod: 1 + 1 - 1 = 1 <= 1 fits; with maxSkew 0 it would not.
        QVERIFY(plugin->filter(state, *pod, *handle.snapshot().get("node-a")).isSuccess());

        handle.setCluster({makeNode("node-a").label("zone", "z1"), makeNode("node-b").label("zone", "z2")},
                          {fooPod("p1", "node-a")});
        CycleState state2;
        QVERIFY(plugin->preFilter(state2, *pod, result).isSuccess());
        Status skew = plugin->filter(state2, *pod, *handle.snapshot().get("node-a"));
        QCOMPARE(skew.code(), U);
        QCOMPARE(skew.message(), std::string("node(s) didn't match pod topology spread constraints"));
    }

    void preFilterSkipsWithoutHardConstraints() {
        FakeHandle handle;
        handle.setCluster(fourNodes(), spread2103());
        auto plugin = makePlugin(handle);
        CycleState state;
        PreFilterResult result;
        auto soft = PodInfo::make(makePod("p").label("foo", "").spreadConstraint(1, "zone", "ScheduleAnyway", kFoo));
        QCOMPARE(plugin->preFilter(state, *soft, result).code(), kSkip);
        // System default constraints are ScheduleAnyway: they never filter, even for a Service's pods.
        auto objects = std::make_shared<ClusterObjects>();
        objects->serviceSelectors["default/svc"] = {{"foo", ""}};
        handle.setCluster(fourNodes(), spread2103(), objects);
        auto plain = PodInfo::make(makePod("p").label("foo", ""));
        QCOMPARE(plugin->preFilter(state, *plain, result).code(), kSkip);
    }

    // The PreFilter extensions keep the counts right when preemption adds or removes pods.
    void addAndRemovePodUpdateCounts() {
        FakeHandle handle;
        handle.setCluster(fourNodes(), spread2103());
        auto plugin = makePlugin(handle);
        CycleState state;
        auto pod = PodInfo::make(makePod("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", kFoo));
        PreFilterResult result;
        QVERIFY(plugin->preFilter(state, *pod, result).isSuccess());
        const Snapshot& snap = handle.snapshot();
        QCOMPARE(plugin->filter(state, *pod, *snap.get("node-b")).code(), U);  // 1 + 1 - 0
        auto added = PodInfo::make(fooPod("p-x1", "node-x"));
        QVERIFY(plugin->addPod(state, *pod, *added, *snap.get("node-x")).isSuccess());
        QCOMPARE(plugin->filter(state, *pod, *snap.get("node-b")).code(), S);  // 1 + 1 - 1
        QCOMPARE(plugin->filter(state, *pod, *snap.get("node-a")).code(), U);  // 2 + 1 - 1
        auto removed = PodInfo::make(fooPod("p-a1", "node-a"));
        QVERIFY(plugin->removePod(state, *pod, *removed, *snap.get("node-a")).isSuccess());
        QCOMPARE(plugin->filter(state, *pod, *snap.get("node-a")).code(), S);  // 1 + 1 - 1
        // A pod of another namespace changes nothing.
        auto other = PodInfo::make(makePod("o", "other").node("node-b").label("foo", ""));
        QVERIFY(plugin->addPod(state, *pod, *other, *snap.get("node-b")).isSuccess());
        QCOMPARE(plugin->filter(state, *pod, *snap.get("node-b")).code(), S);
        // Clones are independent (preemption dry runs work on clones).
        auto clone = state.clone();
        QVERIFY(plugin->addPod(*clone, *pod, *PodInfo::make(fooPod("p-b9", "node-b")), *snap.get("node-b")).isSuccess());
        QCOMPARE(plugin->filter(*clone, *pod, *snap.get("node-b")).code(), U);
        QCOMPARE(plugin->filter(state, *pod, *snap.get("node-b")).code(), S);
    }

    // Counts are memoized per node state across cycles: later cycles must see pods that were
    // added or removed in between.
    void countsFollowSnapshotChanges() {
        FakeHandle handle;
        handle.setCluster({makeNode("a").label("node", "a"), makeNode("b").label("node", "b")}, {fooPod("a1", "a")});
        auto plugin = makePlugin(handle);
        auto pod = PodInfo::make(makePod("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", kFoo)
                                     .spreadConstraint(1, "node2", "ScheduleAnyway", kFoo));
        auto verdicts = [&] {
            CycleState state;
            PreFilterResult result;
            if (!plugin->preFilter(state, *pod, result).isSuccess()) return std::string("prefilter failed");
            std::string out;
            for (const char* n : {"a", "b"}) out += codeName(plugin->filter(state, *pod, *handle.snapshot().get(n)).code()) + std::string(" ");
            return out;
        };
        QCOMPARE(verdicts(), std::string("Unschedulable Success "));
        handle.mutableSnapshot().addPod(PodInfo::make(fooPod("b1", "b")), "b");
        QCOMPARE(verdicts(), std::string("Success Success "));
        handle.mutableSnapshot().removePod("default", "a1", "a");
        QCOMPARE(verdicts(), std::string("Success Unschedulable "));
        // Node labels are remembered per Node object: an updated node is read again.
        handle.mutableSnapshot().get("b")->setNode(makeNode("b").label("rack", "r1"));
        QCOMPARE(verdicts(), std::string("Success UnschedulableAndUnresolvable "));
    }

    // Upstream keeps only two "critical paths" per constraint; after AddPod the tracked minimum
    // can exceed the true one. Kept on purpose: preemption then decides as upstream does.
    void criticalPathsApproximationMatchesUpstream() {
        FakeHandle handle;
        Nodes nodes = {makeNode("a").label("node", "a"), makeNode("b").label("node", "b"), makeNode("c").label("node", "c")};
        handle.setCluster(nodes, {fooPod("a1", "a"), fooPod("b1", "b"), fooPod("b2", "b"), fooPod("c1", "c"),
                                  fooPod("c2", "c"), fooPod("c3", "c")});
        auto plugin = makePlugin(handle);
        CycleState state;
        auto pod = PodInfo::make(makePod("p").label("foo", "").spreadConstraint(1, "node", "DoNotSchedule", kFoo));
        PreFilterResult result;
        QVERIFY(plugin->preFilter(state, *pod, result).isSuccess());
        const Snapshot& snap = handle.snapshot();
        int n = 0;
        auto add = [&](const char* node) {
            auto p = PodInfo::make(fooPod("new" + std::to_string(n++), node));
            QVERIFY(plugin->addPod(state, *pod, *p, *snap.get(node)).isSuccess());
        };
        add("a"), add("a"), add("b"), add("b"), add("a");  // a=4, b=4, c=3
        // The true minimum is 3 (c), which would reject node a (4 + 1 - 3 = 2); the tracked one is 4.
        QCOMPARE(plugin->filter(state, *pod, *snap.get("a")).code(), S);
        QCOMPARE(plugin->filter(state, *pod, *snap.get("c")).code(), S);
    }

    void score_data() {
        QTest::addColumn<int>("row");
        const auto rows = scoreRows();
        for (std::size_t i = 0; i < rows.size(); ++i) QTest::newRow(rows[i].name) << static_cast<int>(i);
    }
    void score() {
        QFETCH(int, row);
        const ScoreRow r = scoreRows()[static_cast<std::size_t>(row)];
        FakeHandle handle;
        Nodes all = r.nodes;
        all.insert(all.end(), r.failedNodes.begin(), r.failedNodes.end());
        auto objects = std::make_shared<ClusterObjects>();
        objects->serviceSelectors = r.services;
        handle.setCluster(all, r.existing, objects);
        auto plugin = makePlugin(handle);
        CycleState state;
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(r.pod));
        std::vector<std::string> names;
        for (const auto& n : r.nodes) names.push_back(n->metadata.name);
        QVERIFY(plugin->preScore(state, *pod, nodeInfos(handle.snapshot(), names)).isSuccess());
        std::vector<NodeScore> scores;
        for (const auto& name : names) {
            std::int64_t s = -1;
            QVERIFY(plugin->score(state, *pod, *handle.snapshot().get(name), s).isSuccess());
            scores.push_back({name, s});
        }
        QVERIFY(plugin->normalizeScore(state, *pod, scores).isSuccess());
        std::vector<std::int64_t> got;
        for (const auto& s : scores) got.push_back(s.score);
        QCOMPARE(got, r.want);
    }

    void rawScoresUseNormalizingWeight() {
        // 2/0/1 on hostname, maxSkew 1: weight ln(3 + 2); raw = round(count * ln 5).
        FakeHandle handle;
        handle.setCluster(hostNodes({"n1", "n2", "n3"}), {fooPod("e1", "n1"), fooPod("e2", "n1"), fooPod("e3", "n3")});
        auto plugin = makePlugin(handle);
        CycleState state;
        auto pod = PodInfo::make(makePod("p").label("foo", "").spreadConstraint(1, kHost, "ScheduleAnyway", kFoo));
        QVERIFY(plugin->preScore(state, *pod, nodeInfos(handle.snapshot(), {"n1", "n2", "n3"})).isSuccess());
        std::vector<std::int64_t> raw;
        for (const char* n : {"n1", "n2", "n3"}) {
            std::int64_t s = 0;
            QVERIFY(plugin->score(state, *pod, *handle.snapshot().get(n), s).isSuccess());
            raw.push_back(s);
        }
        QCOMPARE(raw, (std::vector<std::int64_t>{3, 0, 2}));
    }

    void preScoreSkipsWithoutSoftConstraints() {
        FakeHandle handle;
        handle.setCluster(fourNodes(), spread2103());
        auto plugin = makePlugin(handle);
        CycleState state;
        const auto nodes = nodeInfos(handle.snapshot(), {"node-a", "node-b"});
        // Only DoNotSchedule constraints: no spreading score and no system defaults.
        auto hard = PodInfo::make(makePod("p").label("foo", "").spreadConstraint(1, "zone", "DoNotSchedule", kFoo));
        QCOMPARE(plugin->preScore(state, *hard, nodes).code(), kSkip);
        // No constraints and no Service or controller selecting the pod: nothing to spread.
        auto plain = PodInfo::make(makePod("p").label("foo", ""));
        QCOMPARE(plugin->preScore(state, *plain, nodes).code(), kSkip);
    }

    void systemDefaultsUseServicesAndControllers() {
        FakeHandle handle;
        auto objects = std::make_shared<ClusterObjects>();
        objects->serviceSelectors["default/web"] = {{"app", "web"}};
        objects->serviceSelectors["other/web"] = {{"app", "web"}, {"zone", "x"}};  // other namespace: ignored
        objects->serviceSelectors["default/db"] = {{"app", "db"}};                   // does not select the pod
        objects->controllerSelectors["ReplicaSet/default/web-1"] = selExpr({req("tier", "In", {"fe"})});
        handle.setCluster(fourNodes(), {}, objects);
        auto plugin = makePlugin(handle);
        QVERIFY(plugin->systemDefaulted());
        api::Pod pod = makePod("p").label("app", "web").label("tier", "fe").owner("ReplicaSet", "web-1").obj();
        auto constraints = plugin->constraintsFor(pod, "ScheduleAnyway");
        QCOMPARE(constraints.size(), std::size_t(2));
        QCOMPARE(constraints[0].topologyKey, std::string("kubernetes.io/hostname"));
        QCOMPARE(constraints[0].maxSkew, 3);
        QCOMPARE(constraints[1].topologyKey, std::string("topology.kubernetes.io/zone"));
        QCOMPARE(constraints[1].maxSkew, 5);
        const auto& sel = constraints[0].selector;
        QVERIFY(!sel.nothing);
        QCOMPARE(sel.selector.matchLabels, (api::Labels{{"app", "web"}}));
        QCOMPARE(sel.selector.matchExpressions.size(), std::size_t(1));
        QCOMPARE(sel.selector.matchExpressions[0].key, std::string("tier"));
        QVERIFY(sel.matches({{"app", "web"}, {"tier", "fe"}}));
        QVERIFY(!sel.matches({{"app", "web"}, {"tier", "be"}}));
        QVERIFY(plugin->constraintsFor(pod, "DoNotSchedule").empty());
        // An owner that is not a ReplicationController, ReplicaSet or StatefulSet adds nothing.
        api::Pod jobPod = makePod("j").label("app", "web").owner("Job", "web-1", "batch/v1").obj();
        QCOMPARE(plugin->constraintsFor(jobPod, "ScheduleAnyway")[0].selector.selector.matchExpressions.size(),
                 std::size_t(0));
    }

    void selectorSourcesFromObjects() {
        auto r = api::readYaml("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}}\n"
                               "---\napiVersion: v1\nkind: Service\nmetadata: {name: headless, namespace: ns}\nspec: {}\n"
                               "---\napiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web-1, namespace: default}\n"
                               "spec: {selector: {matchExpressions: [{key: tier, operator: In, values: [fe]}]}}\n"
                               "---\napiVersion: v1\nkind: ReplicationController\nmetadata: {name: old}\n"
                               "spec: {template: {metadata: {labels: {app: old}}}}\n"
                               "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
                               "spec: {selector: {matchLabels: {app: web}}}\n",
                               "objects.yaml");
        QVERIFY(r.ok());
        ClusterObjects objects;
        std::vector<bool> recorded;
        for (const auto& doc : r.documents) recorded.push_back(plugins::spread::recordSelectorSource(objects, doc));
        QCOMPARE(recorded, (std::vector<bool>{true, false, true, true, false}));
        QCOMPARE(objects.serviceSelectors.at("default/web"), (api::Labels{{"app", "web"}}));
        QCOMPARE(objects.controllerSelectors.at("ReplicaSet/default/web-1").matchExpressions.size(), std::size_t(1));
        QCOMPARE(objects.controllerSelectors.at("ReplicationController/default/old").matchLabels,
                 (api::Labels{{"app", "old"}}));
        api::Pod pod = makePod("p").label("app", "web").label("tier", "fe").owner("ReplicaSet", "web-1").obj();
        auto selector = plugins::spread::defaultSelector(pod, objects);
        QVERIFY(selector.matches({{"app", "web"}, {"tier", "fe"}}));
        QVERIFY(!selector.matches({{"app", "web"}}));
    }

    void systemDefaultsSpreadByHostnameWithoutZones() {
        // Nodes without a zone label still get hostname spreading with system defaults (not ignored).
        FakeHandle handle;
        auto objects = std::make_shared<ClusterObjects>();
        objects->controllerSelectors["StatefulSet/default/db"] = sel({{"app", "db"}});
        Nodes nodes = {makeNode("n1").zone("z1"), makeNode("n2")};
        handle.setCluster(nodes, {makePod("d0").node("n1").label("app", "db")}, objects);
        auto plugin = makePlugin(handle);
        CycleState state;
        auto pod = PodInfo::make(makePod("d1").label("app", "db").owner("StatefulSet", "db"));
        QVERIFY(plugin->preScore(state, *pod, nodeInfos(handle.snapshot(), {"n1", "n2"})).isSuccess());
        std::vector<NodeScore> scores;
        for (const char* n : {"n1", "n2"}) {
            std::int64_t s = 0;
            QVERIFY(plugin->score(state, *pod, *handle.snapshot().get(n), s).isSuccess());
            scores.push_back({n, s});
        }
        // The zone constraint sees two domains among the feasible nodes, "z1" and "" (n2 has no
        // zone label: Go's map lookup gives ""), so its weight is ln(2 + 2), as the host's.
        // n1: host 1*ln4 + 2, zone 1*ln4 + 4 -> round(8.77) = 9; n2: host 0 + 2, no zone -> 2.
        QCOMPARE(scores[0].score, std::int64_t(9));
        QCOMPARE(scores[1].score, std::int64_t(2));
        QVERIFY(plugin->normalizeScore(state, *pod, scores).isSuccess());
        QCOMPARE(scores[0].score, std::int64_t(22));  // 100 * (9 + 2 - 9) / 9
        QCOMPARE(scores[1].score, std::int64_t(100));
    }

    void listDefaultingWithHardConstraintsFilters() {
        FakeHandle handle;
        auto objects = std::make_shared<ClusterObjects>();
        objects->controllerSelectors["ReplicaSet/default/web-1"] = sel({{"app", "web"}});
        handle.setCluster({makeNode("a").label("node", "a"), makeNode("b").label("node", "b")},
                          {makePod("w0").node("a").label("app", "web")}, objects);
        api::Value args = yaml("defaultingType: List\ndefaultConstraints:\n- maxSkew: 1\n  topologyKey: node\n"
                               "  whenUnsatisfiable: DoNotSchedule\n");
        auto plugin = makePlugin(handle, &args);
        QVERIFY(!plugin->systemDefaulted());
        CycleState state;
        auto pod = PodInfo::make(makePod("w1").label("app", "web").owner("ReplicaSet", "web-1"));
        PreFilterResult result;
        QVERIFY(plugin->preFilter(state, *pod, result).isSuccess());
        QCOMPARE(plugin->filter(state, *pod, *handle.snapshot().get("a")).code(), U);
        QCOMPARE(plugin->filter(state, *pod, *handle.snapshot().get("b")).code(), S);
    }

    void args_data() {
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("defaults") << "{}" << "";
        QTest::newRow("list") << "defaultingType: List\ndefaultConstraints:\n- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}\n"
                              << "";
        QTest::newRow("constraints need List")
            << "defaultConstraints:\n- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}\n"
            << "defaultingType: Invalid value: \"System\": when .defaultConstraints are not empty";
        QTest::newRow("unknown defaultingType")
            << "defaultingType: Foo\n" << "defaultingType: Unsupported value: \"Foo\": supported values: \"System\", \"List\"";
        QTest::newRow("maxSkew")
            << "defaultingType: List\ndefaultConstraints:\n- {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}\n"
            << "defaultConstraints[0].maxSkew: Invalid value: 0: not in valid range (0, inf)";
        QTest::newRow("whenUnsatisfiable")
            << "defaultingType: List\ndefaultConstraints:\n- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: Foo}\n"
            << "defaultConstraints[0].whenUnsatisfiable: Unsupported value: \"Foo\": supported values: \"DoNotSchedule\", "
               "\"ScheduleAnyway\"";
        QTest::newRow("topologyKey required")
            << "defaultingType: List\ndefaultConstraints:\n- {maxSkew: 1, whenUnsatisfiable: DoNotSchedule}\n"
            << "defaultConstraints[0].topologyKey: Required value: can not be empty";
        QTest::newRow("several errors aggregate")
            << "defaultingType: List\ndefaultConstraints:\n"
               "- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}\n"
               "- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}\n"
            << "[defaultConstraints[0].labelSelector: Forbidden: constraint must not define a selector, as they deduced for "
               "each pod, defaultConstraints[1]: Duplicate value: \"{zone, DoNotSchedule}\"]";
    }
    void args() {
        QFETCH(QString, args);
        QFETCH(QString, error);
        api::Value v = yaml(args.toStdString());
        PodTopologySpreadArgs parsed;
        std::string got;
        const bool ok = PodTopologySpreadArgs::parse(&v, parsed, got);
        QCOMPARE(ok, error.isEmpty());
        QCOMPARE(QString::fromStdString(got), error);
        FakeHandle handle;
        std::string factoryError;
        QCOMPARE(plugins::newPodTopologySpread(&v, handle, factoryError) != nullptr, error.isEmpty());
    }

    void invalidTopologyKeyIsRejected() {
        api::Value v = yaml("defaultingType: List\ndefaultConstraints:\n- {maxSkew: 1, topologyKey: 'a b', whenUnsatisfiable: DoNotSchedule}\n");
        PodTopologySpreadArgs parsed;
        std::string error;
        QVERIFY(!PodTopologySpreadArgs::parse(&v, parsed, error));
        QVERIFY2(error.rfind("defaultConstraints[0].topologyKey: Invalid value: \"a b\": ", 0) == 0, error.c_str());
    }
};

KS_TEST_MAIN(TestPluginPodTopologySpread)
#include "tst_plugin_pod_topology_spread.moc"
