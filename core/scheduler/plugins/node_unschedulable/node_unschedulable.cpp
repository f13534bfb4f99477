#include "core/scheduler/plugins/node_unschedulable/node_unschedulable.h"

namespace ks::scheduler::plugins {

Status NodeUnschedulable::filter(CycleState&, const PodInfo& pod, const NodeInfo& node) {
    const NodeSummary& summary = node.summary();  // the node's spec without touching it
    if (!summary.hasNode) return Status::unresolvable(kErrReasonUnknownCondition);
    if (!summary.unschedulable) return {};
    static const api::Taint kUnschedulableTaint{"node.kubernetes.io/unschedulable", "", "NoSchedule", std::nullopt};
    for (const auto& t : pod.pod->spec.tolerations)
        if (t.tolerates(kUnschedulableTaint)) return {};
    static const Status kRejected = Status::constant(Code::UnschedulableAndUnresolvable, {kErrReasonUnschedulable});  // shared by every node
    return kRejected;
}

std::unique_ptr<Plugin> newNodeUnschedulable(const api::Value*, Handle&, std::string&) {
    return std::make_unique<NodeUnschedulable>();
}

}  // namespace ks::scheduler::plugins
