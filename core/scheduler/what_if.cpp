#include "core/scheduler/what_if.h"

#include <map>
#include <memory>

#include "core/api/decode.h"
#include "core/api/defaults.h"
#include "core/scheduler/framework/listed_objects.h"
#include "core/scheduler/framework/registry.h"
#include "core/scheduler/scheduler.h"
#include "core/store/api_store.h"

namespace ks::scheduler {

namespace {

std::string textAt(const api::Value& object, const char* path) {
    const api::Value* v = object.at(path);
    return v ? v->text() : "";
}

}  // namespace

WhatIfResult runWhatIf(const store::ApiStore& store, const config::KubeSchedulerConfiguration& config,
                       const WhatIfRequest& request) {
    WhatIfResult result;
    auto sched = Scheduler::create(config, inTreeRegistry(), result.error, request.seed);
    if (!sched) return result;
    sched->setRecording(true);

    // Nodes in the store's order, drafts in place of the stored ones.
    std::map<std::string, const api::Value*> drafts;
    for (const auto& d : request.nodeDrafts) drafts[textAt(d, "metadata.name")] = &d;
    std::vector<std::shared_ptr<const api::Node>> nodes;
    for (const auto& n : store.list("Node")) {
        const std::string name = textAt(*n, "metadata.name");
        auto it = drafts.find(name);
        if (it == drafts.end()) {
            nodes.push_back(std::make_shared<const api::Node>(api::decodeNode(*n)));
            continue;
        }
        api::Value draft = *it->second;
        api::applyDefaults(draft);
        nodes.push_back(std::make_shared<const api::Node>(api::decodeNode(draft)));
        drafts.erase(it);
    }
    for (const auto& [name, d] : drafts) {
        api::Value draft = *d;
        api::applyDefaults(draft);
        nodes.push_back(std::make_shared<const api::Node>(api::decodeNode(draft)));
    }

    api::Value podValue = request.pod;
    api::applyDefaults(podValue);
    const std::string podNs = textAt(podValue, "metadata.namespace");
    const std::string podName = textAt(podValue, "metadata.name");
    std::vector<std::shared_ptr<const api::Pod>> bound;
    for (const auto& p : store.list("Pod")) {
        if (textAt(*p, "spec.nodeName").empty()) continue;
        if (textAt(*p, "metadata.namespace") == podNs && textAt(*p, "metadata.name") == podName) continue;
        bound.push_back(std::make_shared<const api::Pod>(api::decodePod(*p)));
    }
    auto objects = std::make_shared<ClusterObjects>();
    for (const auto& kind : listedKinds())
        for (const auto& o : store.list(kind)) addListedObject(*objects, *o);
    sched->setCluster(nodes, bound, std::move(objects));

    auto pod = std::make_shared<api::Pod>(api::decodePod(podValue));
    pod->spec.nodeName.clear();
    if (!sched->hasProfile(pod->spec.schedulerName)) {
        result.error = "no scheduler profile named \"" + pod->spec.schedulerName + "\"";
        return result;
    }
    sched->addPod(pod, request.now);
    auto record = sched->scheduleOne(request.now);
    if (!record) {
        result.error = "the pod did not reach the scheduling queue";
        return result;
    }
    result.ok = true;
    result.record = std::move(*record);
    return result;
}

}  // namespace ks::scheduler
