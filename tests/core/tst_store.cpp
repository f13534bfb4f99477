// Tests the API store: CRUD, metadata (uid, resourceVersion, generation, timestamps,
// generateName), conflicts and their upstream messages, merge patch (RFC 7386), field and label
// selectors, finalizers, graceful deletion, pods/binding, snapshots and scale.
#include "ks_test_main.h"
#include <QRegularExpression>
#include <QtTest>

#include "core/api/yaml_reader.h"
#include "core/store/api_store.h"
#include "core/store/field_selector.h"
#include "core/store/merge_patch.h"
#include "core/store/object_meta.h"

using namespace ks;
using namespace ks::store;
using api::Value;

namespace {

Value yaml(const std::string& text) {
    auto r = api::readYaml(text, "t.yaml");
    if (!r.ok() || r.documents.empty()) qFatal("bad test YAML: %s", text.c_str());
    return r.documents.front();
}

// A flow node ("[a, b]", "{k: v}") read as a mapping value.
Value flow(const std::string& text) { return *yaml("v: " + text).get("v"); }

QString S(const std::string& s) { return QString::fromStdString(s); }

Value pod(const std::string& name, const std::string& ns = "default", const std::string& node = {}) {
    Value p = yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  namespace: " + ns +
                   "\nspec:\n  containers:\n  - name: c\n    image: nginx\n");
    if (!node.empty()) p.child("spec").set("nodeName", Value::string(node));
    return p;
}

Value node(const std::string& name) {
    return yaml("apiVersion: v1\nkind: Node\nmetadata:\n  name: " + name +
                "\nstatus:\n  capacity:\n    cpu: \"4\"\n");
}

Value deployment(const std::string& name) {
    return yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name +
                "\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n"
                "  template:\n    metadata:\n      labels: {app: web}\n"
                "    spec:\n      containers:\n      - name: c\n        image: nginx\n");
}

std::string rvOf(const ObjectPtr& o) { return metaString(*o, "resourceVersion"); }

}  // namespace

class TestStore : public QObject {
    Q_OBJECT
private slots:
    void createFillsSystemMetadata() {
        ApiStore store;
        api::Time t = 12'500;
        store.setClock([&] { return t; });
        auto r = store.create(pod("web"));
        QVERIFY2(r.ok(), r.status.message.c_str());
        const Value& p = *r.value;
        QVERIFY(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
                    .match(S(metaString(p, "uid")))
                    .hasMatch());
        QCOMPARE(S(rvOf(r.value)), QString("1"));
        QCOMPARE(S(metaString(p, "creationTimestamp")), QString("2026-01-01T00:00:12Z"));
        // Pods have no metadata.generation in v1.31; their status is reset on create.
        QVERIFY(!metaInt(p, "generation"));
        QCOMPARE(S(stringAt(p, "status.phase")), QString("Pending"));
        QCOMPARE(S(stringAt(p, "status.qosClass")), QString("BestEffort"));
        QCOMPARE(store.resourceVersion(), 1u);
    }

    void namespaceDefaultsAndClusterScopeClears() {
        ApiStore store;
        Value p = pod("web");
        p.child("metadata").remove("namespace");
        QVERIFY(store.create(p).ok());
        QVERIFY(store.find({"Pod", "default", "web"}));
        Value n = node("node-1");
        setMetaString(n, "namespace", "ignored");
        auto r = store.create(n);
        QVERIFY(r.ok());
        QCOMPARE(S(metaString(*r.value, "namespace")), QString());
        QVERIFY(store.find({"Node", "", "node-1"}));
        // A cluster-scoped key ignores a namespace; a namespaced one without it means default.
        QVERIFY(store.find({"Node", "x", "node-1"}));
        QVERIFY(store.find({"Pod", "", "web"}));
    }

    void uidsAndGeneratedNamesAreDeterministic() {
        auto run = [](std::uint64_t seed) {
            ApiStore store(StoreOptions{seed});
            Value p = pod("");
            p.child("metadata").remove("name");
            setMetaString(p, "generateName", "web-");
            auto r = store.create(p);
            return std::make_pair(metaString(*r.value, "name"), metaString(*r.value, "uid"));
        };
        auto a = run(7), b = run(7), c = run(8);
        QCOMPARE(S(a.first), S(b.first));
        QCOMPARE(S(a.second), S(b.second));
        QVERIFY(a.second != c.second);
        QVERIFY(QRegularExpression("^web-[bcdfghjklmnpqrstvwxz2456789]{5}$").match(S(a.first)).hasMatch());
    }

