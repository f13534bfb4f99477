#include "core/scheduler/config/convert.h"

namespace ks::scheduler::config {

namespace {

struct Rename {
    const char* oldName;
    const char* strategy;
};
constexpr Rename kRenames[] = {
    {"NodeResourcesLeastAllocated", "LeastAllocated"},
    {"NodeResourcesMostAllocated", "MostAllocated"},
    {"RequestedToCapacityRatio", "RequestedToCapacityRatio"},
};

const Rename* findRename(const std::string& name) {
    for (const auto& r : kRenames)
        if (name == r.oldName) return &r;
    return nullptr;
}

void warn(api::Diagnostics& out, const std::string& file, const std::string& path, const std::string& msg) {
    out.push_back({api::Diagnostic::Severity::Warning, file, {}, path, msg});
}

// Renames in one plugin set; returns the strategy of the first renamed plugin ("" if none).
std::string renameIn(std::vector<Plugin>& list, const std::string& path, const std::string& file,
                     api::Diagnostics& out) {
    std::string strategy;
    std::vector<Plugin> result;
    bool haveFit = false;
    for (const auto& p : list) haveFit |= p.name == "NodeResourcesFit";
    for (auto p : list) {
        if (const Rename* r = findRename(p.name)) {
            warn(out, file, path,
                 std::string("plugin ") + r->oldName + " was replaced by NodeResourcesFit with scoringStrategy type " +
                     r->strategy);
            if (strategy.empty()) strategy = r->strategy;
            if (haveFit) continue;  // already enabled: the entries merge
            p.name = "NodeResourcesFit";
            haveFit = true;
        }
        result.push_back(std::move(p));
    }
    list = std::move(result);
    return strategy;
}

}  // namespace

void convertV1beta1(KubeSchedulerConfiguration& config, const std::string& file, api::Diagnostics& out) {
    for (std::size_t i = 0; i < config.profiles.size(); ++i) {
        Profile& prof = config.profiles[i];
        const std::string path = "profiles[" + std::to_string(i) + "]";
        std::string strategy;
        for (auto* set : {&prof.plugins.score, &prof.plugins.preScore, &prof.plugins.filter, &prof.plugins.preFilter}) {
            std::string s = renameIn(set->enabled, path + ".plugins", file, out);
            if (strategy.empty()) strategy = s;
            renameIn(set->disabled, path + ".plugins", file, out);
        }
        // Args of the renamed plugins become NodeResourcesFit's scoringStrategy.
        std::vector<PluginConfig> kept;
        api::Value fitArgs = api::Value::mapping();
        bool haveFitArgs = false;
        api::Value scoring = api::Value::mapping();
        for (auto& pc : prof.pluginConfig) {
            if (pc.name == "NodeResourcesFit") {
                if (pc.args.isMapping()) fitArgs = pc.args;
                haveFitArgs = true;
                continue;
            }
            const Rename* r = findRename(pc.name);
            if (!r && pc.name != "NodeResourcesLeastAllocatedArgs") {
                kept.push_back(std::move(pc));
                continue;
            }
            warn(out, file, path + ".pluginConfig",
                 "args of " + pc.name + " moved to NodeResourcesFit scoringStrategy");
            scoring.set("type", api::Value::string(r ? r->strategy : "LeastAllocated"));
            if (pc.args.isMapping()) {
                if (const api::Value* res = pc.args.get("resources")) scoring.set("resources", *res);
                if (const api::Value* shape = pc.args.get("shape")) {
                    api::Value rtc = api::Value::mapping();
                    // v1beta1 shape scores are 0..10, as v1's.
                    rtc.set("shape", *shape);
                    scoring.set("requestedToCapacityRatio", std::move(rtc));
                }
            }
        }
        if (!strategy.empty() && !scoring.get("type")) scoring.set("type", api::Value::string(strategy));
        if (scoring.get("type")) {
            fitArgs.set("scoringStrategy", std::move(scoring));
            haveFitArgs = true;
        }
        if (haveFitArgs) kept.push_back({"NodeResourcesFit", std::move(fitArgs)});
        // v1beta1 PodTopologySpreadArgs with constraints and no defaultingType meant List.
        for (auto& pc : kept)
            if (pc.name == "PodTopologySpread" && pc.args.isMapping() && !pc.args.get("defaultingType")) {
                const api::Value* c = pc.args.get("defaultConstraints");
                if (c && c->isSequence() && !c->items().empty()) pc.args.set("defaultingType", api::Value::string("List"));
            }
        prof.pluginConfig = std::move(kept);
    }
}

}  // namespace ks::scheduler::config
