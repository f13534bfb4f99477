// validateObject: the strict decoding step (types, unknown fields) and then the kind's field
// validation, as kube-apiserver runs them on create (v1.31).
#include "core/api/validate.h"

#include "core/api/kind_scope.h"
#include "core/api/validation_context.h"

namespace ks::api {

using namespace validation;

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
                validateObjectMeta(ctx, object, kindScope(group, kind) != KindScope::Cluster, NameRule::DNSSubdomain);
            else
                e.fn(ctx, object);
            return;
        }
    }
    if (KindScope scope = kindScope(group, kind); scope != KindScope::Unknown) {
        validateGenericObject(ctx, object, scope == KindScope::Namespaced);
        return;
    }
    // Custom resources: only a name is required here.
    const Value* meta = get(&object, "metadata");
    if (text(get(meta, "name")).empty() && text(get(meta, "generateName")).empty())
        ctx.required(markOr(get(meta, "name"), markOr(meta, object.mark())), FieldPath("metadata").child("name"),
                     "name or generateName is required");
}

}  // namespace ks::api
