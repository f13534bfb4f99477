// LessonRun::evaluate: conditions against the store, the cycle records and the Lease holder.
#include <algorithm>
#include <set>

#include "core/api/writer.h"
#include "core/cluster/cluster.h"
#include "core/lesson/lesson_checker.h"
#include "core/lesson/lesson_reader.h"
#include "core/store/api_store.h"

namespace ks::lesson {

namespace {

using api::Value;


std::string podName(const ObjectRef& r) { return r.namespace_ + "/" + r.name; }

std::string quote(const std::string& s) { return "\"" + s + "\""; }

// Short enough for one line of a report.
std::string compact(const Value& v) {
    std::string s = v.isScalar() ? v.text() : api::toJson(v, -1);
    if (s.size() > 160) s = s.substr(0, 157) + "...";
    return s;
}

bool sameValue(const Value& expected, const Value& actual) {
    if (expected.isNull()) return actual.isNull() || (actual.isScalar() && actual.scalarType() == Value::ScalarType::Null);
    if (expected.isScalar()) return actual.isScalar() && expected.text() == actual.text();
    if (expected.isSequence()) {
        if (!actual.isSequence() || actual.items().size() != expected.items().size()) return false;
        for (std::size_t i = 0; i < expected.items().size(); ++i)
            if (!sameValue(expected.items()[i], actual.items()[i])) return false;
        return true;
    }
    if (!actual.isMapping() || actual.fields().size() != expected.fields().size()) return false;
    for (const auto& f : expected.fields()) {
        const Value* a = actual.get(f.key);
        if (!a || !sameValue(f.val, *a)) return false;
    }
    return true;
}

const Value* walk(const Value& root, const std::vector<detail::PathSegment>& path) {
    const Value* v = &root;
    for (const auto& seg : path) {
        if (seg.index) {
            if (!v->isSequence() || *seg.index >= v->items().size()) return nullptr;
            v = &v->items()[*seg.index];
        } else {
            if (!v->isMapping()) return nullptr;
            v = v->get(seg.key);
            if (!v) return nullptr;
        }
    }
    return v;
}

}  // namespace

// Where the latest word about a pod's scheduling is: its PodScheduled condition (False), the
// newest FailedScheduling Event about it, the latest scheduling cycle's message.
std::vector<std::string> schedulingMessages(const cluster::Cluster& c, const ObjectRef& pod) {
    std::vector<std::string> out;
    if (store::ObjectPtr p = c.store().find(keyOf(pod)))
        if (const Value* conds = p->at("status.conditions"); conds && conds->isSequence())
            for (const auto& cond : conds->items())
                if (cond.str("type") == "PodScheduled" && cond.str("status") == "False" && !cond.str("message").empty())
                    out.push_back(cond.str("message"));
    std::string newest;
    std::string newestTime;
    for (const auto& e : c.store().list("Event", {pod.namespace_, std::nullopt, {}})) {
        if (e->str("reason") != "FailedScheduling") continue;
        const Value* io = e->get("involvedObject");
        if (!io || io->str("kind") != "Pod" || io->str("name") != pod.name) continue;
        std::string t = e->str("lastTimestamp");
        if (t.empty()) t = e->str("eventTime");
        if (newest.empty() || t >= newestTime) {
            newest = e->str("message");
            newestTime = t;
        }
    }
    if (!newest.empty()) out.push_back(newest);
    const auto& cycles = c.schedulingCycles();
    for (auto it = cycles.rbegin(); it != cycles.rend(); ++it)
        if (it->pod == podName(pod)) {
            if (!it->message.empty()) out.push_back(it->message);
            break;
        }
    return out;
}

ConditionResult LessonRun::evaluate(const Condition& cond) const {
    const cluster::Cluster& c = cluster();
    const store::ApiStore& st = c.store();
    switch (cond.kind) {
    case Condition::Kind::PodBound: {
        store::ObjectPtr pod = st.find(keyOf(cond.object));
        if (!pod) return {false, "pod " + podName(cond.object) + " does not exist"};
        std::string node;
        if (const Value* n = pod->at("spec.nodeName"); n && n->isScalar()) node = n->text();
        if (node.empty()) {
            auto messages = schedulingMessages(c, cond.object);
            return {false, "pod " + podName(cond.object) + " is Pending" +
                               (messages.empty() ? std::string(" (no scheduling message yet)") : ": " + quote(messages.front()))};
        }
        std::string seen = "pod " + podName(cond.object) + " is on " + node;
        if (!cond.node.empty() && node != cond.node) return {false, seen + ", expected " + cond.node};
        if (!cond.nodeIn.empty() && std::find(cond.nodeIn.begin(), cond.nodeIn.end(), node) == cond.nodeIn.end())
            return {false, seen + ", expected one of the listed nodes"};
        return {true, seen};
    }
    case Condition::Kind::PodPending: {
        store::ObjectPtr pod = st.find(keyOf(cond.object));
        if (!pod) return {false, "pod " + podName(cond.object) + " does not exist"};
        if (const Value* n = pod->at("spec.nodeName"); n && n->isScalar() && !n->text().empty())
            return {false, "pod " + podName(cond.object) + " is bound to " + n->text()};
        auto messages = schedulingMessages(c, cond.object);
        std::string seen = "pod " + podName(cond.object) + " is Pending" +
                           (messages.empty() ? std::string(" (no scheduling message yet)") : ": " + quote(messages.front()));
        if (cond.message.empty()) return {true, seen};
        for (const auto& m : messages)
            if (m.find(cond.message) != std::string::npos) return {true, "pod " + podName(cond.object) + " is Pending: " + quote(m)};
        return {false, seen + "; expected the message to contain " + quote(cond.message)};
    }
    case Condition::Kind::Field: {
        store::ObjectPtr obj = st.find(keyOf(cond.object));
        if (!obj) return {false, cond.object.str() + " does not exist"};
        std::vector<detail::PathSegment> segments;
        std::string error;
        detail::parseFieldPath(cond.fieldPath, segments, error);
        const Value* v = walk(*obj, segments);
        std::string where = cond.object.str() + " " + cond.fieldPath;
        if (cond.fieldAbsent) return {v == nullptr, v ? where + " is " + compact(*v) : where + " is absent"};
        if (!v) {
            if (cond.equals && cond.equals->isNull()) return {true, where + " is absent"};
            return {false, where + " is absent"};
        }
        if (cond.equals) {
            bool ok = sameValue(*cond.equals, *v);
            return {ok, where + " is " + compact(*v) + (ok ? "" : ", expected " + compact(*cond.equals))};
        }
        bool ok = v->isScalar() && v->text().find(cond.contains) != std::string::npos;
        return {ok, where + " is " + compact(*v) + (ok ? "" : ", expected it to contain " + quote(cond.contains))};
    }
    case Condition::Kind::Event: {
        std::vector<std::string> candidates;
        for (const auto& e : st.list("Event")) {
            const Value* io = e->get("involvedObject");
            if (!cond.object.empty()) {
                if (!io || io->str("kind") != cond.object.kind || io->str("name") != cond.object.name ||
                    io->str("namespace") != cond.object.namespace_)
                    continue;
            }
            std::string line = e->str("type") + " " + e->str("reason") + ": " + e->str("message");
            if (e->str("reason") == cond.reason && (cond.eventType.empty() || e->str("type") == cond.eventType) &&
                e->str("message").find(cond.message) != std::string::npos)
                return {true, line};
            candidates.push_back(line);
        }
        std::string about = cond.object.empty() ? std::string("any object") : cond.object.str();
        if (candidates.empty()) return {false, "no Events about " + about};
        std::string seen = "Events about " + about + ": ";
        std::size_t from = candidates.size() > 3 ? candidates.size() - 3 : 0;
        for (std::size_t i = from; i < candidates.size(); ++i) seen += (i == from ? "" : " | ") + candidates[i];
        return {false, seen};
    }
    case Condition::Kind::Absent:
    case Condition::Kind::Exists: {
        bool exists = st.find(keyOf(cond.object)) != nullptr;
        bool ok = exists == (cond.kind == Condition::Kind::Exists);
        return {ok, cond.object.str() + (exists ? " exists" : " does not exist")};
    }
    case Condition::Kind::Leader: {
        std::string leader = c.schedulerLeader();
        std::string seen = leader.empty() ? "no kube-scheduler replica leads" : "the leader is " + leader;
        if (!cond.leader.empty()) return {leader == cond.leader, seen};
        return {!leader.empty() && leader != cond.notLeader, seen};
    }
    case Condition::Kind::Cycle: {
        const auto& cycles = c.schedulingCycles();
        const scheduler::CycleRecord* rec = nullptr;
        for (auto it = cycles.rbegin(); it != cycles.rend() && !rec; ++it)
            if (it->pod == podName(cond.object) && (cond.attempt == 0 || it->attempt == cond.attempt)) rec = &*it;
        if (!rec)
            return {false, "no scheduling cycle for pod " + podName(cond.object) +
                               (cond.attempt ? " with attempt " + std::to_string(cond.attempt) : std::string(" yet"))};
        std::string seen = std::string(cond.attempt ? "the cycle" : "the last cycle") + " of " + podName(cond.object) +
                           " (attempt " + std::to_string(rec->attempt) + ") ";
        seen += rec->selectedNode.empty() ? "found no node" : "selected " + rec->selectedNode;
        if (!rec->nominatedNode.empty()) seen += ", nominated " + rec->nominatedNode;
        if (!rec->preempted.empty()) {
            seen += ", preempted";
            for (const auto& v : rec->preempted) seen += " " + v;
        }
        std::vector<std::string> problems;
        if (!cond.selected.empty() && rec->selectedNode != cond.selected) problems.push_back("expected selected " + cond.selected);
        if (!cond.nominated.empty() && rec->nominatedNode != cond.nominated)
            problems.push_back("expected nominated " + cond.nominated);
        if (!cond.preempted.empty()) {
            std::set<std::string> want(cond.preempted.begin(), cond.preempted.end());
            std::set<std::string> got(rec->preempted.begin(), rec->preempted.end());
            if (want != got) problems.push_back("expected the victims to be exactly the listed pods");
        }
        for (const auto& [nodeName, plugin] : cond.rejectedBy) {
            const std::string& node = nodeName;  // clang 14 cannot capture a structured binding
            auto it = std::find_if(rec->nodes.begin(), rec->nodes.end(), [&](const auto& n) { return n.node == node; });
            std::string got = it == rec->nodes.end() ? "not in the cycle"
                              : it->failures.empty() ? (it->feasible ? "feasible" : "not evaluated")
                                                     : "rejected by " + it->failures.front().plugin;
            if (it == rec->nodes.end() || it->failures.empty() || it->failures.front().plugin != plugin)
                problems.push_back(node + " is " + got + ", expected rejected by " + plugin);
        }
        if (!cond.message.empty() && rec->message.find(cond.message) == std::string::npos)
            problems.push_back("its message is " + quote(rec->message) + ", expected it to contain " + quote(cond.message));
        for (const auto& p : problems) seen += "; " + p;
        return {problems.empty(), seen};
    }
    }
    return {false, "unknown condition"};
}

bool LessonRun::holds(const std::vector<Condition>& conditions) const {
    for (const auto& c : conditions)
        if (!evaluate(c).ok) return false;
    return true;
}

}  // namespace ks::lesson
