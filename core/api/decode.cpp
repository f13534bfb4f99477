// Decoding Values into the typed views of types.h (field names as k8s.io/api v1.31).
// Input is assumed validated; anything malformed decodes to the zero value of its field.
#include "core/api/decode.h"

#include <charconv>

#include "core/api/decode_internal.h"

namespace ks::api {

namespace {

const Value* at(const Value& v, std::string_view key) { return v.isMapping() ? v.get(key) : nullptr; }

std::string str(const Value& v, std::string_view key) {
    const Value* f = at(v, key);
    return f && f->isScalar() ? f->text() : std::string();
}

std::optional<std::string> optStr(const Value& v, std::string_view key) {
    const Value* f = at(v, key);
    if (!f || f->isNull() || !f->isScalar()) return std::nullopt;
    return f->text();
}

std::optional<std::int64_t> optInt(const Value& v, std::string_view key) {
    const Value* f = at(v, key);
    if (!f || !f->isScalar()) return std::nullopt;
    if (auto i = f->toInt()) return i;
    if (auto d = f->toDouble(); d && static_cast<double>(static_cast<std::int64_t>(*d)) == *d)
        return static_cast<std::int64_t>(*d);
    return std::nullopt;
}

std::int64_t intOr(const Value& v, std::string_view key, std::int64_t fallback) {
    return optInt(v, key).value_or(fallback);
}

bool boolOr(const Value& v, std::string_view key, bool fallback) {
    const Value* f = at(v, key);
    if (!f || !f->isScalar()) return fallback;
    if (auto b = f->toBool()) return *b;
    const std::string& t = f->text();
    if (t == "yes" || t == "Yes" || t == "YES" || t == "on" || t == "On" || t == "ON" || t == "y" || t == "Y") return true;
    if (t == "no" || t == "No" || t == "NO" || t == "off" || t == "Off" || t == "OFF" || t == "n" || t == "N") return false;
    return fallback;
}

const std::vector<Value>& list(const Value& v, std::string_view key) {
    static const std::vector<Value> kEmpty;
    const Value* f = at(v, key);
    return f && f->isSequence() ? f->items() : kEmpty;
}

const Value& child(const Value& v, std::string_view key) {
    static const Value kNull;
    const Value* f = at(v, key);
    return f ? *f : kNull;
}

bool has(const Value& v, std::string_view key) {
    const Value* f = at(v, key);
    return f && !f->isNull();
}

std::vector<std::string> strings(const Value& v, std::string_view key) {
    std::vector<std::string> out;
    for (const auto& item : list(v, key))
        if (item.isScalar()) out.push_back(item.text());
    return out;
}

std::map<std::string, std::string> stringMap(const Value& v) {
    std::map<std::string, std::string> out;
    if (!v.isMapping()) return out;
    for (const auto& f : v.fields()) out[f.key] = f.val.isScalar() ? f.val.text() : std::string();
    return out;
}

std::optional<Time> time(const Value& v, std::string_view key) {
    const Value* f = at(v, key);
    if (!f || !f->isScalar() || f->isNull()) return std::nullopt;
    Time t = 0;
    // metav1.MicroTime values carry microseconds; both layouts are accepted here.
    if (parseRfc3339(f->text(), false, nullptr, &t) || parseRfc3339(f->text(), true, nullptr, &t)) return t;
    return std::nullopt;
}

std::optional<Quantity> quantity(const Value& v) {
    if (!v.isScalar() || v.isNull()) return std::nullopt;
    if (v.style() == Value::Style::Plain)
        if (auto i = v.toInt()) return Quantity::fromInt(*i);
    std::string t = v.text();
    auto first = t.find_first_not_of(" \t\r\n");
    auto last = t.find_last_not_of(" \t\r\n");
    t = first == std::string::npos ? std::string() : t.substr(first, last - first + 1);
    return Quantity::parse(t);
}

// A string that is either an integer or a percentage, as written ("1", "25%").
std::optional<std::string> intOrString(const Value& v, std::string_view key) {
    const Value* f = at(v, key);
    if (!f || f->isNull() || !f->isScalar()) return std::nullopt;
    if (auto i = f->toInt()) return std::to_string(*i);
    return f->text();
}

OwnerReference decodeOwnerReference(const Value& v) {
    OwnerReference r;
    r.apiVersion = str(v, "apiVersion");
    r.kind = str(v, "kind");
    r.name = str(v, "name");
    r.uid = str(v, "uid");
    r.controller = boolOr(v, "controller", false);
    r.blockOwnerDeletion = boolOr(v, "blockOwnerDeletion", false);
    return r;
}

NodeSelectorRequirement decodeNodeSelectorRequirement(const Value& v) {
    return NodeSelectorRequirement{str(v, "key"), str(v, "operator"), strings(v, "values")};
}

NodeSelector decodeNodeSelector(const Value& v) {
    NodeSelector s;
    for (const auto& t : list(v, "nodeSelectorTerms")) s.terms.push_back(decodeNodeSelectorTerm(t));
    return s;
}

PodAffinityTerm decodePodAffinityTerm(const Value& v) {
    PodAffinityTerm t;
    if (has(v, "labelSelector")) t.labelSelector = decodeLabelSelector(child(v, "labelSelector"));
    t.namespaces = strings(v, "namespaces");
    t.topologyKey = str(v, "topologyKey");
    if (has(v, "namespaceSelector")) t.namespaceSelector = decodeLabelSelector(child(v, "namespaceSelector"));
    t.matchLabelKeys = strings(v, "matchLabelKeys");
    t.mismatchLabelKeys = strings(v, "mismatchLabelKeys");
    return t;
}

PodAffinity decodePodAffinity(const Value& v) {
    PodAffinity a;
    for (const auto& t : list(v, "requiredDuringSchedulingIgnoredDuringExecution"))
        a.required.push_back(decodePodAffinityTerm(t));
    for (const auto& t : list(v, "preferredDuringSchedulingIgnoredDuringExecution"))
        a.preferred.push_back(WeightedPodAffinityTerm{static_cast<std::int32_t>(intOr(t, "weight", 0)),
                                                      decodePodAffinityTerm(child(t, "podAffinityTerm"))});
    return a;
}

Affinity decodeAffinity(const Value& v) {
    Affinity a;
    if (has(v, "nodeAffinity")) {
        const Value& na = child(v, "nodeAffinity");
        NodeAffinity n;
        if (has(na, "requiredDuringSchedulingIgnoredDuringExecution"))
            n.required = decodeNodeSelector(child(na, "requiredDuringSchedulingIgnoredDuringExecution"));
        for (const auto& t : list(na, "preferredDuringSchedulingIgnoredDuringExecution"))
            n.preferred.push_back(PreferredSchedulingTerm{static_cast<std::int32_t>(intOr(t, "weight", 0)),
                                                          decodeNodeSelectorTerm(child(t, "preference"))});
        a.nodeAffinity = std::move(n);
    }
    if (has(v, "podAffinity")) a.podAffinity = decodePodAffinity(child(v, "podAffinity"));
    if (has(v, "podAntiAffinity")) a.podAntiAffinity = decodePodAffinity(child(v, "podAntiAffinity"));
    return a;
}

TopologySpreadConstraint decodeTopologySpreadConstraint(const Value& v) {
    TopologySpreadConstraint c;
    c.maxSkew = static_cast<std::int32_t>(intOr(v, "maxSkew", 1));
    c.topologyKey = str(v, "topologyKey");
    c.whenUnsatisfiable = str(v, "whenUnsatisfiable");
    if (has(v, "labelSelector")) c.labelSelector = decodeLabelSelector(child(v, "labelSelector"));
    if (auto md = optInt(v, "minDomains")) c.minDomains = static_cast<std::int32_t>(*md);
    c.nodeAffinityPolicy = str(v, "nodeAffinityPolicy");
    c.nodeTaintsPolicy = str(v, "nodeTaintsPolicy");
    c.matchLabelKeys = strings(v, "matchLabelKeys");
    return c;
}

ResourceRequirements decodeResources(const Value& v) {
    return ResourceRequirements{decodeResourceList(child(v, "requests")), decodeResourceList(child(v, "limits"))};
}

Container decodeContainer(const Value& v) {
    Container c;
    c.name = str(v, "name");
    c.image = str(v, "image");
    c.imagePullPolicy = str(v, "imagePullPolicy");
    for (const auto& p : list(v, "ports")) {
        ContainerPort port;
        port.name = str(p, "name");
        port.containerPort = static_cast<std::int32_t>(intOr(p, "containerPort", 0));
        port.hostPort = static_cast<std::int32_t>(intOr(p, "hostPort", 0));
        if (auto proto = optStr(p, "protocol"); proto && !proto->empty()) port.protocol = *proto;
        port.hostIP = str(p, "hostIP");
        c.ports.push_back(std::move(port));
    }
    c.resources = decodeResources(child(v, "resources"));
    c.restartPolicy = optStr(v, "restartPolicy");
    return c;
}

Volume decodeVolume(const Value& v) {
    Volume vol;
    vol.name = str(v, "name");
    if (has(v, "persistentVolumeClaim")) {
        const Value& s = child(v, "persistentVolumeClaim");
        vol.source = Volume::Source::PersistentVolumeClaim;
        vol.claimName = str(s, "claimName");
        vol.readOnly = boolOr(s, "readOnly", false);
    } else if (at(v, "emptyDir")) {  // "emptyDir: {}" and "emptyDir:" both mean an empty dir
        const Value& s = child(v, "emptyDir");
        vol.source = Volume::Source::EmptyDir;
        vol.medium = str(s, "medium");
        if (const Value* limit = at(s, "sizeLimit")) vol.sizeLimit = quantity(*limit);
    } else if (has(v, "hostPath")) {
        vol.source = Volume::Source::HostPath;
        vol.path = str(child(v, "hostPath"), "path");
    } else if (has(v, "configMap")) {
        vol.source = Volume::Source::ConfigMap;
        vol.referenceName = str(child(v, "configMap"), "name");
    } else if (has(v, "secret")) {
        vol.source = Volume::Source::Secret;
        vol.referenceName = str(child(v, "secret"), "secretName");
    } else if (has(v, "ephemeral")) {
        vol.source = Volume::Source::Ephemeral;
    } else if (has(v, "csi")) {
        vol.source = Volume::Source::Csi;
        vol.readOnly = boolOr(child(v, "csi"), "readOnly", false);
    }
    return vol;
}

PodSpec decodePodSpec(const Value& v) {
    PodSpec s;
    for (const auto& c : list(v, "initContainers")) s.initContainers.push_back(decodeContainer(c));
    for (const auto& c : list(v, "containers")) s.containers.push_back(decodeContainer(c));
    if (auto rp = optStr(v, "restartPolicy"); rp && !rp->empty()) s.restartPolicy = *rp;
    s.nodeName = str(v, "nodeName");
    s.nodeSelector = stringMap(child(v, "nodeSelector"));
    if (has(v, "affinity")) s.affinity = decodeAffinity(child(v, "affinity"));
    for (const auto& t : list(v, "tolerations")) s.tolerations.push_back(decodeToleration(t));
    if (auto sn = optStr(v, "schedulerName"); sn && !sn->empty()) s.schedulerName = *sn;
    s.priorityClassName = str(v, "priorityClassName");
    if (auto p = optInt(v, "priority")) s.priority = static_cast<std::int32_t>(*p);
    s.preemptionPolicy = optStr(v, "preemptionPolicy");
    for (const auto& vol : list(v, "volumes")) s.volumes.push_back(decodeVolume(vol));
    for (const auto& c : list(v, "topologySpreadConstraints"))
        s.topologySpreadConstraints.push_back(decodeTopologySpreadConstraint(c));
    s.overhead = decodeResourceList(child(v, "overhead"));
    for (const auto& g : list(v, "schedulingGates")) s.schedulingGates.push_back(PodSchedulingGate{str(g, "name")});
    s.terminationGracePeriodSeconds = optInt(v, "terminationGracePeriodSeconds");
    s.hostNetwork = boolOr(v, "hostNetwork", false);
    s.serviceAccountName = str(v, "serviceAccountName");
    return s;
}

ContainerStatus decodeContainerStatus(const Value& v) {
    ContainerStatus c;
    c.name = str(v, "name");
    c.image = str(v, "image");
    const Value& state = child(v, "state");
    for (const char* s : {"running", "waiting", "terminated"}) {
        if (at(state, s)) {
            c.state = s;
            c.reason = str(child(state, s), "reason");
            break;
        }
    }
    c.ready = boolOr(v, "ready", false);
    c.restartCount = static_cast<std::int32_t>(intOr(v, "restartCount", 0));
    return c;
}

PodStatus decodePodStatus(const Value& v) {
    PodStatus s;
    s.phase = str(v, "phase");
    for (const auto& c : list(v, "conditions"))
        s.conditions.push_back(PodCondition{str(c, "type"), str(c, "status"), str(c, "reason"), str(c, "message"),
                                            time(c, "lastTransitionTime")});
    s.nominatedNodeName = str(v, "nominatedNodeName");
    s.podIP = str(v, "podIP");
    s.hostIP = str(v, "hostIP");
    s.reason = str(v, "reason");
    s.message = str(v, "message");
    s.startTime = time(v, "startTime");
    for (const auto& c : list(v, "containerStatuses")) s.containerStatuses.push_back(decodeContainerStatus(c));
    for (const auto& c : list(v, "initContainerStatuses")) s.initContainerStatuses.push_back(decodeContainerStatus(c));
    return s;
}

}  // namespace

// ---- public ----

ObjectMeta decodeMeta(const Value& object) {
    const Value& m = child(object, "metadata");
    ObjectMeta meta;
    meta.name = str(m, "name");
    meta.generateName = str(m, "generateName");
    meta.namespace_ = str(m, "namespace");
    meta.uid = str(m, "uid");
    std::string rv = str(m, "resourceVersion");
    std::uint64_t parsed = 0;
    auto [ptr, ec] = std::from_chars(rv.data(), rv.data() + rv.size(), parsed);
    meta.resourceVersion = ec == std::errc() && ptr == rv.data() + rv.size() ? parsed : 0;
    meta.generation = intOr(m, "generation", 0);
    meta.creationTimestamp = time(m, "creationTimestamp");
    meta.deletionTimestamp = time(m, "deletionTimestamp");
    meta.deletionGracePeriodSeconds = optInt(m, "deletionGracePeriodSeconds");
    meta.labels = stringMap(child(m, "labels"));
    meta.annotations = stringMap(child(m, "annotations"));
    for (const auto& r : list(m, "ownerReferences")) meta.ownerReferences.push_back(decodeOwnerReference(r));
    meta.finalizers = strings(m, "finalizers");
    return meta;
}

Pod decodePod(const Value& object) {
    Pod p;
    p.metadata = decodeMeta(object);
    p.spec = decodePodSpec(child(object, "spec"));
    p.status = decodePodStatus(child(object, "status"));
    return p;
}

Node decodeNode(const Value& object) {
    Node n;
    n.metadata = decodeMeta(object);
    const Value& spec = child(object, "spec");
    n.spec.podCIDR = str(spec, "podCIDR");
    n.spec.podCIDRs = strings(spec, "podCIDRs");
    for (const auto& t : list(spec, "taints")) n.spec.taints.push_back(decodeTaint(t));
    n.spec.unschedulable = boolOr(spec, "unschedulable", false);
    n.spec.providerID = str(spec, "providerID");
    const Value& status = child(object, "status");
    n.status.capacity = decodeResourceList(child(status, "capacity"));
    n.status.allocatable = decodeResourceList(child(status, "allocatable"));
    for (const auto& c : list(status, "conditions"))
        n.status.conditions.push_back(NodeCondition{str(c, "type"), str(c, "status"), str(c, "reason"),
                                                    str(c, "message"), time(c, "lastHeartbeatTime"),
                                                    time(c, "lastTransitionTime")});
    for (const auto& a : list(status, "addresses")) n.status.addresses.push_back(NodeAddress{str(a, "type"), str(a, "address")});
    for (const auto& i : list(status, "images")) n.status.images.push_back(ContainerImage{strings(i, "names"), intOr(i, "sizeBytes", 0)});
    return n;
}

PriorityClass decodePriorityClass(const Value& object) {
    PriorityClass pc;
    pc.metadata = decodeMeta(object);
    pc.value = static_cast<std::int32_t>(intOr(object, "value", 0));
    pc.globalDefault = boolOr(object, "globalDefault", false);
    if (auto p = optStr(object, "preemptionPolicy"); p && !p->empty()) pc.preemptionPolicy = *p;
    pc.description = str(object, "description");
    return pc;
}

PodDisruptionBudget decodePodDisruptionBudget(const Value& object) {
    PodDisruptionBudget pdb;
    pdb.metadata = decodeMeta(object);
    const Value& spec = child(object, "spec");
    if (has(spec, "selector")) pdb.selector = decodeLabelSelector(child(spec, "selector"));
    pdb.minAvailable = intOrString(spec, "minAvailable");
    pdb.maxUnavailable = intOrString(spec, "maxUnavailable");
    pdb.disruptionsAllowed = static_cast<std::int32_t>(intOr(child(object, "status"), "disruptionsAllowed", 0));
    return pdb;
}

Namespace decodeNamespace(const Value& object) {
    Namespace ns;
    ns.metadata = decodeMeta(object);
    if (auto phase = optStr(child(object, "status"), "phase"); phase && !phase->empty()) ns.phase = *phase;
    return ns;
}

PersistentVolume decodePersistentVolume(const Value& object) {
    PersistentVolume pv;
    pv.metadata = decodeMeta(object);
    const Value& spec = child(object, "spec");
    pv.capacity = decodeResourceList(child(spec, "capacity"));
    pv.accessModes = strings(spec, "accessModes");
    if (auto rp = optStr(spec, "persistentVolumeReclaimPolicy"); rp && !rp->empty()) pv.reclaimPolicy = *rp;
    pv.storageClassName = str(spec, "storageClassName");
    if (auto vm = optStr(spec, "volumeMode"); vm && !vm->empty()) pv.volumeMode = *vm;
    if (has(child(spec, "nodeAffinity"), "required"))
        pv.nodeAffinity = decodeNodeSelector(child(child(spec, "nodeAffinity"), "required"));
    const Value& claimRef = child(spec, "claimRef");
    pv.claimRefNamespace = str(claimRef, "namespace");
    pv.claimRefName = str(claimRef, "name");
    pv.claimRefUid = str(claimRef, "uid");
    pv.csiDriver = str(child(spec, "csi"), "driver");
    pv.localPath = str(child(spec, "local"), "path");
    pv.hostPath = str(child(spec, "hostPath"), "path");
    pv.phase = str(child(object, "status"), "phase");
    return pv;
}

PersistentVolumeClaim decodePersistentVolumeClaim(const Value& object) {
    PersistentVolumeClaim pvc;
    pvc.metadata = decodeMeta(object);
    const Value& spec = child(object, "spec");
    pvc.accessModes = strings(spec, "accessModes");
    pvc.resources = decodeResources(child(spec, "resources"));
    pvc.storageClassName = optStr(spec, "storageClassName");
    pvc.volumeName = str(spec, "volumeName");
    if (auto vm = optStr(spec, "volumeMode"); vm && !vm->empty()) pvc.volumeMode = *vm;
    if (has(spec, "selector")) pvc.selector = decodeLabelSelector(child(spec, "selector"));
    pvc.phase = str(child(object, "status"), "phase");
    return pvc;
}

StorageClass decodeStorageClass(const Value& object) {
    StorageClass sc;
    sc.metadata = decodeMeta(object);
    sc.provisioner = str(object, "provisioner");
    sc.parameters = stringMap(child(object, "parameters"));
    if (auto rp = optStr(object, "reclaimPolicy"); rp && !rp->empty()) sc.reclaimPolicy = *rp;
    if (auto m = optStr(object, "volumeBindingMode"); m && !m->empty()) sc.volumeBindingMode = *m;
    sc.allowVolumeExpansion = boolOr(object, "allowVolumeExpansion", false);
    // TopologySelectorTerm: each label expression is an "In" requirement.
    for (const auto& t : list(object, "allowedTopologies")) {
        NodeSelectorTerm term;
        for (const auto& e : list(t, "matchLabelExpressions"))
            term.matchExpressions.push_back(NodeSelectorRequirement{str(e, "key"), "In", strings(e, "values")});
        sc.allowedTopologies.push_back(std::move(term));
    }
    return sc;
}

CSIDriver decodeCSIDriver(const Value& object) {
    CSIDriver d;
    d.metadata = decodeMeta(object);
    const Value& spec = child(object, "spec");
    d.attachRequired = boolOr(spec, "attachRequired", true);
    d.podInfoOnMount = boolOr(spec, "podInfoOnMount", false);
    d.volumeLifecycleModes = strings(spec, "volumeLifecycleModes");
    return d;
}

Lease decodeLease(const Value& object) {
    Lease l;
    l.metadata = decodeMeta(object);
    const Value& spec = child(object, "spec");
    l.holderIdentity = str(spec, "holderIdentity");
    if (auto d = optInt(spec, "leaseDurationSeconds")) l.leaseDurationSeconds = static_cast<std::int32_t>(*d);
    l.acquireTime = time(spec, "acquireTime");
    l.renewTime = time(spec, "renewTime");
    l.leaseTransitions = static_cast<std::int32_t>(intOr(spec, "leaseTransitions", 0));
    return l;
}

Taint decodeTaint(const Value& v) {
    Taint t;
    t.key = str(v, "key");
    t.value = str(v, "value");
    t.effect = str(v, "effect");
    t.timeAdded = time(v, "timeAdded");
    return t;
}

Toleration decodeToleration(const Value& v) {
    Toleration t;
    t.key = str(v, "key");
    // An empty operator means Equal (upstream leaves it empty; v1.Toleration.ToleratesTaint).
    if (auto op = optStr(v, "operator"); op && !op->empty()) t.op = *op;
    t.value = str(v, "value");
    t.effect = str(v, "effect");
    t.tolerationSeconds = optInt(v, "tolerationSeconds");
    return t;
}

LabelSelector decodeLabelSelector(const Value& v) {
    LabelSelector s;
    s.matchLabels = stringMap(child(v, "matchLabels"));
    for (const auto& e : list(v, "matchExpressions"))
        s.matchExpressions.push_back(LabelSelectorRequirement{str(e, "key"), str(e, "operator"), strings(e, "values")});
    return s;
}

NodeSelectorTerm decodeNodeSelectorTerm(const Value& v) {
    NodeSelectorTerm t;
    for (const auto& e : list(v, "matchExpressions")) t.matchExpressions.push_back(decodeNodeSelectorRequirement(e));
    for (const auto& e : list(v, "matchFields")) t.matchFields.push_back(decodeNodeSelectorRequirement(e));
    return t;
}

ResourceList decodeResourceList(const Value& v) {
    ResourceList out;
    if (!v.isMapping()) return out;
    for (const auto& f : v.fields())
        if (auto q = quantity(f.val)) out[f.key] = *q;
    return out;
}

}  // namespace ks::api
