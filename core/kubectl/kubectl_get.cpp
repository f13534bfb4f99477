// kubectl get (k8s.io/kubectl/pkg/cmd/get/get.go, v1.31): tables from table_printer, -o wide,
// yaml, json and name, -l, -A, several names; "No resources found in NS namespace." on stderr.
#include <algorithm>

#include "core/api/labels.h"
#include "core/api/writer.h"
#include "core/kubectl/kubectl_internal.h"
#include "core/kubectl/table_printer.h"

namespace ks::kubectl::detail {

namespace {

const std::vector<FlagSpec> kGetFlags = {
    {"output", 'o', false},       {"selector", 'l', false}, {"all-namespaces", 'A', true},
    {"watch", 'w', true},         {"field-selector", 0, false}, {"show-labels", 0, true},
};

}  // namespace

int runGet(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kGetFlags)) return inv.result.exitCode;
    if (inv.boolFlag("watch")) return inv.fail("--watch is not supported here: run the simulation and get again");
    if (inv.positionals.empty()) {
        inv.err("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of "
                "supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain "
                "<resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee "
                "'kubectl get -h' for help and examples\n");
        inv.result.exitCode = 1;
        return 1;
    }
    std::string output = inv.value("output");
    if (!output.empty() && output != "wide" && output != "yaml" && output != "json" && output != "name")
        return inv.fail("unable to match a printer suitable for the output format \"" + output +
                        "\", allowed formats are: json,name,wide,yaml");
    std::vector<Target> targets;
    if (!resolveTargets(inv, inv.positionals, targets, true)) return inv.result.exitCode;

    bool allNamespaces = inv.boolFlag("all-namespaces");
    std::string ns = inv.namespace_();
    store::ListOptions listOptions;
    if (inv.has("selector")) {
        std::string error;
        auto parsed = api::parseSelector(inv.value("selector"), &error);
        if (!parsed) return inv.fail(error);
        listOptions.labelSelector = *parsed;
    }
    listOptions.fieldSelector = inv.value("field-selector");

    // Objects grouped by kind, in argument order, as the resource builder visits them.
    std::vector<std::pair<const api::KindInfo*, std::vector<store::ObjectPtr>>> groups;
    bool named = false;
    for (const auto& t : targets) {
        std::vector<store::ObjectPtr> found;
        if (t.name.empty()) {
            store::ListOptions o = listOptions;
            if (t.kind->namespaced && !allNamespaces) o.namespace_ = ns;
            auto listed = inv.store.listObjects(t.kind->kind, o);
            if (!listed.ok()) return inv.failStatus(listed.status);
            found = listed.value.items;
        } else {
            named = true;
            auto got = inv.store.get(keyOf(inv, *t.kind, t.name));
            if (!got.ok()) {
                inv.failStatus(got.status);
                continue;
            }
            found.push_back(got.value);
        }
        if (!groups.empty() && groups.back().first == t.kind)
            groups.back().second.insert(groups.back().second.end(), found.begin(), found.end());
        else
            groups.emplace_back(t.kind, std::move(found));
    }
    std::size_t total = 0;
    for (const auto& g : groups) total += g.second.size();
    if (total == 0) {
        if (!named) {
            bool namespaced = targets.front().kind->namespaced;
            if (namespaced && !allNamespaces) inv.err("No resources found in " + ns + " namespace.\n");
            else inv.err("No resources found\n");
        }
        return inv.result.exitCode;
    }
    if (output == "yaml" || output == "json") {
        std::vector<store::ObjectPtr> all;
        for (const auto& g : groups) all.insert(all.end(), g.second.begin(), g.second.end());
        bool single = named && targets.size() == 1 && all.size() == 1;
        api::Value doc = single ? *all.front() : listOf(all);
        inv.out(output == "yaml" ? api::toYaml(doc) : api::toJson(doc) + "\n");
        return inv.result.exitCode;
    }
    if (output == "name") {
        for (const auto& g : groups)
            for (const auto& o : g.second) inv.out(qualifiedName(*g.first, o->at("metadata.name")->text()) + "\n");
        return inv.result.exitCode;
    }
    TableOptions table;
    table.wide = output == "wide";
    table.withNamespace = allNamespaces;
    table.now = inv.store.now();
    table.showLabels = inv.boolFlag("show-labels");
    bool first = true;
    for (const auto& g : groups) {
        if (g.second.empty()) continue;
        TableOptions t = table;
        t.withNamespace = allNamespaces && g.first->namespaced;
        std::vector<store::ObjectPtr> rows = g.second;
        if (groups.size() > 1) {
            // Several kinds in one get: names carry their kind (the printer's WithKind option).
            for (auto& o : rows) {
                auto copy = std::make_shared<api::Value>(*o);
                copy->child("metadata").set("name",
                                            api::Value::string(qualifiedName(*g.first, o->at("metadata.name")->text())));
                o = copy;
            }
        }
        if (!first) inv.out("\n");
        inv.out(printTable(rows, t));
        first = false;
    }
    return inv.result.exitCode;
}

}  // namespace ks::kubectl::detail
