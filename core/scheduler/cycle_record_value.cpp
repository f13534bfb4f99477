#include "core/scheduler/cycle_record_value.h"

#include <map>

namespace ks::scheduler {

namespace {

api::Value str(const std::string& s) { return api::Value::string(s); }
api::Value strOrNull(const std::string& s) { return s.empty() ? api::Value::null() : api::Value::string(s); }

}  // namespace

api::Value toValue(const CycleRecord& r) {
    api::Value v = api::Value::mapping();
    v.set("pod", str(r.pod));
    v.set("scheduler", str(r.profile));
    v.set("attempt", api::Value::integer(r.attempt));
    v.set("node", strOrNull(r.selectedNode));
    v.set("message", str(r.selectedNode.empty() ? r.message : ""));
    v.set("nominatedNode", strOrNull(r.nominatedNode));
    api::Value preempted = api::Value::sequence();
    for (const auto& p : r.preempted) preempted.push(str(p));
    v.set("preempted", std::move(preempted));
    v.set("numNodesToFind", api::Value::integer(static_cast<std::int64_t>(r.numNodesToFind)));
    v.set("startIndex", api::Value::integer(static_cast<std::int64_t>(r.startIndex)));

    std::map<std::string, const NodeScoreRecord*> scores;
    for (const auto& s : r.scores) scores[s.node] = &s;
    api::Value nodes = api::Value::sequence();
    for (const auto& verdict : r.nodes) {
        api::Value n = api::Value::mapping();
        n.set("name", str(verdict.node));
        n.set("evaluated", api::Value::boolean(verdict.evaluated));
        n.set("feasible", api::Value::boolean(verdict.feasible));
        api::Value failures = api::Value::sequence();
        for (const auto& f : verdict.failures)
            for (const auto& reason : f.reasons) {
                api::Value fv = api::Value::mapping();
                fv.set("plugin", str(f.plugin));
                fv.set("code", str(codeName(f.code)));
                fv.set("reason", str(reason));
                failures.push(std::move(fv));
            }
        n.set("failures", std::move(failures));
        if (auto it = scores.find(verdict.node); verdict.feasible && it != scores.end()) {
            api::Value sv = api::Value::mapping();
            for (const auto& ps : it->second->scores) {
                api::Value one = api::Value::mapping();
                one.set("raw", api::Value::integer(ps.raw));
                one.set("normalized", api::Value::integer(ps.normalized));
                one.set("weight", api::Value::integer(ps.weight));
                one.set("weighted", api::Value::integer(ps.weighted()));
                if (ps.skipped) one.set("skipped", api::Value::boolean(true));
                sv.set(ps.plugin, std::move(one));
            }
            n.set("scores", std::move(sv));
            n.set("total", api::Value::integer(it->second->total));
        }
        nodes.push(std::move(n));
    }
    v.set("nodes", std::move(nodes));
    return v;
}

}  // namespace ks::scheduler
