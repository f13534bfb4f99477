#include "core/scheduler/config/parse.h"

#include <set>

#include "core/api/yaml_reader.h"
#include "core/scheduler/config/convert.h"
#include "core/scheduler/config/defaults.h"
#include "core/scheduler/config/validation.h"
#include "core/sim/clock.h"

namespace ks::scheduler::config {

namespace {

class Reader {
public:
    Reader(const std::string& file, api::Diagnostics& out, std::string version)
        : m_file(file), m_out(out), m_version(std::move(version)) {}

    void error(const api::Value& at, const std::string& path, const std::string& msg) {
        m_out.push_back({api::Diagnostic::Severity::Error, m_file, at.mark(), path, msg});
    }
    void unknown(const api::ValueField& f, const std::string& path) {
        const std::string full = path.empty() ? f.key : path + "." + f.key;
        m_out.push_back({api::Diagnostic::Severity::Error, m_file, f.keyMark, "",
                         "strict decoding error: unknown field \"" + full + "\""});
    }
    bool isMapping(const api::Value& v, const std::string& path) {
        if (v.isMapping() || v.isNull()) return v.isMapping();
        error(v, path, "must be an object");
        return false;
    }
    std::optional<std::int64_t> integer(const api::Value& v, const std::string& path) {
        if (auto i = v.toInt()) return i;
        error(v, path, "Invalid value: \"" + v.text() + "\": must be an integer");
        return std::nullopt;
    }
    std::optional<bool> boolean(const api::Value& v, const std::string& path) {
        if (auto b = v.toBool()) return b;
        error(v, path, "Invalid value: \"" + v.text() + "\": must be a boolean");
        return std::nullopt;
    }
    std::optional<std::int64_t> duration(const api::Value& v, const std::string& path) {
        auto d = sim::parseDuration(v.text());
        if (d.ok()) return *d.value;
        error(v, path, d.error);
        return std::nullopt;
    }

    void plugin(const api::Value& v, const std::string& path, std::vector<Plugin>& out) {
        if (!isMapping(v, path)) return;
        Plugin p;
        for (const auto& f : v.fields()) {
            if (f.key == "name") p.name = f.val.text();
            else if (f.key == "weight") p.weight = static_cast<std::int32_t>(integer(f.val, path + ".weight").value_or(0));
            else unknown(f, path);
        }
        if (p.name.empty()) error(v, path + ".name", "Required value");
        out.push_back(std::move(p));
    }

    void pluginSet(const api::Value& v, const std::string& path, PluginSet& out) {
        if (!isMapping(v, path)) return;
        for (const auto& f : v.fields()) {
            if (f.key != "enabled" && f.key != "disabled") {
                unknown(f, path);
                continue;
            }
            if (f.val.isNull()) continue;
            if (!f.val.isSequence()) {
                error(f.val, path + "." + f.key, "must be a list");
                continue;
            }
            auto& list = f.key == "enabled" ? out.enabled : out.disabled;
            for (std::size_t i = 0; i < f.val.items().size(); ++i)
                plugin(f.val.items()[i], path + "." + f.key + "[" + std::to_string(i) + "]", list);
        }
    }

    void plugins(const api::Value& v, const std::string& path, Plugins& out) {
        if (!isMapping(v, path)) return;
        const bool hasMultiPoint = m_version != "v1beta1" && m_version != "v1beta2";
        const bool hasPreEnqueue = hasMultiPoint;
        for (const auto& f : v.fields()) {
            const std::string p = path + "." + f.key;
            if (f.key == "queueSort") pluginSet(f.val, p, out.queueSort);
            else if (f.key == "preEnqueue" && hasPreEnqueue) pluginSet(f.val, p, out.preEnqueue);
            else if (f.key == "preFilter") pluginSet(f.val, p, out.preFilter);
            else if (f.key == "filter") pluginSet(f.val, p, out.filter);
            else if (f.key == "postFilter") pluginSet(f.val, p, out.postFilter);
            else if (f.key == "preScore") pluginSet(f.val, p, out.preScore);
            else if (f.key == "score") pluginSet(f.val, p, out.score);
            else if (f.key == "reserve") pluginSet(f.val, p, out.reserve);
            else if (f.key == "permit") pluginSet(f.val, p, out.permit);
            else if (f.key == "preBind") pluginSet(f.val, p, out.preBind);
            else if (f.key == "bind") pluginSet(f.val, p, out.bind);
            else if (f.key == "postBind") pluginSet(f.val, p, out.postBind);
            else if (f.key == "multiPoint" && hasMultiPoint) pluginSet(f.val, p, out.multiPoint);
            else unknown(f, path);
        }
    }

