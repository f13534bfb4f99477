// kubectl apply, create, replace and delete (k8s.io/kubectl/pkg/cmd/{apply,create,replace,delete},
// v1.31).
// apply keeps kubectl.kubernetes.io/last-applied-configuration and sends the difference as a
// merge patch (client-side apply: fields dropped from the configuration are removed); create -f
// creates; replace updates the whole object, replace --force deletes and creates it again (how a
// pod's immutable spec is changed); delete prints `pod "x" deleted`.
#include <algorithm>
#include <charconv>
#include <filesystem>

#include "core/api/manifest.h"
#include "core/api/writer.h"
#include "core/kubectl/kubectl_internal.h"
#include "core/store/merge_patch.h"

namespace ks::kubectl::detail {

namespace {

using api::Value;

constexpr const char* kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

const std::vector<FlagSpec> kApplyFlags = {{"filename", 'f', false}, {"recursive", 'R', true}};
const std::vector<FlagSpec> kCreateFlags = {
    {"filename", 'f', false}, {"image", 0, false}, {"replicas", 'r', false}, {"port", 0, false}};
const std::vector<FlagSpec> kDeleteFlags = {
    {"filename", 'f', false}, {"all", 0, true},          {"selector", 'l', false}, {"all-namespaces", 'A', true},
    {"force", 0, true},       {"grace-period", 0, false}, {"now", 0, true},         {"wait", 0, true},
    {"ignore-not-found", 0, true}};
const std::vector<FlagSpec> kReplaceFlags = {{"filename", 'f', false}, {"force", 0, true}, {"grace-period", 0, false}};

const char* kNoResources =
    "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n"
    "   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

struct FileObject {
    const api::KindInfo* kind = nullptr;
    Value object;
    std::string file;
};

// Reads -f files; prints kubectl's errors and returns false when one cannot be used.
bool loadFiles(Invocation& inv, std::vector<FileObject>& out) {
    std::vector<std::string> files;
    api::LoadResult loaded;
    for (const auto& f : inv.values("filename")) {
        if (auto doc = inv.options.documents.find(f); doc != inv.options.documents.end()) {
            auto one = api::loadManifestText(doc->second, f);
            for (auto& o : one.objects) loaded.objects.push_back(std::move(o));
            for (auto& d : one.diagnostics) loaded.diagnostics.push_back(std::move(d));
            continue;
        }
        if (f == "-") {
            inv.fail("reading from stdin is not supported in the simulated cluster");
            return false;
        }
        std::filesystem::path p(f);
        if (p.is_relative() && !inv.options.workingDirectory.empty()) p = std::filesystem::path(inv.options.workingDirectory) / p;
        std::error_code ec;
        if (!std::filesystem::exists(p, ec)) {
            inv.fail("the path \"" + f + "\" does not exist");
            return false;
        }
        if (std::filesystem::is_directory(p, ec)) {
            std::vector<std::string> inDir;
            for (const auto& e : std::filesystem::directory_iterator(p, ec)) {
                auto ext = e.path().extension().string();
                if (ext == ".yaml" || ext == ".yml" || ext == ".json") inDir.push_back(e.path().string());
            }
            std::sort(inDir.begin(), inDir.end());
            files.insert(files.end(), inDir.begin(), inDir.end());
        } else {
            files.push_back(p.string());
        }
    }
    if (!files.empty()) {
        auto fromFiles = api::loadManifestFiles(files);
        for (auto& o : fromFiles.objects) loaded.objects.push_back(std::move(o));
        for (auto& d : fromFiles.diagnostics) loaded.diagnostics.push_back(std::move(d));
    }
    bool failed = false;
    for (const auto& d : loaded.diagnostics)
        if (d.isError()) {
            inv.err("error: " + d.format() + "\n");
            failed = true;
        }
    if (failed) {
        inv.result.exitCode = 1;
        return false;
    }
    for (auto& o : loaded.objects) {
        if (o.type != api::DocumentType::ApiObject) continue;
        const api::KindInfo* kind = api::findKind(o.object.str("kind"));
        if (!kind) {
            const api::Value* name = o.object.at("metadata.name");  // str() takes one key, not a path
            inv.fail("resource mapping not found for name: \"" + (name && name->isScalar() ? name->text() : std::string()) +
                     "\" namespace: \"\" from \"" +
                     o.file + "\": no matches for kind \"" + o.object.str("kind") + "\" in version \"" +
                     o.object.str("apiVersion") + "\"");
            continue;
        }
        if (kind->namespaced) {
            std::string ns = o.object.at("metadata.namespace") ? o.object.at("metadata.namespace")->text() : "";
            if (ns.empty()) {
                o.object.child("metadata").set("namespace", Value::string(inv.namespace_()));
            } else if (inv.has("namespace") && ns != inv.namespace_()) {
                inv.fail("the namespace from the provided object \"" + ns + "\" does not match the namespace \"" +
                         inv.namespace_() + "\". You must pass '--namespace=" + ns + "' to perform this operation.");
                continue;
            }
        }
        out.push_back({kind, std::move(o.object), o.file});
    }
    return true;
}


// Nulls for what the last applied configuration had and the new one drops (maps only; lists
// are replaced whole, as a merge patch replaces them).
void addDeletions(const Value& last, const Value& next, Value& patch) {
    if (!last.isMapping() || !next.isMapping()) return;
    for (const auto& f : last.fields()) {
        const Value* n = next.get(f.key);
        if (!n) {
            patch.set(f.key, Value::null());
        } else if (f.val.isMapping() && n->isMapping()) {
            Value* sub = patch.get(f.key);
            if (sub && sub->isMapping()) addDeletions(f.val, *n, *sub);
        }
    }
}

}  // namespace

int runApply(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kApplyFlags)) return inv.result.exitCode;
    if (!inv.has("filename")) return inv.fail("must specify one of -f and -k");
    std::vector<FileObject> objects;
    if (!loadFiles(inv, objects)) return inv.result.exitCode;
    for (auto& fo : objects) {
        std::string name = nameOf(fo.object);
        Value config = fo.object;
        if (Value* ann = config.child("metadata").get("annotations")) ann->remove(kLastApplied);
        std::string configJson = api::toJson(config) + "\n";
        Value withAnnotation = fo.object;
        withAnnotation.child("metadata").child("annotations").set(kLastApplied, Value::string(configJson));
        auto key = store::ObjectKey::of(withAnnotation);
        auto current = inv.store.find(key);
        if (!current) {
            store::CreateOptions options;
            auto created = inv.store.create(withAnnotation, options);
            if (!created.ok()) {
                inv.err("Error from server (" + std::string(created.status.reason()) + "): error when creating \"" +
                        fo.file + "\": " + created.status.message + "\n");
                inv.result.exitCode = 1;
                continue;
            }
            inv.result.mutated = true;
            inv.out(qualifiedName(*fo.kind, name) + " created\n");
            continue;
        }
        Value patch = withAnnotation;
        if (const Value* lastText = current->at("metadata.annotations")
                                        ? current->at("metadata.annotations")->get(kLastApplied)
                                        : nullptr) {
            auto last = api::loadManifestText(lastText->text(), "last-applied", {false});
            if (!last.objects.empty()) addDeletions(last.objects.front().object, withAnnotation, patch);
        }
        Value after = store::applyMergePatch(*current, patch);
        if (after == *current) {
            inv.out(qualifiedName(*fo.kind, name) + " unchanged\n");
            continue;
        }
        auto result = inv.store.mergePatch(key, patch);
        if (!result.ok()) {
            inv.err("Error from server (" + std::string(result.status.reason()) + "): error when applying patch:\n" +
                    "to:\nResource: \"" + qualifiedResource(*fo.kind) + "\", Name: \"" + name + "\"\nfor: \"" +
                    fo.file + "\": " + result.status.message + "\n");
            inv.result.exitCode = 1;
            continue;
        }
        inv.result.mutated = true;
        inv.out(qualifiedName(*fo.kind, name) + " configured\n");
    }
    return inv.result.exitCode;
}

