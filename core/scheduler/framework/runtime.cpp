#include "core/scheduler/framework/runtime.h"

#include <algorithm>
#include <optional>
#include <set>

#include "core/scheduler/framework/cycle_record.h"

namespace ks::scheduler {

namespace {

// "[A B]" as Go prints a []string with %v.
std::string goList(const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += ' ';
        out += v[i];
    }
    return out + "]";
}

Status asError(const std::string& prefix, const Status& s) {
    std::string msg = s.message();
    return Status(Code::Error, {prefix + msg});
}

// The intersection of PreFilterResults (upstream PreFilterResult.Merge).
void mergeResult(PreFilterResult& into, const PreFilterResult& r) {
    if (!r.nodeNames) return;
    if (!into.nodeNames) {
        into.nodeNames = r.nodeNames;
        return;
    }
    std::set<std::string> both;
    std::set_intersection(into.nodeNames->begin(), into.nodeNames->end(), r.nodeNames->begin(), r.nodeNames->end(),
                          std::inserter(both, both.begin()));
    into.nodeNames = std::move(both);
}

}  // namespace

// Builds one extension point's list: the point's own enabled plugins, then multiPoint expansion
// (upstream updatePluginList + expandMultiPointPlugins).
template <typename T>
struct ExtensionBuilder {
    static bool build(Framework& f, const char* typeName, const config::PluginSet& set,
                      const config::PluginSet& multiPoint, std::vector<typename Framework::template Entry<T>>& out,
                      std::string& error) {
        std::vector<std::string> enabled;
        for (const auto& e : set.enabled) {
            auto it = f.m_byName.find(e.name);
            if (it == f.m_byName.end()) {
                error = std::string(typeName) + " \"" + e.name + "\" does not exist";
                return false;
            }
            if (!dynamic_cast<T*>(it->second)) {
                error = "plugin \"" + e.name + "\" does not extend " + typeName + " plugin";
                return false;
            }
            if (std::find(enabled.begin(), enabled.end(), e.name) != enabled.end()) {
                error = "plugin \"" + e.name + "\" already registered as \"" + typeName + "\"";
                return false;
            }
            enabled.push_back(e.name);
        }
        std::vector<std::string> ordered = enabled;
        if (!multiPoint.enabled.empty() && !set.disablesAll()) {
            std::vector<std::string> overrides, fromMultiPoint;
            for (const auto& e : multiPoint.enabled) {
                auto it = f.m_byName.find(e.name);
                if (it == f.m_byName.end()) {
                    error = std::string(typeName) + " \"" + e.name + "\" does not exist";
                    return false;
                }
                if (!dynamic_cast<T*>(it->second)) continue;
                if (set.disables(e.name)) continue;
                if (std::find(enabled.begin(), enabled.end(), e.name) != enabled.end()) {
                    if (std::find(overrides.begin(), overrides.end(), e.name) == overrides.end())
                        overrides.push_back(e.name);
                    continue;
                }
                if (std::find(fromMultiPoint.begin(), fromMultiPoint.end(), e.name) != fromMultiPoint.end()) {
                    error = "plugin \"" + e.name + "\" already registered as \"" + typeName + "\"";
                    return false;
                }
                fromMultiPoint.push_back(e.name);
            }
            // Order: explicitly re-configured ones (in the point's order), then multiPoint ones,
            // then the rest of the point's own list.
            ordered.clear();
            for (const auto& n : enabled)
                if (std::find(overrides.begin(), overrides.end(), n) != overrides.end()) ordered.push_back(n);
            for (const auto& n : fromMultiPoint) ordered.push_back(n);
            for (const auto& n : enabled)
                if (std::find(overrides.begin(), overrides.end(), n) == overrides.end()) ordered.push_back(n);
        }
        for (const auto& n : ordered) out.push_back({dynamic_cast<T*>(f.m_byName[n]), n});
        return true;
    }
};

