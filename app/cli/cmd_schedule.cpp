// kubestage-cli schedule [-o json|text] [--seed N] [--config FILE] FILE...
// Loads manifests, binds the pods that name a node, and runs every other pod through the
// scheduler (queue order: priority, then file order), each binding visible to the pods after
// it; preemption victims are removed and the preemptor retried after its backoff (virtual time).
// Prints one result per scheduling attempt, with the explanation of every node.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "core/api/manifest.h"
#include "core/scheduler/config/defaults.h"
#include "core/scheduler/config/parse.h"
#include "core/scheduler/scheduler.h"
#include "schedule_input.h"

namespace ks::cli {

namespace {

using Json = nlohmann::ordered_json;

const std::vector<FlagSpec> kScheduleFlags = {
    {"output", 'o', true, "FORMAT", "Output format: json or text (default text)"},
    {"seed", 0, true, "N", "Seed of the random source that breaks score ties (default 1)"},
    {"config", 0, true, "FILE", "A KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1)"},
    {"help", 'h', false, "", "Show this help"},
};

// Guard against a preemption loop that never settles.
constexpr std::size_t kMaxAttempts = 100000;

Json resultJson(const scheduler::CycleRecord& r) {
    Json j;
    j["pod"] = r.pod;
    j["scheduler"] = r.profile;
    j["node"] = r.selectedNode.empty() ? Json(nullptr) : Json(r.selectedNode);
    j["message"] = r.selectedNode.empty() ? r.message : "";
    j["nominatedNode"] = r.nominatedNode.empty() ? Json(nullptr) : Json(r.nominatedNode);
    j["preempted"] = r.preempted;
    std::map<std::string, const scheduler::NodeScoreRecord*> scores;
    for (const auto& s : r.scores) scores[s.node] = &s;
    Json nodes = Json::array();
    for (const auto& v : r.nodes) {
        if (!v.evaluated) continue;
        Json n;
        n["name"] = v.node;
        n["feasible"] = v.feasible;
        Json failures = Json::array();
        for (const auto& f : v.failures)
            for (const auto& reason : f.reasons) failures.push_back(Json{{"plugin", f.plugin}, {"reason", reason}});
        n["failures"] = failures;
        if (v.feasible) {
            Json sc = Json::object();
            std::int64_t total = 0;
            if (auto it = scores.find(v.node); it != scores.end()) {
                for (const auto& ps : it->second->scores) sc[ps.plugin] = ps.weighted();
                total = it->second->total;
            }
            n["scores"] = sc;
            n["total"] = total;
        }
        nodes.push_back(std::move(n));
    }
    j["nodes"] = nodes;
    return j;
}

void printText(const std::vector<scheduler::CycleRecord>& results) {
    for (const auto& r : results) {
        std::printf("pod %s (scheduler %s, attempt %d)\n", r.pod.c_str(), r.profile.c_str(), r.attempt);
        if (!r.selectedNode.empty()) std::printf("  -> %s\n", r.selectedNode.c_str());
        else std::printf("  unschedulable: %s\n", r.message.c_str());
        if (!r.nominatedNode.empty()) std::printf("  nominated node: %s\n", r.nominatedNode.c_str());
        for (const auto& v : r.preempted) std::printf("  preempted: %s\n", v.c_str());
        std::map<std::string, const scheduler::NodeScoreRecord*> scores;
        for (const auto& s : r.scores) scores[s.node] = &s;
        std::printf("  %-24s %-9s %s\n", "NODE", "FEASIBLE", "REASON / SCORES");
        for (const auto& v : r.nodes) {
            if (!v.evaluated) continue;
            std::string detail;
            if (!v.feasible) {
                for (std::size_t i = 0; i < v.failures.size(); ++i) {
                    const auto& f = v.failures[i];
                    std::string reasons;
                    for (const auto& reason : f.reasons) reasons += (reasons.empty() ? "" : ", ") + reason;
                    detail += (i ? "; also " : "") + f.plugin + ": " + reasons;
                }
            } else if (auto it = scores.find(v.node); it != scores.end()) {
                detail = "total " + std::to_string(it->second->total) + " =";
                for (const auto& ps : it->second->scores)
                    detail += " " + ps.plugin + " " + std::to_string(ps.weighted());
            }
            std::printf("  %-24s %-9s %s\n", v.node.c_str(), v.feasible ? "yes" : "no", detail.c_str());
        }
        std::printf("\n");
    }
}

}  // namespace

int runScheduleCommand(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!args.parse(argv, kScheduleFlags, error)) {
        std::fprintf(stderr, "error: %s\nSee 'kubestage-cli schedule --help' for usage.\n", error.c_str());
        return 2;
    }
    if (args.has("help")) {
        std::printf("Schedule the pending pods of manifests as kube-scheduler v1.31 would, and explain each\n"
                    "decision: every node's Filter verdicts and every Score plugin's weighted score.\n"
                    "Pods with spec.nodeName are bound and running; the others go through the queue\n"
                    "(priority, then file order). Exit 0 for valid input, even when pods stay unschedulable.\n\n"
                    "Usage:\n  kubestage-cli schedule [-o json|text] [--seed N] [--config FILE] FILE...\n\n%s",
                    formatFlags(kScheduleFlags).c_str());
        return 0;
    }
    const std::string output = args.value("output").value_or("text");
    if (output != "json" && output != "text") {
        std::fprintf(stderr, "error: unknown output format \"%s\" (json or text)\n", output.c_str());
        return 2;
    }
    long long seed = 1;
    if (auto s = args.value("seed"); s && !parseCount(*s, seed)) {
        std::fprintf(stderr, "error: --seed needs a non-negative number, got \"%s\"\n", s->c_str());
        return 2;
    }
    if (args.positionals().empty()) {
        std::fprintf(stderr, "error: no files given\nSee 'kubestage-cli schedule --help' for usage.\n");
        return 2;
    }
    scheduler::config::KubeSchedulerConfiguration cfg = scheduler::config::defaultConfiguration();
    if (auto file = args.value("config")) {
        auto parsed = scheduler::config::parseConfigurationFile(*file);
        for (const auto& d : parsed.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        if (!parsed.ok()) return 1;
        cfg = std::move(parsed.config);
    }
    api::LoadResult loaded = api::loadManifestFiles(args.positionals());
    for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!loaded.ok()) return 1;
    ScheduleInput input;
    api::Diagnostics diags;
    bool inputOk = buildScheduleInput(loaded.objects, input, diags);
    for (const auto& d : diags) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!inputOk) return 1;

    auto sched = scheduler::Scheduler::create(cfg, scheduler::inTreeRegistry(), error, static_cast<std::uint64_t>(seed));
    if (!sched) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    sched->setRecording(true);
    sched->setCluster(input.nodes, input.boundPods, input.objects);
    std::int64_t now = 0;
    for (const auto& p : input.pendingPods) sched->addPod(p, now);

    const std::vector<scheduler::CycleRecord> results = sched->scheduleUntilSettled(now, kMaxAttempts);

    if (output == "json") {
        Json doc;
        doc["results"] = Json::array();
        for (const auto& r : results) doc["results"].push_back(resultJson(r));
        std::printf("%s\n", doc.dump(2).c_str());
    } else {
        printText(results);
    }
    return 0;
}

}  // namespace ks::cli
