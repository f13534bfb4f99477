// Framework: one scheduling profile's plugins, run at each extension point with upstream's
// semantics. Mirrors pkg/scheduler/framework/runtime/framework.go (v1.31): plugin lists built
// from the (defaulted) profile with multiPoint expansion, score weights, PreFilter with Skip
// and PreFilterResult, Filter with nominated pods, PreScore/Score/NormalizeScore, Reserve,
// Permit, PreBind, Bind, PostBind. It is also the Handle plugins receive.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/scheduler/config/types.h"
#include "core/scheduler/framework/cycle_record.h"
#include "core/scheduler/framework/interface.h"
#include "core/scheduler/framework/node_info.h"
#include "core/scheduler/framework/registry.h"

namespace ks::scheduler {

// What the scheduler around a framework provides: the cycle's snapshot, writes to the store,
// the nominator and the seeded random source.
class SchedulerServices {
public:
    virtual ~SchedulerServices() = default;
    virtual const Snapshot& snapshot() const = 0;
    virtual Status bindPod(const api::Pod& pod, const std::string& nodeName) = 0;
    virtual Status updateObject(const api::Value& object) = 0;
    virtual Status deletePod(const api::Pod& pod, const std::string& reason) = 0;
    virtual const std::vector<std::shared_ptr<PodInfo>>& nominatedPodsForNode(const std::string& nodeName) const = 0;
    virtual bool hasNominatedPods() const = 0;
    // The node's list in the nominator, created empty when missing: the reference stays valid
    // and follows every later nomination (SchedulingQueue::nominatedPodsListForNode). nullptr
    // when the services keep no such list (then nothing is remembered).
    virtual const NominatedPodList* nominatedPodsListForNode(const std::string& nodeName) {
        (void)nodeName;
        return nullptr;
    }
    // Where lists are kept: the version of the last change to any of them, and the lists
    // changed after a version (false when that is no longer known). SchedulingQueue's.
    virtual std::uint64_t nominationsVersion() const { return 0; }
    virtual bool nominatedListsChangedSince(std::uint64_t since, std::vector<const NominatedPodList*>& out) const {
        (void)since;
        (void)out;
        return false;
    }
    // Whether nominatedListsChangedSince reports every change to the lists (then filter passes
    // may keep verdicts between pods), and whether the pod is in the nominator now.
    virtual bool reportsNominationChanges() const { return false; }
    virtual bool isNominated(const PodInfo& pod) const {
        (void)pod;
        return true;
    }
    virtual Status clearNominatedNodeName(const api::Pod& pod) = 0;
    virtual std::uint64_t randomInt(std::uint64_t n) = 0;
};

// Scores of the feasible nodes, per plugin (index as scorePlugins()).
struct ScoreResult {
    std::vector<std::int64_t> totals;                      // per node
    // [plugin][node]; raw only when recording. Without recording, the list of a plugin skipped
    // at PreScore is left as it was (nothing reads it).
    std::vector<std::vector<NodeScore>> raw, normalized;
};

class Framework : public Handle {
public:
    // Builds the profile's plugins from the registry. The profile must be defaulted
    // (config::applyDefaults). On error returns nullptr and sets error with upstream's text
    // (e.g. `QueueSortPlugin "Coscheduling" does not exist`).
    static std::unique_ptr<Framework> create(const config::Profile& profile, const Registry& registry,
                                             SchedulerServices& services, std::string& error);

    const std::string& profileName() const { return m_profileName; }
    const std::optional<std::int32_t>& percentageOfNodesToScore() const { return m_percentageOfNodesToScore; }

    // Record the teaching extras (every failing filter per node, raw scores)?
    void setRecording(bool on) { m_recording = on; }
    // Whether beginFilterPass may let passes keep and reuse verdicts (on by default).
    void setReusingResults(bool on) { m_reuseResults = on; }
    bool recording() const override { return m_recording; }

