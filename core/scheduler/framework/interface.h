// The plugin interfaces of the scheduling framework, one per extension point.
// Mirrors pkg/scheduler/framework/interface.go (v1.31). Plugins decide; the runtime
// (framework/runtime.h) runs them in profile order and records every verdict and score for the
// explanation, so no plugin contains any reporting code.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/api/value.h"
#include "core/scheduler/framework/cycle_state.h"
#include "core/scheduler/framework/node_to_status.h"
#include "core/scheduler/framework/node_info.h"
#include "core/scheduler/framework/snapshot.h"
#include "core/scheduler/framework/status.h"

namespace ks::scheduler {

constexpr std::int64_t kMaxNodeScore = 100;
constexpr std::int64_t kMinNodeScore = 0;

struct NodeScore {
    std::string name;
    std::int64_t score = 0;
};


struct PreFilterResult {
    std::optional<std::set<std::string>> nodeNames;  // nullopt: all nodes
};

struct PostFilterResult {
    std::string nominatedNodeName;
};

// A result on one node kept for later cycles of equal pods (Framework::beginFilterPass): what
// it was computed for, the status and the node's name. It holds in a later cycle with the same
// CycleState::keptResultsKey while the node's generation (Snapshot::generationAt) and
// nomination stamp (Handle::nominationStamp) are unchanged.
struct KeptNodeResult {
    std::uint64_t key = 0;  // 0: none kept
    std::int64_t generation = 0;
    std::uint64_t nominationStamp = 0;
    Status status;
    std::string node;
    bool holds(std::uint64_t k, std::int64_t g, std::uint64_t stamp) const {
        return k != 0 && key == k && generation == g && nominationStamp == stamp;
    }
    void keep(std::uint64_t k, std::int64_t g, std::uint64_t stamp, const Status& s, const std::string& name) {
        key = k;
        generation = g;
        nominationStamp = stamp;
        status = s;
        if (node != name) node = name;
    }
};

// What plugins may ask of the scheduler around them (upstream framework.Handle).
class Handle {
public:
    virtual ~Handle() = default;
    // The snapshot of the current cycle.
    virtual const Snapshot& snapshot() const = 0;
    // pods/binding through the API store.
    virtual Status bindPod(const api::Pod& pod, const std::string& nodeName) = 0;
    // Writes a whole object back to the API store (VolumeBinding's PVC annotation, preemption's
    // status updates); returns the store's status.
    virtual Status updateObject(const api::Value& object) = 0;
    // Deletes a pod (preemption victims; graceful as upstream).
    virtual Status deletePod(const api::Pod& pod, const std::string& reason) = 0;
    // Pods nominated to nodes (for preemption and the two-pass filter). The list is the
    // nominator's own: copy it before doing anything that can change nominations.
    virtual const std::vector<std::shared_ptr<PodInfo>>& nominatedPodsForNode(const std::string& nodeName) const = 0;
    // Runs the profile's filter plugins on one node (preemption dry runs use it).
    virtual Status runFilterPlugins(CycleState& state, const PodInfo& pod, const NodeInfo& node) = 0;
    // The same with the pods nominated to the node that have >= priority (upstream
    // RunFilterPluginsWithNominatedPods, which preemption's SelectVictimsOnNode calls).
    virtual Status runFilterPluginsWithNominatedPods(CycleState& state, const PodInfo& pod, const NodeInfo& node) {
        return runFilterPlugins(state, pod, node);
    }
    // Clears status.nominatedNodeName of a pod through the store (upstream
    // util.ClearNominatedNodeName: preemption clears the preemptor's when no node can help, and
    // those of lower-priority pods nominated to the node it picks).
    virtual Status clearNominatedNodeName(const api::Pod& pod) { return Status::success(); }
    // Runs the PreFilter extensions AddPod / RemovePod of every plugin that has them.
    virtual Status runPreFilterAddPod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToAdd,
                                      const NodeInfo& node) = 0;
    virtual Status runPreFilterRemovePod(CycleState& state, const PodInfo& podToSchedule,
                                         const PodInfo& podToRemove, const NodeInfo& node) = 0;
    // False when AddPod / RemovePod would do nothing in this cycle (no plugin with them ran its
    // PreFilter): callers that add or remove pods on a copy of a node then need no copy of the
    // state, which only those extensions write.
    virtual bool preFilterExtensionsActive(const CycleState&) const { return true; }
    // Whether cycles record the teaching extras; plugins may skip the parts of their own
    // records that only an explanation reads.
    virtual bool recording() const { return true; }
    // The seeded random source of the simulation (tie breaking, sampling).
    virtual std::uint64_t randomInt(std::uint64_t n) = 0;
    // Changes whenever the pods nominated to the node in snapshot slot `slot` change. A result
    // for a cycle with CycleState::keptResultsKey k on that node, computed from the pod, the
    // node and its nominated pods with the profile's filters, still holds in a later cycle
    // with key k while this stamp and the node's generation (Snapshot::generationAt) are
    // unchanged.
    virtual std::uint64_t nominationStamp(std::size_t slot) const {
        (void)slot;
        return 0;
    }
};

class Plugin {
public:
    virtual ~Plugin() = default;
    virtual std::string name() const = 0;
};

