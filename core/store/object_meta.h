// Reading and writing metav1.ObjectMeta fields on stored Values.
// The store keeps objects untyped (like unstructured.Unstructured); these helpers are the
// accessors the registry needs (k8s.io/apimachinery/pkg/apis/meta/v1/unstructured helpers).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/labels.h"
#include "core/api/value.h"

namespace ks::store {

using api::Value;

// A null node: Kind::Null or a plain scalar that YAML resolves to null ("null", "~", "").
bool isNullValue(const Value& v);

// metadata.<field> as text; empty when absent or not a scalar.
std::string metaString(const Value& object, std::string_view field);
// Sets metadata.<field> to a quoted string, creating metadata when needed.
void setMetaString(Value& object, std::string field, const std::string& value);
std::optional<std::int64_t> metaInt(const Value& object, std::string_view field);
void setMetaInt(Value& object, std::string field, std::int64_t value);
void removeMeta(Value& object, std::string_view field);

std::vector<std::string> finalizersOf(const Value& object);
api::Labels labelsOf(const Value& object);

// Text of a scalar at a dotted path ("spec.nodeName"); fallback when absent or not a scalar.
std::string stringAt(const Value& object, std::string_view path, std::string_view fallback = {});

// The object without metadata (and without status when dropStatus): what generation tracks.
Value withoutMetadata(const Value& object, bool dropStatus);

// Go's fmt %#v of a []string: `[]string{"a", "b"}`.
std::string goStringSlice(const std::vector<std::string>& items);

}  // namespace ks::store
