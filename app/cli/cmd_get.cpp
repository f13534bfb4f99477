// kubestage-cli get KIND [NAME] [-n NS | -A] [-o wide|yaml|json] [-l SELECTOR] -f FILE...
// Loads the files into a simulated cluster (through admission, as `kubectl apply` would) and
// prints what `kubectl get` prints.
#include <algorithm>
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "core/api/kinds.h"
#include "core/api/labels.h"
#include "core/api/writer.h"
#include "core/cluster/cluster.h"
#include "core/kubectl/table_printer.h"
#include "core/sim/event_loop.h"
#include "core/store/api_store.h"

namespace ks::cli {

namespace {
const std::vector<FlagSpec> kGetFlags = {
    {"filename", 'f', true, "FILE", "Manifest to load (repeatable)"},
    {"namespace", 'n', true, "NS", "Namespace to list (default: default)"},
    {"all-namespaces", 'A', false, "", "List objects of every namespace"},
    {"output", 'o', true, "FORMAT", "wide, yaml or json"},
    {"selector", 'l', true, "SELECTOR", "Label selector, e.g. app=web,tier!=db"},
    {"help", 'h', false, "", "Show this help"},
};

int fail(const std::string& message) {
    std::fprintf(stderr, "error: %s\n", message.c_str());
    return 1;
}
}  // namespace

int runGetCommand(const std::vector<std::string>& argv) {
    Args args;
    std::string error;
    if (!args.parse(argv, kGetFlags, error)) {
        std::fprintf(stderr, "error: %s\nSee 'kubestage-cli get --help' for usage.\n", error.c_str());
        return 2;
    }
    if (args.has("help")) {
        std::printf("Display objects loaded from manifests, as `kubectl get` does.\n\n"
                    "Usage:\n  kubestage-cli get KIND [NAME] [flags] -f FILE...\n\n"
                    "Examples:\n  kubestage-cli get pods -o wide -f cluster.yaml\n"
                    "  kubestage-cli get nodes -f cluster.yaml\n\n%s",
                    formatFlags(kGetFlags).c_str());
        return 0;
    }
    const auto& pos = args.positionals();
    if (pos.empty())
        return fail("You must specify the type of resource to get. Use \"kubestage-cli get --help\" for usage.");
    if (pos.size() > 2) return fail("expected KIND [NAME], got " + std::to_string(pos.size()) + " arguments");
    const api::KindInfo* kind = api::findKindByResource(pos[0]);
    if (!kind) return fail("the server doesn't have a resource type \"" + pos[0] + "\"");
    std::string output = args.value("output").value_or("");
    if (!output.empty() && output != "wide" && output != "yaml" && output != "json")
        return fail("unable to match a printer suitable for the output format \"" + output +
                    "\", allowed formats are: json,wide,yaml");
    auto files = args.values("filename");
    if (files.empty()) return fail("no manifests given: use -f FILE");

    cluster::Cluster cluster;
    bool loadFailed = false;
    for (const auto& d : cluster.loadFiles(files)) {
        std::fprintf(stderr, "%s\n", d.format().c_str());
        loadFailed |= d.isError();
    }
    if (loadFailed) return 1;

    bool allNamespaces = args.has("all-namespaces");
    std::string ns = args.value("namespace").value_or("default");
    store::ListOptions options;
    if (kind->namespaced && !allNamespaces) options.namespace_ = ns;
    if (auto sel = args.value("selector")) {
        std::string selError;
        auto parsed = api::parseSelector(*sel, &selError);
        if (!parsed) return fail(selError);
        options.labelSelector = *parsed;
    }
    auto objects = cluster.store().list(kind->kind, options);
    std::sort(objects.begin(), objects.end(), [](const auto& a, const auto& b) {
        std::string na = a->at("metadata.namespace") ? a->at("metadata.namespace")->text() : "";
        std::string nb = b->at("metadata.namespace") ? b->at("metadata.namespace")->text() : "";
        return na != nb ? na < nb : a->at("metadata.name")->text() < b->at("metadata.name")->text();
    });
    bool named = pos.size() == 2;
    if (named) {
        objects.erase(std::remove_if(objects.begin(), objects.end(),
                                     [&](const auto& o) { return o->at("metadata.name")->text() != pos[1]; }),
                      objects.end());
        if (objects.empty()) {
            std::fprintf(stderr, "Error from server (NotFound): %s \"%s\" not found\n", kind->resource.c_str(),
                         pos[1].c_str());
            return 1;
        }
    }
    if (objects.empty()) {
        if (kind->namespaced && !allNamespaces)
            std::fprintf(stderr, "No resources found in %s namespace.\n", ns.c_str());
        else
            std::fprintf(stderr, "No resources found\n");
        return 0;
    }
    if (output == "yaml" || output == "json") {
        const api::Value doc = named ? *objects.front() : kubectl::listOf(objects);
        std::string text = output == "yaml" ? api::toYaml(doc) : api::toJson(doc) + "\n";
        std::fputs(text.c_str(), stdout);
        return 0;
    }
    kubectl::TableOptions table;
    table.wide = output == "wide";
    table.withNamespace = allNamespaces && kind->namespaced;
    table.now = cluster.loop().now();
    std::fputs(kubectl::printTable(objects, table).c_str(), stdout);
    return 0;
}

}  // namespace ks::cli
