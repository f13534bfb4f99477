// NodePorts: the pod's host ports must be free on the node.
// Mirrors pkg/scheduler/framework/plugins/nodeports/node_ports.go (v1.31): PreFilter collects the
// containers' ports with a hostPort (Skip when none), Filter checks them against the node's
// used (ip, protocol, port) triples; 0.0.0.0 conflicts with every ip.
#pragma once

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class NodePorts : public PreFilterPlugin, public FilterPlugin {
public:
    static constexpr const char* kErrReason = "node(s) didn't have free ports for the requested pod ports";
    static constexpr const char* kStateKey = "PreFilterNodePorts";
    std::string name() const override { return "NodePorts"; }
    Status preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) override;
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;
    bool nodeLocalFilter() const override { return true; }  // the pod's spec and the node alone
};

// The containers' ports that ask for a host port (upstream getContainerPorts).
std::vector<api::ContainerPort> hostPorts(const api::Pod& pod);
// True when none of ports conflicts with what the node already uses (upstream fitsPorts).
bool fitsPorts(const std::vector<api::ContainerPort>& ports, const NodeInfo& node);

std::unique_ptr<Plugin> newNodePorts(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
