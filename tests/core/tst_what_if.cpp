// Tests the what-if cycle (core/scheduler/what_if.h): a draft toleration makes a tainted node
// feasible, a draft taint makes a node infeasible, a running pod's draft is placed again without
// counting the running copy, and the store is never written.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/manifest.h"
#include "core/cluster/cluster.h"
#include "core/scheduler/config/defaults.h"
#include "core/scheduler/what_if.h"
#include "core/store/api_store.h"

using namespace ks;

namespace {

QString S(const std::string& s) { return QString::fromStdString(s); }

// small: too little cpu for "big"; gpu: room, but tainted.
const char* kCluster = R"(apiVersion: v1
kind: Node
metadata:
  name: small
  labels: {kubernetes.io/hostname: small}
status:
  capacity: {cpu: "1", memory: 4Gi, pods: "110"}
  allocatable: {cpu: "1", memory: 4Gi, pods: "110"}
---
apiVersion: v1
kind: Node
metadata:
  name: gpu
  labels: {kubernetes.io/hostname: gpu}
spec:
  taints:
  - {key: dedicated, value: gpu, effect: NoSchedule}
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
---
apiVersion: v1
kind: Pod
metadata: {name: big, namespace: default}
spec:
  containers:
  - name: app
    image: busybox
    resources: {requests: {cpu: "2"}}
---
apiVersion: v1
kind: Pod
metadata: {name: running, namespace: default}
spec:
  nodeName: small
  containers:
  - name: app
    image: busybox
    resources: {requests: {cpu: 800m}}
)";

std::unique_ptr<cluster::Cluster> makeCluster() {
    auto c = std::make_unique<cluster::Cluster>(1);
    for (const auto& d : c->loadText(kCluster, "cluster.yaml"))
        if (d.isError()) qWarning("%s", d.format().c_str());
    return c;
}

api::Value parse(const std::string& text) {
    auto loaded = api::loadManifestText(text, "draft.yaml");
    return loaded.objects.empty() ? api::Value() : loaded.objects.front().object;
}

const scheduler::NodeVerdict* verdict(const scheduler::CycleRecord& r, const std::string& node) {
    for (const auto& v : r.nodes)
        if (v.node == node) return &v;
    return nullptr;
}

}  // namespace

class TestWhatIf : public QObject {
    Q_OBJECT

private slots:
    void storedPodIsUnschedulable();
    void draftTolerationMakesTaintedNodeFeasible();
    void draftTaintMakesNodeInfeasible();
    void runningPodIsPlacedAgainWithoutItself();
    void unknownSchedulerIsAnError();
};

void TestWhatIf::storedPodIsUnschedulable() {
    auto c = makeCluster();
    scheduler::WhatIfRequest req;
    req.pod = *c->store().find({"Pod", "default", "big"});
    auto r = scheduler::runWhatIf(c->store(), scheduler::config::defaultConfiguration(), req);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(S(r.record.pod), QString("default/big"));
    QCOMPARE(S(r.record.selectedNode), QString());
    QVERIFY2(S(r.record.message).startsWith("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated "
                                            "taint {dedicated: gpu}."),
             r.record.message.c_str());
    const auto* gpu = verdict(r.record, "gpu");
    QVERIFY(gpu && gpu->evaluated && !gpu->feasible);
    QCOMPARE(S(gpu->failures.front().plugin), QString("TaintToleration"));
    QCOMPARE(S(gpu->failures.front().reasons.front()), QString("node(s) had untolerated taint {dedicated: gpu}"));
}

