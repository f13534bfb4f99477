#include "core/scheduler/config/defaults.h"

#include <map>
#include <set>

#include "core/scheduler/framework/names.h"

namespace ks::scheduler::config {

namespace n = ks::scheduler::names;

bool PluginSet::disablesAll() const { return disables("*"); }

bool PluginSet::disables(const std::string& name) const {
    for (const auto& p : disabled)
        if (p.name == name) return true;
    return false;
}

const PluginConfig* Profile::config(const std::string& pluginName) const {
    for (const auto& c : pluginConfig)
        if (c.name == pluginName) return &c;
    return nullptr;
}

Plugins defaultPlugins() {
    Plugins p;
    p.multiPoint.enabled = {
        {n::kSchedulingGates, 0},
        {n::kPrioritySort, 0},
        {n::kNodeUnschedulable, 0},
        {n::kNodeName, 0},
        {n::kTaintToleration, 3},
        {n::kNodeAffinity, 2},
        {n::kNodePorts, 0},
        {n::kNodeResourcesFit, 1},
        {n::kVolumeRestrictions, 0},
        {n::kNodeVolumeLimits, 0},
        {n::kVolumeBinding, 0},
        {n::kVolumeZone, 0},
        {n::kPodTopologySpread, 2},
        {n::kInterPodAffinity, 2},
        {n::kDefaultPreemption, 0},
        {n::kNodeResourcesBalancedAllocation, 1},
        {n::kImageLocality, 1},
        {n::kDefaultBinder, 0},
    };
    return p;
}

namespace {

PluginSet mergePluginSet(const PluginSet& defaults, const PluginSet& custom) {
    PluginSet out;
    std::set<std::string> disabled;
    for (const auto& p : custom.disabled) {
        out.disabled.push_back({p.name, 0});
        disabled.insert(p.name);
    }
    for (const auto& p : defaults.disabled) {
        out.disabled.push_back({p.name, 0});
        disabled.insert(p.name);
    }
    std::map<std::string, std::size_t> customIndex;
    for (std::size_t i = 0; i < custom.enabled.size(); ++i) customIndex.emplace(custom.enabled[i].name, i);
    std::set<std::size_t> replaced;
    if (!disabled.count("*")) {
        for (const auto& d : defaults.enabled) {
            if (disabled.count(d.name)) continue;
            if (auto it = customIndex.find(d.name); it != customIndex.end()) {
                // A re-configured default keeps its place.
                out.enabled.push_back(custom.enabled[it->second]);
                replaced.insert(it->second);
            } else {
                out.enabled.push_back(d);
            }
        }
    }
    for (std::size_t i = 0; i < custom.enabled.size(); ++i)
        if (!replaced.count(i)) out.enabled.push_back(custom.enabled[i]);
    return out;
}

api::Value resourceList(std::initializer_list<const char*> names) {
    api::Value seq = api::Value::sequence();
    for (const char* name : names) {
        api::Value r = api::Value::mapping();
        r.set("name", api::Value::string(name));
        r.set("weight", api::Value::integer(1));
        seq.push(std::move(r));
    }
    return seq;
}

// Resources with weight 0 (or none) weigh 1, as SetDefaults_NodeResourcesFitArgs does.
void defaultWeights(api::Value& resources) {
    if (!resources.isSequence()) return;
    for (auto& r : resources.items()) {
        if (!r.isMapping()) continue;
        const api::Value* w = r.get("weight");
        if (!w || (w->toInt() && *w->toInt() == 0)) r.set("weight", api::Value::integer(1));
    }
}

void setIfAbsent(api::Value& m, const char* key, api::Value v) {
    if (!m.get(key) || m.get(key)->isNull()) m.set(key, std::move(v));
}

}  // namespace

Plugins mergePlugins(const Plugins& d, const Plugins& c) {
    Plugins out;
    out.preEnqueue = mergePluginSet(d.preEnqueue, c.preEnqueue);
    out.queueSort = mergePluginSet(d.queueSort, c.queueSort);
    out.preFilter = mergePluginSet(d.preFilter, c.preFilter);
    out.filter = mergePluginSet(d.filter, c.filter);
    out.postFilter = mergePluginSet(d.postFilter, c.postFilter);
    out.preScore = mergePluginSet(d.preScore, c.preScore);
    out.score = mergePluginSet(d.score, c.score);
    out.reserve = mergePluginSet(d.reserve, c.reserve);
    out.permit = mergePluginSet(d.permit, c.permit);
    out.preBind = mergePluginSet(d.preBind, c.preBind);
    out.bind = mergePluginSet(d.bind, c.bind);
    out.postBind = mergePluginSet(d.postBind, c.postBind);
    out.multiPoint = mergePluginSet(d.multiPoint, c.multiPoint);
    return out;
}

api::Value defaultArgs(const std::string& name, const api::Value& args) {
    api::Value a = args.isMapping() ? args : api::Value::mapping();
    if (name == n::kNodeResourcesFit) {
        if (!a.get("scoringStrategy") || !a.get("scoringStrategy")->isMapping()) {
            api::Value s = api::Value::mapping();
            s.set("type", api::Value::string("LeastAllocated"));
            a.set("scoringStrategy", std::move(s));
        }
        api::Value& s = a.child("scoringStrategy");
        setIfAbsent(s, "type", api::Value::string("LeastAllocated"));
        const api::Value* res = s.get("resources");
        if (!res || !res->isSequence() || res->items().empty()) s.set("resources", resourceList({"cpu", "memory"}));
        defaultWeights(*s.get("resources"));
    } else if (name == n::kNodeResourcesBalancedAllocation) {
        const api::Value* res = a.get("resources");
        if (!res || !res->isSequence() || res->items().empty()) a.set("resources", resourceList({"cpu", "memory"}));
        api::Value resources = *a.get("resources");
        defaultWeights(resources);
        a.set("resources", std::move(resources));
    } else if (name == n::kPodTopologySpread) {
        setIfAbsent(a, "defaultingType", api::Value::string("System"));
    } else if (name == n::kInterPodAffinity) {
        setIfAbsent(a, "hardPodAffinityWeight", api::Value::integer(1));
    } else if (name == n::kDefaultPreemption) {
        setIfAbsent(a, "minCandidateNodesPercentage", api::Value::integer(10));
        setIfAbsent(a, "minCandidateNodesAbsolute", api::Value::integer(100));
    } else if (name == n::kVolumeBinding) {
        setIfAbsent(a, "bindTimeoutSeconds", api::Value::integer(600));
    } else if (name == n::kNodeAffinity) {
        // NodeAffinityArgs has no defaults; the entry exists so the plugin sees its args.
    } else {
        return args;
    }
    return a;
}

namespace {

bool hasArgs(const std::string& name) {
    return name == n::kNodeResourcesFit || name == n::kNodeResourcesBalancedAllocation ||
           name == n::kPodTopologySpread || name == n::kInterPodAffinity || name == n::kDefaultPreemption ||
           name == n::kVolumeBinding || name == n::kNodeAffinity;
}

// Every plugin named in any extension point, in order of first mention (upstream pluginsNames
// collects them into a set; the order here only decides pluginConfig order).
std::vector<std::string> pluginNames(const Plugins& p) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const PluginSet* s : {&p.preEnqueue, &p.queueSort, &p.preFilter, &p.filter, &p.postFilter, &p.preScore,
                               &p.score, &p.reserve, &p.permit, &p.preBind, &p.bind, &p.postBind, &p.multiPoint})
        for (const auto& e : s->enabled)
            if (seen.insert(e.name).second) names.push_back(e.name);
    return names;
}

}  // namespace

void applyDefaults(KubeSchedulerConfiguration& config) {
    if (config.profiles.empty()) config.profiles.push_back(Profile{});
    // Only a single profile gets the default name; validation requires names otherwise.
    if (config.profiles.size() == 1 && config.profiles[0].schedulerName.empty())
        config.profiles[0].schedulerName = kDefaultSchedulerName;
    for (auto& prof : config.profiles) {
        prof.plugins = mergePlugins(defaultPlugins(), prof.plugins);
        std::set<std::string> existing;
        for (auto& pc : prof.pluginConfig) {
            existing.insert(pc.name);
            pc.args = defaultArgs(pc.name, pc.args);
        }
        for (const auto& name : pluginNames(prof.plugins)) {
            if (existing.count(name) || !hasArgs(name)) continue;
            prof.pluginConfig.push_back({name, defaultArgs(name, api::Value::null())});
        }
    }
}

KubeSchedulerConfiguration defaultConfiguration() {
    KubeSchedulerConfiguration c;
    applyDefaults(c);
    return c;
}

}  // namespace ks::scheduler::config
