// Running a lesson on a live cluster, and checking it.
//
// LessonRun is what both the checker and the GUI's lesson panel drive: it builds the lesson's
// cluster (scenario files and objects, extra admission plugins, the kube-scheduler configuration
// and replicas), performs actions as a learner would with kubectl, and evaluates conditions
// against the store, the scheduler's cycle records and the Lease holder. checkLesson() runs every
// step in order — actions, then the try-it performed with the lesson's own reference answer,
// then every expect — and reports each failure at the lesson's FILE:LINE:COL with what it saw.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/lesson/lesson.h"

namespace ks::cluster {
class Cluster;
}
namespace ks::store {
struct ObjectKey;
}

namespace ks::lesson {

// The store key of a lesson's object reference.
store::ObjectKey keyOf(const ObjectRef& ref);

struct ConditionResult {
    bool ok = false;
    std::string seen;  // what the cluster showed: "pod default/web is on node-b1", ...
};

class LessonRun {
public:
    explicit LessonRun(const Lesson& lesson);
    ~LessonRun();
    LessonRun(const LessonRun&) = delete;
    LessonRun& operator=(const LessonRun&) = delete;

    // Builds and starts the cluster, then runs scenario.settle of virtual time. Errors (a
    // scenario object the API server refuses, a bad configuration) are diagnostics.
    api::Diagnostics start();
    cluster::Cluster& cluster();
    const cluster::Cluster& cluster() const;

    // Performs one action; a failure (or an expectError that did not happen) is a diagnostic at
    // the action's mark.
    api::Diagnostics perform(const Action& action);
    api::Diagnostics performAll(const std::vector<Action>& actions);

    ConditionResult evaluate(const Condition& condition) const;
    bool holds(const std::vector<Condition>& conditions) const;
    // Runs the simulation until every condition holds, for at most `within` of virtual time.
    bool runUntil(const std::vector<Condition>& conditions, sim::Duration within);

    // What entering step `index` does: its actions, and (when answerTryIt) the try-it's
    // reference answer followed by waiting for its condition. Expects are not checked.
    api::Diagnostics enterStep(std::size_t index, bool answerTryIt);
    // Every expect of step `index`, as diagnostics for those that fail.
    api::Diagnostics checkExpects(std::size_t index) const;
    // Spotlight names that refer to objects (node-card:NAME, pod-card:...) must exist at the step.
    api::Diagnostics checkSpotlight(std::size_t index) const;

    const Lesson& lesson() const { return m_lesson; }

private:
    api::Diagnostics failure(api::Mark mark, const std::string& path, std::string message) const;

    const Lesson& m_lesson;
    std::unique_ptr<cluster::Cluster> m_cluster;
};

struct CheckResult {
    std::string file, id;
    std::size_t stepsRun = 0;
    std::size_t expectsChecked = 0;
    std::size_t expectsFailed = 0;
    api::Diagnostics diagnostics;  // every failure, in step order
    bool ok() const { return !api::hasErrors(diagnostics); }
};

// Runs the lesson from the start to its last step. A step whose actions fail is still checked;
// the run stops at the first step whose try-it cannot be reached (later steps build on it).
CheckResult checkLesson(const Lesson& lesson);

}  // namespace ks::lesson
