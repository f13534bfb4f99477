// InterPodAffinity: rows ported from upstream's interpodaffinity/filtering_test.go
// (TestRequiredAffinitySingleNode / MultipleNodes: verdicts and reasons, the first pod of a
// self-affine group, namespaces and namespaceSelector) and scoring_test.go (TestPreferredAffinity,
// TestPreferredAffinityWithHardPodAffinitySymmetricWeight), plus the PreFilter extensions and args.
#include "ks_test_main.h"
#include <QtTest>

#include <map>

#include "core/api/yaml_reader.h"
#include "core/scheduler/plugins/inter_pod_affinity/inter_pod_affinity.h"
#include "sched_fake_handle.h"
#include "sched_test_builders.h"

using namespace ks;
using namespace ks::scheduler;
using namespace ks::scheduler::testing;
using plugins::InterPodAffinity;
using plugins::InterPodAffinityArgs;

namespace {

using Pods = std::vector<std::shared_ptr<const api::Pod>>;
using Nodes = std::vector<std::shared_ptr<const api::Node>>;

const auto S = Code::Success;
const auto U = Code::Unschedulable;
const auto UU = Code::UnschedulableAndUnresolvable;

const std::string kAffinityReason = "node(s) didn't match pod affinity rules";
const std::string kAntiAffinityReason = "node(s) didn't match pod anti-affinity rules";
const std::string kExistingAntiAffinityReason = "node(s) didn't satisfy existing pods anti-affinity rules";

std::shared_ptr<ClusterObjects> teamNamespaces() {
    auto objects = std::make_shared<ClusterObjects>();
    auto add = [&](const std::string& name, const std::string& team) {
        api::Namespace ns;
        ns.metadata.name = name;
        ns.metadata.labels = {{"team", team}};
        objects->namespaces[name] = ns;
    };
    add("subteam1.team1", "team1");
    add("subteam2.team1", "team1");
    add("subteam1.team2", "team2");
    add("subteam2.team2", "team2");
    return objects;
}

std::unique_ptr<InterPodAffinity> makePlugin(FakeHandle& handle, const api::Value* args = nullptr) {
    std::string error;
    auto plugin = plugins::newInterPodAffinity(args, handle, error);
    if (!plugin) qFatal("newInterPodAffinity: %s", error.c_str());
    return std::unique_ptr<InterPodAffinity>(dynamic_cast<InterPodAffinity*>(plugin.release()));
}

api::Value yaml(const std::string& text) {
    auto r = api::readYaml(text, "args.yaml");
    if (!r.ok() || r.documents.empty()) qFatal("bad yaml in test");
    return r.documents.front();
}

api::LabelSelector in(const std::string& key, std::vector<std::string> values) {
    return selExpr({req(key, "In", std::move(values))});
}

// ---- filtering ----

struct FilterRow {
    const char* name;
    api::Pod pod;
    Nodes nodes;
    Pods existing;
    // node -> (code, reason); Success has no reason.
    std::map<std::string, std::pair<Code, std::string>> want;
    std::shared_ptr<ClusterObjects> objects = teamNamespaces();
};

Nodes regionNode(const char* name = "machine1") {
    return {makeNode(name).label("region", "r1").label("zone", "z11")};
}

std::vector<FilterRow> filterRows() {
    std::vector<FilterRow> rows;
    const auto secScan = [] { return makePod("p-e").label("service", "securityscan").node("machine1"); };
    rows.push_back({"satisfies required PodAffinity using In operator that matches the existing pod",
                    makePod("p").podAffinityIn("service", "region", {"securityscan", "value2"}).obj(), regionNode(),
                    {secScan()}, {{"machine1", {S, ""}}}});
    rows.push_back({"satisfies required PodAffinity using NotIn and In operators",
                    makePod("p").podAffinity(PodBuilder::term("region", selExpr({req("service", "NotIn", {"securityscan3"}),
                                                                                 req("service", "In", {"securityscan", "value2"})})))
                        .obj(),
                    regionNode(), {secScan()}, {{"machine1", {S, ""}}}});
    rows.push_back({"does not satisfy PodAffinity because of a different namespace",
                    makePod("p").podAffinityIn("service", "region", {"securityscan", "value2"}).obj(), regionNode(),
                    {makePod("p-e", "ns").label("service", "securityscan").node("machine1")},
                    {{"machine1", {UU, kAffinityReason}}}});
    rows.push_back({"does not satisfy PodAffinity because of an unmatching labelSelector",
                    makePod("p").podAffinityIn("service", "region", {"antivirusscan", "value2"}).obj(), regionNode(),
                    {secScan()}, {{"machine1", {UU, kAffinityReason}}}});
    rows.push_back({"satisfies PodAffinity with several terms, all matching the existing pod",
                    makePod("p").podAffinity(PodBuilder::term("region", selExpr({req("service", "Exists"),
                                                                                 req("wrongkey", "DoesNotExist")})))
                        .podAffinity(PodBuilder::term("region", selExpr({req("service", "In", {"securityscan"}),
                                                                          req("service", "NotIn", {"WrongValue"})})))
                        .obj(),
                    regionNode(), {secScan()}, {{"machine1", {S, ""}}}});
    rows.push_back({"one of several PodAffinity terms does not match the existing pod",
                    makePod("p").podAffinity(PodBuilder::term("region", selExpr({req("service", "Exists"),
                                                                                 req("wrongkey", "DoesNotExist")})))
                        .podAffinity(PodBuilder::term("region", in("service", {"securityscan2"}))).obj(),
                    regionNode(), {secScan()}, {{"machine1", {UU, kAffinityReason}}}});
    rows.push_back({"satisfies PodAffinity and PodAntiAffinity with the existing pod",
                    makePod("p").podAffinityIn("service", "region", {"securityscan", "value2"})
                        .podAntiAffinityIn("service", "node", {"antivirusscan", "value2"}).obj(),
                    regionNode(), {secScan()}, {{"machine1", {S, ""}}}});
    rows.push_back({"PodAntiAffinity matches the existing pod in the same region",
                    makePod("p").podAntiAffinityIn("service", "region", {"securityscan"}).obj(), regionNode(),
                    {secScan()}, {{"machine1", {U, kAntiAffinityReason}}}});
    rows.push_back({"existing pod's PodAntiAffinity matches the incoming pod",
                    makePod("p").label("service", "securityscan").obj(), regionNode(),
                    {makePod("p-e").node("machine1").label("service", "securityscan")
                         .podAntiAffinityIn("service", "zone", {"securityscan"})},
                    {{"machine1", {U, kExistingAntiAffinityReason}}}});
    rows.push_back({"existing pod's PodAntiAffinity does not match the incoming pod",
                    makePod("p").label("service", "securityscan").podAffinityIn("service", "region", {"securityscan"}).obj(),
                    regionNode(),
                    {makePod("p-e").node("machine1").label("service", "securityscan")
                         .podAntiAffinityIn("service", "zone", {"antivirusscan"})},
                    {{"machine1", {S, ""}}}});
    rows.push_back({"node without the affinity term's topology key",
                    makePod("p").podAffinityIn("service", "rack", {"securityscan"}).obj(), regionNode(), {secScan()},
                    {{"machine1", {UU, kAffinityReason}}}});
    // The first pod of a group with affinity to itself.
    rows.push_back({"first pod matching its own affinity terms can go to nodes with the topology key",
                    makePod("p").label("app", "web").podAffinityIn("app", "region", {"web"}).obj(),
                    {makeNode("machine1").label("region", "r1"), makeNode("machine2")}, {},
                    {{"machine1", {S, ""}}, {"machine2", {UU, kAffinityReason}}}});
    rows.push_back({"first pod not matching its own affinity terms is rejected",
                    makePod("p").label("app", "db").podAffinityIn("app", "region", {"web"}).obj(),
                    {makeNode("machine1").label("region", "r1")}, {}, {{"machine1", {UU, kAffinityReason}}}});
    rows.push_back({"no exception once some pod matches: only its domain fits",
                    makePod("p").label("app", "web").podAffinityIn("app", "region", {"web"}).obj(),
                    {makeNode("machine1").label("region", "r1"), makeNode("machine2").label("region", "r2")},
                    {makePod("w0").label("app", "web").node("machine2")},
                    {{"machine1", {UU, kAffinityReason}}, {"machine2", {S, ""}}}});
    // Multiple nodes: every node of the matching domain fits.
    rows.push_back({"all nodes with the same topology value as a matching pod fit",
                    makePod("p").podAffinityIn("foo", "region", {"bar"}).obj(),
                    {makeNode("machine1").label("region", "r1").label("zone", "z11"),
                     makeNode("machine2").label("region", "r1").label("zone", "z12"),
                     makeNode("machine3").label("region", "r2").label("zone", "z21")},
                    {makePod("e").label("foo", "bar").node("machine1")},
                    {{"machine1", {S, ""}}, {"machine2", {S, ""}}, {"machine3", {UU, kAffinityReason}}}});
    rows.push_back({"existing anti-affinity rejects only nodes in the existing pod's domain",
                    makePod("p").label("foo", "bar").obj(),
                    {makeNode("machine1").label("region", "r1").label("zone", "z11"),
                     makeNode("machine2").label("region", "r1").label("zone", "z12"),
                     makeNode("machine3").label("region", "r2").label("zone", "z21")},
                    {makePod("e").node("machine1").podAntiAffinityIn("foo", "region", {"bar"})},
                    {{"machine1", {U, kExistingAntiAffinityReason}},
                     {"machine2", {U, kExistingAntiAffinityReason}},
                     {"machine3", {S, ""}}}});
    rows.push_back({"incoming anti-affinity: nodes lacking the topology key are not affected",
                    makePod("p").podAntiAffinityIn("foo", "rack", {"bar"}).obj(),
                    {makeNode("machine1").label("rack", "a"), makeNode("machine2").label("rack", "b"), makeNode("machine3")},
                    {makePod("e").label("foo", "bar").node("machine1")},
                    {{"machine1", {U, kAntiAffinityReason}}, {"machine2", {S, ""}}, {"machine3", {S, ""}}}});
    // Namespaces and namespaceSelector.
    rows.push_back({"namespaceSelector selects the existing pod's namespace",
                    makePod("p", "subteam1.team1")
                        .podAffinity(PodBuilder::term("region", in("service", {"securityscan"}), {}, in("team", {"team1"})))
                        .obj(),
                    regionNode(), {makePod("e", "subteam2.team1").label("service", "securityscan").node("machine1")},
                    {{"machine1", {S, ""}}}});
    rows.push_back({"namespaceSelector does not select the existing pod's namespace",
                    makePod("p", "subteam1.team1")
                        .podAffinity(PodBuilder::term("region", in("service", {"securityscan"}), {}, in("team", {"team1"})))
                        .obj(),
                    regionNode(), {makePod("e", "subteam1.team2").label("service", "securityscan").node("machine1")},
                    {{"machine1", {UU, kAffinityReason}}}});
    rows.push_back({"namespaces and namespaceSelector are ORed",
                    makePod("p", "subteam1.team1")
                        .podAffinity(PodBuilder::term("region", in("service", {"securityscan"}), {"subteam1.team2"},
                                                      in("team", {"team1"})))
                        .obj(),
                    regionNode(), {makePod("e", "subteam1.team2").label("service", "securityscan").node("machine1")},
                    {{"machine1", {S, ""}}}});
    rows.push_back({"an empty namespaceSelector matches every namespace",
                    makePod("p", "subteam1.team1")
                        .podAntiAffinity(PodBuilder::term("region", in("service", {"securityscan"}), {}, api::LabelSelector{}))
                        .obj(),
                    regionNode(), {makePod("e", "elsewhere").label("service", "securityscan").node("machine1")},
                    {{"machine1", {U, kAntiAffinityReason}}}});
    rows.push_back({"existing pod's anti-affinity namespaceSelector matches the incoming pod's namespace labels",
                    makePod("p", "subteam2.team1").label("service", "securityscan").obj(), regionNode(),
                    {makePod("e", "other").node("machine1")
                         .podAntiAffinity(PodBuilder::term("zone", in("service", {"securityscan"}), {}, in("team", {"team1"})))},
                    {{"machine1", {U, kExistingAntiAffinityReason}}}});
    rows.push_back({"existing pod's anti-affinity namespaceSelector does not match the incoming pod's namespace",
                    makePod("p", "subteam2.team2").label("service", "securityscan").podAffinityIn("service", "zone", {"securityscan"}).obj(),
                    regionNode(),
                    {makePod("e", "other").node("machine1")
                         .podAntiAffinity(PodBuilder::term("zone", in("service", {"securityscan"}), {}, in("team", {"team1"})))},
                    {{"machine1", {S, ""}}}});
    return rows;
}

// ---- scoring ----

struct ScoreRow {
    const char* name;
    api::Pod pod;
    Nodes nodes;
    Pods existing;
    std::vector<std::int64_t> want;  // empty: PreScore must return Skip
    std::string args = "{}";
};


std::vector<ScoreRow> scoreRows() {
    std::vector<ScoreRow> rows;
    auto china = [](const char* n) { return makeNode(n).label("region", "China"); };
    auto india = [](const char* n) { return makeNode(n).label("region", "India"); };
    auto az = [](const char* n, const char* z) { return makeNode(n).label("az", z); };
    auto sec = [](const char* name, const char* node, const char* s, const std::string& ns = "default") {
        return makePod(name, ns).node(node).label("security", s);
    };
    // stayWithS1InRegion (5), stayWithS2InRegion (6), awayFromS1InAz (5), awayFromS2InAz (5).
    auto withS1 = [](PodBuilder p) { return p.preferredPodAffinity(5, PodBuilder::term("region", in("security", {"S1"}))); };
    auto withS2 = [](PodBuilder p) { return p.preferredPodAffinity(6, PodBuilder::term("region", in("security", {"S2"}))); };
    auto awayS1 = [](PodBuilder p) { return p.preferredPodAntiAffinity(5, PodBuilder::term("az", in("security", {"S1"}))); };
    auto awayS2 = [](PodBuilder p) { return p.preferredPodAntiAffinity(5, PodBuilder::term("az", in("security", {"S2"}))); };
    auto withS1AwayS2 = [](PodBuilder p) {
        return p.preferredPodAffinity(8, PodBuilder::term("region", in("security", {"S1"})))
            .preferredPodAntiAffinity(5, PodBuilder::term("az", in("security", {"S2"})));
    };

    rows.push_back({"all nodes are same priority as Affinity is nil", makePod("p").label("security", "S1").obj(),
                    {china("node1"), india("node2"), az("node3", "az1")}, {}, {}});
    rows.push_back({"Affinity: pod that matches topology key & pods in nodes will get high score",
                    withS1(makePod("p").label("security", "S1")).obj(), {china("node1"), india("node2"), az("node3", "az1")},
                    {sec("e1", "node1", "S1"), sec("e2", "node2", "S2"), sec("e3", "node3", "S1")}, {100, 0, 0}});
    rows.push_back({"All the nodes with the same topology value as a matching pod have the same score",
                    withS1(makePod("p")).obj(),
                    {china("node1"), makeNode("node2").label("region", "China").label("az", "az1"), india("node3")},
                    {sec("e1", "node1", "S1")}, {100, 100, 0}});
    rows.push_back({"Affinity: the region with more matching pods gets the high score",
                    withS2(makePod("p").label("security", "S1")).obj(),
                    {china("node1"), india("node2"), china("node3"), china("node4"), india("node5")},
                    {sec("e1", "node1", "S2"), sec("e2", "node1", "S2"), sec("e3", "node2", "S2"), sec("e4", "node3", "S2"),
                     sec("e5", "node4", "S2"), sec("e6", "node5", "S2")},
                    {100, 0, 100, 100, 0}});
    rows.push_back({"Affinity: different Label operators and values, including some match failures",
                    makePod("p").label("security", "S1")
                        .preferredPodAffinity(8, PodBuilder::term("region", selExpr({req("security", "NotIn", {"S1"}),
                                                                                     req("security", "In", {"S2"})})))
                        .preferredPodAffinity(2, PodBuilder::term("region", selExpr({req("security", "Exists"),
                                                                                     req("wrongkey", "DoesNotExist")})))
                        .obj(),
                    {china("node1"), india("node2"), az("node3", "az1")},
                    {sec("e1", "node1", "S1"), sec("e2", "node2", "S2"), sec("e3", "node3", "S1")}, {20, 100, 0}});
    rows.push_back({"Affinity symmetry: the existing pods' preferred affinity",
                    makePod("p").label("security", "S2").obj(), {china("node1"), india("node2"), az("node3", "az1")},
                    {withS1(makePod("e1").node("node1").label("security", "S1")),
                     withS2(makePod("e2").node("node2").label("security", "S2"))},
                    {0, 100, 0}});
    auto nsSelectorTerm = [] {
        return PodBuilder::term("region", in("security", {"S1"}), {"subteam2.team2"}, in("team", {"team1"}));
    };
    rows.push_back({"Affinity symmetry with namespace selector",
                    makePod("p", "subteam1.team1").label("security", "S1").obj(),
                    {china("node1"), india("node2"), az("node3", "az1")},
                    {makePod("e1").node("node1").label("security", "S1").preferredPodAffinity(5, nsSelectorTerm()),
                     withS2(makePod("e2").node("node2").label("security", "S2"))},
                    {100, 0, 0}});
    rows.push_back({"AntiAffinity symmetry with namespace selector",
                    makePod("p", "subteam1.team1").label("security", "S1").obj(),
                    {china("node1"), india("node2"), az("node3", "az1")},
                    {makePod("e1").node("node1").label("security", "S1").preferredPodAntiAffinity(5, nsSelectorTerm()),
                     withS2(makePod("e2").node("node2").label("security", "S2"))},
                    {0, 100, 100}});
    auto hardAffinity = [](PodBuilder p) {
        return p.podAffinity(PodBuilder::term("region", in("security", {"S1", "value2"})))
            .podAffinity(PodBuilder::term("region", selExpr({req("security", "Exists"), req("wrongkey", "DoesNotExist")})));
    };
    rows.push_back({"Affinity symmetry: the existing pods' required affinity counts with hardPodAffinityWeight",
                    makePod("p").label("security", "S1").obj(), {china("node1"), india("node2"), az("node3", "az1")},
                    {hardAffinity(makePod("e1").node("node1").label("security", "S1")),
                     hardAffinity(makePod("e2").node("node2").label("security", "S2"))},
                    {100, 100, 0}});
    rows.push_back({"Anti Affinity: pod that does not match existing pods in node will get high score",
                    awayS1(makePod("p").label("security", "S1")).obj(), {az("node1", "az1"), china("node2")},
                    {sec("e1", "node1", "S1"), sec("e2", "node2", "S2")}, {0, 100}});
    rows.push_back({"Anti Affinity: pod that does not match topology key & match the pods in nodes gets higher score",
                    awayS1(makePod("p").label("security", "S1")).obj(), {az("node1", "az1"), china("node2")},
                    {sec("e1", "node1", "S1"), sec("e2", "node2", "S1")}, {0, 100}});
    rows.push_back({"Anti Affinity: the node with more matching pods gets the low score",
                    awayS1(makePod("p").label("security", "S1")).obj(), {az("node1", "az1"), india("node2")},
                    {sec("e1", "node1", "S1"), sec("e2", "node1", "S1"), sec("e3", "node2", "S2")}, {0, 100}});
    rows.push_back({"Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score",
                    makePod("p").label("security", "S2").obj(), {az("node1", "az1"), az("node2", "az2")},
                    {awayS2(makePod("e1").node("node1").label("security", "S1")),
                     awayS1(makePod("e2").node("node2").label("security", "S2"))},
                    {0, 100}});
    rows.push_back({"Affinity and Anti Affinity: preferred terms of both",
                    withS1AwayS2(makePod("p").label("security", "S1")).obj(), {china("node1"), az("node2", "az1")},
                    {sec("e1", "node1", "S1"), sec("e2", "node2", "S1")}, {100, 0}});
    rows.push_back({"Affinity and Anti Affinity: the pod to schedule and existing pods have the same labels",
                    withS1AwayS2(makePod("p").label("security", "S1")).obj(),
                    {makeNode("node1").label("region", "China").label("az", "az1"), india("node2"), china("node3"),
                     china("node4"), india("node5")},
                    {sec("e1", "node1", "S1"), sec("e2", "node1", "S1"), sec("e3", "node2", "S1"), sec("e4", "node3", "S1"),
                     sec("e5", "node3", "S1"), sec("e6", "node4", "S1"), sec("e7", "node5", "S1")},
                    {100, 0, 100, 100, 0}});
    rows.push_back({"Affinity and Anti Affinity and symmetry",
                    withS1AwayS2(makePod("p").label("security", "S1")).obj(),
                    {china("node1"), az("node2", "az1"), india("node3"), az("node4", "az2")},
                    {sec("e1", "node1", "S1"), sec("e2", "node2", "S2"), withS1AwayS2(makePod("e3").node("node3")),
                     awayS1(makePod("e4").node("node4"))},
                    {100, 0, 100, 0}});
    rows.push_back({"Avoid panic when partial nodes in a topology don't have pods with affinity",
                    makePod("p").label("security", "S1").obj(), {china("node1"), china("node2")},
                    {sec("e1", "node1", "S1"), withS1AwayS2(makePod("e2").node("node2"))}, {0, 0}});
    auto nsAffinity = [&](PodBuilder p) { return p.preferredPodAffinity(5, nsSelectorTerm()); };
    auto nsAntiAffinity = [&](PodBuilder p) { return p.preferredPodAntiAffinity(5, nsSelectorTerm()); };
    const Pods nsPods = {sec("e1", "node1", "S1", "subteam1.team1"), sec("e2", "node1", "S1", "subteam1.team1"),
                         sec("e3", "node1", "S1", "subteam1.team2"), sec("e4", "node2", "S1", "subteam2.team1")};
    const Pods nsPods2 = {sec("e1", "node1", "S1", "subteam1.team1"), sec("e2", "node1", "S1", "subteam1.team1"),
                          sec("e3", "node1", "S1", "subteam2.team2"), sec("e4", "node2", "S1", "subteam2.team1")};
    rows.push_back({"Affinity with pods matching NamespaceSelector",
                    nsAffinity(makePod("p", "subteam1.team1").label("security", "S1")).obj(), {china("node1"), india("node2")},
                    nsPods, {100, 0}});
    rows.push_back({"Affinity with pods matching both NamespaceSelector and Namespaces fields",
                    nsAffinity(makePod("p", "subteam1.team1").label("security", "S1")).obj(), {china("node1"), india("node2")},
                    nsPods2, {100, 0}});
    rows.push_back({"Anti-affinity with pods matching NamespaceSelector",
                    nsAntiAffinity(makePod("p", "subteam1.team1").label("security", "S1")).obj(),
                    {china("node1"), india("node2")}, nsPods, {0, 100}});
    rows.push_back({"Anti-affinity with pods matching both NamespaceSelector and Namespaces fields",
                    nsAntiAffinity(makePod("p", "subteam1.team1").label("security", "S1")).obj(),
                    {china("node1"), india("node2")}, nsPods2, {0, 100}});
    const Pods prefExisting = {withS1AwayS2(makePod("e1").node("node1").label("security", "S1")),
                               withS2(makePod("e2").node("node2").label("security", "S2"))};
    rows.push_back({"Ignore preferred terms of existing pods", makePod("p").label("security", "S2").obj(),
                    {china("node1"), india("node2")}, prefExisting, {}, "ignorePreferredTermsOfExistingPods: true"});
    rows.push_back({"Do not ignore preferred terms of existing pods", makePod("p").label("security", "S2").obj(),
                    {china("node1"), india("node2")}, prefExisting, {0, 100}});
    rows.push_back({"No nodes to score", makePod("p").label("security", "S2").obj(), {}, {}, {}});
    // TestPreferredAffinityWithHardPodAffinitySymmetricWeight.
    auto hardPodAffinity = [](const char* name, const char* node) {
        return makePod(name, "").node(node).podAffinity(
            PodBuilder::term("region", in("service", {"S1"}), {"", "subteam2.team2"}, in("team", {"team1"})));
    };
    const Nodes three = {china("node1"), india("node2"), az("node3", "az1")};
    const Pods hardPods = {hardPodAffinity("e1", "node1"), hardPodAffinity("e2", "node2")};
    rows.push_back({"hardPodAffinityWeight: with default weight", makePod("p", "").label("service", "S1").obj(), three,
                    hardPods, {100, 100, 0}});
    rows.push_back({"hardPodAffinityWeight: with zero weight", makePod("p", "").label("service", "S1").obj(), three,
                    hardPods, {}, "hardPodAffinityWeight: 0"});
    rows.push_back({"hardPodAffinityWeight: with no matching namespace",
                    makePod("p", "subteam1.team2").label("service", "S1").obj(), three, hardPods, {}});
    rows.push_back({"hardPodAffinityWeight: with matching NamespaceSelector",
                    makePod("p", "subteam1.team1").label("service", "S1").obj(), three, hardPods, {100, 100, 0}});
    rows.push_back({"hardPodAffinityWeight: with matching Namespaces",
                    makePod("p", "subteam2.team2").label("service", "S1").obj(), three, hardPods, {100, 100, 0}});
    return rows;
}

}  // namespace

