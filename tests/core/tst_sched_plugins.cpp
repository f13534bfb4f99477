// Table tests for the simple in-tree plugins: verdicts, reason strings, raw and normalized scores.
#include "ks_test_main.h"
#include <QtTest>

#include "core/scheduler/framework/node_info.h"
#include "core/scheduler/plugins/helper/normalize_score.h"
#include "core/scheduler/plugins/node_affinity/node_affinity.h"
#include "core/scheduler/plugins/node_name/node_name.h"
#include "core/scheduler/plugins/node_ports/node_ports.h"
#include "core/scheduler/plugins/node_unschedulable/node_unschedulable.h"
#include "core/scheduler/plugins/priority_sort/priority_sort.h"
#include "core/scheduler/plugins/scheduling_gates/scheduling_gates.h"
#include "core/scheduler/plugins/taint_toleration/taint_toleration.h"
#include "sched_test_util.h"

Q_DECLARE_METATYPE(std::vector<ks::api::Taint>)
Q_DECLARE_METATYPE(std::vector<ks::api::Toleration>)

using namespace ks;
using namespace ks::scheduler;
using namespace ks::schedtest;

namespace {

api::Taint taint(const std::string& key, const std::string& value, const std::string& effect) {
    return api::Taint{key, value, effect, std::nullopt};
}

QString verdict(const Status& s) {
    if (s.isSuccess()) return "Success";
    return QString("%1: %2").arg(codeName(s.code()), QString::fromStdString(s.message()));
}

}  // namespace

class TestSchedPlugins : public QObject {
    Q_OBJECT
private slots:
    void nodeUnschedulable_data();
    void nodeUnschedulable();
    void nodeName_data();
    void nodeName();
    void taintFilter_data();
    void taintFilter();
    void taintScore();
    void nodePorts_data();
    void nodePorts();
    void nodeAffinityFilter_data();
    void nodeAffinityFilter();
    void nodeAffinityPreFilterResult_data();
    void nodeAffinityPreFilterResult();
    void nodeAffinityScore();
    void nodeAffinityAddedAffinity();
    void schedulingGates();
    void prioritySort();
    void normalizeScore_data();
    void normalizeScore();
};

void TestSchedPlugins::nodeUnschedulable_data() {
    QTest::addColumn<bool>("unschedulable");
    QTest::addColumn<QString>("tolerationKey");
    QTest::addColumn<QString>("expected");
    QTest::newRow("schedulable node") << false << "" << "Success";
    QTest::newRow("cordoned") << true << "" << "UnschedulableAndUnresolvable: node(s) were unschedulable";
    QTest::newRow("cordoned, tolerated") << true << "node.kubernetes.io/unschedulable" << "Success";
    QTest::newRow("cordoned, other toleration") << true << "dedicated"
                                                << "UnschedulableAndUnresolvable: node(s) were unschedulable";
}

void TestSchedPlugins::nodeUnschedulable() {
    QFETCH(bool, unschedulable);
    QFETCH(QString, tolerationKey);
    QFETCH(QString, expected);
    auto n = node("n1");
    n->spec.unschedulable = unschedulable;
    auto p = pod("p");
    if (!tolerationKey.isEmpty()) p->spec.tolerations.push_back(toleration(tolerationKey.toStdString(), "Exists", "", "NoSchedule"));
    NodeInfo info(n);
    CycleState state;
    plugins::NodeUnschedulable pl;
    QCOMPARE(verdict(pl.filter(state, *PodInfo::make(p), info)), expected);
}

void TestSchedPlugins::nodeName_data() {
    QTest::addColumn<QString>("podNodeName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no nodeName") << "" << "Success";
    QTest::newRow("same node") << "n1" << "Success";
    QTest::newRow("other node") << "n2"
                                << "UnschedulableAndUnresolvable: node(s) didn't match the requested node name";
}

void TestSchedPlugins::nodeName() {
    QFETCH(QString, podNodeName);
    QFETCH(QString, expected);
    auto p = pod("p");
    p->spec.nodeName = podNodeName.toStdString();
    NodeInfo info(node("n1"));
    CycleState state;
    plugins::NodeName pl;
    QCOMPARE(verdict(pl.filter(state, *PodInfo::make(p), info)), expected);
}