std::unique_ptr<Framework> Framework::create(const config::Profile& profile, const Registry& registry,
                                             SchedulerServices& services, std::string& error) {
    std::unique_ptr<Framework> f(new Framework(services));
    f->m_profileName = profile.schedulerName;
    f->m_percentageOfNodesToScore = profile.percentageOfNodesToScore;
    const config::Plugins& p = profile.plugins;
    const config::PluginSet* sets[] = {&p.preFilter, &p.filter,  &p.postFilter, &p.reserve,    &p.preScore,
                                       &p.score,     &p.preBind, &p.bind,       &p.postBind,   &p.permit,
                                       &p.preEnqueue, &p.queueSort, &p.multiPoint};
    std::set<std::string> needed;
    for (const auto* s : sets)
        for (const auto& e : s->enabled) needed.insert(e.name);

    std::set<std::string> configured;
    for (const auto& pc : profile.pluginConfig)
        if (!configured.insert(pc.name).second) {
            error = "repeated config for plugin " + pc.name;
            return nullptr;
        }
    for (const auto& [name, info] : registry) {
        if (!needed.count(name)) continue;
        const config::PluginConfig* pc = profile.config(name);
        const api::Value* args = pc && !pc->args.isNull() ? &pc->args : nullptr;
        std::string err;
        std::unique_ptr<Plugin> plugin = info.factory ? info.factory(args, *f, err) : nullptr;
        if (!plugin) {
            error = "initializing plugin \"" + name + "\": " + (err.empty() ? "no factory" : err);
            return nullptr;
        }
        f->m_byName[name] = plugin.get();
        f->m_owned.push_back(std::move(plugin));
    }

    std::vector<Entry<ScorePlugin>> score;
    bool ok = ExtensionBuilder<PreFilterPlugin>::build(*f, "PreFilterPlugin", p.preFilter, p.multiPoint, f->m_preFilter, error) &&
              ExtensionBuilder<FilterPlugin>::build(*f, "FilterPlugin", p.filter, p.multiPoint, f->m_filter, error) &&
              ExtensionBuilder<PostFilterPlugin>::build(*f, "PostFilterPlugin", p.postFilter, p.multiPoint, f->m_postFilter, error) &&
              ExtensionBuilder<ReservePlugin>::build(*f, "ReservePlugin", p.reserve, p.multiPoint, f->m_reserve, error) &&
              ExtensionBuilder<PreScorePlugin>::build(*f, "PreScorePlugin", p.preScore, p.multiPoint, f->m_preScore, error) &&
              ExtensionBuilder<ScorePlugin>::build(*f, "ScorePlugin", p.score, p.multiPoint, score, error) &&
              ExtensionBuilder<PreBindPlugin>::build(*f, "PreBindPlugin", p.preBind, p.multiPoint, f->m_preBind, error) &&
              ExtensionBuilder<BindPlugin>::build(*f, "BindPlugin", p.bind, p.multiPoint, f->m_bind, error) &&
              ExtensionBuilder<PostBindPlugin>::build(*f, "PostBindPlugin", p.postBind, p.multiPoint, f->m_postBind, error) &&
              ExtensionBuilder<PermitPlugin>::build(*f, "PermitPlugin", p.permit, p.multiPoint, f->m_permit, error) &&
              ExtensionBuilder<PreEnqueuePlugin>::build(*f, "PreEnqueuePlugin", p.preEnqueue, p.multiPoint, f->m_preEnqueue, error) &&
              ExtensionBuilder<QueueSortPlugin>::build(*f, "QueueSortPlugin", p.queueSort, p.multiPoint, f->m_queueSort, error);
    if (!ok) return nullptr;
    if (f->m_queueSort.size() != 1) {
        error = "only one queue sort plugin required for profile with scheduler name \"" + profile.schedulerName +
                "\", but got " + std::to_string(f->m_queueSort.size());
        return nullptr;
    }
    if (f->m_bind.empty()) {
        error = "at least one bind plugin is needed for profile with scheduler name \"" + profile.schedulerName + "\"";
        return nullptr;
    }
    // Weights: the Score point's own entry wins over multiPoint's; 0 means 1.
    std::map<std::string, std::int64_t> weights;
    for (const auto* s : {&p.score, &p.multiPoint})
        for (const auto& e : s->enabled)
            if (!weights.count(e.name)) weights[e.name] = e.weight == 0 ? 1 : e.weight;
    for (auto& e : score) f->m_score.push_back({e.plugin, e.name, weights.count(e.name) ? weights[e.name] : 1});
    if (f->m_filter.size() > 64 || f->m_score.size() > 64) {
        error = "more than 64 filter or score plugins in profile \"" + profile.schedulerName + "\"";
        return nullptr;
    }
    for (const auto& e : f->m_filter) {
        f->m_filterNames.push_back(e.name);
        f->m_filterNameTags.push_back(Status::pluginTag(e.name));
    }
    for (std::size_t i = 0; i < f->m_preFilter.size(); ++i)
        if (f->m_preFilter[i].plugin->hasPreFilterExtensions()) f->m_preFilterWithExtensions.push_back(i);
    for (const auto& e : f->m_preFilter) {
        auto it = std::find(f->m_filterNames.begin(), f->m_filterNames.end(), e.name);
        f->m_preFilterToFilter.push_back(it == f->m_filterNames.end() ? -1 : int(it - f->m_filterNames.begin()));
    }
    for (const auto& e : f->m_preScore) {
        int idx = -1;
        for (std::size_t i = 0; i < f->m_score.size(); ++i)
            if (f->m_score[i].name == e.name) idx = int(i);
        f->m_preScoreToScore.push_back(idx);
    }
    return f;
}

