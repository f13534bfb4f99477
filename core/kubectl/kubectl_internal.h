// Shared pieces of the kubectl commands: pflag-style flag parsing with cobra's error words,
// resource arguments (TYPE NAME... and TYPE/NAME), and kubectl's ways of naming objects.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/api/kinds.h"
#include "core/kubectl/kubectl.h"
#include "core/store/api_store.h"

namespace ks::kubectl::detail {

struct FlagSpec {
    std::string name;     // "output"
    char shorthand = 0;   // 'o'
    bool isBool = false;  // takes no value (--force, --force=true)
};

// One running command: its parsed flags and what it prints.
struct Invocation {
    store::ApiStore& store;
    const KubectlOptions& options;
    std::string command;  // "get"
    std::map<std::string, std::vector<std::string>> flags;
    std::vector<std::string> positionals;
    CommandResult result;

    bool has(const std::string& flag) const { return flags.count(flag) != 0; }
    std::string value(const std::string& flag, const std::string& fallback = {}) const;
    std::vector<std::string> values(const std::string& flag) const;
    bool boolFlag(const std::string& flag) const;  // --x, --x=true
    // -n, or the default namespace.
    std::string namespace_() const;

    void out(const std::string& text) { result.out += text; }
    void err(const std::string& text) { result.err += text; }
    // Writes "error: <message>\n" and sets exit code 1; returns 1.
    int fail(const std::string& message);
    // A Status from the store as kubectl prints it: "Error from server (NotFound): ...".
    int failStatus(const store::Status& status);
};

// Parses args against specs (plus the global flags every command takes); on error writes cobra's
// message ("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.") and returns false.
bool parseFlags(Invocation& inv, const std::vector<std::string>& args, const std::vector<FlagSpec>& specs);

struct Target {
    const api::KindInfo* kind = nullptr;
    std::string name;  // empty: every object of the kind
};

// metadata.name, "" when absent.
std::string nameOf(const api::Value& object);

// The nodes a cordon, uncordon or drain names: the positional names, then the nodes matching
// -l/--selector. Writes the error and returns false for a selector that does not parse.
bool selectedNodeNames(Invocation& inv, std::vector<std::string>& names);

// Resolves TYPE NAME... / TYPE/NAME... (the forms kubectl's resource builder takes). Writes the
// error and returns false for an unknown type or a mix kubectl refuses.
bool resolveTargets(Invocation& inv, const std::vector<std::string>& args, std::vector<Target>& targets,
                    bool allowAllOfKind);

// "pod/web", "deployment.apps/web", "node/node-1": how kubectl names an object in "x labeled".
std::string qualifiedName(const api::KindInfo& kind, const std::string& name);
// "pods", "deployments.apps": the resource in API error messages.
std::string qualifiedResource(const api::KindInfo& kind);
store::ObjectKey keyOf(const Invocation& inv, const api::KindInfo& kind, const std::string& name);

// Go's time.RFC1123Z layout in UTC: "Thu, 01 Jan 2026 00:00:12 +0000".
std::string formatRfc1123z(api::Time t);

// The commands.
int runGet(Invocation& inv, const std::vector<std::string>& args);
int runDescribe(Invocation& inv, const std::vector<std::string>& args);
int runApply(Invocation& inv, const std::vector<std::string>& args);
int runCreate(Invocation& inv, const std::vector<std::string>& args);
int runReplace(Invocation& inv, const std::vector<std::string>& args);
int runDelete(Invocation& inv, const std::vector<std::string>& args);
int runLabel(Invocation& inv, const std::vector<std::string>& args);
int runAnnotate(Invocation& inv, const std::vector<std::string>& args);
int runTaint(Invocation& inv, const std::vector<std::string>& args);
int runCordon(Invocation& inv, const std::vector<std::string>& args, bool cordon);
int runDrain(Invocation& inv, const std::vector<std::string>& args);
int runScale(Invocation& inv, const std::vector<std::string>& args);
int runPatch(Invocation& inv, const std::vector<std::string>& args);

// Sets spec.unschedulable and prints "node/x cordoned" / "already cordoned" (shared by drain).
// Returns false after printing an error.
bool cordonNode(Invocation& inv, const std::string& name, bool cordon);

}  // namespace ks::kubectl::detail