void TestWhatIf::draftTolerationMakesTaintedNodeFeasible() {
    auto c = makeCluster();
    const auto rv = c->store().resourceVersion();
    scheduler::WhatIfRequest req;
    req.pod = parse(R"(apiVersion: v1
kind: Pod
metadata: {name: big, namespace: default}
spec:
  tolerations:
  - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
  containers:
  - name: app
    image: busybox
    resources: {requests: {cpu: "2"}}
)");
    auto r = scheduler::runWhatIf(c->store(), scheduler::config::defaultConfiguration(), req);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(S(r.record.selectedNode), QString("gpu"));
    QVERIFY(verdict(r.record, "gpu")->feasible);
    const auto* small = verdict(r.record, "small");
    QVERIFY(!small->feasible);
    QCOMPARE(S(small->failures.front().plugin), QString("NodeResourcesFit"));
    QCOMPARE(S(small->failures.front().reasons.front()), QString("Insufficient cpu"));
    // Nothing was written: not the binding, not an event, not the pod's status.
    QCOMPARE(c->store().resourceVersion(), rv);
    QVERIFY(c->store().find({"Pod", "default", "big"})->at("spec.nodeName") == nullptr);
    QVERIFY(c->store().find({"Pod", "default", "big"})->at("spec.tolerations") == nullptr);
}

void TestWhatIf::draftTaintMakesNodeInfeasible() {
    auto c = makeCluster();
    const auto rv = c->store().resourceVersion();
    // A small pod fits "small"; a draft NoExecute taint there leaves no node.
    scheduler::WhatIfRequest req;
    req.pod = parse("apiVersion: v1\nkind: Pod\nmetadata: {name: tiny, namespace: default}\n"
                    "spec:\n  containers: [{name: a, image: b}]\n");
    auto before = scheduler::runWhatIf(c->store(), scheduler::config::defaultConfiguration(), req);
    QCOMPARE(S(before.record.selectedNode), QString("small"));
    api::Value node = *c->store().find({"Node", "", "small"});
    req.nodeDrafts.push_back(parse(R"(apiVersion: v1
kind: Node
metadata:
  name: small
  labels: {kubernetes.io/hostname: small}
spec:
  taints:
  - {key: maintenance, value: "true", effect: NoExecute}
status:
  capacity: {cpu: "1", memory: 4Gi, pods: "110"}
  allocatable: {cpu: "1", memory: 4Gi, pods: "110"}
)"));
    auto after = scheduler::runWhatIf(c->store(), scheduler::config::defaultConfiguration(), req);
    QVERIFY2(after.ok, after.error.c_str());
    QCOMPARE(S(after.record.selectedNode), QString());
    const auto* small = verdict(after.record, "small");
    QVERIFY(small && !small->feasible);
    QCOMPARE(S(small->failures.front().reasons.front()), QString("node(s) had untolerated taint {maintenance: true}"));
    QCOMPARE(c->store().resourceVersion(), rv);
    QVERIFY(*c->store().find({"Node", "", "small"}) == node);  // the stored node has no taint
}

void TestWhatIf::runningPodIsPlacedAgainWithoutItself() {
    auto c = makeCluster();
    // "running" uses 800m of small's 1 cpu; its own draft must not count that copy, so it fits
    // there again.
    scheduler::WhatIfRequest req;
    req.pod = *c->store().find({"Pod", "default", "running"});
    auto r = scheduler::runWhatIf(c->store(), scheduler::config::defaultConfiguration(), req);
    QVERIFY2(r.ok, r.error.c_str());
    QCOMPARE(S(r.record.selectedNode), QString("small"));
    QCOMPARE(S(c->store().find({"Pod", "default", "running"})->at("spec.nodeName")->text()), QString("small"));
}

void TestWhatIf::unknownSchedulerIsAnError() {
    auto c = makeCluster();
    scheduler::WhatIfRequest req;
    req.pod = parse("apiVersion: v1\nkind: Pod\nmetadata: {name: x, namespace: default}\n"
                    "spec:\n  schedulerName: other\n  containers: [{name: a, image: b}]\n");
    auto r = scheduler::runWhatIf(c->store(), scheduler::config::defaultConfiguration(), req);
    QVERIFY(!r.ok);
    QCOMPARE(S(r.error), QString("no scheduler profile named \"other\""));
}

KS_TEST_MAIN(TestWhatIf)
#include "tst_what_if.moc"
