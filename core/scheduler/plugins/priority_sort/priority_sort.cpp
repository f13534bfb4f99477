#include "core/scheduler/plugins/priority_sort/priority_sort.h"

namespace ks::scheduler::plugins {

bool PrioritySort::less(const QueuedPodInfo& a, const QueuedPodInfo& b) const {
    const std::int32_t p1 = a.podInfo->priority();
    const std::int32_t p2 = b.podInfo->priority();
    return p1 > p2 || (p1 == p2 && a.timestamp < b.timestamp);
}

std::unique_ptr<Plugin> newPrioritySort(const api::Value*, Handle&, std::string&) {
    return std::make_unique<PrioritySort>();
}

}  // namespace ks::scheduler::plugins
