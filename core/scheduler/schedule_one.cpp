// The scheduling cycle: pkg/scheduler/schedule_one.go (v1.31).
#include <algorithm>
#include <set>
#include <type_traits>

#include "core/scheduler/scheduler.h"

namespace ks::scheduler {

struct Scheduler::ScheduleResult {
    std::string suggestedHost;
    Status status;
    std::optional<FitError> fitError;
};

namespace {

void addFailures(NodeVerdict& v, const Status& s, const char* fallbackPlugin) {
    const std::string plugin = s.plugin().empty() ? fallbackPlugin : s.plugin();
    v.failures.push_back({plugin, s.code(), s.reasons()});
}

}  // namespace

std::optional<CycleRecord> Scheduler::scheduleOne(std::int64_t now) {
    m_now = now;
    auto popped = m_queue->pop(now);
    if (!popped) return std::nullopt;
    QueuedPodInfo qpi = std::move(*popped);
    const std::shared_ptr<PodInfo> podInfo = qpi.podInfo;
    const api::Pod& pod = *podInfo->pod;
    Framework* fw = profile(pod.spec.schedulerName);
    CycleRecord record;
    record.pod = podInfo->key();
    record.profile = pod.spec.schedulerName;
    record.time = now;
    record.attempt = qpi.attempts;
    if (!fw) return record;
    if (pod.metadata.deletionTimestamp) {
        record.message = "skip schedule deleting pod: " + record.pod;
        recordEvent("Warning", "FailedScheduling", record.pod, record.message);
        return record;
    }
    const std::int64_t podCycle = m_queue->schedulingCycle();
    CycleState state;
    m_currentRecord = &record;
    ScheduleResult result = schedulePod(*fw, state, *podInfo, record);
    if (!result.status.isSuccess()) {
        std::optional<std::string> nominated;  // nullopt: leave the nomination as it is
        Diagnosis* diagnosis = nullptr;
        if (result.fitError) {
            diagnosis = &result.fitError->diagnosis;
            if (!fw->hasPostFilterPlugins()) {
                nominated = "";
            } else {
                PostFilterResult pf;
                bool have = false;
                Status ps = fw->runPostFilterPlugins(state, *podInfo, diagnosis->nodeToStatus, pf, have);
                diagnosis->postFilterMsg = ps.message();
                if (have) nominated = pf.nominatedNodeName;
            }
            record.message = result.fitError->message();
        } else {
            nominated = "";
            record.message = result.status.message();
        }
        handleFailure(*fw, qpi, result.status, diagnosis, nominated, podCycle, now, record);
        m_currentRecord = nullptr;
        return record;
    }
    m_currentRecord = nullptr;

    // Assume: the pod counts on its node for every later cycle, before binding completes.
    const std::string host = result.suggestedHost;
    auto assumedPod = std::make_shared<api::Pod>(pod);
    assumedPod->spec.nodeName = host;
    assumedPod->status.nominatedNodeName.clear();
    auto assumed = std::make_shared<PodInfo>(*podInfo);
    assumed->pod = assumedPod;
    m_snapshot->addPod(assumed, host);
    m_queue->deleteNominatedPodIfExists(pod.metadata.namespace_, pod.metadata.name);
    auto forget = [&] { m_snapshot->removePod(pod.metadata.namespace_, pod.metadata.name, host); };

    Status s = fw->runReservePluginsReserve(state, *assumed, host);
    if (s.isSuccess()) {
        s = fw->runPermitPlugins(state, *assumed, host);
        if (!s.isSuccess()) fw->runReservePluginsUnreserve(state, *assumed, host);
    } else {
        fw->runReservePluginsUnreserve(state, *assumed, host);
    }
    if (!s.isSuccess()) {
        forget();
        std::optional<FitError> fe;
        if (s.isRejected()) {
            fe = FitError{1, {}};
            fe->diagnosis.nodeToStatus[host] = s;
            fe->diagnosis.addPluginStatus(s);
            record.message = fe->message();
        } else {
            record.message = s.message();
        }
        handleFailure(*fw, qpi, s, fe ? &fe->diagnosis : nullptr, std::nullopt, podCycle, now, record);
        return record;
    }

    // Binding cycle (upstream runs it in a goroutine; here it completes at once).
    s = fw->runPreBindPlugins(state, *assumed, host);
    if (s.isSuccess()) s = fw->runBindPlugins(state, *assumed, host);
    if (!s.isSuccess()) {
        fw->runReservePluginsUnreserve(state, *assumed, host);
        forget();
        m_queue->moveAllToActiveOrBackoffQueue(events::assignedPodDelete(), now);
        record.message = s.message();
        handleFailure(*fw, qpi, s, nullptr, std::nullopt, podCycle, now, record);
        return record;
    }
    recordEvent("Normal", "Scheduled", record.pod, "Successfully assigned " + record.pod + " to " + host);
    fw->runPostBindPlugins(state, *assumed, host);
    record.selectedNode = host;
    m_queue->assignedPodAdded(*assumedPod, m_snapshot->objects().namespaceLabels(pod.metadata.namespace_), now);
    return record;
}

void Scheduler::handleFailure(Framework&, QueuedPodInfo& qpi, const Status& status, const Diagnosis* diagnosis,
                              std::optional<std::string> nominated, std::int64_t podCycle, std::int64_t now,
                              CycleRecord& record) {
    if (diagnosis) {
        qpi.unschedulablePlugins = diagnosis->unschedulablePlugins;
        qpi.pendingPlugins = diagnosis->pendingPlugins;
    } else {
        qpi.unschedulablePlugins.clear();
        qpi.pendingPlugins.clear();
    }
    const api::Pod& pod = *qpi.podInfo->pod;
    if (nominated && *nominated != pod.status.nominatedNodeName) {
        // The pod object changes (status.nominatedNodeName); keep the queue's copy current.
        auto updated = std::make_shared<api::Pod>(pod);
        updated->status.nominatedNodeName = *nominated;
        auto info = std::make_shared<PodInfo>(*qpi.podInfo);
        info->pod = updated;
        qpi.podInfo = info;
    }
    const std::string& nnn = qpi.podInfo->pod->status.nominatedNodeName;
    if (!nnn.empty()) m_queue->addNominatedPod(qpi.podInfo, nnn);
    else m_queue->deleteNominatedPodIfExists(pod.metadata.namespace_, pod.metadata.name);
    record.nominatedNode = nnn;
    record.failureReason = status.isRejected() ? "Unschedulable" : "SchedulerError";
    m_queue->addUnschedulableIfNotPresent(qpi, podCycle, now);
    recordEvent("Warning", "FailedScheduling", record.pod, truncateEventMessage(record.message));
}

Scheduler::ScheduleResult Scheduler::schedulePod(Framework& fw, CycleState& state, const PodInfo& pod,
                                                 CycleRecord& record) {
    ScheduleResult result;
    if (m_snapshot->numNodes() == 0) {
        result.status = Status::error(kNoNodesAvailableMsg);
        return result;
    }
    Diagnosis diagnosis;
    Status error;
    std::vector<const NodeInfo*> feasible = findNodesThatFitPod(fw, state, pod, diagnosis, record, error);
    if (m_recording) recordNodes(fw, state, pod, diagnosis, feasible, record);
    if (!error.isSuccess()) {
        result.status = error;
        return result;
    }
    if (feasible.empty()) {
        result.fitError = FitError{m_snapshot->numNodes(), std::move(diagnosis)};
        result.status = Status(Code::Unschedulable, {result.fitError->message()});
        return result;
    }
    if (feasible.size() == 1) {
        result.suggestedHost = feasible.front()->name();
        return result;
    }
    // prioritizeNodes
    ScoreResult& scores = m_scoreBuffer;
    if (!fw.hasScorePlugins()) {
        scores.totals.assign(feasible.size(), 1);
    } else {
        Status s = fw.runPreScorePlugins(state, pod, feasible, m_recording ? &record.preScore : nullptr);
        if (!s.isSuccess()) {
            result.status = s;
            return result;
        }
        s = fw.runScorePlugins(state, pod, feasible, scores);
        if (!s.isSuccess()) {
            result.status = s;
            return result;
        }
    }
    record.scored = true;
    if (m_recording && fw.hasScorePlugins()) {
        const auto& plugins = fw.scorePlugins();
        record.scores.resize(feasible.size());
        for (std::size_t i = 0; i < feasible.size(); ++i) {
            NodeScoreRecord& r = record.scores[i];
            r.node = feasible[i]->name();
            r.total = scores.totals[i];
            r.scores.clear();
            for (std::size_t p = 0; p < plugins.size(); ++p) {
                PluginScore ps;
                ps.plugin = plugins[p].name;
                ps.weight = plugins[p].weight;
                ps.skipped = state.skipScoreMask & (std::uint64_t(1) << p);
                ps.raw = scores.raw[p][i].score;
                ps.normalized = scores.normalized[p][i].score;
                r.scores.push_back(std::move(ps));
            }
        }
    }
    // selectHost: the highest total; among ties, reservoir sampling (each tied node replaces the
    // pick with probability 1/k).
    std::size_t selected = 0;
    std::int64_t best = scores.totals[0];
    std::uint64_t ties = 1;
    for (std::size_t i = 1; i < feasible.size(); ++i) {
        const std::int64_t t = scores.totals[i];
        if (t > best) {
            best = t;
            selected = i;
            ties = 1;
        } else if (t == best) {
            ++ties;
            if (randomInt(ties) == 0) selected = i;
        }
    }
    result.suggestedHost = feasible[selected]->name();
    return result;
}

std::vector<const NodeInfo*> Scheduler::findNodesThatFitPod(Framework& fw, CycleState& state, const PodInfo& pod,
                                                            Diagnosis& diagnosis, CycleRecord& record, Status& error) {
    PreFilterResult preRes;
    Status s = fw.runPreFilterPlugins(state, pod, preRes, m_recording ? &record.preFilter : nullptr);
    if (!s.isSuccess()) {
        if (!s.isRejected()) {
            error = s;
            return {};
        }
        // Every node gets the PreFilter status, so preemption can see them.
        for (const NodeInfo* n : m_allNodes) diagnosis.nodeToStatus[n->name()] = s;
        diagnosis.preFilterMsg = s.message();
        diagnosis.addPluginStatus(s);
        return {};
    }
    // A pod nominated by an earlier preemption tries its node first.
    const std::string& nominated = pod.pod->status.nominatedNodeName;
    if (!nominated.empty()) {
        if (const NodeInfo* n = m_snapshot->get(nominated)) {
            std::vector<const NodeInfo*> one{n};
            auto feasible = findNodesThatPassFilters(fw, state, pod, diagnosis, one, record, error);
            if (!error.isSuccess()) return {};
            if (!feasible.empty()) return feasible;
        }
    }
    std::vector<const NodeInfo*> narrowed;
    const std::vector<const NodeInfo*>* nodes = &m_allNodes;
    if (preRes.nodeNames) {
        record.preFilterNodes = preRes.nodeNames;
        for (const NodeInfo* n : m_allNodes)
            if (preRes.nodeNames->count(n->name())) narrowed.push_back(n);
        nodes = &narrowed;
    }
    auto feasible = findNodesThatPassFilters(fw, state, pod, diagnosis, *nodes, record, error);
    const std::size_t processed = feasible.size() + diagnosis.nodeToStatus.size();
    if (!m_allNodes.empty()) m_nextStartNodeIndex = (m_nextStartNodeIndex + processed) % m_allNodes.size();
    return feasible;
}

std::vector<const NodeInfo*> Scheduler::findNodesThatPassFilters(Framework& fw, CycleState& state,
                                                                 const PodInfo& pod, Diagnosis& diagnosis,
                                                                 const std::vector<const NodeInfo*>& nodes,
                                                                 CycleRecord& record, Status& error) {
    const std::size_t n = nodes.size();
    std::vector<const NodeInfo*> feasible;
    if (n == 0) return feasible;
    const std::int32_t pct = fw.percentageOfNodesToScore().value_or(m_config.percentageOfNodesToScore);
    const std::size_t numToFind = static_cast<std::size_t>(numFeasibleNodesToFind(pct, static_cast<std::int64_t>(n)));
    record.numNodesToFind = numToFind;
    record.startIndex = m_nextStartNodeIndex;
    feasible.reserve(std::min(numToFind, n));
    if (!fw.hasFilterPlugins()) {
        for (std::size_t i = 0; i < numToFind && i < n; ++i) feasible.push_back(nodes[(m_nextStartNodeIndex + i) % n]);
        return feasible;
    }
    // Sequential emulation of upstream's parallel search: nodes are visited from the rotating
    // start index; the search stops when one more feasible node than needed turns up (that node
    // is dropped, as upstream cancels on it).
    // The nodes to come are fetched ahead: their data first, then (once that has arrived)
    // the framework's memo found through it.
    constexpr std::size_t kAhead = 6;
    // Verdicts kept from an earlier pass of an equal pod (Framework::beginFilterPass), for a
    // pass over every node of the snapshot: the index in `nodes` is then the slot. A node whose
    // verdict holds is not read at all, nor fetched ahead.
    const bool keep = fw.beginFilterPass(state, pod, &nodes == &m_allNodes);
    std::uint64_t reused = 0, computed = 0;
    // The loop is instantiated twice, so that a pass that keeps nothing runs without the checks.
    auto pass = [&](auto keeping) {
        constexpr bool kKeep = decltype(keeping)::value;
        auto kept = [&](std::size_t slot) -> const Framework::KeptVerdict* {
            if constexpr (kKeep) return fw.keptVerdict(slot, m_snapshot->generationAt(slot));
            return nullptr;
        };
        for (std::size_t i = 0; i < n; ++i) {
            if (i + 2 * kAhead < n) {
                const std::size_t ahead = (m_nextStartNodeIndex + i + 2 * kAhead) % n;
                if (!kept(ahead)) nodes[ahead]->prefetch();
            }
            if (i + kAhead < n) {
                const std::size_t ahead = (m_nextStartNodeIndex + i + kAhead) % n;
                if (!kept(ahead)) fw.prefetchNominated(*nodes[ahead]);
            }
            const std::size_t index = (m_nextStartNodeIndex + i) % n;
            const NodeInfo* node = nodes[index];
            const Framework::KeptVerdict* verdict = kept(index);
            Status s = verdict ? verdict->status : fw.runFilterPluginsWithNominatedPods(state, pod, *node);
            if (verdict) {
                ++reused;
            } else {
                ++computed;
                if constexpr (kKeep) fw.keepVerdict(index, m_snapshot->generationAt(index), node->name(), s);
            }
            if (s.isSuccess()) {
                if (feasible.size() == numToFind) break;
                feasible.push_back(node);
                continue;
            }
            if (s.code() == Code::Error) {
                error = s;
                feasible.clear();
                break;
            }
            diagnosis.addPluginStatus(s);
            if (verdict) diagnosis.nodeToStatus.emplaceAt(index, verdict->node, std::move(s));
            else if (node->slot() == NodeInfo::kNoSlot) diagnosis.nodeToStatus.emplace(node->name(), std::move(s));
            else diagnosis.nodeToStatus.emplaceAt(node->slot(), node->name(), std::move(s));
        }
    };
    if (keep) pass(std::true_type{});
    else pass(std::false_type{});
    m_reusedVerdicts += reused;
    m_computedVerdicts += computed;
    return feasible;
}

void Scheduler::recordNodes(Framework& fw, CycleState& state, const PodInfo& pod, const Diagnosis& diagnosis,
                            const std::vector<const NodeInfo*>& feasible, CycleRecord& record) {
    std::set<const NodeInfo*> feasibleSet(feasible.begin(), feasible.end());
    const bool preFilterFailed = !diagnosis.preFilterMsg.empty();
    record.nodes.clear();
    record.nodes.reserve(m_allNodes.size());
    for (const NodeInfo* n : m_allNodes) {
        NodeVerdict v;
        v.node = n->name();
        if (feasibleSet.count(n)) {
            v.evaluated = v.feasible = true;
        } else if (auto it = diagnosis.nodeToStatus.find(v.node); it != diagnosis.nodeToStatus.end()) {
            v.evaluated = true;
            addFailures(v, it->second, preFilterFailed ? "PreFilter" : "Filter");
            if (!preFilterFailed) {
                // Teaching view: the later Filter plugins that would reject the node too.
                for (const Status& other : fw.runAllFilterPlugins(state, pod, *n))
                    if (other.plugin() != it->second.plugin()) addFailures(v, other, "Filter");
            }
        }
        record.nodes.push_back(std::move(v));
    }
}

}  // namespace ks::scheduler
