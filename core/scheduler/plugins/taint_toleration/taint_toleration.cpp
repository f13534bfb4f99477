#include "core/scheduler/plugins/taint_toleration/taint_toleration.h"

#include <string_view>

#include "core/scheduler/plugins/helper/normalize_score.h"

namespace ks::scheduler::plugins {

namespace {

struct TaintTolerationPreScoreState : StateData {
    std::vector<api::Toleration> tolerationsPreferNoSchedule;
    std::unique_ptr<StateData> clone() const override { return std::make_unique<TaintTolerationPreScoreState>(*this); }
};

// Effects compared as views: the length decides most comparisons without a memcmp call.
constexpr std::string_view kNoSchedule = "NoSchedule", kNoExecute = "NoExecute", kPreferNoSchedule = "PreferNoSchedule";

bool tolerated(const api::Taint& taint, const std::vector<api::Toleration>& tolerations) {
    for (const auto& t : tolerations)
        if (t.tolerates(taint)) return true;
    return false;
}

std::vector<api::Toleration> preferNoScheduleTolerations(const std::vector<api::Toleration>& all) {
    std::vector<api::Toleration> out;
    for (const auto& t : all)
        if (t.effect.empty() || t.effect == "PreferNoSchedule") out.push_back(t);
    return out;
}

std::int64_t countIntolerable(const std::vector<api::Taint>& taints, const std::vector<api::Toleration>& tolerations) {
    std::int64_t n = 0;
    for (const auto& taint : taints)
        if (std::string_view(taint.effect) == kPreferNoSchedule && !tolerated(taint, tolerations)) ++n;
    return n;
}

}  // namespace

const api::Taint* findUntoleratedTaint(const std::vector<api::Taint>& taints,
                                       const std::vector<api::Toleration>& tolerations) {
    for (const auto& taint : taints) {
        const std::string_view effect = taint.effect;
        if (effect != kNoSchedule && effect != kNoExecute) continue;
        if (!tolerated(taint, tolerations)) return &taint;
    }
    return nullptr;
}

Status TaintToleration::filter(CycleState&, const PodInfo& pod, const NodeInfo& node) {
    if (!node.summary().hasTaints) return {};  // without touching the Node
    const api::Node* n = node.node();
    if (!n || n->spec.taints.empty()) return {};
    const api::Taint* taint = findUntoleratedTaint(n->spec.taints, pod.pod->spec.tolerations);
    if (!taint) return {};
    for (const auto& r : m_rejections)
        if (r.key == taint->key && r.value == taint->value) return r.status;
    Status s = Status::unresolvable("node(s) had untolerated taint {" + taint->key + ": " + taint->value + "}");
    constexpr std::size_t kMaxRemembered = 64;
    if (m_rejections.size() < kMaxRemembered) m_rejections.push_back({taint->key, taint->value, s});
    return s;
}

Status TaintToleration::preScore(CycleState& state, const PodInfo& pod, const std::vector<const NodeInfo*>& nodes) {
    if (nodes.empty()) return {};
    auto s = std::make_unique<TaintTolerationPreScoreState>();
    s->tolerationsPreferNoSchedule = preferNoScheduleTolerations(pod.pod->spec.tolerations);
    state.write(kStateKey, std::move(s));
    return {};
}

Status TaintToleration::score(CycleState& state, const PodInfo& pod, const NodeInfo& node, std::int64_t& score) {
    const api::Node* n = node.node();
    score = 0;
    if (!n || n->spec.taints.empty()) return {};
    if (const auto* s = state.read<TaintTolerationPreScoreState>(kStateKey)) {
        score = countIntolerable(n->spec.taints, s->tolerationsPreferNoSchedule);
        return {};
    }
    return Status::error(std::string("reading \"") + kStateKey + "\" from cycleState: not found");
}

Status TaintToleration::scoreNodes(CycleState& state, const PodInfo&, const std::vector<const NodeInfo*>& nodes,
                                   std::vector<NodeScore>& scores) {
    // The state is read at the first node with taints, where score() would read it.
    const TaintTolerationPreScoreState* s = nullptr;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        scores[i].score = 0;
        if (!nodes[i]->summary().hasTaints) continue;  // without touching the Node
        const api::Node* n = nodes[i]->node();
        if (!s && !(s = state.read<TaintTolerationPreScoreState>(kStateKey)))
            return Status::error(std::string("reading \"") + kStateKey + "\" from cycleState: not found");
        scores[i].score = countIntolerable(n->spec.taints, s->tolerationsPreferNoSchedule);
    }
    return {};
}

Status TaintToleration::normalizeScore(CycleState&, const PodInfo&, std::vector<NodeScore>& scores) {
    helper::defaultNormalizeScore(kMaxNodeScore, true, scores);
    return {};
}

std::unique_ptr<Plugin> newTaintToleration(const api::Value*, Handle&, std::string&) {
    return std::make_unique<TaintToleration>();
}

}  // namespace ks::scheduler::plugins
