// Tests the PodTolerationRestriction admission plugin and the toleration set arithmetic under it:
// rows of upstream's admission_test.go (TestPodAdmission) and tolerations_test.go, plus the
// annotation parsing, the whitelist scope in the message, updates and the opt-in registry.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/writer.h"
#include "core/api/yaml_reader.h"
#include "core/store/admission/pod_toleration_restriction.h"
#include "core/store/admission/registry.h"
#include "core/store/admission/tolerations.h"
#include "core/store/api_store.h"

using namespace ks;
using namespace ks::store;
using namespace ks::store::admission;
using api::Value;
using tolerations::Toleration;

namespace {

Value yaml(const std::string& text) {
    auto r = api::readYaml(text, "t.yaml");
    if (!r.ok() || r.documents.empty()) qFatal("bad test YAML: %s", text.c_str());
    return r.documents.front();
}

QString S(const std::string& s) { return QString::fromStdString(s); }

// "foo=bar:NoSchedule", "foo:NoExecute:10" (Exists with seconds), "*" (empty key, Exists),
// "foo~bar" (empty operator): a compact notation for the tables.
Toleration tol(const std::string& spec) {
    Toleration t;
    if (spec == "*") {
        t.op = "Exists";
        return t;
    }
    std::string rest = spec;
    std::vector<std::string> parts;
    std::size_t colon;
    while ((colon = rest.find(':')) != std::string::npos) {
        parts.push_back(rest.substr(0, colon));
        rest = rest.substr(colon + 1);
    }
    parts.push_back(rest);
    std::string kv = parts[0];
    if (auto eq = kv.find('='); eq != std::string::npos) {
        t.key = kv.substr(0, eq);
        t.op = "Equal";
        t.value = kv.substr(eq + 1);
    } else if (auto tilde = kv.find('~'); tilde != std::string::npos) {
        t.key = kv.substr(0, tilde);
        t.value = kv.substr(tilde + 1);
    } else {
        t.key = kv;
        t.op = "Exists";
    }
    if (parts.size() > 1) t.effect = parts[1];
    if (parts.size() > 2) t.tolerationSeconds = std::stoll(parts[2]);
    return t;
}

std::vector<Toleration> tols(const QStringList& specs) {
    std::vector<Toleration> out;
    for (const auto& s : specs) out.push_back(tol(s.toStdString()));
    return out;
}

QStringList specs(const std::vector<Toleration>& list) {
    QStringList out;
    for (const auto& t : list) {
        std::string s = t.key.empty() && t.op == "Exists" ? "*" : t.key;
        if (t.op == "Equal") s += "=" + t.value;
        if (t.op.empty()) s += "~" + t.value;
        if (!t.effect.empty() || t.tolerationSeconds) s += ":" + t.effect;
        if (t.tolerationSeconds) s += ":" + std::to_string(*t.tolerationSeconds);
        out << S(s);
    }
    return out;
}

const char* kMemoryPressure = "node.kubernetes.io/memory-pressure:NoSchedule";

}  // namespace

