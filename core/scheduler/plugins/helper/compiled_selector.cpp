#include "core/scheduler/plugins/helper/compiled_selector.h"

#include <algorithm>

namespace ks::scheduler::plugins::helper {

CompiledSelector::CompiledSelector(const std::optional<api::LabelSelector>& selector) {
    if (!selector) return;
    // LabelSelector::toString() reports an invalid selector (one that upstream's
    // LabelSelectorAsSelector rejects) as "<error>"; such a selector matches nothing.
    if (selector->toString() == "<error>") return;
    m_equals.assign(selector->matchLabels.begin(), selector->matchLabels.end());
    for (const auto& e : selector->matchExpressions) {
        Requirement r{e.key, Op::In, e.values};
        if (e.op == "In") r.op = Op::In;
        else if (e.op == "NotIn") r.op = Op::NotIn;
        else if (e.op == "Exists") r.op = Op::Exists;
        else if (e.op == "DoesNotExist") r.op = Op::DoesNotExist;
        else {
            // Anything else (Gt/Lt of parsed selectors): keep the general matcher.
            m_mode = Mode::Fallback;
            m_selector = *selector;
            return;
        }
        m_requirements.push_back(std::move(r));
    }
    m_mode = Mode::Fast;
}

bool CompiledSelector::matches(const api::Labels& labels) const {
    switch (m_mode) {
    case Mode::Nothing: return false;
    case Mode::Fallback: return m_selector.matches(labels);
    case Mode::Fast: break;
    }
    for (const auto& [key, value] : m_equals) {
        auto it = labels.find(key);
        if (it == labels.end() || it->second != value) return false;
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
    return true;
}

}  // namespace ks::scheduler::plugins::helper
