#include "core/scheduler/framework/listed_objects.h"

#include "core/api/decode.h"

namespace ks::scheduler {

const std::vector<std::string>& listedKinds() {
    static const std::vector<std::string> kinds = {
        "PersistentVolume", "PersistentVolumeClaim", "StorageClass", "CSIDriver", "CSINode",
        "Namespace", "PriorityClass", "PodDisruptionBudget", "Service", "ReplicationController",
        "ReplicaSet", "StatefulSet"};
    return kinds;
}

bool addListedObject(ClusterObjects& o, const api::Value& obj) {
    const std::string kind = obj.str("kind");
    const api::ObjectMeta meta = api::decodeMeta(obj);
    const std::string key = meta.namespace_ + "/" + meta.name;
    if (kind == "PersistentVolume") {
        o.persistentVolumes[meta.name] = api::decodePersistentVolume(obj);
        o.persistentVolumeObjects[meta.name] = obj;
    } else if (kind == "PersistentVolumeClaim") {
        o.persistentVolumeClaims[key] = api::decodePersistentVolumeClaim(obj);
        o.persistentVolumeClaimObjects[key] = obj;
    } else if (kind == "StorageClass") {
        o.storageClasses[meta.name] = api::decodeStorageClass(obj);
    } else if (kind == "CSIDriver") {
        o.csiDrivers[meta.name] = api::decodeCSIDriver(obj);
    } else if (kind == "CSINode") {
        if (const api::Value* drivers = obj.at("spec.drivers"); drivers && drivers->isSequence())
            for (const auto& d : drivers->items())
                if (const api::Value* count = d.at("allocatable.count"))
                    if (auto n = count->toInt()) o.csiNodeVolumeLimits[meta.name][d.str("name")] = *n;
    } else if (kind == "Namespace") {
        o.namespaces[meta.name] = api::decodeNamespace(obj);
    } else if (kind == "PriorityClass") {
        o.priorityClasses[meta.name] = api::decodePriorityClass(obj);
    } else if (kind == "PodDisruptionBudget") {
        o.podDisruptionBudgets.push_back(api::decodePodDisruptionBudget(obj));
    } else if (kind == "Service") {
        // Services without a selector select nothing (helper.DefaultSelector skips them).
        if (const api::Value* sel = obj.at("spec.selector"); sel && sel->isMapping() && sel->size() > 0) {
            api::Labels labels;
            for (const auto& f : sel->fields()) labels[f.key] = f.val.text();
            o.serviceSelectors[key] = std::move(labels);
        }
    } else if (kind == "ReplicationController") {
        // A ReplicationController's selector is a plain label map.
        api::LabelSelector selector;
        if (const api::Value* sel = obj.at("spec.selector"); sel && sel->isMapping())
            for (const auto& f : sel->fields()) selector.matchLabels[f.key] = f.val.text();
        o.controllerSelectors[kind + "/" + key] = std::move(selector);
    } else if (kind == "ReplicaSet" || kind == "StatefulSet") {
        const api::Value* sel = obj.at("spec.selector");
        o.controllerSelectors[kind + "/" + key] = sel ? api::decodeLabelSelector(*sel) : api::LabelSelector{};
    } else {
        return false;
    }
    return true;
}

}  // namespace ks::scheduler
