#include "core/store/admission.h"

#include "core/store/object_meta.h"

namespace ks::store {

Status admissionForbidden(const AdmissionAttributes& a, const std::string& detail) {
    // extractResourceName: "this is necessary because name object name generation has not
    // occurred yet".
    std::string name = a.name;
    if (name.empty() && a.object) name = metaString(*a.object, "name");
    if (name.empty() && a.object) name = metaString(*a.object, "generateName");
    if (name.empty()) name = "Unknown";
    return forbidden(a.resource, name, detail);
}

}  // namespace ks::store
