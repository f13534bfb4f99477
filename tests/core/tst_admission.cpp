// Tests the admission chain: phase order and attributes, rejection, the Priority plugin with
// upstream's messages, and the Defaulting and Validation steps in the default chain.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/yaml_reader.h"
#include "core/store/admission/priority.h"
#include "core/store/admission/registry.h"
#include "core/store/api_store.h"
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

QString S(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

Value pod(const std::string& name) {
    return yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name +
                "\n  namespace: default\nspec:\n  containers:\n  - name: c\n    image: nginx\n");
}

Value priorityClass(const std::string& name, int value, bool globalDefault = false, const std::string& policy = {}) {
    Value pc = yaml("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: " + name +
                    "\nvalue: " + std::to_string(value) + "\n");
    if (globalDefault) pc.set("globalDefault", Value::boolean(true));
    if (!policy.empty()) pc.set("preemptionPolicy", Value::string(policy));
    return pc;
}

// Records what it sees; optionally labels objects or rejects in one phase.
class Recording : public AdmissionPlugin {
public:
    Recording(QStringList& log, std::string tag) : m_log(log), m_tag(std::move(tag)) {}
    std::string name() const override { return m_tag; }
    Status admit(AdmissionAttributes& a) override {
        record("admit", a);
        if (a.object && a.operation != Operation::Delete && a.subresource.empty())
            a.object->child("metadata").child("labels").set("admitted-by", Value::string(m_tag));
        return {};
    }
    Status validate(const AdmissionAttributes& a) override {
        record("validate", a);
        if (rejectValidate) return admissionForbidden(a, "not today");
        return {};
    }
    bool rejectValidate = false;

private:
    void record(const char* phase, const AdmissionAttributes& a) {
        m_log << QString("%1 %2 %3 %4 %5/%6%7")
                     .arg(S(m_tag), phase, S(toString(a.operation)), S(a.kind), S(a.resource), S(a.name),
                          a.subresource.empty() ? QString() : " " + S(a.subresource));
    }
    QStringList& m_log;
    std::string m_tag;
};

}  // namespace

class TestAdmission : public QObject {
    Q_OBJECT
private slots:
    void mutatingThenValidatingForEveryOperation() {
        ApiStore store;
        QStringList log;
        store.addAdmissionPlugin(std::make_unique<Recording>(log, "one"));
        store.addAdmissionPlugin(std::make_unique<Recording>(log, "two"));
        QCOMPARE(store.admissionPlugins(), (std::vector<std::string>{"one", "two"}));

        Value p = pod("");
        p.child("metadata").remove("name");
        setMetaString(p, "generateName", "web-");
        auto created = store.create(p);
        QVERIFY(created.ok());
        std::string name = metaString(*created.value, "name");
        // Mutations persist; the last mutating plugin wins.
        QCOMPARE(S(stringAt(*created.value, "metadata.labels.admitted-by")), QString("two"));
        QCOMPARE(log, QStringList({"one admit CREATE Pod pods/", "two admit CREATE Pod pods/",
                                   "one validate CREATE Pod pods/" + S(name), "two validate CREATE Pod pods/" + S(name)}));
        log.clear();
        QVERIFY(store.bind("default", name, "node-1").ok());
        QVERIFY(store.updateStatus(*store.find({"Pod", "default", name})).ok());
        QVERIFY(store.remove({"Pod", "default", name}).ok());
        QCOMPARE(log, QStringList({"one admit CREATE Binding pods/" + S(name) + " binding",
                                   "two admit CREATE Binding pods/" + S(name) + " binding",
                                   "one validate CREATE Binding pods/" + S(name) + " binding",
                                   "two validate CREATE Binding pods/" + S(name) + " binding",
                                   "one admit UPDATE Pod pods/" + S(name) + " status",
                                   "two admit UPDATE Pod pods/" + S(name) + " status",
                                   "one validate UPDATE Pod pods/" + S(name) + " status",
                                   "two validate UPDATE Pod pods/" + S(name) + " status",
                                   "one admit DELETE Pod pods/" + S(name), "two admit DELETE Pod pods/" + S(name),
                                   "one validate DELETE Pod pods/" + S(name), "two validate DELETE Pod pods/" + S(name)}));
    }

    void rejectionWritesNothing() {
        ApiStore store;
        QStringList log;
        auto plugin = std::make_unique<Recording>(log, "gate");
        plugin->rejectValidate = true;
        store.addAdmissionPlugin(std::move(plugin));
        auto r = store.create(pod("web"));
        QCOMPARE(r.status.code, Code::Forbidden);
        QCOMPARE(S(r.status.message), QString("pods \"web\" is forbidden: not today"));
        QCOMPARE(store.resourceVersion(), 0u);
        QVERIFY(!store.find({"Pod", "default", "web"}));
    }

