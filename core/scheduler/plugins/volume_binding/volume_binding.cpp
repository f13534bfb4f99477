// VolumeBinding (volumebinding/volume_binding.go, v1.31).
#include "core/scheduler/plugins/volume_binding/volume_binding.h"

#include "core/scheduler/plugins/volume_binding/pv_helpers.h"

namespace ks::scheduler::plugins {

namespace v = volume;

bool VolumeBindingArgs::parse(const api::Value* args, VolumeBindingArgs& out, std::string& error) {
    out = VolumeBindingArgs{};
    if (!args || args->isNull()) return true;
    if (!args->isMapping()) {
        error = "want args to be of type VolumeBindingArgs";
        return false;
    }
    std::vector<std::string> errs;
    if (const api::Value* t = args->get("bindTimeoutSeconds"); t && !t->isNull()) {
        auto n = t->toInt();
        if (!n) {
            error = "bindTimeoutSeconds: expected an integer";
            return false;
        }
        out.bindTimeoutSeconds = *n;
        if (*n < 0)
            errs.push_back("bindTimeoutSeconds: Invalid value: " + std::to_string(*n) +
                           ": invalid BindTimeoutSeconds, should not be a negative value");
    }
    if (const api::Value* shape = args->get("shape"); shape && !shape->isNull()) {
        // The shape only means something with the alpha VolumeCapacityPriority gate, off in 1.31;
        // the value is rendered as Go's %#v of []config.UtilizationShapePoint.
        std::string rendered = "[]config.UtilizationShapePoint{";
        for (std::size_t i = 0; shape->isSequence() && i < shape->items().size(); ++i) {
            const api::Value& p = shape->items()[i];
            rendered += (i ? ", " : "");
            rendered += "config.UtilizationShapePoint{Utilization:" + std::to_string(p.get("utilization") ? p.get("utilization")->toInt().value_or(0) : 0) +
                        ", Score:" + std::to_string(p.get("score") ? p.get("score")->toInt().value_or(0) : 0) + "}";
        }
        rendered += "}";
        errs.push_back("shape: Invalid value: " + rendered +
                       ": unexpected field `shape`, remove it or turn on the feature gate VolumeCapacityPriority");
    }
    if (errs.empty()) return true;
    if (errs.size() == 1) {
        error = errs.front();
    } else {
        error = "[" + errs[0];
        for (std::size_t i = 1; i < errs.size(); ++i) error += ", " + errs[i];
        error += "]";
    }
    return false;
}

VolumeBinding::VolumeBinding(const VolumeBindingArgs& args, Handle& handle)
    : m_handle(handle), m_binder(handle), m_bindTimeoutSeconds(args.bindTimeoutSeconds) {}

bool VolumeBinding::podHasPVCs(const api::Pod& pod, std::string& error) const {
    const ClusterObjects& objects = m_handle.snapshot().objects();
    bool hasPVC = false;
    for (const auto& vol : pod.spec.volumes) {
        std::string claimName;
        const bool ephemeral = vol.source == api::Volume::Source::Ephemeral;
        if (vol.source == api::Volume::Source::PersistentVolumeClaim) claimName = vol.claimName;
        else if (ephemeral) claimName = v::ephemeralClaimName(pod, vol);
        else continue;
        hasPVC = true;
        const api::PersistentVolumeClaim* pvc = objects.pvc(pod.metadata.namespace_, claimName);
        if (!pvc) {
            // Right after a pod with an ephemeral volume is created its claim does not exist yet.
            error = ephemeral ? "waiting for ephemeral volume controller to create the persistentvolumeclaim \"" +
                                    claimName + "\""
                              : v::pvcNotFound(claimName);
            return true;
        }
        if (pvc->phase == "Lost") {
            error = "persistentvolumeclaim \"" + pvc->metadata.name + "\" bound to non-existent persistentvolume \"" +
                    pvc->volumeName + "\"";
            return true;
        }
        if (pvc->metadata.deletionTimestamp) {
            error = "persistentvolumeclaim \"" + pvc->metadata.name + "\" is being deleted";
            return true;
        }
        if (ephemeral) {
            error = v::volumeIsForPod(pod, *pvc);
            if (!error.empty()) return true;
        }
    }
    return hasPVC;
}

Status VolumeBinding::preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) {
    std::string error;
    const bool hasPVC = podHasPVCs(*pod.pod, error);
    if (!error.empty()) return Status::unresolvable(error);
    if (!hasPVC) {
        auto s = std::make_unique<VolumeBindingState>();
        s->skipped = true;
        state.write(kStateKey, std::move(s));
        return Status::skip();
    }
    auto s = std::make_unique<VolumeBindingState>();
    if (!m_binder.podVolumeClaims(*pod.pod, s->claims, error)) return Status::error(error);
    // Immediate claims are the PV controller's job: the pod waits until they are bound.
    if (!s->claims.unboundClaimsImmediate.empty()) return Status::unresolvable(kErrReasonUnboundImmediate);
    if (auto eligible = m_binder.eligibleNodes(s->claims.boundClaims)) result.nodeNames = std::move(*eligible);
    state.write(kStateKey, std::move(s));
    return Status::success();
}

