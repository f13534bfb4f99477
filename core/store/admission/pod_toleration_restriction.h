// PodTolerationRestriction: per-namespace default tolerations and a whitelist of the tolerations
// a namespace's pods may carry. Mirrors plugin/pkg/admission/podtolerationrestriction/admission.go
// (v1.31):
//  - pods only, not subresources; CREATE and UPDATE;
//  - admit, on create: the namespace annotation scheduler.alpha.kubernetes.io/defaultTolerations
//    (a JSON list of v1 tolerations; else the plugin configuration's default) is merged after the
//    pod's own tolerations; on create and update a pod that is not BestEffort also gets
//    node.kubernetes.io/memory-pressure:NoSchedule (Exists); the merge drops tolerations that
//    another one covers (pkg/util/tolerations);
//  - admit and validate: when the pod has tolerations they must each be covered by the
//    namespace's scheduler.alpha.kubernetes.io/tolerationsWhitelist (else the configuration's
//    whitelist): `pod tolerations (possibly merged with namespace default tolerations) conflict
//    with its namespace whitelist` ("cluster whitelist" when the configuration's is used).
// An annotation that is present but empty means "none" and overrides the configuration.
//
// Upstream leaves it off by default (it is not among the default-on plugins of
// pkg/kubeapiserver/options/plugins.go), so installDefaultPlugins() leaves it out too: a
// scenario adds it with newPlugin(kName) or enablePlugin().
//
// NOTE: upstream returns these errors as plain Go errors, which the API server turns into a
// 500 Status with reason Unknown; here they are Code::InternalError with the same message (no
// "Internal error occurred:" prefix). Namespaces that upstream's API server creates itself
// (default, kube-system, kube-public, kube-node-lease) count as existing without annotations
// when a scenario does not store them; other missing namespaces are NotFound, as upstream.
// JSON syntax errors in an annotation are reported in Go's words only for the common cases.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/store/admission.h"
#include "core/store/admission/tolerations.h"

namespace ks::store::admission {

inline constexpr const char* kNsDefaultTolerations = "scheduler.alpha.kubernetes.io/defaultTolerations";
inline constexpr const char* kNsTolerationsWhitelist = "scheduler.alpha.kubernetes.io/tolerationsWhitelist";

class PodTolerationRestriction : public AdmissionPlugin {
public:
    static constexpr const char* kName = "PodTolerationRestriction";

    // podtolerationrestriction.admission.k8s.io Configuration: cluster-wide fallbacks used when a
    // namespace has no annotation (nullopt: not configured).
    struct Configuration {
        std::optional<std::vector<tolerations::Toleration>> defaultTolerations;
        std::optional<std::vector<tolerations::Toleration>> whitelist;
    };

    PodTolerationRestriction() = default;
    explicit PodTolerationRestriction(Configuration config) : m_config(std::move(config)) {}

    std::string name() const override { return kName; }
    Status admit(AdmissionAttributes& attributes) override;
    Status validate(const AdmissionAttributes& attributes) override;

private:
    Configuration m_config;
};

// Reads one of the two annotations as extractNSTolerations does: nullopt when absent, an empty
// list when the value is empty, else the JSON list. On a JSON error returns nullopt and sets error
// to encoding/json's message.
std::optional<std::vector<tolerations::Toleration>> parseTolerationsAnnotation(const std::string& json,
                                                                               std::string& error);

}  // namespace ks::store::admission
