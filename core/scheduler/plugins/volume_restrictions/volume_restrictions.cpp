// VolumeRestrictions (volumerestrictions/volume_restrictions.go, v1.31).
#include "core/scheduler/plugins/volume_restrictions/volume_restrictions.h"

#include <algorithm>

#include "core/scheduler/plugins/volume_binding/pv_helpers.h"

namespace ks::scheduler::plugins {

namespace {

int conflictingRefCountForPod(const VolumeRestrictionsState& s, const api::Pod& pod) {
    // NOTE: as upstream, only the claim name is compared (not the namespace).
    int conflicts = 0;
    for (const auto& v : pod.spec.volumes)
        if (v.source == api::Volume::Source::PersistentVolumeClaim && s.readWriteOncePodPVCs.count(v.claimName)) ++conflicts;
    return conflicts;
}

// Upstream StorageInfos().IsPVCUsedByPods: some pod in the snapshot uses the claim.
bool isPVCUsedByPods(const Snapshot& snapshot, const std::string& key) {
    for (const auto& info : snapshot.nodeInfos())
        if (info->pvcRefCounts().count(key)) return true;
    return false;
}

}  // namespace

Status VolumeRestrictions::preFilter(CycleState& state, const PodInfo& pod, PreFilterResult&) {
    const api::Pod& p = *pod.pod;
    // needsRestrictionsCheck: the inline disk sources are not modelled (see the header).
    const bool needsCheck = false;
    auto s = std::make_unique<VolumeRestrictionsState>();
    const ClusterObjects& objects = m_handle.snapshot().objects();
    for (const auto& v : p.spec.volumes) {
        if (v.source != api::Volume::Source::PersistentVolumeClaim) continue;
        const api::PersistentVolumeClaim* pvc = objects.pvc(p.metadata.namespace_, v.claimName);
        if (!pvc) return Status::unresolvable(volume::pvcNotFound(v.claimName));
        if (std::find(pvc->accessModes.begin(), pvc->accessModes.end(), "ReadWriteOncePod") == pvc->accessModes.end())
            continue;
        s->readWriteOncePodPVCs.insert(pvc->metadata.name);
    }
    for (const auto& claim : s->readWriteOncePodPVCs)
        if (isPVCUsedByPods(m_handle.snapshot(), p.metadata.namespace_ + "/" + claim)) ++s->conflictingPVCRefCount;
    if (!needsCheck && s->conflictingPVCRefCount == 0) return Status::skip();
    state.write(kPreFilterStateKey, std::move(s));
    return Status::success();
}

Status VolumeRestrictions::addPod(CycleState& state, const PodInfo&, const PodInfo& podToAdd, const NodeInfo&) {
    auto* s = state.read<VolumeRestrictionsState>(kPreFilterStateKey);
    if (!s) return Status::error(std::string("cannot read \"") + kPreFilterStateKey + "\" from cycleState");
    s->conflictingPVCRefCount += conflictingRefCountForPod(*s, *podToAdd.pod);
    return Status::success();
}

Status VolumeRestrictions::removePod(CycleState& state, const PodInfo&, const PodInfo& podToRemove, const NodeInfo&) {
    auto* s = state.read<VolumeRestrictionsState>(kPreFilterStateKey);
    if (!s) return Status::error(std::string("cannot read \"") + kPreFilterStateKey + "\" from cycleState");
    s->conflictingPVCRefCount -= conflictingRefCountForPod(*s, *podToRemove.pod);
    return Status::success();
}

Status VolumeRestrictions::filter(CycleState& state, const PodInfo&, const NodeInfo&) {
    const auto* s = state.read<VolumeRestrictionsState>(kPreFilterStateKey);
    if (!s) return Status::error(std::string("cannot read \"") + kPreFilterStateKey + "\" from cycleState");
    if (s->conflictingPVCRefCount > 0) return Status::unschedulable(kErrReasonReadWriteOncePodConflict);
    return Status::success();
}

std::unique_ptr<Plugin> newVolumeRestrictions(const api::Value*, Handle& handle, std::string&) {
    return std::make_unique<VolumeRestrictions>(handle);
}

}  // namespace ks::scheduler::plugins
