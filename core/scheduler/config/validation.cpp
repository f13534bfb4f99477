#include "core/scheduler/config/validation.h"

#include <set>

namespace ks::scheduler::config {

namespace {

class Validator {
public:
    Validator(const std::string& file, api::Diagnostics& out) : m_file(file), m_out(out) {}
    void fail(const std::string& path, const std::string& msg) {
        m_out.push_back({api::Diagnostic::Severity::Error, m_file, {}, path, msg});
    }
    void invalid(const std::string& path, const std::string& value, const std::string& detail) {
        fail(path, "Invalid value: " + value + ": " + detail);
    }

    void args(const PluginConfig& pc, const std::string& path) {
        const api::Value& a = pc.args;
        if (!a.isMapping()) return;
        auto integer = [&](const char* key) -> std::optional<std::int64_t> {
            const api::Value* v = a.get(key);
            return v ? v->toInt() : std::nullopt;
        };
        if (pc.name == "NodeResourcesFit") {
            const api::Value* s = a.get("scoringStrategy");
            if (!s || !s->isMapping()) return;
            const std::string type = s->str("type");
            if (type != "LeastAllocated" && type != "MostAllocated" && type != "RequestedToCapacityRatio")
                fail(path + ".scoringStrategy.type",
                     "Unsupported value: \"" + type +
                         "\": supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\"");
            if (const api::Value* res = s->get("resources"); res && res->isSequence())
                for (std::size_t i = 0; i < res->items().size(); ++i) {
                    const auto& r = res->items()[i];
                    const auto w = r.get("weight") ? r.get("weight")->toInt() : std::nullopt;
                    if (w && (*w < 1 || *w > 100))
                        invalid(path + ".scoringStrategy.resources[" + std::to_string(i) + "].weight",
                                std::to_string(*w), "resource weight of " + r.str("name") + " should be in range [1, 100]");
                }
            if (type == "RequestedToCapacityRatio") {
                const api::Value* rtc = s->get("requestedToCapacityRatio");
                const api::Value* shape = rtc ? rtc->get("shape") : nullptr;
                if (!shape || !shape->isSequence() || shape->items().empty())
                    fail(path + ".scoringStrategy.requestedToCapacityRatio.shape", "Required value: at least one point must be specified");
            }
        } else if (pc.name == "PodTopologySpread") {
            const std::string type = a.str("defaultingType");
            if (type != "System" && type != "List")
                fail(path + ".defaultingType",
                     "Unsupported value: \"" + type + "\": supported values: \"List\", \"System\"");
            const api::Value* c = a.get("defaultConstraints");
            if (type == "System" && c && c->isSequence() && !c->items().empty())
                invalid(path + ".defaultingType", "\"System\"", "when .defaultConstraints are not empty");
        } else if (pc.name == "InterPodAffinity") {
            if (auto w = integer("hardPodAffinityWeight"); w && (*w < 0 || *w > 100))
                invalid(path + ".hardPodAffinityWeight", std::to_string(*w), "not in valid range [0, 100]");
        } else if (pc.name == "DefaultPreemption") {
            auto pct = integer("minCandidateNodesPercentage");
            auto abs = integer("minCandidateNodesAbsolute");
            if (pct && (*pct < 0 || *pct > 100))
                invalid(path + ".minCandidateNodesPercentage", std::to_string(*pct), "not in valid range [0, 100]");
            if (abs && *abs < 0)
                invalid(path + ".minCandidateNodesAbsolute", std::to_string(*abs), "not in valid range [0, inf)");
            if (pct && abs && *pct == 0 && *abs == 0)
                fail(path, "Invalid value: both minCandidateNodesPercentage and minCandidateNodesAbsolute cannot be zero");
        } else if (pc.name == "VolumeBinding") {
            if (auto t = integer("bindTimeoutSeconds"); t && *t < 0)
                invalid(path + ".bindTimeoutSeconds", std::to_string(*t), "invalid BindTimeoutSeconds, should not be a negative value");
        }
    }

private:
    const std::string& m_file;
    api::Diagnostics& m_out;
};

std::string pluginSetKey(const PluginSet& s) {
    std::string k;
    for (const auto& p : s.enabled) k += "+" + p.name;
    for (const auto& p : s.disabled) k += "-" + p.name;
    return k;
}

}  // namespace

void validateConfiguration(const KubeSchedulerConfiguration& c, const std::string& file, api::Diagnostics& out) {
    Validator v(file, out);
    if (c.parallelism <= 0)
        v.invalid("parallelism", std::to_string(c.parallelism), "should be an integer value greater than zero");
    if (c.percentageOfNodesToScore < 0 || c.percentageOfNodesToScore > 100)
        v.invalid("percentageOfNodesToScore", std::to_string(c.percentageOfNodesToScore), "not in valid range [0-100]");
    if (c.podInitialBackoffSeconds <= 0)
        v.invalid("podInitialBackoffSeconds", std::to_string(c.podInitialBackoffSeconds), "must be greater than 0");
    if (c.podMaxBackoffSeconds < c.podInitialBackoffSeconds)
        v.invalid("podMaxBackoffSeconds", std::to_string(c.podMaxBackoffSeconds),
                  "must be greater than or equal to PodInitialBackoffSeconds");
    const LeaderElection& le = c.leaderElection;
    if (le.leaderElect) {
        if (le.leaseDurationMs <= 0) v.fail("leaderElection.leaseDuration", "Invalid value: must be greater than zero");
        if (le.renewDeadlineMs <= 0) v.fail("leaderElection.renewDeadline", "Invalid value: must be greater than zero");
        if (le.retryPeriodMs <= 0) v.fail("leaderElection.retryPeriod", "Invalid value: must be greater than zero");
        if (le.leaseDurationMs <= le.renewDeadlineMs)
            v.fail("leaderElection.leaseDuration", "Invalid value: LeaseDuration must be greater than RenewDeadline");
        if (le.resourceLock.empty()) v.fail("leaderElection.resourceLock", "Invalid value: resourceLock is required");
        if (le.resourceName.empty()) v.fail("leaderElection.resourceName", "Invalid value: resourceName is required");
    }
    if (c.profiles.empty()) v.fail("profiles", "Required value");
    std::set<std::string> names;
    for (std::size_t i = 0; i < c.profiles.size(); ++i) {
        const Profile& p = c.profiles[i];
        const std::string path = "profiles[" + std::to_string(i) + "]";
        if (p.schedulerName.empty()) v.fail(path + ".schedulerName", "Required value");
        else if (!names.insert(p.schedulerName).second)
            v.fail(path + ".schedulerName", "Duplicate value: \"" + p.schedulerName + "\"");
        if (p.percentageOfNodesToScore && (*p.percentageOfNodesToScore < 0 || *p.percentageOfNodesToScore > 100))
            v.invalid(path + ".percentageOfNodesToScore", std::to_string(*p.percentageOfNodesToScore),
                      "not in valid range [0-100]");
        std::set<std::string> configured;
        for (std::size_t j = 0; j < p.pluginConfig.size(); ++j) {
            const std::string pc = path + ".pluginConfig[" + std::to_string(j) + "]";
            if (!configured.insert(p.pluginConfig[j].name).second)
                v.fail(pc, "Duplicate value: \"" + p.pluginConfig[j].name + "\"");
            v.args(p.pluginConfig[j], pc + ".args");
        }
        if (i > 0 && (pluginSetKey(p.plugins.queueSort) != pluginSetKey(c.profiles[0].plugins.queueSort) ||
                      pluginSetKey(p.plugins.multiPoint) != pluginSetKey(c.profiles[0].plugins.multiPoint)) &&
            pluginSetKey(p.plugins.queueSort) != pluginSetKey(c.profiles[0].plugins.queueSort))
            v.fail(path + ".plugins.queueSort", "Invalid value: must be the same for all profiles");
    }
}

}  // namespace ks::scheduler::config
