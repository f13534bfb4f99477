// NodeVolumeLimits / CSILimits (nodevolumelimits/csi.go, v1.31).
#include "core/scheduler/plugins/node_volume_limits/node_volume_limits.h"

#include <set>

#include "core/scheduler/plugins/volume_binding/pv_helpers.h"

namespace ks::scheduler::plugins {

namespace v = volume;

namespace {

constexpr const char* kAttachableVolumesPrefix = "attachable-volumes-";
// Upstream prefixes the volume IDs it invents for unbound claims with 32 random characters so
// they never equal a real handle; any fixed text that no handle uses does the same here.
constexpr const char* kRandomVolumeIDPrefix = "unbound-claim";

// The in-tree provisioners with a CSI migration path (csi-translation-lib); their claims are
// only counted when the node's CSINode lists the plugin as migrated, which is not modelled.
const std::set<std::string>& migratableInTreeProvisioners() {
    static const std::set<std::string> kNames = {
        "kubernetes.io/aws-ebs",      "kubernetes.io/gce-pd",   "kubernetes.io/azure-disk",
        "kubernetes.io/azure-file",   "kubernetes.io/cinder",   "kubernetes.io/vsphere-volume",
        "kubernetes.io/portworx-volume"};
    return kNames;
}

}  // namespace

std::string NodeVolumeLimits::attachLimitKey(const std::string& driver) {
    return std::string(kAttachableVolumesPrefix) + "csi-" + driver;
}

Status NodeVolumeLimits::preFilter(CycleState&, const PodInfo& pod, PreFilterResult&) {
    for (const auto& vol : pod.pod->spec.volumes)
        if (vol.source == api::Volume::Source::PersistentVolumeClaim || vol.source == api::Volume::Source::Ephemeral)
            return Status::success();
    return Status::skip();
}

std::pair<std::string, std::string> NodeVolumeLimits::csiDriverInfoFromClass(const api::PersistentVolumeClaim& pvc) const {
    const ClusterObjects& objects = m_handle.snapshot().objects();
    // A claim without a class binds immediately, so it is bound before it gets here.
    const std::string className = v::claimClass(pvc, objects);
    if (className.empty()) return {};
    auto it = objects.storageClasses.find(className);
    if (it == objects.storageClasses.end()) return {};
    const std::string& provisioner = it->second.provisioner;
    if (migratableInTreeProvisioners().count(provisioner)) return {};
    return {provisioner, std::string(kRandomVolumeIDPrefix) + "-" + pvc.metadata.namespace_ + "/" + pvc.metadata.name};
}

std::pair<std::string, std::string> NodeVolumeLimits::csiDriverInfo(const api::PersistentVolumeClaim& pvc) const {
    if (pvc.volumeName.empty()) return csiDriverInfoFromClass(pvc);
    const auto& pvs = m_handle.snapshot().objects().persistentVolumes;
    auto it = pvs.find(pvc.volumeName);
    // A missing PV (deleted, or pre-bound to one not created yet) is counted through its class.
    if (it == pvs.end()) return csiDriverInfoFromClass(pvc);
    if (it->second.csiDriver.empty()) return {};  // not a CSI volume
    return {it->second.csiDriver, it->second.metadata.name};
}

bool NodeVolumeLimits::attachableVolumes(const api::Pod& pod, bool newPod, std::map<std::string, std::string>& result,
                                         std::string& error, bool& notFound) const {
    const ClusterObjects& objects = m_handle.snapshot().objects();
    for (const auto& vol : pod.spec.volumes) {
        std::string claimName;
        const bool ephemeral = vol.source == api::Volume::Source::Ephemeral;
        if (vol.source == api::Volume::Source::PersistentVolumeClaim) claimName = vol.claimName;
        else if (ephemeral) claimName = v::ephemeralClaimName(pod, vol);
        else continue;  // inline volumes: counted by the in-tree limit plugins, if at all
        if (claimName.empty()) {
            error = "PersistentVolumeClaim had no name";
            return false;
        }
        const api::PersistentVolumeClaim* pvc = objects.pvc(pod.metadata.namespace_, claimName);
        if (!pvc) {
            if (!newPod) continue;
            error = "looking up PVC " + pod.metadata.namespace_ + "/" + claimName + ": " + v::pvcNotFound(claimName);
            notFound = true;
            return false;
        }
        if (ephemeral) {
            error = v::volumeIsForPod(pod, *pvc);
            if (!error.empty()) return false;
        }
        auto [driver, handle] = csiDriverInfo(*pvc);
        if (driver.empty() || handle.empty()) continue;
        result[driver + "/" + handle] = attachLimitKey(driver);
    }
    return true;
}

Status NodeVolumeLimits::filter(CycleState&, const PodInfo& pod, const NodeInfo& node) {
    const api::Pod& p = *pod.pod;
    if (p.spec.volumes.empty()) return Status::success();

    std::map<std::string, std::string> newVolumes;
    std::string error;
    bool notFound = false;
    if (!attachableVolumes(p, true, newVolumes, error, notFound))
        return notFound ? Status::unresolvable(error) : Status::error(error);
    if (newVolumes.empty()) return Status::success();

    // getVolumeLimits: node allocatable attachable-volumes-*, overridden by CSINode counts.
    std::map<std::string, std::int64_t> limits;
    for (const auto& [name, value] : node.allocatable().scalarResources)
        if (name.rfind(kAttachableVolumesPrefix, 0) == 0) limits[name] = value;
    const auto& csiNodes = m_handle.snapshot().objects().csiNodeVolumeLimits;
    if (auto it = csiNodes.find(node.name()); it != csiNodes.end())
        for (const auto& [driver, count] : it->second) limits[attachLimitKey(driver)] = count;
    if (limits.empty()) return Status::success();

    std::map<std::string, std::string> attached;
    for (const auto& existing : node.pods()) {
        bool ignored = false;
        if (!attachableVolumes(*existing->pod, false, attached, error, ignored)) return Status::error(error);
    }
    std::map<std::string, int> attachedCount, newCount;
    for (const auto& [unique, key] : attached) {
        newVolumes.erase(unique);  // a volume shared with a pod on the node is attached once
        ++attachedCount[key];
    }
    for (const auto& [unique, key] : newVolumes) ++newCount[key];
    for (const auto& [key, count] : newCount) {
        auto limit = limits.find(key);
        if (limit == limits.end()) continue;
        if (attachedCount[key] + count > limit->second) return Status::unschedulable(kErrReasonMaxVolumeCountExceeded);
    }
    return Status::success();
}

std::unique_ptr<Plugin> newNodeVolumeLimits(const api::Value*, Handle& handle, std::string&) {
    return std::make_unique<NodeVolumeLimits>(handle);
}

}  // namespace ks::scheduler::plugins