class TestAdmissionTolerationRestriction : public QObject {
    Q_OBJECT
private slots:
    void isSuperset_data() {
        QTest::addColumn<QString>("superset");
        QTest::addColumn<QString>("subset");
        QTest::addColumn<bool>("expected");
        QTest::newRow("equal") << "foo=bar:NoSchedule" << "foo=bar:NoSchedule" << true;
        QTest::newRow("all covers a key") << "*" << "foo=bar:NoSchedule" << true;
        QTest::newRow("all covers NoExecute with seconds") << "*" << "foo:NoExecute:10" << true;
        QTest::newRow("exists covers a value") << "foo:NoSchedule" << "foo=bar:NoSchedule" << true;
        QTest::newRow("empty effect covers every effect") << "foo" << "foo=bar:NoExecute" << true;
        QTest::newRow("an effect does not cover another") << "foo:NoSchedule" << "foo:PreferNoSchedule" << false;
        QTest::newRow("another key") << "foo:NoSchedule" << "faz:NoSchedule" << false;
        QTest::newRow("unlimited NoExecute covers limited") << "foo:NoExecute" << "foo:NoExecute:10" << true;
        QTest::newRow("limited does not cover unlimited") << "foo:NoExecute:10" << "foo:NoExecute" << false;
        QTest::newRow("shorter does not cover longer") << "foo:NoExecute:10" << "foo:NoExecute:20" << false;
        QTest::newRow("longer covers shorter") << "foo:NoExecute:10" << "foo:NoExecute:0" << true;
        QTest::newRow("equal needs the same value") << "foo=bar:NoSchedule" << "foo=baz:NoSchedule" << false;
        QTest::newRow("equal does not cover exists") << "foo=bar:NoSchedule" << "foo:NoSchedule" << false;
        // The operator is compared as written: an omitted operator only matches another omitted one.
        QTest::newRow("Equal does not cover an omitted operator") << "foo=bar:NoSchedule" << "foo~bar:NoSchedule" << false;
        QTest::newRow("omitted operator equals itself") << "foo~bar:NoSchedule" << "foo~bar:NoSchedule" << true;
        QTest::newRow("omitted operator covers Equal") << "foo~bar:NoSchedule" << "foo=bar:NoSchedule" << true;
    }
    void isSuperset() {
        QFETCH(QString, superset);
        QFETCH(QString, subset);
        QFETCH(bool, expected);
        QCOMPARE(tolerations::isSuperset(tol(superset.toStdString()), tol(subset.toStdString())), expected);
    }

    void merge_data() {
        QTest::addColumn<QStringList>("first");
        QTest::addColumn<QStringList>("second");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("disjoint") << QStringList{"foo=bar:NoSchedule"} << QStringList{"faz:NoSchedule"}
                                  << QStringList{"foo=bar:NoSchedule", "faz:NoSchedule"};
        QTest::newRow("equal keeps the first") << QStringList{"foo=bar:NoSchedule"} << QStringList{"foo=bar:NoSchedule"}
                                               << QStringList{"foo=bar:NoSchedule"};
        QTest::newRow("a later superset replaces") << QStringList{"foo=bar:NoSchedule"} << QStringList{"foo:NoSchedule"}
                                                   << QStringList{"foo:NoSchedule"};
        QTest::newRow("an earlier superset absorbs") << QStringList{"*"} << QStringList{"foo=bar:NoSchedule", "faz:NoExecute"}
                                                     << QStringList{"*"};
        QTest::newRow("same key, other values, both stay")
            << QStringList{"testKey=testValue1:NoSchedule"} << QStringList{"testKey=testValue:NoSchedule"}
            << QStringList{"testKey=testValue1:NoSchedule", "testKey=testValue:NoSchedule"};
        QTest::newRow("unlimited NoExecute absorbs limited") << QStringList{"foo:NoExecute:10"} << QStringList{"foo:NoExecute"}
                                                             << QStringList{"foo:NoExecute"};
        QTest::newRow("redundant entries of one list go too")
            << QStringList{"foo=bar:NoSchedule", "foo:NoSchedule"} << QStringList{} << QStringList{"foo:NoSchedule"};
    }
    void merge() {
        QFETCH(QStringList, first);
        QFETCH(QStringList, second);
        QFETCH(QStringList, expected);
        QCOMPARE(specs(tolerations::merge(tols(first), tols(second))), expected);
    }

    void whitelist_data() {
        QTest::addColumn<QStringList>("list");
        QTest::addColumn<QStringList>("whitelist");
        QTest::addColumn<bool>("expected");
        QTest::newRow("empty whitelist allows all") << QStringList{"foo:NoSchedule"} << QStringList{} << true;
        QTest::newRow("empty list passes") << QStringList{} << QStringList{"foo:NoSchedule"} << true;
        QTest::newRow("covered") << QStringList{"dedicated=gpu:NoSchedule"} << QStringList{"dedicated:NoSchedule"} << true;
        QTest::newRow("one not covered") << QStringList{"dedicated=gpu:NoSchedule", "other:NoSchedule"}
                                         << QStringList{"dedicated:NoSchedule"} << false;
        QTest::newRow("other value") << QStringList{"dedicated=gpu:NoSchedule"}
                                     << QStringList{"dedicated=team-a:NoSchedule"} << false;
    }
    void whitelist() {
        QFETCH(QStringList, list);
        QFETCH(QStringList, whitelist);
        QFETCH(bool, expected);
        QCOMPARE(tolerations::verifyAgainstWhitelist(tols(list), tols(whitelist)), expected);
    }

