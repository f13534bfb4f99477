// The commands that change objects in place: label (cmd/label/label.go), annotate
// (cmd/annotate/annotate.go), taint (cmd/taint/taint.go and utils.go), cordon/uncordon
// (cmd/drain/drain.go RunCordonOrUncordon), scale (cmd/scale/scale.go) and patch
// (cmd/patch/patch.go), kubectl v1.31. Each change is a JSON merge patch through the store, as
// kubectl sends a patch to kube-apiserver.
#include <algorithm>
#include <cctype>
#include <map>

#include "core/api/names.h"
#include "core/api/yaml_reader.h"
#include "core/kubectl/kubectl_internal.h"
#include "core/store/merge_patch.h"

namespace ks::kubectl::detail {

namespace {

using api::Value;

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

// The objects named by the resource arguments, or selected by -l / --all for a bare type.
// Missing names print the server's NotFound and are skipped.
std::vector<std::pair<const api::KindInfo*, store::ObjectPtr>> selectObjects(Invocation& inv,
                                                                             const std::vector<Target>& targets) {
    std::vector<std::pair<const api::KindInfo*, store::ObjectPtr>> out;
    for (const auto& t : targets) {
        if (!t.name.empty()) {
            auto got = inv.store.get(keyOf(inv, *t.kind, t.name));
            if (!got.ok()) inv.failStatus(got.status);
            else out.emplace_back(t.kind, got.value);
            continue;
        }
        store::ListOptions o;
        if (t.kind->namespaced && !inv.boolFlag("all-namespaces")) o.namespace_ = inv.namespace_();
        if (inv.has("selector")) {
            std::string error;
            auto sel = api::parseSelector(inv.value("selector"), &error);
            if (!sel) {
                inv.fail(error);
                return {};
            }
            o.labelSelector = *sel;
        }
        for (const auto& obj : inv.store.list(t.kind->kind, o)) out.emplace_back(t.kind, obj);
    }
    return out;
}


// Sends a merge patch; false (with the server's error printed) when the store refuses it.
bool sendPatch(Invocation& inv, const store::ObjectPtr& obj, const Value& patch) {
    auto result = inv.store.mergePatch(store::ObjectKey::of(*obj), patch);
    if (!result.ok()) {
        inv.failStatus(result.status);
        return false;
    }
    inv.result.mutated = true;
    return true;
}

const std::vector<FlagSpec> kLabelFlags = {{"overwrite", 0, true},
                                           {"all", 0, true},
                                           {"selector", 'l', false},
                                           {"all-namespaces", 'A', true},
                                           {"resource-version", 0, false}};
const std::vector<FlagSpec> kTaintFlags = {{"overwrite", 0, true}, {"all", 0, true}, {"selector", 'l', false}};
const std::vector<FlagSpec> kCordonFlags = {{"selector", 'l', false}};
const std::vector<FlagSpec> kScaleFlags = {
    {"replicas", 0, false}, {"current-replicas", 0, false}, {"all", 0, true}, {"selector", 'l', false}};
const std::vector<FlagSpec> kPatchFlags = {{"patch", 'p', false}, {"type", 0, false}, {"subresource", 0, false}};

// taint.go parseTaint.
bool parseTaint(const std::string& spec, api::Taint& taint, std::string& error) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        auto colon = spec.find(':', start);
        parts.push_back(spec.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    std::string key, value, effect;
    if (parts.size() == 1) {
        key = parts[0];
    } else if (parts.size() == 2) {
        effect = parts[1];
        if (effect != "NoSchedule" && effect != "PreferNoSchedule" && effect != "NoExecute") {
            error = "invalid taint effect: " + effect + ", unsupported taint effect";
            return false;
        }
        auto eq = parts[0].find('=');
        if (eq != std::string::npos && parts[0].find('=', eq + 1) != std::string::npos) {
            error = "invalid taint spec: " + spec;
            return false;
        }
        key = parts[0].substr(0, eq);
        if (eq != std::string::npos) {
            value = parts[0].substr(eq + 1);
            auto errs = api::isValidLabelValue(value);
            if (!errs.empty()) {
                error = "invalid taint spec: " + spec + ", " + join(errs, "; ");
                return false;
            }
        }
    } else {
        error = "invalid taint spec: " + spec;
        return false;
    }
    auto errs = api::isQualifiedName(key);
    if (!errs.empty()) {
        error = "invalid taint spec: " + spec + ", " + join(errs, "; ");
        return false;
    }
    taint = api::Taint{key, value, effect, std::nullopt};
    return true;
}

Value taintsValue(const std::vector<Value>& taints) {
    Value list = Value::sequence();
    for (const auto& t : taints) list.push(t);
    return list;
}

}  // namespace

int runLabel(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kLabelFlags)) return inv.result.exitCode;
    std::vector<std::string> resources, specs;
    for (const auto& a : inv.positionals) {
        bool isLabel = a.find('=') != std::string::npos || (!a.empty() && a.back() == '-');
        if (isLabel) specs.push_back(a);
        else if (!specs.empty()) return inv.fail("all resources must be specified before label changes: " + a);
        else resources.push_back(a);
    }
    if (resources.empty())
        return inv.fail("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    if (specs.empty()) return inv.fail("at least one label update is required");
    std::map<std::string, std::string> add;
    std::vector<std::string> remove;
    for (const auto& s : specs) {
        if (auto eq = s.find('='); eq != std::string::npos) {
            if (s.find('=', eq + 1) != std::string::npos) return inv.fail("invalid label spec: " + s);
            std::string value = s.substr(eq + 1);
            auto errs = api::isValidLabelValue(value);
            if (!errs.empty()) return inv.fail("invalid label value: " + store::goQuote(s) + ": " + join(errs, ";"));
            add[s.substr(0, eq)] = value;
        } else {
            remove.push_back(s.substr(0, s.size() - 1));
        }
    }
    for (const auto& r : remove)
        if (add.count(r)) return inv.fail("can not both modify and remove a label in the same command");
    std::vector<Target> targets;
    bool selecting = inv.boolFlag("all") || inv.has("selector");
    if (!resolveTargets(inv, resources, targets, selecting)) return inv.result.exitCode;
    bool overwrite = inv.boolFlag("overwrite");
    for (const auto& [kind, obj] : selectObjects(inv, targets)) {
        std::map<std::string, std::string> labels;
        if (const Value* l = obj->at("metadata.labels"); l && l->isMapping())
            for (const auto& f : l->fields()) labels[f.key] = f.val.text();
        if (!overwrite) {
            std::vector<std::string> errors;
            for (const auto& [k, v] : add)
                if (auto it = labels.find(k); it != labels.end() && it->second != v)
                    errors.push_back("'" + k + "' already has a value (" + it->second + "), and --overwrite is false");
            if (!errors.empty()) {
                inv.fail(errors.size() == 1 ? errors[0] : "[" + join(errors, ", ") + "]");
                continue;
            }
        }
        auto before = labels;
        for (const auto& [k, v] : add) labels[k] = v;
        for (const auto& r : remove) {
            if (!labels.count(r)) inv.out("label " + store::goQuote(r) + " not found.\n");
            labels.erase(r);
        }
        std::string message = "not labeled";
        if (labels != before) {
            Value patchLabels = Value::mapping();
            for (const auto& [k, v] : add)
                if (before.count(k) == 0 || before.at(k) != v) patchLabels.set(k, Value::string(v));
            for (const auto& r : remove)
                if (before.count(r)) patchLabels.set(r, Value::null());
            Value patch = Value::mapping();
            patch.child("metadata").set("labels", std::move(patchLabels));
            if (!sendPatch(inv, obj, patch)) continue;
            // label.go updateDataChangeMsg: a smaller object without --overwrite reads "unlabeled".
            message = !overwrite && labels.size() < before.size() ? "unlabeled" : "labeled";
        }
        inv.out(qualifiedName(*kind, nameOf(*obj)) + " " + message + "\n");
    }
    return inv.result.exitCode;
}

