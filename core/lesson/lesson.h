// Lesson: one checked, step-by-step walk through a live scenario that annotates a section of the
// course. The model is plain data read from lessons/<chapter>/<id>.yaml by lesson_loader.h; the
// checker (lesson_checker.h) and the GUI's lesson panel both run it. lessons/README.md describes
// the file format field by field.
//
// Nothing here is upstream Kubernetes: lessons are KubeStage's own format. Every element keeps
// the source mark of the YAML node it came from, so that a failing expect can point at
// FILE:LINE:COL of the lesson.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/value.h"
#include "core/sim/clock.h"

namespace ks::lesson {

// The two languages of every text.
enum class Language { Zh, En };

// A text in both languages, in the safe rich-text subset (rich_text.h).
struct Text {
    std::string zh, en;
    api::Mark zhMark, enMark;
    const std::string& in(Language lang) const { return lang == Language::Zh ? zh : en; }
};

// "Pod/web" (namespace default), "Pod/team-a/web", "Node/node-a1" (cluster-scoped kinds).
struct ObjectRef {
    std::string kind, namespace_, name;
    bool empty() const { return kind.empty(); }
    // "Pod/default/web", "Node/node-a1"
    std::string str() const;
};

// A check on the cluster's state: an `expect` of a step, the `until` of a try-it, the condition
// of a runUntil action. Only the fields of its kind are set.
struct Condition {
    enum class Kind {
        PodBound,    // pod has spec.nodeName (== node, or in nodeIn, when given)
        PodPending,  // pod is unbound; its scheduling message (condition or FailedScheduling event) contains `message`
        Field,       // object's field at `fieldPath` equals `equals` / contains `contains` / is absent
        Event,       // an Event about `object` (any object when empty) with `reason`, `type`, message containing `message`
        Absent,      // object does not exist (deleted, preempted)
        Exists,      // object exists
        Leader,      // the kube-scheduler replica holding the Lease is `leader` / is not `notLeader`
        Cycle,       // a scheduling cycle of `object` (a pod; the latest, or attempt N) selected / nominated / preempted / rejected
    };
    Kind kind = Kind::PodBound;
    api::Mark mark;    // of the list item ("- podBound: ...")
    std::string path;  // "steps[3].expect[0]"

    ObjectRef object;  // the pod for PodBound, PodPending, Cycle
    std::string node;                // PodBound
    std::vector<std::string> nodeIn; // PodBound
    std::string message;             // PodPending, Event, Cycle: a fragment the message must contain
    std::string reason, eventType;   // Event
    std::string fieldPath;           // Field: "spec.nodeName", "metadata.labels['kubernetes.io/hostname']", "spec.taints[0].key"
    std::optional<api::Value> equals;  // Field
    std::string contains;              // Field: the scalar's text contains this
    bool fieldAbsent = false;          // Field: the path leads nowhere
    std::string leader, notLeader;     // Leader; notLeader "" with leader "" means "somebody leads"
    std::string selected, nominated;   // Cycle
    int attempt = 0;                   // Cycle: which attempt (1 = the first); 0 = the latest cycle
    std::vector<std::string> preempted;               // Cycle: "namespace/name" victims, all of them
    std::map<std::string, std::string> rejectedBy;    // Cycle: node -> the Filter plugin upstream reports
};

// One thing a step does to the cluster, as the learner would with kubectl or the GUI.
struct Action {
    enum class Kind {
        Apply,           // create the objects, or merge-patch them in when they exist
        Patch,           // JSON merge patch of `target`
        Label,           // set (key=value) or remove (key-) labels of `target`
        Taint,           // add (key[=value]:Effect) or remove (key[:Effect]-) taints of node `target`
        Cordon,          // spec.unschedulable=true on node `target`
        Uncordon,
        Delete,          // delete `target` (gracePeriodSeconds when set)
        Run,             // run the simulation for `duration` of virtual time
        RunUntil,        // run until `until` holds, at most `duration`; failing to reach it is an error
        Step,            // run `count` simulation events
        StopScheduler,   // stop a kube-scheduler replica ("leader": whoever leads)
        StartScheduler,  // start a stopped replica again
    };
    struct TaintChange {
        std::string key, value, effect;
        bool remove = false;
    };
    struct LabelChange {
        std::string key, value;
        bool remove = false;
    };

