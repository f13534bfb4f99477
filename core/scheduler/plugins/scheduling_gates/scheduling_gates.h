// SchedulingGates: keeps a pod out of the active queue while spec.schedulingGates is not empty.
// Mirrors pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go (v1.31).
#pragma once

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class SchedulingGates : public PreEnqueuePlugin {
public:
    std::string name() const override { return "SchedulingGates"; }
    // UnschedulableAndUnresolvable "waiting for scheduling gates: [a b]" while gated.
    Status preEnqueue(const api::Pod& pod) override;
};

std::unique_ptr<Plugin> newSchedulingGates(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
