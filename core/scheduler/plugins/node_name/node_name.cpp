#include "core/scheduler/plugins/node_name/node_name.h"

namespace ks::scheduler::plugins {

Status NodeName::filter(CycleState&, const PodInfo& pod, const NodeInfo& node) {
    const std::string& wanted = pod.pod->spec.nodeName;
    if (wanted.empty() || (node.node() && wanted == node.name())) return {};
    static const Status kRejected = Status::constant(Code::UnschedulableAndUnresolvable, {kErrReason});  // shared by every node
    return kRejected;
}

std::unique_ptr<Plugin> newNodeName(const api::Value*, Handle&, std::string&) { return std::make_unique<NodeName>(); }

}  // namespace ks::scheduler::plugins
