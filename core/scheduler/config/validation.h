// Validation of a defaulted KubeSchedulerConfiguration, with the messages of upstream's
// pkg/scheduler/apis/config/validation/{validation.go,validation_pluginargs.go} (v1.31) for the
// fields the simulation reads.
#pragma once

#include <string>

#include "core/api/diagnostic.h"
#include "core/scheduler/config/types.h"

namespace ks::scheduler::config {

void validateConfiguration(const KubeSchedulerConfiguration& config, const std::string& file, api::Diagnostics& out);

}  // namespace ks::scheduler::config
