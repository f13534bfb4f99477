// Tests kubectl replace (cmd/replace/replace.go, v1.31) and -f documents given as text (the
// GUI's editors record their document with the edit): replace --force re-creates a pod with a
// changed spec and without its node, plain replace updates a node, and kubectl's words for
// the refusals. An invalid document changes nothing.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/decode.h"
#include "core/cluster/cluster.h"
#include "core/kubectl/kubectl.h"
#include "core/store/api_store.h"

using namespace ks;

namespace {

QString S(const std::string& s) { return QString::fromStdString(s); }

const char* kCluster = R"(apiVersion: v1
kind: Node
metadata:
  name: n1
  labels: {kubernetes.io/hostname: n1}
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
---
apiVersion: v1
kind: Pod
metadata: {name: bound, namespace: default}
spec:
  nodeName: n1
  containers: [{name: app, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: pending, namespace: default}
spec:
  containers: [{name: app, image: busybox}]
)";

const char* kPendingWithToleration = R"(apiVersion: v1
kind: Pod
metadata: {name: pending, namespace: default}
spec:
  tolerations:
  - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
  containers: [{name: app, image: busybox}]
)";

std::unique_ptr<cluster::Cluster> makeCluster() {
    auto c = std::make_unique<cluster::Cluster>(1);
    for (const auto& d : c->loadText(kCluster, "cluster.yaml"))
        if (d.isError()) qWarning("%s", d.format().c_str());
    return c;
}

kubectl::CommandResult runWith(cluster::Cluster& c, const std::string& line, const std::string& file,
                               const std::string& text) {
    kubectl::KubectlOptions options;
    options.documents[file] = text;
    return kubectl::runCommand(c.store(), line, options);
}

}  // namespace

class TestKubectlReplace : public QObject {
    Q_OBJECT

private slots:
    void forceRecreatesPendingPod();
    void forceUnbindsBoundPod();
    void forceCreatesMissingObject();
    void replaceUpdatesNode();
    void refusals_data();
    void refusals();
    void invalidDocumentChangesNothing();
};

void TestKubectlReplace::forceRecreatesPendingPod() {
    auto c = makeCluster();
    const std::string uidBefore = c->store().find({"Pod", "default", "pending"})->at("metadata.uid")->text();
    auto r = runWith(*c, "replace --force -f pod-pending.yaml", "pod-pending.yaml", kPendingWithToleration);
    QCOMPARE(S(r.err), QString());
    QCOMPARE(S(r.out), QString("pod \"pending\" deleted\npod/pending replaced\n"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.mutated);
    auto pod = api::decodePod(*c->store().find({"Pod", "default", "pending"}));
    QCOMPARE(pod.spec.tolerations.size(), std::size_t(1));
    QCOMPARE(S(pod.spec.tolerations[0].key), QString("dedicated"));
    QCOMPARE(S(pod.spec.tolerations[0].value), QString("gpu"));
    // A new object: a new uid, as the API server gives a re-created pod.
    QVERIFY(c->store().find({"Pod", "default", "pending"})->at("metadata.uid")->text() != uidBefore);
}

void TestKubectlReplace::forceUnbindsBoundPod() {
    auto c = makeCluster();
    QCOMPARE(S(c->store().find({"Pod", "default", "bound"})->at("spec.nodeName")->text()), QString("n1"));
    const char* doc = "apiVersion: v1\nkind: Pod\nmetadata: {name: bound, namespace: default}\n"
                      "spec:\n  nodeSelector: {disktype: ssd}\n  containers: [{name: app, image: busybox}]\n";
    auto r = runWith(*c, "replace --force -f pod-bound.yaml", "pod-bound.yaml", doc);
    QCOMPARE(S(r.out), QString("pod \"bound\" deleted\npod/bound replaced\n"));
    auto pod = c->store().find({"Pod", "default", "bound"});
    QVERIFY(pod->at("spec.nodeName") == nullptr);  // placed again by the scheduler
    QCOMPARE(S(pod->at("spec.nodeSelector.disktype")->text()), QString("ssd"));
}

void TestKubectlReplace::forceCreatesMissingObject() {
    auto c = makeCluster();
    const char* doc = "apiVersion: v1\nkind: Pod\nmetadata: {name: fresh}\nspec:\n  containers: [{name: a, image: b}]\n";
    auto r = runWith(*c, "replace --force -f fresh.yaml", "fresh.yaml", doc);
    QCOMPARE(S(r.out), QString("pod/fresh replaced\n"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(c->store().find({"Pod", "default", "fresh"}));
}

void TestKubectlReplace::replaceUpdatesNode() {
    auto c = makeCluster();
    const char* doc = R"(apiVersion: v1
kind: Node
metadata:
  name: n1
  labels: {kubernetes.io/hostname: n1, disktype: ssd}
spec:
  taints:
  - {key: dedicated, value: gpu, effect: NoSchedule}
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
)";
    auto r = runWith(*c, "replace -f node-n1.yaml", "node-n1.yaml", doc);
    QCOMPARE(S(r.err), QString());
    QCOMPARE(S(r.out), QString("node/n1 replaced\n"));
    auto n = api::decodeNode(*c->store().find({"Node", "", "n1"}));
    QCOMPARE(S(n.metadata.labels.at("disktype")), QString("ssd"));
    QCOMPARE(n.spec.taints.size(), std::size_t(1));
}

void TestKubectlReplace::refusals_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("err");
    QTest::newRow("no file") << "replace" << "" << "error: Must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n";
    QTest::newRow("grace without force") << "replace --grace-period=0 -f x.yaml" << "" << "error: --grace-period must have --force specified\n";
    QTest::newRow("update of a missing object")
        << "replace -f x.yaml" << "apiVersion: v1\nkind: Pod\nmetadata: {name: ghost}\nspec:\n  containers: [{name: a, image: b}]\n"
        << "Error from server (NotFound): error when replacing \"x.yaml\": pods \"ghost\" not found\n";
}

void TestKubectlReplace::refusals() {
    QFETCH(QString, line);
    QFETCH(QString, document);
    QFETCH(QString, err);
    auto c = makeCluster();
    const auto rv = c->store().resourceVersion();
    auto r = runWith(*c, line.toStdString(), "x.yaml", document.toStdString());
    QCOMPARE(S(r.err), err);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.mutated);
    QCOMPARE(c->store().resourceVersion(), rv);
}

void TestKubectlReplace::invalidDocumentChangesNothing() {
    auto c = makeCluster();
    const auto rv = c->store().resourceVersion();
    const char* doc = "apiVersion: v1\nkind: Pod\nmetadata: {name: pending, namespace: default}\nspec:\n"
                      "  tolerations:\n  - {key: dedicated, operator: Sometimes, effect: NoSchedule}\n"
                      "  containers: [{name: app, image: busybox}]\n";
    auto r = runWith(*c, "replace --force -f pod-pending.yaml", "pod-pending.yaml", doc);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(S(r.err).startsWith("error: pod-pending.yaml:6:"));
    QVERIFY2(S(r.err).contains("spec.tolerations[0].operator"), qPrintable(S(r.err)));
    QCOMPARE(S(r.out), QString());
    QCOMPARE(c->store().resourceVersion(), rv);
    QVERIFY(c->store().find({"Pod", "default", "pending"})->at("spec.tolerations") == nullptr);
}

KS_TEST_MAIN(TestKubectlReplace)
#include "tst_kubectl_replace.moc"
