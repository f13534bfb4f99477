#include "schedule_input.h"

#include <map>

#include "core/api/decode.h"
#include "core/api/defaults.h"
#include "core/scheduler/framework/listed_objects.h"

namespace ks::cli {

namespace {

struct ClassInfo {
    std::int32_t value;
    std::string preemptionPolicy;
    bool globalDefault;
};

}  // namespace

bool buildScheduleInput(const std::vector<api::LoadedObject>& loaded, ScheduleInput& out, api::Diagnostics& diags) {
    std::vector<std::pair<api::Pod, const api::LoadedObject*>> pods;
    // The system classes exist in every cluster (pkg/apis/scheduling).
    std::map<std::string, ClassInfo> classes = {
        {"system-cluster-critical", {2000000000, "PreemptLowerPriority", false}},
        {"system-node-critical", {2000001000, "PreemptLowerPriority", false}},
    };
    for (const auto& lo : loaded) {
        if (!lo.simulated) continue;
        api::Value obj = lo.object;
        api::applyDefaults(obj);
        const std::string kind = obj.str("kind");
        if (kind == "Node") out.nodes.push_back(std::make_shared<api::Node>(api::decodeNode(obj)));
        else if (kind == "Pod") pods.emplace_back(api::decodePod(obj), &lo);
        else if (scheduler::addListedObject(*out.objects, obj) && kind == "PriorityClass") {
            api::PriorityClass pc = api::decodePriorityClass(obj);
            classes[pc.metadata.name] = {pc.value, pc.preemptionPolicy, pc.globalDefault};
        }
    }
    // The Priority admission plugin: priorityClassName -> spec.priority (and preemptionPolicy);
    // without a name the globalDefault class (the lowest value if several) applies.
    const ClassInfo* globalDefault = nullptr;
    std::string globalDefaultName;
    for (const auto& [name, c] : classes)
        if (c.globalDefault && (!globalDefault || c.value < globalDefault->value)) {
            globalDefault = &c;
            globalDefaultName = name;
        }
    bool ok = true;
    for (auto& [pod, lo] : pods) {
        const ClassInfo* cls = nullptr;
        if (pod.spec.priorityClassName.empty()) {
            if (globalDefault) {
                cls = globalDefault;
                pod.spec.priorityClassName = globalDefaultName;
            }
        } else if (auto it = classes.find(pod.spec.priorityClassName); it != classes.end()) {
            cls = &it->second;
        } else {
            diags.push_back({api::Diagnostic::Severity::Error, lo->file, lo->object.mark(), "spec.priorityClassName",
                             "pods \"" + pod.metadata.name + "\" is forbidden: no PriorityClass with name " +
                                 pod.spec.priorityClassName + " was found"});
            ok = false;
            continue;
        }
        const std::int32_t computed = cls ? cls->value : 0;
        if (pod.spec.priority && *pod.spec.priority != computed) {
            diags.push_back({api::Diagnostic::Severity::Error, lo->file, lo->object.mark(), "spec.priority",
                             "pods \"" + pod.metadata.name + "\" is forbidden: the integer value of priority (" +
                                 std::to_string(*pod.spec.priority) +
                                 ") must not be provided in pod spec; priority admission controller computed " +
                                 std::to_string(computed) + " from the given PriorityClass name"});
            ok = false;
            continue;
        }
        if (cls) {
            pod.spec.priority = cls->value;
            if (!pod.spec.preemptionPolicy) pod.spec.preemptionPolicy = cls->preemptionPolicy;
        } else if (!pod.spec.priority) {
            pod.spec.priority = 0;
        }
        if (pod.metadata.uid.empty()) pod.metadata.uid = pod.metadata.namespace_ + "/" + pod.metadata.name;
        auto shared = std::make_shared<api::Pod>(std::move(pod));
        if (shared->spec.nodeName.empty()) out.pendingPods.push_back(shared);
        else {
            if (shared->status.phase.empty() || shared->status.phase == "Pending") shared->status.phase = "Running";
            out.boundPods.push_back(shared);
        }
    }
    return ok;
}

}  // namespace ks::cli
