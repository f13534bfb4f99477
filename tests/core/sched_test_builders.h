// Builders for the Pods, Nodes and selectors that scheduler tests need, in the spirit of
// upstream's pkg/scheduler/testing/wrappers.go (st.MakePod().Name("p").Label(...).Obj()).
// Header-only; shared by every tests/core/tst_plugin_*.cpp. Extend it, don't fork it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/api/types.h"
#include "core/scheduler/framework/snapshot.h"

namespace ks::scheduler::testing {

inline api::Quantity qty(const std::string& text) { return *api::Quantity::parse(text); }

// ---- label selectors ----

// matchLabels only: sel({{"foo", "bar"}}).
inline api::LabelSelector sel(api::Labels matchLabels) {
    api::LabelSelector s;
    s.matchLabels = std::move(matchLabels);
    return s;
}

// One requirement: req("foo", "In", {"a", "b"}), req("foo", "Exists").
inline api::LabelSelectorRequirement req(std::string key, std::string op, std::vector<std::string> values = {}) {
    return {std::move(key), std::move(op), std::move(values)};
}

inline api::LabelSelector selExpr(std::vector<api::LabelSelectorRequirement> exprs) {
    api::LabelSelector s;
    s.matchExpressions = std::move(exprs);
    return s;
}

// "foo Exists", the selector upstream's tests build with st.MakeLabelSelector().Exists("foo").
inline api::LabelSelector exists(const std::string& key) { return selExpr({req(key, "Exists")}); }

// ---- pods ----

class PodBuilder {
public:
    explicit PodBuilder(std::string name, std::string ns = "default") {
        m_pod.metadata.name = std::move(name);
        m_pod.metadata.namespace_ = std::move(ns);
        m_pod.metadata.uid = m_pod.metadata.namespace_ + "-" + m_pod.metadata.name + "-uid";
    }