    // ---- extension points ----
    Status runPreEnqueuePlugins(const api::Pod& pod);
    bool queueSortLess(const QueuedPodInfo& a, const QueuedPodInfo& b) const;
    // Upstream RunPreFilterPlugins; result.nodeNames is the intersection of the plugins' sets.
    // Non-success statuses (Skip included) of individual plugins go to `trace` when given.
    Status runPreFilterPlugins(CycleState& state, const PodInfo& pod, PreFilterResult& result,
                               std::vector<PluginStatusRecord>* trace = nullptr);
    Status runFilterPlugins(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;
    // Every filter plugin from index `from` on, collecting each rejection (teaching view).
    std::vector<Status> runAllFilterPlugins(CycleState& state, const PodInfo& pod, const NodeInfo& node);
    Status runFilterPluginsWithNominatedPods(CycleState& state, const PodInfo& pod, const NodeInfo& node) override;
    // Asks the processor to fetch what runFilterPluginsWithNominatedPods will read of its own
    // about node (the memo of its nominated pods), for a pass that knows which node comes
    // next. Reads the node's slot: prefetch the node first. Changes nothing.
    void prefetchNominated(const NodeInfo& node) const {
        const std::size_t slot = node.slot();
        if (slot >= m_nominatedBySlot.size()) return;
        const char* memo = reinterpret_cast<const char*>(&m_nominatedBySlot[slot]);
        __builtin_prefetch(memo);
        __builtin_prefetch(memo + sizeof(NominatedMemo) - 1);
    }
    // ---- verdicts kept between filter passes ----
    // Upstream runs every filter on every node for every pod. Two pods with the same spec and
    // priority, neither nominated anywhere, get the same verdict on a node from filters that
    // read only the pod and that node (FilterPlugin::nodeLocalFilter), as long as the node and
    // its nominated pods are unchanged. Replicas of one workload are such pods: each pass of
    // one keeps its verdicts by snapshot slot, and the pass of the next reuses those of the
    // nodes that did not change since (one or two per pod after a preemption or binding)
    // instead of reading every node again. The verdicts, and so every status, message and
    // choice, are those the filters would give.
    // Call before every filter pass, after PreFilter, with whether it visits all of the
    // snapshot's nodes: true when this pod's verdicts may be kept and reused in this pass
    // (every filter left by the skip mask is node-local, the pod is not nominated, the services
    // report nomination changes). Sets state.keptResultsKey accordingly, for plugins that keep
    // results of their own (preemption's dry runs).
    bool beginFilterPass(CycleState& state, const PodInfo& pod, bool allNodes);
    // The verdict kept for the node in slot when it still holds (generation: the snapshot's
    // generationAt(slot)); nullptr otherwise. Only after beginFilterPass returned true.
    using KeptVerdict = KeptNodeResult;
    const KeptVerdict* keptVerdict(std::size_t slot, std::int64_t generation) const {
        const std::vector<KeptVerdict>& kept = m_keptClass->verdicts;
        if (slot >= kept.size()) return nullptr;
        const KeptVerdict& k = kept[slot];
        return k.holds(m_keptClass->epoch, generation, m_nominationStamps[slot]) ? &k : nullptr;
    }
    // Keeps the verdict the filters gave (with runFilterPluginsWithNominatedPods) in this pass.
    void keepVerdict(std::size_t slot, std::int64_t generation, const std::string& node, const Status& status);

    Status runPostFilterPlugins(CycleState& state, const PodInfo& pod, const NodeToStatus& statuses,
                                PostFilterResult& result, bool& haveResult);
    Status runPreScorePlugins(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                              std::vector<PluginStatusRecord>* trace = nullptr);
    Status runScorePlugins(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                           ScoreResult& out);
    Status runReservePluginsReserve(CycleState& state, const PodInfo& pod, const std::string& nodeName);
    void runReservePluginsUnreserve(CycleState& state, const PodInfo& pod, const std::string& nodeName);
    Status runPermitPlugins(CycleState& state, const PodInfo& pod, const std::string& nodeName);
    Status runPreBindPlugins(CycleState& state, const PodInfo& pod, const std::string& nodeName);
    Status runBindPlugins(CycleState& state, const PodInfo& pod, const std::string& nodeName);
    void runPostBindPlugins(CycleState& state, const PodInfo& pod, const std::string& nodeName);

    bool hasFilterPlugins() const { return !m_filter.empty(); }
    bool hasScorePlugins() const { return !m_score.empty(); }
    bool hasPostFilterPlugins() const { return !m_postFilter.empty(); }

    // Plugin names per extension point, in run order (for display and tests).
    std::vector<std::string> pluginNames(const std::string& extensionPoint) const;
    struct ScoreEntry {
        ScorePlugin* plugin;
        std::string name;
        std::int64_t weight;
    };
    const std::vector<ScoreEntry>& scorePlugins() const { return m_score; }
    const std::vector<std::string>& filterPluginNames() const { return m_filterNames; }
    // The plugins that rejected a pod may be interested in cluster events (queue).
    Plugin* plugin(const std::string& name) const;

    // ---- Handle ----
    const Snapshot& snapshot() const override { return m_services.snapshot(); }
    Status bindPod(const api::Pod& pod, const std::string& nodeName) override { return m_services.bindPod(pod, nodeName); }
    Status updateObject(const api::Value& object) override { return m_services.updateObject(object); }
    Status deletePod(const api::Pod& pod, const std::string& reason) override { return m_services.deletePod(pod, reason); }
    const std::vector<std::shared_ptr<PodInfo>>& nominatedPodsForNode(const std::string& nodeName) const override {
        return m_services.nominatedPodsForNode(nodeName);
    }
    Status runPreFilterAddPod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToAdd,
                              const NodeInfo& node) override;
    Status runPreFilterRemovePod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToRemove,
                                 const NodeInfo& node) override;
    bool preFilterExtensionsActive(const CycleState& state) const override;
    std::uint64_t randomInt(std::uint64_t n) override { return m_services.randomInt(n); }
    Status clearNominatedNodeName(const api::Pod& pod) override { return m_services.clearNominatedNodeName(pod); }
    std::uint64_t nominationStamp(std::size_t slot) const override {
        return slot < m_nominationStamps.size() ? m_nominationStamps[slot] : 0;
    }

private:
    explicit Framework(SchedulerServices& services) : m_services(services) {}
    // runFilterPluginsWithNominatedPods when some pod is nominated somewhere (kept apart so that
    // the usual case stays a small function).
    Status runFilterPluginsAddingNominatedPods(CycleState& state, const PodInfo& pod, const NodeInfo& node);

