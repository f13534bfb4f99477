#include "core/store/admission/validation.h"

#include "core/api/validate.h"

namespace ks::store::admission {

std::string qualifiedKindOf(const AdmissionAttributes& a) {
    auto dot = a.resource.find('.');
    if (dot == std::string::npos) return a.kind;
    return a.kind + a.resource.substr(dot);
}

Status Validation::validate(const AdmissionAttributes& a) {
    if (!a.object || a.operation == Operation::Delete || a.subresource == "binding") return {};
    api::Diagnostics diags;
    api::validateObject(*a.object, "", diags);
    std::vector<std::string> errors;
    for (const auto& d : diags) {
        if (!d.isError()) continue;
        errors.push_back(d.path.empty() ? d.message : d.path + ": " + d.message);
    }
    if (errors.empty()) return {};
    return invalid(qualifiedKindOf(a), a.name, errors);
}

}  // namespace ks::store::admission
