// The volume binder behind the VolumeBinding plugin: sorts a pod's claims into bound, unbound
// immediate and unbound delayed ones, finds volumes (or dynamic provisioning) for a node,
// assumes the chosen bindings in its assume cache and writes them to the API.
// Mirrors pkg/scheduler/framework/plugins/volumebinding/{binder.go,assume_cache.go} (v1.31).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/api/types.h"
#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

// A claim and the volume chosen for it (upstream BindingInfo).
struct BindingInfo {
    api::PersistentVolume pv;
    api::PersistentVolumeClaim pvc;
};

// What a node needs for the pod's unbound claims (upstream PodVolumes).
struct PodVolumes {
    std::vector<BindingInfo> staticBindings;
    std::vector<api::PersistentVolumeClaim> dynamicProvisions;
};

// The pod's claims sorted as upstream's PodVolumeClaims.
struct PodVolumeClaims {
    std::vector<api::PersistentVolumeClaim> boundClaims, unboundClaimsDelayBinding, unboundClaimsImmediate;
    // Volumes of the classes of the delayed claims, by class name.
    std::map<std::string, std::vector<api::PersistentVolume>> unboundVolumesDelayBinding;
};

class VolumeBinder {
public:
    static constexpr const char* kErrReasonBindConflict = "node(s) didn't find available persistent volumes to bind";
    static constexpr const char* kErrReasonNodeConflict = "node(s) had volume node affinity conflict";
    static constexpr const char* kErrReasonNotEnoughSpace = "node(s) did not have enough free storage";
    static constexpr const char* kErrReasonPVNotExist =
        "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";

    explicit VolumeBinder(Handle& handle) : m_handle(handle) {}

    // The PV / PVC as the binder sees them: an assumed copy while the informer has not caught
    // up (upstream AssumeCache.Get), else the snapshot's.
    std::optional<api::PersistentVolume> getPV(const std::string& name) const;
    std::optional<api::PersistentVolumeClaim> getPVC(const std::string& ns, const std::string& name) const;
    // Every volume of a class, by name (upstream pvCache.ListPVs; sorted for determinism).
    std::vector<api::PersistentVolume> listPVs(const std::string& className) const;
    std::string claimClass(const api::PersistentVolumeClaim& claim) const;

    // Upstream isPVCFullyBound. NOTE: status.phase Bound counts like the bind-completed
    // annotation, since both are set together by the PV controller.
    static bool isPVCFullyBound(const api::PersistentVolumeClaim& claim);

    // Upstream GetPodVolumeClaims; error text when a class lookup fails.
    bool podVolumeClaims(const api::Pod& pod, PodVolumeClaims& out, std::string& error) const;
    // Upstream GetEligibleNodes: nodes the bound local volumes pin the pod to (nullopt: any).
    std::optional<std::set<std::string>> eligibleNodes(const std::vector<api::PersistentVolumeClaim>& boundClaims) const;
    // Upstream FindPodVolumes: the conflict reasons for node (empty: it fits) and what it needs.
    Status findPodVolumes(const api::Pod& pod, const PodVolumeClaims& claims, const api::Node& node,
                          PodVolumes& podVolumes, std::vector<std::string>& reasons) const;

    // Upstream AssumePodVolumes: true when everything was bound already.
    bool assumePodVolumes(const api::Pod& pod, const std::string& nodeName, PodVolumes& podVolumes);
    void revertAssumedPodVolumes(const PodVolumes& podVolumes);
    // Upstream bindAPIUpdate: the PVs get their claimRef, claims to provision the selected-node
    // annotation. NOTE: there is no PV controller in the simulation yet, so the binder also
    // completes each static binding on the claim side (volumeName, bind-completed, phase Bound)
    // instead of waiting up to bindTimeoutSeconds for the controller to do it.
    Status bindPodVolumes(const api::Pod& pod, const PodVolumes& podVolumes);

    bool arePodVolumesBound(const api::Pod& pod) const;

private:
    bool checkBoundClaims(const std::vector<api::PersistentVolumeClaim>& claims, const api::Node& node,
                          bool& boundPVsFound) const;
    bool findMatchingVolumes(const std::vector<api::PersistentVolumeClaim>& claims, const PodVolumeClaims& podClaims,
                             const api::Node& node, std::vector<BindingInfo>& bindings,
                             std::vector<api::PersistentVolumeClaim>& unbound) const;
    Status checkVolumeProvisions(const std::vector<api::PersistentVolumeClaim>& claims, const api::Node& node,
                                 bool& satisfied, bool& sufficientStorage,
                                 std::vector<api::PersistentVolumeClaim>& provisions) const;
    // The claim a pod volume refers to ("" for volumes without one; ephemeral claims computed).
    std::string claimNameFor(const api::Pod& pod, const api::Volume& v) const;

    Handle& m_handle;
    // The assume caches: copies written in Reserve / PreBind until the snapshot catches up.
    std::map<std::string, api::PersistentVolume> m_assumedPVs;
    std::map<std::string, api::PersistentVolumeClaim> m_assumedPVCs;  // "namespace/name"
};

// The whole objects PreBind writes: the stored object (ClusterObjects keeps it when it can) with
// the binding's fields changed, else one built from the typed view.
api::Value persistentVolumeObject(const api::PersistentVolume& pv, const ClusterObjects& objects);
api::Value persistentVolumeClaimObject(const api::PersistentVolumeClaim& pvc, const ClusterObjects& objects);

}  // namespace ks::scheduler::plugins
