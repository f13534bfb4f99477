// Field schemas of ObjectMeta, the scheduling vocabulary, containers, volumes, pods and nodes
// (k8s.io/api core/v1 and meta/v1, v1.31 plus later additions). See validate_schema.h.
#include "core/api/validate_schema.h"
#include "core/api/validate_schema_builders.h"

namespace ks::api::validation::schema {

// ---- meta/v1 ----

const StructSpec& ownerReference() {
    static const StructSpec s{"OwnerReference", "v1", true,
                              {str("apiVersion"), str("kind"), str("name"), str("uid"), boolean("controller"),
                               boolean("blockOwnerDeletion")}};
    return s;
}

const StructSpec& objectMeta() {
    static const StructSpec s{"ObjectMeta", "v1", true,
                              {str("name"), str("generateName"), str("namespace"), str("selfLink"), str("uid"),
                               str("resourceVersion"), i64("generation"), of("creationTimestamp", T::Time),
                               of("deletionTimestamp", T::Time), i64("deletionGracePeriodSeconds"),
                               of("labels", T::StringMap), of("annotations", T::StringMap),
                               subs("ownerReferences", ownerReference), of("finalizers", T::StringList),
                               objs("managedFields", "[]v1.ManagedFieldsEntry")}};
    return s;
}

const StructSpec& labelSelectorRequirement() {
    static const StructSpec s{"LabelSelectorRequirement", "v1", true,
                              {str("key"), str("operator"), of("values", T::StringList)}};
    return s;
}

const StructSpec& labelSelector() {
    static const StructSpec s{"LabelSelector", "v1", true,
                              {of("matchLabels", T::StringMap), subs("matchExpressions", labelSelectorRequirement)}};
    return s;
}

// ---- scheduling vocabulary ----

const StructSpec& nodeSelectorRequirement() {
    static const StructSpec s{"NodeSelectorRequirement", "v1", true,
                              {str("key"), str("operator"), of("values", T::StringList)}};
    return s;
}

const StructSpec& nodeSelectorTerm() {
    static const StructSpec s{"NodeSelectorTerm", "v1", true,
                              {subs("matchExpressions", nodeSelectorRequirement),
                               subs("matchFields", nodeSelectorRequirement)}};
    return s;
}

const StructSpec& nodeSelector() {
    static const StructSpec s{"NodeSelector", "v1", true, {subs("nodeSelectorTerms", nodeSelectorTerm)}};
    return s;
}

const StructSpec& preferredSchedulingTerm() {
    static const StructSpec s{"PreferredSchedulingTerm", "v1", true, {i32("weight"), sub("preference", nodeSelectorTerm)}};
    return s;
}

const StructSpec& nodeAffinity() {
    static const StructSpec s{"NodeAffinity", "v1", true,
                              {sub("requiredDuringSchedulingIgnoredDuringExecution", nodeSelector),
                               subs("preferredDuringSchedulingIgnoredDuringExecution", preferredSchedulingTerm)}};
    return s;
}

const StructSpec& podAffinityTerm() {
    static const StructSpec s{"PodAffinityTerm", "v1", true,
                              {sub("labelSelector", labelSelector), of("namespaces", T::StringList), str("topologyKey"),
                               sub("namespaceSelector", labelSelector), of("matchLabelKeys", T::StringList),
                               of("mismatchLabelKeys", T::StringList)}};
    return s;
}

const StructSpec& weightedPodAffinityTerm() {
    static const StructSpec s{"WeightedPodAffinityTerm", "v1", true,
                              {i32("weight"), sub("podAffinityTerm", podAffinityTerm)}};
    return s;
}

const StructSpec& podAffinity() {
    static const StructSpec s{"PodAffinity", "v1", true,
                              {subs("requiredDuringSchedulingIgnoredDuringExecution", podAffinityTerm),
                               subs("preferredDuringSchedulingIgnoredDuringExecution", weightedPodAffinityTerm)}};
    return s;
}

const StructSpec& podAntiAffinity() {
    static const StructSpec s{"PodAntiAffinity", "v1", true,
                              {subs("requiredDuringSchedulingIgnoredDuringExecution", podAffinityTerm),
                               subs("preferredDuringSchedulingIgnoredDuringExecution", weightedPodAffinityTerm)}};
    return s;
}

const StructSpec& affinity() {
    static const StructSpec s{"Affinity", "v1", true,
                              {sub("nodeAffinity", nodeAffinity), sub("podAffinity", podAffinity),
                               sub("podAntiAffinity", podAntiAffinity)}};
    return s;
}

const StructSpec& toleration() {
    static const StructSpec s{"Toleration", "v1", true,
                              {str("key"), str("operator"), str("value"), str("effect"), i64("tolerationSeconds")}};
    return s;
}

const StructSpec& taint() {
    static const StructSpec s{"Taint", "v1", true, {str("key"), str("value"), str("effect"), of("timeAdded", T::Time)}};
    return s;
}

const StructSpec& topologySpreadConstraint() {
    static const StructSpec s{"TopologySpreadConstraint", "v1", true,
                              {i32("maxSkew"), str("topologyKey"), str("whenUnsatisfiable"),
                               sub("labelSelector", labelSelector), i32("minDomains"), str("nodeAffinityPolicy"),
                               str("nodeTaintsPolicy"), of("matchLabelKeys", T::StringList)}};
    return s;
}

// ---- containers ----

const StructSpec& containerPort() {
    static const StructSpec s{"ContainerPort", "v1", true,
                              {str("name"), i32("hostPort"), i32("containerPort"), str("protocol"), str("hostIP")}};
    return s;
}

const StructSpec& resourceRequirements() {
    static const StructSpec s{"ResourceRequirements", "v1", true,
                              {of("limits", T::QuantityMap), of("requests", T::QuantityMap),
                               objs("claims", "[]v1.ResourceClaim")}};
    return s;
}

const StructSpec& envVar() {
    static const StructSpec s{"EnvVar", "v1", true, {str("name"), str("value"), obj("valueFrom", "v1.EnvVarSource")}};
    return s;
}

const StructSpec& volumeMount() {
    static const StructSpec s{"VolumeMount", "v1", true,
                              {str("name"), boolean("readOnly"), str("recursiveReadOnly"), str("mountPath"),
                               str("subPath"), str("mountPropagation"), str("subPathExpr")}};
    return s;
}

const StructSpec& container() {
    static const StructSpec s{
        "Container", "v1", true,
        {str("name"), str("image"), of("command", T::StringList), of("args", T::StringList), str("workingDir"),
         subs("ports", containerPort), objs("envFrom", "[]v1.EnvFromSource"), subs("env", envVar),
         sub("resources", resourceRequirements), objs("resizePolicy", "[]v1.ContainerResizePolicy"),
         str("restartPolicy"), objs("restartPolicyRules", "[]v1.ContainerRestartRule"),
         subs("volumeMounts", volumeMount), objs("volumeDevices", "[]v1.VolumeDevice"),
         obj("livenessProbe", "v1.Probe"), obj("readinessProbe", "v1.Probe"), obj("startupProbe", "v1.Probe"),
         obj("lifecycle", "v1.Lifecycle"), str("terminationMessagePath"), str("terminationMessagePolicy"),
         str("imagePullPolicy"), obj("securityContext", "v1.SecurityContext"), boolean("stdin"),
         boolean("stdinOnce"), boolean("tty")}};
    return s;
}

// ---- volumes ----

const StructSpec& pvcVolumeSource() {
    static const StructSpec s{"PersistentVolumeClaimVolumeSource", "v1", true, {str("claimName"), boolean("readOnly")}};
    return s;
}

const StructSpec& emptyDirVolumeSource() {
    static const StructSpec s{"EmptyDirVolumeSource", "v1", true, {str("medium"), of("sizeLimit", T::Quantity)}};
    return s;
}

const StructSpec& hostPathVolumeSource() {
    static const StructSpec s{"HostPathVolumeSource", "v1", true, {str("path"), str("type")}};
    return s;
}

const StructSpec& configMapVolumeSource() {
    static const StructSpec s{"ConfigMapVolumeSource", "v1", true,
                              {str("name"), objs("items", "[]v1.KeyToPath"), i32("defaultMode"), boolean("optional")}};
    return s;
}

const StructSpec& secretVolumeSource() {
    static const StructSpec s{"SecretVolumeSource", "v1", true,
                              {str("secretName"), objs("items", "[]v1.KeyToPath"), i32("defaultMode"),
                               boolean("optional")}};
    return s;
}

const StructSpec& volume() {
    static const StructSpec s{
        "Volume", "v1", true,
        {str("name"), sub("hostPath", hostPathVolumeSource), sub("emptyDir", emptyDirVolumeSource),
         obj("gcePersistentDisk", "v1.GCEPersistentDiskVolumeSource"),
         obj("awsElasticBlockStore", "v1.AWSElasticBlockStoreVolumeSource"), obj("gitRepo", "v1.GitRepoVolumeSource"),
         sub("secret", secretVolumeSource), obj("nfs", "v1.NFSVolumeSource"), obj("iscsi", "v1.ISCSIVolumeSource"),
         obj("glusterfs", "v1.GlusterfsVolumeSource"), sub("persistentVolumeClaim", pvcVolumeSource),
         obj("rbd", "v1.RBDVolumeSource"), obj("flexVolume", "v1.FlexVolumeSource"),
         obj("cinder", "v1.CinderVolumeSource"), obj("cephfs", "v1.CephFSVolumeSource"),
         obj("flocker", "v1.FlockerVolumeSource"), obj("downwardAPI", "v1.DownwardAPIVolumeSource"),
         obj("fc", "v1.FCVolumeSource"), obj("azureFile", "v1.AzureFileVolumeSource"),
         sub("configMap", configMapVolumeSource), obj("vsphereVolume", "v1.VsphereVirtualDiskVolumeSource"),
         obj("quobyte", "v1.QuobyteVolumeSource"), obj("azureDisk", "v1.AzureDiskVolumeSource"),
         obj("photonPersistentDisk", "v1.PhotonPersistentDiskVolumeSource"),
         obj("projected", "v1.ProjectedVolumeSource"), obj("portworxVolume", "v1.PortworxVolumeSource"),
         obj("scaleIO", "v1.ScaleIOVolumeSource"), obj("storageos", "v1.StorageOSVolumeSource"),
         obj("csi", "v1.CSIVolumeSource"), obj("ephemeral", "v1.EphemeralVolumeSource"),
         obj("image", "v1.ImageVolumeSource")}};
    return s;
}

const StructSpec& podSchedulingGate() {
    static const StructSpec s{"PodSchedulingGate", "v1", true, {str("name")}};
    return s;
}

// ---- pods ----

const StructSpec& podSpec() {
    static const StructSpec s{
        "PodSpec", "v1", true,
        {subs("volumes", volume), subs("initContainers", container), subs("containers", container),
         objs("ephemeralContainers", "[]v1.EphemeralContainer"), str("restartPolicy"),
         i64("terminationGracePeriodSeconds"), i64("activeDeadlineSeconds"), str("dnsPolicy"),
         of("nodeSelector", T::StringMap), str("serviceAccountName"), str("serviceAccount"),
         boolean("automountServiceAccountToken"), str("nodeName"), boolean("hostNetwork"), boolean("hostPID"),
         boolean("hostIPC"), boolean("shareProcessNamespace"), obj("securityContext", "v1.PodSecurityContext"),
         objs("imagePullSecrets", "[]v1.LocalObjectReference"), str("hostname"), str("subdomain"),
         sub("affinity", affinity), str("schedulerName"), subs("tolerations", toleration),
         objs("hostAliases", "[]v1.HostAlias"), str("priorityClassName"), i32("priority"),
         obj("dnsConfig", "v1.PodDNSConfig"), objs("readinessGates", "[]v1.PodReadinessGate"),
         str("runtimeClassName"), boolean("enableServiceLinks"), str("preemptionPolicy"),
         of("overhead", T::QuantityMap), subs("topologySpreadConstraints", topologySpreadConstraint),
         boolean("setHostnameAsFQDN"), obj("os", "v1.PodOS"), boolean("hostUsers"),
         subs("schedulingGates", podSchedulingGate), objs("resourceClaims", "[]v1.PodResourceClaim"),
         sub("resources", resourceRequirements), str("hostnameOverride"), obj("workloadRef", "v1.WorkloadReference")}};
    return s;
}

const StructSpec& pod() {
    static const StructSpec s{"Pod", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", podSpec),
                               obj("status", "v1.PodStatus")}};
    return s;
}

