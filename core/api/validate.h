// Field validation as the API server does it for the kinds KubeStage models
// (k8s.io/kubernetes/pkg/apis/*/validation, v1.31), with upstream's messages.
// Every problem becomes a Diagnostic at the offending node's FILE:LINE:COL with its field path.
#pragma once

#include <string>

#include "core/api/diagnostic.h"
#include "core/api/value.h"

namespace ks::api {

// Validates one object (after defaulting). Reports all problems, not only the first.
// Unknown kinds (CRDs) are only checked for apiVersion/kind/metadata.name.
void validateObject(const Value& object, const std::string& file, Diagnostics& out);

}  // namespace ks::api
