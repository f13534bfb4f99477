// Tests the registry of built-in kinds: scopes, resources, short names, and the verdict on an
// apiVersion (served, removed with the release, a version that never existed, a CRD group).
#include "ks_test_main.h"
#include <QtTest>

#include "core/api/kinds.h"

using namespace ks::api;

Q_DECLARE_METATYPE(ks::api::VersionCheck)

class TestKinds : public QObject {
    Q_OBJECT
private slots:
    void everyKindOfIssue2IsSimulated_data() {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("kind");
        const char* core[] = {"Pod", "Node", "Namespace", "PersistentVolume", "PersistentVolumeClaim", "Service",
                              "Endpoints", "ResourceQuota", "LimitRange", "ConfigMap", "Secret", "Event"};
        for (const char* k : core) QTest::newRow(k) << "" << k;
        QTest::newRow("PriorityClass") << "scheduling.k8s.io" << "PriorityClass";
        QTest::newRow("StorageClass") << "storage.k8s.io" << "StorageClass";
        QTest::newRow("CSIDriver") << "storage.k8s.io" << "CSIDriver";
        for (const char* k : {"Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"}) QTest::newRow(k) << "apps" << k;
        QTest::newRow("Job") << "batch" << "Job";
        QTest::newRow("CronJob") << "batch" << "CronJob";
        QTest::newRow("Lease") << "coordination.k8s.io" << "Lease";
        QTest::newRow("events.k8s.io Event") << "events.k8s.io" << "Event";
        QTest::newRow("HorizontalPodAutoscaler") << "autoscaling" << "HorizontalPodAutoscaler";
    }
    void everyKindOfIssue2IsSimulated() {
        QFETCH(QString, group);
        QFETCH(QString, kind);
        const KindInfo* info = findKind(group.toStdString(), kind.toStdString());
        QVERIFY(info);
        QVERIFY(info->simulated);
        QVERIFY(!info->resource.empty());
    }

    void storedOnlyKinds_data() {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("namespaced");
        QTest::newRow("ServiceAccount") << "v1" << "ServiceAccount" << true;
        QTest::newRow("ClusterRole") << "rbac.authorization.k8s.io/v1" << "ClusterRole" << false;
        QTest::newRow("RoleBinding") << "rbac.authorization.k8s.io/v1" << "RoleBinding" << true;
        QTest::newRow("NetworkPolicy") << "networking.k8s.io/v1" << "NetworkPolicy" << true;
        QTest::newRow("Ingress") << "networking.k8s.io/v1" << "Ingress" << true;
        QTest::newRow("IngressClass") << "networking.k8s.io/v1" << "IngressClass" << false;
        QTest::newRow("CSINode") << "storage.k8s.io/v1" << "CSINode" << false;
        QTest::newRow("VolumeAttachment") << "storage.k8s.io/v1" << "VolumeAttachment" << false;
        QTest::newRow("CSIStorageCapacity") << "storage.k8s.io/v1" << "CSIStorageCapacity" << true;
        QTest::newRow("EndpointSlice") << "discovery.k8s.io/v1" << "EndpointSlice" << true;
        QTest::newRow("CRD") << "apiextensions.k8s.io/v1" << "CustomResourceDefinition" << false;
        QTest::newRow("MutatingWebhookConfiguration") << "admissionregistration.k8s.io/v1"
                                                      << "MutatingWebhookConfiguration" << false;
        QTest::newRow("APIService") << "apiregistration.k8s.io/v1" << "APIService" << false;
        QTest::newRow("PodTemplate") << "v1" << "PodTemplate" << true;
        QTest::newRow("ReplicationController") << "v1" << "ReplicationController" << true;
        QTest::newRow("RuntimeClass") << "node.k8s.io/v1" << "RuntimeClass" << false;
        QTest::newRow("ControllerRevision") << "apps/v1" << "ControllerRevision" << true;
    }
    void storedOnlyKinds() {
        QFETCH(QString, apiVersion);
        QFETCH(QString, kind);
        QFETCH(bool, namespaced);
        auto verdict = checkApiVersion(apiVersion.toStdString(), kind.toStdString());
        QCOMPARE(verdict.check, VersionCheck::Served);
        QVERIFY(verdict.info);
        QVERIFY(!verdict.info->simulated);
        QCOMPARE(verdict.info->namespaced, namespaced);
        QCOMPARE(QString::fromStdString(verdict.info->apiVersion()), apiVersion);
    }

