#include "core/scheduler/plugins/node_affinity/node_affinity.h"

#include <algorithm>
#include <set>

#include "core/api/decode.h"
#include "core/scheduler/plugins/helper/normalize_score.h"

namespace ks::scheduler::plugins {

namespace {

constexpr const char* kPreFilterKey = "PreFilterNodeAffinity";
constexpr const char* kPreScoreKey = "PreScoreNodeAffinity";

// The pod's required node affinity, parsed once per cycle (upstream
// preFilterState.requiredNodeSelectorAndAffinity). NOTE: the nodeSelector map is matched from
// the pod at each Filter call: it needs no parsing.
struct NodeAffinityPreFilterState : StateData {
    std::optional<helper::CompiledNodeSelector> requiredAffinity;  // nullopt: none
    std::unique_ptr<StateData> clone() const override { return std::make_unique<NodeAffinityPreFilterState>(*this); }
};

bool matchesNodeSelector(const api::Pod& pod, const api::Labels& labels) {
    for (const auto& [k, v] : pod.spec.nodeSelector) {
        auto it = labels.find(k);
        if (it == labels.end() || it->second != v) return false;
    }
    return true;
}

struct NodeAffinityPreScoreState : StateData {
    helper::CompiledPreferredTerms preferred;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<NodeAffinityPreScoreState>(*this); }
};

const api::NodeAffinity* nodeAffinityOf(const api::Pod& pod) {
    return pod.spec.affinity && pod.spec.affinity->nodeAffinity ? &*pod.spec.affinity->nodeAffinity : nullptr;
}

bool isEmptyTerm(const api::NodeSelectorTerm& t) { return t.matchExpressions.empty() && t.matchFields.empty(); }

}  // namespace

bool matchesRequiredNodeAffinity(const api::Pod& pod, const api::Node& node) {
    const auto& labels = node.metadata.labels;
    if (!matchesNodeSelector(pod, labels)) return false;
    const api::NodeAffinity* na = nodeAffinityOf(pod);
    if (na && na->required) return na->required->matches(labels, node.metadata.name);
    return true;
}

std::int64_t preferredScore(const std::vector<api::PreferredSchedulingTerm>& terms, const api::Node& node) {
    std::int64_t score = 0;
    for (const auto& t : terms) {
        if (t.weight == 0 || isEmptyTerm(t.preference)) continue;
        if (t.preference.matches(node.metadata.labels, node.metadata.name)) score += t.weight;
    }
    return score;
}

NodeAffinity::NodeAffinity(std::optional<api::NodeAffinity> added) {
    if (added) {
        if (added->required) m_addedNodeSelector = added->required;
        m_addedPreferred = added->preferred;
    }
    if (m_addedNodeSelector) m_compiledAddedNodeSelector.emplace(*m_addedNodeSelector, &m_labels);
    m_compiledAddedPreferred = helper::CompiledPreferredTerms(m_addedPreferred, &m_labels);
}

Status NodeAffinity::preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) {
    const api::Pod& p = *pod.pod;
    const api::NodeAffinity* na = nodeAffinityOf(p);
    const bool noNodeAffinity = !na || !na->required;
    if (noNodeAffinity && !m_addedNodeSelector && p.spec.nodeSelector.empty()) return Status::skip();
    auto s = std::make_unique<NodeAffinityPreFilterState>();
    if (!noNodeAffinity) s->requiredAffinity.emplace(*na->required, &m_labels);
    state.write(kPreFilterKey, std::move(s));
    if (noNodeAffinity || na->required->terms.empty()) return {};
    // Required terms that all name nodes (matchFields metadata.name In): the union over terms of
    // the intersection within each term narrows the nodes to evaluate (DaemonSet pods).
    std::set<std::string> nodeNames;
    for (const auto& term : na->required->terms) {
        std::optional<std::set<std::string>> termNames;
        for (const auto& r : term.matchFields) {
            if (r.key != "metadata.name" || r.op != "In") continue;
            std::set<std::string> s(r.values.begin(), r.values.end());
            if (!termNames) {
                termNames = std::move(s);
            } else {
                std::set<std::string> both;
                std::set_intersection(termNames->begin(), termNames->end(), s.begin(), s.end(),
                                      std::inserter(both, both.begin()));
                termNames = std::move(both);
            }
        }
        if (!termNames) return {};  // a term without names: every node may match
        nodeNames.insert(termNames->begin(), termNames->end());
    }
    if (nodeNames.empty()) return Status::unresolvable(kErrReasonConflict);
    result.nodeNames = std::move(nodeNames);
    return {};
}

