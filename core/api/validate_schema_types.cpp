// Field schemas of storage, apps, batch, scheduling, policy and coordination kinds (k8s.io/api
// v1.31), and the kind -> schema table. Structs marked strict list every field upstream has
// (including fields added after v1.31, so that newer manifests are not rejected); parts we do not
// model are Object and are not looked into.
#include "core/api/validate_schema.h"
#include "core/api/validate_schema_builders.h"

#include <string>

namespace ks::api::validation {

const FieldSpec* StructSpec::find(std::string_view name) const {
    for (const auto& f : fields)
        if (name == f.name) return &f;
    return nullptr;
}

namespace {

using namespace schema;

// ---- storage ----

const StructSpec& volumeNodeAffinity() {
    static const StructSpec s{"VolumeNodeAffinity", "v1", true, {sub("required", nodeSelector)}};
    return s;
}

const StructSpec& localVolumeSource() {
    static const StructSpec s{"LocalVolumeSource", "v1", true, {str("path"), str("fsType")}};
    return s;
}

const StructSpec& persistentVolumeSpec() {
    static const StructSpec s{
        "PersistentVolumeSpec", "v1", true,
        {of("capacity", T::QuantityMap), of("accessModes", T::StringList), obj("claimRef", "v1.ObjectReference"),
         str("persistentVolumeReclaimPolicy"), str("storageClassName"), of("mountOptions", T::StringList),
         str("volumeMode"), sub("nodeAffinity", volumeNodeAffinity), str("volumeAttributesClassName"),
         sub("hostPath", hostPathVolumeSource), sub("local", localVolumeSource),
         obj("gcePersistentDisk", "v1.GCEPersistentDiskVolumeSource"),
         obj("awsElasticBlockStore", "v1.AWSElasticBlockStoreVolumeSource"),
         obj("glusterfs", "v1.GlusterfsPersistentVolumeSource"), obj("nfs", "v1.NFSVolumeSource"),
         obj("rbd", "v1.RBDPersistentVolumeSource"), obj("iscsi", "v1.ISCSIPersistentVolumeSource"),
         obj("cinder", "v1.CinderPersistentVolumeSource"), obj("cephfs", "v1.CephFSPersistentVolumeSource"),
         obj("fc", "v1.FCVolumeSource"), obj("flocker", "v1.FlockerVolumeSource"),
         obj("flexVolume", "v1.FlexPersistentVolumeSource"), obj("azureFile", "v1.AzureFilePersistentVolumeSource"),
         obj("vsphereVolume", "v1.VsphereVirtualDiskVolumeSource"), obj("quobyte", "v1.QuobyteVolumeSource"),
         obj("azureDisk", "v1.AzureDiskVolumeSource"),
         obj("photonPersistentDisk", "v1.PhotonPersistentDiskVolumeSource"),
         obj("portworxVolume", "v1.PortworxVolumeSource"), obj("scaleIO", "v1.ScaleIOPersistentVolumeSource"),
         obj("storageos", "v1.StorageOSPersistentVolumeSource"), obj("csi", "v1.CSIPersistentVolumeSource")}};
    return s;
}

const StructSpec& persistentVolume() {
    static const StructSpec s{"PersistentVolume", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta),
                               sub("spec", persistentVolumeSpec), obj("status", "v1.PersistentVolumeStatus")}};
    return s;
}

const StructSpec& volumeResourceRequirements() {
    static const StructSpec s{"VolumeResourceRequirements", "v1", true,
                              {of("limits", T::QuantityMap), of("requests", T::QuantityMap)}};
    return s;
}

const StructSpec& persistentVolumeClaimSpec() {
    static const StructSpec s{"PersistentVolumeClaimSpec", "v1", true,
                              {of("accessModes", T::StringList), sub("selector", labelSelector),
                               sub("resources", volumeResourceRequirements), str("volumeName"),
                               str("storageClassName"), str("volumeMode"),
                               obj("dataSource", "v1.TypedLocalObjectReference"),
                               obj("dataSourceRef", "v1.TypedObjectReference"), str("volumeAttributesClassName")}};
    return s;
}

