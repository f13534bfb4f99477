// The admission plugins KubeStage knows, by upstream name, in the order the API server runs them
// (kube-apiserver's --enable-admission-plugins order, pkg/kubeapiserver/options/plugins.go v1.31,
// with Defaulting and Validation standing for the decode and registry steps around it).
// An explicit list: no self-registering static initialisers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/store/admission.h"

namespace ks::store {
class ApiStore;
}

namespace ks::store::admission {

// "Defaulting", "Validation", "Priority".
std::vector<std::string> defaultPluginNames();
// Plugins that exist but upstream leaves off: "PodTolerationRestriction".
std::vector<std::string> optionalPluginNames();
// nullptr for an unknown name.
std::unique_ptr<AdmissionPlugin> newPlugin(const std::string& name);
// Adds every default plugin to store, in order.
void installDefaultPlugins(ApiStore& store);
// Adds one more plugin after those already installed (as --enable-admission-plugins would add an
// off-by-default one); false for an unknown name or one already installed.
bool enablePlugin(ApiStore& store, const std::string& name);

}  // namespace ks::store::admission
