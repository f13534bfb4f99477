// PersistentVolume / PersistentVolumeClaim helpers the volume plugins share: class lookup,
// claim-to-volume matching, node affinity and the API's "not found" texts.
// Mirrors k8s.io/component-helpers/storage/volume/{helpers.go,pv_helpers.go},
// k8s.io/component-helpers/storage/ephemeral/ephemeral.go and
// pkg/apis/core/v1/helper.MatchTopologySelectorTerms (Kubernetes v1.31).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/api/types.h"
#include "core/scheduler/framework/snapshot.h"

namespace ks::scheduler::plugins::volume {

inline constexpr const char* kAnnSelectedNode = "volume.kubernetes.io/selected-node";
inline constexpr const char* kAnnBindCompleted = "pv.kubernetes.io/bind-completed";
inline constexpr const char* kAnnBoundByController = "pv.kubernetes.io/bound-by-controller";
inline constexpr const char* kBetaStorageClassAnnotation = "volume.beta.kubernetes.io/storage-class";
inline constexpr const char* kIsDefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";
inline constexpr const char* kNotSupportedProvisioner = "kubernetes.io/no-provisioner";
inline constexpr const char* kLabelHostname = "kubernetes.io/hostname";

// The API server's NotFound texts, as the listers return them.
std::string pvcNotFound(const std::string& name);  // persistentvolumeclaim "x" not found
std::string pvNotFound(const std::string& name);   // persistentvolume "x" not found
std::string storageClassNotFound(const std::string& name);  // storageclass.storage.k8s.io "x" not found

// The claim's class: the beta annotation, else spec.storageClassName. A claim without either
// gets the default StorageClass (annotation storageclass.kubernetes.io/is-default-class=true,
// newest first) when it is still unbound.
// NOTE: upstream's GetPersistentVolumeClaimClass returns "" for a nil class; in a real cluster
// the DefaultStorageClass admission plugin and the PV controller's retroactive assignment (GA
// in 1.28) fill it in before the scheduler looks, which is what this stands in for.
std::string claimClass(const api::PersistentVolumeClaim& claim, const ClusterObjects& objects);
// The volume's class: the beta annotation, else spec.storageClassName.
std::string volumeClass(const api::PersistentVolume& pv);

// pv.spec.claimRef points at claim (namespace, name, and uid when the ref has one).
bool isVolumeBoundToClaim(const api::PersistentVolume& pv, const api::PersistentVolumeClaim& claim);
// The claim asks for a different volumeMode than the volume has (both default to Filesystem).
bool volumeModeMismatches(const api::PersistentVolumeClaim& claim, const api::PersistentVolume& pv);
// Every access mode of the claim is offered by the volume.
bool checkAccessModes(const api::PersistentVolumeClaim& claim, const api::PersistentVolume& pv);
// The volume's required node affinity matches a node with these labels. As upstream's
// CheckNodeAffinity, the node is only its labels: matchFields on metadata.name see "".
bool checkNodeAffinity(const api::PersistentVolume& pv, const api::Labels& nodeLabels);
// A volume nobody claims yet. NOTE: phase "" counts as Available: without a PV controller in
// the simulation a new volume's status is never filled in.
bool isAvailable(const api::PersistentVolume& pv);

// Upstream FindMatchingVolume for the scheduler (node given, delayBinding): the volume
// pre-bound to the claim if it fits the node, else the smallest Available volume of the claim's
// class that is big enough, matches the selector, volumeMode, access modes and node affinity.
// volumes must be in a stable order (ties keep the first); excluded are names already chosen.
const api::PersistentVolume* findMatchingVolume(const api::PersistentVolumeClaim& claim, const std::string& claimClassName,
                                                const std::vector<const api::PersistentVolume*>& volumes,
                                                const api::Node* node, const std::map<std::string, bool>& excluded);

// StorageClass.allowedTopologies against node labels: no terms match every node.
bool matchTopologySelectorTerms(const std::vector<api::NodeSelectorTerm>& terms, const api::Labels& labels);

// The node names a bound local volume is pinned to (upstream GetLocalPersistentVolumeNodeNames:
// kubernetes.io/hostname In values, intersected within a term, united across terms).
std::vector<std::string> localVolumeNodeNames(const api::PersistentVolume& pv);

// Generic ephemeral volumes: the claim's name and its ownership check.
std::string ephemeralClaimName(const api::Pod& pod, const api::Volume& volume);
// "" when the pod controls the claim, else upstream's error text.
std::string volumeIsForPod(const api::Pod& pod, const api::PersistentVolumeClaim& claim);

// The storage request of a claim, in bytes (0 when absent).
std::int64_t requestedStorage(const api::PersistentVolumeClaim& claim);

}  // namespace ks::scheduler::plugins::volume