// annotate.go: like label, but values are free text, the overwrite error lists every clash,
// and the result always reads "annotated".
int runAnnotate(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kLabelFlags)) return inv.result.exitCode;
    std::vector<std::string> resources, specs;
    for (const auto& a : inv.positionals) {
        bool isAnnotation = a.find('=') != std::string::npos || (!a.empty() && a.back() == '-');
        if (isAnnotation) specs.push_back(a);
        else if (!specs.empty()) return inv.fail("all resources must be specified before annotation changes: " + a);
        else resources.push_back(a);
    }
    if (resources.empty())
        return inv.fail("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    if (specs.empty()) return inv.fail("at least one annotation update is required");
    std::map<std::string, std::string> add;
    std::vector<std::string> remove, invalid;
    for (const auto& s : specs) {
        if (auto eq = s.find('='); eq != std::string::npos) {
            if (eq == 0) invalid.push_back(s);
            else add[s.substr(0, eq)] = s.substr(eq + 1);
        } else {
            remove.push_back(s.substr(0, s.size() - 1));
        }
    }
    if (!invalid.empty()) return inv.fail("invalid annotation format: " + join(invalid, ", "));
    std::vector<std::string> both;
    for (const auto& r : remove)
        if (add.count(r)) both.push_back(r);
    if (!both.empty())
        return inv.fail("can not both modify and remove the following annotation(s) in the same command: " +
                        join(both, ", "));
    std::vector<Target> targets;
    bool selecting = inv.boolFlag("all") || inv.has("selector");
    if (!resolveTargets(inv, resources, targets, selecting)) return inv.result.exitCode;
    bool overwrite = inv.boolFlag("overwrite");
    for (const auto& [kind, obj] : selectObjects(inv, targets)) {
        std::map<std::string, std::string> current;
        if (const Value* a = obj->at("metadata.annotations"); a && a->isMapping())
            for (const auto& f : a->fields()) current[f.key] = f.val.text();
        if (!overwrite) {
            std::vector<std::string> clashes;
            for (const auto& [k, v] : add)
                if (auto it = current.find(k); it != current.end() && it->second != v && k != "kubernetes.io/change-cause")
                    clashes.push_back("'" + k + "' already has a value (" + it->second + ")");
            if (!clashes.empty()) {
                inv.fail("--overwrite is false but found the following declared annotation(s): " + join(clashes, "; "));
                continue;
            }
        }
        Value patchAnnotations = Value::mapping();
        for (const auto& [k, v] : add)
            if (!current.count(k) || current.at(k) != v) patchAnnotations.set(k, Value::string(v));
        for (const auto& r : remove)
            if (current.count(r)) patchAnnotations.set(r, Value::null());
        if (!patchAnnotations.fields().empty()) {
            Value patch = Value::mapping();
            patch.child("metadata").set("annotations", std::move(patchAnnotations));
            if (!sendPatch(inv, obj, patch)) continue;
        }
        inv.out(qualifiedName(*kind, nameOf(*obj)) + " annotated\n");
    }
    return inv.result.exitCode;
}