class PreEnqueuePlugin : public virtual Plugin {
public:
    virtual Status preEnqueue(const api::Pod& pod) = 0;
};

// An entry in the scheduling queue, as QueueSort sees it.
struct QueuedPodInfo {
    std::shared_ptr<PodInfo> podInfo;
    std::int64_t timestamp = 0;        // when it was (re)added to the queue, virtual ms
    std::int64_t initialAttemptTimestamp = 0;
    int attempts = 0;
    std::uint64_t sequence = 0;        // insertion order, for stable ties
    std::set<std::string> unschedulablePlugins, pendingPlugins;
};

class QueueSortPlugin : public virtual Plugin {
public:
    virtual bool less(const QueuedPodInfo& a, const QueuedPodInfo& b) const = 0;
};

class PreFilterPlugin : public virtual Plugin {
public:
    virtual Status preFilter(CycleState& state, const PodInfo& pod, PreFilterResult& result) = 0;
    // PreFilterExtensions: plugins whose PreFilter state depends on other pods implement these
    // so preemption can simulate adding and removing pods.
    virtual bool hasPreFilterExtensions() const { return false; }
    virtual Status addPod(CycleState&, const PodInfo& /*podToSchedule*/, const PodInfo& /*podToAdd*/,
                          const NodeInfo&) { return Status::success(); }
    virtual Status removePod(CycleState&, const PodInfo& /*podToSchedule*/, const PodInfo& /*podToRemove*/,
                             const NodeInfo&) { return Status::success(); }
};

class FilterPlugin : public virtual Plugin {
public:
    virtual Status filter(CycleState& state, const PodInfo& pod, const NodeInfo& node) = 0;
    // True when filter()'s verdict (after this plugin's own PreFilter) depends on nothing but
    // the pod's spec and priority, the NodeInfo given (its node, pods and accounting) and the
    // plugin's configuration: no other node, no cluster object, not the pod's name, namespace
    // or labels. The framework may then hand an earlier verdict to an equal pod
    // (Framework::beginFilterPass).
    virtual bool nodeLocalFilter() const { return false; }
};

class PostFilterPlugin : public virtual Plugin {
public:
    virtual Status postFilter(CycleState& state, const PodInfo& pod, const NodeToStatus& filteredNodeStatus,
                              PostFilterResult& result) = 0;
};

class PreScorePlugin : public virtual Plugin {
public:
    virtual Status preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes) = 0;
};

class ScorePlugin : public virtual Plugin {
public:
    virtual Status score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) = 0;
    // Scores every node of the cycle: scores[i].score for nodes[i] (scores has nodes.size()
    // entries) and must set every score. Upstream calls Score once per node, in parallel; the
    // result is the same. The default calls score() for each node (from 0) and stops at the
    // first error. Plugins override it to read their cycle state once per cycle instead of once
    // per node.
    virtual Status scoreNodes(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                              std::vector<NodeScore>& scores) {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            scores[i].score = 0;
            Status s = score(state, pod, *nodes[i], scores[i].score);
            if (!s.isSuccess()) return s;
        }
        return Status::success();
    }
    virtual bool hasNormalizeScore() const { return false; }
    virtual Status normalizeScore(CycleState&, const PodInfo&, std::vector<NodeScore>&) { return Status::success(); }
    // False when normalizeScore reads only the scores: the runtime then does not fill in the
    // node names (copying a name per node and plugin is a large part of a cheap plugin's cost).
    virtual bool normalizeScoreReadsNames() const { return true; }
};

class ReservePlugin : public virtual Plugin {
public:
    virtual Status reserve(CycleState& state, const PodInfo& pod, const std::string& nodeName) = 0;
    virtual void unreserve(CycleState& state, const PodInfo& pod, const std::string& nodeName) = 0;
};

class PermitPlugin : public virtual Plugin {
public:
    // Wait: the pod waits up to timeoutMs for approval.
    virtual Status permit(CycleState& state, const PodInfo& pod, const std::string& nodeName, std::int64_t& timeoutMs) = 0;
};

class PreBindPlugin : public virtual Plugin {
public:
    virtual Status preBind(CycleState& state, const PodInfo& pod, const std::string& nodeName) = 0;
};

class BindPlugin : public virtual Plugin {
public:
    virtual Status bind(CycleState& state, const PodInfo& pod, const std::string& nodeName) = 0;
};

class PostBindPlugin : public virtual Plugin {
public:
    virtual void postBind(CycleState& state, const PodInfo& pod, const std::string& nodeName) = 0;
};

// How a plugin is made: its args (pluginConfig, already defaulted; may be null) and the handle.
// On bad args the factory returns nullptr and sets error.
using PluginFactory =
    std::function<std::unique_ptr<Plugin>(const api::Value* args, Handle& handle, std::string& error)>;

// What the registry knows about a plugin, including the names the course teaches.
struct PluginInfo {
    std::string name;
    PluginFactory factory;
    std::vector<std::string> legacyPredicates;  // e.g. PodFitsResources for NodeResourcesFit
    std::vector<std::string> legacyPriorities;  // e.g. LeastRequestedPriority
};

}  // namespace ks::scheduler
