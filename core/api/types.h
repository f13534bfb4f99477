// Typed views of the Kubernetes objects that the simulated components read.
//
// The store keeps every object as a Value (see value.h); these structs are decoded from it
// (decode.h) for the components that need typed access: the scheduler reads Pod and Node, the
// volume binder PersistentVolume and PersistentVolumeClaim, and so on. Field names follow
// k8s.io/api/core/v1 (v1.31). Fields the simulator does not use are not modelled here; they stay
// in the Value and survive round trips.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/api/labels.h"
#include "core/api/quantity.h"

namespace ks::api {

// Virtual time in milliseconds since the simulation epoch (see sim/clock.h).
using Time = std::int64_t;

using ResourceList = std::map<std::string, Quantity>;  // "cpu", "memory", "ephemeral-storage", "pods", extended

struct OwnerReference {
    std::string apiVersion, kind, name, uid;
    bool controller = false;
    bool blockOwnerDeletion = false;
};

struct ObjectMeta {
    std::string name, generateName, namespace_, uid;
    std::uint64_t resourceVersion = 0;
    std::int64_t generation = 0;
    std::optional<Time> creationTimestamp, deletionTimestamp;
    std::optional<std::int64_t> deletionGracePeriodSeconds;
    Labels labels;
    std::map<std::string, std::string> annotations;
    std::vector<OwnerReference> ownerReferences;
    std::vector<std::string> finalizers;
};

// ---- scheduling vocabulary ----

struct Taint {
    std::string key, value;
    std::string effect;  // NoSchedule, PreferNoSchedule, NoExecute
    std::optional<Time> timeAdded;
    bool operator==(const Taint&) const = default;
};

struct Toleration {
    std::string key;
    std::string op = "Equal";  // Equal, Exists
    std::string value;
    std::string effect;        // empty = all effects
    std::optional<std::int64_t> tolerationSeconds;
    // Upstream v1.Toleration.ToleratesTaint.
    bool tolerates(const Taint& taint) const;
    bool operator==(const Toleration&) const = default;
};

struct PreferredSchedulingTerm {
    std::int32_t weight = 0;
    NodeSelectorTerm preference;
    bool operator==(const PreferredSchedulingTerm&) const = default;
};

struct NodeAffinity {
    std::optional<NodeSelector> required;  // requiredDuringSchedulingIgnoredDuringExecution
    std::vector<PreferredSchedulingTerm> preferred;
    bool operator==(const NodeAffinity&) const = default;
};

struct PodAffinityTerm {
    std::optional<LabelSelector> labelSelector;
    std::vector<std::string> namespaces;
    std::string topologyKey;
    std::optional<LabelSelector> namespaceSelector;
    std::vector<std::string> matchLabelKeys, mismatchLabelKeys;
    bool operator==(const PodAffinityTerm&) const = default;
};

struct WeightedPodAffinityTerm {
    std::int32_t weight = 0;
    PodAffinityTerm term;
    bool operator==(const WeightedPodAffinityTerm&) const = default;
};

struct PodAffinity {  // also used for podAntiAffinity
    std::vector<PodAffinityTerm> required;
    std::vector<WeightedPodAffinityTerm> preferred;
    bool operator==(const PodAffinity&) const = default;
};

struct Affinity {
    std::optional<NodeAffinity> nodeAffinity;
    std::optional<PodAffinity> podAffinity;
    std::optional<PodAffinity> podAntiAffinity;
    bool operator==(const Affinity&) const = default;
};

struct TopologySpreadConstraint {
    std::int32_t maxSkew = 1;
    std::string topologyKey;
    std::string whenUnsatisfiable;  // DoNotSchedule, ScheduleAnyway
    std::optional<LabelSelector> labelSelector;
    std::optional<std::int32_t> minDomains;
    std::string nodeAffinityPolicy;  // Honor (default), Ignore
    std::string nodeTaintsPolicy;    // Ignore (default), Honor
    std::vector<std::string> matchLabelKeys;
    bool operator==(const TopologySpreadConstraint&) const = default;
};

// ---- pods ----

struct ContainerPort {
    std::string name;
    std::int32_t containerPort = 0;
    std::int32_t hostPort = 0;
    std::string protocol = "TCP";
    std::string hostIP;
    bool operator==(const ContainerPort&) const = default;
};

struct ResourceRequirements {
    ResourceList requests, limits;
    bool operator==(const ResourceRequirements&) const = default;
};

struct Container {
    std::string name, image, imagePullPolicy;
    std::vector<ContainerPort> ports;
    ResourceRequirements resources;
    std::optional<std::string> restartPolicy;  // init containers: "Always" makes a sidecar
    bool operator==(const Container&) const = default;
};

struct Volume {
    enum class Source { Other, PersistentVolumeClaim, EmptyDir, HostPath, ConfigMap, Secret, Ephemeral, Csi };
    std::string name;
    Source source = Source::Other;
    std::string claimName;        // persistentVolumeClaim.claimName
    bool readOnly = false;
    std::string medium;           // emptyDir.medium ("" or "Memory")
    std::optional<Quantity> sizeLimit;
    std::string path;             // hostPath.path
    std::string referenceName;    // configMap.name / secret.secretName
    bool operator==(const Volume&) const = default;
};

struct PodSchedulingGate {
    std::string name;
    bool operator==(const PodSchedulingGate&) const = default;
};

struct PodSpec {
    std::vector<Container> initContainers, containers;
    std::string restartPolicy = "Always";
    std::string nodeName;
    Labels nodeSelector;
    std::optional<Affinity> affinity;
    std::vector<Toleration> tolerations;
    std::string schedulerName = "default-scheduler";
    std::string priorityClassName;
    std::optional<std::int32_t> priority;
    std::optional<std::string> preemptionPolicy;  // PreemptLowerPriority (default), Never
    std::vector<Volume> volumes;
    std::vector<TopologySpreadConstraint> topologySpreadConstraints;
    ResourceList overhead;
    std::vector<PodSchedulingGate> schedulingGates;
    std::optional<std::int64_t> terminationGracePeriodSeconds;
    bool hostNetwork = false;
    std::string serviceAccountName;
    bool operator==(const PodSpec&) const = default;
};

struct PodCondition {
    std::string type, status, reason, message;
    std::optional<Time> lastTransitionTime;
};

struct ContainerStatus {
    std::string name, image, state;  // state: waiting, running, terminated
    std::string reason;
    bool ready = false;
    std::int32_t restartCount = 0;
};

struct PodStatus {
    std::string phase;  // Pending, Running, Succeeded, Failed, Unknown
    std::vector<PodCondition> conditions;
    std::string nominatedNodeName, podIP, hostIP, reason, message;
    std::optional<Time> startTime;
    std::vector<ContainerStatus> containerStatuses, initContainerStatuses;
};

struct Pod {
    ObjectMeta metadata;
    PodSpec spec;
    PodStatus status;
};

// ---- nodes ----

struct NodeCondition {
    std::string type, status, reason, message;
    std::optional<Time> lastHeartbeatTime, lastTransitionTime;
};

struct NodeAddress {
    std::string type, address;
};

struct ContainerImage {
    std::vector<std::string> names;
    std::int64_t sizeBytes = 0;
};

struct NodeSpec {
    std::string podCIDR;
    std::vector<std::string> podCIDRs;
    std::vector<Taint> taints;
    bool unschedulable = false;
    std::string providerID;
};

struct NodeStatus {
    ResourceList capacity, allocatable;
    std::vector<NodeCondition> conditions;
    std::vector<NodeAddress> addresses;
    std::vector<ContainerImage> images;
};

struct Node {
    ObjectMeta metadata;
    NodeSpec spec;
    NodeStatus status;
};

// ---- scheduling and policy ----

struct PriorityClass {
    ObjectMeta metadata;
    std::int32_t value = 0;
    bool globalDefault = false;
    std::string preemptionPolicy = "PreemptLowerPriority";
    std::string description;
};

struct PodDisruptionBudget {
    ObjectMeta metadata;
    std::optional<LabelSelector> selector;
    std::optional<std::string> minAvailable, maxUnavailable;  // int or percentage, as written
    std::int32_t disruptionsAllowed = 0;                      // status
};

struct Namespace {
    ObjectMeta metadata;
    std::string phase = "Active";
};

// ---- storage ----

struct PersistentVolume {
    ObjectMeta metadata;
    ResourceList capacity;
    std::vector<std::string> accessModes;
    std::string reclaimPolicy = "Retain";
    std::string storageClassName;
    std::string volumeMode = "Filesystem";
    std::optional<NodeSelector> nodeAffinity;  // spec.nodeAffinity.required
    std::string claimRefNamespace, claimRefName, claimRefUid;
    std::string csiDriver, localPath, hostPath;
    std::string phase;  // Available, Bound, Released, Failed
};

struct PersistentVolumeClaim {
    ObjectMeta metadata;
    std::vector<std::string> accessModes;
    ResourceRequirements resources;
    std::optional<std::string> storageClassName;  // nullopt: default class; "": no class
    std::string volumeName;
    std::string volumeMode = "Filesystem";
    std::optional<LabelSelector> selector;
    std::string phase;  // Pending, Bound, Lost
};

struct StorageClass {
    ObjectMeta metadata;
    std::string provisioner;
    std::map<std::string, std::string> parameters;
    std::string reclaimPolicy = "Delete";
    std::string volumeBindingMode = "Immediate";  // or WaitForFirstConsumer
    bool allowVolumeExpansion = false;
    std::vector<NodeSelectorTerm> allowedTopologies;
};

struct CSIDriver {
    ObjectMeta metadata;
    bool attachRequired = true;
    bool podInfoOnMount = false;
    std::vector<std::string> volumeLifecycleModes;
};

// ---- coordination ----

struct Lease {
    ObjectMeta metadata;
    std::string holderIdentity;
    std::optional<std::int32_t> leaseDurationSeconds;
    std::optional<Time> acquireTime, renewTime;
    std::int32_t leaseTransitions = 0;
};

}  // namespace ks::api
