// Tests saved scenarios and snapshot import: which fields a saved object keeps, that a scenario
// saved from a running cluster re-opens as the same objects (bound pods still bound), and that a
// `kubectl get ... -A -o yaml` snapshot imports without its server-set fields.
#include "ks_test_main.h"
#include <QtTest>

#include <fstream>
#include <sstream>

#include "core/api/scenario_writer.h"
#include "core/api/yaml_reader.h"
#include "core/cluster/cluster.h"
#include "core/sim/clock.h"
#include "core/store/api_store.h"

using namespace ks;
using namespace ks::api;

namespace {

Value readOne(const std::string& text) {
    auto r = readYaml(text, "t.yaml");
    if (!r.ok() || r.documents.size() != 1) return Value();
    return r.documents[0];
}

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<Value> allObjects(const store::ApiStore& store) {
    std::vector<Value> out;
    for (const std::string& kind : store.kinds())
        for (const auto& object : store.list(kind)) out.push_back(*object);
    return out;
}

const Value* findObject(const std::vector<Value>& objects, const std::string& kind, const std::string& name) {
    for (const Value& o : objects)
        if (o.str("kind") == kind && o.at("metadata.name") && o.at("metadata.name")->text() == name) return &o;
    return nullptr;
}

std::string textAt(const Value& object, const char* path) {
    const Value* v = object.at(path);
    return v && v->isScalar() ? v->text() : std::string("<absent>");
}

QStringList kindsInOrder(const std::vector<Value>& objects) {
    QStringList kinds;
    for (const Value& o : objects) kinds << QString::fromStdString(o.str("kind") + "/" + textAt(o, "metadata.name"));
    return kinds;
}

const std::string kSnapshot = std::string(KUBESTAGE_SOURCE_DIR) + "/tests/data/snapshot/kind-cluster.yaml";

}  // namespace

