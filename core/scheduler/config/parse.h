// Reading a KubeSchedulerConfiguration file (--config): kubescheduler.config.k8s.io/v1, plus
// the removed v1beta3, v1beta2 and v1beta1 converted to v1 with a warning (v1beta1's plugin
// names and args differ: NodeResourcesLeastAllocated and friends become NodeResourcesFit's
// scoringStrategy). The result is defaulted (defaults.h) and validated as upstream's
// pkg/scheduler/apis/config/validation does; every problem is a FILE:LINE:COL diagnostic.
//
// Plugins that are not built in (Coscheduling, ...) are accepted here: they only fail when a
// scheduler is built from the profile (Scheduler::create), as in kube-scheduler.
#pragma once

#include <string>

#include "core/api/diagnostic.h"
#include "core/api/value.h"
#include "core/scheduler/config/types.h"

namespace ks::scheduler::config {

struct ParseResult {
    KubeSchedulerConfiguration config;
    api::Diagnostics diagnostics;
    bool ok() const { return !api::hasErrors(diagnostics); }
};

ParseResult parseConfiguration(const api::Value& document, const std::string& file);
// Reads the file (one YAML/JSON document).
ParseResult parseConfigurationFile(const std::string& path);

}  // namespace ks::scheduler::config
