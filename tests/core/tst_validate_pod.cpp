// Pod validation, rule by rule, with the exact FILE:LINE:COL: path: message of each error.
// Paths and wording follow k8s.io/kubernetes/pkg/apis/core/validation (v1.31).
#include "ks_test_main.h"
#include <QtTest>

#include "validation_test_support.h"

using validation_test::compare;
using validation_test::pod;
using validation_test::podWith;
using validation_test::validate;

namespace {

const QString kLabelMsg =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
    "with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const QString kQuantityMsg =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

// One container "app" with a resources block whose lines follow (from file line 10).
std::string withResources(const std::string& resources) {
    return pod("  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n" + resources);
}

}  // namespace

class TestValidatePod : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char* name, const std::string& yaml, QStringList expected) {
            QTest::newRow(name) << QString::fromStdString(yaml) << expected;
        };

        row("valid pod", podWith(""), {});
        row("valid with plain and quoted quantities",
            withResources("      requests:\n        cpu: 32\n        memory: \"0.5\"\n      limits:\n        cpu: 32\n"), {});

        // ---- required fields and names ----
        row("containers required", pod("  restartPolicy: Always\n"), {"t.yaml:6:3: spec.containers: Required value"});
        row("container name and image required", pod("  containers:\n  - imagePullPolicy: Always\n"),
            {"t.yaml:7:5: spec.containers[0].name: Required value", "t.yaml:7:5: spec.containers[0].image: Required value"});
        row("container name is a DNS label", pod("  containers:\n  - name: App_1\n    image: nginx\n"),
            {"t.yaml:7:11: spec.containers[0].name: Invalid value: \"App_1\": " + kLabelMsg});
        row("container names are unique",
            pod("  containers:\n  - name: app\n    image: a\n  - name: app\n    image: b\n"),
            {"t.yaml:9:11: spec.containers[1].name: Duplicate value: \"app\""});
        row("init and regular container names are unique",
            pod("  containers:\n  - name: app\n    image: a\n  initContainers:\n  - name: app\n    image: b\n"),
            {"t.yaml:10:11: spec.initContainers[0].name: Duplicate value: \"app\""});
        row("pod name or generateName",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: b\nspec:\n  containers:\n  - name: c\n    image: i\n",
            {"t.yaml:4:3: metadata.name: Required value: name or generateName is required"});
        row("generateName alone is enough",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\nspec:\n  containers:\n  - name: c\n    image: i\n", {});

        // ---- resources ----
        row("requests <= limits", withResources("      limits:\n        cpu: 500m\n      requests:\n        cpu: \"1\"\n"),
            {"t.yaml:13:14: spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal to "
             "cpu limit of 500m"});
        row("bad quantity", withResources("      requests:\n        cpu: abc\n"),
            {"t.yaml:11:14: spec.containers[0].resources.requests.cpu: " + kQuantityMsg});
        row("boolean is not a quantity", withResources("      requests:\n        cpu: true\n"),
            {"t.yaml:11:14: spec.containers[0].resources.requests.cpu: " + kQuantityMsg});
        row("negative quantity (copied into requests)", withResources("      limits:\n        memory: -1Gi\n"),
            {"t.yaml:11:17: spec.containers[0].resources.limits[memory]: Invalid value: \"-1Gi\": must be greater than "
             "or equal to 0",
             "t.yaml:11:17: spec.containers[0].resources.requests[memory]: Invalid value: \"-1Gi\": must be greater "
             "than or equal to 0"});
        row("unknown resource name", withResources("      requests:\n        cpus: 1\n"),
            {"t.yaml:11:9: spec.containers[0].resources.requests[cpus]: Invalid value: cpus: must be a standard "
             "resource type or fully qualified",
             "t.yaml:11:9: spec.containers[0].resources.requests[cpus]: Invalid value: cpus: must be a standard "
             "resource for containers"});
        row("extended resources are not overcommitted",
            withResources("      limits:\n        example.com/dongle: 3\n      requests:\n        example.com/dongle: 2\n"),
            {"t.yaml:13:29: spec.containers[0].resources.requests: Invalid value: \"2\": must be equal to "
             "example.com/dongle limit of 3"});
        row("extended resources need limits", withResources("      requests:\n        example.com/dongle: 1\n"),
            {"t.yaml:11:29: spec.containers[0].resources.limits: Required value: Limit must be set for non "
             "overcommitable resources"});
        row("extended resources are integers", withResources("      limits:\n        example.com/dongle: 500m\n"),
            {"t.yaml:11:29: spec.containers[0].resources.limits[example.com/dongle]: Invalid value: 500m: must be an "
             "integer",
             "t.yaml:11:29: spec.containers[0].resources.requests[example.com/dongle]: Invalid value: 500m: must be an "
             "integer"});

        // ---- ports ----
        row("host port range and protocol",
            podWith("    ports:\n    - containerPort: 80\n      hostPort: 70000\n      protocol: HTTP\n"),
            {"t.yaml:11:17: spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, "
             "inclusive",
             "t.yaml:12:17: spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: "
             "\"SCTP\", \"TCP\", \"UDP\""});
        row("container port required and names unique",
            podWith("    ports:\n    - name: http\n      containerPort: 80\n    - name: http\n      hostPort: 8080\n"),
            {"t.yaml:12:13: spec.containers[0].ports[1].name: Duplicate value: \"http\"",
             "t.yaml:12:7: spec.containers[0].ports[1].containerPort: Required value"});
        row("port name syntax", podWith("    ports:\n    - name: Web_Port\n      containerPort: 80\n"),
            {"t.yaml:10:13: spec.containers[0].ports[0].name: Invalid value: \"Web_Port\": must contain only "
             "alpha-numeric characters (a-z, 0-9), and hyphens (-)"});
        row("host ports are unique across containers",
            pod("  containers:\n  - name: a\n    image: i\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n"
                "  - name: b\n    image: i\n    ports:\n    - containerPort: 81\n      hostPort: 8080\n"),
            {"t.yaml:16:17: spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\""});
        row("hostNetwork needs hostPort == containerPort",
            podWith("    ports:\n    - containerPort: 80\n      hostPort: 81\n  hostNetwork: true\n"),
            {"t.yaml:11:17: spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when "
             "`hostNetwork` is true"});

        // ---- enums ----
        row("imagePullPolicy", podWith("    imagePullPolicy: Sometimes\n"),
            {"t.yaml:9:22: spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: "
             "\"Always\", \"IfNotPresent\", \"Never\""});
        row("restartPolicy", podWith("  restartPolicy: Sometimes\n"),
            {"t.yaml:9:18: spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
             "\"OnFailure\", \"Never\""});
        row("dnsPolicy", podWith("  dnsPolicy: Cluster\n"),
            {"t.yaml:9:14: spec.dnsPolicy: Unsupported value: \"Cluster\": supported values: \"ClusterFirstWithHostNet\", "
             "\"ClusterFirst\", \"Default\", \"None\""});
        row("preemptionPolicy", podWith("  preemptionPolicy: Sometimes\n"),
            {"t.yaml:9:21: spec.preemptionPolicy: Unsupported value: \"Sometimes\": supported values: "
             "\"PreemptLowerPriority\", \"Never\""});
        row("spec.priority is left to admission", podWith("  priority: 100\n"), {});

        // ---- init containers ----
        row("init container restartPolicy only Always",
            pod("  containers:\n  - name: app\n    image: i\n  initContainers:\n  - name: init\n    image: i\n"
                "    restartPolicy: OnFailure\n"),
            {"t.yaml:12:20: spec.initContainers[0].restartPolicy: Unsupported value: \"OnFailure\": supported values: "
             "\"Always\""});
        row("sidecar init container is valid",
            pod("  containers:\n  - name: app\n    image: i\n  initContainers:\n  - name: proxy\n    image: i\n"
                "    restartPolicy: Always\n    readinessProbe:\n      tcpSocket:\n        port: 8080\n"),
            {});
        row("probes need restartPolicy Always on init containers",
            pod("  containers:\n  - name: app\n    image: i\n  initContainers:\n  - name: init\n    image: i\n"
                "    livenessProbe:\n      tcpSocket:\n        port: 8080\n"),
            {"t.yaml:13:7: spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers "
             "without restartPolicy=Always"});
        row("regular containers have no restartPolicy", podWith("    restartPolicy: Always\n"),
            {"t.yaml:9:20: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"});

        // ---- volumes ----
        row("volume needs exactly one source",
            podWith("  volumes:\n  - name: data\n    emptyDir: {}\n    hostPath:\n      path: /data\n"),
            {"t.yaml:13:7: spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type"});
        row("volume names unique and claimName required",
            podWith("  volumes:\n  - name: data\n    emptyDir: {}\n  - name: data\n    persistentVolumeClaim:\n"
                    "      readOnly: true\n"),
            {"t.yaml:14:7: spec.volumes[1].persistentVolumeClaim.claimName: Required value",
             "t.yaml:12:11: spec.volumes[1].name: Duplicate value: \"data\""});
        row("emptyDir sizeLimit not negative",
            podWith("  volumes:\n  - name: scratch\n    emptyDir:\n      sizeLimit: -1Gi\n"),
            {"t.yaml:12:18: spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource "
             "quantity"});
        row("volume name is a DNS label", podWith("  volumes:\n  - name: Data\n    emptyDir: {}\n"),
            {"t.yaml:10:11: spec.volumes[0].name: Invalid value: \"Data\": " + kLabelMsg});
        row("mounts name existing volumes",
            podWith("    volumeMounts:\n    - name: cache\n      mountPath: /cache\n    - name: data\n"),
            {"t.yaml:10:13: spec.containers[0].volumeMounts[0].name: Not found: \"cache\"",
             "t.yaml:12:13: spec.containers[0].volumeMounts[1].name: Not found: \"data\"",
             "t.yaml:12:7: spec.containers[0].volumeMounts[1].mountPath: Required value"});

        // ---- labels, annotations, misc ----
        row("label key and value syntax",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    -bad: ok\n    good: -bad\n"
            "spec:\n  containers:\n  - name: c\n    image: i\n",
            {"t.yaml:6:5: metadata.labels: Invalid value: \"-bad\": name part must consist of alphanumeric characters, "
             "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
             "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
             "t.yaml:7:11: metadata.labels: Invalid value: \"-bad\": a valid label must be an empty string or consist "
             "of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
             "'MyValue',  or 'my_value',  or '12345', regex used for validation is "
             "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"});
        row("scheduling gates unique", podWith("  schedulingGates:\n  - name: example.com/foo\n  - name: example.com/foo\n"),
            {"t.yaml:11:11: spec.schedulingGates[1]: Duplicate value: \"example.com/foo\""});
        row("activeDeadlineSeconds range", podWith("  activeDeadlineSeconds: 0\n"),
            {"t.yaml:9:26: spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"});
        row("image without surrounding spaces", pod("  containers:\n  - name: app\n    image: \" nginx\"\n"),
            {"t.yaml:8:12: spec.containers[0].image: Invalid value: \" nginx\": must not have leading or trailing "
             "whitespace"});
    }

    void rules() {
        QFETCH(QString, yaml);
        QFETCH(QStringList, expected);
        compare(validate(yaml.toStdString()), expected);
    }

    void validationReportsEveryProblemOfAnObject() {
        // Three unrelated problems in one pod: all are reported, in upstream's order.
        auto out = validate(pod("  containers:\n  - name: A\n    image: i\n    imagePullPolicy: Maybe\n"
                                "  restartPolicy: Sometimes\n"));
        QCOMPARE(out.size(), 3);
        QVERIFY(out[0].contains("spec.containers[0].name"));
        QVERIFY(out[1].contains("spec.containers[0].imagePullPolicy"));
        QVERIFY(out[2].contains("spec.restartPolicy"));
    }

    void withoutDefaultsTheDefaultedFieldsAreRequired() {
        // validateObject expects a defaulted object; the required defaulted fields show why.
        auto out = validate(podWith(""), false);
        QVERIFY(out.contains("t.yaml:6:3: spec.terminationGracePeriodSeconds: Required value"));
        QVERIFY(out.contains("t.yaml:7:5: spec.containers[0].imagePullPolicy: Required value"));
        QVERIFY(out.contains("t.yaml:6:3: spec.restartPolicy: Required value"));
    }
};

KS_TEST_MAIN(TestValidatePod)
#include "tst_validate_pod.moc"
