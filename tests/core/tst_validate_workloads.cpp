// Workload validation: metadata, selector against template labels, the pod template through the
// pod-spec validator under spec.template, and each controller's own fields.
#include "ks_test_main.h"
#include <QtTest>

#include "validation_test_support.h"

using validation_test::compare;
using validation_test::validate;

namespace {

// A Deployment/ReplicaSet/DaemonSet/StatefulSet head; the spec lines start at file line 6.
std::string workload(const char* apiVersion, const char* kind, const std::string& spec, const char* name = "web") {
    return std::string("apiVersion: ") + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: " + name + "\nspec:\n" + spec;
}

// selector app=web (lines 6-8) and a template (lines 9-16) with labels `templateLabels` and
// extra pod-spec lines after the container.
std::string selectorAndTemplate(const std::string& templateLabels = "app: web", const std::string& podSpecExtra = "",
                                const std::string& containerExtra = "") {
    return "  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        " +
           templateLabels + "\n    spec:\n      containers:\n      - name: app\n        image: nginx\n" + containerExtra +
           podSpecExtra;
}

std::string deployment(const std::string& spec) { return workload("apps/v1", "Deployment", spec); }

const char* kSelectorMismatch = "`selector` does not match template `labels`";

std::string job(const std::string& podSpecExtra, const std::string& jobSpecExtra = "") {
    return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n" + jobSpecExtra +
           "  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n" + podSpecExtra;
}

std::string cronJob(const std::string& schedule, const std::string& extra = "", const char* name = "hello") {
    return std::string("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ") + name +
           "\nspec:\n  schedule: \"" + schedule + "\"\n" + extra +
           "  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n"
           "          containers:\n          - name: hello\n            image: busybox\n";
}

}  // namespace

