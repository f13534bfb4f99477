#include "core/scheduler/plugins/node_ports/node_ports.h"

namespace ks::scheduler::plugins {

namespace {

struct NodePortsPreFilterState : StateData {
    std::vector<api::ContainerPort> ports;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<NodePortsPreFilterState>(*this); }
};

}  // namespace

std::vector<api::ContainerPort> hostPorts(const api::Pod& pod) {
    std::vector<api::ContainerPort> out;
    for (const auto& c : pod.spec.containers)
        for (const auto& p : c.ports)
            if (p.hostPort > 0) out.push_back(p);
    return out;
}

bool fitsPorts(const std::vector<api::ContainerPort>& ports, const NodeInfo& node) {
    for (const auto& p : ports)
        if (node.usedPorts().conflicts(p.hostIP, p.protocol, p.hostPort)) return false;
    return true;
}

Status NodePorts::preFilter(CycleState& state, const PodInfo& pod, PreFilterResult&) {
    auto s = std::make_unique<NodePortsPreFilterState>();
    s->ports = hostPorts(*pod.pod);
    if (s->ports.empty()) return Status::skip();
    state.write(kStateKey, std::move(s));
    return {};
}

Status NodePorts::filter(CycleState& state, const PodInfo&, const NodeInfo& node) {
    const auto* s = state.read<NodePortsPreFilterState>(kStateKey);
    if (!s) return Status::error(std::string("reading \"") + kStateKey + "\" from cycleState: not found");
    static const Status kRejected = Status::constant(Code::Unschedulable, {kErrReason});  // shared by every node
    if (!fitsPorts(s->ports, node)) return kRejected;
    return {};
}

std::unique_ptr<Plugin> newNodePorts(const api::Value*, Handle&, std::string&) { return std::make_unique<NodePorts>(); }

}  // namespace ks::scheduler::plugins