    void annotation_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty means none") << "" << QStringList{} << "";
        QTest::newRow("null") << "null" << QStringList{} << "";
        QTest::newRow("one") << R"([{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}])"
                             << QStringList{"dedicated=gpu:NoSchedule"} << "";
        QTest::newRow("case-insensitive names, unknown ignored")
            << R"([{"Key":"a","OPERATOR":"Exists","effect":"NoExecute","tolerationSeconds":30,"extra":1}])"
            << QStringList{"a:NoExecute:30"} << "";
        QTest::newRow("an object, not a list") << R"({"key":"a"})" << QStringList{}
                                               << "json: cannot unmarshal object into Go value of type []v1.Toleration";
        QTest::newRow("number for a string") << R"([{"key":1}])" << QStringList{}
                                             << "json: cannot unmarshal number into Go struct field Toleration.key of type string";
        QTest::newRow("string seconds") << R"([{"key":"a","tolerationSeconds":"30"}])" << QStringList{}
                                        << "json: cannot unmarshal string into Go struct field Toleration.tolerationSeconds of type int64";
        QTest::newRow("truncated") << R"([{"key":"a")" << QStringList{} << "unexpected end of JSON input";
        QTest::newRow("not JSON") << "dedicated=gpu" << QStringList{}
                                  << "invalid character 'd' looking for beginning of value";
    }
    void annotation() {
        QFETCH(QString, json);
        QFETCH(QStringList, expected);
        QFETCH(QString, error);
        std::string err;
        auto list = parseTolerationsAnnotation(json.toStdString(), err);
        QCOMPARE(S(err), error);
        if (error.isEmpty()) {
            QVERIFY(list.has_value());
            QCOMPARE(specs(*list), expected);
        } else {
            QVERIFY(!list.has_value());
        }
    }

    // Pods created through a store with the default chain plus the plugin.
    void admission_data() {
        QTest::addColumn<QString>("nsDefault");  // annotation text; "-" = no annotation
        QTest::addColumn<QString>("nsWhitelist");
        QTest::addColumn<QStringList>("clusterDefault");  // "-" alone = not configured
        QTest::addColumn<QStringList>("clusterWhitelist");
        QTest::addColumn<QString>("qos");  // BestEffort, Burstable, Guaranteed
        QTest::addColumn<QString>("podTolerations");  // YAML flow list
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("error");

        const QString testKey = R"([{"key":"testKey","operator":"Equal","value":"testValue","effect":"NoSchedule"}])";
        const QString testKey1 = R"([{"key":"testKey","operator":"Equal","value":"testValue1","effect":"NoSchedule"}])";
        const QString podTestKey = "[{key: testKey, operator: Equal, value: testValue, effect: NoSchedule}]";
        const QString podTestKey1 = "[{key: testKey, operator: Equal, value: testValue1, effect: NoSchedule}]";
        const QStringList none{"-"};
        const QString conflict = "pod tolerations (possibly merged with namespace default tolerations) conflict with its ";

        QTest::newRow("cluster default, no namespace annotation")
            << "-" << "-" << QStringList{"testKey=testValue:NoSchedule"} << none << "BestEffort" << "[]"
            << QStringList{"testKey=testValue:NoSchedule"} << "";
        QTest::newRow("cluster default overridden by an empty namespace default")
            << "" << "-" << QStringList{"testKey=testValue2:NoSchedule"} << none << "BestEffort" << podTestKey1
            << QStringList{"testKey=testValue1:NoSchedule"} << "";
        QTest::newRow("namespace default equal to the pod's") << testKey << "-" << none << none << "BestEffort"
                                                              << podTestKey << QStringList{"testKey=testValue:NoSchedule"} << "";
        QTest::newRow("no pod tolerations") << testKey << "-" << none << none << "BestEffort" << "[]"
                                            << QStringList{"testKey=testValue:NoSchedule"} << "";
        QTest::newRow("same key, other value: both kept")
            << testKey << "-" << none << none << "BestEffort" << podTestKey1
            << QStringList{"testKey=testValue1:NoSchedule", "testKey=testValue:NoSchedule"} << "";
        QTest::newRow("merged tolerations satisfy the whitelist")
            << testKey << testKey << none << none << "BestEffort" << "[]" << QStringList{"testKey=testValue:NoSchedule"} << "";
        QTest::newRow("merged tolerations conflict with the whitelist")
            << testKey << testKey1 << none << none << "BestEffort" << "[]" << QStringList{} << conflict + "namespace whitelist";
        QTest::newRow("cluster whitelist overridden by an empty namespace whitelist")
            << "-" << "" << none << QStringList{"testKey=testValue1:NoSchedule"} << "BestEffort" << podTestKey
            << QStringList{"testKey=testValue:NoSchedule"} << "";
        QTest::newRow("cluster whitelist applies without an annotation")
            << "-" << "-" << none << QStringList{"testKey=testValue1:NoSchedule"} << "BestEffort" << podTestKey
            << QStringList{} << conflict + "cluster whitelist";
        QTest::newRow("memory-pressure added for Burstable")
            << testKey << "" << none << none << "Burstable" << "[]"
            << QStringList{"testKey=testValue:NoSchedule", kMemoryPressure} << "";
        QTest::newRow("memory-pressure added for Guaranteed")
            << testKey << "" << none << none << "Guaranteed" << "[]"
            << QStringList{"testKey=testValue:NoSchedule", kMemoryPressure} << "";
        QTest::newRow("duplicate keys of the pod stay")
            << "" << "" << none << none << "BestEffort"
            << "[{key: testKey, operator: Equal, value: testValue, effect: NoSchedule}, "
               "{key: testKey, operator: Equal, value: testValue1, effect: NoSchedule}]"
            << QStringList{"testKey=testValue:NoSchedule", "testKey=testValue1:NoSchedule"} << "";
        // The course's loophole closed: a tenant copies the dedicated nodes' toleration.
        QTest::newRow("copied toleration refused by the whitelist")
            << "-" << R"([{"key":"app","operator":"Equal","value":"web","effect":"NoSchedule"}])" << none << none
            << "BestEffort" << "[{key: dedicated, operator: Equal, value: team-a, effect: NoSchedule}]" << QStringList{}
            << conflict + "namespace whitelist";
        // A Burstable pod also carries memory-pressure, which the whitelist must then allow.
        QTest::newRow("memory-pressure must be whitelisted for Burstable pods")
            << "-" << R"([{"key":"dedicated","operator":"Equal","value":"team-a","effect":"NoSchedule"}])" << none << none
            << "Burstable" << "[{key: dedicated, operator: Equal, value: team-a, effect: NoSchedule}]" << QStringList{}
            << conflict + "namespace whitelist";
        QTest::newRow("bad annotation") << "[{" << "-" << none << none << "BestEffort" << "[]" << QStringList{}
                                        << "unexpected end of JSON input";
    }
    void admission() {
        QFETCH(QString, nsDefault);
        QFETCH(QString, nsWhitelist);
        QFETCH(QStringList, clusterDefault);
        QFETCH(QStringList, clusterWhitelist);
        QFETCH(QString, qos);
        QFETCH(QString, podTolerations);
        QFETCH(QStringList, expected);
        QFETCH(QString, error);

        ApiStore store;
        installDefaultPlugins(store);
        PodTolerationRestriction::Configuration config;
        if (clusterDefault != QStringList{"-"}) config.defaultTolerations = tols(clusterDefault);
        if (clusterWhitelist != QStringList{"-"}) config.whitelist = tols(clusterWhitelist);
        store.addAdmissionPlugin(std::make_unique<PodTolerationRestriction>(config));

        Value ns = yaml("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tenant\n");
        if (nsDefault != "-")
            ns.child("metadata").child("annotations").set(kNsDefaultTolerations, Value::string(nsDefault.toStdString()));
        if (nsWhitelist != "-")
            ns.child("metadata").child("annotations").set(kNsTolerationsWhitelist, Value::string(nsWhitelist.toStdString()));
        QVERIFY(store.create(ns).ok());

        std::string resources;
        if (qos == "Burstable") resources = "    resources:\n      requests:\n        cpu: 500m\n      limits:\n        cpu: '1'\n";
        if (qos == "Guaranteed") resources = "    resources:\n      limits:\n        cpu: '1'\n        memory: 1Gi\n";
        Value pod = yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: tenant\nspec:\n  tolerations: " +
                         podTolerations.toStdString() + "\n  containers:\n  - name: c\n    image: nginx\n" + resources);
        auto result = store.create(pod);
        if (!error.isEmpty()) {
            QVERIFY(!result.ok());
            QCOMPARE(S(result.status.message), error);
            QCOMPARE(result.status.httpCode(), 500);
            QVERIFY(!store.find({"Pod", "tenant", "p"}));
            return;
        }
        QVERIFY2(result.ok(), result.status.message.c_str());
        std::vector<Toleration> got;
        if (const Value* list = result.value->at("spec.tolerations"); list && list->isSequence())
            for (const auto& item : list->items()) got.push_back(tolerations::fromValue(item));
        QCOMPARE(specs(got), expected);
    }

    void updateAddsOnlyMemoryPressureAndChecksTheWhitelist() {
        ApiStore store;
        installDefaultPlugins(store);
        QVERIFY(enablePlugin(store, PodTolerationRestriction::kName));
        Value ns = yaml("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tenant\n  annotations:\n"
                        "    scheduler.alpha.kubernetes.io/defaultTolerations: '[{\"key\":\"d\",\"operator\":\"Exists\"}]'\n");
        QVERIFY(store.create(ns).ok());
        auto created = store.create(yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: tenant\n"
                                         "spec:\n  containers:\n  - name: c\n    image: nginx\n"));
        QVERIFY(created.ok());
        QCOMPARE(S(api::toJson(*created.value->at("spec.tolerations"), -1)).trimmed(), QString(R"([{"key":"d","operator":"Exists"}])"));

        // Later the namespace gets a whitelist; an update of the pod is checked against it.
        Value patch = yaml("metadata:\n  annotations:\n    scheduler.alpha.kubernetes.io/tolerationsWhitelist: "
                           "'[{\"key\":\"other\",\"operator\":\"Exists\"}]'\n");
        QVERIFY(store.mergePatch({"Namespace", "", "tenant"}, patch).ok());
        auto updated = store.mergePatch({"Pod", "tenant", "p"}, yaml("metadata:\n  labels:\n    a: b\n"));
        QVERIFY(!updated.ok());
        QCOMPARE(S(updated.status.message),
                 QString("pod tolerations (possibly merged with namespace default tolerations) conflict with its namespace whitelist"));
    }

    void missingNamespaces() {
        ApiStore store;
        installDefaultPlugins(store);
        QVERIFY(enablePlugin(store, PodTolerationRestriction::kName));
        // The API server's own namespaces exist even when a scenario does not list them.
        auto inDefault = store.create(yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: default\n"
                                           "spec:\n  containers:\n  - name: c\n    image: nginx\n"));
        QVERIFY2(inDefault.ok(), inDefault.status.message.c_str());
        QVERIFY(!inDefault.value->at("spec.tolerations"));  // BestEffort, no defaults: unchanged
        auto elsewhere = store.create(yaml("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: nowhere\n"
                                           "spec:\n  containers:\n  - name: c\n    image: nginx\n"));
        QVERIFY(!elsewhere.ok());
        QCOMPARE(S(elsewhere.status.message), QString("namespaces \"nowhere\" not found"));
        QCOMPARE(elsewhere.status.httpCode(), 404);
    }

    void optInOnly() {
        const std::vector<std::string> defaults = defaultPluginNames();
        QVERIFY(std::find(defaults.begin(), defaults.end(), "PodTolerationRestriction") == defaults.end());
        QCOMPARE(optionalPluginNames(), (std::vector<std::string>{"PodTolerationRestriction"}));
        ApiStore store;
        installDefaultPlugins(store);
        QVERIFY(enablePlugin(store, "PodTolerationRestriction"));
        QVERIFY(!enablePlugin(store, "PodTolerationRestriction"));  // already there
        QVERIFY(!enablePlugin(store, "NoSuchPlugin"));
        QCOMPARE(store.admissionPlugins(),
                 (std::vector<std::string>{"Defaulting", "Validation", "Priority", "PodTolerationRestriction"}));
    }
};

KS_TEST_MAIN(TestAdmissionTolerationRestriction)
#include "tst_admission_toleration_restriction.moc"
