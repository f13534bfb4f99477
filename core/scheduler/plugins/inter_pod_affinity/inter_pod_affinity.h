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
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/api/types.h"
#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"
#include "core/scheduler/plugins/helper/compiled_selector.h"
#include "core/scheduler/plugins/helper/node_label_values.h"

namespace ks::scheduler::plugins {

// kubescheduler.config.k8s.io/v1 InterPodAffinityArgs, defaulted.
struct InterPodAffinityArgs {
    std::int32_t hardPodAffinityWeight = 1;
    bool ignorePreferredTermsOfExistingPods = false;

    // Decodes args (null: defaults) and validates them as upstream's ValidateInterPodAffinityArgs.
    static bool parse(const api::Value* args, InterPodAffinityArgs& out, std::string& error);
};

// The namespace labels given to a term whose pod's namespace has none to offer (matching an
// existing pod against the incoming pod's terms, and the scoring of existing pods' terms).
inline const api::Labels kNoLabels;

// An incoming pod's term, its selectors converted once per cycle: it is matched against every
// pod of the cluster. Same result as AffinityTerm::matches.
struct CompiledAffinityTerm {
    AffinityTerm term;
    helper::CompiledSelector selector, namespaceSelector;
    std::int32_t weight = 0;  // preferred terms only

    explicit CompiledAffinityTerm(AffinityTerm t, std::int32_t w = 0);
    bool matches(const api::Pod& pod, const api::Labels& nsLabels) const;
};

namespace ipa {

// Results per node state for one key, as PodTopologySpread's MatchCounts: a NodeInfo's
// generation changes with every pod added or removed and is unique across NodeInfos, so a
// result computed for a generation stays right, and most nodes do not change between cycles.
template <typename Value>
class NodeResultCache {
public:
    // Results by node slot (the node's index in the snapshot): (generation, value).
    class Table {
    public:
        // The value for node in slot; fresh is true when it must be computed (it was reset).
        Value& get(std::size_t slot, const NodeInfo& node, bool& fresh) {
            if (slot >= m_slots.size()) m_slots.resize(slot + 1);
            auto& entry = m_slots[slot];
            fresh = entry.first != node.generation();
            if (fresh) entry = {node.generation(), Value{}};
            return entry.second;
        }

    private:
        std::vector<std::pair<std::int64_t, Value>> m_slots;  // generation 0: none
    };

    // The table for key, created when new. The 128 most recently used keys are kept: a
    // workload cycles through its groups of pods.
    std::shared_ptr<Table> table(const std::string& key) {
        ++m_clock;
        for (auto& e : m_entries)
            if (e.key == key) {
                e.lastUse = m_clock;
                return e.table;
            }
        if (m_entries.size() >= 128) {
            std::size_t oldest = 0;
            for (std::size_t i = 1; i < m_entries.size(); ++i)
                if (m_entries[i].lastUse < m_entries[oldest].lastUse) oldest = i;
            m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(oldest));
        }
        m_entries.push_back({key, std::make_shared<Table>(), m_clock});
        return m_entries.back().table;
    }

private:
    struct Entry {
        std::string key;
        std::shared_ptr<Table> table;
        std::uint64_t lastUse = 0;
    };
    std::vector<Entry> m_entries;
    std::uint64_t m_clock = 0;
};

// Per node: how many terms of the pods there with required anti-affinity match the incoming
// pod, by topology key (the plugin's values of that key).
using ExistingAntiAffinityMatches = std::vector<std::pair<helper::NodeLabelValues*, std::int64_t>>;
// Per node: pods matching all the incoming pod's required affinity terms, and pods matching
// each of its required anti-affinity terms.
struct IncomingTermMatches {
    std::int64_t affinity = 0;
    std::vector<std::int64_t> antiAffinity;
};

// Per node: what PreScore adds to the topology scores for the pods there, as
// (topology key, value, score) in the order they were first met.
using ScoreContributions = std::vector<std::tuple<std::string, std::string, std::int64_t>>;

// Keys for the caches: what existing pods' terms see of a pod (namespace, labels and the
// namespace's labels), and everything that decides which pods a term matches.
std::string podSignature(const api::Pod& pod, const api::Labels& nsLabels);
std::string termSignature(const CompiledAffinityTerm& term);

}  // namespace ipa

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
    Status scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                      std::vector<NodeScore>& scores) override;
    bool hasNormalizeScore() const override { return true; }
    bool normalizeScoreReadsNames() const override { return false; }
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
    ipa::NodeResultCache<ipa::ExistingAntiAffinityMatches> m_existingAntiAffinityCache;
    ipa::NodeResultCache<ipa::IncomingTermMatches> m_incomingTermsCache;
    ipa::NodeResultCache<ipa::ScoreContributions> m_scoreCache;
    StateCache m_preFilterState;
    // Each topology key's value per node slot, numbered: the filter's counts are arrays.
    helper::NodeLabelIndex m_labels;
};

// Registry factory: args is the pluginConfig args (null for the defaults).
std::unique_ptr<Plugin> newInterPodAffinity(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
