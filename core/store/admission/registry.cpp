#include "core/store/admission/registry.h"

#include "core/store/admission/defaulting.h"
#include "core/store/admission/priority.h"
#include "core/store/admission/validation.h"
#include "core/store/api_store.h"

namespace ks::store::admission {

std::vector<std::string> defaultPluginNames() { return {Defaulting::kName, Validation::kName, Priority::kName}; }

std::unique_ptr<AdmissionPlugin> newPlugin(const std::string& name) {
    if (name == Defaulting::kName) return std::make_unique<Defaulting>();
    if (name == Validation::kName) return std::make_unique<Validation>();
    if (name == Priority::kName) return std::make_unique<Priority>();
    return nullptr;
}

void installDefaultPlugins(ApiStore& store) {
    for (const auto& name : defaultPluginNames()) store.addAdmissionPlugin(newPlugin(name));
}

}  // namespace ks::store::admission
