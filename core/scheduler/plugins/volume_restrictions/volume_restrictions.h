// VolumeRestrictions: volumes that cannot be shared. A ReadWriteOncePod claim already used by a
// pod anywhere in the cluster makes every node infeasible (preemption may free it).
// Mirrors pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go (v1.31).
// NOTE: the inline GCE PD / AWS EBS / iSCSI / RBD disk conflicts ("node(s) had no available
// disk") are not checked: the object model does not keep those legacy in-tree volume sources.
// Legacy name: predicate NoDiskConflict.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class VolumeRestrictions final : public PreFilterPlugin, public FilterPlugin {
public:
    static constexpr const char* kName = "VolumeRestrictions";
    static constexpr const char* kPreFilterStateKey = "PreFilterVolumeRestrictions";
    static constexpr const char* kErrReasonDiskConflict = "node(s) had no available disk";
    static constexpr const char* kErrReasonReadWriteOncePodConflict =
        "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode";

    explicit VolumeRestrictions(Handle& handle) : m_handle(handle) {}

    std::string name() const override { return kName; }
    Status preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) override;
    bool hasPreFilterExtensions() const override { return true; }
    Status addPod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToAdd, const NodeInfo& node) override;
    Status removePod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToRemove,
                     const NodeInfo& node) override;
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;

private:
    Handle& m_handle;
};

// What PreFilter computes (upstream preFilterState).
struct VolumeRestrictionsState final : StateData {
    std::set<std::string> readWriteOncePodPVCs;  // claim names of the pod with ReadWriteOncePod
    int conflictingPVCRefCount = 0;              // scheduled pods using them
    std::unique_ptr<StateData> clone() const override { return std::make_unique<VolumeRestrictionsState>(*this); }
};

std::unique_ptr<Plugin> newVolumeRestrictions(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
