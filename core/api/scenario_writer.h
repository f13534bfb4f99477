// Scenarios written back to disk: which objects and fields a saved scenario keeps, and the
// cleanup that turns a snapshot of a real cluster (`kubectl get nodes,pods,pv,pvc,
// storageclasses,priorityclasses -A -o yaml`) into a scenario.
//
// What re-opening a saved scenario reproduces: the objects a user could have written (nodes,
// pods, classes, volumes, workloads, unknown kinds...) with the state the scheduler works from.
//  - Dropped: runtime records (Events, Leases) and the fields the API server sets on create or
//    update (metav1.ObjectMeta: uid, resourceVersion, generation, creationTimestamp,
//    deletionTimestamp, deletionGracePeriodSeconds, managedFields, selfLink), kubectl's
//    last-applied-configuration annotation, owner references and a volume's claimRef uid (a
//    re-created object gets a new uid, so they would dangle), and the protection finalizers
//    that admission adds to volumes (kubernetes.io/pvc-protection, kubernetes.io/pv-protection;
//    without their controller a deleted volume would never go).
//  - Kept: spec as stored (defaults included, so the objects re-open identical), a bound pod's
//    spec.nodeName and status (it stays where it runs), the status of nodes (capacity,
//    allocatable, conditions, images), persistent volumes and claims (their binding phase).
//    Other status is what the API server writes on create (a pending pod's phase and qosClass,
//    a namespace's phase) or what controllers own, and is dropped.
// Objects are ordered so that what others refer to comes first (namespaces, classes, volumes,
// nodes, then workloads and pods), in creation order within a kind (creationTimestamp, then
// the line the object was read from) so that pending pods queue again as they did.
//
// Mirrors k8s.io/apiserver/pkg/registry/rest/create.go (BeforeCreate: the fields a create
// sets or clears) and staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (ObjectMeta).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/api/value.h"

namespace ks::api {

// True for kinds that record what happened rather than what the user wants (Event, Lease).
bool isRuntimeKind(const std::string& apiVersion, const std::string& kind);

// The object as a saved scenario keeps it; nullopt for runtime kinds.
std::optional<Value> scenarioObject(const Value& object);

// Cleans every object (dropping runtime kinds) and orders them for re-opening.
std::vector<Value> scenarioObjects(const std::vector<Value>& objects);

// Multi-document YAML for the objects, after an optional comment header (one "# " line each).
std::string writeScenario(const std::vector<Value>& objects, const std::vector<std::string>& header = {});

// A snapshot of a real cluster turned into scenario objects. Reads a `kind: List` (or any
// manifest stream), cleans each item as scenarioObject does and validates the result at the
// snapshot's FILE:LINE:COL. `dropped` counts the runtime objects left out.
struct SnapshotImport {
    std::vector<Value> objects;
    Diagnostics diagnostics;
    int dropped = 0;
    bool ok() const { return !hasErrors(diagnostics); }
};
SnapshotImport importSnapshot(const std::string& text, const std::string& file);

}  // namespace ks::api
