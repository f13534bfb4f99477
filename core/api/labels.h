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
};

// metav1.LabelSelector. An empty selector matches everything; a missing one (nullopt where it
// is optional) matches nothing, as upstream's LabelSelectorAsSelector(nil) does.
struct LabelSelector {
    Labels matchLabels;
    std::vector<LabelSelectorRequirement> matchExpressions;

    bool empty() const { return matchLabels.empty() && matchExpressions.empty(); }
    bool matches(const Labels& labels) const;
    // "app=web,tier in (a,b)" as kubectl prints selectors.
    std::string toString() const;
};

// Parses kubectl's -l syntax ("a=b,c!=d,e in (x,y),!f,g"); nullopt with error on bad syntax.
std::optional<LabelSelector> parseSelector(const std::string& text, std::string* error = nullptr);

// v1.NodeSelectorRequirement: In, NotIn, Exists, DoesNotExist, Gt, Lt.
struct NodeSelectorRequirement {
    std::string key;
    std::string op;
    std::vector<std::string> values;
};

// v1.NodeSelectorTerm: matchExpressions on labels and matchFields on metadata.name, ANDed.
struct NodeSelectorTerm {
    std::vector<NodeSelectorRequirement> matchExpressions;
    std::vector<NodeSelectorRequirement> matchFields;
    bool matches(const Labels& nodeLabels, const std::string& nodeName) const;
};

// v1.NodeSelector: terms are ORed; an empty term list matches nothing.
struct NodeSelector {
    std::vector<NodeSelectorTerm> terms;
    bool matches(const Labels& nodeLabels, const std::string& nodeName) const;
};

}  // namespace ks::api
