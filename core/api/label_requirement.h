// Internal to core/api: one selector requirement as upstream's labels.Requirement
// (k8s.io/apimachinery/pkg/labels/selector.go, v0.31) with its validation (NewRequirement),
// matching and printing, plus the few field.Error formatting rules its messages need.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/api/labels.h"

namespace ks::api::detail {

enum class SelectorOp { In, NotIn, Exists, DoesNotExist, Equals, DoubleEquals, NotEquals, Gt, Lt };

// Maps the API spellings ("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"); false otherwise.
bool selectorOpFromName(std::string_view name, SelectorOp& op);

// A field path as upstream's field.Path prints it; a null path prints "<nil>".
class FieldPath {
public:
    static FieldPath null() { return FieldPath(); }
    static FieldPath root(std::string name) { return FieldPath(std::move(name)); }
    FieldPath child(std::string_view name) const;
    FieldPath index(std::size_t i) const;
    FieldPath key(std::string_view k) const;
    std::string str() const { return m_null ? "<nil>" : m_text; }

private:
    FieldPath() = default;
    explicit FieldPath(std::string text) : m_text(std::move(text)), m_null(false) {}
    std::string m_text;
    bool m_null = true;
};

// Go's %q for a string and %#v for a []string, as field errors print bad values.
std::string goQuote(std::string_view s);
std::string goStringSlice(const std::vector<std::string>& values);
std::string invalidError(const FieldPath& path, const std::string& printedValue, const std::string& detail);
// An aggregate error's text: one message alone, several as "[a, b]", duplicates once.
std::string aggregateMessage(const std::vector<std::string>& errors);

// strconv.ParseInt(s, 10, 64).
bool parseInt64(std::string_view s, long long& out);

// Upstream's NewRequirement checks, appended to errors with their field paths.
void requirementErrors(std::string_view key, SelectorOp op, const std::vector<std::string>& values,
                       const FieldPath& path, std::vector<std::string>& errors);
// Same verdict as requirementErrors(...).empty(), without building messages.
bool requirementValid(std::string_view key, SelectorOp op, const std::vector<std::string>& values);

// Requirement.Matches: NotIn and DoesNotExist match an absent key, Gt/Lt compare int64s.
bool requirementMatches(const std::string& key, SelectorOp op, const std::vector<std::string>& values,
                        const Labels& labels);

// Requirement.String: "!k", "k", "k=v", "k in (a,b)" with sorted values, "k>1".
std::string requirementString(std::string_view key, SelectorOp op, const std::vector<std::string>& values);

}  // namespace ks::api::detail
