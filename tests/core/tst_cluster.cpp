// The simulated cluster with its components on the loop: kube-scheduler replicas watching
// through informers, binding through the store, writing Events and pod conditions, electing a
// leader through a Lease; and the determinism of the whole trace.
#include "ks_test_main.h"
#include <QtTest>

#include "core/cluster/cluster.h"
#include "core/scheduler/scheduler.h"
#include "core/sim/event_loop.h"
#include "core/sim/trace.h"
#include "core/store/api_store.h"

using namespace ks;

namespace {

const char* kCluster = R"(
apiVersion: v1
kind: Node
metadata: {name: node-a, labels: {kubernetes.io/hostname: node-a, topology.kubernetes.io/zone: zone-a}}
status:
  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
---
apiVersion: v1
kind: Node
metadata: {name: node-b, labels: {kubernetes.io/hostname: node-b, topology.kubernetes.io/zone: zone-b}}
status:
  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
---
apiVersion: v1
kind: Node
metadata: {name: node-gpu, labels: {kubernetes.io/hostname: node-gpu, topology.kubernetes.io/zone: zone-c}}
spec:
  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
status:
  allocatable: {cpu: "8", memory: 16Gi, pods: "110"}
  capacity: {cpu: "8", memory: 16Gi, pods: "110"}
)";

std::string pod(const std::string& name, const std::string& cpu, const std::string& extraSpec = "") {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: default}\nspec:\n" + extraSpec +
           "  containers:\n  - name: app\n    image: nginx:1.27\n    resources: {requests: {cpu: \"" + cpu +
           "\"}}\n";
}

std::string nodeOf(cluster::Cluster& c, const std::string& name) {
    auto p = c.store().find({"Pod", "default", name});
    if (!p || !p->at("spec.nodeName")) return {};
    return p->at("spec.nodeName")->text();
}

std::vector<std::pair<std::string, std::string>> eventsFor(cluster::Cluster& c, const std::string& podName) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& e : c.store().list("Event"))
        if (e->at("involvedObject.name") && e->at("involvedObject.name")->text() == podName)
            out.emplace_back(e->str("reason"), e->str("message"));
    return out;
}

std::string leaseHolder(cluster::Cluster& c) {
    auto lease = c.store().find({"Lease", "kube-system", "kube-scheduler"});
    return lease && lease->at("spec.holderIdentity") ? lease->at("spec.holderIdentity")->text() : "";
}

}  // namespace