void TestSchedPlugins::taintFilter_data() {
    QTest::addColumn<std::vector<api::Taint>>("taints");
    QTest::addColumn<std::vector<api::Toleration>>("tolerations");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no taints") << std::vector<api::Taint>{} << std::vector<api::Toleration>{} << "Success";
    QTest::newRow("untolerated NoSchedule")
        << std::vector<api::Taint>{taint("dedicated", "gpu", "NoSchedule")} << std::vector<api::Toleration>{}
        << "UnschedulableAndUnresolvable: node(s) had untolerated taint {dedicated: gpu}";
    QTest::newRow("empty value keeps the space")
        << std::vector<api::Taint>{taint("node-role.kubernetes.io/control-plane", "", "NoSchedule")}
        << std::vector<api::Toleration>{}
        << "UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }";
    QTest::newRow("PreferNoSchedule does not filter")
        << std::vector<api::Taint>{taint("a", "b", "PreferNoSchedule")} << std::vector<api::Toleration>{} << "Success";
    QTest::newRow("tolerated by Equal")
        << std::vector<api::Taint>{taint("dedicated", "gpu", "NoSchedule")}
        << std::vector<api::Toleration>{toleration("dedicated", "Equal", "gpu", "NoSchedule")} << "Success";
    QTest::newRow("Equal with another value")
        << std::vector<api::Taint>{taint("dedicated", "gpu", "NoSchedule")}
        << std::vector<api::Toleration>{toleration("dedicated", "Equal", "cpu", "NoSchedule")}
        << "UnschedulableAndUnresolvable: node(s) had untolerated taint {dedicated: gpu}";
    QTest::newRow("first untolerated in node order")
        << std::vector<api::Taint>{taint("a", "1", "NoSchedule"), taint("b", "2", "NoExecute")}
        << std::vector<api::Toleration>{toleration("a", "Exists", "", "")}
        << "UnschedulableAndUnresolvable: node(s) had untolerated taint {b: 2}";
    QTest::newRow("key-less Exists tolerates all")
        << std::vector<api::Taint>{taint("a", "1", "NoSchedule"), taint("b", "2", "NoExecute")}
        << std::vector<api::Toleration>{toleration("", "Exists", "", "")} << "Success";
    QTest::newRow("effect must match")
        << std::vector<api::Taint>{taint("a", "1", "NoExecute")}
        << std::vector<api::Toleration>{toleration("a", "Exists", "", "NoSchedule")}
        << "UnschedulableAndUnresolvable: node(s) had untolerated taint {a: 1}";
}

void TestSchedPlugins::taintFilter() {
    QFETCH(std::vector<api::Taint>, taints);
    QFETCH(std::vector<api::Toleration>, tolerations);
    QFETCH(QString, expected);
    auto n = node("n1");
    n->spec.taints = taints;
    auto p = pod("p");
    p->spec.tolerations = tolerations;
    NodeInfo info(n);
    CycleState state;
    plugins::TaintToleration pl;
    QCOMPARE(verdict(pl.filter(state, *PodInfo::make(p), info)), expected);
}

void TestSchedPlugins::taintScore() {
    // Raw score = untolerated PreferNoSchedule taints; normalized in reverse: [0,1,2] -> [100,50,0].
    auto n0 = node("n0");
    auto n1 = node("n1");
    n1->spec.taints = {taint("a", "1", "PreferNoSchedule")};
    auto n2 = node("n2");
    n2->spec.taints = {taint("a", "1", "PreferNoSchedule"), taint("b", "1", "PreferNoSchedule"),
                       taint("c", "1", "PreferNoSchedule")};
    auto p = pod("p");
    // A PreferNoSchedule toleration counts; a NoSchedule one does not.
    p->spec.tolerations = {toleration("c", "Exists", "", "PreferNoSchedule"), toleration("b", "Exists", "", "NoSchedule")};
    auto pi = PodInfo::make(p);
    NodeInfo i0(n0), i1(n1), i2(n2);
    std::vector<const NodeInfo*> nodes{&i0, &i1, &i2};
    CycleState state;
    plugins::TaintToleration pl;
    QVERIFY(pl.preScore(state, *pi, nodes).isSuccess());
    std::vector<NodeScore> scores;
    for (const NodeInfo* ni : nodes) {
        std::int64_t s = -1;
        QVERIFY(pl.score(state, *pi, *ni, s).isSuccess());
        scores.push_back({ni->name(), s});
    }
    QCOMPARE(scores[0].score, 0);
    QCOMPARE(scores[1].score, 1);
    QCOMPARE(scores[2].score, 2);
    QVERIFY(pl.normalizeScore(state, *pi, scores).isSuccess());
    QCOMPARE(scores[0].score, 100);
    QCOMPARE(scores[1].score, 50);
    QCOMPARE(scores[2].score, 0);
}

