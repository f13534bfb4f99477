// Tests the kubectl console: word splitting, the Go tabwriter layout describe uses, each
// command's stdout/stderr/exit code against kubectl v1.31's words, and each command's effect
// on the store (taints, cordon, labels, scale, patch, delete, drain, apply).
#include "ks_test_main.h"
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "core/api/decode.h"
#include "core/cluster/cluster.h"
#include "core/kubectl/describe_writer.h"
#include "core/kubectl/kubectl.h"
#include "core/store/api_store.h"

using namespace ks;

namespace {

QString S(const std::string& s) { return QString::fromStdString(s); }

const char* kScenario = R"(apiVersion: v1
kind: Node
metadata:
  name: n1
  labels: {kubernetes.io/hostname: n1, disktype: ssd}
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
  conditions:
  - {type: Ready, status: "True", reason: KubeletReady, message: kubelet is posting ready status}
  addresses:
  - {type: InternalIP, address: 10.0.0.1}
---
apiVersion: v1
kind: Node
metadata:
  name: n2
  labels: {kubernetes.io/hostname: n2}
spec:
  taints:
  - {key: dedicated, value: gpu, effect: NoSchedule}
status:
  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
  conditions:
  - {type: Ready, status: "True", reason: KubeletReady, message: kubelet is posting ready status}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web-rs, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  namespace: default
  labels: {app: web}
  ownerReferences:
  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-rs, uid: 11111111-2222-3333-4444-555555555555, controller: true}
spec:
  nodeName: n1
  containers:
  - name: nginx
    image: nginx:1.27
    resources:
      requests: {cpu: 500m, memory: 256Mi}
      limits: {cpu: "1", memory: 512Mi}
---
apiVersion: v1
kind: Pod
metadata: {name: solo, namespace: default}
spec:
  nodeName: n1
  containers: [{name: app, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: pending, namespace: default}
spec:
  containers: [{name: app, image: busybox}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx}]
)";

std::unique_ptr<cluster::Cluster> makeCluster() {
    auto c = std::make_unique<cluster::Cluster>(1);
    auto diags = c->loadText(kScenario, "scenario.yaml");
    for (const auto& d : diags)
        if (d.isError()) qWarning("%s", d.format().c_str());
    return c;
}

kubectl::CommandResult run(cluster::Cluster& c, const std::string& line) {
    return kubectl::runCommand(c.store(), line);
}

std::vector<api::Taint> taintsOf(cluster::Cluster& c, const std::string& node) {
    return api::decodeNode(*c.store().find({"Node", "", node})).spec.taints;
}

}  // namespace

class TestKubectl : public QObject {
    Q_OBJECT

private slots:
    void splitWords_data();
    void splitWords();
    void tabwriter_data();
    void tabwriter();
    void output_data();
    void output();
    void taintEffects();
    void cordonAndUncordon();
    void labelEffects();
    void annotateEffects();
    void scaleAndPatch();
    void deleteAndDrain();
    void drainRefusesBarePods();
    void drainFilters();
    void applyCreatesConfiguresAndKeepsUnchanged();
    void describeNodeLayout();
    void describePodLayout();
};

void TestKubectl::splitWords_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("ok");
    QTest::newRow("blanks") << "  get   pods\t-o wide " << QStringList{"get", "pods", "-o", "wide"} << true;
    QTest::newRow("single quotes keep everything")
        << R"(patch pod x -p '{"spec": {"a": "b c"}}')" << QStringList{"patch", "pod", "x", "-p", R"({"spec": {"a": "b c"}})"}
        << true;
    QTest::newRow("double quotes and escapes")
        << R"(label pod x "a=b c" d=\"e\" f\ g=h)" << QStringList{"label", "pod", "x", "a=b c", "d=\"e\"", "f g=h"} << true;
    QTest::newRow("backslash escapes in double quotes") << R"("a\"b\\c\n")" << QStringList{R"(a"b\c\n)"} << true;
    QTest::newRow("empty quoted word") << "get pods -l ''" << QStringList{"get", "pods", "-l", ""} << true;
    QTest::newRow("unterminated") << "get 'pods" << QStringList{} << false;
}

void TestKubectl::splitWords() {
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    QFETCH(bool, ok);
    std::vector<std::string> got;
    std::string error;
    QCOMPARE(kubectl::splitCommandLine(line.toStdString(), got, error), ok);
    if (!ok) {
        QCOMPARE(S(error), QString("unterminated quoted string"));
        return;
    }
    QStringList gotList;
    for (const auto& w : got) gotList << S(w);
    QCOMPARE(gotList, words);
}

