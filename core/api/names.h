// Name and label syntax validation with upstream's rules and messages.
// Mirrors k8s.io/apimachinery/pkg/util/validation/validation.go.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ks::api {

// Each returns the list of problems, worded as upstream; empty means valid.
std::vector<std::string> isDNS1123Subdomain(const std::string& value);  // object names, 253 max
std::vector<std::string> isDNS1123Label(const std::string& value);      // namespaces, 63 max
std::vector<std::string> isQualifiedName(const std::string& value);     // label/annotation keys
std::vector<std::string> isValidLabelValue(const std::string& value);   // label values, 63 max

// Allocation-free forms for hot paths such as selector matching: true exactly when the
// functions above would return no problem.
bool isQualifiedNameValid(std::string_view value);
bool isLabelValueValid(std::string_view value);

}  // namespace ks::api
