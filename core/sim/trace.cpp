#include "core/sim/trace.h"

#include <algorithm>

namespace ks::sim {

bool TraceRecord::operator==(const TraceRecord& o) const {
    return seq == o.seq && time == o.time && actor == o.actor && action == o.action && objects == o.objects &&
           key == o.key && args == o.args && detail == o.detail;
}

std::uint64_t Trace::append(TraceRecord record) {
    record.seq = m_records.size() + 1;
    m_records.push_back(std::move(record));
    // A copy: an observer may add or remove observers.
    const auto observers = m_appendObservers;
    for (const auto& [id, fn] : observers) fn(m_records.back());
    return m_records.back().seq;
}

const TraceRecord* Trace::bySeq(std::uint64_t seq) const {
    if (seq == 0 || seq > m_records.size()) return nullptr;
    return &m_records[seq - 1];
}

void Trace::truncate(std::size_t size) {
    if (size >= m_records.size()) return;
    m_records.resize(size);
    const auto observers = m_truncateObservers;
    for (const auto& [id, fn] : observers) fn(size);
}

Trace::ObserverId Trace::addObserver(AppendObserver observer) {
    m_appendObservers.emplace_back(m_nextObserverId, std::move(observer));
    return m_nextObserverId++;
}

Trace::ObserverId Trace::addTruncateObserver(TruncateObserver observer) {
    m_truncateObservers.emplace_back(m_nextObserverId, std::move(observer));
    return m_nextObserverId++;
}

void Trace::removeObserver(ObserverId id) {
    auto drop = [id](auto& list) {
        list.erase(std::remove_if(list.begin(), list.end(), [id](const auto& p) { return p.first == id; }),
                   list.end());
    };
    drop(m_appendObservers);
    drop(m_truncateObservers);
}

}  // namespace ks::sim
