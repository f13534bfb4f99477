// Turning manifests into what the scheduler needs: typed nodes and pods (defaulted as the API
// server would, with the Priority admission resolving priorityClassName), and the other objects
// plugins read. Shared by `schedule` and `bench`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/api/manifest.h"
#include "core/scheduler/framework/snapshot.h"

namespace ks::cli {

struct ScheduleInput {
    std::vector<std::shared_ptr<const api::Node>> nodes;
    std::vector<std::shared_ptr<const api::Pod>> boundPods, pendingPods;  // file order
    std::shared_ptr<scheduler::ClusterObjects> objects = std::make_shared<scheduler::ClusterObjects>();
};

// Returns false (with diagnostics) when an object is refused, e.g. an unknown priorityClassName
// (upstream's admission message).
bool buildScheduleInput(const std::vector<api::LoadedObject>& objects, ScheduleInput& out, api::Diagnostics& diags);

}  // namespace ks::cli
