// Decoding Values into the typed views, toleration matching and RFC 3339 time stamps.
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/decode.h"
#include "core/api/defaults.h"
#include "core/api/yaml_reader.h"

using namespace ks::api;

namespace {

Value read(const std::string& yaml, bool defaults = false) {
    auto r = readYaml(yaml, "t.yaml");
    if (!r.ok() || r.documents.empty()) return Value();
    Value v = r.documents.front();
    if (defaults) applyDefaults(v);
    return v;
}

const char* kPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  uid: 1234
  resourceVersion: "42"
  creationTimestamp: "2026-01-01T00:01:00Z"
  labels:
    app: web
  ownerReferences:
  - apiVersion: apps/v1
    kind: ReplicaSet
    name: web-abc
    uid: rs-1
    controller: true
spec:
  nodeName: node-1
  priorityClassName: high
  priority: 1000
  nodeSelector:
    disktype: ssd
  initContainers:
  - name: init
    image: busybox
    restartPolicy: Always
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
      hostPort: 8080
    resources:
      requests:
        cpu: 250m
        memory: 64Mi
      limits:
        cpu: 1
  tolerations:
  - key: gpu
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 300
  - key: zone
    value: a
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: zone
            operator: In
            values: [a, b]
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 10
        preference:
          matchFields:
          - key: metadata.name
            operator: NotIn
            values: [node-9]
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          labelSelector:
            matchLabels:
              app: web
          topologyKey: kubernetes.io/hostname
  topologySpreadConstraints:
  - maxSkew: 2
    topologyKey: zone
    whenUnsatisfiable: ScheduleAnyway
    minDomains: 3
    labelSelector:
      matchExpressions:
      - key: app
        operator: Exists
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data-web
  - name: cache
    emptyDir:
      medium: Memory
      sizeLimit: 1Gi
  - name: logs
    emptyDir: {}
  schedulingGates:
  - name: example.com/wait
  overhead:
    cpu: 100m
status:
  phase: Running
  nominatedNodeName: node-2
  podIP: 10.0.0.5
  conditions:
  - type: PodScheduled
    status: "True"
    lastTransitionTime: "2026-01-01T00:00:10Z"
  containerStatuses:
  - name: app
    ready: true
    restartCount: 2
    state:
      running:
        startedAt: "2026-01-01T00:00:20Z"
)";

}  // namespace

class TestDecode : public QObject {
    Q_OBJECT
private slots:
    void podMetadata() {
        Pod p = decodePod(read(kPod));
        QCOMPARE(p.metadata.name, std::string("web"));
        QCOMPARE(p.metadata.namespace_, std::string("shop"));
        QCOMPARE(p.metadata.uid, std::string("1234"));
        QCOMPARE(p.metadata.resourceVersion, 42u);
        QCOMPARE(*p.metadata.creationTimestamp, Time(60000));
        QCOMPARE(p.metadata.labels.at("app"), std::string("web"));
        QCOMPARE(p.metadata.ownerReferences.size(), 1u);
        QCOMPARE(p.metadata.ownerReferences[0].kind, std::string("ReplicaSet"));
        QVERIFY(p.metadata.ownerReferences[0].controller);
    }

    void podSpec() {
        Pod p = decodePod(read(kPod));
        const PodSpec& s = p.spec;
        QCOMPARE(s.nodeName, std::string("node-1"));
        QCOMPARE(s.priorityClassName, std::string("high"));
        QCOMPARE(*s.priority, 1000);
        QCOMPARE(s.nodeSelector.at("disktype"), std::string("ssd"));
        QCOMPARE(s.restartPolicy, std::string("Always"));              // struct default when absent
        QCOMPARE(s.schedulerName, std::string("default-scheduler"));
        QCOMPARE(s.initContainers.size(), 1u);
        QCOMPARE(*s.initContainers[0].restartPolicy, std::string("Always"));
        QCOMPARE(s.containers.size(), 1u);
        const Container& c = s.containers[0];
        QCOMPARE(c.ports[0].containerPort, 80);
        QCOMPARE(c.ports[0].hostPort, 8080);
        QCOMPARE(c.ports[0].protocol, std::string("TCP"));
        QCOMPARE(c.resources.requests.at("cpu").milliValue(), 250);
        QCOMPARE(c.resources.requests.at("memory").value(), 64 * 1024 * 1024);
        QCOMPARE(c.resources.limits.at("cpu").milliValue(), 1000);
        QVERIFY(!c.restartPolicy);
        QCOMPARE(s.overhead.at("cpu").milliValue(), 100);
        QCOMPARE(s.schedulingGates.size(), 1u);
        QCOMPARE(s.schedulingGates[0].name, std::string("example.com/wait"));
    }

