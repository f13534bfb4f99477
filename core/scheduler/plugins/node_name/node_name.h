// NodeName: a pod with spec.nodeName fits only that node.
// Mirrors pkg/scheduler/framework/plugins/nodename/node_name.go (v1.31).
#pragma once

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class NodeName : public FilterPlugin {
public:
    static constexpr const char* kErrReason = "node(s) didn't match the requested node name";
    std::string name() const override { return "NodeName"; }
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;
    bool nodeLocalFilter() const override { return true; }  // the pod's spec and the node alone
};

std::unique_ptr<Plugin> newNodeName(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
