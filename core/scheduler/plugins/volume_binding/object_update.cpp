// The PV and PVC objects VolumeBinding's PreBind writes to the API (binder.go bindAPIUpdate):
// the stored object with the binding's fields set, or one built from the typed view.
#include "core/scheduler/plugins/volume_binding/binder.h"

namespace ks::scheduler::plugins {

namespace {

using api::Value;

Value strings(const std::vector<std::string>& items) {
    Value seq = Value::sequence();
    for (const auto& s : items) seq.push(Value::string(s));
    return seq;
}

Value resourceList(const api::ResourceList& list) {
    Value m = Value::mapping();
    for (const auto& [name, q] : list) m.set(name, Value::string(q.toString()));
    return m;
}

Value labelSelector(const api::LabelSelector& s) {
    Value m = Value::mapping();
    if (!s.matchLabels.empty()) {
        Value labels = Value::mapping();
        for (const auto& [k, val] : s.matchLabels) labels.set(k, Value::string(val));
        m.set("matchLabels", std::move(labels));
    }
    if (!s.matchExpressions.empty()) {
        Value exprs = Value::sequence();
        for (const auto& r : s.matchExpressions) {
            Value e = Value::mapping();
            e.set("key", Value::string(r.key));
            e.set("operator", Value::string(r.op));
            if (!r.values.empty()) e.set("values", strings(r.values));
            exprs.push(std::move(e));
        }
        m.set("matchExpressions", std::move(exprs));
    }
    return m;
}

Value nodeSelectorTerms(const api::NodeSelector& ns) {
    Value terms = Value::sequence();
    for (const auto& t : ns.terms) {
        Value term = Value::mapping();
        auto reqs = [](const std::vector<api::NodeSelectorRequirement>& rs) {
            Value seq = Value::sequence();
            for (const auto& r : rs) {
                Value e = Value::mapping();
                e.set("key", Value::string(r.key));
                e.set("operator", Value::string(r.op));
                if (!r.values.empty()) e.set("values", strings(r.values));
                seq.push(std::move(e));
            }
            return seq;
        };
        if (!t.matchExpressions.empty()) term.set("matchExpressions", reqs(t.matchExpressions));
        if (!t.matchFields.empty()) term.set("matchFields", reqs(t.matchFields));
        terms.push(std::move(term));
    }
    return terms;
}

// metadata of a new object: identity, labels, annotations and the resourceVersion the update
// is conditional on.
Value metadata(const api::ObjectMeta& meta, bool namespaced) {
    Value m = Value::mapping();
    m.set("name", Value::string(meta.name));
    if (namespaced) m.set("namespace", Value::string(meta.namespace_));
    if (!meta.uid.empty()) m.set("uid", Value::string(meta.uid));
    if (meta.resourceVersion) m.set("resourceVersion", Value::string(std::to_string(meta.resourceVersion)));
    if (!meta.labels.empty()) {
        Value labels = Value::mapping();
        for (const auto& [k, v] : meta.labels) labels.set(k, Value::string(v));
        m.set("labels", std::move(labels));
    }
    return m;
}

void setAnnotations(Value& object, const std::map<std::string, std::string>& annotations) {
    if (annotations.empty()) return;
    Value& a = object.child("metadata").child("annotations");
    for (const auto& [k, v] : annotations) a.set(k, Value::string(v));
}

// upstream reference.GetReference(claim): fields in the order kube's JSON encoding gives them.
Value claimRef(const api::PersistentVolume& pv, const ClusterObjects& objects) {
    Value ref = Value::mapping();
    ref.set("apiVersion", Value::string("v1"));
    ref.set("kind", Value::string("PersistentVolumeClaim"));
    ref.set("name", Value::string(pv.claimRefName));
    ref.set("namespace", Value::string(pv.claimRefNamespace));
    if (const auto* claim = objects.pvc(pv.claimRefNamespace, pv.claimRefName); claim && claim->metadata.resourceVersion)
        ref.set("resourceVersion", Value::string(std::to_string(claim->metadata.resourceVersion)));
    if (!pv.claimRefUid.empty()) ref.set("uid", Value::string(pv.claimRefUid));
    return ref;
}

}  // namespace

api::Value persistentVolumeObject(const api::PersistentVolume& pv, const ClusterObjects& objects) {
    Value out;
    if (auto it = objects.persistentVolumeObjects.find(pv.metadata.name); it != objects.persistentVolumeObjects.end()) {
        out = it->second;
    } else {
        out = Value::mapping();
        out.set("apiVersion", Value::string("v1"));
        out.set("kind", Value::string("PersistentVolume"));
        out.set("metadata", metadata(pv.metadata, false));
        Value& spec = out.child("spec");
        spec.set("capacity", resourceList(pv.capacity));
        spec.set("accessModes", strings(pv.accessModes));
        spec.set("persistentVolumeReclaimPolicy", Value::string(pv.reclaimPolicy));
        if (!pv.storageClassName.empty()) spec.set("storageClassName", Value::string(pv.storageClassName));
        spec.set("volumeMode", Value::string(pv.volumeMode));
        if (pv.nodeAffinity) spec.child("nodeAffinity").child("required").set("nodeSelectorTerms", nodeSelectorTerms(*pv.nodeAffinity));
        if (!pv.csiDriver.empty()) spec.child("csi").set("driver", Value::string(pv.csiDriver));
        if (!pv.localPath.empty()) spec.child("local").set("path", Value::string(pv.localPath));
        if (!pv.hostPath.empty()) spec.child("hostPath").set("path", Value::string(pv.hostPath));
        if (!pv.phase.empty()) out.child("status").set("phase", Value::string(pv.phase));
    }
    setAnnotations(out, pv.metadata.annotations);
    out.child("spec").set("claimRef", claimRef(pv, objects));
    return out;
}

api::Value persistentVolumeClaimObject(const api::PersistentVolumeClaim& pvc, const ClusterObjects& objects) {
    Value out;
    const std::string key = pvc.metadata.namespace_ + "/" + pvc.metadata.name;
    if (auto it = objects.persistentVolumeClaimObjects.find(key); it != objects.persistentVolumeClaimObjects.end()) {
        out = it->second;
    } else {
        out = Value::mapping();
        out.set("apiVersion", Value::string("v1"));
        out.set("kind", Value::string("PersistentVolumeClaim"));
        out.set("metadata", metadata(pvc.metadata, true));
        Value& spec = out.child("spec");
        spec.set("accessModes", strings(pvc.accessModes));
        if (!pvc.resources.requests.empty()) spec.child("resources").set("requests", resourceList(pvc.resources.requests));
        if (pvc.storageClassName) spec.set("storageClassName", Value::string(*pvc.storageClassName));
        spec.set("volumeMode", Value::string(pvc.volumeMode));
        if (pvc.selector) spec.set("selector", labelSelector(*pvc.selector));
    }
    setAnnotations(out, pvc.metadata.annotations);
    if (!pvc.volumeName.empty()) out.child("spec").set("volumeName", Value::string(pvc.volumeName));
    if (!pvc.phase.empty()) out.child("status").set("phase", Value::string(pvc.phase));
    return out;
}

}  // namespace ks::scheduler::plugins
