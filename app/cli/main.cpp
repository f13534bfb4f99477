// kubestage-cli: the headless front end of KubeStage (validate, get, run, schedule, bench, lesson, kubectl).
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "commands.h"

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>&);
};

const Command kCommands[] = {
    {"validate", "Check manifests; print FILE:LINE:COL errors", ks::cli::runValidateCommand},
    {"get", "Print objects from manifests as kubectl get does", ks::cli::runGetCommand},
    {"run", "Run the simulation on manifests and print the trace", ks::cli::runRunCommand},
    {"schedule", "Schedule pending pods as kube-scheduler would, and explain why", ks::cli::runScheduleCommand},
    {"bench", "Benchmark the scheduler on a generated cluster", ks::cli::runBenchCommand},
    {"lesson", "List the lessons, or check them by running every step", ks::cli::runLessonCommand},
    {"kubectl", "Run kubectl commands on a simulated cluster", ks::cli::runKubectlCommand},
};

void usage(std::FILE* out) {
    std::fprintf(out,
                 "kubestage-cli: a faithful miniature Kubernetes control plane, headless.\n\n"
                 "Usage:\n  kubestage-cli COMMAND [flags] [FILE...]\n\nCommands:\n");
    for (const auto& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(out, "\nRun 'kubestage-cli COMMAND --help' for the flags of a command.\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        usage(stdout);
        return 0;
    }
    if (name == "--version" || name == "version") {
        std::printf("kubestage-cli 0.1.0 (models Kubernetes v1.31)\n");
        return 0;
    }
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& c : kCommands)
        if (name == c.name) return c.run(args);
    std::fprintf(stderr, "kubestage-cli: unknown command \"%s\"\n", name.c_str());
    usage(stderr);
    return 2;
}
