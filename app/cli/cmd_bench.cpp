// kubestage-cli bench schedule --nodes N --pods M --workload W [--all-nodes] [--seed N]
// Generates a cluster deterministically (after upstream's scheduler_perf workloads), schedules
// every pod with the default profile and prints throughput, cost per pod per node and peak RSS.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "args.h"
#include "commands.h"
#include "core/scheduler/config/defaults.h"
#include "core/scheduler/scheduler.h"

namespace ks::cli {

namespace {

const std::vector<FlagSpec> kBenchFlags = {
    {"nodes", 0, true, "N", "Number of nodes (default 5000)"},
    {"pods", 0, true, "M", "Number of pods to schedule (default 10000)"},
    {"workload", 0, true, "W", "basic, taints, affinity, antiaffinity, spread or preemption (default basic)"},
    {"all-nodes", 0, false, "", "Examine every node (percentageOfNodesToScore 100)"},
    {"seed", 0, true, "N", "Seed of the random source (default 1)"},
    {"no-reuse", 0, false, "", "Filter every node for every pod, as upstream does, instead of reusing the verdicts and preemption dry runs of equal pods on unchanged nodes (same results)"},
    {"real-time", 0, false, "", "Run the scheduler's clock on the wall clock, as a real kube-scheduler's (backoffQ flushed every second, leftover unschedulable pods every 30 s); by default it stands still while activeQ holds pods"},
    {"help", 'h', false, "", "Show this help"},
};

api::Quantity qty(const char* s) { return *api::Quantity::parse(s); }

std::shared_ptr<api::Node> makeNode(long long i, const std::string& workload) {
    auto n = std::make_shared<api::Node>();
    n->metadata.name = "node-" + std::to_string(i);
    n->metadata.uid = n->metadata.name;
    auto& l = n->metadata.labels;
    l["kubernetes.io/hostname"] = n->metadata.name;
    l["topology.kubernetes.io/region"] = "region-1";
    l["topology.kubernetes.io/zone"] = "zone-" + std::to_string(i % 3);
    l["kubernetes.io/os"] = "linux";
    const bool small = workload == "preemption";
    n->status.allocatable = {{"cpu", qty(small ? "4" : "32")},
                             {"memory", qty(small ? "16Gi" : "128Gi")},
                             {"pods", qty("110")}};
    n->status.capacity = n->status.allocatable;
    if (workload == "taints") {
        if (i % 2 == 0) n->spec.taints.push_back({"dedicated", "infra", "NoSchedule", std::nullopt});
        if (i % 3 == 0) n->spec.taints.push_back({"flaky", "yes", "PreferNoSchedule", std::nullopt});
    }
    return n;
}

std::shared_ptr<api::Pod> makePod(long long i, const std::string& workload, const char* cpu = "100m",
                                  const char* memory = "500Mi") {
    auto p = std::make_shared<api::Pod>();
    p->metadata.name = "pod-" + std::to_string(i);
    p->metadata.namespace_ = "default";
    p->metadata.uid = p->metadata.name;
    api::Container c;
    c.name = "app";
    c.image = "registry.k8s.io/pause:3.10";
    c.resources.requests = {{"cpu", qty(cpu)}, {"memory", qty(memory)}};
    p->spec.containers.push_back(c);
    p->spec.priority = 0;
    if (workload == "taints") {
        if (i % 2 == 0) p->spec.tolerations.push_back({"dedicated", "Equal", "infra", "NoSchedule", std::nullopt});
    } else if (workload == "affinity") {
        api::NodeAffinity na;
        na.required = api::NodeSelector{{api::NodeSelectorTerm{{{"topology.kubernetes.io/zone", "In", {"zone-0", "zone-1"}}}, {}}}};
        na.preferred = {{50, api::NodeSelectorTerm{{{"topology.kubernetes.io/zone", "In", {"zone-1"}}}, {}}}};
        p->spec.affinity = api::Affinity{na, std::nullopt, std::nullopt};
    } else if (workload == "antiaffinity") {
        p->metadata.labels["app"] = "group-" + std::to_string(i % 100);
        api::PodAffinityTerm term;
        term.labelSelector = api::LabelSelector{{{"app", p->metadata.labels["app"]}}, {}};
        term.topologyKey = "kubernetes.io/hostname";
        p->spec.affinity = api::Affinity{std::nullopt, std::nullopt, api::PodAffinity{{term}, {}}};
    } else if (workload == "spread") {
        p->metadata.labels["app"] = "spread-" + std::to_string(i % 10);
        api::TopologySpreadConstraint c1;
        c1.maxSkew = 1;
        c1.topologyKey = "topology.kubernetes.io/zone";
        c1.whenUnsatisfiable = "DoNotSchedule";
        c1.labelSelector = api::LabelSelector{{{"app", p->metadata.labels["app"]}}, {}};
        p->spec.topologySpreadConstraints.push_back(c1);
    }
    return p;
}

// CPU time of this process: on a shared machine it shows what the wall time lost to others.
double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

long peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;  // Linux reports KiB
}

}  // namespace