void TestSchedPlugins::nodePorts_data() {
    QTest::addColumn<QString>("usedIp");
    QTest::addColumn<int>("usedPort");
    QTest::addColumn<QString>("wantIp");
    QTest::addColumn<int>("wantPort");
    QTest::addColumn<QString>("expected");
    const QString conflict = "Unschedulable: node(s) didn't have free ports for the requested pod ports";
    QTest::newRow("free port") << "" << 8080 << "" << 80 << "Success";
    QTest::newRow("same port, all ips") << "" << 80 << "" << 80 << conflict;
    QTest::newRow("wanted 0.0.0.0 conflicts with a specific ip") << "10.0.0.1" << 80 << "" << 80 << conflict;
    QTest::newRow("specific ip conflicts with 0.0.0.0") << "" << 80 << "10.0.0.2" << 80 << conflict;
    QTest::newRow("different specific ips") << "10.0.0.1" << 80 << "10.0.0.2" << 80 << "Success";
}

void TestSchedPlugins::nodePorts() {
    QFETCH(QString, usedIp);
    QFETCH(int, usedPort);
    QFETCH(QString, wantIp);
    QFETCH(int, wantPort);
    QFETCH(QString, expected);
    auto existing = pod("existing");
    existing->spec.containers[0].ports.push_back({"http", 80, usedPort, "TCP", usedIp.toStdString()});
    NodeInfo info(node("n1"));
    info.addPod(PodInfo::make(existing));
    auto p = pod("p");
    p->spec.containers[0].ports.push_back({"http", 80, wantPort, "TCP", wantIp.toStdString()});
    CycleState state;
    plugins::NodePorts pl;
    PreFilterResult r;
    QVERIFY(pl.preFilter(state, *PodInfo::make(p), r).isSuccess());
    QCOMPARE(verdict(pl.filter(state, *PodInfo::make(p), info)), expected);
    // A pod without host ports is skipped at PreFilter.
    CycleState other;
    QVERIFY(pl.preFilter(other, *PodInfo::make(pod("q")), r).isSkip());
}

void TestSchedPlugins::nodeAffinityFilter_data() {
    QTest::addColumn<QString>("selectorKey");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    const QString fail = "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector";
    QTest::newRow("In matches") << "zone" << "In" << "a" << "Success";
    QTest::newRow("In misses") << "zone" << "In" << "b" << fail;
    QTest::newRow("NotIn on absent key matches") << "gpu" << "NotIn" << "x" << "Success";
    QTest::newRow("Exists") << "zone" << "Exists" << "" << "Success";
    QTest::newRow("DoesNotExist") << "zone" << "DoesNotExist" << "" << fail;
    QTest::newRow("Gt") << "cores" << "Gt" << "8" << "Success";
    QTest::newRow("Lt") << "cores" << "Lt" << "8" << fail;
}