Plugin* Framework::plugin(const std::string& name) const {
    auto it = m_byName.find(name);
    return it == m_byName.end() ? nullptr : it->second;
}

std::vector<std::string> Framework::pluginNames(const std::string& point) const {
    std::vector<std::string> out;
    auto names = [&](const auto& list) {
        for (const auto& e : list) out.push_back(e.name);
    };
    if (point == "PreEnqueue") names(m_preEnqueue);
    else if (point == "QueueSort") names(m_queueSort);
    else if (point == "PreFilter") names(m_preFilter);
    else if (point == "Filter") names(m_filter);
    else if (point == "PostFilter") names(m_postFilter);
    else if (point == "PreScore") names(m_preScore);
    else if (point == "Score") names(m_score);
    else if (point == "Reserve") names(m_reserve);
    else if (point == "Permit") names(m_permit);
    else if (point == "PreBind") names(m_preBind);
    else if (point == "Bind") names(m_bind);
    else if (point == "PostBind") names(m_postBind);
    return out;
}

Status Framework::runPreEnqueuePlugins(const api::Pod& pod) {
    for (const auto& e : m_preEnqueue) {
        Status s = e.plugin->preEnqueue(pod);
        if (s.isSuccess()) continue;
        if (s.isRejected()) return s.withPlugin(e.name);
        return asError("running PreEnqueue plugin \"" + e.name + "\": ", s).withPlugin(e.name);
    }
    return {};
}

bool Framework::queueSortLess(const QueuedPodInfo& a, const QueuedPodInfo& b) const {
    return m_queueSort.front().plugin->less(a, b);
}