    void profile(const api::Value& v, const std::string& path, Profile& out) {
        if (!isMapping(v, path)) return;
        out.schedulerName.clear();
        for (const auto& f : v.fields()) {
            const std::string p = path + "." + f.key;
            if (f.key == "schedulerName") {
                out.schedulerName = f.val.isNull() ? "" : f.val.text();
            } else if (f.key == "percentageOfNodesToScore") {
                if (!f.val.isNull())
                    if (auto i = integer(f.val, p)) out.percentageOfNodesToScore = static_cast<std::int32_t>(*i);
            } else if (f.key == "plugins") {
                plugins(f.val, p, out.plugins);
            } else if (f.key == "pluginConfig") {
                if (f.val.isNull()) continue;
                if (!f.val.isSequence()) {
                    error(f.val, p, "must be a list");
                    continue;
                }
                for (std::size_t i = 0; i < f.val.items().size(); ++i) {
                    const api::Value& item = f.val.items()[i];
                    const std::string ip = p + "[" + std::to_string(i) + "]";
                    if (!isMapping(item, ip)) continue;
                    PluginConfig pc;
                    for (const auto& g : item.fields()) {
                        if (g.key == "name") pc.name = g.val.text();
                        else if (g.key == "args") pc.args = g.val;
                        else unknown(g, ip);
                    }
                    out.pluginConfig.push_back(std::move(pc));
                }
            } else {
                unknown(f, path);
            }
        }
    }

    void leaderElection(const api::Value& v, const std::string& path, LeaderElection& out) {
        if (!isMapping(v, path)) return;
        for (const auto& f : v.fields()) {
            const std::string p = path + "." + f.key;
            if (f.key == "leaderElect") out.leaderElect = boolean(f.val, p).value_or(out.leaderElect);
            else if (f.key == "leaseDuration") out.leaseDurationMs = duration(f.val, p).value_or(out.leaseDurationMs);
            else if (f.key == "renewDeadline") out.renewDeadlineMs = duration(f.val, p).value_or(out.renewDeadlineMs);
            else if (f.key == "retryPeriod") out.retryPeriodMs = duration(f.val, p).value_or(out.retryPeriodMs);
            else if (f.key == "resourceLock") out.resourceLock = f.val.text();
            else if (f.key == "resourceName") out.resourceName = f.val.text();
            else if (f.key == "resourceNamespace") out.resourceNamespace = f.val.text();
            else unknown(f, path);
        }
    }

