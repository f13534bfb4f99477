// VolumeZone (volumezone/volume_zone.go, v1.31).
#include "core/scheduler/plugins/volume_zone/volume_zone.h"

#include "core/scheduler/plugins/volume_binding/pv_helpers.h"

namespace ks::scheduler::plugins {

namespace v = volume;

namespace {

// In upstream's order: the legacy beta labels first.
const char* const kTopologyLabels[] = {
    "failure-domain.beta.kubernetes.io/zone",
    "failure-domain.beta.kubernetes.io/region",
    "topology.kubernetes.io/zone",
    "topology.kubernetes.io/region",
};

std::string translateToGALabel(const std::string& label) {
    if (label == "failure-domain.beta.kubernetes.io/region") return "topology.kubernetes.io/region";
    if (label == "failure-domain.beta.kubernetes.io/zone") return "topology.kubernetes.io/zone";
    return label;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\n\r\f\v");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\n\r\f\v") - b + 1);
}

struct State final : StateData {
    std::vector<PVTopology> topologies;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<State>(*this); }
};

}  // namespace

bool VolumeZone::labelZonesToSet(const std::string& value, std::set<std::string>& out) {
    out.clear();
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = value.find("__", start);
        const std::string zone = trim(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (zone.empty()) {
            out.clear();
            return false;
        }
        out.insert(zone);
        if (end == std::string::npos) return true;
        start = end + 2;
    }
}

Status VolumeZone::pvTopologies(const api::Pod& pod, std::vector<PVTopology>& out) const {
    const ClusterObjects& objects = m_handle.snapshot().objects();
    out.clear();
    for (const auto& vol : pod.spec.volumes) {
        if (vol.source != api::Volume::Source::PersistentVolumeClaim) continue;
        if (vol.claimName.empty()) return Status::unresolvable("PersistentVolumeClaim had no name");
        const api::PersistentVolumeClaim* pvc = objects.pvc(pod.metadata.namespace_, vol.claimName);
        if (!pvc) return Status::unresolvable(v::pvcNotFound(vol.claimName));
        if (pvc->volumeName.empty()) {
            const std::string className = v::claimClass(*pvc, objects);
            if (className.empty())
                return Status::unresolvable("PersistentVolumeClaim had no pv name and storageClass name");
            auto sc = objects.storageClasses.find(className);
            if (sc == objects.storageClasses.end()) return Status::unresolvable(v::storageClassNotFound(className));
            // Unbound WaitForFirstConsumer claims get their zone from VolumeBinding instead.
            if (sc->second.volumeBindingMode == "WaitForFirstConsumer") continue;
            return Status::unresolvable("PersistentVolume had no name");
        }
        auto pv = objects.persistentVolumes.find(pvc->volumeName);
        if (pv == objects.persistentVolumes.end()) return Status::unresolvable(v::pvNotFound(pvc->volumeName));
        for (const char* key : kTopologyLabels) {
            auto label = pv->second.metadata.labels.find(key);
            if (label == pv->second.metadata.labels.end()) continue;
            PVTopology t;
            t.pvName = pv->second.metadata.name;
            t.key = key;
            if (!labelZonesToSet(label->second, t.values)) continue;  // unparsable: ignored, as upstream logs
            out.push_back(std::move(t));
        }
    }
    return Status::success();
}

Status VolumeZone::preFilter(CycleState& state, const PodInfo& pod, PreFilterResult&) {
    auto s = std::make_unique<State>();
    if (Status st = pvTopologies(*pod.pod, s->topologies); !st.isSuccess()) return st;
    if (s->topologies.empty()) return Status::skip();
    state.write(kPreFilterStateKey, std::move(s));
    return Status::success();
}

Status VolumeZone::filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) {
    if (pod.pod->spec.volumes.empty()) return Status::success();
    std::vector<PVTopology> computed;
    const std::vector<PVTopology>* topologies = nullptr;
    if (const auto* s = state.read<State>(kPreFilterStateKey)) {
        topologies = &s->topologies;
    } else {
        if (Status st = pvTopologies(*pod.pod, computed); !st.isSuccess()) return st;
        topologies = &computed;
    }
    const auto& labels = node.node()->metadata.labels;
    bool hasAnyNodeConstraint = false;
    for (const char* key : kTopologyLabels) hasAnyNodeConstraint = hasAnyNodeConstraint || labels.count(key);
    // A node without any zone label (a single-zone cluster) takes any volume.
    if (!hasAnyNodeConstraint) return Status::success();
    for (const auto& t : *topologies) {
        auto it = labels.find(t.key);
        if (it == labels.end()) it = labels.find(translateToGALabel(t.key));
        if (it == labels.end() || !t.values.count(it->second)) return Status::unresolvable(kErrReasonConflict);
    }
    return Status::success();
}

std::unique_ptr<Plugin> newVolumeZone(const api::Value*, Handle& handle, std::string&) {
    return std::make_unique<VolumeZone>(handle);
}

}  // namespace ks::scheduler::plugins
