// Validation: field validation of the object about to be stored, as an Invalid status.
// Upstream runs this inside the registry (strategy.Validate in rest.BeforeCreate/BeforeUpdate),
// after the mutating plugins and before the validating ones; here it is the first validating
// plugin, with the same position in the order. Messages read like upstream's NewInvalid:
// `Pod "web" is invalid: spec.containers[0].image: Required value`, several errors as
// `Pod "web" is invalid: [a, b]`.
#pragma once

#include "core/store/admission.h"

namespace ks::store::admission {

class Validation : public AdmissionPlugin {
public:
    static constexpr const char* kName = "Validation";
    std::string name() const override { return kName; }
    Status validate(const AdmissionAttributes& attributes) override;
};

// "Pod" for "pods", "Deployment.apps" for "deployments.apps": the GroupKind of a request.
std::string qualifiedKindOf(const AdmissionAttributes& attributes);

}  // namespace ks::store::admission
