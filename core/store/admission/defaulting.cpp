#include "core/store/admission/defaulting.h"

#include "core/api/defaults.h"

namespace ks::store::admission {

Status Defaulting::admit(AdmissionAttributes& a) {
    // Every decoded body is defaulted: creates, updates and status updates alike. A Binding is
    // not the pod it binds.
    if (!a.object || a.operation == Operation::Delete || a.subresource == "binding") return {};
    api::applyDefaults(*a.object);
    return {};
}

}  // namespace ks::store::admission
