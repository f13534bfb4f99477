#include "core/lesson/lesson.h"

#include <algorithm>

#include "core/api/kinds.h"
#include "core/api/names.h"

namespace ks::lesson {

std::string ObjectRef::str() const {
    std::string s = kind + "/";
    if (!namespace_.empty()) s += namespace_ + "/";
    return s + name;
}

const std::vector<std::string>& spotlightElements() {
    // The GUI's named elements (app/gui draws the spotlight on the element with this name).
    static const std::vector<std::string> kElements = {
        "cluster",                   // the canvas with the node cards
        "control-plane.apiserver",   // kube-apiserver + etcd
        "control-plane.scheduler",   // kube-scheduler
        "control-plane.controller-manager",
        "scheduler.queue",           // activeQ / backoffQ / unschedulable
        "scheduler.filter-table",    // Filter verdicts per node (course figures 1, 2)
        "scheduler.score-table",     // Score per plugin and node (course figures 3-5)
        "scheduler.profiles",        // the profiles (schedulerName) of the running scheduler
        "queue",                     // the same as scheduler.queue, in the player bar
        "inspector",                 // the inspector panel
        "inspector.labels",
        "inspector.taints",
        "inspector.tolerations",
        "inspector.resources",       // requests, limits, allocatable
        "inspector.affinity",
        "inspector.yaml",            // the YAML editor
        "events",                    // the Events list
        "timeline",                  // the trace
        "console",                   // the kubectl console
        "lease",                     // the kube-scheduler Lease (holder, renew time)
        "player",                    // play / step / speed
    };
    return kElements;
}

bool isSpotlightName(std::string_view name) {
    for (const auto& e : spotlightElements())
        if (name == e) return true;
    auto argumentOf = [&](std::string_view prefix) -> std::optional<std::string_view> {
        if (name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix) return name.substr(prefix.size());
        return std::nullopt;
    };
    if (auto node = argumentOf("node-card:")) return api::isDNS1123Subdomain(std::string(*node)).empty();
    if (auto pod = argumentOf("pod-card:")) {
        std::string_view p = *pod;
        auto slash = p.find('/');
        if (slash == std::string_view::npos) return api::isDNS1123Subdomain(std::string(p)).empty();
        return api::isDNS1123Label(std::string(p.substr(0, slash))).empty() &&
               api::isDNS1123Subdomain(std::string(p.substr(slash + 1))).empty();
    }
    return false;
}

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    return out;
}

bool checkName(std::string_view name, bool label, std::string& error) {
    auto problems = label ? api::isDNS1123Label(std::string(name)) : api::isDNS1123Subdomain(std::string(name));
    if (problems.empty()) return true;
    error = "invalid name \"" + std::string(name) + "\": " + problems.front();
    return false;
}

}  // namespace

bool parseObjectRef(std::string_view text, ObjectRef& out, std::string& error) {
    auto parts = split(text, '/');
    if (parts.size() < 2 || parts.size() > 3) {
        error = "expected Kind/name or Kind/namespace/name, got \"" + std::string(text) + "\"";
        return false;
    }
    ObjectRef ref;
    ref.kind = std::string(parts[0]);
    const api::KindInfo* info = api::findKind(ref.kind);
    if (!info) {
        error = "unknown kind \"" + ref.kind + "\"";
        return false;
    }
    if (parts.size() == 3) {
        if (!info->namespaced) {
            error = ref.kind + " is not namespaced: write " + ref.kind + "/NAME";
            return false;
        }
        ref.namespace_ = std::string(parts[1]);
        if (!checkName(ref.namespace_, true, error)) return false;
    } else if (info->namespaced) {
        ref.namespace_ = "default";
    }
    ref.name = std::string(parts.back());
    if (!checkName(ref.name, false, error)) return false;
    out = ref;
    return true;
}

bool parsePodRef(std::string_view text, ObjectRef& out, std::string& error) {
    return parseObjectRef("Pod/" + std::string(text), out, error);
}

bool parseTaintChange(std::string_view text, Action::TaintChange& out, std::string& error) {
    Action::TaintChange t;
    std::string_view s = text;
    if (!s.empty() && s.back() == '-') {
        t.remove = true;
        s.remove_suffix(1);
    }
    std::string_view keyValue = s;
    if (auto colon = s.find(':'); colon != std::string_view::npos) {
        keyValue = s.substr(0, colon);
        t.effect = std::string(s.substr(colon + 1));
    } else if (!t.remove) {
        // kubectl taint: "invalid taint spec: %v, %s"
        error = "invalid taint spec: " + std::string(text) + ", a taint to add needs an effect (key=value:Effect)";
        return false;
    }
    if (auto eq = keyValue.find('='); eq != std::string_view::npos) {
        t.key = std::string(keyValue.substr(0, eq));
        t.value = std::string(keyValue.substr(eq + 1));
    } else {
        t.key = std::string(keyValue);
    }
    if (auto problems = api::isQualifiedName(t.key); !problems.empty()) {
        error = "invalid taint key \"" + t.key + "\": " + problems.front();
        return false;
    }
    if (!t.value.empty())
        if (auto problems = api::isValidLabelValue(t.value); !problems.empty()) {
            error = "invalid taint value \"" + t.value + "\": " + problems.front();
            return false;
        }
    static const std::vector<std::string> kEffects = {"NoSchedule", "PreferNoSchedule", "NoExecute"};
    if (!t.effect.empty() && std::find(kEffects.begin(), kEffects.end(), t.effect) == kEffects.end()) {
        // kubectl: "invalid taint effect: %v, unsupported taint effect"
        error = "invalid taint effect: " + t.effect + ", unsupported taint effect";
        return false;
    }
    out = t;
    return true;
}

bool parseLabelChange(std::string_view text, Action::LabelChange& out, std::string& error) {
    Action::LabelChange l;
    auto eq = text.find('=');
    if (eq == std::string_view::npos) {
        if (text.empty() || text.back() != '-') {
            error = "invalid label spec: \"" + std::string(text) + "\" (key=value adds, key- removes)";
            return false;
        }
        l.remove = true;
        l.key = std::string(text.substr(0, text.size() - 1));
    } else {
        l.key = std::string(text.substr(0, eq));
        l.value = std::string(text.substr(eq + 1));
        if (auto problems = api::isValidLabelValue(l.value); !problems.empty()) {
            error = "invalid label value \"" + l.value + "\": " + problems.front();
            return false;
        }
    }
    if (auto problems = api::isQualifiedName(l.key); !problems.empty()) {
        error = "invalid label key \"" + l.key + "\": " + problems.front();
        return false;
    }
    out = l;
    return true;
}

}  // namespace ks::lesson
