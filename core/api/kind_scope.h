// Private to core/api: whether a kind's objects live in a namespace, for defaulting and
// validation. Built-in kinds come from the registry (kinds.h), with a fallback list for built-in
// kinds it does not list; custom resources are Unknown (only their CRD says).
#pragma once

#include <string>

namespace ks::api {

enum class KindScope { Namespaced, Cluster, Unknown };

KindScope kindScope(const std::string& group, const std::string& kind);

}  // namespace ks::api
