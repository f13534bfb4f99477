// NodeInfo accounting, pod requests and affinity terms.
// Mirrors pkg/scheduler/framework/types.go and k8s.io/component-helpers/resource PodRequests (v1.31).
#include "core/scheduler/framework/node_info.h"

#include "core/scheduler/framework/fnv1a.h"

#include <algorithm>

namespace ks::scheduler {

namespace {

using QuantityList = std::map<std::string, api::Quantity>;

std::int64_t nextGeneration() {
    // Single-threaded by design (one event loop): a plain counter is enough.
    static std::int64_t generation = 0;
    return ++generation;
}

void addList(QuantityList& into, const QuantityList& list) {
    for (const auto& [name, q] : list) {
        auto it = into.find(name);
        if (it == into.end()) into.emplace(name, q);
        else it->second += q;
    }
}

void maxList(QuantityList& into, const QuantityList& list) {
    for (const auto& [name, q] : list) {
        auto it = into.find(name);
        if (it == into.end()) into.emplace(name, q);
        else if (it->second < q) it->second = q;
    }
}

QuantityList withDefaults(const api::ResourceList& requests, const QuantityList* nonMissing) {
    QuantityList out(requests.begin(), requests.end());
    if (nonMissing)
        for (const auto& [name, q] : *nonMissing) out.emplace(name, q);  // only where absent
    return out;
}

// Upstream PodRequests: containers summed, init containers (with sidecars) as a running max,
// then the overhead added. nonMissing gives the per-container defaults for absent keys.
QuantityList computeRequests(const api::Pod& pod, const QuantityList* nonMissing) {
    QuantityList reqs;
    for (const auto& c : pod.spec.containers) addList(reqs, withDefaults(c.resources.requests, nonMissing));
    QuantityList restartableInitReqs, initReqs;
    for (const auto& c : pod.spec.initContainers) {
        QuantityList containerReqs = withDefaults(c.resources.requests, nonMissing);
        if (c.restartPolicy && *c.restartPolicy == "Always") {
            addList(reqs, containerReqs);
            addList(restartableInitReqs, containerReqs);
            maxList(initReqs, restartableInitReqs);
        } else {
            addList(containerReqs, restartableInitReqs);
            maxList(initReqs, containerReqs);
        }
    }
    maxList(reqs, initReqs);
    addList(reqs, QuantityList(pod.spec.overhead.begin(), pod.spec.overhead.end()));
    return reqs;
}

Resource toResource(const QuantityList& list) {
    return Resource::fromList(api::ResourceList(list.begin(), list.end()));
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

bool isScalarResourceName(const std::string& name) {
    if (startsWith(name, "hugepages-") || startsWith(name, "attachable-volumes-")) return true;
    // Extended resources and kubernetes.io/-prefixed native resources are domain-qualified.
    // "requests.*" names are quota names, never extended resources.
    return name.find('/') != std::string::npos && !startsWith(name, "requests.");
}

void Resource::add(const Resource& o) {
    milliCPU += o.milliCPU;
    memory += o.memory;
    ephemeralStorage += o.ephemeralStorage;
    allowedPodNumber += o.allowedPodNumber;
    for (const auto& [name, v] : o.scalarResources) scalarResources[name] += v;
}

void Resource::sub(const Resource& o) {
    milliCPU -= o.milliCPU;
    memory -= o.memory;
    ephemeralStorage -= o.ephemeralStorage;
    allowedPodNumber -= o.allowedPodNumber;
    for (const auto& [name, v] : o.scalarResources) scalarResources[name] -= v;
}

void Resource::setMax(const Resource& o) {
    milliCPU = std::max(milliCPU, o.milliCPU);
    memory = std::max(memory, o.memory);
    ephemeralStorage = std::max(ephemeralStorage, o.ephemeralStorage);
    allowedPodNumber = std::max(allowedPodNumber, o.allowedPodNumber);
    for (const auto& [name, v] : o.scalarResources) {
        auto& mine = scalarResources[name];
        mine = std::max(mine, v);
    }
}

std::int64_t Resource::get(const std::string& name) const {
    if (name == "cpu") return milliCPU;
    if (name == "memory") return memory;
    if (name == "ephemeral-storage") return ephemeralStorage;
    if (name == "pods") return allowedPodNumber;
    auto it = scalarResources.find(name);
    return it == scalarResources.end() ? 0 : it->second;
}

Resource Resource::fromList(const api::ResourceList& list) {
    Resource r;
    for (const auto& [name, q] : list) {
        if (name == "cpu") r.milliCPU += q.milliValue();
        else if (name == "memory") r.memory += q.value();
        else if (name == "pods") r.allowedPodNumber += q.value();
        else if (name == "ephemeral-storage") r.ephemeralStorage += q.value();
        else if (isScalarResourceName(name)) r.scalarResources[name] += q.value();
    }
    return r;
}

Resource podRequests(const api::Pod& pod) { return toResource(computeRequests(pod, nullptr)); }

Resource podNonZeroRequests(const api::Pod& pod) {
    // schedutil.DefaultMilliCPURequest (100m) and DefaultMemoryRequest (200Mi), applied per
    // container whose requests lack the key; an explicit 0 stays 0.
    static const QuantityList kNonMissing = {
        {"cpu", api::Quantity::fromMilli(100)},
        {"memory", api::Quantity::fromInt(200LL * 1024 * 1024)},
    };
    Resource r = toResource(computeRequests(pod, nullptr));
    Resource nonZero = toResource(computeRequests(pod, &kNonMissing));
    r.milliCPU = nonZero.milliCPU;
    r.memory = nonZero.memory;
    return r;
}

bool AffinityTerm::matches(const api::Pod& pod, const api::Labels& nsLabels) const {
    if (namespaces.count(pod.metadata.namespace_) || (namespaceSelector && namespaceSelector->matches(nsLabels)))
        return selector && selector->matches(pod.metadata.labels);
    return false;
}

namespace {

AffinityTerm makeTerm(const api::Pod& pod, const api::PodAffinityTerm& t) {
    AffinityTerm term;
    // Upstream getNamespacesFromPodAffinityTerm: no namespaces and no namespaceSelector means the
    // pod's own namespace; an empty namespaceSelector ({}) matches every namespace.
    if (t.namespaces.empty() && !t.namespaceSelector) term.namespaces.insert(pod.metadata.namespace_);
    else term.namespaces.insert(t.namespaces.begin(), t.namespaces.end());
    term.selector = t.labelSelector;
    term.namespaceSelector = t.namespaceSelector;
    term.topologyKey = t.topologyKey;
    return term;
}

}  // namespace

namespace {

bool hasAffinity(const api::Pod& p) {
    return p.spec.affinity && (p.spec.affinity->podAffinity || p.spec.affinity->podAntiAffinity);
}

bool hasRequiredAntiAffinity(const api::Pod& p) {
    return p.spec.affinity && p.spec.affinity->podAntiAffinity && !p.spec.affinity->podAntiAffinity->required.empty();
}

}  // namespace

std::shared_ptr<PodInfo> PodInfo::make(std::shared_ptr<const api::Pod> pod) {
    auto info = std::make_shared<PodInfo>();
    const api::Pod& p = *pod;
    if (p.spec.affinity) {
        if (const auto& a = p.spec.affinity->podAffinity) {
            for (const auto& t : a->required) info->requiredAffinityTerms.push_back(makeTerm(p, t));
            for (const auto& w : a->preferred) info->preferredAffinityTerms.push_back({makeTerm(p, w.term), w.weight});
        }
        if (const auto& a = p.spec.affinity->podAntiAffinity) {
            for (const auto& t : a->required) info->requiredAntiAffinityTerms.push_back(makeTerm(p, t));
            for (const auto& w : a->preferred)
                info->preferredAntiAffinityTerms.push_back({makeTerm(p, w.term), w.weight});
        }
    }
    info->requests = podRequests(p);
    info->nonZeroRequests = podNonZeroRequests(p);
    info->keyHash = fnv1a(p.metadata.name, fnv1a("/", fnv1a(p.metadata.namespace_)));  // of namespace/name
    info->priorityValue = p.spec.priority.value_or(0);
    if (p.status.startTime) info->startTimeOrMax = *p.status.startTime;
    info->hasPodAffinityOrAntiAffinity = hasAffinity(p);
    info->hasRequiredPodAntiAffinity = hasRequiredAntiAffinity(p);
    for (const auto& c : p.spec.containers) info->hasContainerPorts = info->hasContainerPorts || !c.ports.empty();
    for (const auto& v : p.spec.volumes)
        if (v.source == api::Volume::Source::PersistentVolumeClaim) info->pvcKeys.push_back(p.metadata.namespace_ + "/" + v.claimName);
    info->onlyRequests = !info->hasContainerPorts && !info->hasPodAffinityOrAntiAffinity &&
                         info->requests.scalarResources.empty() && p.spec.volumes.empty();
    info->pod = std::move(pod);
    return info;
}

// ---- HostPortInfo ----

namespace {
constexpr const char* kBindAllHostIP = "0.0.0.0";
std::string sanitizeIp(const std::string& ip) { return ip.empty() ? kBindAllHostIP : ip; }
std::string sanitizeProtocol(const std::string& p) { return p.empty() ? "TCP" : p; }
}  // namespace

void HostPortInfo::add(const std::string& ip, const std::string& protocol, std::int32_t port) {
    if (port <= 0) return;
    ports[sanitizeIp(ip)].insert({sanitizeProtocol(protocol), port});
}

void HostPortInfo::remove(const std::string& ip, const std::string& protocol, std::int32_t port) {
    if (port <= 0) return;
    auto it = ports.find(sanitizeIp(ip));
    if (it == ports.end()) return;
    it->second.erase({sanitizeProtocol(protocol), port});
    if (it->second.empty()) ports.erase(it);
}

bool HostPortInfo::conflicts(const std::string& ip, const std::string& protocol, std::int32_t port) const {
    if (port <= 0) return false;
    const std::string wantIp = sanitizeIp(ip);
    const std::pair<std::string, std::int32_t> pp{sanitizeProtocol(protocol), port};
    if (wantIp == kBindAllHostIP) {
        for (const auto& [_, set] : ports)
            if (set.count(pp)) return true;
        return false;
    }
    for (const std::string& key : {std::string(kBindAllHostIP), wantIp}) {
        auto it = ports.find(key);
        if (it != ports.end() && it->second.count(pp)) return true;
    }
    return false;
}

std::size_t HostPortInfo::size() const {
    std::size_t n = 0;
    for (const auto& [_, set] : ports) n += set.size();
    return n;
}

// ---- NodeInfo ----

NodeInfo::NodeInfo(std::shared_ptr<const api::Node> node) : m_generation(nextGeneration()) {
    if (node) setNode(std::move(node));
}

void NodeInfo::setNode(std::shared_ptr<const api::Node> node) {
    m_node = std::move(node);
    m_name = m_node->metadata.name;
    m_allocatable = Resource::fromList(m_node->status.allocatable);
    m_summary.allocatableMilliCPU = m_allocatable.milliCPU;
    m_summary.allocatableMemory = m_allocatable.memory;
    m_summary.allowedPodNumber = m_allocatable.allowedPodNumber;
    m_summary.hasNode = m_node != nullptr;
    m_summary.unschedulable = m_node->spec.unschedulable;
    m_summary.hasTaints = !m_node->spec.taints.empty();
    setGeneration(nextGeneration());
}

const std::string NodeInfo::kNoNodeName = "<no node>";

namespace {

// Upstream removeFromSlice: swap with the last element, so the order of the remaining pods
// changes exactly as upstream's does.
std::shared_ptr<PodInfo> removeAt(std::vector<std::shared_ptr<PodInfo>>& v, std::size_t i) {
    auto removed = std::move(v[i]);
    v[i] = std::move(v.back());
    v.pop_back();
    return removed;
}

std::shared_ptr<PodInfo> removeFrom(std::vector<std::shared_ptr<PodInfo>>& v, const std::string& ns,
                                    const std::string& name) {
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto& m = v[i]->pod->metadata;
        if (m.name == name && m.namespace_ == ns) return removeAt(v, i);
    }
    return nullptr;
}

// The same for a PodInfo that is in the list itself (preemption's dry runs take the pods they
// remove from the node's own list): a pointer comparison per pod instead of two strings.
std::shared_ptr<PodInfo> removeFrom(std::vector<std::shared_ptr<PodInfo>>& v, const PodInfo& pod) {
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i].get() == &pod) return removeAt(v, i);
    return removeFrom(v, pod.namespace_(), pod.name());
}

}  // namespace