void TestSchedPlugins::nodeAffinityFilter() {
    QFETCH(QString, selectorKey);
    QFETCH(QString, op);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    auto n = node("n1");
    n->metadata.labels["zone"] = "a";
    n->metadata.labels["cores"] = "16";
    auto p = pod("p");
    api::NodeSelectorRequirement req{selectorKey.toStdString(), op.toStdString(), {}};
    if (!value.isEmpty()) req.values.push_back(value.toStdString());
    api::NodeAffinity na;
    na.required = api::NodeSelector{{api::NodeSelectorTerm{{req}, {}}}};
    p->spec.affinity = api::Affinity{na, std::nullopt, std::nullopt};
    auto pi = PodInfo::make(p);
    NodeInfo info(n);
    CycleState state;
    plugins::NodeAffinity pl;
    PreFilterResult r;
    QVERIFY(pl.preFilter(state, *pi, r).isSuccess());
    QVERIFY(!r.nodeNames);
    QCOMPARE(verdict(pl.filter(state, *pi, info)), expected);

    // nodeSelector is ANDed with the affinity.
    p->spec.nodeSelector["zone"] = "b";
    QCOMPARE(verdict(pl.filter(state, *PodInfo::make(p), info)),
             QString("UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector"));
}

void TestSchedPlugins::nodeAffinityPreFilterResult_data() {
    QTest::addColumn<QStringList>("term1");
    QTest::addColumn<QStringList>("term2");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one term") << QStringList{"n1", "n2"} << QStringList{} << "n1,n2";
    QTest::newRow("union of terms") << QStringList{"n1"} << QStringList{"n3"} << "n1,n3";
}

void TestSchedPlugins::nodeAffinityPreFilterResult() {
    QFETCH(QStringList, term1);
    QFETCH(QStringList, term2);
    QFETCH(QString, expected);
    auto p = pod("p");
    api::NodeAffinity na;
    api::NodeSelector sel;
    for (const QStringList& names : {term1, term2}) {
        if (names.isEmpty()) continue;
        api::NodeSelectorRequirement r{"metadata.name", "In", {}};
        for (const auto& n : names) r.values.push_back(n.toStdString());
        sel.terms.push_back(api::NodeSelectorTerm{{}, {r}});
    }
    na.required = sel;
    p->spec.affinity = api::Affinity{na, std::nullopt, std::nullopt};
    CycleState state;
    plugins::NodeAffinity pl;
    PreFilterResult r;
    QVERIFY(pl.preFilter(state, *PodInfo::make(p), r).isSuccess());
    QVERIFY(r.nodeNames.has_value());
    QStringList got;
    for (const auto& n : *r.nodeNames) got << QString::fromStdString(n);
    QCOMPARE(got.join(","), expected);

    // Two requirements in one term that name disjoint nodes conflict.
    api::NodeSelectorTerm t{{}, {{"metadata.name", "In", {"n1"}}, {"metadata.name", "In", {"n2"}}}};
    p->spec.affinity->nodeAffinity->required = api::NodeSelector{{t}};
    PreFilterResult r2;
    Status s = pl.preFilter(state, *PodInfo::make(p), r2);
    QCOMPARE(verdict(s), QString("UnschedulableAndUnresolvable: pod affinity terms conflict"));
}

void TestSchedPlugins::nodeAffinityScore() {
    // Raw = sum of matching preferred weights; normalized by the maximum: [0,30,80] -> [0,37,100].
    auto p = pod("p");
    api::NodeAffinity na;
    na.preferred = {{30, api::NodeSelectorTerm{{{"disk", "In", {"ssd"}}}, {}}},
                    {50, api::NodeSelectorTerm{{{"zone", "In", {"a"}}}, {}}}};
    p->spec.affinity = api::Affinity{na, std::nullopt, std::nullopt};
    auto n0 = node("n0");
    auto n1 = node("n1");
    n1->metadata.labels["disk"] = "ssd";
    auto n2 = node("n2");
    n2->metadata.labels["disk"] = "ssd";
    n2->metadata.labels["zone"] = "a";
    NodeInfo i0(n0), i1(n1), i2(n2);
    std::vector<const NodeInfo*> nodes{&i0, &i1, &i2};
    auto pi = PodInfo::make(p);
    CycleState state;
    plugins::NodeAffinity pl;
    QVERIFY(pl.preScore(state, *pi, nodes).isSuccess());
    std::vector<NodeScore> scores;
    for (const NodeInfo* ni : nodes) {
        std::int64_t s = -1;
        QVERIFY(pl.score(state, *pi, *ni, s).isSuccess());
        scores.push_back({ni->name(), s});
    }
    QCOMPARE(scores[0].score, 0);
    QCOMPARE(scores[1].score, 30);
    QCOMPARE(scores[2].score, 80);
    QVERIFY(pl.normalizeScore(state, *pi, scores).isSuccess());
    QCOMPARE(scores[1].score, 37);
    QCOMPARE(scores[2].score, 100);
    // No preferred terms: PreScore skips.
    CycleState other;
    QVERIFY(pl.preScore(other, *PodInfo::make(pod("q")), nodes).isSkip());
}

