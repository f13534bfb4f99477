// validateObject: the strict decoding step (types, unknown fields) and then the kind's field
// validation, as kube-apiserver runs them on create (v1.31).
#include "core/api/validate.h"

#include <set>

#include "core/api/validation_context.h"

namespace ks::api {

namespace {

using namespace validation;

// Built-in groups: a kind in one of these that KubeStage does not validate in detail still gets
// the generic ObjectMeta check; anything else is a custom resource.
bool isBuiltinGroup(const std::string& group) {
    static const std::set<std::string> kGroups = {
        "", "apps", "batch", "autoscaling", "policy", "scheduling.k8s.io", "storage.k8s.io", "coordination.k8s.io",
        "rbac.authorization.k8s.io", "networking.k8s.io", "node.k8s.io", "discovery.k8s.io", "events.k8s.io",
        "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "certificates.k8s.io",
        "flowcontrol.apiserver.k8s.io", "resource.k8s.io", "internal.apiserver.k8s.io", "storagemigration.k8s.io",
        "authentication.k8s.io", "authorization.k8s.io"};
    return kGroups.count(group) > 0;
}

// NOTE: the scope of a kind comes from a fixed list here; kinds.h has the full registry.
bool isClusterScoped(const std::string& kind) {
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

void validateObject(const Value& object, const std::string& file, Diagnostics& out) {
    Context ctx(file, out);
    if (!object.isMapping()) return;  // the loader reports documents that are not objects
    std::string apiVersion = object.str("apiVersion");
    std::string kind = object.str("kind");
    auto slash = apiVersion.find('/');
    std::string group = slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);

    checkSchema(ctx, object, group, kind);

    using Fn = void (*)(Context&, const Value&);
    struct Entry {
        const char* group;
        const char* kind;
        Fn fn;
    };
    static const Entry kValidators[] = {
        {"", "Pod", validatePod},
        {"", "Node", validateNode},
        {"", "Namespace", validateNamespace},
        {"", "PersistentVolume", validatePersistentVolume},
        {"", "PersistentVolumeClaim", validatePersistentVolumeClaim},
        {"", "ConfigMap", validateConfigMap},
        {"", "Secret", validateSecret},
        {"", "Service", validateService},
        {"", "ResourceQuota", validateResourceQuota},
        {"apps", "Deployment", validateDeployment},
        {"apps", "ReplicaSet", validateReplicaSet},
        {"apps", "DaemonSet", validateDaemonSet},
        {"apps", "StatefulSet", validateStatefulSet},
        {"batch", "Job", validateJob},
        {"batch", "CronJob", validateCronJob},
        {"scheduling.k8s.io", "PriorityClass", validatePriorityClass},
        {"storage.k8s.io", "StorageClass", validateStorageClass},
        {"storage.k8s.io", "CSIDriver", validateCSIDriver},
        {"policy", "PodDisruptionBudget", validatePodDisruptionBudget},
        {"coordination.k8s.io", "Lease", validateLease},
    };
    for (const auto& e : kValidators) {
        if (group == e.group && kind == e.kind) {
            // A spec that does not decode stops upstream before validation; its metadata still
            // gets checked here.
            if (mistyped(get(&object, "spec"), false))
                validateObjectMeta(ctx, object, !isClusterScoped(kind), NameRule::DNSSubdomain);
            else
                e.fn(ctx, object);
            return;
        }
    }
    if (isBuiltinGroup(group)) {
        validateGenericObject(ctx, object, !isClusterScoped(kind));
        return;
    }
    // Custom resources: only a name is required here.
    const Value* meta = get(&object, "metadata");
    if (text(get(meta, "name")).empty() && text(get(meta, "generateName")).empty())
        ctx.required(markOr(get(meta, "name"), markOr(meta, object.mark())), FieldPath("metadata").child("name"),
                     "name or generateName is required");
}

}  // namespace ks::api
