// The API kinds KubeStage knows: group/version, scope, and version history.
// Built-in kinds are looked up by (apiVersion, kind); unknown groups are CRDs, kept as generic
// objects. Versions that upstream served once and removed load with a warning.
//
// Mirrors what a v1.31 kube-apiserver serves (`kubectl api-resources`), the release history in
// upstream's deprecation guide (website: docs/reference/using-api/deprecation-guide.md) and the
// k8s.io/api */zz_generated.prerelease-lifecycle.go files (deprecated/removed releases).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ks::api {

struct KindInfo {
    std::string kind;                       // "Pod"
    std::string group;                      // "" for core, "apps", "batch", ...
    std::string preferredVersion;           // "v1"
    std::vector<std::string> versions;      // all versions served in v1.31, preferred first
    bool namespaced = true;
    bool simulated = true;                  // false: stored and listed only
    std::string resource;                   // plural lower-case name for kubectl: "pods"
    std::vector<std::string> shortNames;    // "po"
    // A configuration file kind (KubeSchedulerConfiguration): read from a file by a component,
    // never stored in the API server.
    bool configOnly = false;

    // "apps/v1", or "v1" for the core group.
    std::string apiVersion() const;
};

// A version of a kind that upstream removed: loads with a warning naming the release.
struct RemovedVersion {
    std::string apiVersion;   // "batch/v1beta1"
    std::string kind;         // "CronJob"
    std::string removedIn;    // "v1.25"
    std::string replacement;  // "batch/v1"; empty when the kind has no replacement (PodSecurityPolicy)
    std::string deprecatedIn; // "v1.21"
};

enum class VersionCheck {
    Served,        // built-in kind in a served version
    Removed,       // built-in kind in a removed version (warning)
    InvalidVersion,// built-in kind, version that never existed for it (error)
    Unknown,       // group not built in (CRD): generic object
    UnknownKind,   // a built-in group whose kinds are all known, and no such kind (error)
};

struct VersionVerdict {
    VersionCheck check = VersionCheck::Unknown;
    const KindInfo* info = nullptr;          // set for Served and InvalidVersion; for Removed when the kind still exists
    const RemovedVersion* removed = nullptr; // set for Removed
    // Text to print after the field path "apiVersion": upstream's deprecation warning for
    // Removed ("batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1
    // CronJob"), kubectl's "no matches for kind" with the valid versions for InvalidVersion and
    // UnknownKind; empty otherwise.
    std::string message;
};

const std::vector<KindInfo>& builtinKinds();
const std::vector<RemovedVersion>& removedVersions();
const KindInfo* findKind(const std::string& kind);                 // by kind name (core group first)
const KindInfo* findKind(const std::string& group, const std::string& kind);
const KindInfo* findKindByResource(const std::string& nameOrShort);// "po", "pods", "pod", "nodes", "deployments.apps"
VersionVerdict checkApiVersion(const std::string& apiVersion, const std::string& kind);

// "apps/v1" -> ("apps", "v1"); "v1" -> ("", "v1").
std::pair<std::string, std::string> splitApiVersion(const std::string& apiVersion);

}  // namespace ks::api
