// NodeInfo, PodInfo and Resource: the scheduler's cached, aggregated view of a node and its pods.
// Mirrors pkg/scheduler/framework/types.go (v1.31): requested / non-zero requested resources,
// used host ports, image states, PVC reference counts and the pods with (anti-)affinity terms.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/api/types.h"

namespace ks::scheduler {

// Resource amounts in the units the scheduler computes with: CPU in millicores, the rest in
// units (bytes, counts). Mirrors framework.Resource.
struct Resource {
    std::int64_t milliCPU = 0;
    std::int64_t memory = 0;
    std::int64_t ephemeralStorage = 0;
    std::int64_t allowedPodNumber = 0;
    std::map<std::string, std::int64_t> scalarResources;  // extended resources, hugepages-*, ...

    void add(const Resource& other);
    void sub(const Resource& other);
    // Per-field maximum (used for the init-container rule).
    void setMax(const Resource& other);
    std::int64_t get(const std::string& resourceName) const;  // "cpu" in millicores
    bool operator==(const Resource&) const = default;
    // cpu in millicores (rounded up), memory, ephemeral-storage and scalar resources in units
    // (rounded up), pods as allowedPodNumber; other names are ignored, as upstream's NewResource.
    static Resource fromList(const api::ResourceList& list);
};

// Extended resources (domain-qualified names), hugepages-*, attachable-volumes-* and
// kubernetes.io/-prefixed names: upstream schedutil.IsScalarResourceName.
bool isScalarResourceName(const std::string& name);

// The pod's effective request (init-container rule, sidecars, overhead): upstream PodRequests.
Resource podRequests(const api::Pod& pod);
// The same with the scoring defaults (100m CPU / 200Mi memory per container without a request).
Resource podNonZeroRequests(const api::Pod& pod);

// A pod affinity term with its selectors resolved, as upstream's AffinityTerm.
struct AffinityTerm {
    std::set<std::string> namespaces;
    std::optional<api::LabelSelector> selector;   // nullopt matches nothing
    std::string topologyKey;
    std::optional<api::LabelSelector> namespaceSelector;  // nullopt: only `namespaces`
    // True when the term matches pod (in namespace with labels nsLabels).
    bool matches(const api::Pod& pod, const api::Labels& nsLabels) const;
};

struct WeightedAffinityTerm {
    AffinityTerm term;
    std::int32_t weight = 0;
};

// A pod with its affinity terms parsed once (upstream PodInfo).
struct PodInfo {
    std::shared_ptr<const api::Pod> pod;
    // Read for every nominated pod of every node a filter pass visits and for every pod a
    // preemption dry run weighs, found once by make() and kept in the first cache line with
    // `pod`, so that those loops do not touch the Pod: a hash of namespace/name (equal hashes
    // say nothing; different ones say the pods differ), status.startTime (INT64_MAX when unset:
    // MoreImportantPod counts it as starting now, after all others), the priority (0 when
    // unset) and whether the pod has pod (anti-)affinity / required anti-affinity (NodeInfo's
    // extra lists). Copies of a PodInfo that swap `pod` for one with another nodeName or
    // nominatedNodeName keep them.
    std::uint64_t keyHash = 0;
    std::int64_t startTimeOrMax = INT64_MAX;
    std::int32_t priorityValue = 0;
    bool hasPodAffinityOrAntiAffinity = false, hasRequiredPodAntiAffinity = false;
    bool onlyRequests = false;  // addsOnlyRequests(), read for every pod a dry run may remove
    // What NodeInfo's accounting needs beyond requests, found once: whether any container port
    // is listed (host ports are taken from those), and "namespace/claim" of each PVC volume.
    // Adding a pod to a node then reads no more of the Pod than this.
    bool hasContainerPorts = false;
    // Computed once by make() (upstream caches them as podResource): podRequests(*pod) and
    // podNonZeroRequests(*pod).
    Resource requests, nonZeroRequests;
    std::vector<std::string> pvcKeys;
    std::vector<AffinityTerm> requiredAffinityTerms, requiredAntiAffinityTerms;
    std::vector<WeightedAffinityTerm> preferredAffinityTerms, preferredAntiAffinityTerms;