    PodBuilder& namespace_(std::string ns) { m_pod.metadata.namespace_ = std::move(ns); return *this; }
    PodBuilder& uid(std::string uid) { m_pod.metadata.uid = std::move(uid); return *this; }
    PodBuilder& label(const std::string& k, const std::string& v) { m_pod.metadata.labels[k] = v; return *this; }
    PodBuilder& labels(const api::Labels& l) {
        for (const auto& [k, v] : l) m_pod.metadata.labels[k] = v;
        return *this;
    }
    PodBuilder& node(std::string nodeName) { m_pod.spec.nodeName = std::move(nodeName); return *this; }
    PodBuilder& priority(std::int32_t p) { m_pod.spec.priority = p; return *this; }
    PodBuilder& preemptionPolicy(std::string p) { m_pod.spec.preemptionPolicy = std::move(p); return *this; }
    PodBuilder& schedulerName(std::string s) { m_pod.spec.schedulerName = std::move(s); return *this; }
    PodBuilder& nominatedNode(std::string n) { m_pod.status.nominatedNodeName = std::move(n); return *this; }
    PodBuilder& startTime(api::Time t) { m_pod.status.startTime = t; return *this; }
    PodBuilder& terminating(api::Time at = 1) { m_pod.metadata.deletionTimestamp = at; return *this; }
    PodBuilder& condition(std::string type, std::string status, std::string reason = {}) {
        api::PodCondition c;
        c.type = std::move(type);
        c.status = std::move(status);
        c.reason = std::move(reason);
        m_pod.status.conditions.push_back(std::move(c));
        return *this;
    }
    PodBuilder& owner(std::string kind, std::string name, std::string apiVersion = "apps/v1") {
        api::OwnerReference r;
        r.apiVersion = std::move(apiVersion);
        r.kind = std::move(kind);
        r.name = std::move(name);
        r.uid = r.name + "-uid";
        r.controller = true;
        m_pod.metadata.ownerReferences.push_back(std::move(r));
        return *this;
    }
    // A container with these requests ("cpu" -> "100m", "memory" -> "1Gi", ...).
    PodBuilder& container(const std::vector<std::pair<std::string, std::string>>& requests = {}) {
        api::Container c;
        c.name = "c" + std::to_string(m_pod.spec.containers.size());
        c.image = "registry.k8s.io/pause:3.9";
        for (const auto& [name, value] : requests) c.resources.requests[name] = qty(value);
        m_pod.spec.containers.push_back(std::move(c));
        return *this;
    }
    PodBuilder& nodeSelector(const api::Labels& s) { m_pod.spec.nodeSelector = s; return *this; }
    // Required node affinity: key In values.
    PodBuilder& nodeAffinityIn(const std::string& key, std::vector<std::string> values) {
        api::NodeSelectorTerm term;
        term.matchExpressions.push_back({key, "In", std::move(values)});
        auto& na = affinity().nodeAffinity;
        if (!na) na.emplace();
        if (!na->required) na->required.emplace();
        na->required->terms.push_back(std::move(term));
        return *this;
    }
    // Init containers (restartPolicy Always makes a sidecar), overhead, images and volumes.
    PodBuilder& initContainer(const std::vector<std::pair<std::string, std::string>>& requests = {},
                              std::string image = "registry.k8s.io/busybox") {
        api::Container c;
        c.name = "init" + std::to_string(m_pod.spec.initContainers.size());
        c.image = std::move(image);
        for (const auto& [name, value] : requests) c.resources.requests[name] = qty(value);
        m_pod.spec.initContainers.push_back(std::move(c));
        return *this;
    }
    PodBuilder& sidecar(const std::vector<std::pair<std::string, std::string>>& requests = {}) {
        initContainer(requests);
        m_pod.spec.initContainers.back().restartPolicy = "Always";
        return *this;
    }
    PodBuilder& overhead(const std::vector<std::pair<std::string, std::string>>& resources) {
        for (const auto& [name, value] : resources) m_pod.spec.overhead[name] = qty(value);
        return *this;
    }
    // A request-less container running image.
    PodBuilder& image(std::string image) {
        container();
        m_pod.spec.containers.back().image = std::move(image);
        return *this;
    }
    PodBuilder& pvc(std::string claimName, std::string volumeName = {}) {
        api::Volume v;
        v.name = volumeName.empty() ? claimName : std::move(volumeName);
        v.source = api::Volume::Source::PersistentVolumeClaim;
        v.claimName = std::move(claimName);
        m_pod.spec.volumes.push_back(std::move(v));
        return *this;
    }
    // A generic ephemeral volume: its claim is named <pod>-<volume> and owned by the pod.
    PodBuilder& ephemeralVolume(std::string volumeName) {
        api::Volume v;
        v.name = std::move(volumeName);
        v.source = api::Volume::Source::Ephemeral;
        m_pod.spec.volumes.push_back(std::move(v));
        return *this;
    }
    PodBuilder& emptyDir(std::string volumeName) {
        api::Volume v;
        v.name = std::move(volumeName);
        v.source = api::Volume::Source::EmptyDir;
        m_pod.spec.volumes.push_back(std::move(v));
        return *this;
    }

    PodBuilder& toleration(std::string key, std::string op, std::string value, std::string effect) {
        api::Toleration t;
        t.key = std::move(key);
        t.op = std::move(op);
        t.value = std::move(value);
        t.effect = std::move(effect);
        m_pod.spec.tolerations.push_back(std::move(t));
        return *this;
    }

    // Topology spread constraint; optional fields stay unset unless given.
    PodBuilder& spreadConstraint(std::int32_t maxSkew, std::string topologyKey, std::string whenUnsatisfiable,
                                 std::optional<api::LabelSelector> selector,
                                 std::optional<std::int32_t> minDomains = std::nullopt,
                                 std::string nodeAffinityPolicy = {}, std::string nodeTaintsPolicy = {},
                                 std::vector<std::string> matchLabelKeys = {}) {
        api::TopologySpreadConstraint c;
        c.maxSkew = maxSkew;
        c.topologyKey = std::move(topologyKey);
        c.whenUnsatisfiable = std::move(whenUnsatisfiable);
        c.labelSelector = std::move(selector);
        c.minDomains = minDomains;
        c.nodeAffinityPolicy = std::move(nodeAffinityPolicy);
        c.nodeTaintsPolicy = std::move(nodeTaintsPolicy);
        c.matchLabelKeys = std::move(matchLabelKeys);
        m_pod.spec.topologySpreadConstraints.push_back(std::move(c));
        return *this;
    }