class TestPluginInterPodAffinity : public QObject {
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
        handle.setCluster(r.nodes, r.existing, r.objects);
        auto plugin = makePlugin(handle);
        CycleState state;
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(r.pod));
        PreFilterResult result;
        Status pre = plugin->preFilter(state, *pod, result);
        QVERIFY2(pre.isSuccess(), pre.message().c_str());
        for (const auto& [node, want] : r.want) {
            Status s = plugin->filter(state, *pod, *handle.snapshot().get(node));
            QVERIFY2(s.code() == want.first, (node + ": got " + codeName(s.code()) + " " + s.message()).c_str());
            QCOMPARE(s.message(), want.second);
        }
    }

    void preFilterSkipsWhenNothingApplies() {
        FakeHandle handle;
        // An existing pod with anti-affinity that does not match the incoming pod.
        handle.setCluster(regionNode(), {makePod("e").node("machine1").podAntiAffinityIn("app", "region", {"db"})},
                          teamNamespaces());
        auto plugin = makePlugin(handle);
        CycleState state;
        PreFilterResult result;
        auto pod = PodInfo::make(makePod("p").label("app", "web"));
        QCOMPARE(plugin->preFilter(state, *pod, result).code(), Code::Skip);
        auto db = PodInfo::make(makePod("q").label("app", "db"));
        QCOMPARE(plugin->preFilter(state, *db, result).code(), S);
    }

    // Preemption removes victims and adds nominated pods through these extensions.
    void addAndRemovePodUpdateCounts() {
        FakeHandle handle;
        Nodes nodes = {makeNode("m1").label("zone", "z1"), makeNode("m2").label("zone", "z2")};
        auto guard = makePod("guard").node("m1").label("app", "db").podAntiAffinityIn("app", "zone", {"web"});
        auto peer = makePod("peer").node("m2").label("app", "web");
        handle.setCluster(nodes, {guard, peer}, teamNamespaces());
        auto plugin = makePlugin(handle);
        CycleState state;
        PreFilterResult result;
        // The incoming pod avoids other web pods per zone and is avoided by the guard.
        auto pod = PodInfo::make(makePod("p").label("app", "web").podAntiAffinityIn("app", "zone", {"web"}));
        QVERIFY(plugin->preFilter(state, *pod, result).isSuccess());
        const Snapshot& snap = handle.snapshot();
        QCOMPARE(plugin->filter(state, *pod, *snap.get("m1")).message(), kExistingAntiAffinityReason);
        QCOMPARE(plugin->filter(state, *pod, *snap.get("m2")).message(), kAntiAffinityReason);
        auto guardInfo = PodInfo::make(guard);
        QVERIFY(plugin->removePod(state, *pod, *guardInfo, *snap.get("m1")).isSuccess());
        QVERIFY(plugin->filter(state, *pod, *snap.get("m1")).isSuccess());
        auto peerInfo = PodInfo::make(peer);
        auto clone = state.clone();
        QVERIFY(plugin->removePod(*clone, *pod, *peerInfo, *snap.get("m2")).isSuccess());
        QVERIFY(plugin->filter(*clone, *pod, *snap.get("m2")).isSuccess());
        QCOMPARE(plugin->filter(state, *pod, *snap.get("m2")).message(), kAntiAffinityReason);  // clone independent
        QVERIFY(plugin->addPod(state, *pod, *guardInfo, *snap.get("m1")).isSuccess());
        QCOMPARE(plugin->filter(state, *pod, *snap.get("m1")).message(), kExistingAntiAffinityReason);
    }

    // Match counts are memoized per node state across cycles: later cycles must see pods that
    // were added or removed in between.
    void countsFollowSnapshotChanges() {
        FakeHandle handle;
        handle.setCluster({makeNode("m1").label("zone", "z1"), makeNode("m2").label("zone", "z2")}, {}, teamNamespaces());
        auto plugin = makePlugin(handle);
        auto pod = PodInfo::make(makePod("p").label("app", "web").podAntiAffinityIn("app", "zone", {"web"}));
        auto verdicts = [&] {
            CycleState state;
            PreFilterResult result;
            Status pre = plugin->preFilter(state, *pod, result);
            if (!pre.isSuccess()) return std::string(codeName(pre.code()));
            std::string out;
            for (const char* n : {"m1", "m2"}) out += plugin->filter(state, *pod, *handle.snapshot().get(n)).message() + ";";
            return out;
        };
        QCOMPARE(verdicts(), std::string(";;"));
        handle.mutableSnapshot().addPod(PodInfo::make(makePod("w1").label("app", "web").node("m1")), "m1");
        QCOMPARE(verdicts(), kAntiAffinityReason + ";;");
        auto guard = makePod("guard").label("app", "db").node("m2").podAntiAffinityIn("app", "zone", {"web"}).ptr();
        handle.mutableSnapshot().addPod(PodInfo::make(guard), "m2");
        QCOMPARE(verdicts(), kAntiAffinityReason + ";" + kExistingAntiAffinityReason + ";");
        handle.mutableSnapshot().removePod("default", "w1", "m1");
        QCOMPARE(verdicts(), ";" + kExistingAntiAffinityReason + ";");
        // A pod with other labels sees the guard differently (the memo is per incoming pod's labels).
        auto other = PodInfo::make(makePod("q").label("app", "db"));
        CycleState state;
        PreFilterResult result;
        QCOMPARE(plugin->preFilter(state, *other, result).code(), Code::Skip);
    }

    void scoresFollowSnapshotChanges() {
        FakeHandle handle;
        handle.setCluster({makeNode("n1").label("region", "China"), makeNode("n2").label("region", "India")}, {},
                          teamNamespaces());
        auto plugin = makePlugin(handle);
        auto pod = PodInfo::make(makePod("p").label("security", "S1"));
        auto scores = [&]() -> std::vector<std::int64_t> {
            CycleState state;
            if (plugin->preScore(state, *pod, nodeInfos(handle.snapshot(), {"n1", "n2"})).code() == Code::Skip) return {};
            std::vector<NodeScore> list;
            for (const char* n : {"n1", "n2"}) {
                std::int64_t v = 0;
                plugin->score(state, *pod, *handle.snapshot().get(n), v);
                list.push_back({n, v});
            }
            plugin->normalizeScore(state, *pod, list);
            return {list[0].score, list[1].score};
        };
        QCOMPARE(scores(), std::vector<std::int64_t>{});
        auto fan = makePod("fan").node("n2").preferredPodAffinity(5, PodBuilder::term("region", in("security", {"S1"}))).ptr();
        handle.mutableSnapshot().addPod(PodInfo::make(fan), "n2");
        QCOMPARE(scores(), (std::vector<std::int64_t>{0, 100}));
        auto hater = makePod("hater").node("n1").preferredPodAntiAffinity(5, PodBuilder::term("region", in("security", {"S1"}))).ptr();
        handle.mutableSnapshot().addPod(PodInfo::make(hater), "n1");
        QCOMPARE(scores(), (std::vector<std::int64_t>{0, 100}));
        handle.mutableSnapshot().removePod("default", "fan", "n2");
        QCOMPARE(scores(), (std::vector<std::int64_t>{0, 100}));  // -5 and 0
        handle.mutableSnapshot().removePod("default", "hater", "n1");
        QCOMPARE(scores(), std::vector<std::int64_t>{});
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
        handle.setCluster(r.nodes, r.existing, teamNamespaces());
        api::Value args = yaml(r.args);
        auto plugin = makePlugin(handle, &args);
        CycleState state;
        auto pod = PodInfo::make(std::make_shared<const api::Pod>(r.pod));
        std::vector<std::string> names;
        for (const auto& n : r.nodes) names.push_back(n->metadata.name);
        Status pre = plugin->preScore(state, *pod, nodeInfos(handle.snapshot(), names));
        if (r.want.empty()) {
            QCOMPARE(pre.code(), Code::Skip);
            return;
        }
        QVERIFY2(pre.isSuccess(), pre.message().c_str());
        std::vector<NodeScore> scores;
        for (const auto& name : names) {
            std::int64_t s = 0;
            QVERIFY(plugin->score(state, *pod, *handle.snapshot().get(name), s).isSuccess());
            scores.push_back({name, s});
        }
        QVERIFY(plugin->normalizeScore(state, *pod, scores).isSuccess());
        std::vector<std::int64_t> got;
        for (const auto& s : scores) got.push_back(s.score);
        QCOMPARE(got, r.want);
    }

    void rawScoresAreSignedSums() {
        // +8 for the S1 pod in China, -5 for the S2 pod in az1: raw scores keep the sign.
        FakeHandle handle;
        handle.setCluster({makeNode("n1").label("region", "China"), makeNode("n2").label("az", "az1"), makeNode("n3")},
                          {makePod("e1").node("n1").label("security", "S1"), makePod("e2").node("n2").label("security", "S2")},
                          teamNamespaces());
        auto plugin = makePlugin(handle);
        CycleState state;
        auto pod = PodInfo::make(makePod("p").preferredPodAffinity(8, PodBuilder::term("region", in("security", {"S1"})))
                                     .preferredPodAntiAffinity(5, PodBuilder::term("az", in("security", {"S2"}))));
        QVERIFY(plugin->preScore(state, *pod, nodeInfos(handle.snapshot(), {"n1", "n2", "n3"})).isSuccess());
        std::vector<NodeScore> scores;
        for (const char* n : {"n1", "n2", "n3"}) {
            std::int64_t s = 0;
            QVERIFY(plugin->score(state, *pod, *handle.snapshot().get(n), s).isSuccess());
            scores.push_back({n, s});
        }
        QCOMPARE(scores[0].score, std::int64_t(8));
        QCOMPARE(scores[1].score, std::int64_t(-5));
        QCOMPARE(scores[2].score, std::int64_t(0));
        QVERIFY(plugin->normalizeScore(state, *pod, scores).isSuccess());
        QCOMPARE(scores[0].score, std::int64_t(100));
        QCOMPARE(scores[1].score, std::int64_t(0));
        QCOMPARE(scores[2].score, std::int64_t(38));  // int64(100 * (5 / 13.0))
    }

    void args_data() {
        QTest::addColumn<QString>("args");
        QTest::addColumn<int>("weight");
        QTest::addColumn<bool>("ignore");
        QTest::addColumn<QString>("error");
        QTest::newRow("defaults") << "{}" << 1 << false << "";
        QTest::newRow("set") << "{hardPodAffinityWeight: 100, ignorePreferredTermsOfExistingPods: true}" << 100 << true << "";
        QTest::newRow("too big") << "{hardPodAffinityWeight: 101}" << 0 << false
                                 << "hardPodAffinityWeight: Invalid value: 101: not in valid range [0, 100]";
        QTest::newRow("negative") << "{hardPodAffinityWeight: -1}" << 0 << false
                                  << "hardPodAffinityWeight: Invalid value: -1: not in valid range [0, 100]";
    }
    void args() {
        QFETCH(QString, args);
        QFETCH(int, weight);
        QFETCH(bool, ignore);
        QFETCH(QString, error);
        api::Value v = yaml(args.toStdString());
        InterPodAffinityArgs parsed;
        std::string got;
        const bool ok = InterPodAffinityArgs::parse(&v, parsed, got);
        QCOMPARE(QString::fromStdString(got), error);
        QCOMPARE(ok, error.isEmpty());
        if (ok) {
            QCOMPARE(parsed.hardPodAffinityWeight, weight);
            QCOMPARE(parsed.ignorePreferredTermsOfExistingPods, ignore);
        }
        InterPodAffinityArgs defaults;
        QVERIFY(InterPodAffinityArgs::parse(nullptr, defaults, got));
        QCOMPARE(defaults.hardPodAffinityWeight, 1);
    }
};

KS_TEST_MAIN(TestPluginInterPodAffinity)
#include "tst_plugin_inter_pod_affinity.moc"