class TestCluster : public QObject {
    Q_OBJECT
private slots:
    void schedulesPendingPodsThroughTheStore() {
        cluster::Cluster c(7);
        QVERIFY(c.loadText(kCluster, "cluster.yaml").empty());
        QVERIFY(c.loadText(pod("web", "500m"), "web.yaml").empty());
        c.start();
        c.runFor(1 * sim::kSecond);
        const std::string node = nodeOf(c, "web");
        QVERIFY2(node == "node-a" || node == "node-b", node.c_str());  // the tainted node is filtered out
        auto events = eventsFor(c, "web");
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].first, std::string("Scheduled"));
        QCOMPARE(events[0].second, "Successfully assigned default/web to " + node);
        auto stored = c.store().find({"Pod", "default", "web"});
        QCOMPARE(stored->at("status.conditions")->items().front().str("type"), std::string("PodScheduled"));
        QCOMPARE(stored->at("status.conditions")->items().front().str("status"), std::string("True"));
        QCOMPARE(c.schedulingCycles().size(), std::size_t(1));
        QCOMPARE(c.schedulingCycles()[0].selectedNode, node);
    }

    void unschedulablePodGetsEventConditionAndStaysQueued() {
        cluster::Cluster c(7);
        QVERIFY(c.loadText(kCluster, "cluster.yaml").empty());
        QVERIFY(c.loadText(pod("big", "3"), "big.yaml").empty());
        c.start();
        c.runFor(2 * sim::kSecond);
        QCOMPARE(nodeOf(c, "big"), std::string());
        const std::string expected =
            "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. "
            "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, "
            "2 No preemption victims found for incoming pod.";
        auto events = eventsFor(c, "big");
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].first, std::string("FailedScheduling"));
        QCOMPARE(events[0].second, expected);
        auto stored = c.store().find({"Pod", "default", "big"});
        const auto& cond = stored->at("status.conditions")->items().front();
        QCOMPARE(cond.str("type"), std::string("PodScheduled"));
        QCOMPARE(cond.str("status"), std::string("False"));
        QCOMPARE(cond.str("reason"), std::string("Unschedulable"));
        QCOMPARE(cond.str("message"), expected);
        QCOMPARE(c.activeScheduler()->queue().unschedulableCount(), std::size_t(1));
        // The cycle's trace record explains it: every node's failing plugins and the queue after it.
        const sim::TraceRecord* cycle = nullptr;
        for (const auto& r : c.trace().records())
            if (r.action == "Schedule") cycle = &r;
        QVERIFY(cycle);
        QCOMPARE(cycle->key, std::string("scheduler.unschedulable"));
        QCOMPARE(cycle->detail.at("queue")->get("unschedulable")->items().at(0).text(), std::string("default/big"));
        std::map<std::string, std::string> firstFailure;
        for (const auto& n : cycle->detail.get("nodes")->items())
            firstFailure[n.str("name")] = n.get("failures")->items().at(0).str("plugin");
        QCOMPARE(firstFailure["node-gpu"], std::string("TaintToleration"));
        QCOMPARE(firstFailure["node-a"], std::string("NodeResourcesFit"));

        // Tolerating the taint is a pod update: the pod re-enters the queue and lands on node-gpu.
        api::Value patch = api::Value::mapping();
        api::Value tol = api::Value::mapping();
        tol.set("key", api::Value::string("dedicated"));
        tol.set("operator", api::Value::string("Equal"));
        tol.set("value", api::Value::string("gpu"));
        tol.set("effect", api::Value::string("NoSchedule"));
        api::Value tolerations = api::Value::sequence();
        tolerations.push(tol);
        patch.child("spec").set("tolerations", tolerations);
        auto patched = c.store().mergePatch({"Pod", "default", "big"}, patch);
        QVERIFY2(patched.ok(), patched.status.message.c_str());
        c.runFor(1 * sim::kSecond);
        QCOMPARE(nodeOf(c, "big"), std::string("node-gpu"));
    }

    void freedCapacityRequeuesAnUnschedulablePod() {
        cluster::Cluster c(3);
        QVERIFY(c.loadText(kCluster, "cluster.yaml").empty());
        QVERIFY(c.loadText(pod("first", "1500m") + "---\n" + pod("second", "1500m"), "p.yaml").empty());
        c.start();
        c.runFor(1 * sim::kSecond);
        QVERIFY(!nodeOf(c, "first").empty());
        QVERIFY(!nodeOf(c, "second").empty());
        QVERIFY(c.loadText(pod("third", "1500m"), "third.yaml").empty());
        c.runFor(5 * sim::kSecond);
        QCOMPARE(nodeOf(c, "third"), std::string());
        // Deleting a bound pod is an AssignedPodDelete event: NodeResourcesFit rejected "third",
        // so it moves back and takes the freed node.
        const std::string freed = nodeOf(c, "first");
        QVERIFY(c.store().remove({"Pod", "default", "first"}, std::int64_t(0)).ok());
        c.runFor(15 * sim::kSecond);  // backoff is at most 10 s
        QCOMPARE(nodeOf(c, "third"), freed);
    }

    void podNamingAnUnknownSchedulerStaysPending() {
        cluster::Cluster c(1);
        QVERIFY(c.loadText(kCluster, "cluster.yaml").empty());
        QVERIFY(c.loadText(pod("custom", "100m", "  schedulerName: my-scheduler\n"), "p.yaml").empty());
        c.start();
        c.runFor(10 * sim::kSecond);
        QCOMPARE(nodeOf(c, "custom"), std::string());
        QVERIFY(eventsFor(c, "custom").empty());  // nobody is responsible for it
        QCOMPARE(c.schedulingCycles().size(), std::size_t(0));
    }

    void leaderHoldsTheLeaseAndStandbyTakesOverOnStop() {
        cluster::Cluster c(11);
        QVERIFY(c.loadText(kCluster, "cluster.yaml").empty());
        c.setSchedulerReplicas(2);
        c.start();
        c.runFor(30 * sim::kSecond);
        const std::string leader = c.schedulerLeader();
        QCOMPARE(leader, std::string("kube-scheduler-a"));  // the first replica tries first
        QVERIFY(leaseHolder(c).rfind("kube-scheduler-a_", 0) == 0);
        auto lease = c.store().find({"Lease", "kube-system", "kube-scheduler"});
        QCOMPARE(lease->at("spec.leaseDurationSeconds")->toInt().value_or(0), std::int64_t(15));
        QCOMPARE(lease->at("spec.leaseTransitions")->toInt().value_or(-1), std::int64_t(0));
        // Renewed every 2 s: the renewTime is within the last retry period.
        QCOMPARE(lease->at("spec.renewTime")->text(), std::string("2026-01-01T00:00:30.000000Z"));

        QVERIFY(c.stopSchedulerReplica("kube-scheduler-a"));
        QCOMPARE(c.schedulerLeader(), std::string());
        QCOMPARE(leaseHolder(c), std::string());  // released on cancel
        QVERIFY(c.loadText(pod("after-failover", "100m"), "p.yaml").empty());
        c.runFor(5 * sim::kSecond);  // the standby retries every 2-4.4 s
        QCOMPARE(c.schedulerLeader(), std::string("kube-scheduler-b"));
        QVERIFY(leaseHolder(c).rfind("kube-scheduler-b_", 0) == 0);
        lease = c.store().find({"Lease", "kube-system", "kube-scheduler"});
        QCOMPARE(lease->at("spec.leaseTransitions")->toInt().value_or(-1), std::int64_t(1));
        QVERIFY(!nodeOf(c, "after-failover").empty());
        bool becameLeader = false;
        for (const auto& e : c.store().list("Event"))
            if (e->str("reason") == "LeaderElection" && e->str("message") == leaseHolder(c) + " became leader")
                becameLeader = true;
        QVERIFY(becameLeader);

        // The stopped replica comes back as a standby: the Lease is held and not expired.
        QVERIFY(c.startSchedulerReplica("kube-scheduler-a"));
        c.runFor(60 * sim::kSecond);
        QCOMPARE(c.schedulerLeader(), std::string("kube-scheduler-b"));
    }

    void standbyWaitsOutAnUnreleasedLease() {
        // A leader that vanishes without releasing (its Lease written by a process that is gone)
        // is replaced only after leaseDurationSeconds without a change.
        cluster::Cluster c(5);
        QVERIFY(c.loadText(kCluster, "cluster.yaml").empty());
        QVERIFY(c.loadText(R"(
apiVersion: coordination.k8s.io/v1
kind: Lease
metadata: {name: kube-scheduler, namespace: kube-system}
spec:
  holderIdentity: old-master_1234
  leaseDurationSeconds: 15
  acquireTime: "2025-12-31T23:00:00.000000Z"
  renewTime: "2025-12-31T23:59:59.000000Z"
  leaseTransitions: 4
)",
                           "lease.yaml")
                    .empty());
        c.start();
        c.runFor(14 * sim::kSecond);
        QCOMPARE(c.schedulerLeader(), std::string());
        c.runFor(6 * sim::kSecond);
        QCOMPARE(c.schedulerLeader(), std::string("kube-scheduler-a"));
        auto lease = c.store().find({"Lease", "kube-system", "kube-scheduler"});
        QCOMPARE(lease->at("spec.leaseTransitions")->toInt().value_or(-1), std::int64_t(5));
    }

    void sameSeedSameTraceByteForByte() {
        auto run = [](std::uint64_t seed) {
            cluster::Cluster c(seed);
            c.loadText(kCluster, "cluster.yaml");
            c.loadText(pod("a", "500m") + "---\n" + pod("b", "500m") + "---\n" + pod("c", "3"), "pods.yaml");
            c.setSchedulerReplicas(2);
            c.start();
            c.runFor(40 * sim::kSecond);
            return sim::toJsonLines(c.trace());
        };
        const std::string first = run(42);
        QVERIFY(first.size() > 1000);
        QVERIFY(first.find("\"actor\":\"kube-scheduler-a\"") != std::string::npos);
        QVERIFY(first.find("scheduler.scheduled") != std::string::npos);
        QCOMPARE(run(42), first);
        QVERIFY(run(43) != first);  // the seed reaches the trace (identities, tie breaks)
    }
};

KS_TEST_MAIN(TestCluster)
#include "tst_cluster.moc"