int runTaint(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kTaintFlags)) return inv.result.exitCode;
    std::vector<std::string> resources, specs;
    for (const auto& a : inv.positionals) {
        bool isTaint = a.find('=') != std::string::npos || a.find(':') != std::string::npos ||
                       (!a.empty() && a.back() == '-');
        if (isTaint) specs.push_back(a);
        else if (!specs.empty()) return inv.fail("all resources must be specified before taint changes: " + a);
        else resources.push_back(a);
    }
    if (resources.empty()) return inv.fail("one or more resources must be specified as <resource> <name>");
    if (specs.empty()) return inv.fail("at least one taint update is required");
    std::vector<api::Taint> toAdd, toRemove;
    auto usage = [&](const std::string& message) {
        inv.err("error: " + message + "\nSee 'kubectl taint -h' for help and examples\n");
        inv.result.exitCode = 1;
        return 1;
    };
    for (const auto& s : specs) {
        api::Taint t;
        std::string error;
        if (s.back() == '-') {
            if (!parseTaint(s.substr(0, s.size() - 1), t, error)) return usage(error);
            toRemove.push_back({t.key, "", t.effect, std::nullopt});
            continue;
        }
        if (!parseTaint(s, t, error)) return usage(error);
        if (t.effect.empty()) return usage("invalid taint spec: " + s);
        for (const auto& other : toAdd)
            if (other.key == t.key && other.effect == t.effect)
                return usage("duplicated taints with the same key and effect: {" + t.key + " " + t.value + " " +
                             t.effect + " <nil>}");
        toAdd.push_back(t);
    }
    // taint.go Validate: plain errors, without the usage hint.
    std::string resourceType = resources[0];
    for (auto& ch : resourceType) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const api::KindInfo* kind = api::findKindByResource(resourceType.substr(0, resourceType.find('/')));
    if (!kind) return inv.fail("the server doesn't have a resource type \"" + resourceType + "\"");
    if (kind->kind != "Node") return inv.fail("invalid resource type " + resourceType + ", only node types are supported");
    std::vector<std::string> conflicts;
    for (const auto& a : toAdd)
        for (const auto& r : toRemove)
            if (a.key == r.key && (r.effect.empty() || a.effect == r.effect))
                conflicts.push_back("{\"" + r.key + "\":\"" + r.effect + "\"}");
    if (!conflicts.empty())
        return inv.fail("can not both modify and remove the following taint(s) in the same command: " +
                        join(conflicts, ", "));
    bool selecting = inv.boolFlag("all") || inv.has("selector");
    if (inv.boolFlag("all") && inv.has("selector"))
        return inv.fail("setting 'all' parameter with a non empty selector is prohibited");
    if (!selecting && resources.size() < 2 && resources[0].find('/') == std::string::npos)
        return inv.fail("at least one resource name must be specified since 'all' parameter is not set");
    std::vector<Target> targets;
    if (!resolveTargets(inv, resources, targets, selecting)) return inv.result.exitCode;
    bool overwrite = inv.boolFlag("overwrite");
    std::vector<std::string> errors;
    for (const auto& [k, obj] : selectObjects(inv, targets)) {
        std::vector<Value> old;
        if (const Value* ts = obj->at("spec.taints"); ts && ts->isSequence()) old = ts->items();
        auto keyOfTaint = [](const Value& v) { return v.str("key"); };
        auto effectOfTaint = [](const Value& v) { return v.str("effect"); };
        if (!overwrite) {
            std::vector<std::string> existing;
            for (const auto& t : toAdd)
                for (const auto& o : old)
                    if (t.key == keyOfTaint(o) && t.effect == effectOfTaint(o)) existing.push_back(t.key);
            if (!existing.empty()) {
                errors.push_back("node " + nameOf(*obj) + " already has " + join(existing, ",") +
                                 " taint(s) with same effect(s) and --overwrite is false");
                continue;
            }
        }
        // utils.go reorganizeTaints: the new taints first, then the old ones they do not replace.
        std::vector<Value> next;
        for (const auto& t : toAdd) {
            Value v = Value::mapping();
            v.set("key", Value::string(t.key));
            if (!t.value.empty()) v.set("value", Value::string(t.value));
            v.set("effect", Value::string(t.effect));
            next.push_back(std::move(v));
        }
        for (const auto& o : old) {
            bool replaced = std::any_of(toAdd.begin(), toAdd.end(), [&](const api::Taint& t) {
                return t.key == keyOfTaint(o) && t.effect == effectOfTaint(o);
            });
            if (!replaced) next.push_back(o);
        }
        bool added = old.size() != next.size();
        bool deleted = false;
        std::vector<std::string> notFound;
        for (const auto& r : toRemove) {
            auto before = next.size();
            next.erase(std::remove_if(next.begin(), next.end(),
                                      [&](const Value& v) {
                                          return keyOfTaint(v) == r.key && (r.effect.empty() || effectOfTaint(v) == r.effect);
                                      }),
                       next.end());
            deleted = next.size() != before;
            if (!deleted) notFound.push_back("taint " + store::goQuote(r.key + ":" + r.effect) + " not found");
        }
        if (!notFound.empty()) {
            errors.push_back(notFound.size() == 1 ? notFound[0] : "[" + join(notFound, ", ") + "]");
            continue;
        }
        std::string operation = (added && deleted) || overwrite ? "modified" : added ? "tainted" : "untainted";
        Value patch = Value::mapping();
        patch.child("spec").set("taints", next.empty() ? Value::null() : taintsValue(next));
        if (!sendPatch(inv, obj, patch)) continue;
        inv.out(qualifiedName(*kind, nameOf(*obj)) + " " + operation + "\n");
    }
    if (!errors.empty()) inv.fail(errors.size() == 1 ? errors[0] : "[" + join(errors, ", ") + "]");
    return inv.result.exitCode;
}