void TestKubectl::tabwriter_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    // Outputs of Go's text/tabwriter (minwidth 0, tabwidth 8, padding 2, padchar ' ', flags 0).
    QTest::newRow("one block") << "Name:\tn1\nRoles:\t<none>\n" << "Name:   n1\nRoles:  <none>\n";
    QTest::newRow("a line without tabs ends the block")
        << "Name:\tn1\nAddresses:\n  InternalIP:\t10.0.0.1\nCapacity:\n  cpu:\t4\n  memory:\t8Gi\n"
        << "Name:  n1\nAddresses:\n  InternalIP:  10.0.0.1\nCapacity:\n  cpu:     4\n  memory:  8Gi\n";
    QTest::newRow("continuation cells align with the first column")
        << "Labels:\ta=b\n\tc=d\nAnnotations:\t<none>\n" << "Labels:       a=b\n              c=d\nAnnotations:  <none>\n";
    QTest::newRow("nested columns") << "a\tbb\tc\naaa\tb\tc\nx\n" << "a    bb  c\naaa  b   c\nx\n";
    QTest::newRow("empty trailing cell pads") << "IP:\t\nIPs:\t<none>\n" << "IP:   \nIPs:  <none>\n";
}

void TestKubectl::tabwriter() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(S(kubectl::tabwriterFormat(input.toStdString())), expected);
}

