// kubectl drain (k8s.io/kubectl/pkg/cmd/drain/drain.go and pkg/drain/{drain,filters}.go, v1.31):
// cordon, pick the node's pods through the same filters (DaemonSet, mirror, local storage,
// unreplicated) with the same fatal and warning words, then remove them.
// NOTE: the simulated API server has no pods/eviction subresource yet, so an eviction is a
// delete with the pod's grace period; PodDisruptionBudgets are not consulted.
#include <algorithm>

#include "core/api/decode.h"
#include "core/kubectl/kubectl_internal.h"

namespace ks::kubectl::detail {

namespace {

const std::vector<FlagSpec> kDrainFlags = {
    {"force", 0, true},         {"ignore-daemonsets", 0, true}, {"delete-emptydir-data", 0, true},
    {"delete-local-data", 0, true}, {"grace-period", 0, false},  {"timeout", 0, false},
    {"disable-eviction", 0, true},  {"selector", 'l', false},    {"pod-selector", 0, false},
    {"dry-run", 0, false}};

constexpr const char* kDaemonSetFatal = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
constexpr const char* kDaemonSetWarning = "ignoring DaemonSet-managed Pods";
constexpr const char* kLocalStorageFatal = "Pods with local storage (use --delete-emptydir-data to override)";
constexpr const char* kLocalStorageWarning = "deleting Pods with local storage";
constexpr const char* kUnmanagedFatal = "cannot delete Pods that declare no controller (use --force to override)";
constexpr const char* kUnmanagedWarning = "deleting Pods that declare no controller";

enum class Verdict { Okay, Skip, Warning, Error };

struct PodDelete {
    api::Pod pod;
    bool remove = true;
    Verdict verdict = Verdict::Okay;
    std::string message;
};

// Messages grouped in order of first appearance ("msg: ns/a, ns/b").
std::vector<std::pair<std::string, std::vector<std::string>>> grouped(const std::vector<PodDelete>& list, Verdict v) {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const auto& p : list) {
        if (p.verdict != v) continue;
        std::string msg = p.message.empty() ? "unexpected error" : p.message;
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == msg; });
        if (it == out.end()) {
            out.push_back({msg, {}});
            it = out.end() - 1;
        }
        it->second.push_back(p.pod.metadata.namespace_ + "/" + p.pod.metadata.name);
    }
    return out;
}

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
    return s;
}

}  // namespace

