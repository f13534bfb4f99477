// What one scheduling cycle did, for the explanation (GUI, trace, `kubestage-cli schedule`):
// per node each Filter verdict and per feasible node each Score plugin's raw, normalized and
// weighted score. Filled by the scheduler around the plugins; no plugin writes here.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/scheduler/framework/status.h"

namespace ks::scheduler {

struct FilterFailure {
    std::string plugin;
    Code code = Code::Unschedulable;
    std::vector<std::string> reasons;
};

struct NodeVerdict {
    std::string node;
    // False when the cycle never looked at the node: enough feasible nodes had been found
    // (percentageOfNodesToScore), or a PreFilterResult excluded it.
    bool evaluated = false;
    bool feasible = false;
    // failures[0] is the plugin upstream reports (the first failing Filter in profile order);
    // the rest are the later Filter plugins that would also reject the node (teaching view).
    // A PreFilter rejection appears here for every node with that plugin.
    std::vector<FilterFailure> failures;
};

struct PluginScore {
    std::string plugin;
    std::int64_t raw = 0, normalized = 0, weight = 0;
    bool skipped = false;  // PreScore returned Skip: the plugin did not score (0)
    std::int64_t weighted() const { return normalized * weight; }
};

struct NodeScoreRecord {
    std::string node;
    std::vector<PluginScore> scores;  // in profile Score order
    std::int64_t total = 0;
};

struct PluginStatusRecord {
    std::string plugin;
    Code code = Code::Success;
    std::string message;
};

struct CycleRecord {
    std::string pod;      // namespace/name
    std::string profile;  // schedulerName
    std::int64_t time = 0;  // virtual ms
    int attempt = 0;
    std::vector<PluginStatusRecord> preFilter;  // non-success results, Skip included
    std::optional<std::set<std::string>> preFilterNodes;  // PreFilterResult, when it narrowed
    std::size_t numNodesToFind = 0;
    std::size_t startIndex = 0;
    std::vector<NodeVerdict> nodes;  // every snapshot node, in snapshot order
    std::vector<PluginStatusRecord> preScore;
    bool scored = false;  // false when 0 or 1 feasible node (no scoring)
    std::vector<NodeScoreRecord> scores;  // feasible nodes, in the order they were found
    std::string selectedNode;
    std::string message;  // FailedScheduling text when unschedulable
    // The PodScheduled=False condition's reason: "Unschedulable" when a plugin rejected the pod,
    // "SchedulerError" for an internal error (upstream handleSchedulingFailure).
    std::string failureReason;
    std::string nominatedNode;
    std::vector<std::string> preempted;  // namespace/name of victims
};

}  // namespace ks::scheduler