void NodeInfo::addPod(std::shared_ptr<PodInfo> pod) {
    if (pod->hasPodAffinityOrAntiAffinity) m_podsWithAffinity.push_back(pod);
    if (pod->hasRequiredPodAntiAffinity) m_podsWithRequiredAntiAffinity.push_back(pod);
    update(*pod, +1);
    m_pods.push_back(std::move(pod));
    countPods();
}

bool NodeInfo::removePod(const std::string& namespace_, const std::string& name) {
    removeFrom(m_podsWithAffinity, namespace_, name);
    removeFrom(m_podsWithRequiredAntiAffinity, namespace_, name);
    return removed(removeFrom(m_pods, namespace_, name));
}

bool NodeInfo::removePod(const PodInfo& pod) {
    // Only pods with (anti-)affinity terms are in the two shorter lists.
    if (!m_podsWithAffinity.empty()) removeFrom(m_podsWithAffinity, pod);
    if (!m_podsWithRequiredAntiAffinity.empty()) removeFrom(m_podsWithRequiredAntiAffinity, pod);
    return removed(removeFrom(m_pods, pod));
}

bool NodeInfo::removed(const std::shared_ptr<PodInfo>& pod) {
    if (!pod) return false;
    update(*pod, -1);
    countPods();
    return true;
}