    SchedulerServices& m_services;
    // The nominator's list of each node (by snapshot slot), looked up once: the list follows
    // later nominations (SchedulerServices::nominatedPodsListForNode), and every filter pass
    // asks for every node, where a lookup by name misses the cache.
    // A node's nominated pods of priority >= threshold, summed once per change to the node's
    // list instead of read pod by pod in every pass (each read a cache miss: a preemptor's pass
    // meets every nomination in the cluster, thousands when many pods wait to bind).
    struct NominatedTotals {
        bool current = false;  // false: the list changed since they were summed (or never were)
        std::int32_t threshold = 0;
        bool requestsOnly = true;  // every pod counted adds only requests (PodInfo::addsOnlyRequests)
        std::uint64_t keyBits = 0;  // keyBitsOf each pod counted: a pod with a bit clear is not among them
        RequestTotals requests;
    };
    struct NominatedMemo {
        // Held, so that the address names the node while the slot keeps it (a new snapshot may
        // put another node in the slot; an update of the node, a new object).
        std::shared_ptr<const api::Node> node;
        const NominatedPodList* list = nullptr;
        NominatedTotals totals;
    };
    // The memo of the node's slot, current; nullptr for a node outside a snapshot or services
    // that keep no lists.
    NominatedMemo* nominatedMemoOf(const NodeInfo& node);
    // Marks the totals of the lists changed since the last call as no longer current: a pass
    // then reads no list to learn that it has not changed.
    void catchUpWithNominations();
    std::uint64_t m_nominationsSeen = 0;
    std::unordered_map<const NominatedPodList*, std::size_t> m_slotOfList;
    std::vector<const NominatedPodList*> m_changedLists;  // scratch
    const NominatedTotals& nominatedTotals(NominatedMemo& memo, std::int32_t threshold);
    std::vector<NominatedMemo> m_nominatedBySlot;
    // Kept verdicts, for the last few classes of equal pods seen (workloads interleave their
    // replicas). A verdict is valid while its epoch is its class's (a change to the nominations
    // that cannot be pinned to a node starts new epochs) and the node's generation and
    // nomination stamp are unchanged. Stamps change by slot with the nominator's list of the
    // node in that slot. Epochs are never reused, so they also name the class.
    struct KeptClass {
        std::shared_ptr<const api::Pod> pod;  // whose spec the verdicts are for
        std::int32_t priority = 0;
        std::uint64_t skipMask = 0;
        std::uint64_t epoch = 0;  // 0: holds no class
        std::uint64_t lastUse = 0;
        std::vector<KeptVerdict> verdicts;  // by slot
    };
    std::array<KeptClass, 4> m_keptClasses;
    KeptClass* m_keptClass = nullptr;  // the current pass's, when it keeps verdicts
    void renewEpochs() {
        for (KeptClass& c : m_keptClasses)
            if (c.epoch) c.epoch = ++m_lastEpoch;
    }
    std::vector<std::uint64_t> m_nominationStamps;
    bool m_reuseResults = true;
    std::uint64_t m_lastEpoch = 0, m_lastStamp = 0, m_passes = 0;
    void stampNominations(std::size_t slot) {
        if (slot >= m_nominationStamps.size()) m_nominationStamps.resize(slot + 1, 0);
        m_nominationStamps[slot] = ++m_lastStamp;
    }
    std::string m_profileName;
    std::optional<std::int32_t> m_percentageOfNodesToScore;
    bool m_recording = false;
    std::vector<std::unique_ptr<Plugin>> m_owned;
    std::map<std::string, Plugin*> m_byName;