Status Framework::runPreFilterPlugins(CycleState& state, const PodInfo& pod, PreFilterResult& result,
                                      std::vector<PluginStatusRecord>* trace) {
    result = {};
    std::vector<std::string> pluginsWithNodes;
    Status returnStatus;
    state.skipFilterPlugins.clear();
    std::uint64_t skipMask = 0;
    state.skipPreFilterMask = 0;  // kept as the map is, plugin by plugin
    for (std::size_t i = 0; i < m_preFilter.size(); ++i) {
        const auto& e = m_preFilter[i];
        PreFilterResult r;
        Status s = e.plugin->preFilter(state, pod, r);
        if (trace && !s.isSuccess()) trace->push_back({e.name, s.code(), s.message()});
        if (s.isSkip()) {
            // The mask, not the map: preemption clones the state for every node it tries, and
            // copying a map of names each time costs more than the dry run's filters.
            if (i < 64) state.skipPreFilterMask |= std::uint64_t(1) << i;
            else state.skipFilterPlugins[e.name] = true;
            if (m_preFilterToFilter[i] >= 0) skipMask |= std::uint64_t(1) << m_preFilterToFilter[i];
            continue;
        }
        if (!s.isSuccess()) {
            s.withPlugin(e.name);
            if (s.code() == Code::UnschedulableAndUnresolvable) return s;
            // Unschedulable: keep running the rest so preemption sees their state (v1.30+).
            if (s.code() == Code::Unschedulable) {
                returnStatus = std::move(s);
                continue;
            }
            return asError("running PreFilter plugin \"" + e.name + "\": ", s).withPlugin(e.name);
        }
        if (r.nodeNames) pluginsWithNodes.push_back(e.name);
        mergeResult(result, r);
        if (result.nodeNames && result.nodeNames->empty()) {
            std::string msg = pluginsWithNodes.size() == 1
                                  ? "node(s) didn't satisfy plugin " + pluginsWithNodes[0]
                                  : "node(s) didn't satisfy plugin(s) " + goList(pluginsWithNodes) + " simultaneously";
            return Status::unresolvable(std::move(msg));
        }
    }
    state.skipFilterMask = skipMask;
    return returnStatus;
}

Status Framework::runFilterPlugins(CycleState& state, const PodInfo& pod, const NodeInfo& node) {
    const std::uint64_t skip = state.skipFilterMask;
    if (!m_activeFiltersValid || skip != m_activeFiltersMask) {
        // NOTE: a filter that ran the filters again with another mask would change the list
        // under this loop; no plugin runs filters from Filter (preemption does from PostFilter).
        m_numActiveFilters = 0;
        for (std::size_t i = 0; i < m_filter.size(); ++i)
            if (!(skip & (std::uint64_t(1) << i))) m_activeFilters[m_numActiveFilters++] = static_cast<std::uint8_t>(i);
        m_activeFiltersMask = skip;
        m_activeFiltersValid = true;
    }
    for (std::size_t k = 0; k < m_numActiveFilters; ++k) {
        const std::size_t i = m_activeFilters[k];
        Status s = m_filter[i].plugin->filter(state, pod, node);
        if (s.isSuccess()) continue;
        if (!s.isRejected()) s = asError("running \"" + m_filter[i].name + "\" filter plugin: ", s);
        s.withPluginOf(m_filterNameTags[i]);
        return s;
    }
    return {};
}

std::vector<Status> Framework::runAllFilterPlugins(CycleState& state, const PodInfo& pod, const NodeInfo& node) {
    std::vector<Status> out;
    const std::uint64_t skip = state.skipFilterMask;
    for (std::size_t i = 0; i < m_filter.size(); ++i) {
        if (skip & (std::uint64_t(1) << i)) continue;
        Status s = m_filter[i].plugin->filter(state, pod, node);
        if (s.isSuccess()) continue;
        s.withPluginOf(m_filterNameTags[i]);
        out.push_back(std::move(s));
    }
    return out;
}

Status Framework::runFilterPluginsWithNominatedPods(CycleState& state, const PodInfo& pod, const NodeInfo& node) {
    if (!m_services.hasNominatedPods()) return Framework::runFilterPlugins(state, pod, node);  // a direct call
    return runFilterPluginsAddingNominatedPods(state, pod, node);
}

namespace {

// Two bits of 64 picked by the pod's key hash: a pod whose bits are not both set in the union
// of some pods' bits is not among them (a filter of two hash functions: with two to four pods
// nominated to a node, another pod looks like one of them once in 70 to 270 cases).
std::uint64_t keyBitsOf(const PodInfo& pod) {
    return (std::uint64_t(1) << (pod.keyHash % 64)) | (std::uint64_t(1) << ((pod.keyHash >> 6) % 64));
}

}  // namespace

