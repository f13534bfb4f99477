// VolumeBinding: the pod's PersistentVolumeClaims must be bound, or bindable on the node
// (a matching PersistentVolume, or dynamic provisioning for WaitForFirstConsumer classes); the
// chosen bindings are assumed at Reserve and written at PreBind.
// Mirrors pkg/scheduler/framework/plugins/volumebinding/volume_binding.go (Kubernetes v1.31:
// VolumeCapacityPriority off, so PreScore skips and Score stays inert; CSIStorageCapacity not
// simulated).
// Legacy name: predicate CheckVolumeBinding.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/api/value.h"
#include "core/scheduler/framework/interface.h"
#include "core/scheduler/plugins/volume_binding/binder.h"

namespace ks::scheduler::plugins {

// kubescheduler.config.k8s.io/v1 VolumeBindingArgs, defaulted.
struct VolumeBindingArgs {
    std::int64_t bindTimeoutSeconds = 600;

    static bool parse(const api::Value* args, VolumeBindingArgs& out, std::string& error);
};

class VolumeBinding final : public PreFilterPlugin,
                            public FilterPlugin,
                            public ReservePlugin,
                            public PreBindPlugin,
                            public PreScorePlugin,
                            public ScorePlugin {
public:
    static constexpr const char* kName = "VolumeBinding";
    static constexpr const char* kStateKey = "VolumeBinding";
    static constexpr const char* kErrReasonUnboundImmediate = "pod has unbound immediate PersistentVolumeClaims";

    VolumeBinding(const VolumeBindingArgs& args, Handle& handle);

    std::string name() const override { return kName; }

    Status preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) override;
    Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;
    Status reserve(CycleState& state, const PodInfo& pod, const std::string& nodeName) override;
    void unreserve(CycleState& state, const PodInfo& pod, const std::string& nodeName) override;
    Status preBind(CycleState& state, const PodInfo& pod, const std::string& nodeName) override;
    Status preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes) override;
    Status score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) override;

    VolumeBinder& binder() { return m_binder; }
    std::int64_t bindTimeoutSeconds() const { return m_bindTimeoutSeconds; }

private:
    // Upstream podHasPVCs: whether the pod uses claims, or the UnschedulableAndUnresolvable text.
    bool podHasPVCs(const api::Pod& pod, std::string& error) const;

    Handle& m_handle;
    VolumeBinder m_binder;
    std::int64_t m_bindTimeoutSeconds;
};

// What PreFilter and Filter leave in the cycle state (upstream stateData); public for the
// explanation of a cycle.
struct VolumeBindingState final : StateData {
    bool allBound = false;
    bool skipped = false;  // the pod uses no claims
    PodVolumeClaims claims;
    std::map<std::string, PodVolumes> podVolumesByNode;
    bool hasStaticBindings = false;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<VolumeBindingState>(*this); }
};

// Registry factory: args is the pluginConfig args (null for the defaults).
std::unique_ptr<Plugin> newVolumeBinding(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
