#include "core/api/kind_scope.h"

#include <set>

#include "core/api/kinds.h"

namespace ks::api {

namespace {

bool isWellKnownGroup(const std::string& group) {
    static const std::set<std::string> kGroups = {
        "", "apps", "batch", "autoscaling", "policy", "scheduling.k8s.io", "storage.k8s.io", "coordination.k8s.io",
        "rbac.authorization.k8s.io", "networking.k8s.io", "node.k8s.io", "discovery.k8s.io", "events.k8s.io",
        "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "certificates.k8s.io",
        "flowcontrol.apiserver.k8s.io", "resource.k8s.io", "internal.apiserver.k8s.io", "storagemigration.k8s.io",
        "authentication.k8s.io", "authorization.k8s.io"};
    return kGroups.count(group) > 0;
}

// Built-in cluster-scoped kinds the registry may not list.
bool isClusterScopedFallback(const std::string& kind) {
    static const std::set<std::string> kCluster = {
        "Node", "Namespace", "PersistentVolume", "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment",
        "PriorityClass", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "RuntimeClass", "IngressClass", "CertificateSigningRequest",
        "PodSecurityPolicy", "ComponentStatus", "FlowSchema", "PriorityLevelConfiguration", "StorageVersion",
        "IPAddress", "ServiceCIDR", "DeviceClass", "VolumeAttributesClass", "StorageVersionMigration"};
    return kCluster.count(kind) > 0;
}

}  // namespace

KindScope kindScope(const std::string& group, const std::string& kind) {
    if (const KindInfo* info = findKind(group, kind)) return info->namespaced ? KindScope::Namespaced : KindScope::Cluster;
    if (!isWellKnownGroup(group)) return KindScope::Unknown;
    return isClusterScopedFallback(kind) ? KindScope::Cluster : KindScope::Namespaced;
}

}  // namespace ks::api
