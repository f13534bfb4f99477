// Validation of PersistentVolume, PersistentVolumeClaim, StorageClass and CSIDriver.
#include "ks_test_main.h"
#include <QtTest>

#include "validation_test_support.h"

using validation_test::compare;
using validation_test::validate;

namespace {

std::string pv(const std::string& spec) {
    return "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-1\nspec:\n" + spec;
}

std::string pvc(const std::string& spec) {
    return "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n" + spec;
}

std::string storageClass(const std::string& rest) {
    return "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n" + rest;
}

const char* kHostPath = "  hostPath:\n    path: /mnt/data\n";

}  // namespace

class TestValidateStorage : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char* name, const std::string& yaml, QStringList expected) {
            QTest::newRow(name) << QString::fromStdString(yaml) << expected;
        };

        // ---- PersistentVolume ----
        row("valid pv", pv("  capacity:\n    storage: 10Gi\n  accessModes: [ReadWriteOnce]\n" + std::string(kHostPath)), {});
        row("pv access modes", pv("  capacity:\n    storage: 10Gi\n  accessModes: [ReadWriteSometimes]\n" + std::string(kHostPath)),
            {"t.yaml:8:17: spec.accessModes: Unsupported value: \"ReadWriteSometimes\": supported values: "
             "\"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""});
        row("pv needs modes, capacity and a source", pv("  storageClassName: manual\n"),
            {"t.yaml:6:3: spec.accessModes: Required value", "t.yaml:6:3: spec.capacity: Required value",
             "t.yaml:6:3: spec.capacity: Unsupported value: core.ResourceList(nil): supported values: \"storage\"",
             "t.yaml:6:3: spec: Required value: must specify a volume type"});
        row("pv capacity positive",
            pv("  capacity:\n    storage: 0\n  accessModes: [ReadWriteOnce]\n" + std::string(kHostPath)),
            {"t.yaml:7:14: spec.capacity[storage]: Invalid value: \"0\": must be greater than zero"});
        row("pv reclaim policy",
            pv("  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Keep\n" +
               std::string(kHostPath)),
            {"t.yaml:9:34: spec.persistentVolumeReclaimPolicy: Unsupported value: \"Keep\": supported values: "
             "\"Delete\", \"Recycle\", \"Retain\""});
        row("local volumes need node affinity",
            pv("  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  local:\n    path: /mnt/disks/ssd1\n"),
            {"t.yaml:6:3: spec.nodeAffinity: Required value: Local volume requires node affinity"});
        row("local volume with node affinity",
            pv("  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  local:\n    path: /mnt/disks/ssd1\n"
               "  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions:\n"
               "        - key: kubernetes.io/hostname\n          operator: In\n          values: [node-1]\n"),
            {});
        row("pv volumeMode", pv("  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  volumeMode: Raw\n" +
                                std::string(kHostPath)),
            {"t.yaml:9:15: spec.volumeMode: Unsupported value: \"Raw\": supported values: \"Block\", \"Filesystem\""});
        row("ReadWriteOncePod is exclusive",
            pv("  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOncePod, ReadOnlyMany]\n" + std::string(kHostPath)),
            {"t.yaml:8:16: spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"});

        // ---- PersistentVolumeClaim ----
        row("valid pvc", pvc("  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 3Gi\n"), {});
        row("pvc needs access modes and storage", pvc("  storageClassName: manual\n"),
            {"t.yaml:6:3: spec.accessModes: Required value: at least 1 access mode is required",
             "t.yaml:6:3: spec.resources[storage]: Required value"});
        row("pvc storage positive",
            pvc("  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: -3Gi\n"),
            {"t.yaml:9:16: spec.resources[storage]: Invalid value: \"-3Gi\": must be greater than zero"});
        row("pvc storage class name",
            pvc("  accessModes: [ReadWriteOnce]\n  storageClassName: Fast_SSD\n  resources:\n    requests:\n      storage: 3Gi\n"),
            {"t.yaml:7:21: spec.storageClassName: Invalid value: \"Fast_SSD\": a lowercase RFC 1123 subdomain must "
             "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
             "character (e.g. 'example.com', regex used for validation is "
             "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"});

        // ---- StorageClass ----
        row("valid storage class", storageClass("provisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n"), {});
        row("provisioner required", storageClass("reclaimPolicy: Delete\n"),
            {"t.yaml:1:1: provisioner: Required value"});
        row("storage class reclaim policy", storageClass("provisioner: p.example.com\nreclaimPolicy: Recycle\n"),
            {"t.yaml:6:16: reclaimPolicy: Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\""});
        row("volumeBindingMode", storageClass("provisioner: p.example.com\nvolumeBindingMode: Later\n"),
            {"t.yaml:6:20: volumeBindingMode: Unsupported value: \"Later\": supported values: \"Immediate\", "
             "\"WaitForFirstConsumer\""});
        row("allowed topologies need values",
            storageClass("provisioner: p.example.com\nallowedTopologies:\n- matchLabelExpressions:\n"
                         "  - key: topology.kubernetes.io/zone\n"),
            {"t.yaml:8:5: allowedTopologies[0].matchLabelExpressions[0].values: Required value"});

        // ---- CSIDriver ----
        row("valid csi driver", "apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata:\n  name: hostpath.csi.k8s.io\n", {});
        row("csi lifecycle modes",
            "apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata:\n  name: hostpath.csi.k8s.io\nspec:\n"
            "  volumeLifecycleModes: [Persistent, Temporary]\n",
            {"t.yaml:6:38: spec.volumeLifecycleModes: Unsupported value: \"Temporary\": supported values: \"Ephemeral\", "
             "\"Persistent\""});
    }

    void rules() {
        QFETCH(QString, yaml);
        QFETCH(QStringList, expected);
        compare(validate(yaml.toStdString()), expected);
    }
};

KS_TEST_MAIN(TestValidateStorage)
#include "tst_validate_storage.moc"
