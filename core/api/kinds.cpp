#include "core/api/kinds.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace ks::api {

namespace {

// Scopes and simulation flags, spelled out so that the table below reads like
// `kubectl api-resources`.
constexpr bool kNamespaced = true;
constexpr bool kCluster = false;
constexpr bool kSimulated = true;
constexpr bool kStored = false;

KindInfo kind(std::string name, std::string group, std::vector<std::string> versions, bool namespaced,
              bool simulated, std::string resource, std::vector<std::string> shortNames = {}) {
    KindInfo k;
    k.kind = std::move(name);
    k.group = std::move(group);
    k.versions = std::move(versions);
    k.preferredVersion = k.versions.front();
    k.namespaced = namespaced;
    k.simulated = simulated;
    k.resource = std::move(resource);
    k.shortNames = std::move(shortNames);
    return k;
}

// What a v1.31 API server serves with its default --runtime-config. Simulated kinds are the ones
// KubeStage's components read or write (issue 2); the rest are stored, listed and round-tripped.
std::vector<KindInfo> makeKinds() {
    std::vector<KindInfo> k;
    // core/v1
    k.push_back(kind("Pod", "", {"v1"}, kNamespaced, kSimulated, "pods", {"po"}));
    k.push_back(kind("Node", "", {"v1"}, kCluster, kSimulated, "nodes", {"no"}));
    k.push_back(kind("Namespace", "", {"v1"}, kCluster, kSimulated, "namespaces", {"ns"}));
    k.push_back(kind("PersistentVolume", "", {"v1"}, kCluster, kSimulated, "persistentvolumes", {"pv"}));
    k.push_back(kind("PersistentVolumeClaim", "", {"v1"}, kNamespaced, kSimulated, "persistentvolumeclaims", {"pvc"}));
    k.push_back(kind("Service", "", {"v1"}, kNamespaced, kSimulated, "services", {"svc"}));
    k.push_back(kind("Endpoints", "", {"v1"}, kNamespaced, kSimulated, "endpoints", {"ep"}));
    k.push_back(kind("ResourceQuota", "", {"v1"}, kNamespaced, kSimulated, "resourcequotas", {"quota"}));
    k.push_back(kind("LimitRange", "", {"v1"}, kNamespaced, kSimulated, "limitranges", {"limits"}));
    k.push_back(kind("ConfigMap", "", {"v1"}, kNamespaced, kSimulated, "configmaps", {"cm"}));
    k.push_back(kind("Secret", "", {"v1"}, kNamespaced, kSimulated, "secrets"));
    k.push_back(kind("Event", "", {"v1"}, kNamespaced, kSimulated, "events", {"ev"}));
    k.push_back(kind("ServiceAccount", "", {"v1"}, kNamespaced, kStored, "serviceaccounts", {"sa"}));
    k.push_back(kind("PodTemplate", "", {"v1"}, kNamespaced, kStored, "podtemplates"));
    k.push_back(kind("ReplicationController", "", {"v1"}, kNamespaced, kStored, "replicationcontrollers", {"rc"}));
    k.push_back(kind("ComponentStatus", "", {"v1"}, kCluster, kStored, "componentstatuses", {"cs"}));
    k.push_back(kind("Binding", "", {"v1"}, kNamespaced, kStored, "bindings"));
    // apps/v1
    k.push_back(kind("Deployment", "apps", {"v1"}, kNamespaced, kSimulated, "deployments", {"deploy"}));
    k.push_back(kind("ReplicaSet", "apps", {"v1"}, kNamespaced, kSimulated, "replicasets", {"rs"}));
    k.push_back(kind("DaemonSet", "apps", {"v1"}, kNamespaced, kSimulated, "daemonsets", {"ds"}));
    k.push_back(kind("StatefulSet", "apps", {"v1"}, kNamespaced, kSimulated, "statefulsets", {"sts"}));
    k.push_back(kind("ControllerRevision", "apps", {"v1"}, kNamespaced, kStored, "controllerrevisions"));
    // batch/v1
    k.push_back(kind("Job", "batch", {"v1"}, kNamespaced, kSimulated, "jobs"));
    k.push_back(kind("CronJob", "batch", {"v1"}, kNamespaced, kSimulated, "cronjobs", {"cj"}));
    // autoscaling: v2 is preferred, v1 still served
    k.push_back(kind("HorizontalPodAutoscaler", "autoscaling", {"v2", "v1"}, kNamespaced, kSimulated,
                     "horizontalpodautoscalers", {"hpa"}));
    // scheduling, coordination, policy
    k.push_back(kind("PriorityClass", "scheduling.k8s.io", {"v1"}, kCluster, kSimulated, "priorityclasses", {"pc"}));
    k.push_back(kind("Lease", "coordination.k8s.io", {"v1"}, kNamespaced, kSimulated, "leases"));
    // NOTE: not in issue 2's list, but the scheduler's preemption reads PodDisruptionBudgets (types.h).
    k.push_back(kind("PodDisruptionBudget", "policy", {"v1"}, kNamespaced, kSimulated, "poddisruptionbudgets", {"pdb"}));
    // storage.k8s.io/v1
    k.push_back(kind("StorageClass", "storage.k8s.io", {"v1"}, kCluster, kSimulated, "storageclasses", {"sc"}));
    k.push_back(kind("CSIDriver", "storage.k8s.io", {"v1"}, kCluster, kSimulated, "csidrivers"));
    k.push_back(kind("CSINode", "storage.k8s.io", {"v1"}, kCluster, kStored, "csinodes"));
    k.push_back(kind("VolumeAttachment", "storage.k8s.io", {"v1"}, kCluster, kStored, "volumeattachments"));
    k.push_back(kind("CSIStorageCapacity", "storage.k8s.io", {"v1"}, kNamespaced, kStored, "csistoragecapacities"));
    // events.k8s.io/v1: the same events as core/v1 Event, in the newer schema
    k.push_back(kind("Event", "events.k8s.io", {"v1"}, kNamespaced, kSimulated, "events", {"ev"}));
    // networking and discovery
    k.push_back(kind("NetworkPolicy", "networking.k8s.io", {"v1"}, kNamespaced, kStored, "networkpolicies", {"netpol"}));
    k.push_back(kind("Ingress", "networking.k8s.io", {"v1"}, kNamespaced, kStored, "ingresses", {"ing"}));
    k.push_back(kind("IngressClass", "networking.k8s.io", {"v1"}, kCluster, kStored, "ingressclasses"));
    k.push_back(kind("EndpointSlice", "discovery.k8s.io", {"v1"}, kNamespaced, kStored, "endpointslices"));
    // rbac.authorization.k8s.io/v1
    k.push_back(kind("Role", "rbac.authorization.k8s.io", {"v1"}, kNamespaced, kStored, "roles"));
    k.push_back(kind("ClusterRole", "rbac.authorization.k8s.io", {"v1"}, kCluster, kStored, "clusterroles"));
    k.push_back(kind("RoleBinding", "rbac.authorization.k8s.io", {"v1"}, kNamespaced, kStored, "rolebindings"));
    k.push_back(kind("ClusterRoleBinding", "rbac.authorization.k8s.io", {"v1"}, kCluster, kStored, "clusterrolebindings"));
    // extension points
    k.push_back(kind("CustomResourceDefinition", "apiextensions.k8s.io", {"v1"}, kCluster, kStored,
                     "customresourcedefinitions", {"crd", "crds"}));
    k.push_back(kind("APIService", "apiregistration.k8s.io", {"v1"}, kCluster, kStored, "apiservices"));
    k.push_back(kind("MutatingWebhookConfiguration", "admissionregistration.k8s.io", {"v1"}, kCluster, kStored,
                     "mutatingwebhookconfigurations"));
    k.push_back(kind("ValidatingWebhookConfiguration", "admissionregistration.k8s.io", {"v1"}, kCluster, kStored,
                     "validatingwebhookconfigurations"));
    k.push_back(kind("ValidatingAdmissionPolicy", "admissionregistration.k8s.io", {"v1"}, kCluster, kStored,
                     "validatingadmissionpolicies"));
    k.push_back(kind("ValidatingAdmissionPolicyBinding", "admissionregistration.k8s.io", {"v1"}, kCluster, kStored,
                     "validatingadmissionpolicybindings"));
    k.push_back(kind("RuntimeClass", "node.k8s.io", {"v1"}, kCluster, kStored, "runtimeclasses"));
    k.push_back(kind("CertificateSigningRequest", "certificates.k8s.io", {"v1"}, kCluster, kStored,
                     "certificatesigningrequests", {"csr"}));
    // flowcontrol v1beta3 is still served in v1.31 (removed in v1.32)
    k.push_back(kind("FlowSchema", "flowcontrol.apiserver.k8s.io", {"v1", "v1beta3"}, kCluster, kStored, "flowschemas"));
    k.push_back(kind("PriorityLevelConfiguration", "flowcontrol.apiserver.k8s.io", {"v1", "v1beta3"}, kCluster, kStored,
                     "prioritylevelconfigurations"));
    // A configuration file that kube-scheduler reads with --config; never stored in the API.
    KindInfo sched = kind("KubeSchedulerConfiguration", "kubescheduler.config.k8s.io", {"v1"}, kCluster, kSimulated, "");
    sched.configOnly = true;
    k.push_back(std::move(sched));
    return k;
}

RemovedVersion removed(std::string apiVersion, std::string kindName, std::string deprecatedIn, std::string removedIn,
                       std::string replacement) {
    return RemovedVersion{std::move(apiVersion), std::move(kindName), std::move(removedIn), std::move(replacement),
                          std::move(deprecatedIn)};
}

// Releases from upstream's deprecation guide and prerelease-lifecycle tags (deprecated, removed).
std::vector<RemovedVersion> makeRemoved() {
    std::vector<RemovedVersion> r;
    // v1.16
    for (const char* k : {"Deployment", "DaemonSet", "ReplicaSet"})
        r.push_back(removed("extensions/v1beta1", k, "v1.8", "v1.16", "apps/v1"));
    r.push_back(removed("extensions/v1beta1", "NetworkPolicy", "v1.9", "v1.16", "networking.k8s.io/v1"));
    r.push_back(removed("extensions/v1beta1", "PodSecurityPolicy", "v1.11", "v1.16", "policy/v1beta1"));
    for (const char* k : {"Deployment", "StatefulSet", "ControllerRevision"})
        r.push_back(removed("apps/v1beta1", k, "v1.8", "v1.16", "apps/v1"));
    for (const char* k : {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"})
        r.push_back(removed("apps/v1beta2", k, "v1.9", "v1.16", "apps/v1"));
    // v1.22
    r.push_back(removed("extensions/v1beta1", "Ingress", "v1.14", "v1.22", "networking.k8s.io/v1"));
    r.push_back(removed("networking.k8s.io/v1beta1", "Ingress", "v1.19", "v1.22", "networking.k8s.io/v1"));
    r.push_back(removed("networking.k8s.io/v1beta1", "IngressClass", "v1.19", "v1.22", "networking.k8s.io/v1"));
    for (const char* k : {"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"})
        r.push_back(removed("admissionregistration.k8s.io/v1beta1", k, "v1.16", "v1.22", "admissionregistration.k8s.io/v1"));
    r.push_back(removed("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "v1.16", "v1.22", "apiextensions.k8s.io/v1"));
    r.push_back(removed("apiregistration.k8s.io/v1beta1", "APIService", "v1.19", "v1.22", "apiregistration.k8s.io/v1"));
    r.push_back(removed("certificates.k8s.io/v1beta1", "CertificateSigningRequest", "v1.19", "v1.22", "certificates.k8s.io/v1"));
    r.push_back(removed("coordination.k8s.io/v1beta1", "Lease", "v1.19", "v1.22", "coordination.k8s.io/v1"));
    for (const char* k : {"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"})
        r.push_back(removed("rbac.authorization.k8s.io/v1beta1", k, "v1.17", "v1.22", "rbac.authorization.k8s.io/v1"));
    r.push_back(removed("scheduling.k8s.io/v1beta1", "PriorityClass", "v1.14", "v1.22", "scheduling.k8s.io/v1"));
    r.push_back(removed("storage.k8s.io/v1beta1", "CSIDriver", "v1.19", "v1.22", "storage.k8s.io/v1"));
    r.push_back(removed("storage.k8s.io/v1beta1", "CSINode", "v1.17", "v1.22", "storage.k8s.io/v1"));
    r.push_back(removed("storage.k8s.io/v1beta1", "StorageClass", "v1.19", "v1.22", "storage.k8s.io/v1"));
    r.push_back(removed("storage.k8s.io/v1beta1", "VolumeAttachment", "v1.19", "v1.22", "storage.k8s.io/v1"));
    // v1.25
    r.push_back(removed("batch/v1beta1", "CronJob", "v1.21", "v1.25", "batch/v1"));
    r.push_back(removed("discovery.k8s.io/v1beta1", "EndpointSlice", "v1.21", "v1.25", "discovery.k8s.io/v1"));
    r.push_back(removed("events.k8s.io/v1beta1", "Event", "v1.22", "v1.25", "events.k8s.io/v1"));
    r.push_back(removed("autoscaling/v2beta1", "HorizontalPodAutoscaler", "v1.22", "v1.25", "autoscaling/v2"));
    r.push_back(removed("policy/v1beta1", "PodDisruptionBudget", "v1.21", "v1.25", "policy/v1"));
    r.push_back(removed("policy/v1beta1", "PodSecurityPolicy", "v1.21", "v1.25", ""));
    r.push_back(removed("node.k8s.io/v1beta1", "RuntimeClass", "v1.22", "v1.25", "node.k8s.io/v1"));
    // v1.26, v1.27, v1.29
    r.push_back(removed("autoscaling/v2beta2", "HorizontalPodAutoscaler", "v1.23", "v1.26", "autoscaling/v2"));
    for (const char* k : {"FlowSchema", "PriorityLevelConfiguration"}) {
        r.push_back(removed("flowcontrol.apiserver.k8s.io/v1beta1", k, "v1.23", "v1.26", "flowcontrol.apiserver.k8s.io/v1"));
        r.push_back(removed("flowcontrol.apiserver.k8s.io/v1beta2", k, "v1.26", "v1.29", "flowcontrol.apiserver.k8s.io/v1"));
    }
    r.push_back(removed("storage.k8s.io/v1beta1", "CSIStorageCapacity", "v1.24", "v1.27", "storage.k8s.io/v1"));
    // kube-scheduler configuration (KEP-785): v1beta1 removed in v1.23 (kubernetes#104782), v1beta2
    // deprecated in v1.25 and removed in v1.28, v1beta3 deprecated in v1.26 and removed in v1.29.
    // The alpha versions went away when v1beta1 arrived in v1.19, without a deprecation period.
    const std::string sched = "KubeSchedulerConfiguration";
    r.push_back(removed("kubescheduler.config.k8s.io/v1alpha1", sched, "", "v1.19", "kubescheduler.config.k8s.io/v1"));
    r.push_back(removed("kubescheduler.config.k8s.io/v1alpha2", sched, "", "v1.19", "kubescheduler.config.k8s.io/v1"));
    r.push_back(removed("kubescheduler.config.k8s.io/v1beta1", sched, "v1.22", "v1.23", "kubescheduler.config.k8s.io/v1"));
    r.push_back(removed("kubescheduler.config.k8s.io/v1beta2", sched, "v1.25", "v1.28", "kubescheduler.config.k8s.io/v1"));
    r.push_back(removed("kubescheduler.config.k8s.io/v1beta3", sched, "v1.26", "v1.29", "kubescheduler.config.k8s.io/v1"));
    return r;
}

// Groups whose every servable kind is in the table: an unknown kind there is a typo, not a CRD
// (CRDs cannot live in the core group or in these built-in groups).
constexpr std::array<std::string_view, 14> kCompleteGroups = {
    "",
    "apps",
    "batch",
    "autoscaling",
    "scheduling.k8s.io",
    "coordination.k8s.io",
    "rbac.authorization.k8s.io",
    "events.k8s.io",
    "discovery.k8s.io",
    "node.k8s.io",
    "apiextensions.k8s.io",
    "apiregistration.k8s.io",
    "extensions",
    "certificates.k8s.io",
};

std::string toLower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool isBuiltinGroup(const std::string& group) {
    for (const auto& k : builtinKinds())
        if (k.group == group) return true;
    for (const auto& r : removedVersions())
        if (splitApiVersion(r.apiVersion).first == group) return true;
    return false;
}

// "v1, events.k8s.io/v1" for kind Event: every served apiVersion of the kind, preferred first.
std::string validVersions(const std::string& kindName) {
    std::string out;
    for (const auto& k : builtinKinds()) {
        if (k.kind != kindName) continue;
        for (const auto& v : k.versions) {
            if (!out.empty()) out += ", ";
            out += k.group.empty() ? v : k.group + "/" + v;
        }
    }
    return out;
}

std::string noMatches(const std::string& apiVersion, const std::string& kindName) {
    return "Invalid value: \"" + apiVersion + "\": no matches for kind \"" + kindName + "\" in version \"" +
           apiVersion + "\"";
}

// k8s.io/apiserver/pkg/endpoints/deprecation WarningMessage, for a version that is already gone.
std::string removedMessage(const RemovedVersion& r) {
    std::string m = r.apiVersion + " " + r.kind;
    if (!r.deprecatedIn.empty()) m += " is deprecated in " + r.deprecatedIn + "+,";
    else m += " is";
    m += " unavailable in " + r.removedIn + "+";
    if (!r.replacement.empty()) m += "; use " + r.replacement + " " + r.kind;
    return m;
}

}  // namespace

std::string KindInfo::apiVersion() const { return group.empty() ? preferredVersion : group + "/" + preferredVersion; }

const std::vector<KindInfo>& builtinKinds() {
    static const std::vector<KindInfo> kinds = makeKinds();
    return kinds;
}

const std::vector<RemovedVersion>& removedVersions() {
    static const std::vector<RemovedVersion> list = makeRemoved();
    return list;
}

const KindInfo* findKind(const std::string& kindName) {
    for (const auto& k : builtinKinds())
        if (k.kind == kindName) return &k;
    return nullptr;
}

const KindInfo* findKind(const std::string& group, const std::string& kindName) {
    for (const auto& k : builtinKinds())
        if (k.kind == kindName && k.group == group) return &k;
    return nullptr;
}

const KindInfo* findKindByResource(const std::string& nameOrShort) {
    // kubectl accepts RESOURCE[.GROUP] in plural, singular or short form, case-insensitively.
    std::string name = toLower(nameOrShort);
    std::string group;
    bool hasGroup = false;
    if (auto dot = name.find('.'); dot != std::string::npos) {
        group = name.substr(dot + 1);
        name = name.substr(0, dot);
        hasGroup = true;
    }
    for (const auto& k : builtinKinds()) {
        if (k.resource.empty()) continue;  // config files are not resources
        if (hasGroup && k.group != group) continue;
        if (k.resource == name || toLower(k.kind) == name) return &k;
        for (const auto& s : k.shortNames)
            if (s == name) return &k;
    }
    return nullptr;
}

std::pair<std::string, std::string> splitApiVersion(const std::string& apiVersion) {
    auto slash = apiVersion.rfind('/');
    if (slash == std::string::npos) return {"", apiVersion};
    return {apiVersion.substr(0, slash), apiVersion.substr(slash + 1)};
}

VersionVerdict checkApiVersion(const std::string& apiVersion, const std::string& kindName) {
    VersionVerdict verdict;
    auto [group, version] = splitApiVersion(apiVersion);

    const RemovedVersion* gone = nullptr;
    for (const auto& r : removedVersions())
        if (r.apiVersion == apiVersion && r.kind == kindName) gone = &r;

    if (const KindInfo* info = findKind(group, kindName)) {
        verdict.info = info;
        if (std::find(info->versions.begin(), info->versions.end(), version) != info->versions.end()) {
            verdict.check = VersionCheck::Served;
            return verdict;
        }
        if (!gone) {
            verdict.check = VersionCheck::InvalidVersion;
            verdict.message = noMatches(apiVersion, kindName) + "; valid versions for kind " + kindName + ": " +
                              validVersions(kindName);
            return verdict;
        }
    }
    if (gone) {
        verdict.check = VersionCheck::Removed;
        verdict.removed = gone;
        if (!verdict.info && !gone->replacement.empty())
            verdict.info = findKind(splitApiVersion(gone->replacement).first, kindName);
        verdict.message = removedMessage(*gone);
        return verdict;
    }
    if (!isBuiltinGroup(group)) return verdict;  // a CRD's group: generic object

    // A built-in group without this kind: `apiVersion: v1` with `kind: Deployment`, say.
    if (const KindInfo* elsewhere = findKind(kindName)) {
        verdict.check = VersionCheck::InvalidVersion;
        verdict.info = elsewhere;
        verdict.message = noMatches(apiVersion, kindName) + "; valid versions for kind " + kindName + ": " +
                          validVersions(kindName);
        return verdict;
    }
    // A kind that only ever lived in removed versions (PodSecurityPolicy): name its last one.
    const RemovedVersion* last = nullptr;
    for (const auto& r : removedVersions())
        if (r.kind == kindName) last = &r;
    if (last) {
        verdict.check = VersionCheck::InvalidVersion;
        verdict.message = noMatches(apiVersion, kindName) + "; kind " + kindName + " is no longer served (" +
                          removedMessage(*last) + ")";
        return verdict;
    }
    if (std::find(kCompleteGroups.begin(), kCompleteGroups.end(), group) != kCompleteGroups.end()) {
        verdict.check = VersionCheck::UnknownKind;
        verdict.message = noMatches(apiVersion, kindName);
    }
    return verdict;
}

}  // namespace ks::api
