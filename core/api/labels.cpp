#include "core/api/labels.h"

#include <algorithm>

#include "core/api/label_requirement.h"
#include "core/api/names.h"

namespace ks::api {

using detail::FieldPath;
using detail::SelectorOp;

namespace {

// metav1.LabelSelector's expression operators, plus Gt/Lt for parsed -l selectors.
bool labelSelectorOp(const std::string& name, SelectorOp& op) { return detail::selectorOpFromName(name, op); }

// LabelSelectorAsSelector's conversion check, without building error messages.
bool labelSelectorValid(const LabelSelector& s) {
    for (const auto& [key, value] : s.matchLabels)
        if (!isQualifiedNameValid(key) || !isLabelValueValid(value)) return false;
    for (const auto& e : s.matchExpressions) {
        SelectorOp op{};
        if (!labelSelectorOp(e.op, op) || !detail::requirementValid(e.key, op, e.values)) return false;
    }
    return true;
}

// The fields a node selector can match: only metadata.name; other keys read as "".
const std::string& nodeField(const std::string& key, const std::string& nodeName) {
    static const std::string kEmpty;
    return key == "metadata.name" ? nodeName : kEmpty;
}

bool termValid(const NodeSelectorTerm& term) {
    for (const auto& r : term.matchExpressions) {
        SelectorOp op{};
        if (!detail::selectorOpFromName(r.op, op) || !detail::requirementValid(r.key, op, r.values)) return false;
    }
    for (const auto& r : term.matchFields)
        if ((r.op != "In" && r.op != "NotIn") || r.values.size() != 1) return false;
    return true;
}

std::string quotedList(std::initializer_list<const char*> values) {
    std::string out;
    for (const char* v : values) {
        if (!out.empty()) out += ", ";
        out += detail::goQuote(v);
    }
    return out;
}

}  // namespace

bool LabelSelector::matches(const Labels& labels) const {
    if (!labelSelectorValid(*this)) return false;
    for (const auto& [key, value] : matchLabels) {
        const auto it = labels.find(key);
        if (it == labels.end() || it->second != value) return false;
    }
    for (const auto& e : matchExpressions) {
        SelectorOp op{};
        labelSelectorOp(e.op, op);
        if (!detail::requirementMatches(e.key, op, e.values, labels)) return false;
    }
    return true;
}

std::string LabelSelector::toString() const {
    if (!labelSelectorValid(*this)) return "<error>";
    // Requirements sorted by key; matchLabels come first among equal keys (upstream's sort is
    // stable at these sizes).
    std::vector<std::pair<std::string, std::string>> parts;
    for (const auto& [key, value] : matchLabels)
        parts.emplace_back(key, detail::requirementString(key, SelectorOp::Equals, {value}));
    for (const auto& e : matchExpressions) {
        SelectorOp op{};
        labelSelectorOp(e.op, op);
        parts.emplace_back(e.key, detail::requirementString(e.key, op, e.values));
    }
    std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += ",";
        out += p.second;
    }
    return out.empty() ? "<none>" : out;
}

bool NodeSelectorTerm::matches(const Labels& nodeLabels, const std::string& nodeName) const {
    if (matchExpressions.empty() && matchFields.empty()) return false;
    if (!termValid(*this)) return false;
    for (const auto& r : matchExpressions) {
        SelectorOp op{};
        detail::selectorOpFromName(r.op, op);
        if (!detail::requirementMatches(r.key, op, r.values, nodeLabels)) return false;
    }
    // NOTE: upstream only consults the field selector when the node has fields, i.e. a name.
    if (!nodeName.empty()) {
        for (const auto& r : matchFields) {
            const bool equal = nodeField(r.key, nodeName) == r.values[0];
            if (equal != (r.op == "In")) return false;
        }
    }
    return true;
}

std::vector<std::string> NodeSelectorTerm::parseErrors(const std::string& termPath) const {
    std::vector<std::string> errors;
    const FieldPath path = termPath.empty() ? FieldPath::root("") : FieldPath::root(termPath);
    const FieldPath exprPath = path.child("matchExpressions");
    for (std::size_t i = 0; i < matchExpressions.size(); ++i) {
        const auto& r = matchExpressions[i];
        SelectorOp op{};
        if (!detail::selectorOpFromName(r.op, op)) {
            errors.push_back(exprPath.index(i).child("operator").str() + ": Unsupported value: " + detail::goQuote(r.op) +
                             ": supported values: " + quotedList({"In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"}));
            continue;
        }
        detail::requirementErrors(r.key, op, r.values, exprPath.index(i), errors);
    }
    const FieldPath fieldPath = path.child("matchFields");
    for (std::size_t i = 0; i < matchFields.size(); ++i) {
        const auto& r = matchFields[i];
        if (r.op != "In" && r.op != "NotIn")
            errors.push_back(fieldPath.index(i).child("operator").str() + ": Unsupported value: " + detail::goQuote(r.op) +
                             ": supported values: " + quotedList({"In", "NotIn"}));
        else if (r.values.size() != 1)
            errors.push_back(detail::invalidError(fieldPath.index(i).child("values"), detail::goStringSlice(r.values),
                                                  "must have one element"));
    }
    return errors;
}

bool NodeSelector::matches(const Labels& nodeLabels, const std::string& nodeName) const {
    return std::any_of(terms.begin(), terms.end(),
                       [&](const NodeSelectorTerm& t) { return t.matches(nodeLabels, nodeName); });
}

std::vector<std::string> NodeSelector::parseErrors() const {
    std::vector<std::string> errors;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const auto& t = terms[i];
        if (t.matchExpressions.empty() && t.matchFields.empty()) continue;
        for (auto& e : t.parseErrors("nodeSelectorTerms[" + std::to_string(i) + "]")) errors.push_back(std::move(e));
    }
    return errors;
}

}  // namespace ks::api