    void priority_data() {
        QTest::addColumn<QString>("podPatch");     // YAML merged into the pod's spec
        QTest::addColumn<QString>("expected");     // "priority policy className" or the error
        QTest::newRow("no class") << "{}" << "0 PreemptLowerPriority ";
        QTest::newRow("class") << "{priorityClassName: high}" << "1000 Never high";
        QTest::newRow("system class") << "{priorityClassName: system-node-critical}"
                                      << "2000001000 PreemptLowerPriority system-node-critical";
        QTest::newRow("unknown class") << "{priorityClassName: foo}"
                                       << "pods \"web\" is forbidden: no PriorityClass with name foo was found";
        QTest::newRow("own priority differs")
            << "{priorityClassName: high, priority: 5}"
            << "pods \"web\" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority "
               "admission controller computed 1000 from the given PriorityClass name";
        QTest::newRow("own priority matches") << "{priorityClassName: high, priority: 1000}" << "1000 Never high";
        QTest::newRow("own priority without class")
            << "{priority: 10}"
            << "pods \"web\" is forbidden: the integer value of priority (10) must not be provided in pod spec; priority "
               "admission controller computed 0 from the given PriorityClass name";
        QTest::newRow("own policy differs")
            << "{priorityClassName: high, preemptionPolicy: PreemptLowerPriority}"
            << "pods \"web\" is forbidden: the string value of PreemptionPolicy (PreemptLowerPriority) must not be "
               "provided in pod spec; priority admission controller computed Never from the given PriorityClass name";
    }
    void priority() {
        QFETCH(QString, podPatch);
        QFETCH(QString, expected);
        ApiStore store;
        store.addAdmissionPlugin(std::make_unique<admission::Priority>());
        QVERIFY(store.create(priorityClass("high", 1000, false, "Never")).ok());
        Value p = pod("web");
        Value extra = flow(podPatch.toStdString());
        for (const auto& f : extra.fields()) p.child("spec").set(f.key, f.val);
        auto r = store.create(p);
        if (!r.ok()) {
            QCOMPARE(S(r.status.message), expected);
            QCOMPARE(r.status.code, Code::Forbidden);
            return;
        }
        QCOMPARE(QString("%1 %2 %3")
                     .arg(S(stringAt(*r.value, "spec.priority")), S(stringAt(*r.value, "spec.preemptionPolicy")),
                          S(stringAt(*r.value, "spec.priorityClassName"))),
                 expected);
    }

    void forbiddenNamesTheGenerateName() {
        ApiStore store;
        store.addAdmissionPlugin(std::make_unique<admission::Priority>());
        Value p = pod("");
        p.child("metadata").remove("name");
        setMetaString(p, "generateName", "web-");
        p.child("spec").set("priorityClassName", Value::string("nope"));
        QCOMPARE(S(store.create(p).status.message),
                 QString("pods \"web-\" is forbidden: no PriorityClass with name nope was found"));
    }

    void globalDefault() {
        ApiStore store;
        store.addAdmissionPlugin(std::make_unique<admission::Priority>());
        QVERIFY(store.create(priorityClass("low", 7, true)).ok());
        auto r = store.create(pod("web"));
        QCOMPARE(S(stringAt(*r.value, "spec.priorityClassName")), QString("low"));
        QCOMPARE(*r.value->at("spec.priority")->toInt(), 7);
        auto second = store.create(priorityClass("other", 9, true));
        QCOMPARE(second.status.code, Code::Forbidden);
        QCOMPARE(S(second.status.message),
                 QString("priorityclasses.scheduling.k8s.io \"other\" is forbidden: PriorityClass low is already marked "
                         "as default. Only one default can exist"));
        // Updating the default class itself is fine.
        Value low = *store.find({"PriorityClass", "", "low"});
        low.set("description", Value::string("the default"));
        QVERIFY(store.update(low).ok());
    }

    void priorityIsKeptOnUpdate() {
        ApiStore store;
        store.addAdmissionPlugin(std::make_unique<admission::Priority>());
        QVERIFY(store.create(priorityClass("high", 1000)).ok());
        Value p = pod("web");
        p.child("spec").set("priorityClassName", Value::string("high"));
        auto created = store.create(p);
        Value edited = *created.value;
        edited.child("spec").remove("priority");
        edited.child("spec").remove("preemptionPolicy");
        auto updated = store.update(edited);
        QVERIFY(updated.ok());
        QCOMPARE(*updated.value->at("spec.priority")->toInt(), 1000);
        QCOMPARE(S(stringAt(*updated.value, "spec.preemptionPolicy")), QString("PreemptLowerPriority"));
        // No write happened: the update changed nothing once the plugin restored the fields.
        QCOMPARE(S(metaString(*updated.value, "resourceVersion")), S(metaString(*created.value, "resourceVersion")));
    }

