// KubeSchedulerConfiguration, as kube-scheduler reads it from --config.
// Mirrors pkg/scheduler/apis/config/types.go and staging/src/k8s.io/kube-scheduler/config/v1
// (v1.31). Plugin args stay Values (the plugin parses its own args, like upstream's typed
// args decoded per plugin); defaults.h fills their defaults.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/api/value.h"

namespace ks::scheduler::config {

inline constexpr const char* kApiVersionV1 = "kubescheduler.config.k8s.io/v1";
inline constexpr const char* kDefaultSchedulerName = "default-scheduler";

struct Plugin {
    std::string name;
    std::int32_t weight = 0;  // 0: not set (Score plugins then weigh 1)
};

struct PluginSet {
    std::vector<Plugin> enabled, disabled;
    bool disablesAll() const;
    bool disables(const std::string& name) const;
};

// The extension points, in upstream's order of Plugins' fields.
struct Plugins {
    PluginSet preEnqueue, queueSort, preFilter, filter, postFilter, preScore, score, reserve, permit, preBind,
        bind, postBind, multiPoint;
};

struct PluginConfig {
    std::string name;
    api::Value args;  // mapping; Null when the config gave none
};

struct Profile {
    std::string schedulerName = kDefaultSchedulerName;
    std::optional<std::int32_t> percentageOfNodesToScore;
    Plugins plugins;
    std::vector<PluginConfig> pluginConfig;
    const PluginConfig* config(const std::string& pluginName) const;
};

// Durations in virtual milliseconds.
struct LeaderElection {
    bool leaderElect = true;
    std::int64_t leaseDurationMs = 15000;
    std::int64_t renewDeadlineMs = 10000;
    std::int64_t retryPeriodMs = 2000;
    std::string resourceLock = "leases";
    std::string resourceName = "kube-scheduler";
    std::string resourceNamespace = "kube-system";
};

struct KubeSchedulerConfiguration {
    std::string apiVersion = kApiVersionV1;  // as written in the file
    std::int32_t parallelism = 16;
    std::int32_t percentageOfNodesToScore = 0;  // 0: adaptive
    std::int64_t podInitialBackoffSeconds = 1;
    std::int64_t podMaxBackoffSeconds = 10;
    LeaderElection leaderElection;
    std::vector<Profile> profiles;
};

}  // namespace ks::scheduler::config
