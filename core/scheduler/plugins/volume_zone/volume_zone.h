// VolumeZone: a pod's bound PersistentVolumes labelled with zones or regions can only be used
// on nodes in one of those zones / regions.
// Mirrors pkg/scheduler/framework/plugins/volumezone/volume_zone.go (Kubernetes v1.31).
// Legacy name: predicate NoVolumeZoneConflict.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

// The zone or region a PV is restricted to (upstream pvTopology).
struct PVTopology {
    std::string pvName;
    std::string key;
    std::set<std::string> values;
};

class VolumeZone final : public PreFilterPlugin, public FilterPlugin {
public:
    static constexpr const char* kName = "VolumeZone";
    static constexpr const char* kPreFilterStateKey = "PreFilterVolumeZone";
    static constexpr const char* kErrReasonConflict = "node(s) had no available volume zone";

    explicit VolumeZone(Handle& handle) : m_handle(handle) {}

    std::string name() const override { return kName; }
    Status preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) override;
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;

    // "a__b" -> {a, b}; false for an empty element (upstream LabelZonesToSet).
    static bool labelZonesToSet(const std::string& value, std::set<std::string>& out);

private:
    Status pvTopologies(const api::Pod& pod, std::vector<PVTopology>& out) const;

    Handle& m_handle;
};

std::unique_ptr<Plugin> newVolumeZone(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