Status NodeAffinity::filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) {
    const api::Node* n = node.node();
    if (!n) return Status::error("node not found");
    if (m_compiledAddedNodeSelector && !m_compiledAddedNodeSelector->matches(node))
    {
        static const Status kRejected = Status::constant(Code::UnschedulableAndUnresolvable, {kErrReasonEnforced});  // shared by every node
        return kRejected;
    }
    // Without PreFilter (a custom profile), upstream parses the pod's selectors here.
    const auto* s = state.read<NodeAffinityPreFilterState>(kPreFilterKey);
    const bool matches =
        s ? matchesNodeSelector(*pod.pod, n->metadata.labels) &&
                (!s->requiredAffinity || s->requiredAffinity->matches(node))
          : matchesRequiredNodeAffinity(*pod.pod, *n);
    if (!matches) {
        static const Status kRejected = Status::constant(Code::UnschedulableAndUnresolvable, {kErrReasonPod});
        return kRejected;
    }
    return {};
}

Status NodeAffinity::preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes) {
    if (nodes.empty()) return {};
    const api::NodeAffinity* na = nodeAffinityOf(*pod.pod);
    const bool hasPreferred = na && !na->preferred.empty();
    if (!hasPreferred && m_addedPreferred.empty()) return Status::skip();
    auto s = std::make_unique<NodeAffinityPreScoreState>();
    if (hasPreferred) s->preferred = helper::CompiledPreferredTerms(na->preferred, &m_labels);
    state.write(kPreScoreKey, std::move(s));
    return {};
}

Status NodeAffinity::score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) {
    const api::Node* n = node.node();
    if (!n) return Status::error("node not found");
    score = m_compiledAddedPreferred.score(node);
    if (const auto* s = state.read<NodeAffinityPreScoreState>(kPreScoreKey)) {
        score += s->preferred.score(node);
    } else if (const api::NodeAffinity* na = nodeAffinityOf(*pod.pod)) {
        score += preferredScore(na->preferred, *n);  // PreScore disabled: compute here
    }
    return {};
}

Status NodeAffinity::scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                                std::vector<NodeScore>& scores) {
    const auto* s = state.read<NodeAffinityPreScoreState>(kPreScoreKey);
    const api::NodeAffinity* na = s ? nullptr : nodeAffinityOf(*pod.pod);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const api::Node* n = nodes[i]->node();
        if (!n) return Status::error("node not found");
        std::int64_t score = m_compiledAddedPreferred.score(*nodes[i]);
        if (s) score += s->preferred.score(*nodes[i]);
        else if (na) score += preferredScore(na->preferred, *n);  // PreScore disabled: compute here
        scores[i].score = score;
    }
    return {};
}

Status NodeAffinity::normalizeScore(CycleState&, const PodInfo&, std::vector<NodeScore>& scores) {
    helper::defaultNormalizeScore(kMaxNodeScore, false, scores);
    return {};
}

std::unique_ptr<Plugin> newNodeAffinity(const api::Value* args, Handle&, std::string& error) {
    if (!args || !args->isMapping()) return std::make_unique<NodeAffinity>();
    const api::Value* added = args->get("addedAffinity");
    if (!added || added->isNull()) return std::make_unique<NodeAffinity>();
    if (!added->isMapping()) {
        error = "addedAffinity: must be an object";
        return nullptr;
    }
    api::NodeAffinity affinity;
    if (const api::Value* req = added->get("requiredDuringSchedulingIgnoredDuringExecution"); req && req->isMapping()) {
        api::NodeSelector sel;
        if (const api::Value* terms = req->get("nodeSelectorTerms"); terms && terms->isSequence())
            for (const auto& t : terms->items()) sel.terms.push_back(api::decodeNodeSelectorTerm(t));
        affinity.required = std::move(sel);
    }
    if (const api::Value* pref = added->get("preferredDuringSchedulingIgnoredDuringExecution");
        pref && pref->isSequence())
        for (const auto& item : pref->items()) {
            api::PreferredSchedulingTerm term;
            if (const api::Value* w = item.get("weight")) term.weight = static_cast<std::int32_t>(w->toInt().value_or(0));
            if (const api::Value* p = item.get("preference")) term.preference = api::decodeNodeSelectorTerm(*p);
            affinity.preferred.push_back(std::move(term));
        }
    return std::make_unique<NodeAffinity>(std::move(affinity));
}

}  // namespace ks::scheduler::plugins
