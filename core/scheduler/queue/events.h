// Cluster events that may make an unschedulable pod schedulable, and which in-tree plugin
// registered interest in which (upstream EventsToRegister of each plugin, v1.31). With
// SchedulerQueueingHints disabled (the v1.31 default) a registered event always requeues.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ks::scheduler {

enum class EventResource { Node, AssignedPod, UnscheduledPod, PersistentVolume, PersistentVolumeClaim,
                           StorageClass, CSINode, CSIDriver, CSIStorageCapacity, WildCard };

// Upstream ActionType bits.
namespace action {
inline constexpr std::uint32_t kAdd = 1 << 0;
inline constexpr std::uint32_t kDelete = 1 << 1;
inline constexpr std::uint32_t kUpdateNodeAllocatable = 1 << 2;
inline constexpr std::uint32_t kUpdateNodeLabel = 1 << 3;
inline constexpr std::uint32_t kUpdateNodeTaint = 1 << 4;
inline constexpr std::uint32_t kUpdateNodeCondition = 1 << 5;
inline constexpr std::uint32_t kUpdateNodeAnnotation = 1 << 6;
inline constexpr std::uint32_t kUpdatePodLabel = 1 << 7;
inline constexpr std::uint32_t kUpdatePodScaleDown = 1 << 8;
inline constexpr std::uint32_t kUpdatePodTolerations = 1 << 9;
inline constexpr std::uint32_t kUpdatePodSchedulingGatesEliminated = 1 << 10;
inline constexpr std::uint32_t kUpdate = kUpdateNodeAllocatable | kUpdateNodeLabel | kUpdateNodeTaint |
                                         kUpdateNodeCondition | kUpdateNodeAnnotation | kUpdatePodLabel |
                                         kUpdatePodScaleDown | kUpdatePodTolerations |
                                         kUpdatePodSchedulingGatesEliminated;
inline constexpr std::uint32_t kAll = kAdd | kDelete | kUpdate;
}  // namespace action

struct ClusterEvent {
    EventResource resource = EventResource::WildCard;
    std::uint32_t actions = action::kAll;
    std::string label;  // "AssignedPodDelete", "NodeAdd", "UnschedulableTimeout", ...

    // True when this registered event covers the incoming one.
    bool covers(const ClusterEvent& incoming) const;
};

namespace events {
ClusterEvent nodeAdd();
ClusterEvent assignedPodAdd();
ClusterEvent assignedPodDelete();
ClusterEvent unschedulableTimeout();
}  // namespace events

// The events a plugin registered; a plugin unknown here (out of tree) gets every event, as
// upstream's defaultEnqueueExtension.
std::vector<ClusterEvent> eventsToRegister(const std::string& pluginName);

}  // namespace ks::scheduler
