// applyDefaults: what the API server fills in on create, per kind. Mirrors
// k8s.io/kubernetes/pkg/apis/{core,apps,batch,scheduling,storage,autoscaling}/v1*/defaults.go
// (v1.31), plus the namespace that kubectl sets and the namespace that rest.BeforeCreate
// clears on cluster-scoped objects.
#include "core/api/defaults.h"

#include <optional>
#include <set>

#include "core/api/defaults_internal.h"
#include "core/api/kind_scope.h"

namespace ks::api {

namespace defaulting {

Value* mapAt(Value& parent, std::string_view key) {
    if (!parent.isMapping()) return nullptr;
    Value* v = parent.get(key);
    if (!v || v->isNull()) return &parent.set(std::string(key), Value::mapping());
    return v->isMapping() ? v : nullptr;
}

void setIfNil(Value& parent, std::string_view key, Value v) {
    if (!parent.isMapping()) return;
    const Value* cur = parent.get(key);
    if (!cur || cur->isNull()) parent.set(std::string(key), std::move(v));
}

void setIfEmpty(Value& parent, std::string_view key, const std::string& s) {
    if (!parent.isMapping()) return;
    const Value* cur = parent.get(key);
    if (!cur || cur->isNull() || (cur->isScalar() && cur->text().empty())) parent.set(std::string(key), Value::string(s));
}

}  // namespace defaulting

namespace {

using namespace defaulting;

bool isNil(const Value* v) { return !v || v->isNull(); }

std::string text(const Value* v) { return v && v->isScalar() ? v->text() : std::string(); }

// NOTE: custom resources get no namespace here: their scope is only known from their CRD.
void defaultNamespace(Value& object, const std::string& group, const std::string& kind) {
    KindScope scope = kindScope(group, kind);
    if (scope == KindScope::Unknown) return;
    if (scope == KindScope::Cluster) {
        if (Value* meta = object.get("metadata"); meta && meta->isMapping()) meta->remove("namespace");
        return;
    }
    if (Value* meta = mapAt(object, "metadata")) setIfEmpty(*meta, "namespace", "default");
}

void defaultPod(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    defaultPodSpec(*spec);
    defaultPodOnly(*spec);
}

void defaultNode(Value& object) {
    // SetDefaults_NodeStatus: allocatable defaults to capacity.
    Value* status = object.get("status");
    if (!status || !status->isMapping()) return;
    const Value* capacity = status->get("capacity");
    if (capacity && capacity->isMapping() && isNil(status->get("allocatable"))) status->set("allocatable", *capacity);
}

void defaultNamespaceKind(Value& object) {
    Value* meta = object.get("metadata");
    std::string name = text(meta ? meta->get("name") : nullptr);
    if (name.empty()) return;
    if (Value* labels = mapAt(*meta, "labels")) labels->set("kubernetes.io/metadata.name", Value::string(name));
}

void defaultPersistentVolume(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    setIfEmpty(*spec, "persistentVolumeReclaimPolicy", "Retain");
    setIfNil(*spec, "volumeMode", Value::string("Filesystem"));
    if (Value* hp = spec->get("hostPath"); hp && hp->isMapping()) defaultHostPathSource(*hp);
}

void defaultPersistentVolumeClaim(Value& object) {
    if (Value* spec = mapAt(object, "spec")) defaultPersistentVolumeClaimSpec(*spec);
}

void defaultService(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    setIfEmpty(*spec, "sessionAffinity", "None");
    setIfEmpty(*spec, "type", "ClusterIP");
    std::string type = text(spec->get("type"));
    if (Value* ports = spec->get("ports"); ports && ports->isSequence()) {
        for (auto& p : ports->items()) {
            if (!p.isMapping()) continue;
            setIfEmpty(p, "protocol", "TCP");
            const Value* target = p.get("targetPort");
            const Value* port = p.get("port");
            bool unset = isNil(target) || (target->isScalar() && (target->text().empty() || target->text() == "0"));
            if (unset && port && port->isScalar()) p.set("targetPort", *port);
        }
    }
    if (type != "ExternalName") setIfNil(*spec, "internalTrafficPolicy", Value::string("Cluster"));
    if (type == "NodePort" || type == "LoadBalancer") setIfEmpty(*spec, "externalTrafficPolicy", "Cluster");
    if (type == "LoadBalancer") setIfNil(*spec, "allocateLoadBalancerNodePorts", Value::boolean(true));
}

void defaultEndpoints(Value& object) {
    Value* subsets = object.get("subsets");
    if (!subsets || !subsets->isSequence()) return;
    for (auto& s : subsets->items()) {
        Value* ports = s.isMapping() ? s.get("ports") : nullptr;
        if (!ports || !ports->isSequence()) continue;
        for (auto& p : ports->items())
            if (p.isMapping()) setIfEmpty(p, "protocol", "TCP");
    }
}

void defaultSecret(Value& object) { setIfEmpty(object, "type", "Opaque"); }

void defaultTemplateOf(Value& spec) {
    if (Value* tmpl = spec.get("template"); tmpl && tmpl->isMapping()) defaultPodTemplate(*tmpl);
}

void defaultDeployment(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    setIfNil(*spec, "replicas", Value::integer(1));
    if (Value* strategy = mapAt(*spec, "strategy")) {
        setIfEmpty(*strategy, "type", "RollingUpdate");
        if (text(strategy->get("type")) == "RollingUpdate") {
            if (Value* ru = mapAt(*strategy, "rollingUpdate")) {
                setIfNil(*ru, "maxUnavailable", Value::string("25%"));
                setIfNil(*ru, "maxSurge", Value::string("25%"));
            }
        }
    }
    setIfNil(*spec, "revisionHistoryLimit", Value::integer(10));
    setIfNil(*spec, "progressDeadlineSeconds", Value::integer(600));
    defaultTemplateOf(*spec);
}

void defaultReplicaSet(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    setIfNil(*spec, "replicas", Value::integer(1));
    defaultTemplateOf(*spec);
}

void defaultDaemonSet(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    if (Value* strategy = mapAt(*spec, "updateStrategy")) {
        setIfEmpty(*strategy, "type", "RollingUpdate");
        if (text(strategy->get("type")) == "RollingUpdate") {
            if (Value* ru = mapAt(*strategy, "rollingUpdate")) {
                setIfNil(*ru, "maxUnavailable", Value::integer(1));
                setIfNil(*ru, "maxSurge", Value::integer(0));
            }
        }
    }
    setIfNil(*spec, "revisionHistoryLimit", Value::integer(10));
    defaultTemplateOf(*spec);
}

void defaultStatefulSet(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    setIfEmpty(*spec, "podManagementPolicy", "OrderedReady");
    if (Value* strategy = mapAt(*spec, "updateStrategy")) {
        if (text(strategy->get("type")).empty()) {
            strategy->set("type", Value::string("RollingUpdate"));
            mapAt(*strategy, "rollingUpdate");
        }
        Value* ru = strategy->get("rollingUpdate");
        if (text(strategy->get("type")) == "RollingUpdate" && ru && ru->isMapping())
            setIfNil(*ru, "partition", Value::integer(0));
    }
    if (Value* policy = mapAt(*spec, "persistentVolumeClaimRetentionPolicy")) {
        setIfEmpty(*policy, "whenDeleted", "Retain");
        setIfEmpty(*policy, "whenScaled", "Retain");
    }
    setIfNil(*spec, "replicas", Value::integer(1));
    setIfNil(*spec, "revisionHistoryLimit", Value::integer(10));
    if (Value* claims = spec->get("volumeClaimTemplates"); claims && claims->isSequence())
        for (auto& c : claims->items())
            if (c.isMapping())
                if (Value* cs = mapAt(c, "spec")) defaultPersistentVolumeClaimSpec(*cs);
    defaultTemplateOf(*spec);
}

void defaultJob(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    if (isNil(spec->get("completions")) && isNil(spec->get("parallelism"))) {
        spec->set("completions", Value::integer(1));
        spec->set("parallelism", Value::integer(1));
    }
    setIfNil(*spec, "parallelism", Value::integer(1));
    if (isNil(spec->get("backoffLimit")))
        spec->set("backoffLimit", Value::integer(isNil(spec->get("backoffLimitPerIndex")) ? 6 : 2147483647));
    setIfNil(*spec, "completionMode", Value::string("NonIndexed"));
    setIfNil(*spec, "suspend", Value::boolean(false));
    setIfNil(*spec, "podReplacementPolicy",
             Value::string(isNil(spec->get("podFailurePolicy")) ? "TerminatingOrFailed" : "Failed"));
    defaultTemplateOf(*spec);
    // The Job's own labels default to its template's. (Done last: adding metadata may move spec.)
    std::optional<Value> tmplLabels;
    if (const Value* tmpl = spec->get("template"); tmpl && tmpl->isMapping())
        if (const Value* meta = tmpl->get("metadata"); meta && meta->isMapping())
            if (const Value* labels = meta->get("labels"); labels && labels->isMapping()) tmplLabels = *labels;
    if (tmplLabels) {
        Value* meta = mapAt(object, "metadata");
        const Value* labels = meta ? meta->get("labels") : nullptr;
        if (meta && (isNil(labels) || (labels->isMapping() && labels->fields().empty())))
            meta->set("labels", std::move(*tmplLabels));
    }
}

void defaultCronJob(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    setIfEmpty(*spec, "concurrencyPolicy", "Allow");
    setIfNil(*spec, "suspend", Value::boolean(false));
    setIfNil(*spec, "successfulJobsHistoryLimit", Value::integer(3));
    setIfNil(*spec, "failedJobsHistoryLimit", Value::integer(1));
    if (Value* jobTemplate = spec->get("jobTemplate"); jobTemplate && jobTemplate->isMapping())
        if (Value* jobSpec = jobTemplate->get("spec"); jobSpec && jobSpec->isMapping()) defaultTemplateOf(*jobSpec);
}

void defaultPriorityClass(Value& object) { setIfNil(object, "preemptionPolicy", Value::string("PreemptLowerPriority")); }

void defaultStorageClass(Value& object) {
    setIfNil(object, "reclaimPolicy", Value::string("Delete"));
    setIfNil(object, "volumeBindingMode", Value::string("Immediate"));
}

void defaultCSIDriver(Value& object) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    setIfNil(*spec, "attachRequired", Value::boolean(true));
    setIfNil(*spec, "podInfoOnMount", Value::boolean(false));
    setIfNil(*spec, "storageCapacity", Value::boolean(false));
    setIfNil(*spec, "fsGroupPolicy", Value::string("ReadWriteOnceWithFSType"));
    const Value* modes = spec->get("volumeLifecycleModes");
    if (isNil(modes) || (modes->isSequence() && modes->items().empty())) {
        Value list = Value::sequence();
        list.push(Value::string("Persistent"));
        spec->set("volumeLifecycleModes", std::move(list));
    }
    setIfNil(*spec, "requiresRepublish", Value::boolean(false));
    setIfNil(*spec, "seLinuxMount", Value::boolean(false));
}

void defaultHorizontalPodAutoscaler(Value& object, const std::string& version) {
    Value* spec = mapAt(object, "spec");
    if (!spec) return;
    setIfNil(*spec, "minReplicas", Value::integer(1));
    if (version != "v2") return;
    const Value* metrics = spec->get("metrics");
    if (!isNil(metrics) && !(metrics->isSequence() && metrics->items().empty())) return;
    // autoscaling/v2: no metrics means 80% average CPU utilization.
    Value target = Value::mapping();
    target.set("type", Value::string("Utilization"));
    target.set("averageUtilization", Value::integer(80));
    Value resource = Value::mapping();
    resource.set("name", Value::string("cpu"));
    resource.set("target", std::move(target));
    Value metric = Value::mapping();
    metric.set("type", Value::string("Resource"));
    metric.set("resource", std::move(resource));
    Value list = Value::sequence();
    list.push(std::move(metric));
    spec->set("metrics", std::move(list));
}

}  // namespace

