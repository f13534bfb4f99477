// Per-kind registry behaviour: scope, resource names, status subresource, generation and
// graceful deletion. Mirrors the REST strategies of k8s.io/kubernetes/pkg/registry/*/strategy.go
// (v1.31) and, for custom resources, apiextensions-apiserver's customresource strategy.
#pragma once

#include <string>

#include "core/api/value.h"

namespace ks::store {

using api::Value;

// When metadata.generation moves (each strategy's PrepareForUpdate).
enum class GenerationPolicy {
    None,                // the kind has no generation (pods and nodes in v1.31, ...)
    Spec,                // +1 when spec changes
    SpecAndAnnotations,  // Deployment: annotations are copied to ReplicaSets, so they count too
    AllButStatus,        // custom resources with a status subresource
    AllButMetadata,      // custom resources without one
};

struct KindStrategy {
    bool statusSubresource = false;    // update() keeps the old status; updateStatus() only status
    bool clearStatusOnCreate = false;  // create() drops a client-supplied status
    GenerationPolicy generation = GenerationPolicy::None;
    bool gracefulDelete = false;       // pods: CheckGracefulDelete
};

// What the registry knows about a kind.
struct ResourceInfo {
    std::string kind;       // "Deployment"
    std::string group;      // "apps"; "" for core
    std::string resource;   // "deployments"
    bool namespaced = true;
    bool builtin = false;
    bool fromCrd = false;   // described by a stored CustomResourceDefinition
    KindStrategy strategy;

    // "pods", "deployments.apps": the GroupResource in messages.
    std::string qualifiedResource() const { return group.empty() ? resource : resource + "." + group; }
    // "Pod", "Deployment.apps": the GroupKind in Invalid messages.
    std::string qualifiedKind() const { return group.empty() ? kind : kind + "." + group; }
};

// Built-in kinds come from api::findKind. Other kinds use the stored CRD when one is given
// (spec.names, spec.scope, subresources), else they are guessed: the group from apiVersion,
// the plural as meta.UnsafeGuessKindToResource, and namespaced iff hasNamespace.
ResourceInfo resolveResource(const std::string& kind, const std::string& apiVersion, const Value* crd,
                             bool hasNamespace);

// "Pod" -> "pods", "Policy" -> "policies", "Ingress" -> "ingresses" (UnsafeGuessKindToResource).
std::string guessResource(const std::string& kind);

// PrepareForCreate: status reset (pods get phase Pending, qosClass and the SchedulingGated
// condition; namespaces phase Active and the kubernetes finalizer), generation 1, and the pod
// affinity matchLabelKeys merge. now is RFC 3339 text for condition times.
void prepareForCreate(const ResourceInfo& info, Value& object, bool keepStatus, const std::string& now);
// PrepareForUpdate: keeps the old status when the kind has a status subresource and bumps the
// generation by the kind's policy.
void prepareForUpdate(const ResourceInfo& info, Value& object, const Value& old);
// The status strategy's PrepareForUpdate: the old object with the new status (and, for pods,
// the new labels and annotations); spec changes are dropped.
Value prepareForStatusUpdate(const ResourceInfo& info, const Value& object, const Value& old);

// pkg/apis/core/helper/qos.GetPodQOS (v1.31): Guaranteed, Burstable or BestEffort.
std::string podQosClass(const Value& pod);

// podutil.UpdatePodCondition: sets the condition of that type; lastTransitionTime moves only
// when status changes. Returns whether anything changed.
bool updatePodCondition(Value& pod, const std::string& type, const std::string& status, const std::string& reason,
                        const std::string& message, const std::string& now);

}  // namespace ks::store