int runCreate(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kCreateFlags)) return inv.result.exitCode;
    std::vector<FileObject> objects;
    if (!inv.positionals.empty()) {
        // The generators used most in lessons: create namespace NAME, create deployment NAME --image=I.
        const std::string& what = inv.positionals[0];
        if (inv.positionals.size() < 2) return inv.fail("exactly one NAME is required, got 0");
        const std::string& name = inv.positionals[1];
        Value obj = Value::mapping();
        if (what == "namespace" || what == "ns") {
            obj.set("apiVersion", Value::plain("v1"));
            obj.set("kind", Value::plain("Namespace"));
            obj.child("metadata").set("name", Value::string(name));
        } else if (what == "deployment" || what == "deploy") {
            if (!inv.has("image")) return inv.fail("required flag(s) \"image\" not set");
            std::string image = inv.value("image");
            std::string container = image.substr(image.rfind('/') == std::string::npos ? 0 : image.rfind('/') + 1);
            container = container.substr(0, container.find_first_of(":@"));
            obj.set("apiVersion", Value::plain("apps/v1"));
            obj.set("kind", Value::plain("Deployment"));
            Value& meta = obj.child("metadata");
            meta.set("name", Value::string(name));
            meta.set("namespace", Value::string(inv.namespace_()));
            meta.child("labels").set("app", Value::string(name));
            Value& spec = obj.child("spec");
            long long replicas = 0;
            std::string text = inv.value("replicas", "1");
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), replicas);
            if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
                inv.err("error: invalid argument \"" + text + "\" for \"-r, --replicas\" flag: strconv.ParseInt: "
                        "parsing \"" + text + "\": invalid syntax\nSee 'kubectl create deployment --help' for usage.\n");
                inv.result.exitCode = 1;
                return 1;
            }
            spec.set("replicas", Value::integer(replicas));
            spec.child("selector").child("matchLabels").set("app", Value::string(name));
            Value& tmpl = spec.child("template");
            tmpl.child("metadata").child("labels").set("app", Value::string(name));
            Value c = Value::mapping();
            c.set("image", Value::string(image));
            c.set("name", Value::string(container));
            Value containers = Value::sequence();
            containers.push(std::move(c));
            tmpl.child("spec").set("containers", std::move(containers));
        } else {
            return inv.fail("create " + what + " is not supported in the simulated cluster; use create -f FILE");
        }
        objects.push_back({api::findKind(obj.str("kind")), std::move(obj), ""});
    } else {
        if (!inv.has("filename")) return inv.fail("must specify one of -f and -k");
        if (!loadFiles(inv, objects)) return inv.result.exitCode;
    }
    for (auto& fo : objects) {
        auto created = inv.store.create(fo.object);
        if (!created.ok()) {
            std::string where = fo.file.empty() ? "" : "error when creating \"" + fo.file + "\": ";
            inv.err("Error from server (" + std::string(created.status.reason()) + "): " + where +
                    created.status.message + "\n");
            inv.result.exitCode = 1;
            continue;
        }
        inv.result.mutated = true;
        inv.out(qualifiedName(*fo.kind, nameOf(*created.value)) + " created\n");
    }
    return inv.result.exitCode;
}