    void systemClassesAsObjects() {
        auto classes = admission::systemPriorityClasses();
        QCOMPARE(classes.size(), 2u);
        QCOMPARE(S(metaString(classes[1], "name")), QString("system-cluster-critical"));
        QCOMPARE(*classes[1].get("value")->toInt(), 2000000000);
        QCOMPARE(*classes[0].get("value")->toInt(), 2000001000);
    }

    void defaultChainOrder() {
        ApiStore store;
        admission::installDefaultPlugins(store);
        QCOMPARE(store.admissionPlugins(), (std::vector<std::string>{"Defaulting", "Validation", "Priority"}));
    }

    void defaultChainDefaultsAndPrioritizes() {
        ApiStore store;
        admission::installDefaultPlugins(store);
        Value p = pod("web");
        p.child("spec").get("containers")->items()[0].set("resources", flow("{limits: {cpu: 1, memory: 1Gi}}"));
        auto r = store.create(p);
        QVERIFY2(r.ok(), r.status.message.c_str());
        QCOMPARE(S(stringAt(*r.value, "spec.schedulerName")), QString("default-scheduler"));
        QCOMPARE(S(stringAt(*r.value, "spec.restartPolicy")), QString("Always"));
        QCOMPARE(*r.value->at("spec.priority")->toInt(), 0);
        // Defaulting copied the limits into requests, so the pod is Guaranteed.
        QCOMPARE(S(stringAt(*r.value, "status.qosClass")), QString("Guaranteed"));
    }

    // Everything the store adds (uid, timestamps, conditions, deletion fields) passes validation
    // on the next write: a pod's whole life through the default chain.
    void defaultChainAcceptsWhatTheStoreWrites() {
        ApiStore store;
        store.setKubeletsFinishPodDeletion(true);
        admission::installDefaultPlugins(store);
        QVERIFY(store.create(yaml("apiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\n")).ok());
        Value p = pod("web");
        p.child("metadata").set("finalizers", flow("[example.com/keep]"));
        auto created = store.create(p);
        QVERIFY2(created.ok(), created.status.message.c_str());
        Status bound = store.bind("default", "web", "node-1");
        QVERIFY2(bound.ok(), bound.message.c_str());
        auto st = store.mergePatchStatus({"Pod", "default", "web"}, yaml(R"({"status":{"phase":"Running","podIP":"10.0.0.5"}})"));
        QVERIFY2(st.ok(), st.status.message.c_str());
        auto labels = store.mergePatch({"Pod", "default", "web"}, yaml(R"({"metadata":{"labels":{"tier":"front"}}})"));
        QVERIFY2(labels.ok(), labels.status.message.c_str());
        auto ev = store.recordEvent({"Pod", "default", "web"}, "Normal", "Scheduled",
                                    "Successfully assigned default/web to node-1", "default-scheduler");
        QVERIFY2(ev.ok(), ev.status.message.c_str());
        auto again = store.recordEvent({"Pod", "default", "web"}, "Normal", "Scheduled",
                                       "Successfully assigned default/web to node-1", "default-scheduler");
        QVERIFY2(again.ok(), again.status.message.c_str());
        QCOMPARE(*again.value->get("count")->toInt(), 2);
        QVERIFY(store.remove({"Pod", "default", "web"}).ok());
        ObjectPtr terminating = store.find({"Pod", "default", "web"});
        QVERIFY(terminating && !metaString(*terminating, "deletionTimestamp").empty());
        Value done = *terminating;
        done.child("metadata").remove("finalizers");
        auto last = store.update(done);
        QVERIFY2(last.ok(), last.status.message.c_str());
        QVERIFY(store.find({"Pod", "default", "web"}));  // still within its grace period
        QVERIFY(store.remove({"Pod", "default", "web"}, 0).ok());
        QVERIFY(!store.find({"Pod", "default", "web"}));
    }

    void validationMessages_data() {
        QTest::addColumn<QString>("manifest");
        QTest::addColumn<QString>("expected");
        QTest::newRow("image") << "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n"
                               << "Pod \"web\" is invalid: spec.containers[0].image: Required value";
        QTest::newRow("two errors")
            << "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n"
               "  tolerations:\n  - key: k\n    operator: Exists\n    value: v\n"
            << "Pod \"web\" is invalid: [spec.containers[0].image: Required value, spec.tolerations[0].operator: "
               "Invalid value: \"v\": value must be empty when `operator` is 'Exists']";
        QTest::newRow("apps group")
            << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: -1\n"
               "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
               "    spec:\n      containers:\n      - name: c\n        image: nginx\n"
            << "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0";
    }
    void validationMessages() {
        QFETCH(QString, manifest);
        QFETCH(QString, expected);
        ApiStore store;
        admission::installDefaultPlugins(store);
        auto r = store.create(yaml(manifest.toStdString()));
        QCOMPARE(S(r.status.message), expected);
        QCOMPARE(r.status.code, Code::Invalid);
        QCOMPARE(r.status.httpCode(), 422);
    }
};

KS_TEST_MAIN(TestAdmission)
#include "tst_admission.moc"