const StructSpec& podTemplateSpec() {
    static const StructSpec s{"PodTemplateSpec", "v1", true, {sub("metadata", objectMeta), sub("spec", podSpec)}};
    return s;
}

// ---- nodes ----

const StructSpec& nodeSpec() {
    static const StructSpec s{"NodeSpec", "v1", true,
                              {str("podCIDR"), of("podCIDRs", T::StringList), str("providerID"),
                               boolean("unschedulable"), subs("taints", taint), obj("configSource", "v1.NodeConfigSource"),
                               str("externalID")}};
    return s;
}

const StructSpec& nodeStatus() {
    // Not strict: the status is written by kubelets, and only capacity/allocatable matter here.
    static const StructSpec s{"NodeStatus", "v1", false,
                              {of("capacity", T::QuantityMap), of("allocatable", T::QuantityMap), str("phase"),
                               objs("conditions", "[]v1.NodeCondition"), objs("addresses", "[]v1.NodeAddress"),
                               objs("images", "[]v1.ContainerImage")}};
    return s;
}

const StructSpec& node() {
    static const StructSpec s{"Node", "v1", true,
                              {str("apiVersion"), str("kind"), sub("metadata", objectMeta), sub("spec", nodeSpec),
                               sub("status", nodeStatus)}};
    return s;
}

}  // namespace ks::api::validation::schema
