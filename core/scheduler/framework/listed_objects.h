// The objects besides Pods and Nodes that kube-scheduler's plugins read through informer
// listers (PersistentVolumes, claims, classes, CSI drivers and nodes, namespaces, priority
// classes, PodDisruptionBudgets, and the Services and controllers that PodTopologySpread's
// default constraints derive selectors from). Shared by the scheduler actor, which fills
// ClusterObjects from its informers, and the CLI, which fills it from manifests.
#pragma once

#include <string>
#include <vector>

#include "core/api/value.h"
#include "core/scheduler/framework/snapshot.h"

namespace ks::scheduler {

// The kinds addListedObject() understands, in a fixed order.
const std::vector<std::string>& listedKinds();

// Adds one (defaulted) object of a listed kind; false for any other kind.
bool addListedObject(ClusterObjects& objects, const api::Value& object);

}  // namespace ks::scheduler
