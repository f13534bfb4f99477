// InterPodAffinity: required and preferred pod affinity / anti-affinity of the incoming pod, and
// the existing pods' anti-affinity (and, for scoring, their affinity) towards it.
// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/{plugin.go,filtering.go,scoring.go}
// of Kubernetes v1.31.
// Legacy names: predicate MatchInterPodAffinity, priority InterPodAffinityPriority.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/api/types.h"
#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

// kubescheduler.config.k8s.io/v1 InterPodAffinityArgs, defaulted.
struct InterPodAffinityArgs {
    std::int32_t hardPodAffinityWeight = 1;
    bool ignorePreferredTermsOfExistingPods = false;

    // Decodes args (null: defaults) and validates them as upstream's ValidateInterPodAffinityArgs.
    static bool parse(const api::Value* args, InterPodAffinityArgs& out, std::string& error);
};

class InterPodAffinity final : public PreFilterPlugin,
                               public FilterPlugin,
                               public PreScorePlugin,
                               public ScorePlugin {
public:
    static constexpr const char* kName = "InterPodAffinity";
    static constexpr const char* kErrReasonExistingAntiAffinityRulesNotMatch =
        "node(s) didn't satisfy existing pods anti-affinity rules";
    static constexpr const char* kErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
    static constexpr const char* kErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

    InterPodAffinity(InterPodAffinityArgs args, Handle& handle);

    std::string name() const override { return kName; }
    const InterPodAffinityArgs& args() const { return m_args; }

    Status preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) override;
    bool hasPreFilterExtensions() const override { return true; }
    Status addPod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToAdd,
                  const NodeInfo& node) override;
    Status removePod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToRemove,
                     const NodeInfo& node) override;
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;

    Status preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes) override;
    Status score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) override;
    bool hasNormalizeScore() const override { return true; }
    Status normalizeScore(CycleState& state, const PodInfo& pod, std::vector<NodeScore>& scores) override;

    // The incoming pod's term with a non-empty namespaceSelector resolved into `namespaces`
    // against the cluster's namespaces (upstream mergeAffinityTermNamespacesIfNotEmpty): the
    // selector is then dropped, so matching needs no namespace labels. An empty selector ({})
    // is kept: it matches every namespace.
    AffinityTerm mergeTermNamespaces(const AffinityTerm& term) const;
    // The labels of namespace ns, empty when it is unknown (GetNamespaceLabelsSnapshot).
    api::Labels namespaceLabels(const std::string& ns) const;

private:
    Handle& m_handle;
    InterPodAffinityArgs m_args;
};

// Registry factory: args is the pluginConfig args (null for the defaults).
std::unique_ptr<Plugin> newInterPodAffinity(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
