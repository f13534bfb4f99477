// The volume binder (volumebinding/binder.go and assume_cache.go, v1.31).
#include "core/scheduler/plugins/volume_binding/binder.h"

#include <algorithm>

#include "core/scheduler/plugins/volume_binding/pv_helpers.h"

namespace ks::scheduler::plugins {

namespace v = volume;

namespace {

std::string claimKey(const api::PersistentVolumeClaim& c) { return c.metadata.namespace_ + "/" + c.metadata.name; }

}  // namespace

// ---- assume cache ----

std::optional<api::PersistentVolume> VolumeBinder::getPV(const std::string& name) const {
    const auto& pvs = m_handle.snapshot().objects().persistentVolumes;
    auto stored = pvs.find(name);
    auto assumed = m_assumedPVs.find(name);
    // The informer's copy wins once it is newer than what was assumed.
    if (assumed != m_assumedPVs.end() &&
        (stored == pvs.end() || stored->second.metadata.resourceVersion <= assumed->second.metadata.resourceVersion))
        return assumed->second;
    if (stored == pvs.end()) return std::nullopt;
    return stored->second;
}

std::optional<api::PersistentVolumeClaim> VolumeBinder::getPVC(const std::string& ns, const std::string& name) const {
    const std::string key = ns + "/" + name;
    const auto& pvcs = m_handle.snapshot().objects().persistentVolumeClaims;
    auto stored = pvcs.find(key);
    auto assumed = m_assumedPVCs.find(key);
    if (assumed != m_assumedPVCs.end() &&
        (stored == pvcs.end() || stored->second.metadata.resourceVersion <= assumed->second.metadata.resourceVersion))
        return assumed->second;
    if (stored == pvcs.end()) return std::nullopt;
    return stored->second;
}

std::vector<api::PersistentVolume> VolumeBinder::listPVs(const std::string& className) const {
    std::vector<api::PersistentVolume> out;
    for (const auto& [name, _] : m_handle.snapshot().objects().persistentVolumes)
        if (auto pv = getPV(name); pv && v::volumeClass(*pv) == className) out.push_back(*pv);
    for (const auto& [name, pv] : m_assumedPVs)
        if (!m_handle.snapshot().objects().persistentVolumes.count(name) && v::volumeClass(pv) == className)
            out.push_back(pv);
    return out;
}

std::string VolumeBinder::claimClass(const api::PersistentVolumeClaim& claim) const {
    return v::claimClass(claim, m_handle.snapshot().objects());
}

bool VolumeBinder::isPVCFullyBound(const api::PersistentVolumeClaim& claim) {
    if (claim.volumeName.empty()) return false;
    return claim.metadata.annotations.count(v::kAnnBindCompleted) > 0 || claim.phase == "Bound";
}

// ---- claims of a pod ----

std::string VolumeBinder::claimNameFor(const api::Pod& pod, const api::Volume& vol) const {
    if (vol.source == api::Volume::Source::PersistentVolumeClaim) return vol.claimName;
    if (vol.source == api::Volume::Source::Ephemeral) return v::ephemeralClaimName(pod, vol);
    return {};
}

bool VolumeBinder::podVolumeClaims(const api::Pod& pod, PodVolumeClaims& out, std::string& error) const {
    out = PodVolumeClaims{};
    const ClusterObjects& objects = m_handle.snapshot().objects();
    for (const auto& vol : pod.spec.volumes) {
        const std::string name = claimNameFor(pod, vol);
        if (name.empty()) continue;
        auto pvc = getPVC(pod.metadata.namespace_, name);
        if (!pvc) {
            error = "error getting PVC \"" + pod.metadata.namespace_ + "/" + name + "\": " + v::pvcNotFound(name);
            return false;
        }
        if (isPVCFullyBound(*pvc)) {
            out.boundClaims.push_back(*pvc);
            continue;
        }
        // IsDelayBindingMode: a claim without a class, or whose class is missing, binds
        // immediately; a class without volumeBindingMode cannot happen here (decoding defaults it).
        bool delay = false;
        const std::string className = claimClass(*pvc);
        if (!className.empty())
            if (auto it = objects.storageClasses.find(className); it != objects.storageClasses.end())
                delay = it->second.volumeBindingMode == "WaitForFirstConsumer";
        // Pre-bound claims (volumeName set by the user) are treated as unbound immediate ones.
        if (delay && pvc->volumeName.empty()) out.unboundClaimsDelayBinding.push_back(*pvc);
        else out.unboundClaimsImmediate.push_back(*pvc);
    }
    for (const auto& pvc : out.unboundClaimsDelayBinding) {
        const std::string className = claimClass(pvc);
        out.unboundVolumesDelayBinding[className] = listPVs(className);
    }
    return true;
}

std::optional<std::set<std::string>> VolumeBinder::eligibleNodes(
    const std::vector<api::PersistentVolumeClaim>& boundClaims) const {
    std::optional<std::set<std::string>> eligible;
    for (const auto& pvc : boundClaims) {
        auto pv = getPV(pvc.volumeName);
        if (!pv) return std::nullopt;  // upstream gives up narrowing on any lookup error
        const auto names = v::localVolumeNodeNames(*pv);
        if (names.empty()) continue;
        std::set<std::string> these(names.begin(), names.end());
        if (!eligible) {
            eligible = std::move(these);
        } else {
            std::set<std::string> both;
            for (const auto& n : *eligible)
                if (these.count(n)) both.insert(n);
            eligible = std::move(both);
        }
    }
    return eligible;
}

// ---- FindPodVolumes ----

bool VolumeBinder::checkBoundClaims(const std::vector<api::PersistentVolumeClaim>& claims, const api::Node& node,
                                    bool& boundPVsFound) const {
    boundPVsFound = true;
    for (const auto& pvc : claims) {
        auto pv = getPV(pvc.volumeName);
        if (!pv) {
            boundPVsFound = false;
            return true;
        }
        if (!v::checkNodeAffinity(*pv, node.metadata.labels)) return false;
    }
    return true;
}

bool VolumeBinder::findMatchingVolumes(const std::vector<api::PersistentVolumeClaim>& claims,
                                       const PodVolumeClaims& podClaims, const api::Node& node,
                                       std::vector<BindingInfo>& bindings,
                                       std::vector<api::PersistentVolumeClaim>& unbound) const {
    // Smallest requests first, so each claim gets the smallest volume that fits.
    std::vector<api::PersistentVolumeClaim> sorted = claims;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        auto qa = a.resources.requests.find("storage"), qb = b.resources.requests.find("storage");
        const api::Quantity za = qa == a.resources.requests.end() ? api::Quantity{} : qa->second;
        const api::Quantity zb = qb == b.resources.requests.end() ? api::Quantity{} : qb->second;
        return za < zb;
    });
    std::map<std::string, bool> chosen;
    bool foundMatches = true;
    for (const auto& pvc : sorted) {
        const std::string className = claimClass(pvc);
        std::vector<const api::PersistentVolume*> volumes;
        if (auto it = podClaims.unboundVolumesDelayBinding.find(className); it != podClaims.unboundVolumesDelayBinding.end())
            for (const auto& pv : it->second) volumes.push_back(&pv);
        const api::PersistentVolume* pv = v::findMatchingVolume(pvc, className, volumes, &node, chosen);
        if (!pv) {
            unbound.push_back(pvc);
            foundMatches = false;
            continue;
        }
        chosen[pv->metadata.name] = true;
        bindings.push_back({*pv, pvc});
    }
    return foundMatches;
}

