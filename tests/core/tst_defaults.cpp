// Defaulting as the API server applies it on create (pkg/apis/*/v1/defaults.go, v1.31).
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/defaults.h"
#include "core/api/yaml_reader.h"

using namespace ks::api;

namespace {

Value defaulted(const std::string& yaml) {
    auto read = readYaml(yaml, "t.yaml");
    if (!read.ok() || read.documents.empty()) return Value();
    Value v = read.documents.front();
    applyDefaults(v);
    return v;
}

QString str(const Value& root, const char* path) {
    const Value* v = root.at(path);
    if (!v) return "<absent>";
    if (v->isMapping()) return v->fields().empty() ? "{}" : "{...}";
    if (v->isSequence()) return "[...]";
    return QString::fromStdString(v->text());
}

const Value& item(const Value& root, const char* path, std::size_t i) {
    static const Value kNull;
    const Value* v = root.at(path);
    return v && v->isSequence() && i < v->items().size() ? v->items()[i] : kNull;
}

const char* kPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  tolerations:
  - key: gpu
    value: "true"
    effect: NoSchedule
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
    resources:
      limits:
        cpu: 500m
        memory: 128Mi
      requests:
        cpu: 250m
)";

}  // namespace

class TestDefaults : public QObject {
    Q_OBJECT
private slots:
    void podSpecDefaults() {
        Value pod = defaulted(kPod);
        QCOMPARE(str(pod, "metadata.namespace"), QString("default"));
        QCOMPARE(str(pod, "spec.schedulerName"), QString("default-scheduler"));
        QCOMPARE(str(pod, "spec.restartPolicy"), QString("Always"));
        QCOMPARE(str(pod, "spec.dnsPolicy"), QString("ClusterFirst"));
        QCOMPARE(str(pod, "spec.terminationGracePeriodSeconds"), QString("30"));
        QCOMPARE(str(pod, "spec.enableServiceLinks"), QString("true"));
        QCOMPARE(str(pod, "spec.securityContext"), QString("{}"));
        // Priority and preemptionPolicy come from the Priority admission plugin, not defaulting.
        QCOMPARE(str(pod, "spec.priority"), QString("<absent>"));
        QCOMPARE(str(pod, "spec.preemptionPolicy"), QString("<absent>"));
    }

    void containerDefaults() {
        Value pod = defaulted(kPod);
        const Value& c = item(pod, "spec.containers", 0);
        QCOMPARE(str(c, "imagePullPolicy"), QString("IfNotPresent"));
        QCOMPARE(str(c, "terminationMessagePath"), QString("/dev/termination-log"));
        QCOMPARE(str(c, "terminationMessagePolicy"), QString("File"));
        QCOMPARE(str(item(c, "ports", 0), "protocol"), QString("TCP"));
        // Limits fill in missing requests; a request that is there stays.
        QCOMPARE(str(c, "resources.requests.cpu"), QString("250m"));
        QCOMPARE(str(c, "resources.requests.memory"), QString("128Mi"));
    }

    void tolerationOperatorStaysEmpty() {
        // Upstream leaves it empty, which means Equal (v1.Toleration.ToleratesTaint).
        Value pod = defaulted(kPod);
        QCOMPARE(str(item(pod, "spec.tolerations", 0), "operator"), QString("<absent>"));
    }

    void imagePullPolicy_data() {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("policy");
        QTest::newRow("no tag") << "nginx" << "Always";
        QTest::newRow("latest") << "nginx:latest" << "Always";
        QTest::newRow("tag") << "nginx:1.27" << "IfNotPresent";
        QTest::newRow("digest") << "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                                << "IfNotPresent";
        QTest::newRow("registry port, no tag") << "localhost:5000/app" << "Always";
        QTest::newRow("registry port and tag") << "registry.example.com:5000/team/app:v2" << "IfNotPresent";
        QTest::newRow("unparsable") << "Nginx" << "IfNotPresent";
    }

    void imagePullPolicy() {
        QFETCH(QString, image);
        QFETCH(QString, policy);
        Value pod = defaulted("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n"
                              "    image: \"" + image.toStdString() + "\"\n");
        QCOMPARE(str(item(pod, "spec.containers", 0), "imagePullPolicy"), policy);
    }

    void explicitValuesStay() {
        Value pod = defaulted("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: team-a\nspec:\n"
                              "  restartPolicy: Never\n  schedulerName: my-scheduler\n  containers:\n  - name: c\n"
                              "    image: nginx\n    imagePullPolicy: Never\n");
        QCOMPARE(str(pod, "metadata.namespace"), QString("team-a"));
        QCOMPARE(str(pod, "spec.restartPolicy"), QString("Never"));
        QCOMPARE(str(pod, "spec.schedulerName"), QString("my-scheduler"));
        QCOMPARE(str(item(pod, "spec.containers", 0), "imagePullPolicy"), QString("Never"));
    }

    void hostNetworkPodsGetHostPorts() {
        Value pod = defaulted("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n"
                              "  containers:\n  - name: c\n    image: i\n    ports:\n    - containerPort: 9100\n");
        QCOMPARE(str(item(item(pod, "spec.containers", 0), "ports", 0), "hostPort"), QString("9100"));
    }

