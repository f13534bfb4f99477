// Writing objects out again: YAML that `kubectl apply` accepts, and JSON (via nlohmann::json).
// Field order is kept as read; unknown fields survive.
#pragma once

#include <string>
#include <vector>

#include "core/api/value.h"

namespace ks::api {

std::string toYaml(const Value& object);
std::string toYamlStream(const std::vector<Value>& objects);  // "---" separated
std::string toJson(const Value& object, int indent = 4);      // kubectl -o json uses 4 spaces

}  // namespace ks::api