int runBenchCommand(const std::vector<std::string>& argv) {
    if (argv.empty() || argv.front() != "schedule") {
        if (!argv.empty() && (argv.front() == "--help" || argv.front() == "-h")) {
            std::printf("Usage:\n  kubestage-cli bench schedule [flags]\n\n%s", formatFlags(kBenchFlags).c_str());
            return 0;
        }
        std::fprintf(stderr, "error: unknown benchmark (only \"schedule\")\nSee 'kubestage-cli bench --help' for usage.\n");
        return 2;
    }
    Args args;
    std::string error;
    if (!args.parse({argv.begin() + 1, argv.end()}, kBenchFlags, error)) {
        std::fprintf(stderr, "error: %s\nSee 'kubestage-cli bench --help' for usage.\n", error.c_str());
        return 2;
    }
    if (args.has("help")) {
        std::printf("Generate a cluster and schedule every pod, measuring the scheduler alone.\n\n"
                    "Usage:\n  kubestage-cli bench schedule [flags]\n\n%s",
                    formatFlags(kBenchFlags).c_str());
        return 0;
    }
    long long nodes = 5000, pods = 10000, seed = 1;
    if (auto v = args.value("nodes"); v && (!parseCount(*v, nodes) || nodes == 0)) {
        std::fprintf(stderr, "error: --nodes needs a positive number\n");
        return 2;
    }
    if (auto v = args.value("pods"); v && !parseCount(*v, pods)) {
        std::fprintf(stderr, "error: --pods needs a number\n");
        return 2;
    }
    if (auto v = args.value("seed"); v && !parseCount(*v, seed)) {
        std::fprintf(stderr, "error: --seed needs a number\n");
        return 2;
    }
    const std::string workload = args.value("workload").value_or("basic");
    static const std::vector<std::string> kWorkloads = {"basic", "taints", "affinity", "antiaffinity", "spread", "preemption"};
    if (std::find(kWorkloads.begin(), kWorkloads.end(), workload) == kWorkloads.end()) {
        std::fprintf(stderr, "error: unknown workload \"%s\"\n", workload.c_str());
        return 2;
    }
    auto cfg = scheduler::config::defaultConfiguration();
    if (args.has("all-nodes")) cfg.percentageOfNodesToScore = 100;
    auto sched = scheduler::Scheduler::create(cfg, scheduler::inTreeRegistry(), error, static_cast<std::uint64_t>(seed));
    if (!sched) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    sched->setRecording(false);
    sched->setReusingResults(!args.has("no-reuse"));
    std::vector<std::shared_ptr<const api::Node>> nodeList;
    for (long long i = 0; i < nodes; ++i) nodeList.push_back(makeNode(i, workload));
    std::vector<std::shared_ptr<const api::Pod>> bound;
    if (workload == "preemption") {
        // Every node full of low-priority pods (4 x 1 CPU); the measured pods need to preempt.
        for (long long i = 0; i < nodes * 4; ++i) {
            auto p = makePod(1000000 + i, workload, "1", "1Gi");
            p->spec.nodeName = "node-" + std::to_string(i % nodes);
            p->status.startTime = i;
            bound.push_back(p);
        }
    }
    sched->setCluster(nodeList, bound, std::make_shared<scheduler::ClusterObjects>());
    for (long long i = 0; i < pods; ++i) {
        auto p = workload == "preemption" ? makePod(i, workload, "1", "1Gi") : makePod(i, workload);
        if (workload == "preemption") p->spec.priority = 1000;
        sched->addPod(p, 0);
    }

    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    long long scheduled = 0, attempts = 0;
    std::int64_t now = 0;
    // By default cycles take no time on the scheduler's clock (as in the simulation): while
    // activeQ holds pods, no backoff expires, so every preemptor is nominated before the first
    // one comes back to bind. --real-time runs the clock (ms) on the wall clock instead, with
    // upstream's periodic flushes, as a kube-scheduler on a real cluster: pods come back from
    // backoff while others are still being scheduled. Idle time (activeQ empty, pods waiting
    // for the next flush) is skipped rather than slept, and not counted.
    const bool realTime = args.has("real-time");
    std::int64_t skippedMs = 0, nextFlush = 1000, nextLeftoverFlush = 30000;
    auto wallMs = [&] {
        return static_cast<std::int64_t>(
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
    };
    while (attempts < pods * 4 + 1000) {
        if (realTime) {
            now = wallMs() + skippedMs;
            if (now >= nextFlush) {
                sched->queue().flushBackoffQCompleted(now);
                nextFlush = (now / 1000 + 1) * 1000;
            }
            if (now >= nextLeftoverFlush) {
                sched->queue().flushUnschedulablePodsLeftover(now);
                nextLeftoverFlush = (now / 30000 + 1) * 30000;
            }
        }
        auto r = sched->scheduleOne(now);
        if (r) {
            ++attempts;
            if (!r->selectedNode.empty()) ++scheduled;
            continue;
        }
        auto next = sched->queue().nextBackoffExpiry();
        if (!next) break;
        if (realTime) {
            // Idle until the first flush at or after the expiry.
            const std::int64_t flushAt = std::max(nextFlush, (*next + 999) / 1000 * 1000);
            skippedMs += std::max<std::int64_t>(0, flushAt - now);
            now = flushAt;
            nextFlush = now;  // the loop's check flushes at once
            continue;
        }
        now = std::max(now, *next);
        sched->queue().flushBackoffQCompleted(now);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpuSeconds() - cpuStart;
    const double podsPerSecond = seconds > 0 ? static_cast<double>(scheduled) / seconds : 0;
    const double nsPerPodNode = pods > 0 ? seconds * 1e9 / static_cast<double>(pods) / static_cast<double>(nodes) : 0;
    std::printf("workload %s: %lld nodes, %lld pods, percentageOfNodesToScore %s%s\n", workload.c_str(), nodes, pods,
                args.has("all-nodes") ? "100" : "adaptive",
                std::string(realTime ? ", real-time clock" : "").append(args.has("no-reuse") ? ", no reuse" : "").c_str());
    std::printf("scheduled %lld, unschedulable %lld, attempts %lld\n", scheduled, pods - scheduled, attempts);
    std::printf("time %.3f s, %.0f pods/s, %.1f ns per pod per node\n", seconds, podsPerSecond, nsPerPodNode);
    std::printf("cpu time %.3f s, %.0f pods/s, %.1f ns per pod per node\n", cpu,
                cpu > 0 ? static_cast<double>(scheduled) / cpu : 0,
                pods > 0 ? cpu * 1e9 / static_cast<double>(pods) / static_cast<double>(nodes) : 0);
    const std::uint64_t reused = sched->reusedVerdicts(), computed = sched->computedVerdicts();
    std::printf("filter verdicts: %llu computed, %llu reused (%.1f %%)\n", static_cast<unsigned long long>(computed),
                static_cast<unsigned long long>(reused),
                reused + computed > 0 ? 100.0 * static_cast<double>(reused) / static_cast<double>(reused + computed) : 0.0);
    std::printf("peak RSS %ld MB\n", peakRssMb());
    return 0;
}

}  // namespace ks::cli
