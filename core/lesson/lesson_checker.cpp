#include "core/lesson/lesson_checker.h"

#include <algorithm>

#include "core/api/decode.h"
#include "core/cluster/cluster.h"
#include "core/scheduler/config/parse.h"
#include "core/sim/event_loop.h"
#include "core/store/admission/registry.h"
#include "core/store/api_store.h"

namespace ks::lesson {

store::ObjectKey keyOf(const ObjectRef& ref) { return {ref.kind, ref.namespace_, ref.name}; }

namespace {

using api::Value;

// How often runUntil looks at its conditions: fine enough for a classroom's eye, cheap enough
// for a minute of virtual time.
constexpr sim::Duration kPollInterval = 100 * sim::kMillisecond;

std::string describe(const store::Status& s) { return s.message.empty() ? std::string(s.reason()) : s.message; }

// Creates an object as a scenario or `kubectl create` would; a status written in the manifest
// describes the object as it is now (a node's allocatable), as Cluster::loadFiles does.
store::Status createObject(store::ApiStore& st, const Value& object) {
    store::CreateOptions options;
    options.keepStatus = object.get("status") != nullptr;
    return st.create(object, options).status;
}

}  // namespace

LessonRun::LessonRun(const Lesson& lesson) : m_lesson(lesson) {}
LessonRun::~LessonRun() = default;

cluster::Cluster& LessonRun::cluster() { return *m_cluster; }
const cluster::Cluster& LessonRun::cluster() const { return *m_cluster; }

api::Diagnostics LessonRun::failure(api::Mark mark, const std::string& path, std::string message) const {
    return {api::Diagnostic{api::Diagnostic::Severity::Error, m_lesson.file, mark, path, std::move(message)}};
}

api::Diagnostics LessonRun::start() {
    const Scenario& s = m_lesson.scenario;
    api::Diagnostics out;
    m_cluster = std::make_unique<cluster::Cluster>(s.seed);
    if (s.schedulerConfig) {
        auto parsed = scheduler::config::parseConfiguration(*s.schedulerConfig, m_lesson.file);
        for (const auto& d : parsed.diagnostics)
            if (d.isError()) out.push_back(d);
        if (parsed.ok()) m_cluster->setSchedulerConfiguration(parsed.config);
    }
    m_cluster->setSchedulerReplicas(s.schedulerReplicas);
    for (const auto& name : s.admission)
        if (!store::admission::enablePlugin(m_cluster->store(), name))
            out.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, m_lesson.file, {}, "scenario.admission",
                                          "cannot enable admission plugin \"" + name + "\""});
    if (!s.filePath.empty()) {
        for (auto& d : m_cluster->loadFiles({s.filePath}))
            if (d.isError()) out.push_back(std::move(d));
    }
    for (std::size_t i = 0; i < s.objects.size(); ++i) {
        store::Status st = createObject(m_cluster->store(), s.objects[i]);
        if (!st.ok())
            out.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, m_lesson.file, s.objects[i].mark(),
                                          "scenario.objects[" + std::to_string(i) + "]", describe(st)});
    }
    m_cluster->start();
    if (s.settle > 0) m_cluster->runFor(s.settle);
    return out;
}

