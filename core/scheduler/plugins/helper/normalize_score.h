// DefaultNormalizeScore, shared by the Score plugins that normalize to [0, maxPriority].
// Mirrors pkg/scheduler/framework/plugins/helper/normalize_score.go (v1.31).
#pragma once

#include <cstdint>
#include <vector>

#include "core/scheduler/framework/interface.h"

namespace ks::scheduler::plugins::helper {

// Scales scores to [0, maxPriority] by the highest score (int64 truncation); with reverse the
// result is maxPriority - score. When every score is 0, reverse gives maxPriority to all.
void defaultNormalizeScore(std::int64_t maxPriority, bool reverse, std::vector<NodeScore>& scores);

}  // namespace ks::scheduler::plugins::helper