Status VolumeBinding::filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) {
    auto* s = state.read<VolumeBindingState>(kStateKey);
    if (!s) return Status::error("not found");
    PodVolumes podVolumes;
    std::vector<std::string> reasons;
    Status st = m_binder.findPodVolumes(*pod.pod, s->claims, *node.node(), podVolumes, reasons);
    if (!st.isSuccess()) return st;
    if (!reasons.empty()) return Status(Code::UnschedulableAndUnresolvable, std::move(reasons));
    s->hasStaticBindings = s->hasStaticBindings || !podVolumes.staticBindings.empty();
    s->podVolumesByNode[node.name()] = std::move(podVolumes);
    return Status::success();
}

Status VolumeBinding::reserve(CycleState& state, const PodInfo& pod, const std::string& nodeName) {
    auto* s = state.read<VolumeBindingState>(kStateKey);
    if (!s) return Status::error("not found");
    auto it = s->podVolumesByNode.find(nodeName);
    // No entry: the pod uses no claims.
    s->allBound = it == s->podVolumesByNode.end() ? true : m_binder.assumePodVolumes(*pod.pod, nodeName, it->second);
    return Status::success();
}

void VolumeBinding::unreserve(CycleState& state, const PodInfo&, const std::string& nodeName) {
    auto* s = state.read<VolumeBindingState>(kStateKey);
    if (!s) return;
    if (auto it = s->podVolumesByNode.find(nodeName); it != s->podVolumesByNode.end())
        m_binder.revertAssumedPodVolumes(it->second);
}

Status VolumeBinding::preBind(CycleState& state, const PodInfo& pod, const std::string& nodeName) {
    auto* s = state.read<VolumeBindingState>(kStateKey);
    if (!s) return Status::error("not found");
    if (s->allBound) return Status::success();
    auto it = s->podVolumesByNode.find(nodeName);
    if (it == s->podVolumesByNode.end()) return Status::error("no pod volumes found for node \"" + nodeName + "\"");
    return m_binder.bindPodVolumes(*pod.pod, it->second);
}

Status VolumeBinding::preScore(CycleState&, const PodInfo&, const std::vector<const NodeInfo*>&) {
    // Without the VolumeCapacityPriority gate there is no scorer: upstream skips Score.
    return Status::skip();
}

Status VolumeBinding::score(CycleState&, const PodInfo&, const NodeInfo&, std::int64_t& score) {
    score = 0;
    return Status::success();
}

std::unique_ptr<Plugin> newVolumeBinding(const api::Value* args, Handle& handle, std::string& error) {
    VolumeBindingArgs parsed;
    if (!VolumeBindingArgs::parse(args, parsed, error)) return nullptr;
    return std::make_unique<VolumeBinding>(parsed, handle);
}

}  // namespace ks::scheduler::plugins