void TestKubectl::output_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    QTest::addColumn<int>("code");

    QTest::newRow("help") << "kubectl help"
                          << "kubectl controls the Kubernetes cluster manager.\n\nCommands available here:\n  create\n  get\n"
                             "  describe\n  delete\n  apply\n  patch\n  replace\n  scale\n  cordon\n  uncordon\n  drain\n  taint\n  label\n"
                             "  annotate\n"
                          << "" << 0;
    QTest::newRow("get nodes") << "kubectl get nodes"
                               << "NAME   STATUS   ROLES    AGE   VERSION\n"
                                  "n1     Ready    <none>   0s    \n"
                                  "n2     Ready    <none>   0s    \n"
                               << "" << 0;
    QTest::newRow("get pods -o wide") << "get pods -o wide"
                                      << "NAME      READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES\n"
                                         "pending   0/1     Pending   0          0s    <none>   <none>   <none>           <none>\n"
                                         "solo      0/1     Pending   0          0s    <none>   n1       <none>           <none>\n"
                                         "web-1     0/1     Pending   0          0s    <none>   n1       <none>           <none>\n"
                                      << "" << 0;
    QTest::newRow("get one pod by type/name") << "get pod/solo -o name" << "pod/solo\n" << "" << 0;
    QTest::newRow("get with selector") << "get pods -l app=web" << "NAME    READY   STATUS    RESTARTS   AGE\nweb-1   0/1     Pending   0          0s\n" << "" << 0;
    QTest::newRow("get two kinds") << "get nodes,deployments"
                                   << "NAME      STATUS   ROLES    AGE   VERSION\n"
                                      "node/n1   Ready    <none>   0s    \n"
                                      "node/n2   Ready    <none>   0s    \n"
                                      "\n"
                                      "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n"
                                      "deployment.apps/web   0/2     0            0           0s\n"
                                   << "" << 0;
    QTest::newRow("get --show-labels") << "get nodes --show-labels"
                                       << "NAME   STATUS   ROLES    AGE   VERSION   LABELS\n"
                                          "n1     Ready    <none>   0s              disktype=ssd,kubernetes.io/hostname=n1\n"
                                          "n2     Ready    <none>   0s              kubernetes.io/hostname=n2\n"
                                       << "" << 0;
    QTest::newRow("global flags first") << "kubectl -n kube-system get pods" << ""
                                        << "No resources found in kube-system namespace.\n" << 0;
    QTest::newRow("type/ without a name") << "get pod/" << ""
                                          << "error: arguments in resource/name form must have a single resource and name\n" << 1;
    QTest::newRow("create: bad replicas")
        << "create deployment x --image=nginx --replicas=abc" << ""
        << "error: invalid argument \"abc\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid "
           "syntax\nSee 'kubectl create deployment --help' for usage.\n"
        << 1;
    QTest::newRow("get nothing") << "get pods -n kube-system" << "" << "No resources found in kube-system namespace.\n" << 0;
    QTest::newRow("get missing") << "get pod nope" << ""
                                 << "Error from server (NotFound): pods \"nope\" not found\n" << 1;
    QTest::newRow("unknown type") << "get foos" << "" << "error: the server doesn't have a resource type \"foos\"\n" << 1;
    QTest::newRow("unknown command with suggestion")
        << "lable pods x a=b" << "" << "error: unknown command \"lable\" for \"kubectl\"\n\nDid you mean this?\n\tlabel\n" << 1;
    QTest::newRow("unknown command") << "xyzzy" << "" << "error: unknown command \"xyzzy\" for \"kubectl\"\n" << 1;
    QTest::newRow("unknown flag") << "get pods --foo" << ""
                                  << "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n" << 1;
    QTest::newRow("unknown shorthand") << "describe pods -o wide" << ""
                                       << "error: unknown shorthand flag: 'o' in -o\nSee 'kubectl describe --help' for usage.\n" << 1;
    QTest::newRow("flag needs an argument") << "get pods -n" << ""
                                            << "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n" << 1;
    QTest::newRow("taint: add") << "taint nodes n1 dedicated=gpu:NoSchedule" << "node/n1 tainted\n" << "" << 0;
    QTest::newRow("taint: remove by key") << "taint nodes n2 dedicated-" << "node/n2 untainted\n" << "" << 0;
    QTest::newRow("taint: already there")
        << "taint nodes n2 dedicated=other:NoSchedule" << ""
        << "error: node n2 already has dedicated taint(s) with same effect(s) and --overwrite is false\n" << 1;
    QTest::newRow("taint: overwrite") << "taint nodes n2 dedicated=other:NoSchedule --overwrite" << "node/n2 modified\n" << "" << 0;
    QTest::newRow("taint: remove missing") << "taint nodes n1 dedicated-" << "" << "error: taint \"dedicated:\" not found\n" << 1;
    QTest::newRow("taint: bad effect")
        << "taint nodes n1 k=v:Bad" << ""
        << "error: invalid taint effect: Bad, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n" << 1;
    QTest::newRow("taint: no effect")
        << "taint nodes n1 k=v" << ""
        << "error: invalid taint spec: k=v, name part must consist of alphanumeric characters, '-', '_' or '.', and "
           "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
           "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and "
           "examples\n"
        << 1;
    QTest::newRow("taint: nothing to do") << "taint nodes n1" << "" << "error: at least one taint update is required\n" << 1;
    QTest::newRow("taint: pods") << "taint pods solo a=b:NoSchedule" << ""
                                 << "error: invalid resource type pods, only node types are supported\n" << 1;
    QTest::newRow("taint: add and remove the same")
        << "taint nodes n1 a=b:NoSchedule a-" << ""
        << "error: can not both modify and remove the following taint(s) in the same command: {\"a\":\"\"}\n" << 1;
    QTest::newRow("taint: no node name")
        << "taint nodes a=b:NoSchedule" << ""
        << "error: at least one resource name must be specified since 'all' parameter is not set\n" << 1;
    QTest::newRow("taint: all nodes") << "taint nodes --all a=b:NoSchedule" << "node/n1 tainted\nnode/n2 tainted\n" << "" << 0;
    QTest::newRow("cordon") << "cordon n1" << "node/n1 cordoned\n" << "" << 0;
    QTest::newRow("uncordon an uncordoned node") << "uncordon n1" << "node/n1 already uncordoned\n" << "" << 0;
    QTest::newRow("cordon without a node")
        << "cordon" << "" << "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n" << 1;
    QTest::newRow("cordon a missing node") << "cordon nx" << "" << "Error from server (NotFound): nodes \"nx\" not found\n" << 1;
    QTest::newRow("label") << "label pods solo tier=backend" << "pod/solo labeled\n" << "" << 0;
    QTest::newRow("label: remove") << "label pods web-1 app-" << "pod/web-1 unlabeled\n" << "" << 0;
    QTest::newRow("label: remove missing") << "label pods solo nope-" << "label \"nope\" not found.\npod/solo not labeled\n" << "" << 0;
    QTest::newRow("label: no overwrite")
        << "label pods web-1 app=api" << "" << "error: 'app' already has a value (web), and --overwrite is false\n" << 1;
    QTest::newRow("label: overwrite") << "label pods web-1 app=api --overwrite" << "pod/web-1 labeled\n" << "" << 0;
    QTest::newRow("label: modify and remove")
        << "label pods x a=b a-" << "" << "error: can not both modify and remove a label in the same command\n" << 1;
    QTest::newRow("label: resources after changes")
        << "label pods x a=b c" << "" << "error: all resources must be specified before label changes: c\n" << 1;
    QTest::newRow("label a node") << "label node n1 gpu=true" << "node/n1 labeled\n" << "" << 0;
    QTest::newRow("annotate") << "annotate pods solo note='hello world'" << "pod/solo annotated\n" << "" << 0;
    QTest::newRow("annotate: nothing to do") << "annotate pods solo" << "" << "error: at least one annotation update is required\n" << 1;
    QTest::newRow("annotate: modify and remove")
        << "annotate pods solo a=b a-" << ""
        << "error: can not both modify and remove the following annotation(s) in the same command: a\n" << 1;
    QTest::newRow("scale") << "scale deployment web --replicas=3" << "deployment.apps/web scaled\n" << "" << 0;
    QTest::newRow("scale: bad count")
        << "scale deploy web --replicas=abc" << ""
        << "error: invalid argument \"abc\" for \"--replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\n"
           "See 'kubectl scale --help' for usage.\n"
        << 1;
    QTest::newRow("scale: no replicas") << "scale deploy web" << "" << "error: required flag(s) \"replicas\" not set\n" << 1;
    QTest::newRow("patch merge") << R"(patch deployment web --type merge -p '{"spec":{"replicas":5}}')"
                                 << "deployment.apps/web patched\n" << "" << 0;
    QTest::newRow("patch no change") << R"(patch deploy web -p '{"spec":{"replicas":2}}')"
                                     << "deployment.apps/web patched (no change)\n" << "" << 0;
    QTest::newRow("patch bad type") << R"(patch pod solo -p '{}' --type foo)" << ""
                                    << "error: --type must be one of [json merge strategic], not \"foo\"\n" << 1;
    QTest::newRow("patch without a patch")
        << "patch pod solo" << "" << "error: must specify --patch or --patch-file containing the contents of the patch\n" << 1;
    QTest::newRow("delete") << "delete pod pending" << "pod \"pending\" deleted\n" << "" << 0;
    QTest::newRow("delete deployment") << "delete deployment.apps/web" << "deployment.apps \"web\" deleted\n" << "" << 0;
    QTest::newRow("delete missing") << "delete pod nope" << "" << "Error from server (NotFound): pods \"nope\" not found\n" << 1;
    QTest::newRow("delete without names")
        << "delete pods" << "" << "error: resource(s) were provided, but no name was specified\n" << 1;
    QTest::newRow("delete nothing")
        << "delete" << ""
        << "error: You must provide one or more resources by argument or filename.\nExample resource specifications "
           "include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"
        << 1;
    QTest::newRow("create namespace") << "create namespace dev" << "namespace/dev created\n" << "" << 0;
    QTest::newRow("create existing") << "create deployment web --image=nginx" << ""
                                     << "Error from server (AlreadyExists): deployments.apps \"web\" already exists\n" << 1;
    QTest::newRow("apply without files") << "apply" << "" << "error: must specify one of -f and -k\n" << 1;
    QTest::newRow("apply missing file") << "apply -f /nonexistent/x.yaml" << ""
                                        << "error: the path \"/nonexistent/x.yaml\" does not exist\n" << 1;
}