int runDrain(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kDrainFlags)) return inv.result.exitCode;
    if (inv.positionals.empty() && !inv.has("selector")) {
        inv.err("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n");
        inv.result.exitCode = 1;
        return 1;
    }
    if (inv.boolFlag("delete-local-data"))
        inv.err("Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use "
                "--delete-emptydir-data.\n");
    bool force = inv.boolFlag("force");
    bool ignoreDaemonSets = inv.boolFlag("ignore-daemonsets");
    bool deleteEmptyDir = inv.boolFlag("delete-emptydir-data") || inv.boolFlag("delete-local-data");
    bool disableEviction = inv.boolFlag("disable-eviction");
    store::DeleteOptions deleteOptions;
    if (inv.has("grace-period")) {
        try {
            long long g = std::stoll(inv.value("grace-period"));
            if (g >= 0) deleteOptions.gracePeriodSeconds = g;
        } catch (...) {
            return inv.fail("invalid argument \"" + inv.value("grace-period") + "\" for \"--grace-period\" flag");
        }
    }
    std::optional<api::LabelSelector> podSelector;
    if (inv.has("pod-selector")) {
        std::string error;
        podSelector = api::parseSelector(inv.value("pod-selector"), &error);
        if (!podSelector) return inv.fail("invalid label selector: " + error);
    }

    std::vector<std::string> nodes;
    if (!selectedNodeNames(inv, nodes)) return inv.result.exitCode;
    // RunCordonOrUncordon(true) first: a node that does not exist stops the command.
    std::vector<std::string> cordoned;
    for (const auto& n : nodes) {
        if (!inv.store.find({"Node", "", n})) {
            inv.failStatus(inv.store.get({"Node", "", n}).status);
            return inv.result.exitCode;
        }
    }
    for (const auto& n : nodes)
        if (cordonNode(inv, n, true)) cordoned.push_back(n);

    std::vector<std::string> remaining;
    std::vector<std::string> fatal;
    for (const auto& node : cordoned) {
        // Helper.GetPodsForDeletion.
        store::ListOptions o;
        o.fieldSelector = "spec.nodeName=" + node;
        if (podSelector) o.labelSelector = *podSelector;
        std::vector<PodDelete> list;
        for (const auto& obj : inv.store.list("Pod", o)) {
            PodDelete d;
            d.pod = api::decodePod(*obj);
            const api::Pod& pod = d.pod;
            bool finished = pod.status.phase == "Succeeded" || pod.status.phase == "Failed";
            const api::OwnerReference* controller = nullptr;
            for (const auto& r : pod.metadata.ownerReferences)
                if (r.controller) controller = &r;
            auto set = [&](bool remove, Verdict v, std::string message) {
                d.remove = remove;
                d.verdict = v;
                d.message = std::move(message);
            };
            // Helper.makeFilters: each filter's status replaces the one before, and the first that
            // keeps the pod ends the chain (so a later Okay drops an earlier warning, as upstream).
            // daemonSetFilter
            if (!controller || controller->kind != "DaemonSet" || finished) {
                set(true, Verdict::Okay, "");
            } else if (!inv.store.find({"DaemonSet", pod.metadata.namespace_, controller->name})) {
                std::string err = "daemonsets.apps \"" + controller->name + "\" not found";
                if (force) set(true, Verdict::Warning, err);
                else set(false, Verdict::Error, err);
            } else if (!ignoreDaemonSets) {
                set(false, Verdict::Error, kDaemonSetFatal);
            } else {
                set(false, Verdict::Warning, kDaemonSetWarning);
            }
            // mirrorPodFilter
            if (d.remove) {
                if (pod.metadata.annotations.count("kubernetes.io/config.mirror")) set(false, Verdict::Skip, "");
                else set(true, Verdict::Okay, "");
            }
            // localStorageFilter
            if (d.remove) {
                bool local = std::any_of(pod.spec.volumes.begin(), pod.spec.volumes.end(),
                                         [](const api::Volume& v) { return v.source == api::Volume::Source::EmptyDir; });
                if (!local || finished) set(true, Verdict::Okay, "");
                else if (!deleteEmptyDir) set(false, Verdict::Error, kLocalStorageFatal);
                else set(true, Verdict::Warning, kLocalStorageWarning);
            }
            // unreplicatedFilter
            if (d.remove) {
                if (finished || controller) set(true, Verdict::Okay, "");
                else if (force) set(true, Verdict::Warning, kUnmanagedWarning);
                else set(false, Verdict::Error, kUnmanagedFatal);
            }
            list.push_back(std::move(d));
        }
        std::vector<std::string> errors;
        for (const auto& [msg, pods] : grouped(list, Verdict::Error)) {
            std::string m = msg;
            std::string lowered = m;
            for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            errors.push_back((lowered.rfind("cannot delete", 0) == 0 ? "" : "cannot delete ") + m + ": " +
                             joined(pods, ", "));
        }
        if (!errors.empty()) {
            std::string text = errors.size() == 1 ? errors[0] : "[" + joined(errors, ", ") + "]";
            inv.err("error: unable to drain node \"" + node + "\" due to error: " + text + ", continuing command...\n");
            fatal.insert(fatal.end(), errors.begin(), errors.end());
            remaining.push_back(node);
            continue;
        }
        std::vector<std::string> warnings;
        for (const auto& [msg, pods] : grouped(list, Verdict::Warning)) warnings.push_back(msg + ": " + joined(pods, ", "));
        if (!warnings.empty()) inv.err("Warning: " + joined(warnings, "; ") + "\n");
        std::vector<const api::Pod*> victims;
        for (const auto& d : list)
            if (d.remove) victims.push_back(&d.pod);
        if (!disableEviction)
            for (const auto* p : victims) inv.out("evicting pod " + p->metadata.namespace_ + "/" + p->metadata.name + "\n");
        for (const auto* p : victims) {
            auto result = inv.store.remove({"Pod", p->metadata.namespace_, p->metadata.name}, deleteOptions);
            if (!result.ok() && result.status.code != store::Code::NotFound) {
                inv.err("error when " + std::string(disableEviction ? "deleting" : "evicting") + " pods/\"" +
                        p->metadata.name + "\" -n \"" + p->metadata.namespace_ + "\": " + result.status.message + "\n");
                inv.result.exitCode = 1;
                continue;
            }
            inv.result.mutated = true;
            inv.out("pod/" + p->metadata.name + (disableEviction ? " deleted" : " evicted") + "\n");
        }
        inv.out("node/" + node + " drained\n");
    }
    if (!remaining.empty()) {
        inv.err("There are pending nodes to be drained:\n");
        for (const auto& n : remaining) inv.err(" " + n + "\n");
        for (const auto& f : fatal) inv.err(f + "\n");
        inv.result.exitCode = 1;
    }
    return inv.result.exitCode;
}

}  // namespace ks::kubectl::detail