class TestScenarioWriter : public QObject {
    Q_OBJECT
private slots:
    void serverFieldsAreDropped() {
        Value pod = readOne(R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: default
  uid: 1234
  resourceVersion: "17"
  generation: 1
  creationTimestamp: "2024-01-01T00:00:00Z"
  managedFields: [{manager: kubectl, operation: Update}]
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-1, uid: 99, controller: true}]
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: "{}"
    team: shop
  labels: {app: web}
spec:
  containers: [{name: c, image: nginx}]
status:
  phase: Pending
  qosClass: BestEffort
)");
        std::optional<Value> saved = scenarioObject(pod);
        QVERIFY(saved);
        const Value* meta = saved->get("metadata");
        QVERIFY(meta);
        QStringList keys;
        for (const auto& f : meta->fields()) keys << QString::fromStdString(f.key);
        QCOMPARE(keys, (QStringList{"name", "namespace", "annotations", "labels"}));
        QCOMPARE(textAt(*saved, "metadata.annotations.team"), std::string("shop"));
        QVERIFY(!saved->at("metadata.annotations.kubectl.kubernetes.io/last-applied-configuration"));
        QCOMPARE(saved->at("metadata.annotations")->fields().size(), std::size_t(1));
        QVERIFY2(!saved->get("status"), "a pending pod's status is what a create writes again");
        QCOMPARE(textAt(*saved, "spec.containers"), std::string("<absent>"));  // a sequence, kept
        QVERIFY(saved->at("spec.containers"));
    }

    void statusKeptWhereItIsTheWorld_data() {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<bool>("kept");
        QTest::newRow("bound pod") << "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {nodeName: n1}\nstatus: {phase: Running}\n" << true;
        QTest::newRow("pending pod") << "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}\nstatus: {phase: Pending}\n" << false;
        QTest::newRow("node") << "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus: {allocatable: {cpu: 1}}\n" << true;
        QTest::newRow("pv") << "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: v}\nstatus: {phase: Bound}\n" << true;
        QTest::newRow("pvc") << "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nstatus: {phase: Bound}\n" << true;
        QTest::newRow("namespace") << "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\nstatus: {phase: Active}\n" << false;
        QTest::newRow("deployment") << "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nstatus: {replicas: 3}\n" << false;
    }
    void statusKeptWhereItIsTheWorld() {
        QFETCH(QString, yaml);
        QFETCH(bool, kept);
        std::optional<Value> saved = scenarioObject(readOne(yaml.toStdString()));
        QVERIFY(saved);
        QCOMPARE(saved->get("status") != nullptr, kept);
    }

    void runtimeKindsAreLeftOut_data() {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("runtime");
        QTest::newRow("core Event") << "v1" << "Event" << true;
        QTest::newRow("events.k8s.io Event") << "events.k8s.io/v1" << "Event" << true;
        QTest::newRow("Lease") << "coordination.k8s.io/v1" << "Lease" << true;
        QTest::newRow("a CRD named Event") << "example.com/v1" << "Event" << false;
        QTest::newRow("Pod") << "v1" << "Pod" << false;
    }
    void runtimeKindsAreLeftOut() {
        QFETCH(QString, apiVersion);
        QFETCH(QString, kind);
        QFETCH(bool, runtime);
        QCOMPARE(isRuntimeKind(apiVersion.toStdString(), kind.toStdString()), runtime);
    }

    void referencedKindsComeFirst() {
        std::vector<Value> objects = {
            readOne("apiVersion: v1\nkind: Pod\nmetadata: {name: b, creationTimestamp: '2024-01-01T00:00:02Z'}\n"),
            readOne("apiVersion: v1\nkind: Pod\nmetadata: {name: a, creationTimestamp: '2024-01-01T00:00:03Z'}\n"),
            readOne("apiVersion: v1\nkind: Node\nmetadata: {name: n}\n"),
            readOne("apiVersion: v1\nkind: Event\nmetadata: {name: e}\n"),
            readOne("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"),
            readOne("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 10\n"),
            readOne("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"),
        };
        QCOMPARE(kindsInOrder(scenarioObjects(objects)),
                 (QStringList{"Namespace/shop", "PriorityClass/high", "Node/n", "Deployment/d", "Pod/b", "Pod/a"}));
    }

    // Save a running cluster, open what was saved: the same objects, bound pods still bound.
    void savedScenarioReopensAsTheSameObjects() {
        const std::string text = readFile(std::string(KUBESTAGE_SOURCE_DIR) + "/resources/scenarios/default.yaml");
        QVERIFY(!text.empty());
        cluster::Cluster original(1);
        QVERIFY(!hasErrors(original.loadText(text, "default.yaml")));
        original.start();
        original.runFor(60 * sim::kSecond);
        std::vector<Value> before = scenarioObjects(allObjects(original.store()));
        int bound = 0, pending = 0;
        for (const Value& o : before) {
            QVERIFY2(!isRuntimeKind(o.str("apiVersion"), o.str("kind")), o.str("kind").c_str());
            if (o.str("kind") == "Pod") (o.at("spec.nodeName") ? bound : pending) += 1;
        }
        QVERIFY2(bound >= 3 && pending >= 1, "the default scenario has bound and pending pods after a minute");
        // Created at the same moment, the pods keep the order of the file (the queue's order).
        QStringList pods = kindsInOrder(before).filter("Pod/");
        QCOMPARE(pods, (QStringList{"Pod/db-0", "Pod/cache-0", "Pod/web-1", "Pod/web-2", "Pod/trainer"}));

        const std::string saved = writeScenario(before, {"saved by a test"});
        QVERIFY(saved.rfind("# saved by a test\n", 0) == 0);
        QVERIFY(saved.find("resourceVersion") == std::string::npos);
        QVERIFY(saved.find("uid:") == std::string::npos);

        cluster::Cluster reopened(1);
        Diagnostics diags = reopened.loadText(saved, "saved.yaml");
        for (const auto& d : diags) qWarning("%s", d.format().c_str());
        QVERIFY(!hasErrors(diags));
        std::vector<Value> after = scenarioObjects(allObjects(reopened.store()));
        QCOMPARE(kindsInOrder(after), kindsInOrder(before));
        for (std::size_t i = 0; i < before.size(); ++i) {
            if (!(after[i] == before[i])) {
                qWarning("before:\n%s\nafter:\n%s", writeScenario({before[i]}).c_str(), writeScenario({after[i]}).c_str());
                QFAIL("an object changed on the round trip");
            }
        }
    }

    void snapshotImportsWithoutServerFields() {
        const std::string text = readFile(kSnapshot);
        QVERIFY2(!text.empty(), kSnapshot.c_str());
        SnapshotImport imported = importSnapshot(text, "kind-cluster.yaml");
        for (const auto& d : imported.diagnostics) qWarning("%s", d.format().c_str());
        QVERIFY(imported.ok());
        QCOMPARE(imported.dropped, 1);  // the Event
        QCOMPARE(kindsInOrder(imported.objects),
                 (QStringList{"PriorityClass/batch-high", "StorageClass/standard",
                              "PersistentVolume/pvc-4b1c2d3e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                              "PersistentVolumeClaim/data", "Node/kind-worker", "Node/kind-worker2",
                              "Pod/web-6d4cf56db6-8xk2p", "Pod/report"}));
        const std::string yaml = writeScenario(imported.objects);
        for (const char* gone : {"managedFields", "resourceVersion", "uid:", "creationTimestamp", "ownerReferences",
                                 "last-applied-configuration", "pvc-protection", "pv-protection"})
            QVERIFY2(yaml.find(gone) == std::string::npos, gone);

        const Value* web = findObject(imported.objects, "Pod", "web-6d4cf56db6-8xk2p");
        QVERIFY(web);
        QCOMPARE(textAt(*web, "spec.nodeName"), std::string("kind-worker"));
        QCOMPARE(textAt(*web, "status.phase"), std::string("Running"));
        QCOMPARE(textAt(*web, "metadata.generateName"), std::string("web-6d4cf56db6-"));
        const Value* report = findObject(imported.objects, "Pod", "report");
        QVERIFY(report);
        QVERIFY2(!report->get("status"), "the scheduler decides about a pending pod again");
        const Value* node = findObject(imported.objects, "Node", "kind-worker");
        QVERIFY(node);
        QCOMPARE(textAt(*node, "status.allocatable.cpu"), std::string("4"));
        QCOMPARE(textAt(*node, "metadata.annotations.node.alpha.kubernetes.io/ttl"), std::string("<absent>"));
        QVERIFY(node->at("metadata.annotations"));  // kept: not bookkeeping
        const Value* pv = findObject(imported.objects, "PersistentVolume", "pvc-4b1c2d3e-5f6a-4b7c-8d9e-0f1a2b3c4d5e");
        QVERIFY(pv);
        QCOMPARE(textAt(*pv, "spec.claimRef.name"), std::string("data"));
        QVERIFY(!pv->at("spec.claimRef.uid"));
    }

    // The imported snapshot opens as a cluster: the running pod stays on its node, the pending
    // one stays pending (it asks for more cpu than any node has).
    void importedSnapshotRunsAsACluster() {
        SnapshotImport imported = importSnapshot(readFile(kSnapshot), "kind-cluster.yaml");
        QVERIFY(imported.ok());
        cluster::Cluster c(1);
        Diagnostics diags = c.loadText(writeScenario(imported.objects), "kind-cluster.yaml");
        for (const auto& d : diags) qWarning("%s", d.format().c_str());
        QVERIFY(!hasErrors(diags));
        c.start();
        c.runFor(30 * sim::kSecond);
        std::vector<Value> now = allObjects(c.store());
        const Value* web = findObject(now, "Pod", "web-6d4cf56db6-8xk2p");
        QVERIFY(web);
        QCOMPARE(textAt(*web, "spec.nodeName"), std::string("kind-worker"));
        QCOMPARE(textAt(*web, "status.phase"), std::string("Running"));
        const Value* report = findObject(now, "Pod", "report");
        QVERIFY(report);
        QCOMPARE(textAt(*report, "spec.nodeName"), std::string("<absent>"));
        QCOMPARE(textAt(*report, "spec.priority"), std::string("1000"));
    }

    void snapshotErrorsPointAtTheSnapshot() {
        const std::string text = R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: broken
    uid: 42
  spec:
    containers:
    - name: c
)";
        SnapshotImport imported = importSnapshot(text, "snap.yaml");
        QVERIFY(!imported.ok());
        QStringList messages;
        for (const auto& d : imported.diagnostics) messages << QString::fromStdString(d.format());
        QVERIFY2(messages.join('\n').contains("snap.yaml:11:"), qPrintable(messages.join('\n')));
        QVERIFY2(messages.join('\n').contains("spec.containers[0].image: Required value"), qPrintable(messages.join('\n')));
    }
};

KS_TEST_MAIN(TestScenarioWriter)
#include "tst_scenario_writer.moc"