void TestKubectl::output() {
    QFETCH(QString, command);
    QFETCH(QString, out);
    QFETCH(QString, err);
    QFETCH(int, code);
    auto c = makeCluster();
    auto r = run(*c, command.toStdString());
    QCOMPARE(S(r.out), out);
    QCOMPARE(S(r.err), err);
    QCOMPARE(r.exitCode, code);
}

void TestKubectl::taintEffects() {
    auto c = makeCluster();
    QVERIFY(taintsOf(*c, "n1").empty());
    auto r = run(*c, "taint nodes n1 dedicated=gpu:NoSchedule");
    QVERIFY(r.mutated);
    auto t = taintsOf(*c, "n1");
    QCOMPARE(t.size(), std::size_t(1));
    QCOMPARE(S(t[0].key), QString("dedicated"));
    QCOMPARE(S(t[0].value), QString("gpu"));
    QCOMPARE(S(t[0].effect), QString("NoSchedule"));
    // A second taint goes first, as kubectl orders new taints before the old ones.
    run(*c, "taint nodes n1 spot:NoExecute");
    t = taintsOf(*c, "n1");
    QCOMPARE(t.size(), std::size_t(2));
    QCOMPARE(S(t[0].key + ":" + t[0].effect), QString("spot:NoExecute"));
    QCOMPARE(S(t[1].key + ":" + t[1].effect), QString("dedicated:NoSchedule"));
    // Removal by key and effect leaves the other.
    r = run(*c, "taint nodes n1 spot:NoExecute-");
    QCOMPARE(S(r.out), QString("node/n1 untainted\n"));
    QCOMPARE(taintsOf(*c, "n1").size(), std::size_t(1));
    r = run(*c, "taint nodes n1 dedicated-");
    QCOMPARE(S(r.out), QString("node/n1 untainted\n"));
    QVERIFY(taintsOf(*c, "n1").empty());
    QVERIFY(c->store().find({"Node", "", "n1"})->at("spec.taints") == nullptr);
    // A failed command writes nothing.
    auto rv = c->store().resourceVersion();
    r = run(*c, "taint nodes n2 dedicated=x:NoSchedule");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.mutated);
    QCOMPARE(c->store().resourceVersion(), rv);
}

