// The registry of in-tree plugins: an explicit map from name to factory, as upstream's
// pkg/scheduler/framework/plugins/registry.go (v1.31) — no self-registration. Each entry also
// carries the legacy predicate / priority names the plugin replaced (Policy API, until v1.22),
// since the course teaches those names.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler {

using Registry = std::map<std::string, PluginInfo>;

// Every built-in plugin that has a factory.
const Registry& inTreeRegistry();

struct LegacyNames {
    std::vector<std::string> predicates, priorities;
};
// The historic names for a plugin (reference: legacy_registry.go of v1.19-v1.22); empty when
// it has none. Known for every in-tree plugin, also before its factory is registered.
LegacyNames legacyNames(const std::string& pluginName);

}  // namespace ks::scheduler