    Kind kind = Kind::Run;
    api::Mark mark;
    std::string path;  // "steps[2].actions[0]"

    std::vector<api::Value> objects;  // Apply
    ObjectRef target;                 // Patch, Label, Taint, Cordon, Uncordon, Delete
    api::Value patch;                 // Patch
    std::vector<LabelChange> labels;  // Label
    std::vector<TaintChange> taints;  // Taint
    std::optional<std::int64_t> gracePeriodSeconds;  // Delete
    sim::Duration duration = 0;       // Run, RunUntil (the time limit)
    std::vector<Condition> until;     // RunUntil: all must hold
    std::size_t count = 0;            // Step
    std::string replica;              // StopScheduler, StartScheduler
    // When set the action must fail, with an error containing this text (an admission refusal).
    std::optional<std::string> expectError;
};

// "Try it": the learner changes something; the lesson waits until `until` holds. The checker
// performs `answer` instead (the lesson's own reference solution).
struct TryIt {
    api::Mark mark;
    std::string path;
    Text prompt;
    Text hint;                     // optional
    std::vector<Condition> until;  // all must hold
    std::vector<Action> answer;
    sim::Duration within = 60 * sim::kSecond;  // virtual time the checker allows after the answer
};

struct Step {
    api::Mark mark;
    std::string path;  // "steps[2]"
    std::string id;    // optional, for --step and links
    Text title;        // optional
    Text text;
    // GUI elements to draw attention to: "node-card:node-a1", "scheduler.filter-table", ...
    // (see spotlightElements()).
    std::vector<std::string> spotlight;
    std::vector<Action> actions;    // run when the step is entered, in order
    std::optional<TryIt> tryIt;     // after the actions
    std::vector<Condition> expect;  // checked after the actions and the try-it
};

struct QuizChoice {
    Text text;
    bool correct = false;
};

struct QuizQuestion {
    api::Mark mark;
    std::string path;
    Text question;
    bool multiple = false;  // several choices may be correct (else exactly one is)
    std::vector<QuizChoice> choices;
    Text explanation;       // shown after answering
};

// A course section the lesson annotates, by its heading text in the course.
struct CourseSection {
    std::string heading;
    api::Mark mark;
};

struct Scenario {
    std::string file;      // as written: "three-zones.yaml"
    std::string filePath;  // resolved: <lessons>/scenarios/three-zones.yaml
    api::Mark fileMark;
    std::vector<api::Value> objects;  // inline manifests, created after the file's
    std::vector<std::string> admission;  // admission plugins to enable on top of the defaults
    int schedulerReplicas = 1;
    std::optional<api::Value> schedulerConfig;  // a KubeSchedulerConfiguration document
    api::Mark schedulerConfigMark;
    std::uint64_t seed = 1;
    // Virtual time run after start() so that the scenario settles (leader elected, pods bound).
    sim::Duration settle = 5 * sim::kSecond;
};

struct Lesson {
    std::string file;  // the lesson file as given to the loader
    std::string id;    // "sched-09-taints" (the file's base name)
    std::string chapter;  // "kube-scheduler"
    int order = 0;        // place within the chapter
    Text title;
    Text summary;         // one paragraph for the lesson browser
    std::vector<CourseSection> course;
    Scenario scenario;
    std::vector<Step> steps;
    std::vector<QuizQuestion> quiz;
};

// The spotlight names a step may use. A name is one of these, or "node-card:NODE",
// "pod-card:NAMESPACE/NAME" or "pod-card:NAME".
const std::vector<std::string>& spotlightElements();
bool isSpotlightName(std::string_view name);

// "Pod/web", "Pod/team-a/web", "Node/n1"; namespaced kinds default to "default". On error
// returns false and sets error.
bool parseObjectRef(std::string_view text, ObjectRef& out, std::string& error);
// "web" or "team-a/web" as a Pod reference.
bool parsePodRef(std::string_view text, ObjectRef& out, std::string& error);

// kubectl taint syntax: "key=value:Effect", "key:Effect", "key=value:Effect-", "key:Effect-",
// "key-". Effects as upstream: NoSchedule, PreferNoSchedule, NoExecute.
bool parseTaintChange(std::string_view text, Action::TaintChange& out, std::string& error);
// kubectl label syntax: "key=value", "key-".
bool parseLabelChange(std::string_view text, Action::LabelChange& out, std::string& error);

}  // namespace ks::lesson