Status VolumeBinder::checkVolumeProvisions(const std::vector<api::PersistentVolumeClaim>& claims, const api::Node& node,
                                           bool& satisfied, bool& sufficientStorage,
                                           std::vector<api::PersistentVolumeClaim>& provisions) const {
    const ClusterObjects& objects = m_handle.snapshot().objects();
    provisions.clear();
    for (const auto& claim : claims) {
        const std::string className = claimClass(claim);
        if (className.empty()) return Status::error("no class for claim \"" + claimKey(claim) + "\"");
        auto it = objects.storageClasses.find(className);
        if (it == objects.storageClasses.end())
            return Status::error("failed to find storage class \"" + className + "\"");
        const api::StorageClass& sc = it->second;
        if (sc.provisioner.empty() || sc.provisioner == v::kNotSupportedProvisioner) {
            satisfied = false;
            sufficientStorage = true;
            provisions.clear();
            return Status::success();
        }
        if (!v::matchTopologySelectorTerms(sc.allowedTopologies, node.metadata.labels)) {
            satisfied = false;
            sufficientStorage = true;
            provisions.clear();
            return Status::success();
        }
        // NOTE: storage capacity tracking (CSIStorageCapacity) is not simulated: capacity is
        // always sufficient, as upstream decides for drivers that do not publish capacity.
        provisions.push_back(claim);
    }
    satisfied = true;
    sufficientStorage = true;
    return Status::success();
}

