// Field selectors (`kubectl get pods --field-selector spec.nodeName=node-1,status.phase!=Running`).
// Parsing mirrors k8s.io/apimachinery/pkg/fields/selector.go (v0.31): terms split on unescaped
// commas, operators "!=", "==", "=", values unescaped (\, \= \\). Which fields each kind offers
// mirrors the registries' ToSelectableFields / GetAttrs and the field label conversion functions
// (pkg/apis/core/v1/conversion.go, pkg/registry/*/strategy.go).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/value.h"
#include "core/store/status.h"

namespace ks::store {

struct FieldRequirement {
    std::string field;
    bool equals = true;  // false for "!="
    std::string value;
};

class FieldSelector {
public:
    // Parses text; errors as upstream (`invalid selector: 'x'; can't understand 'x'`).
    static Result<FieldSelector> parse(std::string_view text);

    bool empty() const { return m_requirements.empty(); }
    const std::vector<FieldRequirement>& requirements() const { return m_requirements; }
    // The value of an "=" requirement on field, when there is one (used to index watchers).
    std::optional<std::string> exactValue(std::string_view field) const;

    // Checks that every field is selectable for kind: BadRequest with upstream's message
    // (`field label not supported: x` for kinds with their own field set).
    Status checkSupported(const std::string& kind) const;
    bool matches(const std::string& kind, const api::Value& object) const;

private:
    std::vector<FieldRequirement> m_requirements;
};

// The value a field selector sees for one field of an object: "" for absent strings, "false"
// for absent booleans, "0" for absent counters (upstream reads typed structs).
std::string selectableFieldValue(const std::string& kind, const api::Value& object, const std::string& field);

}  // namespace ks::store
