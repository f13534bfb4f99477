// NodeUnschedulable: filters out cordoned nodes (spec.unschedulable) unless the pod tolerates
// node.kubernetes.io/unschedulable:NoSchedule.
// Mirrors pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go (v1.31).
#pragma once

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class NodeUnschedulable : public FilterPlugin {
public:
    static constexpr const char* kErrReasonUnschedulable = "node(s) were unschedulable";
    static constexpr const char* kErrReasonUnknownCondition = "node(s) had unknown conditions";
    std::string name() const override { return "NodeUnschedulable"; }
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;
    bool nodeLocalFilter() const override { return true; }  // the pod's spec and the node alone
};

std::unique_ptr<Plugin> newNodeUnschedulable(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
