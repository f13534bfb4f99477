// PV/PVC helpers (component-helpers/storage/volume, v1.31).
#include "core/scheduler/plugins/volume_binding/pv_helpers.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace ks::scheduler::plugins::volume {

std::string pvcNotFound(const std::string& name) { return "persistentvolumeclaim \"" + name + "\" not found"; }
std::string pvNotFound(const std::string& name) { return "persistentvolume \"" + name + "\" not found"; }
std::string storageClassNotFound(const std::string& name) {
    return "storageclass.storage.k8s.io \"" + name + "\" not found";
}

namespace {

// Upstream GetDefaultClass: among classes annotated as default, the newest one (ties by name).
std::string defaultClass(const ClusterObjects& objects) {
    const api::StorageClass* best = nullptr;
    for (const auto& [name, sc] : objects.storageClasses) {
        auto it = sc.metadata.annotations.find(kIsDefaultClassAnnotation);
        if (it == sc.metadata.annotations.end() || it->second != "true") continue;
        const auto created = sc.metadata.creationTimestamp.value_or(0);
        if (!best || created > best->metadata.creationTimestamp.value_or(0)) best = &sc;
    }
    return best ? best->metadata.name : std::string{};
}

}  // namespace

std::string claimClass(const api::PersistentVolumeClaim& claim, const ClusterObjects& objects) {
    if (auto it = claim.metadata.annotations.find(kBetaStorageClassAnnotation); it != claim.metadata.annotations.end())
        return it->second;
    if (claim.storageClassName) return *claim.storageClassName;
    return claim.volumeName.empty() ? defaultClass(objects) : std::string{};
}

std::string volumeClass(const api::PersistentVolume& pv) {
    if (auto it = pv.metadata.annotations.find(kBetaStorageClassAnnotation); it != pv.metadata.annotations.end())
        return it->second;
    return pv.storageClassName;
}

bool isVolumeBoundToClaim(const api::PersistentVolume& pv, const api::PersistentVolumeClaim& claim) {
    if (pv.claimRefName.empty() && pv.claimRefNamespace.empty()) return false;
    if (claim.metadata.name != pv.claimRefName || claim.metadata.namespace_ != pv.claimRefNamespace) return false;
    return pv.claimRefUid.empty() || pv.claimRefUid == claim.metadata.uid;
}

bool volumeModeMismatches(const api::PersistentVolumeClaim& claim, const api::PersistentVolume& pv) {
    const std::string want = claim.volumeMode.empty() ? "Filesystem" : claim.volumeMode;
    const std::string have = pv.volumeMode.empty() ? "Filesystem" : pv.volumeMode;
    return want != have;
}

bool checkAccessModes(const api::PersistentVolumeClaim& claim, const api::PersistentVolume& pv) {
    const std::set<std::string> offered(pv.accessModes.begin(), pv.accessModes.end());
    return std::all_of(claim.accessModes.begin(), claim.accessModes.end(),
                       [&](const std::string& m) { return offered.count(m) > 0; });
}

bool checkNodeAffinity(const api::PersistentVolume& pv, const api::Labels& nodeLabels) {
    if (!pv.nodeAffinity) return true;
    return pv.nodeAffinity->matches(nodeLabels, "");
}

bool isAvailable(const api::PersistentVolume& pv) { return pv.phase == "Available" || pv.phase.empty(); }

const api::PersistentVolume* findMatchingVolume(const api::PersistentVolumeClaim& claim, const std::string& claimClassName,
                                                const std::vector<const api::PersistentVolume*>& volumes,
                                                const api::Node* node, const std::map<std::string, bool>& excluded) {
    const api::PersistentVolume* smallest = nullptr;
    api::Quantity smallestQty;
    api::Quantity requested;
    if (auto it = claim.resources.requests.find("storage"); it != claim.resources.requests.end()) requested = it->second;

    for (const api::PersistentVolume* pv : volumes) {
        if (excluded.count(pv->metadata.name)) continue;
        const bool hasClaimRef = !pv->claimRefName.empty() || !pv->claimRefNamespace.empty();
        if (hasClaimRef && !isVolumeBoundToClaim(*pv, claim)) continue;
        api::Quantity volumeQty;
        if (auto it = pv->capacity.find("storage"); it != pv->capacity.end()) volumeQty = it->second;
        if (volumeQty < requested) continue;
        if (volumeModeMismatches(claim, *pv)) continue;
        if (pv->metadata.deletionTimestamp) continue;
        const bool nodeAffinityValid = !node || checkNodeAffinity(*pv, node->metadata.labels);
        if (isVolumeBoundToClaim(*pv, claim)) {
            // A volume pre-bound to this claim is the only candidate: it fits this node or none.
            return nodeAffinityValid ? pv : nullptr;
        }
        if (!isAvailable(*pv)) continue;
        if (claim.selector && !claim.selector->matches(pv->metadata.labels)) continue;
        if (volumeClass(*pv) != claimClassName) continue;
        if (!nodeAffinityValid) continue;
        if (node && !checkAccessModes(claim, *pv)) continue;
        if (!smallest || smallestQty > volumeQty) {
            smallest = pv;
            smallestQty = volumeQty;
        }
    }
    return smallest;
}

bool matchTopologySelectorTerms(const std::vector<api::NodeSelectorTerm>& terms, const api::Labels& labels) {
    if (terms.empty()) return true;
    for (const auto& term : terms) {
        if (term.matchExpressions.empty()) continue;  // an empty term selects nothing
        const bool all = std::all_of(term.matchExpressions.begin(), term.matchExpressions.end(), [&](const auto& r) {
            auto it = labels.find(r.key);
            return it != labels.end() && std::find(r.values.begin(), r.values.end(), it->second) != r.values.end();
        });
        if (all) return true;
    }
    return false;
}

std::vector<std::string> localVolumeNodeNames(const api::PersistentVolume& pv) {
    std::set<std::string> result;
    if (!pv.nodeAffinity) return {};
    for (const auto& term : pv.nodeAffinity->terms) {
        std::optional<std::set<std::string>> nodes;
        for (const auto& r : term.matchExpressions) {
            if (r.key != kLabelHostname || r.op != "In") continue;
            std::set<std::string> values(r.values.begin(), r.values.end());
            if (!nodes) {
                nodes = std::move(values);
            } else {
                std::set<std::string> both;
                std::set_intersection(nodes->begin(), nodes->end(), values.begin(), values.end(),
                                      std::inserter(both, both.end()));
                nodes = std::move(both);
            }
        }
        if (nodes) result.insert(nodes->begin(), nodes->end());
    }
    return {result.begin(), result.end()};
}

std::string ephemeralClaimName(const api::Pod& pod, const api::Volume& volume) {
    return pod.metadata.name + "-" + volume.name;
}

std::string volumeIsForPod(const api::Pod& pod, const api::PersistentVolumeClaim& claim) {
    bool controlled = false;
    for (const auto& ref : claim.metadata.ownerReferences)
        if (ref.controller) {
            controlled = ref.uid == pod.metadata.uid;
            break;
        }
    if (claim.metadata.namespace_ == pod.metadata.namespace_ && controlled) return {};
    return "PVC " + claim.metadata.namespace_ + "/" + claim.metadata.name + " was not created for pod " +
           pod.metadata.namespace_ + "/" + pod.metadata.name + " (pod is not owner)";
}

std::int64_t requestedStorage(const api::PersistentVolumeClaim& claim) {
    auto it = claim.resources.requests.find("storage");
    return it == claim.resources.requests.end() ? 0 : it->second.value();
}

}  // namespace ks::scheduler::plugins::volume