const StructSpec& persistentVolumeClaim() {
    static const StructSpec s{"PersistentVolumeClaim", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta),
                               sub("spec", persistentVolumeClaimSpec),
                               obj("status", "v1.PersistentVolumeClaimStatus")}};
    return s;
}

const StructSpec& topologySelectorRequirement() {
    static const StructSpec s{"TopologySelectorLabelRequirement", "v1", true, {str("key"), of("values", T::StringList)}};
    return s;
}

const StructSpec& topologySelectorTerm() {
    static const StructSpec s{"TopologySelectorTerm", "v1", true,
                              {subs("matchLabelExpressions", topologySelectorRequirement)}};
    return s;
}

const StructSpec& storageClass() {
    static const StructSpec s{"StorageClass", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), str("provisioner"),
                               of("parameters", T::StringMap), str("reclaimPolicy"), of("mountOptions", T::StringList),
                               boolean("allowVolumeExpansion"), str("volumeBindingMode"),
                               subs("allowedTopologies", topologySelectorTerm)}};
    return s;
}

const StructSpec& csiDriverSpec() {
    static const StructSpec s{"CSIDriverSpec", "v1", true,
                              {boolean("attachRequired"), boolean("podInfoOnMount"),
                               of("volumeLifecycleModes", T::StringList), boolean("storageCapacity"),
                               str("fsGroupPolicy"), objs("tokenRequests", "[]v1.TokenRequest"),
                               boolean("requiresRepublish"), boolean("seLinuxMount"),
                               i64("nodeAllocatableUpdatePeriodSeconds"), boolean("serviceAccountTokenInSecrets")}};
    return s;
}

const StructSpec& csiDriver() {
    static const StructSpec s{"CSIDriver", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", csiDriverSpec)}};
    return s;
}

// ---- apps ----

const StructSpec& rollingUpdateDeployment() {
    static const StructSpec s{"RollingUpdateDeployment", "v1", true,
                              {of("maxUnavailable", T::IntOrString), of("maxSurge", T::IntOrString)}};
    return s;
}

const StructSpec& deploymentStrategy() {
    static const StructSpec s{"DeploymentStrategy", "v1", true,
                              {str("type"), sub("rollingUpdate", rollingUpdateDeployment)}};
    return s;
}

const StructSpec& deploymentSpec() {
    static const StructSpec s{"DeploymentSpec", "v1", true,
                              {i32("replicas"), sub("selector", labelSelector), sub("template", podTemplateSpec),
                               sub("strategy", deploymentStrategy), i32("minReadySeconds"),
                               i32("revisionHistoryLimit"), boolean("paused"), i32("progressDeadlineSeconds")}};
    return s;
}

const StructSpec& deployment() {
    static const StructSpec s{"Deployment", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", deploymentSpec),
                               obj("status", "v1.DeploymentStatus")}};
    return s;
}

const StructSpec& replicaSetSpec() {
    static const StructSpec s{"ReplicaSetSpec", "v1", true,
                              {i32("replicas"), i32("minReadySeconds"), sub("selector", labelSelector),
                               sub("template", podTemplateSpec)}};
    return s;
}

const StructSpec& replicaSet() {
    static const StructSpec s{"ReplicaSet", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", replicaSetSpec),
                               obj("status", "v1.ReplicaSetStatus")}};
    return s;
}

const StructSpec& rollingUpdateDaemonSet() {
    static const StructSpec s{"RollingUpdateDaemonSet", "v1", true,
                              {of("maxUnavailable", T::IntOrString), of("maxSurge", T::IntOrString)}};
    return s;
}

const StructSpec& daemonSetUpdateStrategy() {
    static const StructSpec s{"DaemonSetUpdateStrategy", "v1", true,
                              {str("type"), sub("rollingUpdate", rollingUpdateDaemonSet)}};
    return s;
}

const StructSpec& daemonSetSpec() {
    static const StructSpec s{"DaemonSetSpec", "v1", true,
                              {sub("selector", labelSelector), sub("template", podTemplateSpec),
                               sub("updateStrategy", daemonSetUpdateStrategy), i32("minReadySeconds"),
                               i32("revisionHistoryLimit")}};
    return s;
}

