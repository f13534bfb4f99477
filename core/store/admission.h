// The admission chain: plugins that see every write before it is stored.
// Mirrors k8s.io/apiserver/pkg/admission (v1.31): all mutating plugins run first, in order
// (admission.MutationInterface.Admit), then all validating plugins (ValidationInterface.Validate).
// The built-in plugins live in admission/; later issues add more (NamespaceLifecycle,
// PodTolerationRestriction, ...) by implementing this interface.
#pragma once

#include <string>
#include <string_view>

#include "core/api/value.h"
#include "core/store/status.h"

namespace ks::store {

class ApiStore;

enum class Operation { Create, Update, Delete };
// "CREATE", "UPDATE", "DELETE" as admission.Operation spells them.
std::string_view toString(Operation op);

// admission.Attributes.
struct AdmissionAttributes {
    Operation operation = Operation::Create;
    std::string kind;         // of the object: "Pod"; "Binding" for pods/binding
    std::string resource;     // qualified resource: "pods", "deployments.apps"
    std::string subresource;  // "", "status", "binding"
    std::string namespace_;
    // Empty on create with generateName: as upstream, the name is generated after mutating
    // admission, so a Forbidden then reads `pods is forbidden: ...`.
    std::string name;
    api::Value* object = nullptr;           // the incoming object; changeable in admit(); null on delete
    const api::Value* oldObject = nullptr;  // the stored object on update and delete
    const ApiStore* store = nullptr;        // read access, as plugins' listers have
};

class AdmissionPlugin {
public:
    virtual ~AdmissionPlugin() = default;
    // Upstream's plugin name: "Priority", ...
    virtual std::string name() const = 0;
    // Mutating phase. A non-Ok status rejects the request with that status.
    virtual Status admit(AdmissionAttributes& attributes) { return {}; }
    // Validating phase: must not change the object.
    virtual Status validate(const AdmissionAttributes& attributes) { return {}; }
};

// admission.NewForbidden: Forbidden on the request's resource, named by the request's name, else
// the object's generateName (`pods "web-" is forbidden: ...`), else "Unknown".
Status admissionForbidden(const AdmissionAttributes& attributes, const std::string& detail);

}  // namespace ks::store