api::Diagnostics LessonRun::perform(const Action& a) {
    store::ApiStore& st = m_cluster->store();
    store::Status status;
    std::string error;  // a failure that is not an API status
    switch (a.kind) {
    case Action::Kind::Apply:
        for (const auto& object : a.objects) {
            store::ObjectKey key = store::ObjectKey::of(object);
            // `kubectl apply` creates what is missing and changes what exists; a merge patch of
            // the manifest is that change for every field the manifest sets.
            status = st.find(key) ? st.mergePatch(key, object).status : createObject(st, object);
            if (!status.ok()) break;
        }
        break;
    case Action::Kind::Patch: status = st.mergePatch(keyOf(a.target), a.patch).status; break;
    case Action::Kind::Label: {
        Value patch = Value::mapping();
        Value& labels = patch.child("metadata").child("labels");
        for (const auto& l : a.labels) labels.set(l.key, l.remove ? Value::null() : Value::string(l.value));
        status = st.mergePatch(keyOf(a.target), patch).status;
        break;
    }
    case Action::Kind::Taint: {
        auto found = st.get(keyOf(a.target));
        if (!found.ok()) {
            status = found.status;
            break;
        }
        std::vector<Value> taints;
        if (const Value* list = found.value->at("spec.taints"); list && list->isSequence()) taints = list->items();
        for (const auto& change : a.taints) {
            auto matches = [&](const Value& t) {
                return t.str("key") == change.key && (change.effect.empty() || t.str("effect") == change.effect);
            };
            if (change.remove) {
                auto before = taints.size();
                taints.erase(std::remove_if(taints.begin(), taints.end(), matches), taints.end());
                if (taints.size() == before) {
                    // kubectl taint: `taint "key:Effect" not found`
                    error = "taint \"" + change.key + (change.effect.empty() ? "" : ":" + change.effect) + "\" not found";
                    break;
                }
                continue;
            }
            Value t = Value::mapping();
            t.set("key", Value::string(change.key));
            if (!change.value.empty()) t.set("value", Value::string(change.value));
            t.set("effect", Value::string(change.effect));
            // kubectl stamps NoExecute taints with the time they were added (the eviction clock).
            if (change.effect == "NoExecute") t.set("timeAdded", Value::string(api::formatTimestamp(st.now())));
            auto same = std::find_if(taints.begin(), taints.end(), matches);
            if (same != taints.end()) *same = t;  // kubectl taint --overwrite
            else taints.push_back(t);
        }
        if (!error.empty()) break;
        Value patch = Value::mapping();
        Value list = Value::sequence();
        for (auto& t : taints) list.push(t);
        patch.child("spec").set("taints", taints.empty() ? Value::null() : list);
        status = st.mergePatch(keyOf(a.target), patch).status;
        break;
    }
    case Action::Kind::Cordon:
    case Action::Kind::Uncordon: {
        // kubectl's cordon helper patches unschedulable; uncordon drops the field (omitempty).
        Value patch = Value::mapping();
        patch.child("spec").set("unschedulable", a.kind == Action::Kind::Cordon ? Value::boolean(true) : Value::null());
        status = st.mergePatch(keyOf(a.target), patch).status;
        break;
    }
    case Action::Kind::Delete: status = st.remove(keyOf(a.target), a.gracePeriodSeconds).status; break;
    case Action::Kind::Run: m_cluster->runFor(a.duration); break;
    case Action::Kind::RunUntil:
        if (!runUntil(a.until, a.duration)) {
            api::Diagnostics out;
            for (const auto& c : a.until) {
                ConditionResult r = evaluate(c);
                if (!r.ok)
                    out.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, m_lesson.file, c.mark, c.path,
                                                  "not reached within " + sim::formatDuration(a.duration) + ": " + r.seen});
            }
            return out;
        }
        break;
    case Action::Kind::Step: m_cluster->loop().runSteps(a.count); break;
    case Action::Kind::StopScheduler:
    case Action::Kind::StartScheduler: {
        std::string name = a.replica == "leader" ? m_cluster->schedulerLeader() : a.replica;
        bool ok = a.kind == Action::Kind::StopScheduler ? m_cluster->stopSchedulerReplica(name)
                                                       : m_cluster->startSchedulerReplica(name);
        if (!ok) {
            std::string known;
            for (const auto& r : m_cluster->schedulerReplicas()) known += (known.empty() ? "" : ", ") + r;
            error = name.empty() ? std::string("no kube-scheduler replica leads")
                                 : "no kube-scheduler replica \"" + name + "\" (replicas: " + known + ")";
        }
        break;
    }
    }
    if (error.empty() && !status.ok()) error = describe(status);
    if (a.expectError) {
        if (error.empty()) return failure(a.mark, a.path, "expected the action to fail with \"" + *a.expectError + "\", but it succeeded");
        if (error.find(*a.expectError) == std::string::npos)
            return failure(a.mark, a.path, "expected an error containing \"" + *a.expectError + "\", got: " + error);
        return {};
    }
    if (!error.empty()) return failure(a.mark, a.path, error);
    return {};
}

