// PodTopologySpread: args, construction and the helpers shared by filtering and scoring.
// Mirrors podtopologyspread/plugin.go and common.go, plugins/helper/spread.go and
// apis/config/validation/validation_pluginargs.go (ValidatePodTopologySpreadArgs), v1.31.
#include "core/scheduler/plugins/pod_topology_spread/pod_topology_spread.h"

#include <algorithm>
#include <set>

#include "core/api/decode.h"
#include "core/api/names.h"

namespace ks::scheduler::plugins {

namespace {

// The system default constraints (upstream systemDefaultConstraints).
std::vector<api::TopologySpreadConstraint> systemDefaultConstraints() {
    api::TopologySpreadConstraint host;
    host.topologyKey = spread::kLabelHostname;
    host.whenUnsatisfiable = "ScheduleAnyway";
    host.maxSkew = 3;
    api::TopologySpreadConstraint zone;
    zone.topologyKey = spread::kLabelTopologyZone;
    zone.whenUnsatisfiable = "ScheduleAnyway";
    zone.maxSkew = 5;
    return {host, zone};
}

// field.ErrorList with upstream's rendering (k8s.io/apimachinery/pkg/util/validation/field).
class FieldErrors {
public:
    void invalid(const std::string& path, const std::string& renderedValue, const std::string& detail) {
        add(path + ": Invalid value: " + renderedValue + ": " + detail);
    }
    void required(const std::string& path, const std::string& detail) { add(path + ": Required value: " + detail); }
    void forbidden(const std::string& path, const std::string& detail) { add(path + ": Forbidden: " + detail); }
    void notSupported(const std::string& path, const std::string& value, const std::vector<std::string>& supported) {
        std::string list;
        for (const auto& s : supported) list += (list.empty() ? "" : ", ") + quote(s);
        add(path + ": Unsupported value: " + quote(value) + ": supported values: " + list);
    }
    void duplicate(const std::string& path, const std::string& value) {
        add(path + ": Duplicate value: " + quote(value));
    }
    void add(std::string message) { m_errors.push_back(std::move(message)); }
    bool empty() const { return m_errors.empty(); }
    // utilerrors.Aggregate.Error(): one message alone, several as "[a, b]".
    std::string aggregate() const {
        if (m_errors.size() == 1) return m_errors.front();
        std::string out = "[";
        for (std::size_t i = 0; i < m_errors.size(); ++i) out += (i ? ", " : "") + m_errors[i];
        return out + "]";
    }
    static std::string quote(const std::string& s) {
        std::string out = "\"";
        for (char c : s) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        return out + "\"";
    }

private:
    std::vector<std::string> m_errors;
};

bool decodeConstraint(const api::Value& v, const std::string& path, api::TopologySpreadConstraint& c,
                      bool& hasSelector, std::string& error) {
    if (!v.isMapping()) {
        error = path + ": expected an object";
        return false;
    }
    c.whenUnsatisfiable.clear();
    c.maxSkew = 0;
    for (const auto& f : v.fields()) {
        const api::Value& val = f.val;
        if (f.key == "maxSkew" || f.key == "minDomains") {
            auto n = val.toInt();
            if (!n) {
                error = path + "." + f.key + ": expected an integer";
                return false;
            }
            if (f.key == "maxSkew") c.maxSkew = static_cast<std::int32_t>(*n);
            else c.minDomains = static_cast<std::int32_t>(*n);
        } else if (f.key == "topologyKey") {
            c.topologyKey = val.text();
        } else if (f.key == "whenUnsatisfiable") {
            c.whenUnsatisfiable = val.text();
        } else if (f.key == "nodeAffinityPolicy") {
            c.nodeAffinityPolicy = val.text();
        } else if (f.key == "nodeTaintsPolicy") {
            c.nodeTaintsPolicy = val.text();
        } else if (f.key == "labelSelector") {
            hasSelector = !val.isNull();
        } else if (f.key == "matchLabelKeys") {
            for (const auto& item : val.items()) c.matchLabelKeys.push_back(item.text());
        }
    }
    return true;
}

}  // namespace

bool PodTopologySpreadArgs::parse(const api::Value* args, PodTopologySpreadArgs& out, std::string& error) {
    out = PodTopologySpreadArgs{};
    std::vector<bool> withSelector;
    if (args && !args->isNull()) {
        if (!args->isMapping()) {
            error = "want args to be of type PodTopologySpreadArgs";
            return false;
        }
        if (const api::Value* t = args->get("defaultingType"); t && !t->isNull() && !t->text().empty())
            out.defaultingType = t->text();
        if (const api::Value* list = args->get("defaultConstraints"); list && !list->isNull()) {
            for (std::size_t i = 0; i < list->items().size(); ++i) {
                api::TopologySpreadConstraint c;
                bool hasSelector = false;
                if (!decodeConstraint(list->items()[i], "defaultConstraints[" + std::to_string(i) + "]", c, hasSelector,
                                      error))
                    return false;
                out.defaultConstraints.push_back(std::move(c));
                withSelector.push_back(hasSelector);
            }
        }
    }

    FieldErrors errs;
    if (out.defaultingType != "System" && out.defaultingType != "List")
        errs.notSupported("defaultingType", out.defaultingType, {"System", "List"});
    else if (out.defaultingType == "System" && !out.defaultConstraints.empty())
        errs.invalid("defaultingType", FieldErrors::quote(out.defaultingType), "when .defaultConstraints are not empty");
    for (std::size_t i = 0; i < out.defaultConstraints.size(); ++i) {
        const auto& c = out.defaultConstraints[i];
        const std::string p = "defaultConstraints[" + std::to_string(i) + "]";
        if (c.maxSkew <= 0) errs.invalid(p + ".maxSkew", std::to_string(c.maxSkew), "not in valid range (0, inf)");
        if (c.topologyKey.empty()) {
            errs.required(p + ".topologyKey", "can not be empty");
        } else {
            for (const auto& msg : api::isQualifiedName(c.topologyKey))
                errs.invalid(p + ".topologyKey", FieldErrors::quote(c.topologyKey), msg);
        }
        if (c.whenUnsatisfiable.empty())
            errs.required(p + ".whenUnsatisfiable", "can not be empty");
        else if (c.whenUnsatisfiable != "DoNotSchedule" && c.whenUnsatisfiable != "ScheduleAnyway")
            errs.notSupported(p + ".whenUnsatisfiable", c.whenUnsatisfiable, {"DoNotSchedule", "ScheduleAnyway"});
        if (withSelector[i])
            errs.forbidden(p + ".labelSelector", "constraint must not define a selector, as they deduced for each pod");
        for (std::size_t j = 0; j < i; ++j) {
            const auto& other = out.defaultConstraints[j];
            if (other.topologyKey == c.topologyKey && other.whenUnsatisfiable == c.whenUnsatisfiable) {
                errs.duplicate(p, "{" + c.topologyKey + ", " + c.whenUnsatisfiable + "}");
                break;
            }
        }
    }
    if (!errs.empty()) {
        error = errs.aggregate();
        return false;
    }
    return true;
}

PodTopologySpread::PodTopologySpread(PodTopologySpreadArgs args, Handle& handle)
    : m_handle(handle), m_defaultConstraints(std::move(args.defaultConstraints)) {
    if (args.defaultingType == "System") {
        m_defaultConstraints = systemDefaultConstraints();
        m_systemDefaulted = true;
    }
}

std::unique_ptr<Plugin> newPodTopologySpread(const api::Value* args, Handle& handle, std::string& error) {
    PodTopologySpreadArgs parsed;
    if (!PodTopologySpreadArgs::parse(args, parsed, error)) return nullptr;
    return std::make_unique<PodTopologySpread>(std::move(parsed), handle);
}

std::vector<SpreadConstraint> PodTopologySpread::constraintsFor(const api::Pod& pod, const std::string& action) const {
    if (!pod.spec.topologySpreadConstraints.empty())
        return spread::filterConstraints(pod.spec.topologySpreadConstraints, pod.metadata.labels, action);
    // buildDefaultConstraints: the defaults with the selector of the pod's Services/controllers.
    auto constraints = spread::filterConstraints(m_defaultConstraints, pod.metadata.labels, action);
    if (constraints.empty()) return {};
    SpreadSelector selector = spread::defaultSelector(pod, m_handle.snapshot().objects());
    if (selector.empty()) return {};
    for (auto& c : constraints) c.selector = selector;
    return constraints;
}

namespace spread {

namespace {

// metav1.LabelSelectorAsSelector: nil matches nothing.
SpreadSelector asSelector(const std::optional<api::LabelSelector>& s) {
    SpreadSelector out;
    if (s) {
        out.nothing = false;
        out.selector = *s;
    }
    return out;
}

}  // namespace

std::vector<SpreadConstraint> filterConstraints(const std::vector<api::TopologySpreadConstraint>& constraints,
                                                const api::Labels& podLabels, const std::string& action) {
    std::vector<SpreadConstraint> result;
    for (const auto& c : constraints) {
        if (c.whenUnsatisfiable != action) continue;
        SpreadConstraint tsc;
        tsc.maxSkew = c.maxSkew;
        tsc.topologyKey = c.topologyKey;
        tsc.selector = asSelector(c.labelSelector);
        // matchLabelKeys: the pod's own values for those keys are ANDed into the selector
        // (mergeLabelSetWithSelector; a nil selector contributes no requirement).
        if (!c.matchLabelKeys.empty()) {
            api::LabelSelector merged;
            for (const auto& key : c.matchLabelKeys)
                if (auto it = podLabels.find(key); it != podLabels.end())
                    merged.matchExpressions.push_back({key, "In", {it->second}});
            if (!merged.matchExpressions.empty()) {
                if (!tsc.selector.nothing) {
                    for (const auto& [k, v] : tsc.selector.selector.matchLabels)
                        merged.matchExpressions.push_back({k, "In", {v}});
                    for (const auto& r : tsc.selector.selector.matchExpressions) merged.matchExpressions.push_back(r);
                }
                tsc.selector.nothing = false;
                tsc.selector.selector = std::move(merged);
            }
        }
        tsc.selector.compile();
        if (c.minDomains) tsc.minDomains = *c.minDomains;
        if (!c.nodeAffinityPolicy.empty()) tsc.honorNodeAffinity = c.nodeAffinityPolicy == "Honor";
        if (!c.nodeTaintsPolicy.empty()) tsc.honorNodeTaints = c.nodeTaintsPolicy == "Honor";
        result.push_back(std::move(tsc));
    }
    return result;
}

SpreadSelector defaultSelector(const api::Pod& pod, const ClusterObjects& objects) {
    // Services in the pod's namespace whose selector matches the pod: their selectors merged.
    api::Labels labelSet;
    const std::string prefix = pod.metadata.namespace_ + "/";
    for (auto it = objects.serviceSelectors.lower_bound(prefix);
         it != objects.serviceSelectors.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        const api::Labels& svc = it->second;
        bool match = true;
        for (const auto& [k, v] : svc) {
            auto l = pod.metadata.labels.find(k);
            if (l == pod.metadata.labels.end() || l->second != v) {
                match = false;
                break;
            }
        }
        if (!match) continue;
        for (const auto& [k, v] : svc) labelSet[k] = v;
    }
    SpreadSelector out;
    out.nothing = false;
    out.selector.matchLabels = labelSet;

    // The controlling owner, if it is a ReplicationController, ReplicaSet or StatefulSet.
    const api::OwnerReference* owner = nullptr;
    for (const auto& ref : pod.metadata.ownerReferences)
        if (ref.controller) {
            owner = &ref;
            break;
        }
    if (!owner) {
        out.compile();
        return out;
    }
    std::string kind;
    if (owner->apiVersion == "v1" && owner->kind == "ReplicationController") kind = "ReplicationController";
    else if (owner->apiVersion == "apps/v1" && (owner->kind == "ReplicaSet" || owner->kind == "StatefulSet"))
        kind = owner->kind;
    auto it = kind.empty() ? objects.controllerSelectors.end()
                           : objects.controllerSelectors.find(kind + "/" + pod.metadata.namespace_ + "/" + owner->name);
    if (it == objects.controllerSelectors.end()) {
        out.compile();
        return out;
    }
    const api::LabelSelector& ctrl = it->second;
    if (kind == "ReplicationController") {
        // labels.Merge: the controller's map overrides same keys, then AsSelector().
        for (const auto& [k, v] : ctrl.matchLabels) out.selector.matchLabels[k] = v;
    } else {
        // selector.Add(requirements...): every requirement ANDed, same keys included.
        for (const auto& [k, v] : ctrl.matchLabels) out.selector.matchExpressions.push_back({k, "In", {v}});
        for (const auto& r : ctrl.matchExpressions) out.selector.matchExpressions.push_back(r);
    }
    out.compile();
    return out;
}

bool recordSelectorSource(ClusterObjects& objects, const api::Value& object) {
    const std::string kind = object.str("kind");
    const api::Value* meta = object.get("metadata");
    if (!meta) return false;
    std::string ns = meta->str("namespace");
    if (ns.empty()) ns = "default";
    const std::string key = ns + "/" + meta->str("name");
    const api::Value* selector = object.at("spec.selector");
    auto labelMap = [](const api::Value* v) {
        api::Labels out;
        if (v && v->isMapping())
            for (const auto& f : v->fields()) out[f.key] = f.val.text();
        return out;
    };
    if (kind == "Service") {
        // A Service without a selector selects nothing (and contributes nothing).
        if (!selector || !selector->isMapping()) return false;
        objects.serviceSelectors[key] = labelMap(selector);
        return true;
    }
    if (kind == "ReplicationController") {
        // The API server defaults a missing selector to the template's labels.
        api::LabelSelector s;
        s.matchLabels = labelMap(selector && selector->isMapping() ? selector : object.at("spec.template.metadata.labels"));
        objects.controllerSelectors["ReplicationController/" + key] = s;
        return true;
    }
    if (kind == "ReplicaSet" || kind == "StatefulSet") {
        objects.controllerSelectors[kind + "/" + key] =
            selector && selector->isMapping() ? api::decodeLabelSelector(*selector) : api::LabelSelector{};
        return true;
    }
    return false;
}

bool nodeLabelsMatchConstraints(const api::Labels& nodeLabels, const std::vector<SpreadConstraint>& constraints) {
    for (const auto& c : constraints)
        if (!nodeLabels.count(c.topologyKey)) return false;
    return true;
}

bool matchesRequiredNodeAffinity(const api::Pod& pod, const api::Node& node) {
    const api::Labels& labels = node.metadata.labels;
    for (const auto& [k, v] : pod.spec.nodeSelector) {
        auto it = labels.find(k);
        if (it == labels.end() || it->second != v) return false;
    }
    if (pod.spec.affinity && pod.spec.affinity->nodeAffinity && pod.spec.affinity->nodeAffinity->required)
        return pod.spec.affinity->nodeAffinity->required->matches(labels, node.metadata.name);
    return true;
}

namespace {

bool matchNodeTaintsPolicy(const SpreadConstraint& c, const api::Pod& pod, const api::Node& node) {
    if (c.honorNodeTaints) {
        // FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc.
        for (const auto& taint : node.spec.taints) {
            if (taint.effect != "NoSchedule" && taint.effect != "NoExecute") continue;
            bool tolerated = false;
            for (const auto& t : pod.spec.tolerations)
                if (t.tolerates(taint)) {
                    tolerated = true;
                    break;
                }
            if (!tolerated) return false;
        }
    }
    return true;
}

}  // namespace

bool matchNodeInclusionPolicies(const SpreadConstraint& c, const api::Pod& pod, const api::Node& node) {
    if (c.honorNodeAffinity && !matchesRequiredNodeAffinity(pod, node)) return false;
    return matchNodeTaintsPolicy(c, pod, node);
}

bool matchNodeInclusionPolicies(const SpreadConstraint& c, const api::Pod& pod, const api::Node& node,
                                const helper::CompiledRequiredNodeAffinity& required) {
    if (c.honorNodeAffinity && !required.matches(node)) return false;
    return matchNodeTaintsPolicy(c, pod, node);
}

int countPodsMatchSelector(const NodeInfo& node, const SpreadSelector& selector, const std::string& ns) {
    if (selector.nothing) return 0;
    int count = 0;
    for (const auto& p : node.pods()) {
        const api::Pod& pod = *p->pod;
        // Terminating pods are bypassed (upstream #87621).
        if (pod.metadata.deletionTimestamp || pod.metadata.namespace_ != ns) continue;
        if (selector.matches(pod.metadata.labels)) ++count;
    }
    return count;
}

int MatchCounts::Table::count(std::size_t slot, const NodeInfo& node, const SpreadSelector& selector,
                              const std::string& ns) {
    if (slot >= m_slots.size()) m_slots.resize(slot + 1, {0, 0});
    auto& entry = m_slots[slot];
    if (entry.first != node.generation()) entry = {node.generation(), countPodsMatchSelector(node, selector, ns)};
    return entry.second;
}

std::shared_ptr<MatchCounts::Table> MatchCounts::table(const SpreadSelector& selector, const std::string& ns) {
    std::string key = ns;
    key += '\0';
    key += selector.compiled ? selector.cacheKey : selector.selector.toString();
    ++m_clock;
    for (auto& e : m_entries)
        if (e.key == key) {
            e.lastUse = m_clock;
            return e.table;
        }
    constexpr std::size_t kMaxTables = 128;
    if (m_entries.size() >= kMaxTables) {
        auto oldest = std::min_element(m_entries.begin(), m_entries.end(),
                                       [](const Entry& a, const Entry& b) { return a.lastUse < b.lastUse; });
        m_entries.erase(oldest);
    }
    m_entries.push_back({std::move(key), std::make_shared<Table>(), m_clock});
    return m_entries.back().table;
}

}  // namespace spread

}  // namespace ks::scheduler::plugins