void TestKubectl::cordonAndUncordon() {
    auto c = makeCluster();
    auto unschedulable = [&] { return api::decodeNode(*c->store().find({"Node", "", "n1"})).spec.unschedulable; };
    QVERIFY(!unschedulable());
    QCOMPARE(S(run(*c, "cordon n1").out), QString("node/n1 cordoned\n"));
    QVERIFY(unschedulable());
    QCOMPARE(S(run(*c, "cordon n1").out), QString("node/n1 already cordoned\n"));
    auto get = run(*c, "get nodes n1");
    QCOMPARE(S(get.out), QString("NAME   STATUS                     ROLES    AGE   VERSION\n"
                                 "n1     Ready,SchedulingDisabled   <none>   0s    \n"));
    QCOMPARE(S(run(*c, "uncordon n1").out), QString("node/n1 uncordoned\n"));
    QVERIFY(!unschedulable());
    QCOMPARE(S(run(*c, "cordon -l disktype=ssd").out), QString("node/n1 cordoned\n"));
    QVERIFY(unschedulable());
}

void TestKubectl::labelEffects() {
    auto c = makeCluster();
    auto labels = [&](const std::string& name) { return api::decodePod(*c->store().find({"Pod", "default", name})).metadata.labels; };
    run(*c, "label pods solo tier=backend env=prod");
    QCOMPARE(labels("solo").size(), std::size_t(2));
    QCOMPARE(S(labels("solo").at("tier")), QString("backend"));
    run(*c, "label pod/solo tier-");
    QCOMPARE(labels("solo").size(), std::size_t(1));
    QVERIFY(!labels("solo").count("tier"));
    auto r = run(*c, "label pods --all team=a -n default");
    QCOMPARE(S(r.out), QString("pod/pending labeled\npod/solo labeled\npod/web-1 labeled\n"));
    QCOMPARE(S(labels("pending").at("team")), QString("a"));
    r = run(*c, "label pods -l app=web team=b --overwrite");
    QCOMPARE(S(r.out), QString("pod/web-1 labeled\n"));
    QCOMPARE(S(labels("web-1").at("team")), QString("b"));
    QCOMPARE(S(labels("solo").at("team")), QString("a"));
}

void TestKubectl::annotateEffects() {
    auto c = makeCluster();
    auto annotations = [&] {
        return api::decodeNode(*c->store().find({"Node", "", "n1"})).metadata.annotations;
    };
    QCOMPARE(S(run(*c, "annotate node n1 owner=team-a").out), QString("node/n1 annotated\n"));
    QCOMPARE(S(annotations().at("owner")), QString("team-a"));
    auto r = run(*c, "annotate node n1 owner=team-b");
    QCOMPARE(S(r.err), QString("error: --overwrite is false but found the following declared annotation(s): 'owner' "
                               "already has a value (team-a)\n"));
    QCOMPARE(S(annotations().at("owner")), QString("team-a"));
    run(*c, "annotate node n1 owner=team-b --overwrite");
    QCOMPARE(S(annotations().at("owner")), QString("team-b"));
    QCOMPARE(S(run(*c, "annotate node n1 owner-").out), QString("node/n1 annotated\n"));
    QVERIFY(!annotations().count("owner"));
}

