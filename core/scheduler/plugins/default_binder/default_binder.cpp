#include "core/scheduler/plugins/default_binder/default_binder.h"

namespace ks::scheduler::plugins {

Status DefaultBinder::bind(CycleState&, const PodInfo& pod, const std::string& nodeName) {
    Status s = m_handle.bindPod(*pod.pod, nodeName);
    if (s.isSuccess()) return s;
    return Status::error(s.message());
}

std::unique_ptr<Plugin> newDefaultBinder(const api::Value*, Handle& handle, std::string&) {
    return std::make_unique<DefaultBinder>(handle);
}

}  // namespace ks::scheduler::plugins