Status VolumeBinder::findPodVolumes(const api::Pod&, const PodVolumeClaims& claims, const api::Node& node,
                                    PodVolumes& podVolumes, std::vector<std::string>& reasons) const {
    podVolumes = PodVolumes{};
    reasons.clear();
    bool unboundVolumesSatisfied = true, boundVolumesSatisfied = true, sufficientStorage = true, boundPVsFound = true;
    auto finish = [&] {
        if (!boundVolumesSatisfied) reasons.push_back(kErrReasonNodeConflict);
        if (!unboundVolumesSatisfied) reasons.push_back(kErrReasonBindConflict);
        if (!sufficientStorage) reasons.push_back(kErrReasonNotEnoughSpace);
        if (!boundPVsFound) reasons.push_back(kErrReasonPVNotExist);
        return Status::success();
    };

    if (!claims.boundClaims.empty()) boundVolumesSatisfied = checkBoundClaims(claims.boundClaims, node, boundPVsFound);

    if (!claims.unboundClaimsDelayBinding.empty()) {
        std::vector<api::PersistentVolumeClaim> toMatch, toProvision;
        for (const auto& claim : claims.unboundClaimsDelayBinding) {
            auto it = claim.metadata.annotations.find(v::kAnnSelectedNode);
            if (it == claim.metadata.annotations.end()) {
                toMatch.push_back(claim);
            } else if (it->second != node.metadata.name) {
                // Provisioning was already started for another node.
                unboundVolumesSatisfied = false;
                return finish();
            } else {
                toProvision.push_back(claim);
            }
        }
        if (!toMatch.empty()) {
            std::vector<api::PersistentVolumeClaim> unbound;
            unboundVolumesSatisfied = findMatchingVolumes(toMatch, claims, node, podVolumes.staticBindings, unbound);
            toProvision.insert(toProvision.end(), unbound.begin(), unbound.end());
        }
        if (!toProvision.empty()) {
            Status s = checkVolumeProvisions(toProvision, node, unboundVolumesSatisfied, sufficientStorage,
                                             podVolumes.dynamicProvisions);
            if (!s.isSuccess()) {
                podVolumes = PodVolumes{};
                return s;
            }
        }
    }
    return finish();
}

// ---- Reserve / Unreserve / PreBind ----

bool VolumeBinder::arePodVolumesBound(const api::Pod& pod) const {
    for (const auto& vol : pod.spec.volumes) {
        const std::string name = claimNameFor(pod, vol);
        if (name.empty()) continue;
        auto pvc = getPVC(pod.metadata.namespace_, name);
        if (!pvc || !isPVCFullyBound(*pvc)) return false;
    }
    return true;
}