bool cordonNode(Invocation& inv, const std::string& name, bool cordon) {
    auto got = inv.store.get({"Node", "", name});
    if (!got.ok()) {
        inv.failStatus(got.status);
        return false;
    }
    const Value* u = got.value->at("spec.unschedulable");
    bool current = u && u->toBool().value_or(false);
    std::string verb = cordon ? "cordoned" : "uncordoned";
    if (current == cordon) {
        inv.out("node/" + name + " already " + verb + "\n");
        return true;
    }
    // cordon.go PatchOrReplace: a merge patch of spec.unschedulable (false is omitted, so null).
    Value patch = Value::mapping();
    patch.child("spec").set("unschedulable", cordon ? Value::boolean(true) : Value::null());
    auto result = inv.store.mergePatch({"Node", "", name}, patch);
    if (!result.ok()) {
        inv.err("error: unable to " + std::string(cordon ? "cordon" : "uncordon") + " node \"" + name +
                "\": " + result.status.message + "\n");
        inv.result.exitCode = 1;
        return false;
    }
    inv.result.mutated = true;
    inv.out("node/" + name + " " + verb + "\n");
    return true;
}

int runCordon(Invocation& inv, const std::vector<std::string>& args, bool cordon) {
    if (!parseFlags(inv, args, kCordonFlags)) return inv.result.exitCode;
    std::string use = cordon ? "cordon" : "uncordon";
    if (inv.positionals.empty() && !inv.has("selector")) {
        inv.err("error: USAGE: " + use + " NODE [flags]\nSee 'kubectl " + use + " -h' for help and examples\n");
        inv.result.exitCode = 1;
        return 1;
    }
    if (!inv.positionals.empty() && inv.has("selector")) {
        inv.err("error: error: cannot specify both a node name and a --selector option\nSee 'kubectl " + use +
                " -h' for help and examples\n");
        inv.result.exitCode = 1;
        return 1;
    }
    std::vector<std::string> names;
    if (!selectedNodeNames(inv, names)) return inv.result.exitCode;
    for (const auto& n : names) cordonNode(inv, n, cordon);
    return inv.result.exitCode;
}

