// Priority: resolves a pod's priority from its PriorityClass and guards the single global default.
// Mirrors plugin/pkg/admission/priority/admission.go (v1.31):
//  - pods, on create: spec.priorityClassName (or the globalDefault class with the lowest value,
//    or none: priority 0, PreemptLowerPriority) gives spec.priority and spec.preemptionPolicy;
//    an unknown class is Forbidden (`no PriorityClass with name foo was found`); a spec.priority
//    or preemptionPolicy set by the client that differs from the computed one is Forbidden;
//  - pods, on update: a missing priority/preemptionPolicy is taken from the old pod;
//  - PriorityClasses (validating): only one may be marked globalDefault.
// Upstream's API server creates system-node-critical and system-cluster-critical as objects at
// start-up; here they are also resolved built in when no such object is stored, and
// systemPriorityClasses() returns them for a scenario that wants them listed.
#pragma once

#include <vector>

#include "core/api/value.h"
#include "core/store/admission.h"

namespace ks::store::admission {

inline constexpr std::int32_t kSystemCriticalPriority = 2'000'000'000;  // scheduling.SystemCriticalPriority

class Priority : public AdmissionPlugin {
public:
    static constexpr const char* kName = "Priority";
    std::string name() const override { return kName; }
    Status admit(AdmissionAttributes& attributes) override;
    Status validate(const AdmissionAttributes& attributes) override;
};

// system-node-critical (2000001000) and system-cluster-critical (2000000000), as
// scheduling/v1 PriorityClass objects (pkg/apis/scheduling/types.go SystemPriorityClasses).
std::vector<api::Value> systemPriorityClasses();

}  // namespace ks::store::admission
