// CompiledSelector: a metav1.LabelSelector converted once (as upstream's
// metav1.LabelSelectorAsSelector does at the start of a cycle) and then matched without
// re-validating it. PodTopologySpread and InterPodAffinity match one selector against every pod
// of the cluster in each cycle, so this is their hot loop.
// Same results as api::LabelSelector::matches: a missing selector matches nothing, an empty one
// everything, an invalid one nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/api/labels.h"

namespace ks::scheduler::plugins::helper {

class CompiledSelector {
public:
    CompiledSelector() = default;  // matches nothing (a nil selector)
    explicit CompiledSelector(const std::optional<api::LabelSelector>& selector);

    bool matches(const api::Labels& labels) const;
    // No requirement at all: matches everything.
    bool matchesEverything() const { return m_mode == Mode::Fast && m_equals.empty() && m_requirements.empty(); }
    bool matchesNothing() const { return m_mode == Mode::Nothing; }

private:
    enum class Mode { Nothing, Fast, Fallback };
    enum class Op { In, NotIn, Exists, DoesNotExist };
    struct Requirement {
        std::string key;
        Op op;
        std::vector<std::string> values;
    };

    Mode m_mode = Mode::Nothing;
    std::vector<std::pair<std::string, std::string>> m_equals;  // matchLabels
    std::vector<Requirement> m_requirements;                     // matchExpressions
    api::LabelSelector m_selector;                               // Fallback only
};

}  // namespace ks::scheduler::plugins::helper
