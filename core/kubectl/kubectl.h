// A kubectl for the simulated cluster: one command line in, kubectl's stdout, stderr and exit
// code out. Every change is an ApiStore call (create, update, merge patch, delete) and so goes
// through admission and reaches the watchers, as a real kubectl's requests reach kube-apiserver.
//
// Mirrors the client-side behaviour of kubectl v1.31 (k8s.io/kubectl/pkg/cmd/{get,describe,
// apply,create,replace,delete,label,annotate,taint,drain,scale,patch}, pkg/describe/describe.go, pkg/drain):
// the same words, the same exit codes, the same table and describe layouts.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ks::store {
class ApiStore;
}

namespace ks::kubectl {

struct CommandResult {
    std::string out;  // what kubectl writes to stdout
    std::string err;  // what kubectl writes to stderr
    int exitCode = 0;
    bool mutated = false;  // some write reached the store
};

struct KubectlOptions {
    std::string defaultNamespace = "default";  // the kubeconfig context's namespace
    // Relative -f paths are read from here (empty: the process's working directory).
    std::string workingDirectory;
    // -f names found here are read from this text instead of the file system: an editor's
    // document, which is recorded with the edit so that replaying the command needs no file.
    std::map<std::string, std::string> documents;
};

// Splits a command line as a POSIX shell splits words: blanks separate, 'single quotes' keep
// everything, "double quotes" keep everything but \" \\ \$ \`, a backslash outside quotes escapes
// the next character. False with an error for an unterminated quote.
bool splitCommandLine(std::string_view line, std::vector<std::string>& words, std::string& error);

// Runs one command. A leading "kubectl" word is optional.
CommandResult runCommand(store::ApiStore& store, std::string_view commandLine, const KubectlOptions& options = {});
CommandResult runCommand(store::ApiStore& store, const std::vector<std::string>& words,
                         const KubectlOptions& options = {});

// The commands runCommand knows, in kubectl's order.
const std::vector<std::string>& supportedCommands();

}  // namespace ks::kubectl