bool VolumeBinder::assumePodVolumes(const api::Pod& pod, const std::string& nodeName, PodVolumes& podVolumes) {
    if (arePodVolumesBound(pod)) return true;
    for (auto& binding : podVolumes.staticBindings) {
        // GetBindVolumeToClaim: claimRef to the claim; bound-by-controller unless pre-bound.
        api::PersistentVolume pv = binding.pv;
        bool dirty = false;
        const bool preBound = v::isVolumeBoundToClaim(pv, binding.pvc);
        if (pv.claimRefName != binding.pvc.metadata.name || pv.claimRefNamespace != binding.pvc.metadata.namespace_ ||
            pv.claimRefUid != binding.pvc.metadata.uid) {
            pv.claimRefName = binding.pvc.metadata.name;
            pv.claimRefNamespace = binding.pvc.metadata.namespace_;
            pv.claimRefUid = binding.pvc.metadata.uid;
            dirty = true;
        }
        if (!preBound && !pv.metadata.annotations.count(v::kAnnBoundByController)) {
            pv.metadata.annotations[v::kAnnBoundByController] = "yes";
            dirty = true;
        }
        if (dirty) m_assumedPVs[pv.metadata.name] = pv;
        binding.pv = std::move(pv);
    }
    for (auto& claim : podVolumes.dynamicProvisions) {
        claim.metadata.annotations[v::kAnnSelectedNode] = nodeName;
        m_assumedPVCs[claimKey(claim)] = claim;
    }
    return false;
}

void VolumeBinder::revertAssumedPodVolumes(const PodVolumes& podVolumes) {
    for (const auto& b : podVolumes.staticBindings) m_assumedPVs.erase(b.pv.metadata.name);
    for (const auto& c : podVolumes.dynamicProvisions) m_assumedPVCs.erase(claimKey(c));
}

Status VolumeBinder::bindPodVolumes(const api::Pod&, const PodVolumes& podVolumes) {
    const ClusterObjects& objects = m_handle.snapshot().objects();
    for (std::size_t i = 0; i < podVolumes.staticBindings.size(); ++i) {
        const auto& b = podVolumes.staticBindings[i];
        Status s = m_handle.updateObject(persistentVolumeObject(b.pv, objects));
        if (!s.isSuccess()) {
            // Only the bindings not written yet are reverted, as upstream's bindAPIUpdate.
            for (std::size_t j = i; j < podVolumes.staticBindings.size(); ++j)
                m_assumedPVs.erase(podVolumes.staticBindings[j].pv.metadata.name);
            for (const auto& c : podVolumes.dynamicProvisions) m_assumedPVCs.erase(claimKey(c));
            return s;
        }
        // The PV controller's half of the binding, done here while the simulation has none.
        api::PersistentVolumeClaim claim = b.pvc;
        claim.volumeName = b.pv.metadata.name;
        claim.metadata.annotations[v::kAnnBindCompleted] = "yes";
        if (!v::isVolumeBoundToClaim(b.pv, b.pvc) || b.pv.metadata.annotations.count(v::kAnnBoundByController))
            claim.metadata.annotations[v::kAnnBoundByController] = "yes";
        claim.phase = "Bound";
        if (Status cs = m_handle.updateObject(persistentVolumeClaimObject(claim, objects)); !cs.isSuccess()) return cs;
        m_assumedPVCs[claimKey(claim)] = claim;
    }
    for (std::size_t i = 0; i < podVolumes.dynamicProvisions.size(); ++i) {
        Status s = m_handle.updateObject(persistentVolumeClaimObject(podVolumes.dynamicProvisions[i], objects));
        if (!s.isSuccess()) {
            for (std::size_t j = i; j < podVolumes.dynamicProvisions.size(); ++j)
                m_assumedPVCs.erase(claimKey(podVolumes.dynamicProvisions[j]));
            return s;
        }
    }
    return Status::success();
}

}  // namespace ks::scheduler::plugins