void TestKubectl::scaleAndPatch() {
    auto c = makeCluster();
    auto replicas = [&] { return c->store().find({"Deployment", "default", "web"})->at("spec.replicas")->text(); };
    run(*c, "scale deployment/web --replicas=4");
    QCOMPARE(S(replicas()), QString("4"));
    auto r = run(*c, "scale deploy web --replicas=1 --current-replicas=3");
    QCOMPARE(S(r.err), QString("error: Expected replicas to be 3, was 4\n"));
    QCOMPARE(S(replicas()), QString("4"));
    run(*c, R"(patch deployment web -p '{"spec":{"replicas":0}}')");
    QCOMPARE(S(replicas()), QString("0"));
    r = run(*c, R"(patch node n1 --type=merge -p '{"spec":{"unschedulable":true}}')");
    QCOMPARE(S(r.out), QString("node/n1 patched\n"));
    QVERIFY(api::decodeNode(*c->store().find({"Node", "", "n1"})).spec.unschedulable);
    // A merge patch with null removes the field.
    run(*c, R"(patch node n2 --type merge -p '{"spec":{"taints":null}}')");
    QVERIFY(taintsOf(*c, "n2").empty());
    // YAML patches are accepted as kubectl converts them.
    run(*c, "patch pod solo -p 'metadata: {labels: {tier: web}}'");
    QCOMPARE(S(api::decodePod(*c->store().find({"Pod", "default", "solo"})).metadata.labels.at("tier")), QString("web"));
}

void TestKubectl::deleteAndDrain() {
    auto c = makeCluster();
    run(*c, "delete pods pending solo");
    QVERIFY(!c->store().find({"Pod", "default", "pending"}));
    QVERIFY(!c->store().find({"Pod", "default", "solo"}));
    auto r = run(*c, "drain n1");
    QCOMPARE(S(r.out), QString("node/n1 cordoned\nevicting pod default/web-1\npod/web-1 evicted\nnode/n1 drained\n"));
    QCOMPARE(S(r.err), QString(""));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!c->store().find({"Pod", "default", "web-1"}));
    QVERIFY(api::decodeNode(*c->store().find({"Node", "", "n1"})).spec.unschedulable);
}

void TestKubectl::drainRefusesBarePods() {
    auto c = makeCluster();
    auto r = run(*c, "drain n1");
    QCOMPARE(S(r.out), QString("node/n1 cordoned\n"));
    QCOMPARE(S(r.err),
             QString("error: unable to drain node \"n1\" due to error: cannot delete Pods that declare no controller "
                     "(use --force to override): default/solo, continuing command...\n"
                     "There are pending nodes to be drained:\n n1\n"
                     "cannot delete Pods that declare no controller (use --force to override): default/solo\n"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(c->store().find({"Pod", "default", "solo"}));
    QVERIFY(c->store().find({"Pod", "default", "web-1"}));
    r = run(*c, "drain n1 --force");
    QCOMPARE(S(r.out), QString("node/n1 already cordoned\nevicting pod default/solo\nevicting pod default/web-1\n"
                               "pod/solo evicted\npod/web-1 evicted\nnode/n1 drained\n"));
    QCOMPARE(S(r.err), QString("Warning: deleting Pods that declare no controller: default/solo\n"));
    QVERIFY(!c->store().find({"Pod", "default", "solo"}));
}

void TestKubectl::drainFilters() {
    auto c = makeCluster();
    auto diags = c->loadText(R"(apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: default}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: agent}]
---
apiVersion: v1
kind: Pod
metadata:
  name: agent-n1
  namespace: default
  ownerReferences:
  - {apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: 11111111-2222-3333-4444-666666666666, controller: true}
spec:
  nodeName: n1
  containers: [{name: agent, image: agent}]
---
apiVersion: v1
kind: Pod
metadata:
  name: cache
  namespace: default
  ownerReferences:
  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-rs, uid: 11111111-2222-3333-4444-555555555555, controller: true}
spec:
  nodeName: n1
  containers: [{name: c, image: redis}]
  volumes: [{name: scratch, emptyDir: {}}]
)",
                             "extra.yaml");
    for (const auto& d : diags) QVERIFY2(!d.isError(), d.format().c_str());
    auto r = run(*c, "drain n1");
    QCOMPARE(S(r.err),
             QString("error: unable to drain node \"n1\" due to error: [cannot delete DaemonSet-managed Pods (use "
                     "--ignore-daemonsets to ignore): default/agent-n1, cannot delete Pods with local storage (use "
                     "--delete-emptydir-data to override): default/cache, cannot delete Pods that declare no controller "
                     "(use --force to override): default/solo], continuing command...\n"
                     "There are pending nodes to be drained:\n n1\n"
                     "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-n1\n"
                     "cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache\n"
                     "cannot delete Pods that declare no controller (use --force to override): default/solo\n"));
    // With every override: the DaemonSet pod stays, the local-storage warning is dropped by the
    // later unreplicated filter (as upstream), the bare pod goes with a warning.
    r = run(*c, "drain n1 --ignore-daemonsets --delete-emptydir-data --force");
    QCOMPARE(S(r.err), QString("Warning: ignoring DaemonSet-managed Pods: default/agent-n1; deleting Pods that declare "
                               "no controller: default/solo\n"));
    QCOMPARE(S(r.out), QString("node/n1 already cordoned\nevicting pod default/cache\nevicting pod default/solo\n"
                               "evicting pod default/web-1\npod/cache evicted\npod/solo evicted\npod/web-1 evicted\n"
                               "node/n1 drained\n"));
    QVERIFY(c->store().find({"Pod", "default", "agent-n1"}));
    QVERIFY(!c->store().find({"Pod", "default", "cache"}));
}

