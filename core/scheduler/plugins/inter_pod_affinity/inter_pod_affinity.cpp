// InterPodAffinity: args, construction, namespace handling.
// Mirrors interpodaffinity/plugin.go and apis/config/validation/validation_pluginargs.go
// (ValidateInterPodAffinityArgs), v1.31.
#include "core/scheduler/plugins/inter_pod_affinity/inter_pod_affinity.h"

namespace ks::scheduler::plugins {

bool InterPodAffinityArgs::parse(const api::Value* args, InterPodAffinityArgs& out, std::string& error) {
    out = InterPodAffinityArgs{};
    if (args && !args->isNull()) {
        if (!args->isMapping()) {
            error = "want args to be of type InterPodAffinityArgs";
            return false;
        }
        if (const api::Value* w = args->get("hardPodAffinityWeight"); w && !w->isNull()) {
            auto n = w->toInt();
            if (!n) {
                error = "hardPodAffinityWeight: expected an integer";
                return false;
            }
            out.hardPodAffinityWeight = static_cast<std::int32_t>(*n);
        }
        if (const api::Value* b = args->get("ignorePreferredTermsOfExistingPods"); b && !b->isNull()) {
            auto v = b->toBool();
            if (!v) {
                error = "ignorePreferredTermsOfExistingPods: expected a boolean";
                return false;
            }
            out.ignorePreferredTermsOfExistingPods = *v;
        }
    }
    if (out.hardPodAffinityWeight < 0 || out.hardPodAffinityWeight > 100) {
        error = "hardPodAffinityWeight: Invalid value: " + std::to_string(out.hardPodAffinityWeight) +
                ": not in valid range [0, 100]";
        return false;
    }
    return true;
}

InterPodAffinity::InterPodAffinity(InterPodAffinityArgs args, Handle& handle) : m_handle(handle), m_args(args) {}

std::unique_ptr<Plugin> newInterPodAffinity(const api::Value* args, Handle& handle, std::string& error) {
    InterPodAffinityArgs parsed;
    if (!InterPodAffinityArgs::parse(args, parsed, error)) return nullptr;
    return std::make_unique<InterPodAffinity>(parsed, handle);
}

CompiledAffinityTerm::CompiledAffinityTerm(AffinityTerm t, std::int32_t w)
    : term(std::move(t)), selector(term.selector), namespaceSelector(term.namespaceSelector), weight(w) {}

bool CompiledAffinityTerm::matches(const api::Pod& pod, const api::Labels& nsLabels) const {
    if (term.namespaces.count(pod.metadata.namespace_) || namespaceSelector.matches(nsLabels))
        return selector.matches(pod.metadata.labels);
    return false;
}

namespace ipa {

std::string podSignature(const api::Pod& pod, const api::Labels& nsLabels) {
    std::string key = pod.metadata.namespace_;
    for (const auto* labels : {&pod.metadata.labels, &nsLabels}) {
        key += '\x01';
        for (const auto& [k, v] : *labels) {
            key += k;
            key += '\x02';
            key += v;
            key += '\x03';
        }
    }
    return key;
}

std::string termSignature(const CompiledAffinityTerm& t) {
    std::string key = t.term.topologyKey;
    key += '\x01';
    for (const auto& ns : t.term.namespaces) {
        key += ns;
        key += '\x02';
    }
    key += '\x01';
    key += t.term.selector ? t.term.selector->toString() : std::string("\x04nil");
    key += '\x01';
    key += t.term.namespaceSelector ? t.term.namespaceSelector->toString() : std::string("\x04nil");
    key += '\x01';
    key += std::to_string(t.weight);
    key += '\x03';
    return key;
}

}  // namespace ipa

AffinityTerm InterPodAffinity::mergeTermNamespaces(const AffinityTerm& term) const {
    // A missing or empty namespaceSelector stays as it is (upstream: NamespaceSelector.Empty()).
    if (!term.namespaceSelector || term.namespaceSelector->empty()) return term;
    AffinityTerm merged = term;
    for (const auto& [name, ns] : m_handle.snapshot().objects().namespaces)
        if (term.namespaceSelector->matches(ns.metadata.labels)) merged.namespaces.insert(name);
    merged.namespaceSelector.reset();  // labels.Nothing()
    return merged;
}

api::Labels InterPodAffinity::namespaceLabels(const std::string& ns) const {
    const api::Labels* labels = m_handle.snapshot().objects().namespaceLabels(ns);
    return labels ? *labels : api::Labels{};
}

}  // namespace ks::scheduler::plugins
