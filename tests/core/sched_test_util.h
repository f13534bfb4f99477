// Builders for scheduler tests: nodes and pods made in code, without manifests.
#pragma once

#include <memory>
#include <string>

#include "core/api/types.h"

namespace ks::schedtest {

inline api::Quantity q(const char* s) { return *api::Quantity::parse(s); }

inline std::shared_ptr<api::Node> node(const std::string& name, const char* cpu = "4", const char* memory = "8Gi",
                                       const char* pods = "110") {
    auto n = std::make_shared<api::Node>();
    n->metadata.name = name;
    n->metadata.labels["kubernetes.io/hostname"] = name;
    n->status.allocatable = {{"cpu", q(cpu)}, {"memory", q(memory)}, {"pods", q(pods)}};
    n->status.capacity = n->status.allocatable;
    return n;
}

inline std::shared_ptr<api::Pod> pod(const std::string& name, const char* cpu = nullptr, const char* memory = nullptr) {
    auto p = std::make_shared<api::Pod>();
    p->metadata.name = name;
    p->metadata.namespace_ = "default";
    p->metadata.uid = "uid-" + name;
    api::Container c;
    c.name = "app";
    c.image = "nginx";
    if (cpu) c.resources.requests["cpu"] = q(cpu);
    if (memory) c.resources.requests["memory"] = q(memory);
    p->spec.containers.push_back(c);
    p->spec.priority = 0;
    return p;
}

inline api::Toleration toleration(const std::string& key, const std::string& op, const std::string& value,
                                  const std::string& effect) {
    api::Toleration t;
    t.key = key;
    t.op = op;
    t.value = value;
    t.effect = effect;
    return t;
}

}  // namespace ks::schedtest
