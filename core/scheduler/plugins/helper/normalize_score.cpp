#include "core/scheduler/plugins/helper/normalize_score.h"

namespace ks::scheduler::plugins::helper {

void defaultNormalizeScore(std::int64_t maxPriority, bool reverse, std::vector<NodeScore>& scores) {
    std::int64_t maxCount = 0;
    for (const auto& s : scores) maxCount = s.score > maxCount ? s.score : maxCount;
    if (maxCount == 0) {
        if (reverse)
            for (auto& s : scores) s.score = maxPriority;
        return;
    }
    for (auto& s : scores) {
        s.score = maxPriority * s.score / maxCount;
        if (reverse) s.score = maxPriority - s.score;
    }
}

}  // namespace ks::scheduler::plugins::helper