    void podScheduling() {
        Pod p = decodePod(read(kPod));
        const PodSpec& s = p.spec;
        QCOMPARE(s.tolerations.size(), 2u);
        QCOMPARE(s.tolerations[0].op, std::string("Exists"));
        QCOMPARE(*s.tolerations[0].tolerationSeconds, std::int64_t(300));
        QCOMPARE(s.tolerations[1].op, std::string("Equal"));  // empty operator means Equal
        QVERIFY(s.affinity && s.affinity->nodeAffinity && s.affinity->nodeAffinity->required);
        const auto& term = s.affinity->nodeAffinity->required->terms.at(0);
        QCOMPARE(term.matchExpressions.at(0).values, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(s.affinity->nodeAffinity->preferred.at(0).weight, 10);
        QCOMPARE(s.affinity->nodeAffinity->preferred.at(0).preference.matchFields.at(0).op, std::string("NotIn"));
        QVERIFY(!s.affinity->podAffinity);
        QVERIFY(s.affinity->podAntiAffinity);
        const auto& w = s.affinity->podAntiAffinity->preferred.at(0);
        QCOMPARE(w.weight, 100);
        QCOMPARE(w.term.topologyKey, std::string("kubernetes.io/hostname"));
        QCOMPARE(w.term.labelSelector->matchLabels.at("app"), std::string("web"));
        const auto& tsc = s.topologySpreadConstraints.at(0);
        QCOMPARE(tsc.maxSkew, 2);
        QCOMPARE(*tsc.minDomains, 3);
        QCOMPARE(tsc.whenUnsatisfiable, std::string("ScheduleAnyway"));
        QCOMPARE(tsc.labelSelector->matchExpressions.at(0).op, std::string("Exists"));
    }

    void podVolumesAndStatus() {
        Pod p = decodePod(read(kPod));
        QCOMPARE(p.spec.volumes.size(), 3u);
        QCOMPARE(p.spec.volumes[0].source, Volume::Source::PersistentVolumeClaim);
        QCOMPARE(p.spec.volumes[0].claimName, std::string("data-web"));
        QCOMPARE(p.spec.volumes[1].source, Volume::Source::EmptyDir);
        QCOMPARE(p.spec.volumes[1].medium, std::string("Memory"));
        QCOMPARE(p.spec.volumes[1].sizeLimit->value(), std::int64_t(1) << 30);
        QCOMPARE(p.spec.volumes[2].source, Volume::Source::EmptyDir);
        QVERIFY(!p.spec.volumes[2].sizeLimit);
        QCOMPARE(p.status.phase, std::string("Running"));
        QCOMPARE(p.status.nominatedNodeName, std::string("node-2"));
        QCOMPARE(p.status.conditions.at(0).type, std::string("PodScheduled"));
        QCOMPARE(*p.status.conditions.at(0).lastTransitionTime, Time(10000));
        QCOMPARE(p.status.containerStatuses.at(0).state, std::string("running"));
        QCOMPARE(p.status.containerStatuses.at(0).restartCount, 2);
        QVERIFY(p.status.containerStatuses.at(0).ready);
    }

    void defaultedPodDecodes() {
        Pod p = decodePod(read(kPod, true));
        QCOMPARE(*p.spec.terminationGracePeriodSeconds, std::int64_t(30));
        QCOMPARE(p.spec.containers[0].imagePullPolicy, std::string("IfNotPresent"));
        QCOMPARE(p.spec.containers[0].resources.requests.at("cpu").milliValue(), 250);
    }

    void node() {
        Node n = decodeNode(read(R"(apiVersion: v1
kind: Node
metadata:
  name: node-1
  labels: {zone: a}
spec:
  podCIDR: 10.244.1.0/24
  unschedulable: true
  taints:
  - key: gpu
    value: "true"
    effect: NoSchedule
    timeAdded: "2026-01-01T00:00:30Z"
status:
  capacity: {cpu: 32, memory: 64Gi, pods: 110, example.com/dongle: 3}
  allocatable: {cpu: "31.5", memory: 63Gi, pods: 110}
  addresses:
  - type: InternalIP
    address: 10.0.0.1
  conditions:
  - type: Ready
    status: "True"
  images:
  - names: [nginx:1.27]
    sizeBytes: 70000000
)"));
        QCOMPARE(n.metadata.labels.at("zone"), std::string("a"));
        QVERIFY(n.spec.unschedulable);
        QCOMPARE(n.spec.podCIDR, std::string("10.244.1.0/24"));
        QCOMPARE(n.spec.taints.at(0), (Taint{"gpu", "true", "NoSchedule", Time(30000)}));
        QCOMPARE(n.status.capacity.at("cpu").value(), 32);
        QCOMPARE(n.status.capacity.at("example.com/dongle").value(), 3);
        QCOMPARE(n.status.allocatable.at("cpu").milliValue(), 31500);
        QCOMPARE(n.status.addresses.at(0).address, std::string("10.0.0.1"));
        QCOMPARE(n.status.conditions.at(0).status, std::string("True"));
        QCOMPARE(n.status.images.at(0).sizeBytes, std::int64_t(70000000));
    }

    void storage() {
        PersistentVolume pv = decodePersistentVolume(read(R"(apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-1}
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: local
  local: {path: /mnt/ssd}
  claimRef: {namespace: shop, name: data}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [node-1]}
status: {phase: Bound}
)"));
        QCOMPARE(pv.capacity.at("storage").value(), std::int64_t(10) << 30);
        QCOMPARE(pv.reclaimPolicy, std::string("Retain"));
        QCOMPARE(pv.localPath, std::string("/mnt/ssd"));
        QCOMPARE(pv.claimRefName, std::string("data"));
        QVERIFY(pv.nodeAffinity);
        QCOMPARE(pv.nodeAffinity->terms.at(0).matchExpressions.at(0).values.at(0), std::string("node-1"));
        QCOMPARE(pv.phase, std::string("Bound"));

        PersistentVolumeClaim noClass = decodePersistentVolumeClaim(
            read("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n  accessModes: [ReadWriteOnce]\n"
                 "  resources: {requests: {storage: 1Gi}}\n"));
        QVERIFY(!noClass.storageClassName);  // nullopt: the default class
        QCOMPARE(noClass.resources.requests.at("storage").value(), std::int64_t(1) << 30);
        PersistentVolumeClaim emptyClass = decodePersistentVolumeClaim(
            read("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n  storageClassName: \"\"\n"));
        QCOMPARE(*emptyClass.storageClassName, std::string(""));  // "": no class at all

        StorageClass sc = decodeStorageClass(read(R"(apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: zonal}
provisioner: example.com/csi
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
parameters: {type: ssd}
allowedTopologies:
- matchLabelExpressions:
  - key: topology.kubernetes.io/zone
    values: [a, b]
)"));
        QCOMPARE(sc.volumeBindingMode, std::string("WaitForFirstConsumer"));
        QCOMPARE(sc.reclaimPolicy, std::string("Delete"));
        QVERIFY(sc.allowVolumeExpansion);
        QCOMPARE(sc.parameters.at("type"), std::string("ssd"));
        QCOMPARE(sc.allowedTopologies.at(0).matchExpressions.at(0).op, std::string("In"));

        CSIDriver d = decodeCSIDriver(read("apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata: {name: d}\n"));
        QVERIFY(d.attachRequired);
        QVERIFY(!d.podInfoOnMount);
    }

    void policyAndCoordination() {
        PriorityClass pc = decodePriorityClass(read(
            "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000000\n"
            "globalDefault: true\ndescription: for XYZ\n"));
        QCOMPARE(pc.value, 1000000);
        QVERIFY(pc.globalDefault);
        QCOMPARE(pc.preemptionPolicy, std::string("PreemptLowerPriority"));

        PodDisruptionBudget pdb = decodePodDisruptionBudget(read(
            "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: zk}\nspec:\n  minAvailable: 2\n"
            "  selector: {matchLabels: {app: zk}}\nstatus: {disruptionsAllowed: 1}\n"));
        QCOMPARE(*pdb.minAvailable, std::string("2"));
        QVERIFY(!pdb.maxUnavailable);
        QCOMPARE(pdb.disruptionsAllowed, 1);

        Lease l = decodeLease(read(
            "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: kube-scheduler}\nspec:\n"
            "  holderIdentity: sched-1\n  leaseDurationSeconds: 15\n  renewTime: \"2026-01-01T00:00:05.250000Z\"\n"));
        QCOMPARE(l.holderIdentity, std::string("sched-1"));
        QCOMPARE(*l.leaseDurationSeconds, 15);
        QCOMPARE(*l.renewTime, Time(5250));

        Namespace ns = decodeNamespace(read("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"));
        QCOMPARE(ns.phase, std::string("Active"));
    }

    void tolerates_data() {
        QTest::addColumn<QString>("toleration");
        QTest::addColumn<QString>("taint");
        QTest::addColumn<bool>("tolerated");
        QTest::newRow("equal") << "{key: gpu, value: 'true', effect: NoSchedule}" << "{key: gpu, value: 'true', effect: NoSchedule}" << true;
        QTest::newRow("equal, other value") << "{key: gpu, value: 'false'}" << "{key: gpu, value: 'true', effect: NoSchedule}" << false;
        QTest::newRow("empty operator means Equal") << "{key: gpu, operator: '', value: x}" << "{key: gpu, value: x, effect: NoExecute}" << true;
        QTest::newRow("exists, any value") << "{key: gpu, operator: Exists}" << "{key: gpu, value: a100, effect: NoSchedule}" << true;
        QTest::newRow("effect must match") << "{key: gpu, operator: Exists, effect: NoExecute}" << "{key: gpu, effect: NoSchedule}" << false;
        QTest::newRow("empty key and Exists: everything") << "{operator: Exists}" << "{key: any, value: v, effect: PreferNoSchedule}" << true;
        QTest::newRow("other key") << "{key: zone, operator: Exists}" << "{key: gpu, effect: NoSchedule}" << false;
        QTest::newRow("unknown operator") << "{key: gpu, operator: In, value: x}" << "{key: gpu, value: x, effect: NoSchedule}" << false;
        QTest::newRow("Gt: taint above") << "{key: sla, operator: Gt, value: '900'}" << "{key: sla, value: '950', effect: NoSchedule}" << true;
        QTest::newRow("Gt: taint below") << "{key: sla, operator: Gt, value: '900'}" << "{key: sla, value: '800', effect: NoSchedule}" << false;
        QTest::newRow("Lt: taint below") << "{key: sla, operator: Lt, value: '900'}" << "{key: sla, value: '800', effect: NoSchedule}" << true;
        QTest::newRow("Lt: not a number") << "{key: sla, operator: Lt, value: '900'}" << "{key: sla, value: high, effect: NoSchedule}" << false;
    }

    void tolerates() {
        QFETCH(QString, toleration);
        QFETCH(QString, taint);
        QFETCH(bool, tolerated);
        Toleration t = decodeToleration(read(toleration.toStdString()));
        Taint n = decodeTaint(read(taint.toStdString()));
        QCOMPARE(t.tolerates(n), tolerated);
    }

    void timestamps_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("millis");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("epoch") << "2026-01-01T00:00:00Z" << qint64(0) << "2026-01-01T00:00:00Z";
        QTest::newRow("later") << "2026-03-01T12:30:15Z" << qint64(((59LL * 24 + 12) * 3600 + 30 * 60 + 15) * 1000)
                               << "2026-03-01T12:30:15Z";
        QTest::newRow("before the epoch") << "2025-12-31T23:59:59Z" << qint64(-1000) << "2025-12-31T23:59:59Z";
        QTest::newRow("offset") << "2026-01-01T08:00:00+08:00" << qint64(0) << "2026-01-01T00:00:00Z";
        QTest::newRow("fraction") << "2026-01-01T00:00:01.5Z" << qint64(1500) << "2026-01-01T00:00:01.5Z";
        QTest::newRow("leap day") << "2028-02-29T00:00:00Z" << qint64((365LL + 365 + 31 + 28) * 86400 * 1000)
                                  << "2028-02-29T00:00:00Z";
    }

    void timestamps() {
        QFETCH(QString, text);
        QFETCH(qint64, millis);
        QFETCH(QString, formatted);
        auto t = parseTimestamp(text.toStdString());
        QVERIFY(t);
        QCOMPARE(*t, Time(millis));
        QCOMPARE(QString::fromStdString(formatTimestamp(*t)), formatted);
    }

    void badTimestamps() {
        QVERIFY(!parseTimestamp("2026-02-30T00:00:00Z"));
        QVERIFY(!parseTimestamp("2026-01-01"));
        QVERIFY(!parseTimestamp("2026-01-01T00:00:00"));
        QVERIFY(!parseTimestamp("2026-01-01T24:00:00Z"));
        QVERIFY(!parseTimestamp("yesterday"));
    }

    void malformedInputDecodesToZeroValues() {
        Pod p = decodePod(read("apiVersion: v1\nkind: Pod\nmetadata: [1]\nspec:\n  containers: web\n  priority: high\n"));
        QCOMPARE(p.metadata.name, std::string());
        QVERIFY(p.spec.containers.empty());
        QVERIFY(!p.spec.priority);
    }
};

KS_TEST_MAIN(TestDecode)
#include "tst_decode.moc"