int runDelete(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kDeleteFlags)) return inv.result.exitCode;
    std::vector<std::pair<const api::KindInfo*, store::ObjectKey>> keys;
    if (inv.has("filename")) {
        std::vector<FileObject> objects;
        if (!loadFiles(inv, objects)) return inv.result.exitCode;
        for (const auto& fo : objects) keys.emplace_back(fo.kind, store::ObjectKey::of(fo.object));
    } else {
        if (inv.positionals.empty()) return inv.fail(kNoResources);
        bool selecting = inv.boolFlag("all") || inv.has("selector");
        std::vector<Target> targets;
        if (!resolveTargets(inv, inv.positionals, targets, selecting)) return inv.result.exitCode;
        for (const auto& t : targets) {
            if (!t.name.empty()) {
                keys.emplace_back(t.kind, keyOf(inv, *t.kind, t.name));
                continue;
            }
            store::ListOptions o;
            if (t.kind->namespaced && !inv.boolFlag("all-namespaces")) o.namespace_ = inv.namespace_();
            if (inv.has("selector")) {
                std::string error;
                auto sel = api::parseSelector(inv.value("selector"), &error);
                if (!sel) return inv.fail(error);
                o.labelSelector = *sel;
            }
            for (const auto& obj : inv.store.list(t.kind->kind, o))
                keys.emplace_back(t.kind, store::ObjectKey::of(*obj));
        }
        if (keys.empty()) {
            inv.err("No resources found\n");
            return inv.result.exitCode;
        }
    }
    store::DeleteOptions options;
    bool force = inv.boolFlag("force");
    if (inv.has("grace-period")) {
        try {
            options.gracePeriodSeconds = std::stoll(inv.value("grace-period"));
        } catch (...) {
            return inv.fail("invalid argument \"" + inv.value("grace-period") + "\" for \"--grace-period\" flag");
        }
        if (*options.gracePeriodSeconds < 0) options.gracePeriodSeconds.reset();
    }
    if (inv.boolFlag("now")) options.gracePeriodSeconds = 1;
    if (force && !options.gracePeriodSeconds) options.gracePeriodSeconds = 0;
    if (force && options.gracePeriodSeconds && *options.gracePeriodSeconds == 0)
        inv.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been "
                "terminated. The resource may continue to run on the cluster indefinitely.\n");
    for (const auto& [kind, key] : keys) {
        auto result = inv.store.remove(key, options);
        if (!result.ok()) {
            if (result.status.code == store::Code::NotFound && inv.boolFlag("ignore-not-found")) continue;
            inv.failStatus(result.status);
            continue;
        }
        inv.result.mutated = true;
        bool immediate = force && options.gracePeriodSeconds && *options.gracePeriodSeconds == 0;
        // delete.go prints the object as `kind[.group] "name" deleted`.
        std::string singular = qualifiedName(*kind, "");
        singular.pop_back();
        inv.out(singular +
                " \"" + key.name + "\" " + (immediate ? "force deleted" : "deleted") + "\n");
    }
    return inv.result.exitCode;
}