Status Framework::runFilterPluginsAddingNominatedPods(CycleState& state, const PodInfo& pod, const NodeInfo& node) {
    // Pass 1 with the nominated pods of equal or higher priority added (they reserve room);
    // pass 2 without them, only if some were added and pass 1 succeeded.
    NominatedMemo* memo = nominatedMemoOf(node);
    // Upstream adds them to a copy of the node. Here they are added to the node itself and taken
    // out again before returning (NodeInfo::TemporaryPods restores it exactly): every NodeInfo
    // lives in a snapshot or a dry run's copy, none is const, and nothing else reads the node
    // during the pass (single-threaded).
    NodeInfo& nodeWith = const_cast<NodeInfo&>(node);
    std::optional<NodeInfo::TemporaryPods> mark;
    struct Restore {
        NodeInfo& node;
        std::optional<NodeInfo::TemporaryPods>& mark;
        ~Restore() {
            if (mark) node.endTemporaryPods(*mark);
        }
    } restore{nodeWith, mark};
    if (memo) {
        const NominatedTotals& totals = nominatedTotals(*memo, pod.priority());
        if (totals.requests.count == 0) return runFilterPlugins(state, pod, node);
        // When the pods add only requests, the pod itself is not among them and no AddPod
        // extension would see them, the filters' view of the node with them added is its
        // accounting with their sum added: the same verdicts and reasons as upstream's copy.
        const bool podAmongThem = (totals.keyBits & keyBitsOf(pod)) == keyBitsOf(pod);
        if (totals.requestsOnly && !podAmongThem && !preFilterExtensionsActive(state)) {
            const NodeInfo::TemporaryRequests added = nodeWith.addTemporaryRequests(totals.requests);
            Status s = runFilterPlugins(state, pod, nodeWith);
            nodeWith.endTemporaryRequests(added);
            if (!s.isSuccess()) return s;
            return runFilterPlugins(state, pod, node);
        }
    }
    const auto& nominated = memo ? memo->list->pods : m_services.nominatedPodsForNode(node.name());
    std::unique_ptr<CycleState> stateCopy;
    CycleState* stateWith = nullptr;
    for (const auto& pi : nominated) {
        if (pi->priority() < pod.priority()) continue;
        if (pi->samePod(pod)) continue;
        if (!mark) {
            mark = nodeWith.beginTemporaryPods();
            // Only AddPod writes to the state: without active extensions the pass reads the
            // cycle's own state, unchanged.
            if (preFilterExtensionsActive(state)) {
                stateCopy = state.clone();
                stateWith = stateCopy.get();
            } else {
                stateWith = &state;
            }
        }
        nodeWith.addTemporaryPod(*mark, pi);
        Status s = runPreFilterAddPod(*stateWith, pod, *pi, nodeWith);
        if (!s.isSuccess()) return s;
    }
    if (!mark) return runFilterPlugins(state, pod, node);
    Status s = runFilterPlugins(*stateWith, pod, nodeWith);
    nodeWith.endTemporaryPods(*mark);
    mark.reset();
    if (!s.isSuccess()) return s;
    return runFilterPlugins(state, pod, node);
}

Framework::NominatedMemo* Framework::nominatedMemoOf(const NodeInfo& node) {
    const std::size_t slot = node.slot();
    if (slot == NodeInfo::kNoSlot || !node.node()) return nullptr;
    if (m_services.nominationsVersion() != m_nominationsSeen) catchUpWithNominations();
    if (slot >= m_nominatedBySlot.size()) m_nominatedBySlot.resize(slot + 1);
    NominatedMemo& memo = m_nominatedBySlot[slot];
    if (memo.node.get() != node.node()) {
        const NominatedPodList* list = m_services.nominatedPodsListForNode(node.name());
        if (!list) return nullptr;
        // Changes to the list are reported to one slot: a memo of it in another slot (the node
        // was there in an earlier snapshot) is dropped rather than left to go stale.
        auto [it, inserted] = m_slotOfList.emplace(list, slot);
        if (!inserted && it->second != slot) {
            if (it->second < m_nominatedBySlot.size()) m_nominatedBySlot[it->second] = NominatedMemo{};
            stampNominations(it->second);
            it->second = slot;
        }
        memo = NominatedMemo{node.nodePtr(), list, {}};
        stampNominations(slot);
    }
    return &memo;
}