    // Pod (anti-)affinity terms, as st.MakePod().PodAffinityIn(key, topologyKey, values...).
    static api::PodAffinityTerm term(std::string topologyKey, std::optional<api::LabelSelector> selector,
                                     std::vector<std::string> namespaces = {},
                                     std::optional<api::LabelSelector> namespaceSelector = std::nullopt) {
        api::PodAffinityTerm t;
        t.topologyKey = std::move(topologyKey);
        t.labelSelector = std::move(selector);
        t.namespaces = std::move(namespaces);
        t.namespaceSelector = std::move(namespaceSelector);
        return t;
    }
    PodBuilder& podAffinity(api::PodAffinityTerm t) { podAff(false).required.push_back(std::move(t)); return *this; }
    PodBuilder& podAntiAffinity(api::PodAffinityTerm t) { podAff(true).required.push_back(std::move(t)); return *this; }
    PodBuilder& preferredPodAffinity(std::int32_t weight, api::PodAffinityTerm t) {
        podAff(false).preferred.push_back({weight, std::move(t)});
        return *this;
    }
    PodBuilder& preferredPodAntiAffinity(std::int32_t weight, api::PodAffinityTerm t) {
        podAff(true).preferred.push_back({weight, std::move(t)});
        return *this;
    }
    // key In values, on topologyKey (the common shape in upstream's tables).
    PodBuilder& podAffinityIn(const std::string& key, const std::string& topologyKey, std::vector<std::string> values) {
        return podAffinity(term(topologyKey, selExpr({req(key, "In", std::move(values))})));
    }
    PodBuilder& podAntiAffinityIn(const std::string& key, const std::string& topologyKey,
                                  std::vector<std::string> values) {
        return podAntiAffinity(term(topologyKey, selExpr({req(key, "In", std::move(values))})));
    }
    PodBuilder& podAffinityExists(const std::string& key, const std::string& topologyKey) {
        return podAffinity(term(topologyKey, exists(key)));
    }
    PodBuilder& podAntiAffinityExists(const std::string& key, const std::string& topologyKey) {
        return podAntiAffinity(term(topologyKey, exists(key)));
    }

    api::Pod obj() const { return m_pod; }
    std::shared_ptr<const api::Pod> ptr() const { return std::make_shared<const api::Pod>(m_pod); }
    operator std::shared_ptr<const api::Pod>() const { return ptr(); }

private:
    api::Affinity& affinity() {
        if (!m_pod.spec.affinity) m_pod.spec.affinity.emplace();
        return *m_pod.spec.affinity;
    }
    api::PodAffinity& podAff(bool anti) {
        auto& a = anti ? affinity().podAntiAffinity : affinity().podAffinity;
        if (!a) a.emplace();
        return *a;
    }

    api::Pod m_pod;
};

// ---- nodes ----

// Nodes carry kubernetes.io/hostname=<name> as the kubelet sets it (withoutHostnameLabel() drops it).
class NodeBuilder {
public:
    explicit NodeBuilder(std::string name) {
        m_node.metadata.name = name;
        m_node.metadata.uid = name + "-uid";
        m_node.metadata.labels["kubernetes.io/hostname"] = name;
    }

