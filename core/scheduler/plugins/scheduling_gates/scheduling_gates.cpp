#include "core/scheduler/plugins/scheduling_gates/scheduling_gates.h"

namespace ks::scheduler::plugins {

Status SchedulingGates::preEnqueue(const api::Pod& pod) {
    if (pod.spec.schedulingGates.empty()) return {};
    std::string gates = "[";
    for (std::size_t i = 0; i < pod.spec.schedulingGates.size(); ++i) {
        if (i) gates += ' ';
        gates += pod.spec.schedulingGates[i].name;
    }
    return Status::unresolvable("waiting for scheduling gates: " + gates + "]");
}

std::unique_ptr<Plugin> newSchedulingGates(const api::Value*, Handle&, std::string&) {
    return std::make_unique<SchedulingGates>();
}

}  // namespace ks::scheduler::plugins