int runScale(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kScaleFlags)) return inv.result.exitCode;
    if (inv.positionals.empty() && !inv.has("selector") && !inv.boolFlag("all"))
        return inv.fail("You must provide one or more resources by argument or filename.\nExample resource "
                        "specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> "
                        "<name>'\n   '<resource>'");
    if (!inv.has("replicas")) {
        inv.err("error: required flag(s) \"replicas\" not set\n");
        inv.result.exitCode = 1;
        return 1;
    }
    std::string text = inv.value("replicas");
    long long replicas = 0;
    try {
        std::size_t used = 0;
        replicas = std::stoll(text, &used);
        if (used != text.size()) throw std::invalid_argument(text);
    } catch (...) {
        inv.err("error: invalid argument \"" + text + "\" for \"--replicas\" flag: strconv.ParseInt: parsing \"" +
                text + "\": invalid syntax\nSee 'kubectl scale --help' for usage.\n");
        inv.result.exitCode = 1;
        return 1;
    }
    if (replicas < 0)
        return inv.fail("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    std::vector<Target> targets;
    if (!resolveTargets(inv, inv.positionals, targets, inv.has("selector") || inv.boolFlag("all")))
        return inv.result.exitCode;
    for (const auto& [kind, obj] : selectObjects(inv, targets)) {
        static const std::vector<std::string> scalable = {"Deployment", "ReplicaSet", "StatefulSet",
                                                          "ReplicationController"};
        if (std::find(scalable.begin(), scalable.end(), kind->kind) == scalable.end()) {
            inv.err("Error from server (NotFound): the server could not find the requested resource\n");
            inv.result.exitCode = 1;
            continue;
        }
        if (inv.has("current-replicas")) {
            const Value* cur = obj->at("spec.replicas");
            std::string current = cur ? cur->text() : "1";
            if (current != inv.value("current-replicas")) {
                inv.fail("Expected replicas to be " + inv.value("current-replicas") + ", was " + current);
                continue;
            }
        }
        Value patch = Value::mapping();
        patch.child("spec").set("replicas", Value::integer(replicas));
        if (!sendPatch(inv, obj, patch)) continue;
        inv.out(qualifiedName(*kind, nameOf(*obj)) + " scaled\n");
    }
    return inv.result.exitCode;
}

