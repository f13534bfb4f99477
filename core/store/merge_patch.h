// JSON merge patch (RFC 7386) on Values, as `kubectl patch --type=merge` sends it and
// k8s.io/apiserver's patch handler applies it (github.com/evanphx/json-patch MergePatch):
// null deletes a key, mappings merge recursively, everything else (lists too) replaces.
#pragma once

#include "core/api/value.h"

namespace ks::store {

api::Value applyMergePatch(const api::Value& target, const api::Value& patch);

}  // namespace ks::store
