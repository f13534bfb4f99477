// NodeVolumeLimits (upstream type CSILimits): a node's CSI drivers can attach only so many
// volumes (CSINode spec.drivers[].allocatable.count, or node allocatable
// attachable-volumes-csi-<driver>); the pod's new unique volumes must fit.
// Mirrors pkg/scheduler/framework/plugins/nodevolumelimits/csi.go (Kubernetes v1.31; the in-tree
// EBS/GCEPD/AzureDisk limit plugins left the default profile in 1.31).
// NOTE: a PV's volumeHandle is not modelled, so a CSI volume is identified by its PV name; in-tree
// volumes and provisioners are not translated to CSI (no migrated-plugins annotation to read).
// Legacy name: predicate MaxCSIVolumeCountPred.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class NodeVolumeLimits final : public PreFilterPlugin, public FilterPlugin {
public:
    static constexpr const char* kName = "NodeVolumeLimits";
    static constexpr const char* kErrReasonMaxVolumeCountExceeded = "node(s) exceed max volume count";

    explicit NodeVolumeLimits(Handle& handle) : m_handle(handle) {}

    std::string name() const override { return kName; }
    Status preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) override;
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;

    // "attachable-volumes-csi-<driver>" (upstream GetCSIAttachLimitKey for names that fit).
    static std::string attachLimitKey(const std::string& driver);

private:
    // Upstream filterAttachableVolumes: unique volume name ("driver/handle") -> limit key.
    // For the new pod a missing claim is an error (text in error, notFound set); existing pods'
    // missing claims are not counted.
    bool attachableVolumes(const api::Pod& pod, bool newPod, std::map<std::string, std::string>& result,
                           std::string& error, bool& notFound) const;
    std::pair<std::string, std::string> csiDriverInfo(const api::PersistentVolumeClaim& pvc) const;
    std::pair<std::string, std::string> csiDriverInfoFromClass(const api::PersistentVolumeClaim& pvc) const;

    Handle& m_handle;
};

std::unique_ptr<Plugin> newNodeVolumeLimits(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