    void resourcesAndShortNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("group");
        const char* rows[][3] = {
            {"po", "Pod", ""}, {"pods", "Pod", ""}, {"pod", "Pod", ""}, {"PODS", "Pod", ""},
            {"no", "Node", ""}, {"ns", "Namespace", ""}, {"pv", "PersistentVolume", ""},
            {"pvc", "PersistentVolumeClaim", ""}, {"sc", "StorageClass", "storage.k8s.io"},
            {"pc", "PriorityClass", "scheduling.k8s.io"}, {"deploy", "Deployment", "apps"},
            {"deployments.apps", "Deployment", "apps"}, {"rs", "ReplicaSet", "apps"}, {"ds", "DaemonSet", "apps"},
            {"sts", "StatefulSet", "apps"}, {"cj", "CronJob", "batch"}, {"jobs", "Job", "batch"},
            {"svc", "Service", ""}, {"ep", "Endpoints", ""}, {"cm", "ConfigMap", ""}, {"quota", "ResourceQuota", ""},
            {"limits", "LimitRange", ""}, {"ev", "Event", ""}, {"hpa", "HorizontalPodAutoscaler", "autoscaling"},
            {"lease", "Lease", "coordination.k8s.io"}, {"leases", "Lease", "coordination.k8s.io"},
            {"csidriver", "CSIDriver", "storage.k8s.io"}, {"csinodes", "CSINode", "storage.k8s.io"},
            {"pdb", "PodDisruptionBudget", "policy"}, {"sa", "ServiceAccount", ""},
            {"netpol", "NetworkPolicy", "networking.k8s.io"}, {"ing", "Ingress", "networking.k8s.io"},
            {"crd", "CustomResourceDefinition", "apiextensions.k8s.io"},
            {"events.events.k8s.io", "Event", "events.k8s.io"},
        };
        for (auto& r : rows) QTest::newRow(r[0]) << r[0] << r[1] << r[2];
    }
    void resourcesAndShortNames() {
        QFETCH(QString, name);
        QFETCH(QString, kind);
        QFETCH(QString, group);
        const KindInfo* info = findKindByResource(name.toStdString());
        QVERIFY(info);
        QCOMPARE(QString::fromStdString(info->kind), kind);
        QCOMPARE(QString::fromStdString(info->group), group);
    }

    void unknownResourceIsNull() {
        QVERIFY(!findKindByResource("widgets"));
        QVERIFY(!findKindByResource("kubeschedulerconfiguration"));  // a config file, not a resource
        QVERIFY(!findKindByResource("pods.apps"));
    }

    void clusterScope() {
        QVERIFY(!findKind("Node")->namespaced);
        QVERIFY(!findKind("PersistentVolume")->namespaced);
        QVERIFY(!findKind("PriorityClass")->namespaced);
        QVERIFY(!findKind("StorageClass")->namespaced);
        QVERIFY(!findKind("CSIDriver")->namespaced);
        QVERIFY(findKind("PersistentVolumeClaim")->namespaced);
        QVERIFY(findKind("Lease")->namespaced);
    }

    void hpaServesTwoVersionsPreferringV2() {
        const KindInfo* hpa = findKind("HorizontalPodAutoscaler");
        QCOMPARE(hpa->preferredVersion, std::string("v2"));
        QCOMPARE(hpa->versions, (std::vector<std::string>{"v2", "v1"}));
        QCOMPARE(checkApiVersion("autoscaling/v1", "HorizontalPodAutoscaler").check, VersionCheck::Served);
        QCOMPARE(checkApiVersion("autoscaling/v2", "HorizontalPodAutoscaler").check, VersionCheck::Served);
    }

    void kubeSchedulerConfigurationIsAConfigFileKind() {
        auto v = checkApiVersion("kubescheduler.config.k8s.io/v1", "KubeSchedulerConfiguration");
        QCOMPARE(v.check, VersionCheck::Served);
        QVERIFY(v.info->configOnly);
        QVERIFY(!v.info->namespaced);
        QVERIFY(v.info->resource.empty());
    }

    void eventLivesInTwoGroups() {
        QCOMPARE(checkApiVersion("v1", "Event").info->group, std::string(""));
        QCOMPARE(checkApiVersion("events.k8s.io/v1", "Event").info->group, std::string("events.k8s.io"));
    }

    void removedVersionsWarnWithReleaseAndReplacement_data() {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("removedIn");
        QTest::addColumn<QString>("message");
        QTest::newRow("CronJob v1beta1")
            << "batch/v1beta1" << "CronJob" << "v1.25"
            << "batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob";
        QTest::newRow("CSIDriver v1beta1")
            << "storage.k8s.io/v1beta1" << "CSIDriver" << "v1.22"
            << "storage.k8s.io/v1beta1 CSIDriver is deprecated in v1.19+, unavailable in v1.22+; use storage.k8s.io/v1 CSIDriver";
        QTest::newRow("PodSecurityPolicy has no replacement")
            << "policy/v1beta1" << "PodSecurityPolicy" << "v1.25"
            << "policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+";
        QTest::newRow("PDB v1beta1")
            << "policy/v1beta1" << "PodDisruptionBudget" << "v1.25"
            << "policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+; use policy/v1 PodDisruptionBudget";
        QTest::newRow("extensions Deployment")
            << "extensions/v1beta1" << "Deployment" << "v1.16"
            << "extensions/v1beta1 Deployment is deprecated in v1.8+, unavailable in v1.16+; use apps/v1 Deployment";
        QTest::newRow("apps/v1beta2 DaemonSet")
            << "apps/v1beta2" << "DaemonSet" << "v1.16"
            << "apps/v1beta2 DaemonSet is deprecated in v1.9+, unavailable in v1.16+; use apps/v1 DaemonSet";
        QTest::newRow("apps/v1beta1 StatefulSet")
            << "apps/v1beta1" << "StatefulSet" << "v1.16"
            << "apps/v1beta1 StatefulSet is deprecated in v1.8+, unavailable in v1.16+; use apps/v1 StatefulSet";
        QTest::newRow("networking Ingress")
            << "networking.k8s.io/v1beta1" << "Ingress" << "v1.22"
            << "networking.k8s.io/v1beta1 Ingress is deprecated in v1.19+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress";
        QTest::newRow("extensions Ingress")
            << "extensions/v1beta1" << "Ingress" << "v1.22"
            << "extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress";
        QTest::newRow("HPA v2beta1")
            << "autoscaling/v2beta1" << "HorizontalPodAutoscaler" << "v1.25"
            << "autoscaling/v2beta1 HorizontalPodAutoscaler is deprecated in v1.22+, unavailable in v1.25+; use autoscaling/v2 HorizontalPodAutoscaler";
        QTest::newRow("HPA v2beta2")
            << "autoscaling/v2beta2" << "HorizontalPodAutoscaler" << "v1.26"
            << "autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in v1.23+, unavailable in v1.26+; use autoscaling/v2 HorizontalPodAutoscaler";
        QTest::newRow("scheduler config v1beta1")
            << "kubescheduler.config.k8s.io/v1beta1" << "KubeSchedulerConfiguration" << "v1.23"
            << "kubescheduler.config.k8s.io/v1beta1 KubeSchedulerConfiguration is deprecated in v1.22+, unavailable in v1.23+; use kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration";
        QTest::newRow("scheduler config v1beta2")
            << "kubescheduler.config.k8s.io/v1beta2" << "KubeSchedulerConfiguration" << "v1.28"
            << "kubescheduler.config.k8s.io/v1beta2 KubeSchedulerConfiguration is deprecated in v1.25+, unavailable in v1.28+; use kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration";
        QTest::newRow("scheduler config v1beta3")
            << "kubescheduler.config.k8s.io/v1beta3" << "KubeSchedulerConfiguration" << "v1.29"
            << "kubescheduler.config.k8s.io/v1beta3 KubeSchedulerConfiguration is deprecated in v1.26+, unavailable in v1.29+; use kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration";
        QTest::newRow("Lease v1beta1")
            << "coordination.k8s.io/v1beta1" << "Lease" << "v1.22"
            << "coordination.k8s.io/v1beta1 Lease is deprecated in v1.19+, unavailable in v1.22+; use coordination.k8s.io/v1 Lease";
        QTest::newRow("PriorityClass v1beta1")
            << "scheduling.k8s.io/v1beta1" << "PriorityClass" << "v1.22"
            << "scheduling.k8s.io/v1beta1 PriorityClass is deprecated in v1.14+, unavailable in v1.22+; use scheduling.k8s.io/v1 PriorityClass";
        QTest::newRow("CSIStorageCapacity v1beta1")
            << "storage.k8s.io/v1beta1" << "CSIStorageCapacity" << "v1.27"
            << "storage.k8s.io/v1beta1 CSIStorageCapacity is deprecated in v1.24+, unavailable in v1.27+; use storage.k8s.io/v1 CSIStorageCapacity";
    }
    void removedVersionsWarnWithReleaseAndReplacement() {
        QFETCH(QString, apiVersion);
        QFETCH(QString, kind);
        QFETCH(QString, removedIn);
        QFETCH(QString, message);
        auto v = checkApiVersion(apiVersion.toStdString(), kind.toStdString());
        QCOMPARE(v.check, VersionCheck::Removed);
        QVERIFY(v.removed);
        QCOMPARE(QString::fromStdString(v.removed->removedIn), removedIn);
        QCOMPARE(QString::fromStdString(v.message), message);
    }

    void removedKindKeepsItsCurrentInfo() {
        auto v = checkApiVersion("batch/v1beta1", "CronJob");
        QVERIFY(v.info);
        QCOMPARE(v.info->apiVersion(), std::string("batch/v1"));
        QVERIFY(!checkApiVersion("policy/v1beta1", "PodSecurityPolicy").info);
    }

    void invalidVersionsNameTheValidOnes_data() {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("check");
        QTest::addColumn<QString>("message");
        QTest::newRow("course OCR vl")
            << "vl" << "Pod" << int(VersionCheck::InvalidVersion)
            << "Invalid value: \"vl\": no matches for kind \"Pod\" in version \"vl\"; valid versions for kind Pod: v1";
        QTest::newRow("apps/vl")
            << "apps/vl" << "Deployment" << int(VersionCheck::InvalidVersion)
            << "Invalid value: \"apps/vl\": no matches for kind \"Deployment\" in version \"apps/vl\"; valid versions for kind Deployment: apps/v1";
        QTest::newRow("Deployment in core v1")
            << "v1" << "Deployment" << int(VersionCheck::InvalidVersion)
            << "Invalid value: \"v1\": no matches for kind \"Deployment\" in version \"v1\"; valid versions for kind Deployment: apps/v1";
        QTest::newRow("HPA v3")
            << "autoscaling/v3" << "HorizontalPodAutoscaler" << int(VersionCheck::InvalidVersion)
            << "Invalid value: \"autoscaling/v3\": no matches for kind \"HorizontalPodAutoscaler\" in version \"autoscaling/v3\"; valid versions for kind HorizontalPodAutoscaler: autoscaling/v2, autoscaling/v1";
        QTest::newRow("Event v2")
            << "v2" << "Event" << int(VersionCheck::InvalidVersion)
            << "Invalid value: \"v2\": no matches for kind \"Event\" in version \"v2\"; valid versions for kind Event: v1, events.k8s.io/v1";
        QTest::newRow("PodSecurityPolicy in policy/v1")
            << "policy/v1" << "PodSecurityPolicy" << int(VersionCheck::InvalidVersion)
            << "Invalid value: \"policy/v1\": no matches for kind \"PodSecurityPolicy\" in version \"policy/v1\"; kind PodSecurityPolicy is no longer served (policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+)";
        QTest::newRow("typo in a core kind")
            << "v1" << "Pdo" << int(VersionCheck::UnknownKind)
            << "Invalid value: \"v1\": no matches for kind \"Pdo\" in version \"v1\"";
        QTest::newRow("CRD group") << "crd.projectcalico.org/v1" << "IPPool" << int(VersionCheck::Unknown) << "";
        QTest::newRow("CRD named like a built-in") << "example.com/v1" << "Pod" << int(VersionCheck::Unknown) << "";
        QTest::newRow("kind not in an incomplete built-in group")
            << "storage.k8s.io/v1beta1" << "VolumeAttributesClass" << int(VersionCheck::Unknown) << "";
    }
    void invalidVersionsNameTheValidOnes() {
        QFETCH(QString, apiVersion);
        QFETCH(QString, kind);
        QFETCH(int, check);
        QFETCH(QString, message);
        auto v = checkApiVersion(apiVersion.toStdString(), kind.toStdString());
        QCOMPARE(int(v.check), check);
        QCOMPARE(QString::fromStdString(v.message), message);
    }

    void splitApiVersionHandlesTheCoreGroup() {
        QCOMPARE(splitApiVersion("apps/v1"), (std::pair<std::string, std::string>{"apps", "v1"}));
        QCOMPARE(splitApiVersion("v1"), (std::pair<std::string, std::string>{"", "v1"}));
        QCOMPARE(splitApiVersion("rbac.authorization.k8s.io/v1"),
                 (std::pair<std::string, std::string>{"rbac.authorization.k8s.io", "v1"}));
    }

    void kindsAreUniquePerGroup() {
        const auto& kinds = builtinKinds();
        for (std::size_t i = 0; i < kinds.size(); ++i)
            for (std::size_t j = i + 1; j < kinds.size(); ++j)
                QVERIFY2(!(kinds[i].kind == kinds[j].kind && kinds[i].group == kinds[j].group), kinds[i].kind.c_str());
    }
};

KS_TEST_MAIN(TestKinds)
#include "tst_kinds.moc"
