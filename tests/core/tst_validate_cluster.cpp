// Validation of the cluster-level kinds and of the kinds validated through ObjectMeta only:
// Node, PriorityClass, Namespace, PodDisruptionBudget, Lease, ConfigMap, Service, generic
// built-in kinds and custom resources.
#include "ks_test_main.h"
#include <QtTest>

#include "validation_test_support.h"

using validation_test::compare;
using validation_test::validate;

namespace {

std::string node(const std::string& rest, const char* name = "node-1") {
    return std::string("apiVersion: v1\nkind: Node\nmetadata:\n  name: ") + name + "\n" + rest;
}

std::string priorityClass(const char* name, const std::string& rest) {
    return std::string("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: ") + name + "\n" + rest;
}

}  // namespace

class TestValidateCluster : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char* name, const std::string& yaml, QStringList expected) {
            QTest::newRow(name) << QString::fromStdString(yaml) << expected;
        };

        // ---- Node ----
        row("valid node",
            node("spec:\n  taints:\n  - key: gpu\n    value: \"true\"\n    effect: NoSchedule\nstatus:\n  capacity:\n"
                 "    cpu: 32\n    memory: 64Gi\n    pods: 110\n"),
            {});
        row("taint effect required and supported",
            node("spec:\n  taints:\n  - key: a\n  - key: b\n    effect: NoSchedul\n"),
            {"t.yaml:7:5: spec.taints[0].effect: Required value",
             "t.yaml:9:13: spec.taints[1].effect: Unsupported value: \"NoSchedul\": supported values: \"NoSchedule\", "
             "\"PreferNoSchedule\", \"NoExecute\""});
        row("taints unique by key and effect",
            node("spec:\n  taints:\n  - key: a\n    effect: NoSchedule\n  - key: a\n    value: x\n    effect: NoSchedule\n"),
            {"t.yaml:9:5: spec.taints[1]: Duplicate value: core.Taint{Key:\"a\", Value:\"x\", Effect:\"NoSchedule\", "
             "TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair"});
        // Allocatable defaults to capacity, so upstream reports both.
        row("negative capacity", node("status:\n  capacity:\n    cpu: -2\n"),
            {"t.yaml:7:10: status.capacity.cpu: Invalid value: \"-2\": must be greater than or equal to 0",
             "t.yaml:7:10: status.allocatable.cpu: Invalid value: \"-2\": must be greater than or equal to 0"});
        row("pods capacity is an integer", node("status:\n  allocatable:\n    pods: 1.5\n"),
            {"t.yaml:7:11: status.allocatable.pods: Invalid value: 1500m: must be an integer"});
        row("pod CIDRs", node("spec:\n  podCIDRs: [10.244.0.0/24, 10.244.0.0/33]\n"),
            {"t.yaml:6:29: spec.podCIDRs[1]: Invalid value: \"10.244.0.0/33\": must be a valid CIDR value, (e.g. "
             "10.9.8.0/24 or 2001:db8::/64)"});
        row("node name is a DNS subdomain", node("", "Node_1"),
            {"t.yaml:4:9: metadata.name: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist of lower "
             "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
             "'example.com', regex used for validation is "
             "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"});

        // ---- PriorityClass ----
        row("valid priority class", priorityClass("high-priority", "value: 1000000\nglobalDefault: false\n"), {});
        row("user classes up to 1000000000", priorityClass("too-high", "value: 2000000001\n"),
            {"t.yaml:5:8: value: Forbidden: maximum allowed value of a user defined priority is 1000000000"});
        row("system- prefix is reserved", priorityClass("system-mine", "value: 10\n"),
            {"t.yaml:4:9: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system "
             "use only. error: system-mine is not a known system priority class"});
        row("known system class with its value", priorityClass("system-node-critical", "value: 2000001000\n"), {});
        row("preemptionPolicy", priorityClass("p", "value: 10\npreemptionPolicy: Always\n"),
            {"t.yaml:6:19: preemptionPolicy: Unsupported value: \"Always\": supported values: \"PreemptLowerPriority\", "
             "\"Never\""});
        row("OCR'd PriorityClass: value nested in metadata",
            "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: high-priority\n  value: 1000000\n",
            {"t.yaml:5:3: unknown field \"metadata.value\""});

        // ---- Namespace, PDB, Lease, ConfigMap, Service ----
        row("namespace name is a DNS label", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n",
            {"t.yaml:4:9: metadata.name: Invalid value: \"team.a\": must not contain dots"});
        row("namespace name syntax", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: Team_A\n",
            {"t.yaml:4:9: metadata.name: Invalid value: \"Team_A\": a lowercase RFC 1123 label must consist of lower case "
             "alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
             "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"});
        row("pdb minAvailable and maxUnavailable",
            "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: zk\nspec:\n  minAvailable: 2\n"
            "  maxUnavailable: 150%\n  selector:\n    matchLabels:\n      app: zk\n",
            {"t.yaml:6:3: spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:2, MaxUnavailable:150%}: "
             "minAvailable and maxUnavailable cannot be both set",
             "t.yaml:7:19: spec.maxUnavailable: Invalid value: 150%: must not be greater than 100%"});
        row("lease duration positive",
            "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata:\n  name: kube-scheduler\n  namespace: kube-system\n"
            "spec:\n  holderIdentity: a\n  leaseDurationSeconds: 0\n  renewTime: \"2026-01-01T00:00:05.000000Z\"\n",
            {"t.yaml:8:25: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"});
        row("configmap keys", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a/b: x\n",
            {"t.yaml:6:3: data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, "
             "'-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is "
             "'[-._a-zA-Z0-9]+')"});
        row("service name is a DNS-1035 label",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports:\n  - port: 80\n",
            {"t.yaml:4:9: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case "
             "alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character "
             "(e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"});

        // ---- generic built-in kinds and custom resources ----
        row("RBAC names may contain colons",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:kube-scheduler\n"
            "rules: []\n",
            {});
        row("generic kinds: path-segment names",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: a/b\n",
            {"t.yaml:4:9: metadata.name: Invalid value: \"a/b\": may not contain '/'"});
        row("custom resource needs a name", "apiVersion: ceph.rook.io/v1\nkind: CephCluster\nmetadata:\n  namespace: rook\n",
            {"t.yaml:4:3: metadata.name: Required value: name or generateName is required"});
        row("cluster-scoped objects drop a namespace",
            "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n  namespace: default\n"
            "provisioner: kubernetes.io/no-provisioner\n",
            {});
    }

    void rules() {
        QFETCH(QString, yaml);
        QFETCH(QStringList, expected);
        compare(validate(yaml.toStdString()), expected);
    }
};

KS_TEST_MAIN(TestValidateCluster)
#include "tst_validate_cluster.moc"