    static std::shared_ptr<PodInfo> make(std::shared_ptr<const api::Pod> pod);
    const std::string& name() const { return pod->metadata.name; }
    const std::string& namespace_() const { return pod->metadata.namespace_; }
    std::string key() const { return pod->metadata.namespace_ + "/" + pod->metadata.name; }
    std::int32_t priority() const { return priorityValue; }
    // Whether adding the pod to a node changes only its requests and pod count: no container
    // ports, volumes, pod (anti-)affinity terms or extended resources (NodeInfo::addTemporaryRequests).
    bool addsOnlyRequests() const { return onlyRequests; }
    // Whether other is the same pod (namespace and name), reading the Pods only on a hash match.
    bool samePod(const PodInfo& other) const {
        return keyHash == other.keyHash && name() == other.name() && namespace_() == other.namespace_();
    }
};

// One node's pods in the nominator. `version` changes with every change to the list and is
// never reused by another list, so a summary of the list stays valid while it is unchanged.
struct NominatedPodList {
    std::vector<std::shared_ptr<PodInfo>> pods;
    std::uint64_t version = 0;
};

// (ip, protocol, port) triples in use on a node: upstream HostPortInfo.
struct HostPortInfo {
    std::map<std::string, std::set<std::pair<std::string, std::int32_t>>> ports;  // ip -> {(protocol, port)}
    void add(const std::string& ip, const std::string& protocol, std::int32_t port);
    void remove(const std::string& ip, const std::string& protocol, std::int32_t port);
    // Upstream CheckConflict: 0.0.0.0 conflicts with every ip.
    bool conflicts(const std::string& ip, const std::string& protocol, std::int32_t port) const;
    std::size_t size() const;
};

// What the per-node filters and scorers read of a node for a typical pod, kept in one cache
// line at the start of NodeInfo: a cycle visits every node, and the same numbers read from
// NodeInfo's Resources and the Node object touch six or more lines per node. A mirror of
// allocatable(), requested(), nonZeroRequested(), pods().size() and the node's spec, kept current
// by NodeInfo.
struct alignas(64) NodeSummary {
    std::int64_t allocatableMilliCPU = 0, allocatableMemory = 0;
    std::int64_t requestedMilliCPU = 0, requestedMemory = 0;
    std::int64_t nonZeroRequestedMilliCPU = 0, nonZeroRequestedMemory = 0;
    std::int64_t allowedPodNumber = 0;
    std::int32_t numPods = 0;
    bool hasNode = false;
    bool unschedulable = false;  // spec.unschedulable
    bool hasTaints = false;      // !spec.taints.empty()
};

struct ImageStateSummary {
    std::int64_t size = 0;
    int numNodes = 0;  // nodes in the cluster that have the image
};

// The sum of some pods' requests (PodInfo::requests and nonZeroRequests, without extended
// resources) and their number.
struct RequestTotals {
    std::int32_t count = 0;
    std::int64_t milliCPU = 0, memory = 0, ephemeralStorage = 0, nonZeroMilliCPU = 0, nonZeroMemory = 0;
    void add(const PodInfo& pod);
    void add(const RequestTotals& other);
};

class NodeInfo {
public:
    explicit NodeInfo(std::shared_ptr<const api::Node> node = nullptr);

    const api::Node* node() const { return m_node.get(); }
    std::shared_ptr<const api::Node> nodePtr() const { return m_node; }
    void setNode(std::shared_ptr<const api::Node> node);
    // A copy kept here: a cycle names every rejected node, and reading the name from the Node
    // object would touch it only for that.
    const std::string& name() const { return m_node ? m_name : kNoNodeName; }
    const NodeSummary& summary() const { return m_summary; }
    // The node's index in its snapshot's nodeInfos() (copies keep it), so plugins can keep
    // per-node results in arrays; kNoSlot for a NodeInfo outside a snapshot.
    static constexpr std::size_t kNoSlot = static_cast<std::size_t>(-1);
    std::size_t slot() const { return m_slot; }
    void setSlot(std::size_t slot) { m_slot = slot; }

    void addPod(std::shared_ptr<PodInfo> pod);
    bool removePod(const std::string& namespace_, const std::string& name);
    // The same for a pod found by identity first (one taken from pods()), then by name.
    bool removePod(const PodInfo& pod);

    // Pods added for a moment and taken out again, leaving the node exactly as it was (pod
    // lists, accounting, generation). Upstream filters a copy of the NodeInfo with the nominated
    // pods added; adding them to the node itself for the pass gives the filters the same view
    // without copying the node and its pod lists. Nest like brackets.
    struct TemporaryPods {
        std::size_t numPods = 0, numWithAffinity = 0, numWithRequiredAntiAffinity = 0;
        std::int64_t generation = 0;
        // What taking a pod out again would not restore exactly: scalar resource keys (a key
        // added at 0 would stay) and host ports (one already in use would be dropped). Saved
        // before the first added pod that touches them.
        std::optional<std::map<std::string, std::int64_t>> scalarResources;
        std::optional<HostPortInfo> usedPorts;
    };
    TemporaryPods beginTemporaryPods() const;
    void addTemporaryPod(TemporaryPods& mark, std::shared_ptr<PodInfo> pod);
    // Pods that would add nothing to the node but their requests and a pod slot (no host
    // ports, volumes, pod (anti-)affinity or extended resources), added for a moment as their
    // sum: the accounting, summary().numPods and the generation change as addTemporaryPod would
    // change them, pods() does not. For filters that see other pods only through those numbers.
    // Touches the summary's line and the accounting only, not the pod lists.
    struct TemporaryRequests {
        RequestTotals totals;
        int sign = 1;
        std::int64_t generation = 0;
    };
    // sign -1 takes such pods out instead (the numbers only: pods() still lists them).
    TemporaryRequests addTemporaryRequests(const RequestTotals& totals, int sign = 1);
    void endTemporaryRequests(const TemporaryRequests& mark);
    void endTemporaryPods(TemporaryPods& mark);