void TestKubectl::applyCreatesConfiguresAndKeepsUnchanged() {
    auto c = makeCluster();
    QTemporaryDir dir;
    std::string path = dir.path().toStdString() + "/cm.yaml";
    auto write = [&](const std::string& text) {
        std::ofstream f(path);
        f << text;
    };
    write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: \"1\", b: \"2\"}\n");
    QCOMPARE(S(run(*c, "apply -f " + path).out), QString("configmap/cfg created\n"));
    QCOMPARE(S(run(*c, "apply -f " + path).out), QString("configmap/cfg unchanged\n"));
    write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: \"3\"}\n");
    QCOMPARE(S(run(*c, "apply -f " + path).out), QString("configmap/cfg configured\n"));
    auto cm = c->store().find({"ConfigMap", "default", "cfg"});
    QCOMPARE(S(cm->at("data.a")->text()), QString("3"));
    QVERIFY(cm->at("data.b") == nullptr);  // dropped from the configuration, so removed
    QVERIFY(cm->at("metadata.annotations")->get("kubectl.kubernetes.io/last-applied-configuration"));
    auto r = run(*c, "create -f " + path);
    QCOMPARE(S(r.err), QString("Error from server (AlreadyExists): error when creating \"" + S(path) +
                               "\": configmaps \"cfg\" already exists\n"));
    QCOMPARE(S(run(*c, "delete -f " + path).out), QString("configmap \"cfg\" deleted\n"));
    QVERIFY(!c->store().find({"ConfigMap", "default", "cfg"}));
    // A kind this cluster has no resource for (a CRD that is not installed) is refused by name.
    write("apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata: {name: pool-a}\nspec: {cidr: 10.0.0.0/16}\n");
    r = run(*c, "apply -f " + path);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(S(r.err).contains("resource mapping not found for name: \"pool-a\" namespace: \"\""), qPrintable(S(r.err)));
    QVERIFY(S(r.err).contains("no matches for kind \"IPPool\" in version \"crd.projectcalico.org/v1\""));
}

