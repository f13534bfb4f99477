// What-if: one scheduling cycle for a pod against the cluster in the store, with some objects
// replaced by drafts, written nowhere. The Inspector shows it while the user edits a pod's
// tolerations or affinity or a node's labels and taints, before anything is applied.
//
// The cycle is the one kube-scheduler v1.31 runs (pkg/scheduler/schedule_one.go via Scheduler):
// a fresh Scheduler is built from the store the way KubeScheduler fills its cache (nodes, the
// pods bound to them, the listed objects plugins read), with recording on, and the pod is the
// only one in its queue. Binding and preemption only touch that Scheduler's own snapshot.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/api/value.h"
#include "core/scheduler/config/types.h"
#include "core/scheduler/framework/cycle_record.h"

namespace ks::store {
class ApiStore;
}

namespace ks::scheduler {

struct WhatIfRequest {
    // The pod as it would be created: a draft or the stored object. spec.nodeName and status
    // are ignored (the pod is placed again, as after `kubectl replace --force`); the stored pod
    // of the same namespace/name is left out of the cluster so it does not count twice.
    api::Value pod;
    // Nodes replacing the stored node of the same name (or added when there is none).
    std::vector<api::Value> nodeDrafts;
    std::int64_t now = 0;   // virtual ms the cycle runs at
    std::uint64_t seed = 1; // ties between equal scores
};

struct WhatIfResult {
    bool ok = false;
    std::string error;  // the configuration does not build, or no profile schedules the pod
    CycleRecord record;
};

WhatIfResult runWhatIf(const store::ApiStore& store, const config::KubeSchedulerConfiguration& config,
                       const WhatIfRequest& request);

}  // namespace ks::scheduler