void Framework::catchUpWithNominations() {
    m_changedLists.clear();
    if (m_services.nominatedListsChangedSince(m_nominationsSeen, m_changedLists)) {
        for (const NominatedPodList* list : m_changedLists) {
            if (auto it = m_slotOfList.find(list); it != m_slotOfList.end() && it->second < m_nominatedBySlot.size()) {
                m_nominatedBySlot[it->second].totals.current = false;
                stampNominations(it->second);
            } else {
                renewEpochs();  // a list no memo follows: which node's verdicts it changes is unknown
            }
        }
    } else {
        for (NominatedMemo& memo : m_nominatedBySlot) memo.totals.current = false;
        renewEpochs();
    }
    m_nominationsSeen = m_services.nominationsVersion();
}

bool Framework::beginFilterPass(CycleState& state, const PodInfo& pod, bool allNodes) {
    state.keptResultsKey = 0;
    if (!m_reuseResults || !allNodes || !m_services.reportsNominationChanges()) return false;
    if (m_services.nominationsVersion() != m_nominationsSeen) catchUpWithNominations();
    const std::uint64_t skip = state.skipFilterMask;
    for (std::size_t i = 0; i < m_filter.size(); ++i) {
        const bool skipped = i < 64 ? (skip & (std::uint64_t(1) << i)) != 0 : false;
        if (!skipped && !m_filter[i].plugin->nodeLocalFilter()) return false;
    }
    // A nominated pod is left out of its own node's nominated pods: its verdicts are its own.
    if (m_services.isNominated(pod)) return false;
    // The class of pods with this spec, priority and skip mask; else the least recently used
    // class makes room for it.
    KeptClass* found = nullptr;
    KeptClass* oldest = &m_keptClasses[0];
    for (KeptClass& c : m_keptClasses) {
        if (c.epoch && c.priority == pod.priority() && c.skipMask == skip &&
            (c.pod == pod.pod || c.pod->spec == pod.pod->spec)) {
            found = &c;
            break;
        }
        if (c.lastUse < oldest->lastUse) oldest = &c;
    }
    if (!found) {
        found = oldest;
        found->priority = pod.priority();
        found->skipMask = skip;
        found->epoch = ++m_lastEpoch;
    }
    found->pod = pod.pod;
    found->lastUse = ++m_passes;
    m_keptClass = found;
    state.keptResultsKey = found->epoch;
    return true;
}

void Framework::keepVerdict(std::size_t slot, std::int64_t generation, const std::string& node, const Status& status) {
    if (status.code() == Code::Error) return;
    std::vector<KeptVerdict>& kept = m_keptClass->verdicts;
    if (slot >= kept.size()) kept.resize(std::max(slot + 1, snapshot().numNodes()));
    // keptVerdict reads the stamp of every slot that has a verdict.
    if (m_nominationStamps.size() < kept.size()) m_nominationStamps.resize(kept.size(), 0);
    kept[slot].keep(m_keptClass->epoch, generation, m_nominationStamps[slot], status, node);
}

const Framework::NominatedTotals& Framework::nominatedTotals(NominatedMemo& memo, std::int32_t threshold) {
    NominatedTotals& t = memo.totals;
    if (t.current && t.threshold == threshold) return t;
    t = NominatedTotals{true, threshold, true, 0, {}};
    for (const auto& pi : memo.list->pods) {
        if (pi->priority() < threshold) continue;
        t.requests.add(*pi);
        t.requestsOnly = t.requestsOnly && pi->addsOnlyRequests();
        t.keyBits |= keyBitsOf(*pi);
    }
    return t;
}

