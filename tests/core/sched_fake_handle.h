// A Handle for plugin tests: a snapshot built from nodes and pods, and a small runtime over the
// plugins a test gives it (PreFilter with Skip, Filter, the PreFilter extensions, the two-pass
// filter with nominated pods), recording what plugins asked of the scheduler (deletions,
// cleared nominations). Mirrors what upstream's tests get from frameworkruntime.NewFramework
// with a fake clientset. Header-only, shared by tests/core/tst_plugin_*.cpp.
#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/scheduler/framework/interface.h"
#include "core/scheduler/framework/snapshot.h"

namespace ks::scheduler::testing {

class FakeHandle : public Handle {
public:
    FakeHandle() : m_snapshot(std::make_unique<Snapshot>()) {}

    // Builds the snapshot: pods with spec.nodeName are placed on their nodes.
    void setCluster(const std::vector<std::shared_ptr<const api::Node>>& nodes,
                    const std::vector<std::shared_ptr<const api::Pod>>& pods,
                    std::shared_ptr<const ClusterObjects> objects = std::make_shared<ClusterObjects>()) {
        m_snapshot = Snapshot::build(nodes, pods, std::move(objects));
    }

    // The plugins the runtime part runs, in profile order.
    std::vector<PreFilterPlugin*> preFilterPlugins;
    std::vector<FilterPlugin*> filterPlugins;

    // Nominated pods per node (the scheduling queue's nominator).
    std::map<std::string, std::vector<std::shared_ptr<PodInfo>>> nominated;
    // What plugins did through the handle.
    std::vector<std::pair<std::string, std::string>> deletedPods;  // (namespace/name, reason)
    std::vector<std::string> clearedNominations;                   // namespace/name
    // Whole objects written back through updateObject (VolumeBinding's PreBind), and what it returns.
    std::vector<api::Value> updatedObjects;
    Status updateStatus;
    // randomInt(n) returns min(nextRandom, n - 1).
    std::uint64_t nextRandom = 0;
    // What preFilterExtensionsActive answers (as a real framework does when no plugin with
    // AddPod / RemovePod ran its PreFilter in the cycle, for false).
    bool extensionsActive = true;
    bool preFilterExtensionsActive(const CycleState&) const override { return extensionsActive; }

    // Runs every PreFilter plugin as the runtime does; Skip is remembered in the state.
    Status runPreFilterPlugins(CycleState& state, const PodInfo& pod) {
        state.skipFilterPlugins.clear();
        for (PreFilterPlugin* p : preFilterPlugins) {
            PreFilterResult r;
            Status s = p->preFilter(state, pod, r);
            if (s.isSkip()) {
                state.skipFilterPlugins[p->name()] = true;
                continue;
            }
            if (!s.isSuccess()) return s.withPlugin(p->name());
        }
        return {};
    }

    // The filter status of every node, as the diagnosis of a cycle records it (only failures).
    NodeToStatus filterAllNodes(CycleState& state, const PodInfo& pod) {
        NodeToStatus out;
        for (const auto& info : m_snapshot->nodeInfos()) {
            Status s = runFilterPluginsWithNominatedPods(state, pod, *info);
            if (!s.isSuccess()) out[info->name()] = s;
        }
        return out;
    }

    // ---- Handle ----
    const Snapshot& snapshot() const override { return *m_snapshot; }
    Snapshot& mutableSnapshot() { return *m_snapshot; }
    Status bindPod(const api::Pod&, const std::string&) override { return {}; }
    Status updateObject(const api::Value& object) override {
        updatedObjects.push_back(object);
        return updateStatus;
    }
    Status deletePod(const api::Pod& pod, const std::string& reason) override {
        deletedPods.emplace_back(pod.metadata.namespace_ + "/" + pod.metadata.name, reason);
        return {};
    }
    const std::vector<std::shared_ptr<PodInfo>>& nominatedPodsForNode(const std::string& nodeName) const override {
        static const std::vector<std::shared_ptr<PodInfo>> kNone;
        auto it = nominated.find(nodeName);
        return it == nominated.end() ? kNone : it->second;
    }
    Status runFilterPlugins(CycleState& state, const PodInfo& pod, const NodeInfo& node) override {
        for (FilterPlugin* f : filterPlugins) {
            if (state.skipFilterPlugins.count(f->name())) continue;
            Status s = f->filter(state, pod, node);
            if (!s.isSuccess()) return s.withPlugin(f->name());
        }
        return {};
    }
    Status runFilterPluginsWithNominatedPods(CycleState& state, const PodInfo& pod, const NodeInfo& node) override {
        std::unique_ptr<NodeInfo> nodeWith;
        std::unique_ptr<CycleState> stateWith;
        for (const auto& pi : nominatedPodsForNode(node.name())) {
            if (pi->priority() < pod.priority() || pi->key() == pod.key()) continue;
            if (!nodeWith) {
                nodeWith = node.clone();
                stateWith = state.clone();
            }
            nodeWith->addPod(pi);
            if (Status s = runPreFilterAddPod(*stateWith, pod, *pi, *nodeWith); !s.isSuccess()) return s;
        }
        if (nodeWith)
            if (Status s = runFilterPlugins(*stateWith, pod, *nodeWith); !s.isSuccess()) return s;
        return runFilterPlugins(state, pod, node);
    }
    Status runPreFilterAddPod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToAdd,
                              const NodeInfo& node) override {
        for (PreFilterPlugin* p : preFilterPlugins) {
            if (!p->hasPreFilterExtensions() || state.skipFilterPlugins.count(p->name())) continue;
            if (Status s = p->addPod(state, podToSchedule, podToAdd, node); !s.isSuccess()) return s;
        }
        return {};
    }
    Status runPreFilterRemovePod(CycleState& state, const PodInfo& podToSchedule, const PodInfo& podToRemove,
                                 const NodeInfo& node) override {
        for (PreFilterPlugin* p : preFilterPlugins) {
            if (!p->hasPreFilterExtensions() || state.skipFilterPlugins.count(p->name())) continue;
            if (Status s = p->removePod(state, podToSchedule, podToRemove, node); !s.isSuccess()) return s;
        }
        return {};
    }
    Status clearNominatedNodeName(const api::Pod& pod) override {
        clearedNominations.push_back(pod.metadata.namespace_ + "/" + pod.metadata.name);
        return {};
    }
    std::uint64_t randomInt(std::uint64_t n) override { return n == 0 ? 0 : std::min(nextRandom, n - 1); }

private:
    std::unique_ptr<Snapshot> m_snapshot;
};

// The NodeInfos of the named nodes, in that order (a cycle's feasible list).
inline std::vector<const NodeInfo*> nodeInfos(const Snapshot& snapshot, const std::vector<std::string>& names) {
    std::vector<const NodeInfo*> out;
    for (const auto& n : names) out.push_back(snapshot.get(n));
    return out;
}

}  // namespace ks::scheduler::testing
