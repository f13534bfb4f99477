// kubestage-cli kubectl -f SCENARIO... [--run DURATION] [--seed N] [--then COMMAND]... -- KUBECTL ARGS...
// Loads a scenario, optionally runs the simulation, then runs kubectl commands on the simulated
// cluster and prints what kubectl prints (stdout and stderr kept apart, kubectl's exit code).
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "core/cluster/cluster.h"
#include "core/kubectl/kubectl.h"
#include "core/sim/clock.h"
#include "core/sim/event_loop.h"
#include "core/store/api_store.h"

namespace ks::cli {

namespace {
const std::vector<FlagSpec> kKubectlFlags = {
    {"filename", 'f', true, "FILE", "Scenario manifest to load (repeatable)"},
    {"run", 0, true, "DURATION", "Run the simulation this long before the command, e.g. 10s (default 0)"},
    {"then", 0, true, "COMMAND", "Another kubectl command line to run afterwards (repeatable, shell quoting)"},
    {"after", 0, true, "DURATION", "Run the simulation this long after each command (default 0)"},
    {"seed", 0, true, "N", "Seed of the random source (default 1)"},
    {"help", 'h', false, "", "Show this help"},
};

void print(const kubectl::CommandResult& r) {
    std::fputs(r.out.c_str(), stdout);
    std::fflush(stdout);
    std::fputs(r.err.c_str(), stderr);
    std::fflush(stderr);
}
}  // namespace

int runKubectlCommand(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!args.parse(argv, kKubectlFlags, error)) {
        std::fprintf(stderr, "error: %s\nSee 'kubestage-cli kubectl --help' for usage.\n", error.c_str());
        return 2;
    }
    if (args.has("help")) {
        std::printf("Run kubectl commands on a simulated cluster loaded from manifests.\n\n"
                    "Usage:\n  kubestage-cli kubectl -f FILE... [flags] -- COMMAND [ARGS...]\n\n"
                    "Examples:\n  kubestage-cli kubectl -f cluster.yaml -- get pods -o wide\n"
                    "  kubestage-cli kubectl -f cluster.yaml --run 5s -- describe node node-1\n"
                    "  kubestage-cli kubectl -f cluster.yaml --then 'describe node node-1' -- taint nodes node-1 "
                    "gpu=true:NoSchedule\n\n%s",
                    formatFlags(kKubectlFlags).c_str());
        return 0;
    }
    if (args.positionals().empty()) {
        std::fprintf(stderr, "error: no kubectl command given: put it after --\n"
                             "See 'kubestage-cli kubectl --help' for usage.\n");
        return 2;
    }
    auto files = args.values("filename");
    if (files.empty()) {
        std::fprintf(stderr, "error: no manifests given: use -f FILE\n");
        return 2;
    }
    long long seed = 1;
    if (auto s = args.value("seed"); s && !parseCount(*s, seed)) {
        std::fprintf(stderr, "error: --seed: expected a whole number, got \"%s\"\n", s->c_str());
        return 2;
    }
    auto duration = [&](const char* flag, sim::Duration& out) {
        out = 0;
        if (auto v = args.value(flag)) {
            auto parsed = sim::parseDuration(*v);
            if (!parsed.ok()) {
                std::fprintf(stderr, "error: --%s: %s\n", flag, parsed.error.c_str());
                return false;
            }
            out = *parsed.value;
        }
        return true;
    };
    sim::Duration before = 0, after = 0;
    if (!duration("run", before) || !duration("after", after)) return 2;

    cluster::Cluster cluster(static_cast<std::uint64_t>(seed));
    bool failed = false;
    for (const auto& d : cluster.loadFiles(files)) {
        std::fprintf(stderr, "%s\n", d.format().c_str());
        failed |= d.isError();
    }
    if (failed) return 1;
    cluster.start();
    if (before > 0) cluster.runFor(before);

    auto result = kubectl::runCommand(cluster.store(), args.positionals());
    print(result);
    int code = result.exitCode;
    if (after > 0) cluster.runFor(after);
    for (const auto& line : args.values("then")) {
        result = kubectl::runCommand(cluster.store(), std::string_view(line));
        print(result);
        if (result.exitCode != 0) code = result.exitCode;
        if (after > 0) cluster.runFor(after);
    }
    return code;
}

}  // namespace ks::cli
