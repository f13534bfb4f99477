#include "core/store/event_correlator.h"

#include <algorithm>

namespace ks::store {

namespace {

std::string join(std::initializer_list<const std::string*> parts) {
    std::string out;
    for (const std::string* p : parts) out += *p;
    return out;
}

// getEventKey: everything, message included.
std::string eventKey(const EventRecord& e) {
    return join({&e.component, &e.host, &e.kind, &e.namespace_, &e.name, &e.fieldPath, &e.uid, &e.apiVersion, &e.type,
                 &e.reason, &e.message});
}

// EventAggregatorByReasonFunc: everything but the message (reportingController/Instance are
// the source here).
std::string aggregateKey(const EventRecord& e) {
    return join({&e.component, &e.host, &e.kind, &e.namespace_, &e.name, &e.uid, &e.apiVersion, &e.type, &e.reason,
                 &e.component, &e.host});
}

// getSpamKey: source and object.
std::string spamKey(const EventRecord& e) {
    return join({&e.component, &e.host, &e.kind, &e.namespace_, &e.name, &e.uid, &e.apiVersion});
}

}  // namespace

template <typename Map>
void EventCorrelator::evict(Map& m) {
    while (m.size() > kLruSize) {
        auto oldest = std::min_element(m.begin(), m.end(),
                                       [](const auto& a, const auto& b) { return a.second.used < b.second.used; });
        m.erase(oldest);
    }
}

EventCorrelator::Decision EventCorrelator::correlate(const EventRecord& event, api::Time now) {
    Decision d;
    d.message = event.message;
    d.firstTimestamp = now;

    // EventAggregate
    std::string key = eventKey(event);
    std::string aggKey = aggregateKey(event);
    AggregateEntry& agg = m_aggregate[aggKey];
    if (!agg.seen || now - agg.lastTimestamp > kAggregateInterval) agg = AggregateEntry{};
    agg.seen = true;
    agg.localKeys.insert(event.message);
    agg.lastTimestamp = now;
    agg.used = ++m_tick;
    if (agg.localKeys.size() >= kAggregateMaxEvents) {
        // "do not grow our local key set any larger than max". Upstream pops an arbitrary key
        // (Go map order); the smallest one keeps runs reproducible.
        agg.localKeys.erase(agg.localKeys.begin());
        d.message = "(combined from similar events): " + event.message;
        key = aggKey;
    }
    evict(m_aggregate);

    // eventObserve
    auto it = m_log.find(key);
    if (it != m_log.end() && it->second.count > 0) {
        d.update = true;
        d.existingName = it->second.name;
        d.firstTimestamp = it->second.firstTimestamp;
        d.count = it->second.count + 1;
    }
    LogEntry& log = m_log[key];
    log.count = d.count;
    log.firstTimestamp = d.firstTimestamp;
    log.name = d.existingName;
    log.used = ++m_tick;
    evict(m_log);
    d.cacheKey = key;

    // EventSourceObjectSpamFilter: a token bucket (golang.org/x/time/rate) per source+object.
    SpamEntry& spam = m_spam[spamKey(event)];
    if (spam.used == 0) spam.last = now;
    spam.tokens = std::min(kSpamBurst, spam.tokens + static_cast<double>(now - spam.last) / 1000.0 * kSpamQps);
    spam.last = now;
    spam.used = ++m_tick;
    if (spam.tokens >= 1.0)
        spam.tokens -= 1.0;
    else
        d.skip = true;
    evict(m_spam);
    return d;
}

void EventCorrelator::recorded(const Decision& decision, const std::string& eventName) {
    auto it = m_log.find(decision.cacheKey);
    if (it == m_log.end()) return;
    it->second.name = eventName;
    it->second.count = decision.count;
    it->second.firstTimestamp = decision.firstTimestamp;
}

}  // namespace ks::store
