// kubestage-cli validate FILE...: decoding and field validation, as the API server would do it
// before admission. Errors (and warnings) go to stderr as FILE:LINE:COL: field.path: message.
#include <cstdio>
#include <map>
#include <set>

#include "args.h"
#include "commands.h"
#include "core/api/manifest.h"

namespace ks::cli {

namespace {
const std::vector<FlagSpec> kValidateFlags = {
    {"quiet", 'q', false, "", "Print only problems, not the summary of each file"},
    {"help", 'h', false, "", "Show this help"},
};
}  // namespace

int runValidateCommand(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!args.parse(argv, kValidateFlags, error)) {
        std::fprintf(stderr, "error: %s\nSee 'kubestage-cli validate --help' for usage.\n", error.c_str());
        return 2;
    }
    if (args.has("help")) {
        std::printf("Check Kubernetes manifests (YAML or JSON, multi-document, List) as the API server\n"
                    "would: decoding, API versions, defaulting and field validation. Exits 1 when any\n"
                    "object is invalid; every problem is printed as FILE:LINE:COL: field.path: message.\n\n"
                    "Usage:\n  kubestage-cli validate [flags] FILE...\n\n%s",
                    formatFlags(kValidateFlags).c_str());
        return 0;
    }
    if (args.positionals().empty()) {
        std::fprintf(stderr, "error: no files given\nSee 'kubestage-cli validate --help' for usage.\n");
        return 2;
    }
    bool quiet = args.has("quiet");
    bool failed = false;
    for (const std::string& file : args.positionals()) {
        api::LoadResult result = api::loadManifestFiles({file});
        for (const auto& d : result.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        if (!result.ok()) {
            failed = true;
            continue;
        }
        if (quiet) continue;
        std::map<std::string, int> notSimulated;
        for (const auto& o : result.objects)
            if (!o.simulated) ++notSimulated[o.object.str("kind") + " (" + o.object.str("apiVersion") + ")"];
        std::printf("%s: %zu object%s valid", file.c_str(), result.objects.size(),
                    result.objects.size() == 1 ? "" : "s");
        if (!notSimulated.empty()) {
            std::printf("; stored but not simulated:");
            bool first = true;
            for (const auto& [kind, n] : notSimulated) {
                std::printf("%s %d %s", first ? "" : ",", n, kind.c_str());
                first = false;
            }
        }
        std::printf("\n");
    }
    return failed ? 1 : 0;
}

}  // namespace ks::cli