    const std::vector<std::shared_ptr<PodInfo>>& pods() const { return m_pods; }
    const std::vector<std::shared_ptr<PodInfo>>& podsWithAffinity() const { return m_podsWithAffinity; }
    const std::vector<std::shared_ptr<PodInfo>>& podsWithRequiredAntiAffinity() const {
        return m_podsWithRequiredAntiAffinity;
    }
    const Resource& requested() const { return m_requested; }
    const Resource& nonZeroRequested() const { return m_nonZeroRequested; }
    const Resource& allocatable() const { return m_allocatable; }
    const HostPortInfo& usedPorts() const { return m_usedPorts; }
    // Image name (every name of each node image) -> summary; filled by the snapshot.
    std::map<std::string, ImageStateSummary> imageStates;
    // "namespace/claim" -> number of pods on this node using it.
    const std::map<std::string, int>& pvcRefCounts() const { return m_pvcRefCounts; }
    std::int64_t generation() const { return m_generation.value; }
    // Keeps a copy of the generation in *cell from now on (nullptr: stop): the snapshot's
    // array of its nodes' generations, which a filter pass reads to learn which nodes changed
    // without touching them. Copies of the NodeInfo (a dry run's) keep no cell: they are not
    // the snapshot's node.
    void mirrorGenerationTo(std::int64_t* cell) {
        m_generation.cell = cell;
        if (cell) *cell = m_generation.value;
    }

    std::unique_ptr<NodeInfo> clone() const;
    // Asks the processor to fetch what a filter pass reads and writes of the node (its summary,
    // node, slot and name, its accounting) ahead of time: a pass over thousands of nodes waits
    // for memory at every node otherwise. Changes nothing.
    void prefetch() const {
        __builtin_prefetch(&m_summary);
        __builtin_prefetch(&m_node);
        __builtin_prefetch(&m_requested, 1);
        __builtin_prefetch(&m_nonZeroRequested, 1);
    }
    // The same for the node's pods (their priority, flags and requests), for a dry run that
    // weighs them next. Reads the list: prefetch the node first.
    void prefetchPods() const {
        for (const auto& p : m_pods) {
            __builtin_prefetch(p.get());
            __builtin_prefetch(reinterpret_cast<const char*>(p.get()) + 64);
        }
    }

private:
    void update(const PodInfo& pod, int sign);
    void setGeneration(std::int64_t generation) { m_generation.set(generation); }
    bool removed(const std::shared_ptr<PodInfo>& pod);  // the accounting after a removal

    // The summary's line, then one line with what plugins' per-slot caches check (node,
    // slot, generation) and the name; the rest is read less often.
    NodeSummary m_summary;
    std::shared_ptr<const api::Node> m_node;
    std::size_t m_slot = kNoSlot;
    std::string m_name;  // m_node->metadata.name
    // The generation, and where mirrorGenerationTo copies it (read only when it changes, so
    // it may lie in the next line). A copy of the NodeInfo starts without a cell; assigning
    // one NodeInfo to another keeps the target's cell and writes the new generation there.
    struct MirroredGeneration {
        std::int64_t value = 0;
        std::int64_t* cell = nullptr;
        MirroredGeneration() = default;
        explicit MirroredGeneration(std::int64_t v) : value(v) {}
        MirroredGeneration(const MirroredGeneration& o) : value(o.value) {}
        MirroredGeneration& operator=(const MirroredGeneration& o) {
            set(o.value);
            return *this;
        }
        void set(std::int64_t v) {
            value = v;
            if (cell) *cell = v;
        }
    } m_generation;
    static const std::string kNoNodeName;
    std::vector<std::shared_ptr<PodInfo>> m_pods, m_podsWithAffinity, m_podsWithRequiredAntiAffinity;
    std::int32_t m_requestOnlyPods = 0;  // added by addTemporaryRequests, not in m_pods
    void addRequests(const RequestTotals& totals, int sign);
    void mirrorRequests() {  // the summary's copy of the accounting
        m_summary.requestedMilliCPU = m_requested.milliCPU;
        m_summary.requestedMemory = m_requested.memory;
        m_summary.nonZeroRequestedMilliCPU = m_nonZeroRequested.milliCPU;
        m_summary.nonZeroRequestedMemory = m_nonZeroRequested.memory;
    }
    void countPods() { m_summary.numPods = static_cast<std::int32_t>(m_pods.size()) + m_requestOnlyPods; }
    Resource m_requested, m_nonZeroRequested, m_allocatable;
    HostPortInfo m_usedPorts;
    std::map<std::string, int> m_pvcRefCounts;
};

}  // namespace ks::scheduler