int runPatch(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kPatchFlags)) return inv.result.exitCode;
    std::string type = inv.value("type", "strategic");
    if (type != "json" && type != "merge" && type != "strategic")
        return inv.fail("--type must be one of [json merge strategic], not \"" + type + "\"");
    if (!inv.has("patch")) return inv.fail("must specify --patch or --patch-file containing the contents of the patch");
    if (type == "json")
        return inv.fail("--type json (RFC 6902 JSON patch) is not supported by the simulated cluster; use --type merge");
    std::string text = inv.value("patch");
    auto read = api::readYaml(text, "patch");
    if (!read.ok() || read.documents.size() != 1 || !read.documents.front().isMapping()) {
        std::string why = read.diagnostics.empty() ? "not a JSON object" : read.diagnostics.front().message;
        return inv.fail("unable to parse \"" + text + "\": " + why);
    }
    const Value& patch = read.documents.front();
    std::vector<Target> targets;
    if (inv.positionals.empty())
        return inv.fail("You must provide one or more resources by argument or filename.\nExample resource "
                        "specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> "
                        "<name>'\n   '<resource>'");
    if (!resolveTargets(inv, inv.positionals, targets, false)) return inv.result.exitCode;
    bool status = inv.value("subresource") == "status";
    if (inv.has("subresource") && !status)
        return inv.fail("invalid subresource value: \"" + inv.value("subresource") +
                        "\". Must be one of [status scale]");
    for (const auto& t : targets) {
        auto key = keyOf(inv, *t.kind, t.name);
        auto current = inv.store.get(key);
        if (!current.ok()) {
            inv.failStatus(current.status);
            continue;
        }
        // A patch that changes nothing is not written (the API server skips no-op updates).
        Value after = store::applyMergePatch(*current.value, patch);
        if (after == *current.value) {
            inv.out(qualifiedName(*t.kind, t.name) + " patched (no change)\n");
            continue;
        }
        auto result = status ? inv.store.mergePatchStatus(key, patch) : inv.store.mergePatch(key, patch);
        if (!result.ok()) {
            inv.failStatus(result.status);
            continue;
        }
        inv.result.mutated = true;
        bool changed = !(*result.value == *current.value);
        inv.out(qualifiedName(*t.kind, t.name) + " patched" + (changed ? "" : " (no change)") + "\n");
    }
    return inv.result.exitCode;
}

}  // namespace ks::kubectl::detail
