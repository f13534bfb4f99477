// Diagnosis and FitError: why no node fits, and the FailedScheduling message built from it.
// Mirrors pkg/scheduler/framework/types.go (Diagnosis, FitError.Error) of v1.31:
// "0/N nodes are available: <PreFilter msg>." or the sorted histogram of node reasons, then the
// PostFilter (preemption) message.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler {

struct Diagnosis {
    NodeToStatus nodeToStatus;  // rejected nodes only
    std::set<std::string> unschedulablePlugins, pendingPlugins;
    std::string preFilterMsg, postFilterMsg;
    // Upstream AddPluginStatus.
    void addPluginStatus(const Status& s);

private:
    std::optional<Status> m_last;  // the last status added
};

struct FitError {
    std::size_t numAllNodes = 0;
    Diagnosis diagnosis;
    std::string message() const;
};

// upstream ErrNoNodesAvailable
inline constexpr const char* kNoNodesAvailableMsg = "no nodes available to schedule pods";

// Event notes are limited to 1024 bytes: longer ones keep 1020 bytes and " ..." (upstream
// truncateMessage with validation.NoteLengthLimit).
std::string truncateEventMessage(const std::string& message);

}  // namespace ks::scheduler
