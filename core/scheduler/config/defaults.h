// Defaulting of KubeSchedulerConfiguration: the v1 default plugins (multiPoint), merging a
// profile's plugins with them, and the default args of every plugin that has args.
// Mirrors pkg/scheduler/apis/config/v1/{default_plugins.go,defaults.go} (v1.31).
#pragma once

#include "core/scheduler/config/types.h"

namespace ks::scheduler::config {

// The v1.31 default plugins: MultiPoint with SchedulingGates ... DefaultBinder and the
// default weights (TaintToleration 3, NodeAffinity 2, NodeResourcesFit 1, PodTopologySpread 2,
// InterPodAffinity 2, NodeResourcesBalancedAllocation 1, ImageLocality 1).
Plugins defaultPlugins();

// Upstream mergePlugins: per extension point, default plugins minus the disabled ones ("*"
// disables all), re-configured defaults updated in place, then the custom ones appended.
Plugins mergePlugins(const Plugins& defaults, const Plugins& custom);

// Args with upstream's defaults filled in for the plugins that have args (NodeResourcesFit,
// NodeResourcesBalancedAllocation, PodTopologySpread, InterPodAffinity, DefaultPreemption,
// VolumeBinding, NodeAffinity); other plugins get their args back unchanged.
api::Value defaultArgs(const std::string& pluginName, const api::Value& args);

// Applies SetDefaults_KubeSchedulerConfiguration: one default-scheduler profile when none,
// plugins merged with the defaults, and a defaulted pluginConfig entry for every plugin with
// args that the profile uses.
void applyDefaults(KubeSchedulerConfiguration& config);

// The configuration kube-scheduler runs with when given no --config.
KubeSchedulerConfiguration defaultConfiguration();

}  // namespace ks::scheduler::config
