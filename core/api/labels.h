// Labels, label selectors and node selectors, with upstream matching semantics.
// Mirrors k8s.io/apimachinery/pkg/labels and k8s.io/component-helpers/scheduling/corev1/nodeaffinity.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ks::api {

using Labels = std::map<std::string, std::string>;

// metav1.LabelSelectorRequirement: operator In, NotIn, Exists, DoesNotExist.
struct LabelSelectorRequirement {
    std::string key;
    std::string op;
    std::vector<std::string> values;
    bool operator==(const LabelSelectorRequirement&) const = default;
};

// metav1.LabelSelector. An empty selector matches everything; a missing one (nullopt where it
// is optional) matches nothing, as upstream's LabelSelectorAsSelector(nil) does.
// A selector that upstream cannot convert (unknown operator, In/NotIn without values, values
// on Exists, a malformed key or value) matches nothing, as its callers treat the error.
// NOTE: besides metav1's four operators, "Gt" and "Lt" (single integer value) are accepted so
// that a parsed kubectl -l selector such as "gen>3" keeps its meaning.
struct LabelSelector {
    Labels matchLabels;
    std::vector<LabelSelectorRequirement> matchExpressions;

    bool empty() const { return matchLabels.empty() && matchExpressions.empty(); }
    bool matches(const Labels& labels) const;
    // "app=web,tier in (a,b)" as kubectl prints selectors (metav1.FormatLabelSelector):
    // requirements sorted by key, "<none>" when empty, "<error>" when not convertible.
    std::string toString() const;
    bool operator==(const LabelSelector&) const = default;
};

// Parses kubectl's -l syntax ("a=b,c!=d,e in (x,y),!f,g") with upstream's labels.Parse and its
// error messages ("unable to parse requirement: found '', expected: identifier"); nullopt with
// error on bad syntax. "=" and "==" become matchLabels; "!=" becomes NotIn with one value (same
// meaning); a second "=" on a key already in matchLabels becomes In, so "a=x,a=y" still matches
// nothing; "in"/"notin" values are deduplicated and sorted, as upstream's sets.
std::optional<LabelSelector> parseSelector(const std::string& text, std::string* error = nullptr);

// v1.NodeSelectorRequirement: In, NotIn, Exists, DoesNotExist, Gt, Lt.
struct NodeSelectorRequirement {
    std::string key;
    std::string op;
    std::vector<std::string> values;
    bool operator==(const NodeSelectorRequirement&) const = default;
};

// v1.NodeSelectorTerm: matchExpressions on labels and matchFields on metadata.name, ANDed.
// An empty term matches nothing; a term with parse errors (see parseErrors) matches nothing;
// matchFields are ignored for a node without a name, as upstream's nodeaffinity helper does.
struct NodeSelectorTerm {
    std::vector<NodeSelectorRequirement> matchExpressions;
    std::vector<NodeSelectorRequirement> matchFields;
    bool matches(const Labels& nodeLabels, const std::string& nodeName) const;
    // Upstream's parse errors, prefixed with termPath (e.g. "nodeSelectorTerms[0]"):
    // "nodeSelectorTerms[0].matchFields[0].values: Invalid value: []string{"a", "b"}: must have one element".
    std::vector<std::string> parseErrors(const std::string& termPath = "") const;
    bool operator==(const NodeSelectorTerm&) const = default;
};

// v1.NodeSelector: terms are ORed; an empty term list matches nothing.
struct NodeSelector {
    std::vector<NodeSelectorTerm> terms;
    bool matches(const Labels& nodeLabels, const std::string& nodeName) const;
    // All terms' parse errors, as upstream's NewNodeSelector reports them (empty terms skipped).
    std::vector<std::string> parseErrors() const;
    bool operator==(const NodeSelector&) const = default;
};

}  // namespace ks::api