api::Diagnostics LessonRun::performAll(const std::vector<Action>& actions) {
    api::Diagnostics out;
    for (const auto& a : actions) {
        auto d = perform(a);
        out.insert(out.end(), d.begin(), d.end());
    }
    return out;
}

bool LessonRun::runUntil(const std::vector<Condition>& conditions, sim::Duration within) {
    sim::Time deadline = m_cluster->loop().now() + within;
    while (!holds(conditions)) {
        sim::Time now = m_cluster->loop().now();
        if (now >= deadline) return false;
        m_cluster->runFor(std::min(kPollInterval, deadline - now));
    }
    return true;
}

api::Diagnostics LessonRun::enterStep(std::size_t index, bool answerTryIt) {
    const Step& step = m_lesson.steps.at(index);
    api::Diagnostics out = performAll(step.actions);
    if (step.tryIt && answerTryIt) {
        const TryIt& t = *step.tryIt;
        auto d = performAll(t.answer);
        out.insert(out.end(), d.begin(), d.end());
        if (!runUntil(t.until, t.within))
            for (const auto& c : t.until) {
                ConditionResult r = evaluate(c);
                if (!r.ok)
                    out.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, m_lesson.file, c.mark, c.path,
                                                  "the reference answer did not reach this within " +
                                                      sim::formatDuration(t.within) + ": " + r.seen});
            }
    }
    return out;
}

api::Diagnostics LessonRun::checkExpects(std::size_t index) const {
    api::Diagnostics out;
    for (const auto& c : m_lesson.steps.at(index).expect) {
        ConditionResult r = evaluate(c);
        if (!r.ok)
            out.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, m_lesson.file, c.mark, c.path, r.seen});
    }
    return out;
}

api::Diagnostics LessonRun::checkSpotlight(std::size_t index) const {
    api::Diagnostics out;
    const Step& step = m_lesson.steps.at(index);
    for (std::size_t i = 0; i < step.spotlight.size(); ++i) {
        const std::string& name = step.spotlight[i];
        ObjectRef ref;
        std::string error;
        bool isObject = false;
        if (name.rfind("node-card:", 0) == 0) isObject = parseObjectRef("Node/" + name.substr(10), ref, error);
        if (name.rfind("pod-card:", 0) == 0) isObject = parsePodRef(name.substr(9), ref, error);
        if (isObject && !m_cluster->store().find(keyOf(ref)))
            out.push_back(api::Diagnostic{api::Diagnostic::Severity::Error, m_lesson.file, step.mark,
                                          step.path + ".spotlight[" + std::to_string(i) + "]",
                                          ref.str() + " does not exist at this step"});
    }
    return out;
}

CheckResult checkLesson(const Lesson& lesson) {
    CheckResult result;
    result.file = lesson.file;
    result.id = lesson.id;
    LessonRun run(lesson);
    auto append = [&](const api::Diagnostics& d) { result.diagnostics.insert(result.diagnostics.end(), d.begin(), d.end()); };
    append(run.start());
    if (!result.ok()) return result;
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        auto entered = run.enterStep(i, true);
        append(entered);
        ++result.stepsRun;
        append(run.checkSpotlight(i));
        auto failed = run.checkExpects(i);
        result.expectsChecked += lesson.steps[i].expect.size();
        result.expectsFailed += failed.size();
        append(failed);
        // Later steps build on what a try-it achieves: without it they would only add noise.
        if (lesson.steps[i].tryIt && api::hasErrors(entered)) break;
    }
    return result;
}

}  // namespace ks::lesson