    NodeBuilder& label(const std::string& k, const std::string& v) { m_node.metadata.labels[k] = v; return *this; }
    NodeBuilder& labels(const api::Labels& l) {
        for (const auto& [k, v] : l) m_node.metadata.labels[k] = v;
        return *this;
    }
    NodeBuilder& withoutHostnameLabel() { m_node.metadata.labels.erase("kubernetes.io/hostname"); return *this; }
    NodeBuilder& zone(const std::string& z) { return label("topology.kubernetes.io/zone", z); }
    // Allocatable (and capacity): capacity({{"cpu", "4"}, {"memory", "8Gi"}, {"pods", "110"}}).
    NodeBuilder& capacity(const std::vector<std::pair<std::string, std::string>>& resources) {
        for (const auto& [name, value] : resources) {
            m_node.status.capacity[name] = qty(value);
            m_node.status.allocatable[name] = qty(value);
        }
        return *this;
    }
    NodeBuilder& taint(std::string key, std::string value, std::string effect) {
        api::Taint t;
        t.key = std::move(key);
        t.value = std::move(value);
        t.effect = std::move(effect);
        m_node.spec.taints.push_back(std::move(t));
        return *this;
    }
    // Only allocatable (capacity untouched), as a kubelet reserving system resources reports.
    NodeBuilder& allocatable(const std::vector<std::pair<std::string, std::string>>& resources) {
        for (const auto& [name, value] : resources) m_node.status.allocatable[name] = qty(value);
        return *this;
    }
    // status.images entry: every name of one image and its size in bytes.
    NodeBuilder& image(std::vector<std::string> names, std::int64_t sizeBytes) {
        m_node.status.images.push_back({std::move(names), sizeBytes});
        return *this;
    }
    NodeBuilder& unschedulable(bool u = true) { m_node.spec.unschedulable = u; return *this; }