    void top(const api::Value& doc, KubeSchedulerConfiguration& out) {
        // Fields kube-scheduler reads but the simulation has no use for.
        static const std::set<std::string> kIgnored = {"clientConnection", "enableProfiling",
                                                       "enableContentionProfiling", "extenders",
                                                       "delayCacheUntilActive"};
        const bool beta12 = m_version == "v1beta1" || m_version == "v1beta2";
        for (const auto& f : doc.fields()) {
            if (f.key == "apiVersion" || f.key == "kind" || kIgnored.count(f.key)) continue;
            if (beta12 && (f.key == "healthzBindAddress" || f.key == "metricsBindAddress")) continue;
            if (f.key == "parallelism") {
                out.parallelism = static_cast<std::int32_t>(integer(f.val, f.key).value_or(out.parallelism));
            } else if (f.key == "percentageOfNodesToScore") {
                if (!f.val.isNull())
                    out.percentageOfNodesToScore = static_cast<std::int32_t>(integer(f.val, f.key).value_or(0));
            } else if (f.key == "podInitialBackoffSeconds") {
                out.podInitialBackoffSeconds = integer(f.val, f.key).value_or(out.podInitialBackoffSeconds);
            } else if (f.key == "podMaxBackoffSeconds") {
                out.podMaxBackoffSeconds = integer(f.val, f.key).value_or(out.podMaxBackoffSeconds);
            } else if (f.key == "leaderElection") {
                leaderElection(f.val, f.key, out.leaderElection);
            } else if (f.key == "profiles") {
                if (f.val.isNull()) continue;
                if (!f.val.isSequence()) {
                    error(f.val, "profiles", "must be a list");
                    continue;
                }
                for (std::size_t i = 0; i < f.val.items().size(); ++i) {
                    Profile p;
                    profile(f.val.items()[i], "profiles[" + std::to_string(i) + "]", p);
                    out.profiles.push_back(std::move(p));
                }
            } else {
                unknown(f, "");
            }
        }
    }

private:
    const std::string& m_file;
    api::Diagnostics& m_out;
    std::string m_version;
};

struct RemovedVersion {
    const char* version;
    const char* deprecatedIn;
    const char* removedIn;
};
constexpr RemovedVersion kRemoved[] = {
    {"v1beta3", "v1.26", "v1.29"},
    {"v1beta2", "v1.25", "v1.28"},
    {"v1beta1", "v1.22", "v1.23"},
};

}  // namespace

ParseResult parseConfiguration(const api::Value& doc, const std::string& file) {
    ParseResult r;
    auto err = [&](const api::Value& at, const std::string& path, const std::string& msg) {
        r.diagnostics.push_back({api::Diagnostic::Severity::Error, file, at.mark(), path, msg});
    };
    if (!doc.isMapping()) {
        err(doc, "", "expected a KubeSchedulerConfiguration object");
        return r;
    }
    const std::string apiVersion = doc.str("apiVersion");
    const std::string kind = doc.str("kind");
    const api::Value& versionNode = doc.get("apiVersion") ? *doc.get("apiVersion") : doc;
    if (kind != "KubeSchedulerConfiguration") {
        err(doc.get("kind") ? *doc.get("kind") : doc, "kind",
            kind.empty() ? "Required value" : "Unsupported value: \"" + kind + "\": supported values: \"KubeSchedulerConfiguration\"");
        return r;
    }
    const std::string group = "kubescheduler.config.k8s.io/";
    std::string version = apiVersion.rfind(group, 0) == 0 ? apiVersion.substr(group.size()) : "";
    bool known = version == "v1";
    for (const auto& rv : kRemoved)
        if (version == rv.version) {
            known = true;
            r.diagnostics.push_back({api::Diagnostic::Severity::Warning, file, versionNode.mark(), "apiVersion",
                                     apiVersion + " KubeSchedulerConfiguration is deprecated in " + rv.deprecatedIn +
                                         "+, unavailable in " + rv.removedIn + "+; use " + kApiVersionV1 +
                                         " KubeSchedulerConfiguration (converted)"});
        }
    if (!known) {
        err(versionNode, "apiVersion",
            "no kind \"KubeSchedulerConfiguration\" is registered for version \"" + apiVersion + "\"");
        return r;
    }
    r.config.apiVersion = apiVersion;
    Reader reader(file, r.diagnostics, version);
    reader.top(doc, r.config);
    if (version == "v1beta1") convertV1beta1(r.config, file, r.diagnostics);
    applyDefaults(r.config);
    validateConfiguration(r.config, file, r.diagnostics);
    return r;
}

ParseResult parseConfigurationFile(const std::string& path) {
    api::ReadResult read = api::readYamlFile(path);
    ParseResult r;
    r.diagnostics = read.diagnostics;
    if (!read.ok()) return r;
    if (read.documents.size() != 1) {
        r.diagnostics.push_back({api::Diagnostic::Severity::Error, path, {}, "",
                                 "expected one KubeSchedulerConfiguration document, found " +
                                     std::to_string(read.documents.size())});
        return r;
    }
    ParseResult parsed = parseConfiguration(read.documents.front(), path);
    parsed.diagnostics.insert(parsed.diagnostics.begin(), r.diagnostics.begin(), r.diagnostics.end());
    return parsed;
}

}  // namespace ks::scheduler::config