const StructSpec& daemonSet() {
    static const StructSpec s{"DaemonSet", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", daemonSetSpec),
                               obj("status", "v1.DaemonSetStatus")}};
    return s;
}

const StructSpec& rollingUpdateStatefulSet() {
    static const StructSpec s{"RollingUpdateStatefulSetStrategy", "v1", true,
                              {i32("partition"), of("maxUnavailable", T::IntOrString)}};
    return s;
}

const StructSpec& statefulSetUpdateStrategy() {
    static const StructSpec s{"StatefulSetUpdateStrategy", "v1", true,
                              {str("type"), sub("rollingUpdate", rollingUpdateStatefulSet)}};
    return s;
}

const StructSpec& pvcRetentionPolicy() {
    static const StructSpec s{"StatefulSetPersistentVolumeClaimRetentionPolicy", "v1", true,
                              {str("whenDeleted"), str("whenScaled")}};
    return s;
}

const StructSpec& statefulSetOrdinals() {
    static const StructSpec s{"StatefulSetOrdinals", "v1", true, {i32("start")}};
    return s;
}

const StructSpec& statefulSetSpec() {
    static const StructSpec s{"StatefulSetSpec", "v1", true,
                              {i32("replicas"), sub("selector", labelSelector), sub("template", podTemplateSpec),
                               subs("volumeClaimTemplates", persistentVolumeClaim), str("serviceName"),
                               str("podManagementPolicy"), sub("updateStrategy", statefulSetUpdateStrategy),
                               i32("revisionHistoryLimit"), i32("minReadySeconds"),
                               sub("persistentVolumeClaimRetentionPolicy", pvcRetentionPolicy),
                               sub("ordinals", statefulSetOrdinals)}};
    return s;
}

const StructSpec& statefulSet() {
    static const StructSpec s{"StatefulSet", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", statefulSetSpec),
                               obj("status", "v1.StatefulSetStatus")}};
    return s;
}

// ---- batch ----

const StructSpec& jobSpec() {
    static const StructSpec s{"JobSpec", "v1", true,
                              {i32("parallelism"), i32("completions"), i64("activeDeadlineSeconds"),
                               obj("podFailurePolicy", "v1.PodFailurePolicy"), obj("successPolicy", "v1.SuccessPolicy"),
                               i32("backoffLimit"), i32("backoffLimitPerIndex"), i32("maxFailedIndexes"),
                               sub("selector", labelSelector), boolean("manualSelector"), sub("template", podTemplateSpec),
                               i32("ttlSecondsAfterFinished"), str("completionMode"), boolean("suspend"),
                               str("podReplacementPolicy"), str("managedBy")}};
    return s;
}

const StructSpec& job() {
    static const StructSpec s{"Job", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", jobSpec),
                               obj("status", "v1.JobStatus")}};
    return s;
}

const StructSpec& jobTemplateSpec() {
    static const StructSpec s{"JobTemplateSpec", "v1", true, {sub("metadata", objectMeta), sub("spec", jobSpec)}};
    return s;
}

const StructSpec& cronJobSpec() {
    static const StructSpec s{"CronJobSpec", "v1", true,
                              {str("schedule"), str("timeZone"), i64("startingDeadlineSeconds"),
                               str("concurrencyPolicy"), boolean("suspend"), sub("jobTemplate", jobTemplateSpec),
                               i32("successfulJobsHistoryLimit"), i32("failedJobsHistoryLimit")}};
    return s;
}

const StructSpec& cronJob() {
    static const StructSpec s{"CronJob", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", cronJobSpec),
                               obj("status", "v1.CronJobStatus")}};
    return s;
}

// ---- scheduling, policy, coordination ----

const StructSpec& priorityClass() {
    static const StructSpec s{"PriorityClass", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), i32("value"),
                               boolean("globalDefault"), str("description"), str("preemptionPolicy")}};
    return s;
}

const StructSpec& podDisruptionBudgetSpec() {
    static const StructSpec s{"PodDisruptionBudgetSpec", "v1", true,
                              {of("minAvailable", T::IntOrString), sub("selector", labelSelector),
                               of("maxUnavailable", T::IntOrString), str("unhealthyPodEvictionPolicy")}};
    return s;
}

