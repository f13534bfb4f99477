// Defaulting: fills in defaults before the rest of the chain sees the object.
// Upstream has no plugin of this name: the API server applies the registered defaulters
// (pkg/apis/*/v1/defaults.go) while decoding a request, before any admission plugin runs.
// Here that step is the first mutating plugin, so that tests can leave it out.
#pragma once

#include "core/store/admission.h"

namespace ks::store::admission {

class Defaulting : public AdmissionPlugin {
public:
    static constexpr const char* kName = "Defaulting";
    std::string name() const override { return kName; }
    Status admit(AdmissionAttributes& attributes) override;
};

}  // namespace ks::store::admission
