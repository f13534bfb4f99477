// TaintToleration: Filter rejects nodes with an untolerated NoSchedule/NoExecute taint; Score
// counts the untolerated PreferNoSchedule taints, normalized in reverse (fewer is better).
// Mirrors pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (v1.31).
#pragma once

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class TaintToleration : public FilterPlugin, public PreScorePlugin, public ScorePlugin {
public:
    static constexpr const char* kStateKey = "PreScoreTaintToleration";
    std::string name() const override { return "TaintToleration"; }
    // UnschedulableAndUnresolvable "node(s) had untolerated taint {key: value}" for the first
    // untolerated NoSchedule/NoExecute taint in the node's order.
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;
    bool nodeLocalFilter() const override { return true; }  // the pod's spec and the node alone
    Status preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes) override;
    Status score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) override;
    Status scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                      std::vector<NodeScore>& scores) override;
    bool hasNormalizeScore() const override { return true; }
    bool normalizeScoreReadsNames() const override { return false; }
    Status normalizeScore(CycleState& state, const PodInfo& pod, std::vector<NodeScore>& scores) override;

private:
    // Rejections by the taint's (key, value): nodes with the same taint share one Status.
    struct Rejection {
        std::string key, value;
        Status status;
    };
    std::vector<Rejection> m_rejections;
};

// The first taint (with effect NoSchedule or NoExecute) that no toleration tolerates.
const api::Taint* findUntoleratedTaint(const std::vector<api::Taint>& taints,
                                       const std::vector<api::Toleration>& tolerations);

std::unique_ptr<Plugin> newTaintToleration(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
