// Conversion of kubescheduler.config.k8s.io/v1beta1 to v1: the score plugins
// NodeResourcesLeastAllocated, NodeResourcesMostAllocated and RequestedToCapacityRatio became
// NodeResourcesFit's scoringStrategy (v1beta2, Kubernetes v1.22), and their args moved with them.
// Each change is reported as a warning.
#pragma once

#include <string>

#include "core/api/diagnostic.h"
#include "core/scheduler/config/types.h"

namespace ks::scheduler::config {

void convertV1beta1(KubeSchedulerConfiguration& config, const std::string& file, api::Diagnostics& out);

}  // namespace ks::scheduler::config