const StructSpec& podDisruptionBudget() {
    static const StructSpec s{"PodDisruptionBudget", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta),
                               sub("spec", podDisruptionBudgetSpec), obj("status", "v1.PodDisruptionBudgetStatus")}};
    return s;
}

const StructSpec& leaseSpec() {
    static const StructSpec s{"LeaseSpec", "v1", true,
                              {str("holderIdentity"), i32("leaseDurationSeconds"), of("acquireTime", T::MicroTime),
                               of("renewTime", T::MicroTime), i32("leaseTransitions"), str("strategy"),
                               str("preferredHolder")}};
    return s;
}

const StructSpec& lease() {
    static const StructSpec s{"Lease", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", leaseSpec)}};
    return s;
}

const StructSpec& namespaceSpec() {
    static const StructSpec s{"NamespaceSpec", "v1", true, {of("finalizers", T::StringList)}};
    return s;
}

const StructSpec& namespaceKind() {
    static const StructSpec s{"Namespace", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", namespaceSpec),
                               obj("status", "v1.NamespaceStatus")}};
    return s;
}

const StructSpec& configMap() {
    static const StructSpec s{"ConfigMap", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), boolean("immutable"),
                               of("data", T::StringMap), of("binaryData", T::Base64Map)}};
    return s;
}

const StructSpec& secret() {
    static const StructSpec s{"Secret", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), boolean("immutable"),
                               of("data", T::Base64Map), of("stringData", T::StringMap), str("type")}};
    return s;
}

const StructSpec& resourceQuotaSpec() {
    static const StructSpec s{"ResourceQuotaSpec", "v1", true,
                              {of("hard", T::QuantityMap), of("scopes", T::StringList),
                               obj("scopeSelector", "v1.ScopeSelector")}};
    return s;
}

const StructSpec& resourceQuota() {
    static const StructSpec s{"ResourceQuota", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta),
                               sub("spec", resourceQuotaSpec), obj("status", "v1.ResourceQuotaStatus")}};
    return s;
}

// Kinds whose body we do not model: metadata is still decoded strictly.
const StructSpec& metadataOnly() {
    static const StructSpec s{"Object", "v1", false, {str("apiVersion"), str("kind"), sub("metadata", objectMeta)}};
    return s;
}

}  // namespace

const StructSpec* topLevelSchema(std::string_view group, std::string_view kind) {
    struct Entry {
        const char* group;
        const char* kind;
        StructSpecFn fn;
    };
    static const Entry kEntries[] = {
        {"", "Pod", pod},
        {"", "Node", node},
        {"", "Namespace", namespaceKind},
        {"", "PersistentVolume", persistentVolume},
        {"", "PersistentVolumeClaim", persistentVolumeClaim},
        {"", "ConfigMap", configMap},
        {"", "Secret", secret},
        {"", "ResourceQuota", resourceQuota},
        {"", "Service", metadataOnly},
        {"", "Endpoints", metadataOnly},
        {"", "LimitRange", metadataOnly},
        {"", "Event", metadataOnly},
        {"", "ServiceAccount", metadataOnly},
        {"apps", "Deployment", deployment},
        {"apps", "ReplicaSet", replicaSet},
        {"apps", "DaemonSet", daemonSet},
        {"apps", "StatefulSet", statefulSet},
        {"batch", "Job", job},
        {"batch", "CronJob", cronJob},
        {"scheduling.k8s.io", "PriorityClass", priorityClass},
        {"storage.k8s.io", "StorageClass", storageClass},
        {"storage.k8s.io", "CSIDriver", csiDriver},
        {"policy", "PodDisruptionBudget", podDisruptionBudget},
        {"coordination.k8s.io", "Lease", lease},
        {"autoscaling", "HorizontalPodAutoscaler", metadataOnly},
    };
    for (const auto& e : kEntries)
        if (group == e.group && kind == e.kind) return &e.fn();
    return nullptr;
}

}  // namespace ks::api::validation