// replace.go: without --force an Update of each object (NotFound when it does not exist); with
// --force each object is deleted (a missing one is fine: "replace will create a resource if it
// doesn't exist already") and created again. Upstream waits until the deleted object is gone;
// here the deletion is immediate (grace period 0) so that the command is one step of the run,
// as a pod's replacement needs no kubelet to finish first.
int runReplace(Invocation& inv, const std::vector<std::string>& args) {
    if (!parseFlags(inv, args, kReplaceFlags)) return inv.result.exitCode;
    const bool force = inv.boolFlag("force");
    if (inv.has("grace-period") && !force) return inv.fail("--grace-period must have --force specified");
    if (!inv.has("filename")) {
        inv.err("error: Must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n");
        inv.result.exitCode = 1;
        return 1;
    }
    std::vector<FileObject> objects;
    if (!loadFiles(inv, objects)) return inv.result.exitCode;
    if (!force) {
        for (auto& fo : objects) {
            const std::string name = nameOf(fo.object);
            auto result = inv.store.update(fo.object);
            if (!result.ok()) {
                inv.err("Error from server (" + std::string(result.status.reason()) + "): error when replacing \"" +
                        fo.file + "\": " + result.status.message + "\n");
                inv.result.exitCode = 1;
                continue;
            }
            inv.result.mutated = true;
            inv.out(qualifiedName(*fo.kind, name) + " replaced\n");
        }
        return inv.result.exitCode;
    }
    store::DeleteOptions options;
    options.gracePeriodSeconds = 0;
    for (const auto& fo : objects) {
        const auto key = store::ObjectKey::of(fo.object);
        if (!inv.store.find(key)) continue;
        auto result = inv.store.remove(key, options);
        if (!result.ok()) {
            if (result.status.code == store::Code::NotFound) continue;
            inv.failStatus(result.status);
            return inv.result.exitCode;
        }
        inv.result.mutated = true;
        std::string singular = qualifiedName(*fo.kind, "");
        singular.pop_back();
        inv.out(singular + " \"" + key.name + "\" deleted\n");
    }
    int count = 0;
    for (auto& fo : objects) {
        const std::string name = nameOf(fo.object);
        auto created = inv.store.create(fo.object);
        if (!created.ok()) {
            inv.failStatus(created.status);
            return inv.result.exitCode;
        }
        inv.result.mutated = true;
        ++count;
        inv.out(qualifiedName(*fo.kind, name) + " replaced\n");
    }
    if (count == 0) return inv.fail("no objects passed to replace");
    return inv.result.exitCode;
}

}  // namespace ks::kubectl::detail