void applyDefaults(Value& object) {
    if (!object.isMapping()) return;
    std::string apiVersion = text(object.get("apiVersion"));
    std::string kind = text(object.get("kind"));
    auto slash = apiVersion.find('/');
    std::string group = slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
    std::string version = slash == std::string::npos ? apiVersion : apiVersion.substr(slash + 1);

    defaultNamespace(object, group, kind);

    using Fn = void (*)(Value&);
    struct Entry {
        const char* group;
        const char* kind;
        Fn fn;
    };
    static const Entry kDefaulters[] = {
        {"", "Pod", defaultPod},
        {"", "Node", defaultNode},
        {"", "Namespace", defaultNamespaceKind},
        {"", "PersistentVolume", defaultPersistentVolume},
        {"", "PersistentVolumeClaim", defaultPersistentVolumeClaim},
        {"", "Service", defaultService},
        {"", "Endpoints", defaultEndpoints},
        {"", "Secret", defaultSecret},
        {"apps", "Deployment", defaultDeployment},
        {"apps", "ReplicaSet", defaultReplicaSet},
        {"apps", "DaemonSet", defaultDaemonSet},
        {"apps", "StatefulSet", defaultStatefulSet},
        {"batch", "Job", defaultJob},
        {"batch", "CronJob", defaultCronJob},
        {"scheduling.k8s.io", "PriorityClass", defaultPriorityClass},
        {"storage.k8s.io", "StorageClass", defaultStorageClass},
        {"storage.k8s.io", "CSIDriver", defaultCSIDriver},
    };
    for (const auto& e : kDefaulters) {
        if (group == e.group && kind == e.kind) {
            e.fn(object);
            return;
        }
    }
    if (group == "autoscaling" && kind == "HorizontalPodAutoscaler") defaultHorizontalPodAutoscaler(object, version);
}

}  // namespace ks::api
