// CompiledNodeSelector: a v1.NodeSelector (or a pod's nodeSelector plus required node affinity)
// checked once and then matched against many nodes, as upstream's nodeaffinity.NewNodeSelector
// and GetRequiredNodeAffinity parse a pod's selectors once per cycle
// (k8s.io/component-helpers/scheduling/corev1/nodeaffinity, v0.31).
// Same results as api::NodeSelector::matches / api::NodeSelectorTerm::matches, which validate
// every requirement again at each call: NodeAffinity matches a pod's terms against every node
// of each cycle, so this is its hot loop.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/api/labels.h"
#include "core/api/types.h"
#include "core/scheduler/framework/node_info.h"
#include "core/scheduler/plugins/helper/node_label_values.h"

namespace ks::scheduler::plugins::helper {

// One NodeSelectorTerm: its requirements ANDed.
class CompiledNodeSelectorTerm {
public:
    // With an index, matches(NodeInfo) reads each key's value from it (by node slot) and
    // compares value numbers instead of strings.
    explicit CompiledNodeSelectorTerm(const api::NodeSelectorTerm& term, NodeLabelIndex* index = nullptr);
    bool matches(const api::Labels& nodeLabels, const std::string& nodeName) const;
    bool matches(const NodeInfo& node) const;

private:
    enum class Op : std::uint8_t { In, NotIn, Exists, DoesNotExist };
    struct Requirement {
        std::string key;
        Op op;
        std::vector<std::string> values;
        NodeLabelValues* table = nullptr;  // with an index
        std::vector<std::int32_t> ids;     // the values' numbers in table
    };
    struct Field {
        bool nameField;  // key metadata.name; other keys read as ""
        bool in;         // In (else NotIn)
        std::string value;
    };
    enum class Mode : std::uint8_t { Nothing, Fast, Fallback };
    Mode m_mode = Mode::Nothing;
    std::vector<Requirement> m_requirements;
    std::vector<Field> m_fields;
    api::NodeSelectorTerm m_term;  // Fallback only (Gt / Lt)
};

// A NodeSelector: terms ORed; no terms matches nothing.
class CompiledNodeSelector {
public:
    CompiledNodeSelector() = default;
    explicit CompiledNodeSelector(const api::NodeSelector& selector, NodeLabelIndex* index = nullptr);
    bool matches(const api::Labels& nodeLabels, const std::string& nodeName) const;
    bool matches(const NodeInfo& node) const;

private:
    std::vector<CompiledNodeSelectorTerm> m_terms;
};

// A pod's nodeSelector (every key=value) and required node affinity (upstream
// RequiredNodeAffinity): matches a node when both do.
class CompiledRequiredNodeAffinity {
public:
    explicit CompiledRequiredNodeAffinity(const api::Pod& pod);
    bool matches(const api::Node& node) const;

private:
    std::vector<std::pair<std::string, std::string>> m_nodeSelector;
    bool m_hasAffinity = false;
    CompiledNodeSelector m_affinity;
};

// Preferred terms with their weights (weight 0 and empty terms left out, as they score nothing).
class CompiledPreferredTerms {
public:
    CompiledPreferredTerms() = default;
    explicit CompiledPreferredTerms(const std::vector<api::PreferredSchedulingTerm>& terms,
                                    NodeLabelIndex* index = nullptr);
    // Sum of the weights of the terms node matches.
    std::int64_t score(const api::Node& node) const;
    std::int64_t score(const NodeInfo& node) const;
    bool empty() const { return m_terms.empty(); }

private:
    std::vector<std::pair<CompiledNodeSelectorTerm, std::int32_t>> m_terms;
};

}  // namespace ks::scheduler::plugins::helper
