// PodTopologySpread: spreads pods over topology domains (zones, hosts, ...) as the pod's
// topologySpreadConstraints ask, or as the default constraints do for pods without any.
// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/{plugin.go,common.go,filtering.go,
// scoring.go} and plugins/helper/spread.go of Kubernetes v1.31 (feature gates of 1.31:
// MinDomains GA, NodeInclusionPolicy and MatchLabelKeys beta and on).
// Legacy names: predicate EvenPodsSpread, priority EvenPodsSpreadPriority; the system default
// constraints replaced SelectorSpreadPriority.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/api/types.h"
#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

// The plugin's args (kubescheduler.config.k8s.io/v1 PodTopologySpreadArgs), defaulted.
struct PodTopologySpreadArgs {
    std::vector<api::TopologySpreadConstraint> defaultConstraints;
    std::string defaultingType = "System";  // "System" or "List"

    // Decodes args (null: defaults) and validates them as upstream's
    // ValidatePodTopologySpreadArgs; false with upstream's error text otherwise.
    static bool parse(const api::Value* args, PodTopologySpreadArgs& out, std::string& error);
};

// A label selector as upstream's labels.Selector: `nothing` is what a missing
// (nil) metav1.LabelSelector converts to; otherwise every requirement must hold.
struct SpreadSelector {
    bool nothing = true;
    api::LabelSelector selector;

    bool matches(const api::Labels& labels) const { return !nothing && selector.matches(labels); }
    bool empty() const { return !nothing && selector.empty(); }
};

// A constraint with its selector resolved (upstream topologySpreadConstraint).
struct SpreadConstraint {
    std::int32_t maxSkew = 1;
    std::string topologyKey;
    SpreadSelector selector;
    std::int32_t minDomains = 1;
    bool honorNodeAffinity = true;   // nodeAffinityPolicy Honor (default)
    bool honorNodeTaints = false;    // nodeTaintsPolicy Ignore (default)
};

class PodTopologySpread final : public PreFilterPlugin,
                                public FilterPlugin,
                                public PreScorePlugin,
                                public ScorePlugin {
public:
    static constexpr const char* kName = "PodTopologySpread";
    static constexpr const char* kErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
    static constexpr const char* kErrReasonNodeLabelNotMatch =
        "node(s) didn't match pod topology spread constraints (missing required label)";

    PodTopologySpread(PodTopologySpreadArgs args, Handle& handle);

    std::string name() const override { return kName; }

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

    // The constraints that apply to pod for one action ("DoNotSchedule" for Filter,
    // "ScheduleAnyway" for Score): the pod's own, or the defaults with the selector derived from
    // the Services and controllers that select it. Public for the explanation and tests.
    std::vector<SpreadConstraint> constraintsFor(const api::Pod& pod, const std::string& action) const;
    bool systemDefaulted() const { return m_systemDefaulted; }

private:
    Status updateWithPod(CycleState& state, const api::Pod& updated, const api::Pod& preemptor,
                         const api::Node* node, int delta);

    Handle& m_handle;
    std::vector<api::TopologySpreadConstraint> m_defaultConstraints;
    bool m_systemDefaulted = false;
};

// Registry factory: args is the pluginConfig args (null for the defaults).
std::unique_ptr<Plugin> newPodTopologySpread(const api::Value* args, Handle& handle, std::string& error);

namespace spread {

// Shared by filtering and scoring (upstream common.go).
constexpr const char* kLabelHostname = "kubernetes.io/hostname";
constexpr const char* kLabelTopologyZone = "topology.kubernetes.io/zone";

std::vector<SpreadConstraint> filterConstraints(const std::vector<api::TopologySpreadConstraint>& constraints,
                                                const api::Labels& podLabels, const std::string& action);
// Upstream helper.DefaultSelector, from ClusterObjects::serviceSelectors / controllerSelectors.
SpreadSelector defaultSelector(const api::Pod& pod, const ClusterObjects& objects);
// Records the selector of a Service, ReplicationController, ReplicaSet or StatefulSet object in
// objects, where defaultSelector looks for it (the listers of upstream); false for other kinds
// and for Services without a selector.
bool recordSelectorSource(ClusterObjects& objects, const api::Value& object);
bool nodeLabelsMatchConstraints(const api::Labels& nodeLabels, const std::vector<SpreadConstraint>& constraints);
// nodeAffinityPolicy / nodeTaintsPolicy: whether node counts as a domain for constraint c.
bool matchNodeInclusionPolicies(const SpreadConstraint& c, const api::Pod& pod, const api::Node& node);
// Pods on the node in namespace ns, not terminating, whose labels the selector matches.
int countPodsMatchSelector(const NodeInfo& node, const SpreadSelector& selector, const std::string& ns);
// nodeSelector and required node affinity of pod (upstream nodeaffinity.GetRequiredNodeAffinity).
bool matchesRequiredNodeAffinity(const api::Pod& pod, const api::Node& node);

}  // namespace spread

}  // namespace ks::scheduler::plugins
