// Reading the actions of steps and of try-it answers.
#include <array>

#include "core/api/defaults.h"
#include "core/api/kinds.h"
#include "core/api/validate.h"
#include "core/lesson/lesson_reader.h"

namespace ks::lesson::detail {

namespace {

constexpr std::array<std::string_view, 12> kActionKinds = {
    "apply", "patch", "label", "taint", "cordon", "uncordon", "delete", "run", "runUntil", "step",
    "stopScheduler", "startScheduler"};

std::optional<ObjectRef> ref(Reader& r, const Value& v, const std::string& path);

}  // namespace

bool checkManifest(Reader& r, const Value& object, const std::string& path) {
    if (!r.isMapping(object, path)) return false;
    std::string kind = object.str("kind"), apiVersion = object.str("apiVersion");
    if (kind.empty() || apiVersion.empty()) {
        r.error(object.mark(), path, "an object needs apiVersion and kind");
        return false;
    }
    api::VersionVerdict verdict = api::checkApiVersion(apiVersion, kind);
    if (verdict.check == api::VersionCheck::InvalidVersion || verdict.check == api::VersionCheck::UnknownKind) {
        r.error(object.get(verdict.check == api::VersionCheck::UnknownKind ? "kind" : "apiVersion")->mark(),
                child(path, verdict.check == api::VersionCheck::UnknownKind ? "kind" : "apiVersion"), verdict.message);
        return false;
    }
    if (verdict.check != api::VersionCheck::Served) return true;
    Value defaulted = object;
    api::applyDefaults(defaulted);
    api::Diagnostics found;
    api::validateObject(defaulted, r.file(), found);
    bool ok = true;
    for (auto& d : found) {
        // The object's own field path follows the lesson path: "steps[1].actions[0].apply.spec...".
        std::string p = d.path.empty() ? path : path + "." + d.path;
        if (d.isError()) {
            r.error(d.mark, p, d.message);
            ok = false;
        } else {
            d.path = p;
            r.diagnostics().push_back(d);
        }
    }
    return ok;
}

namespace {

std::optional<ObjectRef> ref(Reader& r, const Value& v, const std::string& path) {
    auto text = r.scalarString(v, path);
    if (!text) return std::nullopt;
    ObjectRef out;
    std::string error;
    if (!parseObjectRef(*text, out, error)) {
        r.error(v.mark(), path, error);
        return std::nullopt;
    }
    return out;
}

std::optional<ObjectRef> nodeRef(Reader& r, const Value& v, const std::string& path) {
    auto text = r.scalarString(v, path);
    if (!text) return std::nullopt;
    return ref(r, Value::string("Node/" + *text, v.mark()), path);
}

}  // namespace

std::vector<Action> readActions(Reader& r, const Value& list, const std::string& path) {
    std::vector<Action> out;
    if (!r.isSequence(list, path)) return out;
    for (std::size_t i = 0; i < list.items().size(); ++i) {
        const Value& v = list.items()[i];
        std::string ip = index(path, i);
        if (!r.isMapping(v, ip)) continue;
        r.onlyFields(v, ip, {"apply", "patch", "label", "taint", "cordon", "uncordon", "delete", "run", "runUntil",
                             "step", "stopScheduler", "startScheduler", "expectError"});
        const api::ValueField* which = nullptr;
        int count = 0;
        for (const auto& f : v.fields())
            for (auto k : kActionKinds)
                if (f.key == k) {
                    which = &f;
                    ++count;
                }
        if (count != 1) {
            std::string kinds;
            for (auto k : kActionKinds) kinds += (kinds.empty() ? "" : ", ") + std::string(k);
            r.error(v.mark(), ip, "an action has exactly one of: " + kinds);
            continue;
        }
        const Value& body = which->val;
        std::string p = child(ip, which->key);
        const std::string& key = which->key;
        Action a;
        a.mark = v.mark();
        a.path = ip;
        if (auto e = r.string(v, "expectError", ip, false)) a.expectError = *e;
        bool ok = true;
        if (key == "apply") {
            a.kind = Action::Kind::Apply;
            if (body.isSequence()) {
                for (std::size_t j = 0; j < body.items().size(); ++j) {
                    ok = checkManifest(r, body.items()[j], index(p, j)) && ok;
                    a.objects.push_back(body.items()[j]);
                }
            } else {
                ok = checkManifest(r, body, p);
                a.objects.push_back(body);
            }
        } else if (key == "patch") {
            a.kind = Action::Kind::Patch;
            if (!r.isMapping(body, p)) continue;
            r.onlyFields(body, p, {"object", "patch"});
            if (const Value* o = r.field(body, "object", p, true)) {
                if (auto t = ref(r, *o, child(p, "object"))) a.target = *t;
                else ok = false;
            }
            if (const Value* patch = r.field(body, "patch", p, true); patch && r.isMapping(*patch, child(p, "patch")))
                a.patch = *patch;
            else ok = false;
        } else if (key == "label") {
            a.kind = Action::Kind::Label;
            if (!r.isMapping(body, p)) continue;
            r.onlyFields(body, p, {"object", "labels"});
            if (const Value* o = r.field(body, "object", p, true)) {
                if (auto t = ref(r, *o, child(p, "object"))) a.target = *t;
                else ok = false;
            }
            const Value* labels = body.get("labels");
            auto specs = r.stringList(body, "labels", p, true);
            for (std::size_t j = 0; j < specs.size(); ++j) {
                Action::LabelChange change;
                std::string error;
                if (parseLabelChange(specs[j], change, error)) a.labels.push_back(change);
                else r.error(labels->items()[j].mark(), index(child(p, "labels"), j), error);
            }
            if (specs.empty() && labels) r.error(labels->mark(), child(p, "labels"), "Required value");
        } else if (key == "taint") {
            a.kind = Action::Kind::Taint;
            if (!r.isMapping(body, p)) continue;
            r.onlyFields(body, p, {"node", "taints"});
            if (const Value* n = r.field(body, "node", p, true)) {
                if (auto t = nodeRef(r, *n, child(p, "node"))) a.target = *t;
                else ok = false;
            }
            const Value* taints = body.get("taints");
            auto specs = r.stringList(body, "taints", p, true);
            for (std::size_t j = 0; j < specs.size(); ++j) {
                Action::TaintChange change;
                std::string error;
                if (parseTaintChange(specs[j], change, error)) a.taints.push_back(change);
                else r.error(taints->items()[j].mark(), index(child(p, "taints"), j), error);
            }
            if (specs.empty() && taints) r.error(taints->mark(), child(p, "taints"), "Required value");
        } else if (key == "cordon" || key == "uncordon") {
            a.kind = key == "cordon" ? Action::Kind::Cordon : Action::Kind::Uncordon;
            if (auto t = nodeRef(r, body, p)) a.target = *t;
        } else if (key == "delete") {
            a.kind = Action::Kind::Delete;
            if (body.isScalar()) {
                if (auto t = ref(r, body, p)) a.target = *t;
            } else if (r.isMapping(body, p)) {
                r.onlyFields(body, p, {"object", "gracePeriodSeconds"});
                if (const Value* o = r.field(body, "object", p, true))
                    if (auto t = ref(r, *o, child(p, "object"))) a.target = *t;
                a.gracePeriodSeconds = r.integer(body, "gracePeriodSeconds", p, false, 0, 3600);
            }
        } else if (key == "run") {
            a.kind = Action::Kind::Run;
            if (auto d = r.duration(body, p, 1)) a.duration = *d;
        } else if (key == "runUntil") {
            a.kind = Action::Kind::RunUntil;
            if (!r.isMapping(body, p)) continue;
            r.onlyFields(body, p, {"until", "within"});
            if (const Value* until = r.field(body, "until", p, true)) a.until = readConditions(r, *until, child(p, "until"));
            a.duration = 60 * sim::kSecond;
            if (const Value* within = r.field(body, "within", p, false))
                if (auto d = r.duration(*within, child(p, "within"), 1)) a.duration = *d;
        } else if (key == "step") {
            a.kind = Action::Kind::Step;
            auto n = body.isScalar() && body.style() == Value::Style::Plain ? body.toInt() : std::nullopt;
            if (!n || *n < 1 || *n > 100000) r.error(body.mark(), p, "expected a number of events between 1 and 100000");
            else a.count = static_cast<std::size_t>(*n);
        } else if (key == "stopScheduler" || key == "startScheduler") {
            a.kind = key == "stopScheduler" ? Action::Kind::StopScheduler : Action::Kind::StartScheduler;
            if (auto s = r.scalarString(body, p)) a.replica = *s;
        }
        if (ok) out.push_back(std::move(a));
    }
    return out;
}

}  // namespace ks::lesson::detail