void NodeInfo::update(const PodInfo& pod, int sign) {
    const Resource& r = pod.requests;
    m_requested.milliCPU += sign * r.milliCPU;
    m_requested.memory += sign * r.memory;
    m_requested.ephemeralStorage += sign * r.ephemeralStorage;
    for (const auto& [name, v] : r.scalarResources) m_requested.scalarResources[name] += sign * v;
    m_nonZeroRequested.milliCPU += sign * pod.nonZeroRequests.milliCPU;
    m_nonZeroRequested.memory += sign * pod.nonZeroRequests.memory;
    mirrorRequests();

    if (pod.hasContainerPorts)
        for (const auto& c : pod.pod->spec.containers)
            for (const auto& port : c.ports) {
                if (sign > 0) m_usedPorts.add(port.hostIP, port.protocol, port.hostPort);
                else m_usedPorts.remove(port.hostIP, port.protocol, port.hostPort);
            }
    for (const auto& key : pod.pvcKeys) {
        if (sign > 0) {
            ++m_pvcRefCounts[key];
        } else if (auto it = m_pvcRefCounts.find(key); it != m_pvcRefCounts.end() && --it->second <= 0) {
            m_pvcRefCounts.erase(it);
        }
    }
    setGeneration(nextGeneration());
}

NodeInfo::TemporaryPods NodeInfo::beginTemporaryPods() const {
    TemporaryPods mark;
    mark.numPods = m_pods.size();
    mark.numWithAffinity = m_podsWithAffinity.size();
    mark.numWithRequiredAntiAffinity = m_podsWithRequiredAntiAffinity.size();
    mark.generation = m_generation.value;
    return mark;
}

