// EventCorrelator: how a component's event recorder folds repeated events before writing them.
// Mirrors k8s.io/client-go/tools/record/events_cache.go (v0.31):
//  - the spam filter: a token bucket per source+object (burst 25, one more every 5 minutes);
//  - the aggregator: more than 10 distinct messages with the same source, object, type and reason
//    within 10 minutes become one event "(combined from similar events): <message>";
//  - the logger: an identical event (same source, object, type, reason, message) increments the
//    count of the existing Event and moves its lastTimestamp, instead of creating a new one.
// Upstream keeps this state in each component's broadcaster; here one correlator serves every
// component (their keys include the source component, so they never mix).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "core/api/types.h"

namespace ks::store {

// The fields of a core/v1 Event that correlation looks at.
struct EventRecord {
    std::string component, host;                                          // source
    std::string kind, namespace_, name, uid, apiVersion, fieldPath;        // involvedObject
    std::string type, reason, message;
};

class EventCorrelator {
public:
    static constexpr std::size_t kLruSize = 4096;
    static constexpr std::size_t kAggregateMaxEvents = 10;
    static constexpr api::Time kAggregateInterval = 600 * 1000;
    static constexpr double kSpamBurst = 25;
    static constexpr double kSpamQps = 1.0 / 300.0;

    struct Decision {
        bool skip = false;           // dropped by the spam filter
        bool update = false;         // an existing Event gets count/lastTimestamp/message
        std::string existingName;    // the Event to update
        std::string message;         // possibly "(combined from similar events): ..."
        std::int64_t count = 1;
        api::Time firstTimestamp = 0;
        std::string cacheKey;        // for recorded()
    };

    // EventCorrelate: aggregate, then observe, then filter.
    Decision correlate(const EventRecord& event, api::Time now);
    // updateState after the write succeeded: remembers the Event's name and count.
    void recorded(const Decision& decision, const std::string& eventName);

private:
    struct LogEntry {
        std::int64_t count = 0;
        api::Time firstTimestamp = 0;
        std::string name;
        std::uint64_t used = 0;
    };
    struct AggregateEntry {
        std::set<std::string> localKeys;
        api::Time lastTimestamp = 0;
        bool seen = false;
        std::uint64_t used = 0;
    };
    struct SpamEntry {
        double tokens = kSpamBurst;
        api::Time last = 0;
        std::uint64_t used = 0;
    };
    template <typename Map>
    void evict(Map& m);

    std::map<std::string, LogEntry> m_log;
    std::map<std::string, AggregateEntry> m_aggregate;
    std::map<std::string, SpamEntry> m_spam;
    std::uint64_t m_tick = 0;
};

}  // namespace ks::store