    api::Node obj() const { return m_node; }
    std::shared_ptr<const api::Node> ptr() const { return std::make_shared<const api::Node>(m_node); }
    operator std::shared_ptr<const api::Node>() const { return ptr(); }

private:
    api::Node m_node;
};

// ---- storage ----

class PVBuilder {
public:
    PVBuilder(std::string name, std::string className) {
        m_pv.metadata.name = std::move(name);
        m_pv.metadata.uid = m_pv.metadata.name + "-uid";
        m_pv.storageClassName = std::move(className);
        m_pv.capacity["storage"] = qty("1Gi");
        m_pv.accessModes = {"ReadWriteOnce"};
    }
    PVBuilder& phase(std::string p) { m_pv.phase = std::move(p); return *this; }
    PVBuilder& capacity(const std::string& storage) { m_pv.capacity["storage"] = qty(storage); return *this; }
    PVBuilder& accessModes(std::vector<std::string> modes) { m_pv.accessModes = std::move(modes); return *this; }
    PVBuilder& volumeMode(std::string mode) { m_pv.volumeMode = std::move(mode); return *this; }
    PVBuilder& label(const std::string& k, const std::string& v) { m_pv.metadata.labels[k] = v; return *this; }
    PVBuilder& annotation(const std::string& k, const std::string& v) { m_pv.metadata.annotations[k] = v; return *this; }
    // Required node affinity with one term: every key In its values (upstream withNodeAffinity).
    PVBuilder& nodeAffinity(const std::vector<std::pair<std::string, std::vector<std::string>>>& keyValues) {
        api::NodeSelectorTerm term;
        for (const auto& [key, values] : keyValues) term.matchExpressions.push_back({key, "In", values});
        if (!m_pv.nodeAffinity) m_pv.nodeAffinity.emplace();
        m_pv.nodeAffinity->terms.push_back(std::move(term));
        return *this;
    }
    PVBuilder& claimRef(std::string ns, std::string name, std::string uid = {}) {
        m_pv.claimRefNamespace = std::move(ns);
        m_pv.claimRefName = std::move(name);
        m_pv.claimRefUid = std::move(uid);
        return *this;
    }
    PVBuilder& csi(std::string driver) { m_pv.csiDriver = std::move(driver); return *this; }
    PVBuilder& resourceVersion(std::uint64_t rv) { m_pv.metadata.resourceVersion = rv; return *this; }
    PVBuilder& deleting(api::Time at = 1) { m_pv.metadata.deletionTimestamp = at; return *this; }
    api::PersistentVolume obj() const { return m_pv; }
    operator api::PersistentVolume() const { return m_pv; }

private:
    api::PersistentVolume m_pv;
};

class PVCBuilder {
public:
    PVCBuilder(std::string name, std::optional<std::string> className, std::string ns = "default") {
        m_pvc.metadata.name = std::move(name);
        m_pvc.metadata.namespace_ = std::move(ns);
        m_pvc.metadata.uid = m_pvc.metadata.namespace_ + "-" + m_pvc.metadata.name + "-uid";
        m_pvc.storageClassName = std::move(className);
        m_pvc.accessModes = {"ReadWriteOnce"};
        m_pvc.resources.requests["storage"] = qty("1Gi");
        m_pvc.phase = "Pending";
    }
    // Bound by the PV controller: volumeName, the bind-completed annotation and phase Bound.
    PVCBuilder& boundTo(std::string pvName) {
        m_pvc.volumeName = std::move(pvName);
        m_pvc.metadata.annotations["pv.kubernetes.io/bind-completed"] = "yes";
        m_pvc.phase = "Bound";
        return *this;
    }
    // Pre-bound by the user: volumeName only.
    PVCBuilder& volumeName(std::string pvName) { m_pvc.volumeName = std::move(pvName); return *this; }
    PVCBuilder& phase(std::string p) { m_pvc.phase = std::move(p); return *this; }
    PVCBuilder& request(const std::string& storage) { m_pvc.resources.requests["storage"] = qty(storage); return *this; }
    PVCBuilder& accessModes(std::vector<std::string> modes) { m_pvc.accessModes = std::move(modes); return *this; }
    PVCBuilder& volumeMode(std::string mode) { m_pvc.volumeMode = std::move(mode); return *this; }
    PVCBuilder& selector(api::LabelSelector s) { m_pvc.selector = std::move(s); return *this; }
    PVCBuilder& annotation(const std::string& k, const std::string& v) { m_pvc.metadata.annotations[k] = v; return *this; }
    PVCBuilder& ownedByPod(const std::string& podName) {
        api::OwnerReference r;
        r.apiVersion = "v1";
        r.kind = "Pod";
        r.name = podName;
        r.uid = m_pvc.metadata.namespace_ + "-" + podName + "-uid";
        r.controller = true;
        m_pvc.metadata.ownerReferences.push_back(std::move(r));
        return *this;
    }
    PVCBuilder& deleting(api::Time at = 1) { m_pvc.metadata.deletionTimestamp = at; return *this; }
    api::PersistentVolumeClaim obj() const { return m_pvc; }
    operator api::PersistentVolumeClaim() const { return m_pvc; }

private:
    api::PersistentVolumeClaim m_pvc;
};

inline PVBuilder makePV(std::string name, std::string className) { return PVBuilder(std::move(name), std::move(className)); }
inline PVCBuilder makePVC(std::string name, std::optional<std::string> className, std::string ns = "default") {
    return PVCBuilder(std::move(name), std::move(className), std::move(ns));
}
inline api::StorageClass makeStorageClass(std::string name, std::string bindingMode = "Immediate",
                                          std::string provisioner = "kubernetes.io/no-provisioner") {
    api::StorageClass sc;
    sc.metadata.name = std::move(name);
    sc.volumeBindingMode = std::move(bindingMode);
    sc.provisioner = std::move(provisioner);
    return sc;
}

// ClusterObjects holding these PVs, PVCs and classes (keyed as the snapshot expects).
inline std::shared_ptr<ClusterObjects> storageObjects(const std::vector<api::PersistentVolume>& pvs,
                                                      const std::vector<api::PersistentVolumeClaim>& pvcs,
                                                      const std::vector<api::StorageClass>& classes = {}) {
    auto objects = std::make_shared<ClusterObjects>();
    for (const auto& pv : pvs) objects->persistentVolumes[pv.metadata.name] = pv;
    for (const auto& pvc : pvcs)
        objects->persistentVolumeClaims[pvc.metadata.namespace_ + "/" + pvc.metadata.name] = pvc;
    for (const auto& sc : classes) objects->storageClasses[sc.metadata.name] = sc;
    return objects;
}

inline PodBuilder makePod(std::string name, std::string ns = "default") { return PodBuilder(std::move(name), std::move(ns)); }
inline NodeBuilder makeNode(std::string name) { return NodeBuilder(std::move(name)); }

}  // namespace ks::scheduler::testing