namespace {

// Whether PreFilter plugin i (named name) returned Skip in this cycle: its AddPod / RemovePod
// then do nothing. The mask covers the first 64 plugins, the names the rest.
bool preFilterSkipped(const CycleState& state, std::size_t i, const std::string& name) {
    return i < 64 ? (state.skipPreFilterMask & (std::uint64_t(1) << i)) != 0 : state.skipFilterPlugins.count(name) > 0;
}

}  // namespace

bool Framework::preFilterExtensionsActive(const CycleState& state) const {
    for (const std::size_t i : m_preFilterWithExtensions)
        if (!preFilterSkipped(state, i, m_preFilter[i].name)) return true;
    return false;
}

Status Framework::runPreFilterAddPod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToAdd,
                                     const NodeInfo& node) {
    for (const std::size_t i : m_preFilterWithExtensions) {
        const auto& e = m_preFilter[i];
        if (preFilterSkipped(state, i, e.name)) continue;
        Status s = e.plugin->addPod(state, podToSchedule, podToAdd, node);
        if (!s.isSuccess()) return asError("running AddPod on PreFilter plugin \"" + e.name + "\": ", s);
    }
    return {};
}

Status Framework::runPreFilterRemovePod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToRemove,
                                        const NodeInfo& node) {
    for (const std::size_t i : m_preFilterWithExtensions) {
        const auto& e = m_preFilter[i];
        if (preFilterSkipped(state, i, e.name)) continue;
        Status s = e.plugin->removePod(state, podToSchedule, podToRemove, node);
        if (!s.isSuccess()) return asError("running RemovePod on PreFilter plugin \"" + e.name + "\": ", s);
    }
    return {};
}

Status Framework::runPostFilterPlugins(CycleState& state, const PodInfo& pod, const NodeToStatus& statuses,
                                       PostFilterResult& result, bool& haveResult) {
    haveResult = false;
    std::vector<std::string> reasons;
    std::string rejector;
    for (const auto& e : m_postFilter) {
        PostFilterResult r;
        Status s = e.plugin->postFilter(state, pod, statuses, r);
        if (s.isSuccess()) {
            result = r;
            haveResult = true;
            return s;
        }
        if (s.code() == Code::UnschedulableAndUnresolvable) return s.withPlugin(e.name);
        if (!s.isRejected()) return asError("", s).withPlugin(e.name);
        if (!r.nominatedNodeName.empty()) {
            result = r;
            haveResult = true;
        }
        reasons.insert(reasons.end(), s.reasons().begin(), s.reasons().end());
        if (rejector.empty()) rejector = e.name;
    }
    return Status(Code::Unschedulable, std::move(reasons)).withPlugin(rejector);
}

Status Framework::runPreScorePlugins(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                                     std::vector<PluginStatusRecord>* trace) {
    state.skipScorePlugins.clear();
    std::uint64_t skipMask = 0;
    for (std::size_t i = 0; i < m_preScore.size(); ++i) {
        const auto& e = m_preScore[i];
        Status s = e.plugin->preScore(state, pod, nodes);
        if (trace && !s.isSuccess()) trace->push_back({e.name, s.code(), s.message()});
        if (s.isSkip()) {
            state.skipScorePlugins[e.name] = true;
            if (m_preScoreToScore[i] >= 0) skipMask |= std::uint64_t(1) << m_preScoreToScore[i];
            continue;
        }
        if (!s.isSuccess()) return asError("running PreScore plugin \"" + e.name + "\": ", s);
    }
    state.skipScoreMask = skipMask;
    return {};
}

