// The strict-decoding step: wrong YAML types and unknown fields, worded as upstream's JSON
// decoding words them, including the course's OCR typos.
#include "ks_test_main.h"
#include <QtTest>

#include <functional>

#include "core/api/yaml_reader.h"
#include "validation_test_support.h"

using validation_test::compare;
using validation_test::pod;
using validation_test::podWith;
using validation_test::validate;

class TestValidateSchema : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char* name, const std::string& yaml, QStringList expected) {
            QTest::newRow(name) << QString::fromStdString(yaml) << expected;
        };

        // ---- unknown fields ----
        row("OCR typo in nodeAffinity",
            podWith("  affinity:\n    nodeAffinity:\n      requiredDuringSchedulinglgnoredDuringExecution:\n"
                    "        nodeSelectorTerms: []\n"),
            {"t.yaml:11:7: unknown field \"spec.affinity.nodeAffinity.requiredDuringSchedulinglgnoredDuringExecution\""});
        row("misspelt container field", podWith("    imagePullPolicyy: Always\n"),
            {"t.yaml:9:5: unknown field \"spec.containers[0].imagePullPolicyy\""});
        row("field names are case-sensitive", podWith("  NodeSelector:\n    disktype: ssd\n"),
            {"t.yaml:9:3: unknown field \"spec.NodeSelector\""});
        row("resources.limit instead of limits", podWith("    resources:\n      limit:\n        cpu: 1\n"),
            {"t.yaml:10:7: unknown field \"spec.containers[0].resources.limit\""});
        row("toleration typo", podWith("  tolerations:\n  - key: gpu\n    operater: Exists\n"),
            {"t.yaml:11:5: unknown field \"spec.tolerations[0].operater\""});
        row("unknown top-level field", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspecs: {}\n",
            {"t.yaml:5:1: unknown field \"specs\"", "t.yaml:1:1: spec.containers: Required value"});
        row("fields that newer releases added are known",
            podWith("  resources:\n    limits:\n      cpu: 1\n  hostUsers: false\n  os:\n    name: linux\n"), {});
        row("unmodelled parts are not looked into",
            podWith("    securityContext:\n      someFutureField: true\n    livenessProbe:\n      exec:\n"
                    "        command: [true]\n"),
            {});
        row("custom resources are not checked for fields",
            "apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: pool\nspec:\n  anything: [1, 2]\n", {});

        // ---- wrong types ----
        row("string where an int goes", podWith("    ports:\n    - containerPort: \"80\"\n"),
            {"t.yaml:10:22: spec.containers[0].ports[0].containerPort: json: cannot unmarshal string into Go struct "
             "field ContainerPort.spec.containers.ports.containerPort of type int32"});
        row("fractional number where an int goes", podWith("  terminationGracePeriodSeconds: 1.5\n"),
            {"t.yaml:9:34: spec.terminationGracePeriodSeconds: json: cannot unmarshal number 1.5 into Go struct field "
             "PodSpec.spec.terminationGracePeriodSeconds of type int64"});
        row("integral float is an int", podWith("  terminationGracePeriodSeconds: 30.0\n"), {});
        row("int32 overflow", podWith("  priority: 3000000000\n"),
            {"t.yaml:9:13: spec.priority: json: cannot unmarshal number 3000000000 into Go struct field "
             "PodSpec.spec.priority of type int32"});
        row("number where a string goes (label value)",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    version: 1.0\n"
            "spec:\n  containers:\n  - name: c\n    image: i\n",
            {"t.yaml:6:14: metadata.labels.version: json: cannot unmarshal number into Go struct field "
             "ObjectMeta.metadata.labels of type string"});
        row("YAML 1.1 yes is a bool", podWith("  nodeSelector:\n    gpu: yes\n"),
            {"t.yaml:10:10: spec.nodeSelector.gpu: json: cannot unmarshal bool into Go struct field "
             "PodSpec.spec.nodeSelector of type string"});
        row("quoted bool is a string", podWith("  hostNetwork: \"true\"\n"),
            {"t.yaml:9:16: spec.hostNetwork: json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork "
             "of type bool"});
        row("a map where a list goes", pod("  containers:\n    name: app\n    image: nginx\n"),
            {"t.yaml:7:5: spec.containers: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of "
             "type []v1.Container"});
        row("a string where a struct goes", podWith("  affinity: nodeAffinity\n"),
            {"t.yaml:9:13: spec.affinity: json: cannot unmarshal string into Go struct field PodSpec.spec.affinity of "
             "type v1.Affinity"});
        row("a string in a list of structs", podWith("  tolerations:\n  - gpu\n"),
            {"t.yaml:10:5: spec.tolerations[0]: json: cannot unmarshal string into Go struct field "
             "PodSpec.spec.tolerations of type v1.Toleration"});
        row("a number in a list of strings", podWith("    args: [run, 8080]\n"),
            {"t.yaml:9:17: spec.containers[0].args[1]: json: cannot unmarshal number into Go struct field "
             "Container.spec.containers.args of type string"});
        row("env value must be quoted", podWith("    env:\n    - name: PORT\n      value: 8080\n"),
            {"t.yaml:11:14: spec.containers[0].env[0].value: json: cannot unmarshal number into Go struct field "
             "EnvVar.spec.containers.env.value of type string"});
        row("intstr rejects a bool",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {a: b}\n"
            "  strategy:\n    rollingUpdate:\n      maxSurge: true\n  template:\n    metadata:\n      labels: {a: b}\n"
            "    spec:\n      containers:\n      - name: c\n        image: i\n",
            {"t.yaml:10:17: spec.strategy.rollingUpdate.maxSurge: json: cannot unmarshal bool into Go value of type int32"});
        row("time stamps are RFC 3339",
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: node\nspec:\n  taints:\n  - key: a\n    effect: NoSchedule\n"
            "    timeAdded: 2026-13-01T00:00:00Z\n",
            {"t.yaml:9:16: spec.taints[0].timeAdded: parsing time \"2026-13-01T00:00:00Z\": month out of range"});
        row("time stamps need a zone",
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: node\nspec:\n  taints:\n  - key: a\n    effect: NoSchedule\n"
            "    timeAdded: \"2026-01-01 00:00:00\"\n",
            {"t.yaml:9:16: spec.taints[0].timeAdded: parsing time \"2026-01-01 00:00:00\" as "
             "\"2006-01-02T15:04:05Z07:00\": cannot parse \" 00:00:00\" as \"T\""});
        row("secret data is base64",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: not-base64!\n",
            {"t.yaml:6:13: data.password: illegal base64 data at input byte 3"});
        row("YAML 1.1 n is a bool, even as a name", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n",
            {"t.yaml:4:9: metadata.name: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type "
             "string"});
        row("a spec that does not decode is not validated", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec: []\n",
            {"t.yaml:5:7: spec: json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec"});
        row("null means absent", podWith("  nodeSelector: null\n  tolerations: ~\n"), {});
    }

    void rules() {
        QFETCH(QString, yaml);
        QFETCH(QStringList, expected);
        compare(validate(yaml.toStdString()), expected);
    }

    void typeConfusionNeverCrashes() {
        // Every node of a few rich objects is replaced, one at a time, by values of every other
        // shape; defaulting and validation must cope with each.
        const char* objects[] = {
            R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}, annotations: {a: b}, ownerReferences: [{apiVersion: v1, kind: X, name: x, uid: u}]}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [a]}]}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}}
  template:
    metadata: {labels: {app: web}}
    spec:
      hostNetwork: true
      nodeSelector: {disktype: ssd}
      tolerations: [{key: gpu, operator: Exists, effect: NoExecute, tolerationSeconds: 5}]
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}], matchFields: [{key: metadata.name, operator: In, values: [n]}]}]
          preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: a, operator: Exists}]}}]
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution: [{weight: 5, podAffinityTerm: {topologyKey: zone, labelSelector: {matchLabels: {app: web}}, namespaces: [a]}}]
      topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2, matchLabelKeys: [x], labelSelector: {matchLabels: {a: b}}}]
      volumes: [{name: d, persistentVolumeClaim: {claimName: c}}, {name: e, emptyDir: {sizeLimit: 1Gi}}, {name: s, secret: {secretName: s, items: [{key: k, path: p}]}}]
      initContainers: [{name: init, image: i, restartPolicy: Always, ports: [{containerPort: 1, hostPort: 1}]}]
      containers:
      - name: app
        image: nginx
        env: [{name: A, value: b}]
        volumeMounts: [{name: d, mountPath: /d}]
        ports: [{name: http, containerPort: 80, hostPort: 80, protocol: TCP}]
        resources: {limits: {cpu: 1, example.com/x: 2}, requests: {cpu: 500m, hugepages-2Mi: 2Mi}}
      schedulingGates: [{name: g}]
      overhead: {cpu: 1}
)",
            R"(apiVersion: v1