void TestSchedPlugins::nodeAffinityAddedAffinity() {
    api::NodeAffinity added;
    added.required = api::NodeSelector{{api::NodeSelectorTerm{{{"pool", "In", {"batch"}}}, {}}}};
    plugins::NodeAffinity pl(added);
    auto p = pod("p");
    auto pi = PodInfo::make(p);
    CycleState state;
    PreFilterResult r;
    // Added affinity keeps PreFilter from skipping even for a pod without affinity.
    QVERIFY(pl.preFilter(state, *pi, r).isSuccess());
    auto n = node("n1");
    NodeInfo info(n);
    QCOMPARE(verdict(pl.filter(state, *pi, info)),
             QString("UnschedulableAndUnresolvable: node(s) didn't match scheduler-enforced node affinity"));
    n->metadata.labels["pool"] = "batch";
    NodeInfo ok(n);
    QCOMPARE(verdict(pl.filter(state, *pi, ok)), QString("Success"));
}

void TestSchedPlugins::schedulingGates() {
    plugins::SchedulingGates pl;
    auto p = pod("p");
    QVERIFY(pl.preEnqueue(*p).isSuccess());
    p->spec.schedulingGates = {{"example.com/a"}, {"example.com/b"}};
    QCOMPARE(verdict(pl.preEnqueue(*p)),
             QString("UnschedulableAndUnresolvable: waiting for scheduling gates: [example.com/a example.com/b]"));
}

void TestSchedPlugins::prioritySort() {
    plugins::PrioritySort pl;
    auto hi = pod("hi");
    hi->spec.priority = 100;
    auto lo = pod("lo");
    QueuedPodInfo a{PodInfo::make(hi), 5000, 0, 0, 0, {}, {}};
    QueuedPodInfo b{PodInfo::make(lo), 0, 0, 0, 0, {}, {}};
    QVERIFY(pl.less(a, b));   // priority wins over time
    QVERIFY(!pl.less(b, a));
    QueuedPodInfo c{PodInfo::make(pod("early")), 10, 0, 0, 0, {}, {}};
    QueuedPodInfo d{PodInfo::make(pod("late")), 20, 0, 0, 0, {}, {}};
    QVERIFY(pl.less(c, d));  // then the earlier timestamp
    QVERIFY(!pl.less(d, c));
}

void TestSchedPlugins::normalizeScore_data() {
    QTest::addColumn<QList<qint64>>("raw");
    QTest::addColumn<bool>("reverse");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("scale") << QList<qint64>{0, 30, 80} << false << QList<qint64>{0, 37, 100};
    QTest::newRow("all zero") << QList<qint64>{0, 0} << false << QList<qint64>{0, 0};
    QTest::newRow("reverse") << QList<qint64>{0, 1, 2} << true << QList<qint64>{100, 50, 0};
    QTest::newRow("reverse all zero") << QList<qint64>{0, 0} << true << QList<qint64>{100, 100};
    QTest::newRow("truncation") << QList<qint64>{1, 3} << false << QList<qint64>{33, 100};
}

void TestSchedPlugins::normalizeScore() {
    QFETCH(QList<qint64>, raw);
    QFETCH(bool, reverse);
    QFETCH(QList<qint64>, expected);
    std::vector<NodeScore> scores;
    for (qint64 r : raw) scores.push_back({"n", r});
    plugins::helper::defaultNormalizeScore(100, reverse, scores);
    QList<qint64> got;
    for (const auto& s : scores) got << s.score;
    QCOMPARE(got, expected);
}

KS_TEST_MAIN(TestSchedPlugins)
#include "tst_sched_plugins.moc"
