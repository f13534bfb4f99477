#include "core/store/admission/registry.h"

#include "core/store/admission/defaulting.h"
#include "core/store/admission/pod_toleration_restriction.h"
#include "core/store/admission/priority.h"
#include "core/store/admission/validation.h"
#include "core/store/api_store.h"

namespace ks::store::admission {

std::vector<std::string> defaultPluginNames() { return {Defaulting::kName, Validation::kName, Priority::kName}; }

std::vector<std::string> optionalPluginNames() { return {PodTolerationRestriction::kName}; }

std::unique_ptr<AdmissionPlugin> newPlugin(const std::string& name) {
    if (name == Defaulting::kName) return std::make_unique<Defaulting>();
    if (name == Validation::kName) return std::make_unique<Validation>();
    if (name == Priority::kName) return std::make_unique<Priority>();
    if (name == PodTolerationRestriction::kName) return std::make_unique<PodTolerationRestriction>();
    return nullptr;
}

void installDefaultPlugins(ApiStore& store) {
    for (const auto& name : defaultPluginNames()) store.addAdmissionPlugin(newPlugin(name));
}

bool enablePlugin(ApiStore& store, const std::string& name) {
    for (const auto& installed : store.admissionPlugins())
        if (installed == name) return false;
    auto plugin = newPlugin(name);
    if (!plugin) return false;
    store.addAdmissionPlugin(std::move(plugin));
    return true;
}

}  // namespace ks::store::admission
