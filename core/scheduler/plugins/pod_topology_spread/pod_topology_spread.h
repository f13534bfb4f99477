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
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/api/types.h"
#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"
#include "core/scheduler/plugins/helper/compiled_node_selector.h"
#include "core/scheduler/plugins/helper/compiled_selector.h"
#include "core/scheduler/plugins/helper/node_label_values.h"

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

    // Converts the final selector once, for the per-pod matching of a cycle.
    void compile() {
        fast = nothing ? helper::CompiledSelector() : helper::CompiledSelector(selector);
        cacheKey = nothing ? std::string("\x01nothing") : selector.toString();
        compiled = true;
    }
    bool matches(const api::Labels& labels) const {
        return compiled ? fast.matches(labels) : (!nothing && selector.matches(labels));
    }
    bool empty() const { return !nothing && selector.empty(); }

    bool compiled = false;
    helper::CompiledSelector fast;
    std::string cacheKey;  // equal for selectors that match the same pods
};

namespace spread {

// Matching pods per topology value, in the order the values were first seen (node order, which
// also fixes the order upstream's Go map iteration leaves open).
// NOTE: keys view label strings that outlive a cycle's state: the plugin's NodeLabelIndex
// values (never dropped) or the snapshot's nodes.
class DomainCounts {
public:
    std::int64_t* find(std::string_view value) {
        auto it = m_index.find(value);
        return it == m_index.end() ? nullptr : &m_entries[it->second].second;
    }
    const std::int64_t* find(std::string_view value) const {
        auto it = m_index.find(value);
        return it == m_index.end() ? nullptr : &m_entries[it->second].second;
    }
    // The count of value, inserted as 0 when new.
    std::int64_t& operator[](std::string_view value) {
        auto [it, inserted] = m_index.emplace(value, m_entries.size());
        if (inserted) {
            m_entries.emplace_back(value, 0);
            forgetAbsent();
        }
        return m_entries[it->second].second;
    }
    // The same by the value's number in the constraint's NodeLabelValues (value is that
    // number's string): after the first time, an array index instead of hashing the string.
    std::int64_t& at(std::int32_t id, std::string_view value) {
        if (known(id)) return m_entries[static_cast<std::size_t>(m_byId[static_cast<std::size_t>(id)])].second;
        std::int64_t& count = (*this)[value];
        remember(id, static_cast<std::int32_t>(m_index.find(value)->second));
        return count;
    }
    std::int64_t* find(std::int32_t id, std::string_view value) {
        if (known(id)) return &m_entries[static_cast<std::size_t>(m_byId[static_cast<std::size_t>(id)])].second;
        return findSlow(id, value);
    }
    // The same with the value looked up in values only when the number is new here.
    std::int64_t* find(std::int32_t id, const helper::NodeLabelValues& values) {
        if (known(id)) return &m_entries[static_cast<std::size_t>(m_byId[static_cast<std::size_t>(id)])].second;
        return findSlow(id, values.valueOf(id));
    }
    std::size_t size() const { return m_entries.size(); }
    const std::vector<std::pair<std::string_view, std::int64_t>>& entries() const { return m_entries; }

private:
    std::int64_t* findSlow(std::int32_t id, std::string_view value) {
        if (id >= 0 && static_cast<std::size_t>(id) < m_byId.size() && m_byId[static_cast<std::size_t>(id)] == kAbsent)
            return nullptr;
        auto it = m_index.find(value);
        remember(id, it == m_index.end() ? kAbsent : static_cast<std::int32_t>(it->second));
        return it == m_index.end() ? nullptr : &m_entries[it->second].second;
    }

    static constexpr std::int32_t kUnknown = -1, kAbsent = -2;
    bool known(std::int32_t id) const {
        return id >= 0 && static_cast<std::size_t>(id) < m_byId.size() && m_byId[static_cast<std::size_t>(id)] >= 0;
    }
    void remember(std::int32_t id, std::int32_t entry) {
        if (id < 0) return;
        if (static_cast<std::size_t>(id) >= m_byId.size()) m_byId.resize(static_cast<std::size_t>(id) + 1, kUnknown);
        m_byId[static_cast<std::size_t>(id)] = entry;
        m_hasAbsent = m_hasAbsent || entry == kAbsent;
    }
    // A value added by its string may be one remembered as absent.
    void forgetAbsent() {
        if (!m_hasAbsent) return;
        for (auto& e : m_byId)
            if (e == kAbsent) e = kUnknown;
        m_hasAbsent = false;
    }

    std::vector<std::pair<std::string_view, std::int64_t>> m_entries;
    std::unordered_map<std::string_view, std::size_t> m_index;
    std::vector<std::int32_t> m_byId;  // value number -> entry, kUnknown or kAbsent
    bool m_hasAbsent = false;
};

// Pods on the node in namespace ns, not terminating, whose labels the selector matches.
int countPodsMatchSelector(const NodeInfo& node, const SpreadSelector& selector, const std::string& ns);

// countPodsMatchSelector memoized per node state. A NodeInfo's generation changes with every
// pod added to or removed from it and is unique across NodeInfos (clones share it with their
// identical source), so a count stays right for its generation. Between two cycles most nodes
// do not change: this spares reading every pod of the cluster in every cycle.
class MatchCounts {
public:
    // Counts by node slot (the node's index in the snapshot, stable between cycles); a slot
    // whose generation differs is counted again, so a reordered snapshot only costs recounts.
    class Table {
    public:
        int count(std::size_t slot, const NodeInfo& node, const SpreadSelector& selector, const std::string& ns);

    private:
        std::vector<std::pair<std::int64_t, int>> m_slots;  // (generation, count); generation 0: none
    };
    // The table for selector in namespace ns, created when new. The 128 most recently used are
    // kept: a workload cycles through its groups of pods.
    std::shared_ptr<Table> table(const SpreadSelector& selector, const std::string& ns);

private:
    struct Entry {
        std::string key;
        std::shared_ptr<Table> table;
        std::uint64_t lastUse = 0;
    };
    std::vector<Entry> m_entries;
    std::uint64_t m_clock = 0;
};

}  // namespace spread

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
    Status scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                      std::vector<NodeScore>& scores) override;
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
    spread::MatchCounts m_matchCounts;
    // Each topology key's value per node slot (node labels are immutable for a given Node
    // object, and looking them up in each node's label map for every node of every cycle is a
    // large part of this plugin's cost).
    helper::NodeLabelIndex m_labels;
    StateCache m_preFilterState;
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
// The same with the pod's required node affinity parsed once (for loops over every node).
bool matchNodeInclusionPolicies(const SpreadConstraint& c, const api::Pod& pod, const api::Node& node,
                                const helper::CompiledRequiredNodeAffinity& required);
// nodeSelector and required node affinity of pod (upstream nodeaffinity.GetRequiredNodeAffinity).
bool matchesRequiredNodeAffinity(const api::Pod& pod, const api::Node& node);

}  // namespace spread

}  // namespace ks::scheduler::plugins