    void volumesWithoutSourceAreEmptyDirs() {
        Value pod = defaulted("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n  - name: scratch\n"
                              "  - name: cfg\n    configMap:\n      name: app\n  containers:\n  - name: c\n    image: i\n");
        QCOMPARE(str(item(pod, "spec.volumes", 0), "emptyDir"), QString("{}"));
        QCOMPARE(str(item(pod, "spec.volumes", 1), "configMap.defaultMode"), QString("420"));
        QCOMPARE(str(item(pod, "spec.volumes", 1), "emptyDir"), QString("<absent>"));
    }

    void deploymentDefaults() {
        Value d = defaulted("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n"
                            "    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
                            "    spec:\n      containers:\n      - name: c\n        image: nginx\n"
                            "        resources:\n          limits:\n            cpu: 1\n");
        QCOMPARE(str(d, "metadata.namespace"), QString("default"));
        QCOMPARE(str(d, "spec.replicas"), QString("1"));
        QCOMPARE(str(d, "spec.strategy.type"), QString("RollingUpdate"));
        QCOMPARE(str(d, "spec.strategy.rollingUpdate.maxUnavailable"), QString("25%"));
        QCOMPARE(str(d, "spec.strategy.rollingUpdate.maxSurge"), QString("25%"));
        QCOMPARE(str(d, "spec.revisionHistoryLimit"), QString("10"));
        QCOMPARE(str(d, "spec.progressDeadlineSeconds"), QString("600"));
        QCOMPARE(str(d, "spec.template.spec.restartPolicy"), QString("Always"));
        QCOMPARE(str(d, "spec.template.spec.schedulerName"), QString("default-scheduler"));
        const Value& c = item(d, "spec.template.spec.containers", 0);
        QCOMPARE(str(c, "imagePullPolicy"), QString("Always"));
        // Pod-only defaults do not apply to templates.
        QCOMPARE(str(d, "spec.template.spec.enableServiceLinks"), QString("<absent>"));
        QCOMPARE(str(c, "resources.requests"), QString("<absent>"));
    }

    void recreateGetsNoRollingUpdate() {
        Value d = defaulted("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n"
                            "    type: Recreate\n");
        QCOMPARE(str(d, "spec.strategy.rollingUpdate"), QString("<absent>"));
    }

