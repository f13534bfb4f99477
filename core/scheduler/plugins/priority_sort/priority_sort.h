// PrioritySort: the default QueueSort plugin. Higher priority first, then the earlier queue
// timestamp. Mirrors pkg/scheduler/framework/plugins/queuesort/priority_sort.go (v1.31).
#pragma once

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins {

class PrioritySort : public QueueSortPlugin {
public:
    std::string name() const override { return "PrioritySort"; }
    bool less(const QueuedPodInfo& a, const QueuedPodInfo& b) const override;
};

std::unique_ptr<Plugin> newPrioritySort(const api::Value* args, Handle& handle, std::string& error);

}  // namespace ks::scheduler::plugins