void NodeInfo::addTemporaryPod(TemporaryPods& mark, std::shared_ptr<PodInfo> pod) {
    if (!mark.scalarResources && !pod->requests.scalarResources.empty())
        mark.scalarResources = m_requested.scalarResources;
    if (!mark.usedPorts && pod->hasContainerPorts) mark.usedPorts = m_usedPorts;
    addPod(std::move(pod));
}

void RequestTotals::add(const PodInfo& pod) {
    ++count;
    milliCPU += pod.requests.milliCPU;
    memory += pod.requests.memory;
    ephemeralStorage += pod.requests.ephemeralStorage;
    nonZeroMilliCPU += pod.nonZeroRequests.milliCPU;
    nonZeroMemory += pod.nonZeroRequests.memory;
}

void RequestTotals::add(const RequestTotals& other) {
    count += other.count;
    milliCPU += other.milliCPU;
    memory += other.memory;
    ephemeralStorage += other.ephemeralStorage;
    nonZeroMilliCPU += other.nonZeroMilliCPU;
    nonZeroMemory += other.nonZeroMemory;
}

void NodeInfo::addRequests(const RequestTotals& totals, int sign) {
    m_requested.milliCPU += sign * totals.milliCPU;
    m_requested.memory += sign * totals.memory;
    m_requested.ephemeralStorage += sign * totals.ephemeralStorage;
    m_nonZeroRequested.milliCPU += sign * totals.nonZeroMilliCPU;
    m_nonZeroRequested.memory += sign * totals.nonZeroMemory;
    mirrorRequests();
    m_requestOnlyPods += sign * totals.count;
    countPods();
}

NodeInfo::TemporaryRequests NodeInfo::addTemporaryRequests(const RequestTotals& totals, int sign) {
    TemporaryRequests mark{totals, sign, m_generation.value};
    addRequests(totals, sign);
    setGeneration(nextGeneration());
    return mark;
}

void NodeInfo::endTemporaryRequests(const TemporaryRequests& mark) {
    addRequests(mark.totals, -mark.sign);
    setGeneration(mark.generation);  // same content, same generation (as endTemporaryPods)
}

void NodeInfo::endTemporaryPods(TemporaryPods& mark) {
    // The added pods are at the ends of the lists: popping them restores the order too.
    while (m_pods.size() > mark.numPods) {
        update(*m_pods.back(), -1);
        m_pods.pop_back();
    }
    m_podsWithAffinity.resize(std::min(m_podsWithAffinity.size(), mark.numWithAffinity));
    m_podsWithRequiredAntiAffinity.resize(std::min(m_podsWithRequiredAntiAffinity.size(), mark.numWithRequiredAntiAffinity));
    countPods();
    if (mark.scalarResources) m_requested.scalarResources = std::move(*mark.scalarResources);
    if (mark.usedPorts) m_usedPorts = std::move(*mark.usedPorts);
    // Same content, same generation: per-node caches of the node stay valid.
    setGeneration(mark.generation);
}

std::unique_ptr<NodeInfo> NodeInfo::clone() const { return std::make_unique<NodeInfo>(*this); }

}  // namespace ks::scheduler
