// kubestage-cli run FILE... [--until DURATION | --steps N] [--seed N] [--trace OUT.jsonl]
//                   [--config SCHEDULER_CONFIG] [--schedulers N]
// Runs the simulated cluster on the manifests and prints its trace.
#include <cstdio>
#include <fstream>

#include "args.h"
#include "commands.h"
#include "core/cluster/cluster.h"
#include "core/scheduler/config/parse.h"
#include "core/scheduler/scheduler.h"
#include "core/sim/clock.h"
#include "core/sim/event_loop.h"
#include "core/sim/trace.h"

namespace ks::cli {

namespace {
const std::vector<FlagSpec> kRunFlags = {
    {"until", 0, true, "DURATION", "Run until this virtual time, e.g. 30s, 5m (default 1m)"},
    {"steps", 0, true, "N", "Run this many events instead"},
    {"seed", 0, true, "N", "Seed of the random source (default 1)"},
    {"trace", 0, true, "OUT.jsonl", "Also write the trace as JSON Lines to this file"},
    {"config", 0, true, "FILE", "The KubeSchedulerConfiguration every kube-scheduler replica runs"},
    {"schedulers", 0, true, "N", "How many kube-scheduler replicas elect a leader (default 1)"},
    {"quiet", 'q', false, "", "Do not print the trace"},
    {"help", 'h', false, "", "Show this help"},
};

std::string describe(const sim::TraceRecord& r) {
    std::string line = "#" + std::to_string(r.seq) + "  " + sim::formatRfc3339Milli(r.time) + "  " + r.actor + "  " +
                       r.action;
    for (const auto& o : r.objects) line += "  " + o;
    if (!r.key.empty()) {
        line += "  " + r.key;
        if (!r.args.empty()) {
            line += " {";
            bool first = true;
            for (const auto& [k, v] : r.args) {
                line += (first ? "" : ", ") + k + ": " + v;
                first = false;
            }
            line += "}";
        }
    }
    return line;
}
}  // namespace

int runRunCommand(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!args.parse(argv, kRunFlags, error)) {
        std::fprintf(stderr, "error: %s\nSee 'kubestage-cli run --help' for usage.\n", error.c_str());
        return 2;
    }
    if (args.has("help")) {
        std::printf("Run the simulated control plane on manifests and print every step it takes.\n"
                    "The same files and seed always give the same trace, byte for byte.\n\n"
                    "Usage:\n  kubestage-cli run [flags] FILE...\n\n%s",
                    formatFlags(kRunFlags).c_str());
        return 0;
    }
    if (args.positionals().empty()) {
        std::fprintf(stderr, "error: no files given\nSee 'kubestage-cli run --help' for usage.\n");
        return 2;
    }
    if (args.has("until") && args.has("steps")) {
        std::fprintf(stderr, "error: --until and --steps cannot be used together\n");
        return 2;
    }
    long long seed = 1, steps = 0;
    if (auto s = args.value("seed"); s && !parseCount(*s, seed)) {
        std::fprintf(stderr, "error: --seed: expected a whole number, got \"%s\"\n", s->c_str());
        return 2;
    }
    if (auto s = args.value("steps"); s && !parseCount(*s, steps)) {
        std::fprintf(stderr, "error: --steps: expected a whole number, got \"%s\"\n", s->c_str());
        return 2;
    }
    sim::Duration until = sim::kMinute;
    if (auto u = args.value("until")) {
        auto parsed = sim::parseDuration(*u);
        if (!parsed.ok()) {
            std::fprintf(stderr, "error: --until: %s\n", parsed.error.c_str());
            return 2;
        }
        until = *parsed.value;
    }

    long long replicas = 1;
    if (auto s = args.value("schedulers"); s && (!parseCount(*s, replicas) || replicas < 1 || replicas > 26)) {
        std::fprintf(stderr, "error: --schedulers: expected a number from 1 to 26, got \"%s\"\n", s->c_str());
        return 2;
    }

    cluster::Cluster cluster(static_cast<std::uint64_t>(seed));
    if (auto file = args.value("config")) {
        auto parsed = scheduler::config::parseConfigurationFile(*file);
        for (const auto& d : parsed.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        if (!parsed.ok()) return 1;
        // Plugins that are not built in (out-of-tree ones) fail here, as kube-scheduler fails
        // to start with such a configuration.
        std::string error;
        if (!scheduler::Scheduler::create(parsed.config, scheduler::inTreeRegistry(), error)) {
            std::fprintf(stderr, "%s: %s\n", file->c_str(), error.c_str());
            return 1;
        }
        cluster.setSchedulerConfiguration(parsed.config);
    }
    cluster.setSchedulerReplicas(static_cast<int>(replicas));
    bool failed = false;
    for (const auto& d : cluster.loadFiles(args.positionals())) {
        std::fprintf(stderr, "%s\n", d.format().c_str());
        failed |= d.isError();
    }
    if (failed) return 1;
    cluster.start();
    if (args.has("steps")) cluster.loop().runSteps(static_cast<std::uint64_t>(steps));
    else cluster.loop().runUntil(until);

    if (!args.has("quiet"))
        for (const auto& r : cluster.trace().records()) std::printf("%s\n", describe(r).c_str());
    if (auto out = args.value("trace")) {
        std::ofstream f(*out, std::ios::binary);
        f << sim::toJsonLines(cluster.trace());
        if (!f) {
            std::fprintf(stderr, "error: cannot write %s\n", out->c_str());
            return 1;
        }
    }
    return 0;
}

}  // namespace ks::cli
