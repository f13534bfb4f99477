#include "core/scheduler/framework/fit_error.h"

#include <algorithm>
#include <map>
#include <vector>

namespace ks::scheduler {

void Diagnosis::addPluginStatus(const Status& s) {
    // Rejections tagged by the runtime share their plugin name: the same one as the last is
    // already in the sets (m_last holds that name, so no other can take its address).
    if (m_last && &s.plugin() == &m_last->plugin() && s.code() == m_last->code()) return;
    m_last = s;
    if (s.plugin().empty()) return;
    if (s.isRejected()) unschedulablePlugins.insert(s.plugin());
    if (s.code() == Code::Pending) pendingPlugins.insert(s.plugin());
}

std::string FitError::message() const {
    std::string msg = "0/" + std::to_string(numAllNodes) + " nodes are available:";
    if (!diagnosis.preFilterMsg.empty()) {
        // Every node carries the PreFilter status: listing them would repeat it N times.
        msg += " " + diagnosis.preFilterMsg + ".";
    } else {
        // Statuses share their reasons when a plugin rejects many nodes alike: count each shared
        // list once, then its reasons (the histogram is sorted below, so no order leaks).
        std::map<std::string, int> reasons;
        for (const auto& [list, count] : diagnosis.nodeToStatus.reasonLists())
            for (const auto& r : *list) reasons[r] += count;
        std::vector<std::string> entries;
        for (const auto& [reason, count] : reasons) entries.push_back(std::to_string(count) + " " + reason);
        // Go's sort.Strings: byte-wise, so "10 X" sorts before "2 Y".
        std::sort(entries.begin(), entries.end());
        if (!entries.empty()) {
            msg += " ";
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (i) msg += ", ";
                msg += entries[i];
            }
            msg += ".";
        }
    }
    if (!diagnosis.postFilterMsg.empty()) msg += " " + diagnosis.postFilterMsg;
    return msg;
}

std::string truncateEventMessage(const std::string& message) {
    constexpr std::size_t kLimit = 1024;
    if (message.size() <= kLimit) return message;
    return message.substr(0, kLimit - 4) + " ...";
}

}  // namespace ks::scheduler
