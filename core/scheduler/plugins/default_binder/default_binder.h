// DefaultBinder: binds the pod through the pods/binding subresource.
// Mirrors pkg/scheduler/framework/plugins/defaultbinder/default_binder.go (v1.31).
#pragma once

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class DefaultBinder : public BindPlugin {
public:
    explicit DefaultBinder(Handle& handle) : m_handle(handle) {}
    std::string name() const override { return "DefaultBinder"; }
    Status bind(CycleState& state, const PodInfo& pod, const std::string& nodeName) override;

private:
    Handle& m_handle;
};

std::unique_ptr<Plugin> newDefaultBinder(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