void TestKubectl::describeNodeLayout() {
    auto c = makeCluster();
    run(*c, "taint nodes n1 b=1:NoSchedule a:NoExecute");
    auto r = run(*c, "describe node n1");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(S(r.out),
             QString("Name:               n1\n"
                     "Roles:              <none>\n"
                     "Labels:             disktype=ssd\n"
                     "                    kubernetes.io/hostname=n1\n"
                     "Annotations:        <none>\n"
                     "CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000\n"
                     "Taints:             a:NoExecute\n"
                     "                    b=1:NoSchedule\n"
                     "Unschedulable:      false\n"
                     "Lease:              Failed to get lease: leases.coordination.k8s.io \"n1\" not found\n"
                     "Conditions:\n"
                     "  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message\n"
                     "  ----    ------  -----------------                 ------------------                ------         -------\n"
                     "  Ready   True    Mon, 01 Jan 0001 00:00:00 +0000   Mon, 01 Jan 0001 00:00:00 +0000   KubeletReady   kubelet is posting ready status\n"
                     "Addresses:\n"
                     "  InternalIP:  10.0.0.1\n"
                     "Capacity:\n"
                     "  cpu:     4\n"
                     "  memory:  8Gi\n"
                     "  pods:    110\n"
                     "Allocatable:\n"
                     "  cpu:     4\n"
                     "  memory:  8Gi\n"
                     "  pods:    110\n"
                     "System Info:\n"
                     "  Machine ID:                 \n"
                     "  System UUID:                \n"
                     "  Boot ID:                    \n"
                     "  Kernel Version:             \n"
                     "  OS Image:                   \n"
                     "  Operating System:           \n"
                     "  Architecture:               \n"
                     "  Container Runtime Version:  \n"
                     "  Kubelet Version:            \n"
                     "Non-terminated Pods:          (2 in total)\n"
                     "  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n"
                     "  ---------                   ----     ------------  ----------  ---------------  -------------  ---\n"
                     "  default                     solo     0 (0%)        0 (0%)      0 (0%)           0 (0%)         0s\n"
                     "  default                     web-1    500m (12%)    1 (25%)     256Mi (3%)       512Mi (6%)     0s\n"
                     "Allocated resources:\n"
                     "  (Total limits may be over 100 percent, i.e., overcommitted.)\n"
                     "  Resource           Requests    Limits\n"
                     "  --------           --------    ------\n"
                     "  cpu                500m (12%)  1 (25%)\n"
                     "  memory             256Mi (3%)  512Mi (6%)\n"
                     "  ephemeral-storage  0 (0%)      0 (0%)\n"
                     "Events:              <none>\n"));
}

void TestKubectl::describePodLayout() {
    auto c = makeCluster();
    c->store().recordEvent({"Pod", "default", "pending"}, "Warning", "FailedScheduling",
                           "0/2 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}.",
                           "default-scheduler");
    auto r = run(*c, "describe pod pending");
    QCOMPARE(r.exitCode, 0);
    QString out = S(r.out);
    QVERIFY2(out.startsWith("Name:         pending\n"
                            "Namespace:    default\n"
                            "Priority:     0\n"
                            "Node:         <none>\n"
                            "Labels:       <none>\n"
                            "Annotations:  <none>\n"
                            "Status:       Pending\n"
                            "IP:           \n"
                            "IPs:          <none>\n"),
             qPrintable(out));
    QVERIFY2(out.contains("Containers:\n"
                          "  app:\n"
                          "    Image:        busybox\n"
                          "    Port:         <none>\n"
                          "    Host Port:    <none>\n"
                          "    Environment:  <none>\n"
                          "    Mounts:       <none>\n"),
             qPrintable(out));
    QVERIFY2(out.contains("Volumes:          <none>\n"
                          "QoS Class:        BestEffort\n"
                          "Node-Selectors:   <none>\n"
                          "Tolerations:      <none>\n"),
             qPrintable(out));
    QVERIFY2(out.endsWith("Events:\n"
                          "  Type     Reason            Age   From               Message\n"
                          "  ----     ------            ----  ----               -------\n"
                          "  Warning  FailedScheduling  0s    default-scheduler  0/2 nodes are available: 1 node(s) "
                          "had untolerated taint {dedicated: gpu}.\n"),
             qPrintable(out));
    // kubectl get events: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.
    QCOMPARE(S(run(*c, "get events").out),
             QString("LAST SEEN   TYPE      REASON             OBJECT        MESSAGE\n"
                     "0s          Warning   FailedScheduling   pod/pending   0/2 nodes are available: 1 node(s) had "
                     "untolerated taint {dedicated: gpu}.\n"));
    // A name that matches nothing exactly describes every pod it prefixes.
    r = run(*c, "describe pods web");
    QVERIFY2(S(r.out).startsWith("Name:           web-1\n"), qPrintable(S(r.out)));
    QVERIFY2(S(r.out).contains("Node:           n1/\n"), qPrintable(S(r.out)));
    QVERIFY2(S(r.out).contains("Controlled By:  ReplicaSet/web-rs\n"), qPrintable(S(r.out)));
    QVERIFY2(S(r.out).contains("    Requests:\n      cpu:        500m\n      memory:     256Mi\n    Environment:  <none>\n"),
             qPrintable(S(r.out)));
    r = run(*c, "describe pods nope");
    QCOMPARE(S(r.err), QString("Error from server (NotFound): pods \"nope\" not found\n"));
    QCOMPARE(r.exitCode, 1);
}

KS_TEST_MAIN(TestKubectl)
#include "tst_kubectl.moc"
