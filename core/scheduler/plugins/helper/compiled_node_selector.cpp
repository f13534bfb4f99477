#include "core/scheduler/plugins/helper/compiled_node_selector.h"

#include <algorithm>

namespace ks::scheduler::plugins::helper {

CompiledNodeSelectorTerm::CompiledNodeSelectorTerm(const api::NodeSelectorTerm& term, NodeLabelIndex* index) {
    // An empty term, or one upstream fails to parse, matches nothing.
    if (term.matchExpressions.empty() && term.matchFields.empty()) return;
    if (!term.parseErrors().empty()) return;
    for (const auto& r : term.matchExpressions) {
        Requirement req{r.key, Op::In, r.values, nullptr, {}};
        if (r.op == "In") req.op = Op::In;
        else if (r.op == "NotIn") req.op = Op::NotIn;
        else if (r.op == "Exists") req.op = Op::Exists;
        else if (r.op == "DoesNotExist") req.op = Op::DoesNotExist;
        else {
            // Gt / Lt compare integers: keep the general matcher for such (rare) terms.
            m_mode = Mode::Fallback;
            m_term = term;
            m_requirements.clear();
            return;
        }
        if (index) {
            req.table = &index->table(req.key);
            for (const auto& v : req.values) req.ids.push_back(req.table->intern(v));
        }
        m_requirements.push_back(std::move(req));
    }
    // parseErrors guarantees In / NotIn with exactly one value here.
    for (const auto& r : term.matchFields) m_fields.push_back({r.key == "metadata.name", r.op == "In", r.values[0]});
    m_mode = Mode::Fast;
}

bool CompiledNodeSelectorTerm::matches(const api::Labels& labels, const std::string& nodeName) const {
    switch (m_mode) {
    case Mode::Nothing: return false;
    case Mode::Fallback: return m_term.matches(labels, nodeName);
    case Mode::Fast: break;
    }
    for (const auto& r : m_requirements) {
        auto it = labels.find(r.key);
        const bool has = it != labels.end();
        switch (r.op) {
        case Op::In:
            if (!has || std::find(r.values.begin(), r.values.end(), it->second) == r.values.end()) return false;
            break;
        case Op::NotIn:
            if (has && std::find(r.values.begin(), r.values.end(), it->second) != r.values.end()) return false;
            break;
        case Op::Exists:
            if (!has) return false;
            break;
        case Op::DoesNotExist:
            if (has) return false;
            break;
        }
    }
    // NOTE: upstream only consults the field selector when the node has fields, i.e. a name.
    if (!nodeName.empty()) {
        for (const auto& f : m_fields) {
            const bool equal = f.nameField ? nodeName == f.value : f.value.empty();
            if (equal != f.in) return false;
        }
    }
    return true;
}

bool CompiledNodeSelectorTerm::matches(const NodeInfo& info) const {
    const api::Node* node = info.node();
    if (!node) return false;
    if (m_mode != Mode::Fast || (!m_requirements.empty() && !m_requirements.front().table))
        return matches(node->metadata.labels, node->metadata.name);
    for (const auto& r : m_requirements) {
        const std::int32_t id = r.table->id(info);
        const bool has = id != NodeLabelValues::kMissing;
        switch (r.op) {
        case Op::In:
            if (!has || std::find(r.ids.begin(), r.ids.end(), id) == r.ids.end()) return false;
            break;
        case Op::NotIn:
            if (has && std::find(r.ids.begin(), r.ids.end(), id) != r.ids.end()) return false;
            break;
        case Op::Exists:
            if (!has) return false;
            break;
        case Op::DoesNotExist:
            if (has) return false;
            break;
        }
    }
    const std::string& nodeName = node->metadata.name;
    if (!nodeName.empty()) {
        for (const auto& f : m_fields) {
            const bool equal = f.nameField ? nodeName == f.value : f.value.empty();
            if (equal != f.in) return false;
        }
    }
    return true;
}

CompiledNodeSelector::CompiledNodeSelector(const api::NodeSelector& selector, NodeLabelIndex* index) {
    m_terms.reserve(selector.terms.size());
    for (const auto& t : selector.terms) m_terms.emplace_back(t, index);
}

bool CompiledNodeSelector::matches(const NodeInfo& node) const {
    for (const auto& t : m_terms)
        if (t.matches(node)) return true;
    return false;
}

bool CompiledNodeSelector::matches(const api::Labels& nodeLabels, const std::string& nodeName) const {
    for (const auto& t : m_terms)
        if (t.matches(nodeLabels, nodeName)) return true;
    return false;
}

CompiledRequiredNodeAffinity::CompiledRequiredNodeAffinity(const api::Pod& pod)
    : m_nodeSelector(pod.spec.nodeSelector.begin(), pod.spec.nodeSelector.end()) {
    const auto& affinity = pod.spec.affinity;
    if (affinity && affinity->nodeAffinity && affinity->nodeAffinity->required) {
        m_hasAffinity = true;
        m_affinity = CompiledNodeSelector(*affinity->nodeAffinity->required);
    }
}

bool CompiledRequiredNodeAffinity::matches(const api::Node& node) const {
    const auto& labels = node.metadata.labels;
    for (const auto& [k, v] : m_nodeSelector) {
        auto it = labels.find(k);
        if (it == labels.end() || it->second != v) return false;
    }
    return !m_hasAffinity || m_affinity.matches(labels, node.metadata.name);
}

CompiledPreferredTerms::CompiledPreferredTerms(const std::vector<api::PreferredSchedulingTerm>& terms,
                                               NodeLabelIndex* index) {
    for (const auto& t : terms) {
        if (t.weight == 0 || (t.preference.matchExpressions.empty() && t.preference.matchFields.empty())) continue;
        m_terms.emplace_back(CompiledNodeSelectorTerm(t.preference, index), t.weight);
    }
}

std::int64_t CompiledPreferredTerms::score(const NodeInfo& node) const {
    std::int64_t score = 0;
    for (const auto& [term, weight] : m_terms)
        if (term.matches(node)) score += weight;
    return score;
}

std::int64_t CompiledPreferredTerms::score(const api::Node& node) const {
    std::int64_t score = 0;
    for (const auto& [term, weight] : m_terms)
        if (term.matches(node.metadata.labels, node.metadata.name)) score += weight;
    return score;
}

}  // namespace ks::scheduler::plugins::helper