class TestValidateWorkloads : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char* name, const std::string& yaml, QStringList expected) {
            QTest::newRow(name) << QString::fromStdString(yaml) << expected;
        };

        // ---- Deployment ----
        row("valid deployment", deployment(selectorAndTemplate()), {});
        row("selector must match template labels", deployment(selectorAndTemplate("app: api")),
            {QString("t.yaml:12:9: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"api\"}: ") +
             kSelectorMismatch});
        row("selector required",
            deployment("  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n"
                       "      - name: app\n        image: nginx\n"),
            {"t.yaml:6:3: spec.selector: Required value",
             QString("t.yaml:9:9: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: ") +
                 kSelectorMismatch});
        row("empty selector",
            deployment("  selector: {}\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n"
                       "      containers:\n      - name: app\n        image: nginx\n"),
            {"t.yaml:6:13: spec.selector: Invalid value: "
             "&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}: empty "
             "selector is invalid for deployment"});
        row("pod template is validated under spec.template", deployment(selectorAndTemplate("app: web", "", "        imagePullPolicy: Maybe\n")),
            {"t.yaml:17:26: spec.template.spec.containers[0].imagePullPolicy: Unsupported value: \"Maybe\": supported "
             "values: \"Always\", \"IfNotPresent\", \"Never\""});
        row("template restartPolicy must be Always", deployment(selectorAndTemplate("app: web", "      restartPolicy: Never\n")),
            {"t.yaml:17:22: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""});
        row("template labels are validated",
            deployment(selectorAndTemplate("app: web\n        bad key: x")),
            {"t.yaml:13:9: spec.template.labels: Invalid value: \"bad key\": name part must consist of alphanumeric "
             "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or "
             "'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"});
        row("replicas not negative", deployment("  replicas: -1\n" + selectorAndTemplate()),
            {"t.yaml:6:13: spec.replicas: Invalid value: -1: must be greater than or equal to 0"});
        row("strategy type", deployment(selectorAndTemplate() + "  strategy:\n    type: Foo\n"),
            {"t.yaml:18:11: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:\"Foo\", "
             "RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\""});
        row("maxUnavailable and maxSurge not both 0",
            deployment(selectorAndTemplate() + "  strategy:\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 0\n"),
            {"t.yaml:19:23: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0"});
        row("maxUnavailable at most 100%",
            deployment(selectorAndTemplate() + "  strategy:\n    rollingUpdate:\n      maxUnavailable: 120%\n"),
            {"t.yaml:19:23: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 120%: must not be greater than 100%"});
        row("a quoted number is not a percentage",
            deployment(selectorAndTemplate() + "  strategy:\n    rollingUpdate:\n      maxSurge: \"1\"\n"),
            {"t.yaml:19:17: spec.strategy.rollingUpdate.maxSurge: Invalid value: 1: a valid percent string must be a "
             "numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"});
        row("Recreate has no rollingUpdate",
            deployment(selectorAndTemplate() + "  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1\n"),
            {"t.yaml:20:7: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"});
        row("progressDeadlineSeconds > minReadySeconds",
            deployment("  minReadySeconds: 30\n  progressDeadlineSeconds: 30\n" + selectorAndTemplate()),
            {"t.yaml:7:28: spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds"});
        row("bad selector operator skips the template",
            deployment("  selector:\n    matchExpressions:\n    - key: app\n      operator: Equals\n      values: [web]\n"
                       "  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n"
                       "      - name: app\n"),
            {"t.yaml:9:17: spec.selector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector "
             "operator",
             "t.yaml:7:5: spec.selector: Invalid value: &LabelSelector{MatchLabels:map[string]string{},MatchExpressions:"
             "[]LabelSelectorRequirement{LabelSelectorRequirement{Key:app,Operator:Equals,Values:[web],},},}: invalid "
             "label selector"});

        // ---- ReplicaSet, DaemonSet, StatefulSet ----
        row("valid replicaset", workload("apps/v1", "ReplicaSet", selectorAndTemplate()), {});
        row("valid daemonset", workload("apps/v1", "DaemonSet", selectorAndTemplate()), {});
        row("daemonset surge and unavailable",
            workload("apps/v1", "DaemonSet",
                     selectorAndTemplate() + "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 1\n      maxSurge: 1\n"),
            {"t.yaml:20:17: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when "
             "maxUnavailable is non-zero"});
        row("statefulset mounts may name claim templates",
            workload("apps/v1", "StatefulSet",
                     selectorAndTemplate("app: web", "", "        volumeMounts:\n        - name: www\n          mountPath: /www\n") +
                         "  volumeClaimTemplates:\n  - metadata:\n      name: www\n    spec:\n"
                         "      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\n"),
            {});
        row("statefulset podManagementPolicy",
            workload("apps/v1", "StatefulSet", "  podManagementPolicy: Serial\n" + selectorAndTemplate()),
            {"t.yaml:6:24: spec.podManagementPolicy: Invalid value: \"Serial\": must be 'OrderedReady' or 'Parallel'"});

        // ---- Job, CronJob ----
        row("valid job", job("      restartPolicy: Never\n"), {});
        row("job restartPolicy must be OnFailure or Never", job(""),
            {"t.yaml:8:7: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: "
             "\"OnFailure\", \"Never\""});
        row("job backoffLimit not negative", job("      restartPolicy: Never\n", "  backoffLimit: -1\n"),
            {"t.yaml:6:17: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0"});
        row("valid cronjob", cronJob("*/5 * * * *"), {});
        row("cron needs five fields", cronJob("*/5 * * *"),
            {"t.yaml:6:13: spec.schedule: Invalid value: \"*/5 * * *\": expected exactly 5 fields, found 4: [*/5 * * *]"});
        row("cron minute range", cronJob("61 * * * *"),
            {"t.yaml:6:13: spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"});
        row("cron names and descriptors", cronJob("0 9 * JAN-MAR mon-fri"), {});
        row("cron bad descriptor", cronJob("@fortnightly"),
            {"t.yaml:6:13: spec.schedule: Invalid value: \"@fortnightly\": unrecognized descriptor: @fortnightly"});
        row("time zone belongs in timeZone", cronJob("CRON_TZ=UTC 0 * * * *"),
            {"t.yaml:6:13: spec.schedule: Invalid value: \"CRON_TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in "
             "schedule, use timeZone field instead"});
        row("concurrencyPolicy", cronJob("@hourly", "  concurrencyPolicy: Sometimes\n"),
            {"t.yaml:7:22: spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", "
             "\"Forbid\", \"Replace\""});
        row("cronjob name at most 52 characters", cronJob("@daily", "", "a-cronjob-name-that-is-longer-than-fifty-two-characters"),
            {"t.yaml:4:9: metadata.name: Invalid value: \"a-cronjob-name-that-is-longer-than-fifty-two-characters\": "
             "must be no more than 52 characters"});
    }

    void rules() {
        QFETCH(QString, yaml);
        QFETCH(QStringList, expected);
        compare(validate(yaml.toStdString()), expected);
    }
};

KS_TEST_MAIN(TestValidateWorkloads)
#include "tst_validate_workloads.moc"