Status Framework::runScorePlugins(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes,
                                  ScoreResult& out) {
    const std::size_t numPlugins = m_score.size();
    out.totals.assign(nodes.size(), 0);
    out.normalized.resize(numPlugins);
    if (m_recording) out.raw.resize(numPlugins);
    for (std::size_t p = 0; p < numPlugins; ++p) {
        auto& list = out.normalized[p];
        const bool skipped = state.skipScoreMask & (std::uint64_t(1) << p);
        if (skipped && !m_recording) continue;  // its list is only read for the explanation
        list.resize(nodes.size());
        ScorePlugin* plugin = m_score[p].plugin;
        // Names are only needed by NormalizeScore and the explanation; copying them for every
        // plugin and node would dominate the cost of a cycle.
        const bool named = m_recording || (!skipped && plugin->hasNormalizeScore() && plugin->normalizeScoreReadsNames());
        if (named)
            for (std::size_t i = 0; i < nodes.size(); ++i) list[i].name = nodes[i]->name();
        if (skipped) {
            for (auto& ns : list) ns.score = 0;
            out.raw[p] = list;
            continue;
        }
        if (Status s = plugin->scoreNodes(state, pod, nodes, list); !s.isSuccess())
            return asError("plugin \"" + m_score[p].name + "\" failed with: ", s);
        if (m_recording) out.raw[p] = list;
        if (plugin->hasNormalizeScore()) {
            Status s = plugin->normalizeScore(state, pod, list);
            if (!s.isSuccess()) return asError("plugin \"" + m_score[p].name + "\" failed with: ", s);
        }
        const std::int64_t weight = m_score[p].weight;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const std::int64_t score = list[i].score;
            if (score > kMaxNodeScore || score < kMinNodeScore)
                return Status::error("plugin \"" + m_score[p].name + "\" returns an invalid score " +
                                     std::to_string(score) + ", it should in the range of [0, 100] after normalizing");
            out.totals[i] += score * weight;
        }
    }
    return {};
}

Status Framework::runReservePluginsReserve(CycleState& state, const PodInfo& pod, const std::string& nodeName) {
    for (const auto& e : m_reserve) {
        Status s = e.plugin->reserve(state, pod, nodeName);
        if (s.isSuccess()) continue;
        if (s.isRejected()) return s.withPlugin(e.name);
        return asError("running Reserve plugin \"" + e.name + "\": ", s).withPlugin(e.name);
    }
    return {};
}

void Framework::runReservePluginsUnreserve(CycleState& state, const PodInfo& pod, const std::string& nodeName) {
    for (auto it = m_reserve.rbegin(); it != m_reserve.rend(); ++it) it->plugin->unreserve(state, pod, nodeName);
}

Status Framework::runPermitPlugins(CycleState& state, const PodInfo& pod, const std::string& nodeName) {
    for (const auto& e : m_permit) {
        std::int64_t timeout = 0;
        Status s = e.plugin->permit(state, pod, nodeName, timeout);
        if (s.isSuccess()) continue;
        if (s.isRejected()) return s.withPlugin(e.name);
        // NOTE: no in-tree plugin waits at Permit; a Wait is let through here.
        if (s.code() == Code::Wait) continue;
        return asError("running Permit plugin \"" + e.name + "\": ", s).withPlugin(e.name);
    }
    return {};
}

Status Framework::runPreBindPlugins(CycleState& state, const PodInfo& pod, const std::string& nodeName) {
    for (const auto& e : m_preBind) {
        Status s = e.plugin->preBind(state, pod, nodeName);
        if (s.isSuccess()) continue;
        if (s.isRejected()) return s.withPlugin(e.name);
        return asError("running PreBind plugin \"" + e.name + "\": ", s).withPlugin(e.name);
    }
    return {};
}

Status Framework::runBindPlugins(CycleState& state, const PodInfo& pod, const std::string& nodeName) {
    Status s = Status::skip();
    for (const auto& e : m_bind) {
        s = e.plugin->bind(state, pod, nodeName);
        if (s.isSkip()) continue;
        if (!s.isSuccess()) {
            if (s.isRejected()) return s.withPlugin(e.name);
            return asError("running Bind plugin \"" + e.name + "\": ", s).withPlugin(e.name);
        }
        return s;
    }
    return s;
}

void Framework::runPostBindPlugins(CycleState& state, const PodInfo& pod, const std::string& nodeName) {
    for (const auto& e : m_postBind) e.plugin->postBind(state, pod, nodeName);
}

}  // namespace ks::scheduler