    void otherWorkloads() {
        Value ds = defaulted("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec: {}\n");
        QCOMPARE(str(ds, "spec.updateStrategy.type"), QString("RollingUpdate"));
        QCOMPARE(str(ds, "spec.updateStrategy.rollingUpdate.maxUnavailable"), QString("1"));
        QCOMPARE(str(ds, "spec.updateStrategy.rollingUpdate.maxSurge"), QString("0"));
        QCOMPARE(str(ds, "spec.revisionHistoryLimit"), QString("10"));

        Value sts = defaulted("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n"
                              "  volumeClaimTemplates:\n  - metadata:\n      name: www\n    spec:\n"
                              "      accessModes: [ReadWriteOnce]\n");
        QCOMPARE(str(sts, "spec.podManagementPolicy"), QString("OrderedReady"));
        QCOMPARE(str(sts, "spec.updateStrategy.type"), QString("RollingUpdate"));
        QCOMPARE(str(sts, "spec.updateStrategy.rollingUpdate.partition"), QString("0"));
        QCOMPARE(str(sts, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"), QString("Retain"));
        QCOMPARE(str(sts, "spec.persistentVolumeClaimRetentionPolicy.whenScaled"), QString("Retain"));
        QCOMPARE(str(sts, "spec.replicas"), QString("1"));
        QCOMPARE(str(item(sts, "spec.volumeClaimTemplates", 0), "spec.volumeMode"), QString("Filesystem"));

        Value rs = defaulted("apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: r\nspec: {}\n");
        QCOMPARE(str(rs, "spec.replicas"), QString("1"));
    }

    void jobsAndCronJobs() {
        Value job = defaulted("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n"
                              "    metadata:\n      labels: {app: pi}\n    spec:\n      restartPolicy: Never\n"
                              "      containers:\n      - name: pi\n        image: perl\n");
        QCOMPARE(str(job, "spec.completions"), QString("1"));
        QCOMPARE(str(job, "spec.parallelism"), QString("1"));
        QCOMPARE(str(job, "spec.backoffLimit"), QString("6"));
        QCOMPARE(str(job, "spec.completionMode"), QString("NonIndexed"));
        QCOMPARE(str(job, "spec.suspend"), QString("false"));
        QCOMPARE(str(job, "spec.podReplacementPolicy"), QString("TerminatingOrFailed"));
        QCOMPARE(str(job, "metadata.labels.app"), QString("pi"));
        QCOMPARE(str(job, "spec.template.spec.dnsPolicy"), QString("ClusterFirst"));

        Value parallel = defaulted("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: p\nspec:\n  parallelism: 3\n");
        QCOMPARE(str(parallel, "spec.completions"), QString("<absent>"));

        Value cron = defaulted("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n"
                               "  schedule: \"@hourly\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
                               "          containers:\n          - name: c\n            image: busybox\n");
        QCOMPARE(str(cron, "spec.concurrencyPolicy"), QString("Allow"));
        QCOMPARE(str(cron, "spec.suspend"), QString("false"));
        QCOMPARE(str(cron, "spec.successfulJobsHistoryLimit"), QString("3"));
        QCOMPARE(str(cron, "spec.failedJobsHistoryLimit"), QString("1"));
        QCOMPARE(str(cron, "spec.jobTemplate.spec.template.spec.restartPolicy"), QString("Always"));
        // Job-level defaults apply when the Job is created, not to the template.
        QCOMPARE(str(cron, "spec.jobTemplate.spec.backoffLimit"), QString("<absent>"));
    }

    void storageDefaults() {
        Value pv = defaulted("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n  hostPath:\n"
                             "    path: /data\n");
        QCOMPARE(str(pv, "spec.persistentVolumeReclaimPolicy"), QString("Retain"));
        QCOMPARE(str(pv, "spec.volumeMode"), QString("Filesystem"));
        QCOMPARE(str(pv, "spec.hostPath.type"), QString(""));
        QCOMPARE(str(pv, "metadata.namespace"), QString("<absent>"));

        Value pvc = defaulted("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec: {}\n");
        QCOMPARE(str(pvc, "spec.volumeMode"), QString("Filesystem"));
        QCOMPARE(str(pvc, "spec.storageClassName"), QString("<absent>"));

        Value sc = defaulted("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: s\n"
                             "  namespace: default\nprovisioner: p\n");
        QCOMPARE(str(sc, "reclaimPolicy"), QString("Delete"));
        QCOMPARE(str(sc, "volumeBindingMode"), QString("Immediate"));
        // The API server clears a namespace on cluster-scoped objects.
        QCOMPARE(str(sc, "metadata.namespace"), QString("<absent>"));

        Value csi = defaulted("apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata:\n  name: d\n");
        QCOMPARE(str(csi, "spec.attachRequired"), QString("true"));
        QCOMPARE(str(csi, "spec.podInfoOnMount"), QString("false"));
        QCOMPARE(str(csi, "spec.fsGroupPolicy"), QString("ReadWriteOnceWithFSType"));
        QCOMPARE(str(item(csi, "spec.volumeLifecycleModes", 0), ""), QString("Persistent"));
    }

    void clusterDefaults() {
        Value pc = defaulted("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: high\nvalue: 10\n");
        QCOMPARE(str(pc, "preemptionPolicy"), QString("PreemptLowerPriority"));
        QCOMPARE(str(pc, "metadata.namespace"), QString("<absent>"));

        Value ns = defaulted("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n");
        const Value* labels = ns.at("metadata.labels");
        QVERIFY(labels && labels->get("kubernetes.io/metadata.name"));
        QCOMPARE(labels->get("kubernetes.io/metadata.name")->text(), std::string("team-a"));

        Value node = defaulted("apiVersion: v1\nkind: Node\nmetadata:\n  name: n\nstatus:\n  capacity:\n    cpu: 4\n");
        QCOMPARE(str(node, "status.allocatable.cpu"), QString("4"));
        QCOMPARE(str(node, "metadata.namespace"), QString("<absent>"));

        Value svc = defaulted("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n");
        QCOMPARE(str(svc, "spec.type"), QString("ClusterIP"));
        QCOMPARE(str(svc, "spec.sessionAffinity"), QString("None"));
        QCOMPARE(str(item(svc, "spec.ports", 0), "protocol"), QString("TCP"));
        QCOMPARE(str(item(svc, "spec.ports", 0), "targetPort"), QString("80"));

        Value secret = defaulted("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
        QCOMPARE(str(secret, "type"), QString("Opaque"));
    }

    void horizontalPodAutoscaler() {
        Value hpa = defaulted("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n"
                              "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n");
        QCOMPARE(str(hpa, "spec.minReplicas"), QString("1"));
        const Value& metric = item(hpa, "spec.metrics", 0);
        QCOMPARE(str(metric, "type"), QString("Resource"));
        QCOMPARE(str(metric, "resource.name"), QString("cpu"));
        QCOMPARE(str(metric, "resource.target.averageUtilization"), QString("80"));
        Value v1 = defaulted("apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n"
                             "  maxReplicas: 5\n");
        QCOMPARE(str(v1, "spec.minReplicas"), QString("1"));
        QCOMPARE(str(v1, "spec.metrics"), QString("<absent>"));
    }

    void customResourcesAreLeftAlone() {
        const std::string yaml = "apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: pool\n"
                                 "spec:\n  cidr: 10.0.0.0/16\n";
        auto read = readYaml(yaml, "t.yaml");
        Value before = read.documents.front();
        Value after = defaulted(yaml);
        QVERIFY(before == after);
    }

    void defaultingIsIdempotent() {
        Value once = defaulted(kPod);
        Value twice = once;
        applyDefaults(twice);
        QVERIFY(once == twice);
    }
};

KS_TEST_MAIN(TestDefaults)
#include "tst_defaults.moc"
