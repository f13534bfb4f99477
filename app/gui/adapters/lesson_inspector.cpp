#include "lesson_inspector.h"
#include "format.h"

#include <string>
#include <vector>

#include "core/api/writer.h"
#include "core/lesson/lesson_checker.h"
#include "core/store/api_store.h"

namespace ks::gui {

namespace {

// The YAML of one field as it would sit in the object ("key:\n  ..."), "" when absent.
std::string section(const api::Value& object, const std::string& path) {
    const api::Value* v = object.at(path);
    if (!v || v->isNull()) return {};
    api::Value wrapper = api::Value::mapping();
    wrapper.set(path.substr(path.rfind('.') + 1), *v);
    return api::toYaml(wrapper);
}
}  // namespace

lesson::ObjectRef inspectedObjectOf(const lesson::Step& step) {
    std::vector<lesson::ObjectRef> pods, nodes;
    bool wantsPod = false, wantsNode = false;
    std::string error;
    for (const auto& name : step.spotlight) {
        lesson::ObjectRef ref;
        if (name.rfind("pod-card:", 0) == 0 && lesson::parsePodRef(name.substr(9), ref, error)) pods.push_back(ref);
        if (name.rfind("node-card:", 0) == 0 && lesson::parseObjectRef("Node/" + name.substr(10), ref, error))
            nodes.push_back(ref);
        wantsPod |= name == "inspector.tolerations" || name == "inspector.affinity";
        wantsNode |= name == "inspector.taints";
    }
    if (step.tryIt)
        for (const auto& c : step.tryIt->until)
            if (!c.object.empty()) (c.object.kind == "Node" ? nodes : pods).push_back(c.object);
    // The sections the step points at say which object it means: tolerations and affinity are
    // a pod's, taints a node's.
    if (wantsPod && !wantsNode && !pods.empty()) return pods.front();
    if (wantsNode && !wantsPod && !nodes.empty()) return nodes.front();
    if (!pods.empty()) return pods.front();
    if (!nodes.empty()) return nodes.front();
    // A step about the Lease: kube-scheduler's lock under its default name (leaderElection's
    // resourceNamespace / resourceName).
    for (const auto& name : step.spotlight)
        if (name == "lease") return lesson::ObjectRef{"Lease", "kube-system", "kube-scheduler"};
    return {};
}

QVariantMap inspectObject(const store::ApiStore& store, const lesson::ObjectRef& ref) {
    QVariantMap out;
    if (ref.empty()) return out;
    const QString name = ref.namespace_.empty() ? qs(ref.name) : qs(ref.namespace_ + "/" + ref.name);
    out["kind"] = qs(ref.kind);
    out["title"] = qs(ref.kind) + " " + name;
    store::ObjectPtr object = store.find(lesson::keyOf(ref));
    out["found"] = object != nullptr;
    if (!object) return out;
    out["labels"] = qs(section(*object, "metadata.labels"));
    out["taints"] = qs(section(*object, "spec.taints"));
    // A namespace's tolerations are the PodTolerationRestriction annotations (sched-10).
    out["tolerations"] = qs(ref.kind == "Namespace" ? section(*object, "metadata.annotations")
                                                    : section(*object, "spec.tolerations"));
    if (ref.kind == "Pod") {
        // Requests and limits per container (init containers too: they count, see sched-05).
        std::string resources;
        for (const char* list : {"initContainers", "containers"}) {
            const api::Value* containers = object->at(std::string("spec.") + list);
            if (!containers || !containers->isSequence()) continue;
            for (const auto& c : containers->items()) {
                const api::Value* r = c.get("resources");
                api::Value entry = api::Value::mapping();
                entry.set(std::string(list) + "/" + c.str("name"), r ? *r : api::Value::mapping());
                resources += api::toYaml(entry);
            }
        }
        out["resources"] = qs(resources);
        out["affinity"] = qs(section(*object, "spec.nodeSelector") + section(*object, "spec.affinity") +
                             section(*object, "spec.priorityClassName") + section(*object, "spec.schedulerName"));
    } else {
        out["resources"] = qs(section(*object, "status.allocatable"));
        out["affinity"] = QString();
    }
    out["yaml"] = qs(api::toYaml(*object));
    return out;
}

}  // namespace ks::gui
