// Private to core/api: building blocks of applyDefaults shared by defaults*.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/api/value.h"

namespace ks::api::defaulting {

// The mapping at key, created when absent or null; nullptr when something else is there
// (a malformed object keeps its shape, validation reports it).
Value* mapAt(Value& parent, std::string_view key);
// Pointer fields: set when absent or null (upstream: `if obj.X == nil`).
void setIfNil(Value& parent, std::string_view key, Value v);
// String fields: set when absent, null or "" (upstream: `if obj.X == ""`).
void setIfEmpty(Value& parent, std::string_view key, const std::string& s);

// SetDefaults_PodSpec and everything below it (containers, ports, probes, volumes), as the
// generated defaulters apply them to pods and pod templates alike.
void defaultPodSpec(Value& spec);
void defaultPodTemplate(Value& tmpl);
// SetDefaults_Pod: what only pods get (requests from limits, enableServiceLinks, host ports).
void defaultPodOnly(Value& spec);
// SetDefaults_PersistentVolumeClaimSpec.
void defaultPersistentVolumeClaimSpec(Value& spec);
void defaultHostPathSource(Value& source);

// pkg/api/v1/pod's image-pull default: Always for ":latest" or no tag, else IfNotPresent.
std::string defaultPullPolicy(std::string_view image);

}  // namespace ks::api::defaulting