kind: PersistentVolume
metadata: {name: pv}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  local: {path: /mnt}
  nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: k, operator: In, values: [v]}]}]}}
)",
            R"(apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "*/5 * * * *"
  timeZone: Etc/UTC
  jobTemplate: {spec: {completionMode: Indexed, completions: 2, template: {spec: {restartPolicy: Never, containers: [{name: c, image: i}]}}}}
)",
            R"(apiVersion: v1
kind: Node
metadata: {name: n}
spec: {podCIDRs: [10.0.0.0/24], taints: [{key: a, value: b, effect: NoSchedule, timeAdded: "2026-01-01T00:00:00Z"}]}
status: {capacity: {cpu: 4, pods: 110}}
)",
            R"(apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: s}
provisioner: p
allowedTopologies: [{matchLabelExpressions: [{key: k, values: [a]}]}]
)",
        };
        const char* replacements[] = {"~", "s", "\"s\"", "-1", "1.5", "true", "[]", "{}", "[1, [2]]", "{a: {b: c}}", "[{}]", "[~]"};
        std::vector<ks::api::Value> shapes;
        for (const char* r : replacements) shapes.push_back(ks::api::readYaml(std::string("v: ") + r, "r.yaml").documents[0].fields()[0].val);

        std::size_t runs = 0;
        for (const char* text : objects) {
            ks::api::Value root = ks::api::readYaml(text, "o.yaml").documents.at(0);
            // Paths to every node, as key/index steps.
            std::vector<std::vector<std::pair<std::string, std::size_t>>> paths;
            std::vector<std::pair<std::string, std::size_t>> current;
            std::function<void(const ks::api::Value&)> walk = [&](const ks::api::Value& v) {
                paths.push_back(current);
                if (v.isMapping())
                    for (const auto& f : v.fields()) {
                        current.push_back({f.key, 0});
                        walk(f.val);
                        current.pop_back();
                    }
                if (v.isSequence())
                    for (std::size_t i = 0; i < v.items().size(); ++i) {
                        current.push_back({std::string(), i});
                        walk(v.items()[i]);
                        current.pop_back();
                    }
            };
            walk(root);
            for (const auto& path : paths) {
                if (path.empty()) continue;
                for (const auto& shape : shapes) {
                    ks::api::Value copy = root;
                    ks::api::Value* node = &copy;
                    for (const auto& [key, index] : path)
                        node = key.empty() ? &node->items()[index] : node->get(key);
                    *node = shape;
                    ks::api::Diagnostics diags;
                    ks::api::applyDefaults(copy);
                    ks::api::validateObject(copy, "o.yaml", diags);
                    for (const auto& d : diags) QVERIFY(!d.message.empty());
                    ++runs;
                }
            }
        }
        QVERIFY(runs > 1000);
    }

    void courseSnippetGivesUsefulErrors() {
        // The course's NodeAffinity example, OCR typos fixed only in the indentation so that it
        // parses: the typo'd field names are all reported, each where it is written.
        const std::string path = std::string(KUBESTAGE_TEST_DATA) + "/validation/course-node-affinity-ocr.yaml";
        auto read = ks::api::readYamlFile(path);
        QVERIFY(read.ok());
        QCOMPARE(read.documents.size(), 1u);
        ks::api::Value object = read.documents.front();
        ks::api::applyDefaults(object);
        ks::api::Diagnostics diags;
        ks::api::validateObject(object, "course-node-affinity-ocr.yaml", diags);
        QStringList out;
        for (const auto& d : diags) out << QString::fromStdString(d.format());
        compare(out, {"course-node-affinity-ocr.yaml:11:13: unknown field "
                      "\"spec.affinity.nodeAffinity.requiredDuringSchedulinglgnoredDuringExecution\"",
                      "course-node-affinity-ocr.yaml:19:13: unknown field "
                      "\"spec.affinity.nodeAffinity.preferredDuringSchedulinglgnoredDuringExecution\""});
    }
};

KS_TEST_MAIN(TestValidateSchema)
#include "tst_validate_schema.moc"