    void missingNameIsInvalid() {
        ApiStore store;
        Value p = pod("x");
        p.child("metadata").remove("name");
        auto r = store.create(p);
        QCOMPARE(r.status.code, Code::Invalid);
        QCOMPARE(S(r.status.message),
                 QString("Pod \"\" is invalid: metadata.name: Required value: name or generateName is required"));
    }

    void errorsUseUpstreamWording_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pod") << "Pod" << "default" << "pods \"web\" not found";
        QTest::newRow("node") << "Node" << "" << "nodes \"web\" not found";
        QTest::newRow("deployment") << "Deployment" << "default" << "deployments.apps \"web\" not found";
        QTest::newRow("priorityclass") << "PriorityClass" << "" << "priorityclasses.scheduling.k8s.io \"web\" not found";
        QTest::newRow("crd guess") << "Policy" << "default" << "policies \"web\" not found";
    }
    void errorsUseUpstreamWording() {
        QFETCH(QString, kind);
        QFETCH(QString, ns);
        QFETCH(QString, expected);
        ApiStore store;
        auto r = store.get({kind.toStdString(), ns.toStdString(), "web"});
        QCOMPARE(r.status.code, Code::NotFound);
        QCOMPARE(S(r.status.message), expected);
        QCOMPARE(r.status.httpCode(), 404);
    }

    void alreadyExists() {
        ApiStore store;
        QVERIFY(store.create(pod("web")).ok());
        auto r = store.create(pod("web"));
        QCOMPARE(r.status.code, Code::AlreadyExists);
        QCOMPARE(S(r.status.message), QString("pods \"web\" already exists"));
        QCOMPARE(store.resourceVersion(), 1u);
    }

    void resourceVersionOnCreateIsRejected() {
        ApiStore store;
        Value p = pod("web");
        setMetaString(p, "resourceVersion", "5");
        auto r = store.create(p);
        QCOMPARE(r.status.code, Code::BadRequest);
        QCOMPARE(S(r.status.message), QString("resourceVersion should not be set on objects to be created"));
    }

    void staleUpdateIsAConflict() {
        ApiStore store;
        auto created = store.create(pod("web"));
        Value first = *created.value;
        first.child("metadata").child("labels").set("a", Value::string("1"));
        auto u1 = store.update(first);
        QVERIFY(u1.ok());
        QCOMPARE(S(rvOf(u1.value)), QString("2"));
        // The same stale copy again.
        first.child("metadata").child("labels").set("a", Value::string("2"));
        auto u2 = store.update(first);
        QCOMPARE(u2.status.code, Code::Conflict);
        QCOMPARE(S(u2.status.message),
                 QString("Operation cannot be fulfilled on pods \"web\": the object has been modified; please apply "
                         "your changes to the latest version and try again"));
        // Without a resourceVersion the update is unconditional.
        removeMeta(first, "resourceVersion");
        auto u3 = store.update(first);
        QVERIFY(u3.ok());
        QCOMPARE(S(stringAt(*u3.value, "metadata.labels.a")), QString("2"));
        QCOMPARE(S(metaString(*u3.value, "uid")), S(metaString(*created.value, "uid")));
        QCOMPARE(S(metaString(*u3.value, "creationTimestamp")), S(metaString(*created.value, "creationTimestamp")));
    }

    void updateOfMissingObjectIsNotFound() {
        ApiStore store;
        auto r = store.update(pod("ghost"));
        QCOMPARE(S(r.status.message), QString("pods \"ghost\" not found"));
    }

    void uidIsImmutable() {
        ApiStore store;
        auto created = store.create(pod("web"));
        Value p = *created.value;
        setMetaString(p, "uid", "abc");
        auto r = store.update(p);
        QCOMPARE(r.status.code, Code::Invalid);
        QCOMPARE(S(r.status.message), QString("Pod \"web\" is invalid: metadata.uid: Invalid value: \"abc\": field is immutable"));
    }

    void resourceVersionIsGlobalAndNoOpWritesAreFree() {
        ApiStore store;
        QVERIFY(store.create(pod("a")).ok());
        QVERIFY(store.create(node("n")).ok());
        auto d = store.create(deployment("web"));
        QCOMPARE(S(rvOf(d.value)), QString("3"));
        auto same = store.update(*d.value);
        QVERIFY(same.ok());
        QCOMPARE(S(rvOf(same.value)), QString("3"));
        QCOMPARE(store.resourceVersion(), 3u);
    }

    void generationFollowsSpec() {
        ApiStore store;
        auto d = store.create(deployment("web"));
        QCOMPARE(*metaInt(*d.value, "generation"), 1);
        Value v = *d.value;
        // Clients cannot set the generation.
        setMetaInt(v, "generation", 40);
        v.child("metadata").child("labels").set("tier", Value::string("front"));
        auto labelsOnly = store.update(v);
        QCOMPARE(*metaInt(*labelsOnly.value, "generation"), 1);
        v = *labelsOnly.value;
        v.child("spec").set("replicas", Value::integer(3));
        auto spec = store.update(v);
        QCOMPARE(*metaInt(*spec.value, "generation"), 2);
        // Deployments count annotations too (they are copied to ReplicaSets).
        v = *spec.value;
        v.child("metadata").child("annotations").set("note", Value::string("x"));
        auto ann = store.update(v);
        QCOMPARE(*metaInt(*ann.value, "generation"), 3);
        // Status goes through the status subresource only, without a generation bump.
        v = *ann.value;
        v.child("status").set("replicas", Value::integer(3));
        auto viaMain = store.update(v);
        QVERIFY(!viaMain.value->at("status.replicas"));
        auto viaStatus = store.updateStatus(v);
        QVERIFY(viaStatus.ok());
        QCOMPARE(*viaStatus.value->at("status.replicas")->toInt(), 3);
        QCOMPARE(*metaInt(*viaStatus.value, "generation"), 3);
        // ... and a spec change sent to the status subresource is dropped.
        Value s = *viaStatus.value;
        s.child("spec").set("replicas", Value::integer(9));
        s.child("status").set("replicas", Value::integer(4));
        auto st = store.updateStatus(s);
        QCOMPARE(*st.value->at("spec.replicas")->toInt(), 3);
        QCOMPARE(*st.value->at("status.replicas")->toInt(), 4);
    }

    void customResourcesTrackEverythingButMetadata() {
        ApiStore store;
        auto r = store.create(yaml("apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: pool\n"
                                   "spec:\n  cidr: 10.0.0.0/16\n"));
        QVERIFY(r.ok());
        QCOMPARE(*metaInt(*r.value, "generation"), 1);
        QVERIFY(store.find({"IPPool", "", "pool"}));  // no namespace given: cluster-scoped
        Value v = *r.value;
        v.child("spec").set("cidr", Value::string("10.1.0.0/16"));
        QCOMPARE(*metaInt(*store.update(v).value, "generation"), 2);
        auto missing = store.get({"IPPool", "", "other"});
        QCOMPARE(S(missing.status.message), QString("ippools \"other\" not found"));
    }

    void crdDefinesScopeAndResource() {
        ApiStore store;
        QVERIFY(store.create(yaml("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                                  "metadata:\n  name: cephclusters.ceph.rook.io\n"
                                  "spec:\n  group: ceph.rook.io\n  scope: Namespaced\n"
                                  "  names:\n    kind: CephCluster\n    plural: cephclusters\n"
                                  "  versions:\n  - name: v1\n    served: true\n    storage: true\n"
                                  "    subresources:\n      status: {}\n"))
                    .ok());
        Value cc = yaml("apiVersion: ceph.rook.io/v1\nkind: CephCluster\nmetadata:\n  name: rook\nspec:\n  a: 1\n"
                        "status:\n  phase: Ready\n");
        auto r = store.create(cc);
        QVERIFY(r.ok());
        QCOMPARE(S(metaString(*r.value, "namespace")), QString("default"));
        QVERIFY(!r.value->get("status"));  // status subresource: create drops it
        auto dup = store.create(cc);
        QCOMPARE(S(dup.status.message), QString("cephclusters.ceph.rook.io \"rook\" already exists"));
    }

    void mergePatchRfc7386_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("expected");
        // RFC 7386 Appendix A.
        QTest::newRow("replace") << R"({"a":"b"})" << R"({"a":"c"})" << R"({"a":"c"})";
        QTest::newRow("add") << R"({"a":"b"})" << R"({"b":"c"})" << R"({"a":"b","b":"c"})";
        QTest::newRow("delete") << R"({"a":"b"})" << R"({"a":null})" << R"({})";
        QTest::newRow("delete one") << R"({"a":"b","b":"c"})" << R"({"a":null})" << R"({"b":"c"})";
        QTest::newRow("list by scalar") << R"({"a":["b"]})" << R"({"a":"c"})" << R"({"a":"c"})";
        QTest::newRow("scalar by list") << R"({"a":"c"})" << R"({"a":["b"]})" << R"({"a":["b"]})";
        QTest::newRow("nested") << R"({"a":{"b":"c"}})" << R"({"a":{"b":"d","c":null}})" << R"({"a":{"b":"d"}})";
        QTest::newRow("lists replace") << R"({"a":[{"b":"c"}]})" << R"({"a":[1]})" << R"({"a":[1]})";
        QTest::newRow("top list") << R"(["a","b"])" << R"(["c","d"])" << R"(["c","d"])";
        QTest::newRow("object by list") << R"({"a":"b"})" << R"(["c"])" << R"(["c"])";
        QTest::newRow("object by scalar") << R"({"a":"foo"})" << R"("bar")" << R"("bar")";
        QTest::newRow("null kept in target") << R"({"e":null})" << R"({"a":1})" << R"({"e":null,"a":1})";
        QTest::newRow("list by object") << R"([1,2])" << R"({"a":"b","c":null})" << R"({"a":"b"})";
        QTest::newRow("nulls in new keys") << R"({})" << R"({"a":{"bb":{"ccc":null}}})" << R"({"a":{"bb":{}}})";
    }
    void mergePatchRfc7386() {
        QFETCH(QString, target);
        QFETCH(QString, patch);
        QFETCH(QString, expected);
        Value result = applyMergePatch(yaml(target.toStdString()), yaml(patch.toStdString()));
        QVERIFY2(result == yaml(expected.toStdString()), qPrintable(target + " + " + patch));
    }

    void mergePatchThroughTheStore() {
        ApiStore store;
        auto created = store.create(yaml("apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels:\n"
                                         "    zone: a\n    disk: ssd\nspec:\n  taints:\n  - key: k\n    effect: NoSchedule\n"));
        auto r = store.mergePatch({"Node", "", "n1"}, yaml(R"({"metadata":{"labels":{"zone":"b","disk":null}},"spec":{"taints":[]}})"));
        QVERIFY2(r.ok(), r.status.message.c_str());
        QCOMPARE(S(stringAt(*r.value, "metadata.labels.zone")), QString("b"));
        QVERIFY(!r.value->at("metadata.labels.disk"));
        QCOMPARE(r.value->at("spec.taints")->size(), 0u);
        QCOMPARE(S(rvOf(r.value)), QString("2"));
        // A resourceVersion in the patch is a precondition.
        auto stale = store.mergePatch({"Node", "", "n1"}, yaml(R"({"metadata":{"resourceVersion":"1","labels":{"x":"y"}}})"));
        QCOMPARE(stale.status.code, Code::Conflict);
        QCOMPARE(S(stale.status.message),
                 QString("Operation cannot be fulfilled on nodes \"n1\": the object has been modified; please apply "
                         "your changes to the latest version and try again"));
        auto rename = store.mergePatch({"Node", "", "n1"}, yaml(R"({"metadata":{"name":"n2"}})"));
        QCOMPARE(S(rename.status.message), QString("the name of the object (n2) does not match the name on the URL (n1)"));
        auto missing = store.mergePatch({"Node", "", "zz"}, yaml("{}"));
        QCOMPARE(S(missing.status.message), QString("nodes \"zz\" not found"));
        // Patching a pod's status through the main resource is ignored; through status it sticks.
        QVERIFY(store.create(pod("web")).ok());
        auto main = store.mergePatch({"Pod", "default", "web"}, yaml(R"({"status":{"phase":"Running"}})"));
        QCOMPARE(S(stringAt(*main.value, "status.phase")), QString("Pending"));
        auto st = store.mergePatchStatus({"Pod", "default", "web"}, yaml(R"({"status":{"phase":"Running"}})"));
        QCOMPARE(S(stringAt(*st.value, "status.phase")), QString("Running"));
    }

    void fieldSelectorParsing_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("ok") << "metadata.name=x,spec.nodeName==n,status.phase!=Running" << "";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("escaped comma") << "metadata.name=a\\,b" << "";
        QTest::newRow("no operator") << "spec.nodeName" << "invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'";
        QTest::newRow("bad escape") << "metadata.name=a\\b" << "invalid field selector: invalid escape sequence: \\b";
        QTest::newRow("unescaped =") << "metadata.name=a=b" << "invalid field selector: unescaped character in value: 61";
    }
    void fieldSelectorParsing() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        auto r = FieldSelector::parse(text.toStdString());
        QCOMPARE(S(r.status.message), error);
        if (error.isEmpty()) QVERIFY(r.ok());
    }

    void listWithFieldSelectors_data() {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("expected");  // names, or the error
        QTest::newRow("all") << "" << "a,b,c,d";
        QTest::newRow("node") << "spec.nodeName=node-1" << "a,b";
        QTest::newRow("unbound") << "spec.nodeName=" << "c,d";
        QTest::newRow("phase") << "status.phase!=Running" << "b,c,d";
        QTest::newRow("and") << "spec.nodeName=node-1,status.phase!=Running" << "b";
        QTest::newRow("name") << "metadata.name=c" << "c";
        QTest::newRow("namespace") << "metadata.namespace=other" << "d";
        QTest::newRow("hostNetwork default") << "spec.hostNetwork=false" << "a,b,c,d";
        QTest::newRow("unsupported") << "spec.priority=1" << "field label not supported: spec.priority";
    }
    void listWithFieldSelectors() {
        QFETCH(QString, selector);
        QFETCH(QString, expected);
        ApiStore store;
        QVERIFY(store.create(pod("a", "default", "node-1")).ok());
        QVERIFY(store.create(pod("b", "default", "node-1")).ok());
        QVERIFY(store.create(pod("c")).ok());
        QVERIFY(store.create(pod("d", "other")).ok());
        QVERIFY(store.mergePatchStatus({"Pod", "default", "a"}, yaml(R"({"status":{"phase":"Running"}})")).ok());
        ListOptions opts;
        opts.fieldSelector = selector.toStdString();
        auto r = store.listObjects("Pod", opts);
        QStringList names;
        for (const auto& o : r.value.items) names << S(metaString(*o, "name"));
        QCOMPARE(r.ok() ? names.join(",") : S(r.status.message), expected);
    }

    void genericKindsOnlySelectNameAndNamespace() {
        ApiStore store;
        ListOptions opts;
        opts.fieldSelector = "spec.replicas=2";
        auto r = store.listObjects("Deployment", opts);
        QCOMPARE(r.status.code, Code::BadRequest);
        QCOMPARE(S(r.status.message),
                 QString("\"spec.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""));
        opts.fieldSelector = "spec.unschedulable=true";
        QVERIFY(store.listObjects("Node", opts).ok());
    }

    void listWithLabelSelectorsAndNamespaces() {
        ApiStore store;
        for (auto [name, ns, app] : std::vector<std::tuple<std::string, std::string, std::string>>{
                 {"w1", "default", "web"}, {"w2", "prod", "web"}, {"d1", "prod", "db"}, {"x", "prod", ""}}) {
            Value p = pod(name, ns);
            if (!app.empty()) p.child("metadata").child("labels").set("app", Value::string(app));
            QVERIFY(store.create(p).ok());
        }
        ListOptions opts;
        opts.labelSelector = api::LabelSelector{{{"app", "web"}}, {}};
        QCOMPARE(store.list("Pod", opts).size(), 2u);
        opts.namespace_ = "prod";
        auto prodWeb = store.list("Pod", opts);
        QCOMPARE(prodWeb.size(), 1u);
        QCOMPARE(S(metaString(*prodWeb[0], "name")), QString("w2"));
        opts.labelSelector = api::LabelSelector{{}, {{"app", "Exists", {}}}};
        QCOMPARE(store.list("Pod", opts).size(), 2u);
        opts.labelSelector.reset();
        auto prod = store.list("Pod", opts);
        QStringList names;
        for (const auto& o : prod) names << S(metaString(*o, "name"));
        QCOMPARE(names.join(","), QString("d1,w2,x"));
        QCOMPARE(store.listObjects("Pod", opts).value.resourceVersion, 4u);
    }

    void finalizersHoldDeletion() {
        ApiStore store;
        api::Time t = 1000;
        store.setClock([&] { return t; });
        Value d = deployment("web");
        d.child("metadata").set("finalizers", flow("[example.com/cleanup]"));
        QVERIFY(store.create(d).ok());
        t = 5000;
        auto r = store.remove({"Deployment", "default", "web"});
        QVERIFY(r.ok());
        ObjectPtr held = store.find({"Deployment", "default", "web"});
        QVERIFY(held);
        QCOMPARE(S(metaString(*held, "deletionTimestamp")), QString("2026-01-01T00:00:05Z"));
        QCOMPARE(*metaInt(*held, "deletionGracePeriodSeconds"), 0);
        QCOMPARE(*metaInt(*held, "generation"), 2);  // deletion starts: controllers must notice
        // Deleting again changes nothing.
        std::string rv = rvOf(held);
        QVERIFY(store.remove({"Deployment", "default", "web"}).ok());
        QCOMPARE(S(rvOf(store.find({"Deployment", "default", "web"}))), S(rv));
        // No new finalizers while deleting.
        Value more = *held;
        more.child("metadata").child("finalizers").push(Value::string("other/one"));
        auto refused = store.update(more);
        QCOMPARE(refused.status.code, Code::Invalid);
        QCOMPARE(S(refused.status.message),
                 QString("Deployment.apps \"web\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be "
                         "added if the object is being deleted, found new finalizers []string{\"other/one\"}"));
        // An update cannot clear the deletionTimestamp; removing the last finalizer deletes.
        Value done = *held;
        done.child("metadata").remove("finalizers");
        done.child("metadata").remove("deletionTimestamp");
        auto last = store.update(done);
        QVERIFY(last.ok());
        QVERIFY(!store.find({"Deployment", "default", "web"}));
        // Re-creating while a deletion is pending is an AlreadyExists with a hint.
        Value again = deployment("w2");
        again.child("metadata").set("finalizers", flow("[a/b]"));
        QVERIFY(store.create(again).ok());
        QVERIFY(store.remove({"Deployment", "default", "w2"}).ok());
        auto dup = store.create(deployment("w2"));
        QCOMPARE(S(dup.status.message), QString("object is being deleted: deployments.apps \"w2\" already exists"));
    }

    void gracefulPodDeletion() {
        ApiStore store;
        store.setKubeletsFinishPodDeletion(true);
        api::Time t = 10'000;
        store.setClock([&] { return t; });
        Value p = pod("web", "default", "node-1");
        p.child("spec").set("terminationGracePeriodSeconds", Value::integer(30));
        QVERIFY(store.create(p).ok());
        QVERIFY(store.remove({"Pod", "default", "web"}).ok());
        ObjectPtr terminating = store.find({"Pod", "default", "web"});
        QVERIFY(terminating);
        QCOMPARE(S(metaString(*terminating, "deletionTimestamp")), QString("2026-01-01T00:00:40Z"));
        QCOMPARE(*metaInt(*terminating, "deletionGracePeriodSeconds"), 30);
        // A longer or equal grace period is ignored; a shorter one moves the deadline.
        std::string rv = rvOf(terminating);
        QVERIFY(store.remove({"Pod", "default", "web"}, 60).ok());
        QCOMPARE(S(rvOf(store.find({"Pod", "default", "web"}))), S(rv));
        QVERIFY(store.remove({"Pod", "default", "web"}, 10).ok());
        terminating = store.find({"Pod", "default", "web"});
        QCOMPARE(S(metaString(*terminating, "deletionTimestamp")), QString("2026-01-01T00:00:20Z"));
        QCOMPARE(*metaInt(*terminating, "deletionGracePeriodSeconds"), 10);
        // "The kubelet" finishes with grace 0.
        QVERIFY(store.remove({"Pod", "default", "web"}, 0).ok());
        QVERIFY(!store.find({"Pod", "default", "web"}));
        // Unscheduled pods and finished pods go at once.
        QVERIFY(store.create(pod("pending")).ok());
        QVERIFY(store.remove({"Pod", "default", "pending"}).ok());
        QVERIFY(!store.find({"Pod", "default", "pending"}));
        QVERIFY(store.create(pod("done", "default", "node-1")).ok());
        QVERIFY(store.mergePatchStatus({"Pod", "default", "done"}, yaml(R"({"status":{"phase":"Succeeded"}})")).ok());
        QVERIFY(store.remove({"Pod", "default", "done"}).ok());
        QVERIFY(!store.find({"Pod", "default", "done"}));
    }

    void withoutKubeletsBoundPodsGoAtOnce() {
        ApiStore store;
        QVERIFY(store.create(pod("web", "default", "node-1")).ok());
        auto r = store.remove({"Pod", "default", "web"});
        QVERIFY(r.ok());
        QVERIFY(!store.find({"Pod", "default", "web"}));
        // The update that marks the deletion is written before the delete, as upstream does.
        QCOMPARE(store.resourceVersion(), 3u);
        QCOMPARE(S(metaString(*r.value, "deletionTimestamp")), QString("2026-01-01T00:00:00Z"));
        auto missing = store.remove({"Pod", "default", "web"});
        QCOMPARE(S(missing.status.message), QString("pods \"web\" not found"));
    }

    void deletePreconditions() {
        ApiStore store;
        auto n = store.create(node("n1"));
        DeleteOptions o;
        o.preconditionUid = "nope";
        auto r = store.remove({"Node", "", "n1"}, o);
        QCOMPARE(r.status.code, Code::Conflict);
        QCOMPARE(S(r.status.message),
                 QString("Operation cannot be fulfilled on Node \"n1\": the UID in the precondition (nope) does not match "
                         "the UID in record (%1). The object might have been deleted and then recreated")
                     .arg(S(metaString(*n.value, "uid"))));
        o.preconditionUid = metaString(*n.value, "uid");
        QVERIFY(store.remove({"Node", "", "n1"}, o).ok());
        QVERIFY(!store.find({"Node", "", "n1"}));
    }

    void binding() {
        ApiStore store;
        api::Time t = 3000;
        store.setClock([&] { return t; });
        QVERIFY(store.create(pod("web")).ok());
        Status s = store.bind("default", "web", "node-1");
        QVERIFY2(s.ok(), s.message.c_str());
        ObjectPtr bound = store.find({"Pod", "default", "web"});
        QCOMPARE(S(stringAt(*bound, "spec.nodeName")), QString("node-1"));
        const Value& cond = bound->at("status.conditions")->items().at(0);
        QCOMPARE(S(cond.str("type")), QString("PodScheduled"));
        QCOMPARE(S(cond.str("status")), QString("True"));
        QCOMPARE(S(cond.str("lastTransitionTime")), QString("2026-01-01T00:00:03Z"));
        s = store.bind("default", "web", "node-2");
        QCOMPARE(s.code, Code::Conflict);
        QCOMPARE(S(s.message),
                 QString("Operation cannot be fulfilled on pods/binding \"web\": pod web is already assigned to node \"node-1\""));
        QCOMPARE(S(store.bind("default", "ghost", "node-1").message), QString("pods \"ghost\" not found"));

        Value gated = pod("gated");
        gated.child("spec").set("schedulingGates", flow("[{name: example.com/wait}]"));
        auto g = store.create(gated);
        const Value& gc = g.value->at("status.conditions")->items().at(0);
        QCOMPARE(S(gc.str("reason")), QString("SchedulingGated"));
        QCOMPARE(S(gc.str("message")), QString("Scheduling is blocked due to non-empty scheduling gates"));
        QCOMPARE(S(store.bind("default", "gated", "node-1").message),
                 QString("Operation cannot be fulfilled on pods/binding \"gated\": pod gated has non-empty .spec.schedulingGates"));

        Value held = pod("held");
        held.child("metadata").set("finalizers", flow("[x/y]"));
        QVERIFY(store.create(held).ok());
        QVERIFY(store.remove({"Pod", "default", "held"}).ok());
        QCOMPARE(S(store.bind("default", "held", "node-1").message),
                 QString("Operation cannot be fulfilled on pods/binding \"held\": pod held is being deleted, cannot be "
                         "assigned to a host"));
    }

    void podQosClasses_data() {
        QTest::addColumn<QString>("resources");
        QTest::addColumn<QString>("qos");
        QTest::newRow("none") << "{}" << "BestEffort";
        QTest::newRow("requests") << "{requests: {cpu: 100m}}" << "Burstable";
        QTest::newRow("equal") << "{requests: {cpu: 100m, memory: 1Gi}, limits: {cpu: 0.1, memory: 1024Mi}}"
                               << "Guaranteed";
        QTest::newRow("limits only cpu") << "{limits: {cpu: 1}}" << "Burstable";
        // Without the Defaulting plugin requests stay empty (with it they copy the limits).
        QTest::newRow("limits both, not defaulted") << "{limits: {cpu: 1, memory: 1Gi}}" << "Burstable";
        QTest::newRow("differ") << "{requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: 1, memory: 1Gi}}" << "Burstable";
        QTest::newRow("other resources") << "{requests: {ephemeral-storage: 1Gi}}" << "BestEffort";
    }
    void podQosClasses() {
        QFETCH(QString, resources);
        QFETCH(QString, qos);
        ApiStore store;
        Value p = pod("q");
        Value& c = p.child("spec").get("containers")->items().at(0);
        c.set("resources", flow(resources.toStdString()));
        auto r = store.create(p);
        QCOMPARE(S(stringAt(*r.value, "status.qosClass")), qos);
    }

    void keepStatusOnRequest() {
        ApiStore store;
        Value p = pod("running", "default", "node-1");
        p.set("status", flow("{phase: Running}"));
        CreateOptions o;
        o.keepStatus = true;
        auto r = store.create(p, o);
        QCOMPARE(S(stringAt(*r.value, "status.phase")), QString("Running"));
        // Nodes keep their status on create anyway (kubelets register with it).
        auto n = store.create(node("n"));
        QCOMPARE(S(stringAt(*n.value, "status.capacity.cpu")), QString("4"));
    }

    void snapshotAndRestore() {
        ApiStore store(StoreOptions{42});
        QVERIFY(store.create(pod("a")).ok());
        QVERIFY(store.create(node("n1")).ok());
        Snapshot snap = store.snapshot();
        QCOMPARE(snap.resourceVersion(), 2u);
        auto afterSnap = store.create(pod("b"));
        std::string uidB = metaString(*afterSnap.value, "uid");
        QVERIFY(store.remove({"Node", "", "n1"}).ok());
        QVERIFY(store.mergePatch({"Pod", "default", "a"}, yaml(R"({"metadata":{"labels":{"x":"1"}}})")).ok());
        QCOMPARE(store.count("Pod"), 2u);

        store.restore(snap);
        QCOMPARE(store.resourceVersion(), 2u);
        QCOMPARE(store.count("Pod"), 1u);
        QVERIFY(store.find({"Node", "", "n1"}));
        QVERIFY(!store.find({"Pod", "default", "a"})->at("metadata.labels"));
        // The identity generator is restored too: the same write gives the same uid.
        auto again = store.create(pod("b"));
        QCOMPARE(S(metaString(*again.value, "uid")), S(uidB));
        QCOMPARE(S(rvOf(again.value)), QString("3"));
        // The snapshot itself never changed.
        store.restore(snap);
        QCOMPARE(store.count("Pod"), 1u);
    }

    void scaleTenThousandPodsFiveThousandNodes() {
        ApiStore store;
        for (int i = 0; i < 5000; ++i) QVERIFY(store.create(node("node-" + std::to_string(i))).ok());
        Value templ = pod("p");
        for (int i = 0; i < 10000; ++i) {
            Value p = templ;
            setMetaString(p, "name", "p-" + std::to_string(i));
            setMetaString(p, "namespace", i % 10 == 0 ? "team-a" : "default");
            if (!store.create(std::move(p)).ok()) QFAIL("create failed");
        }
        QCOMPARE(store.count("Pod"), 10000u);
        ListOptions ns;
        ns.namespace_ = "team-a";
        QCOMPARE(store.list("Pod", ns).size(), 1000u);
        Snapshot snap = store.snapshot();  // cheap: shares the tables
        for (int i = 0; i < 1000; ++i) QVERIFY(store.bind("default", "p-" + std::to_string(i * 10 + 1), "node-1").ok());
        ListOptions onNode;
        onNode.fieldSelector = "spec.nodeName=node-1";
        QCOMPARE(store.list("Pod", onNode).size(), 1000u);
        store.restore(snap);
        QCOMPARE(store.list("Pod", onNode).size(), 0u);
        QCOMPARE(store.resourceVersion(), 15000u);
    }
};

KS_TEST_MAIN(TestStore)
#include "tst_store.moc"
