// Validation of the scheduling vocabulary in pod specs: tolerations, node and pod affinity,
// topology spread constraints, node selectors.
#include "ks_test_main.h"
#include <QtTest>

#include "validation_test_support.h"

using validation_test::compare;
using validation_test::podWith;
using validation_test::validate;

namespace {

// podWith() puts these lines from file line 9 on.
std::string nodeAffinity(const std::string& requirement) {
    return podWith("  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
                   "        nodeSelectorTerms:\n        - matchExpressions:\n" + requirement);
}

}  // namespace

class TestValidateScheduling : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char* name, const std::string& yaml, QStringList expected) {
            QTest::newRow(name) << QString::fromStdString(yaml) << expected;
        };

        // ---- tolerations ----
        row("valid tolerations",
            podWith("  tolerations:\n  - key: gpu\n    operator: Equal\n    value: \"true\"\n    effect: NoSchedule\n"
                    "  - operator: Exists\n  - key: node.kubernetes.io/not-ready\n    operator: Exists\n"
                    "    effect: NoExecute\n    tolerationSeconds: 300\n"),
            {});
        row("toleration effect", podWith("  tolerations:\n  - key: gpu\n    operator: Exists\n    effect: NoSchedul\n"),
            {"t.yaml:12:13: spec.tolerations[0].effect: Unsupported value: \"NoSchedul\": supported values: "
             "\"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""});
        row("Exists takes no value", podWith("  tolerations:\n  - key: gpu\n    operator: Exists\n    value: \"true\"\n"),
            {"t.yaml:12:12: spec.tolerations[0].operator: Invalid value: \"true\": value must be empty when `operator` "
             "is 'Exists'"});
        row("tolerationSeconds only with NoExecute",
            podWith("  tolerations:\n  - key: gpu\n    operator: Exists\n    effect: NoSchedule\n    tolerationSeconds: 60\n"),
            {"t.yaml:12:13: spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when "
             "`tolerationSeconds` is set"});
        row("empty key needs Exists", podWith("  tolerations:\n  - operator: Equal\n    value: x\n"),
            {"t.yaml:10:15: spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is "
             "empty, which means \"match all values and all keys\""});
        row("toleration operator", podWith("  tolerations:\n  - key: gpu\n    operator: In\n    value: x\n"),
            {"t.yaml:11:15: spec.tolerations[0].operator: Unsupported value: \"In\": supported values: \"Equal\", "
             "\"Exists\", \"Lt\", \"Gt\""});
        row("numeric operators need an integer",
            podWith("  tolerations:\n  - key: sla\n    operator: Gt\n    value: high\n    effect: NoSchedule\n"),
            {"t.yaml:12:12: spec.tolerations[0].value: Invalid value: \"high\": value must be a valid integer for numeric "
             "operators"});
        row("toleration key syntax", podWith("  tolerations:\n  - key: -gpu\n    operator: Exists\n"),
            {"t.yaml:10:10: spec.tolerations[0].key: Invalid value: \"-gpu\": name part must consist of alphanumeric "
             "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or "
             "'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"});

        // ---- node affinity ----
        row("valid node affinity",
            nodeAffinity("          - key: zone\n            operator: In\n            values: [a, b]\n"
                         "          - key: cores\n            operator: Gt\n            values: [\"8\"]\n"),
            {});
        row("node selector operator",
            nodeAffinity("          - key: zone\n            operator: Equals\n            values: [a]\n"),
            {"t.yaml:15:23: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]."
             "matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator"});
        row("In needs values", nodeAffinity("          - key: zone\n            operator: In\n"),
            {"t.yaml:14:13: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]."
             "matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"});
        row("Exists takes no values",
            nodeAffinity("          - key: zone\n            operator: Exists\n            values: [a]\n"),
            {"t.yaml:16:21: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]."
             "matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"});
        row("Gt takes a single value",
            nodeAffinity("          - key: cores\n            operator: Gt\n            values: [\"8\", \"16\"]\n"),
            {"t.yaml:16:21: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]."
             "matchExpressions[0].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'"});
        row("Gt with a word is only a warning",
            nodeAffinity("          - key: cores\n            operator: Gt\n            values: [many]\n"),
            {"t.yaml:16:22: warning: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution."
             "nodeSelectorTerms[0].matchExpressions[0].values[0]: \"many\" is not an integer, so `operator` 'Gt' never "
             "matches"});
        row("terms required",
            podWith("  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
                    "        nodeSelectorTerms: []\n"),
            {"t.yaml:12:28: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: "
             "Required value: must have at least one node selector term"});
        row("matchFields only metadata.name",
            podWith("  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
                    "        nodeSelectorTerms:\n        - matchFields:\n          - key: metadata.labels\n"
                    "            operator: In\n            values: [a]\n"),
            {"t.yaml:14:18: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]."
             "matchFields[0].key: Invalid value: \"metadata.labels\": not a valid field selector key"});
        row("preferred weight 1-100",
            podWith("  affinity:\n    nodeAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n"
                    "      - weight: 0\n        preference:\n          matchExpressions:\n          - key: zone\n"
                    "            operator: In\n            values: [a]\n      - weight: 101\n        preference: {}\n"),
            {"t.yaml:12:17: spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid "
             "value: 0: must be in the range 1-100",
             "t.yaml:18:17: spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].weight: Invalid "
             "value: 101: must be in the range 1-100"});

        // ---- pod affinity ----
        row("pod affinity topologyKey required",
            podWith("  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
                    "      - labelSelector:\n          matchLabels:\n            app: db\n"),
            {"t.yaml:12:9: spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
             "Required value: can not be empty",
             "t.yaml:12:9: spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
             "Invalid value: \"\": name part must be non-empty",
             "t.yaml:12:9: spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "
             "Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start "
             "and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
             "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"});
        row("anti-affinity weight and selector",
            podWith("  affinity:\n    podAntiAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n"
                    "      - weight: 200\n        podAffinityTerm:\n          topologyKey: kubernetes.io/hostname\n"
                    "          labelSelector:\n            matchExpressions:\n            - key: app\n"
                    "              operator: In\n"),
            {"t.yaml:12:17: spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: "
             "Invalid value: 200: must be in the range 1-100",
             "t.yaml:17:15: spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]."
             "podAffinityTerm.labelSelector.matchExpressions[0].values: Required value: must be specified when "
             "`operator` is 'In' or 'NotIn'"});

        // ---- topology spread ----
        row("valid spread",
            podWith("  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n"
                    "    whenUnsatisfiable: DoNotSchedule\n    minDomains: 2\n    labelSelector:\n      matchLabels:\n"
                    "        app: web\n    matchLabelKeys: [pod-template-hash]\n"),
            {});
        row("maxSkew, topologyKey and whenUnsatisfiable",
            podWith("  topologySpreadConstraints:\n  - maxSkew: 0\n    whenUnsatisfiable: Always\n"),
            {"t.yaml:10:14: spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
             "t.yaml:10:5: spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty",
             "t.yaml:11:24: spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"Always\": "
             "supported values: \"DoNotSchedule\", \"ScheduleAnyway\""});
        row("spread pairs are unique",
            podWith("  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n"
                    "  - maxSkew: 2\n    topologyKey: zone\n    whenUnsatisfiable: DoNotSchedule\n"),
            {"t.yaml:10:5: spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "
             "\"{zone, DoNotSchedule}\""});
        row("minDomains only with DoNotSchedule",
            podWith("  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n"
                    "    whenUnsatisfiable: ScheduleAnyway\n    minDomains: 3\n"),
            {"t.yaml:13:17: spec.topologySpreadConstraints[0].minDomains: Invalid value: 3: can only use minDomains if "
             "whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway"});
        row("inclusion policies",
            podWith("  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n"
                    "    whenUnsatisfiable: DoNotSchedule\n    nodeTaintsPolicy: Respect\n"),
            {"t.yaml:13:23: spec.topologySpreadConstraints[0].nodeTaintsPolicy: Unsupported value: \"Respect\": supported "
             "values: \"Honor\", \"Ignore\""});
        row("matchLabelKeys need a labelSelector",
            podWith("  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: zone\n"
                    "    whenUnsatisfiable: DoNotSchedule\n    matchLabelKeys: [app]\n"),
            {"t.yaml:13:21: spec.topologySpreadConstraints[0].matchLabelKeys: Forbidden: must not be specified when "
             "labelSelector is not set"});

        // ---- nodeSelector and annotations ----
        row("nodeSelector labels", podWith("  nodeSelector:\n    disktype: \"ssd drive\"\n"),
            {"t.yaml:10:15: spec.nodeSelector: Invalid value: \"ssd drive\": a valid label must be an empty string or "
             "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
             "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
             "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"});
    }

    void rules() {
        QFETCH(QString, yaml);
        QFETCH(QStringList, expected);
        compare(validate(yaml.toStdString()), expected);
    }

    void annotationsAtMost256KiB() {
        std::string big(256 * 1024, 'x');
        auto out = validate("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    note: " + big +
                            "\nspec:\n  containers:\n  - name: c\n    image: i\n");
        compare(out, {"t.yaml:6:5: metadata.annotations: Too long: must have at most 262144 bytes"});
    }
};

KS_TEST_MAIN(TestValidateScheduling)
#include "tst_validate_scheduling.moc"