    template <typename T>
    struct Entry {
        T* plugin;
        std::string name;
    };
    std::vector<Entry<PreEnqueuePlugin>> m_preEnqueue;
    std::vector<Entry<QueueSortPlugin>> m_queueSort;
    std::vector<Entry<PreFilterPlugin>> m_preFilter;
    std::vector<Entry<FilterPlugin>> m_filter;
    std::vector<std::string> m_filterNames;
    // Statuses holding only those names, whose name every rejection shares (no copy per node).
    std::vector<Status> m_filterNameTags;
    // The filter plugins a skip mask leaves to run, for the last mask seen: the per-node loop
    // then visits only those (most plugins skip a typical pod).
    std::uint64_t m_activeFiltersMask = 0;
    bool m_activeFiltersValid = false;
    std::array<std::uint8_t, 64> m_activeFilters{};
    std::size_t m_numActiveFilters = 0;
    std::vector<Entry<PostFilterPlugin>> m_postFilter;
    std::vector<Entry<PreScorePlugin>> m_preScore;
    std::vector<ScoreEntry> m_score;
    std::vector<Entry<ReservePlugin>> m_reserve;
    std::vector<Entry<PermitPlugin>> m_permit;
    std::vector<Entry<PreBindPlugin>> m_preBind;
    std::vector<Entry<BindPlugin>> m_bind;
    std::vector<Entry<PostBindPlugin>> m_postBind;
    // Filter plugin index of each PreFilter plugin (-1 when it has no Filter), for skip masks.
    std::vector<int> m_preFilterToFilter;
    std::vector<std::size_t> m_preFilterWithExtensions;  // PreFilter indexes with AddPod/RemovePod
    std::vector<int> m_preScoreToScore;

    template <typename T>
    friend struct ExtensionBuilder;
};

}  // namespace ks::scheduler
