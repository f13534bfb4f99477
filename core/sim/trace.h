// Trace: every step of a run that a learner could want to see, in order.
//
// No upstream counterpart as such: the records carry what kube-scheduler-simulator shows
// (each plugin's verdict and score) and what `kubectl get events` and component logs would
// say, with a message key and arguments so that the GUI can translate the sentence. The trace
// is the contract between the core and its viewers (GUI, CLI, lessons, golden tests), so its
// JSON Lines form is byte-stable: fixed key order, integers printed exactly.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/api/value.h"
#include "core/sim/clock.h"

namespace ks::sim {

// One step: who did what to which objects, when, and the data to explain it.
struct TraceRecord {
    std::uint64_t seq = 0;             // 1-based, assigned by Trace::append
    Time time = 0;                     // virtual milliseconds
    std::string actor;                 // "kube-scheduler", "kubelet/node-1"
    std::string action;                // "Filter", "Score", "Bind", "SyncPod"
    std::vector<std::string> objects;  // "pod/default/web-3", "node//node-1" style references
    std::string key;                   // message key for translation: "scheduler.bind"
    std::map<std::string, std::string> args;  // message arguments: {pod: web-3, node: node-3}
    api::Value detail;                 // explanation payload (score tables, verdicts); Null if none

    bool operator==(const TraceRecord& other) const;
};

// The run's records. Append-only while running; snapshots truncate it when going back.
class Trace {
public:
    using ObserverId = std::uint64_t;
    using AppendObserver = std::function<void(const TraceRecord&)>;
    using TruncateObserver = std::function<void(std::size_t newSize)>;

    // Sets record.seq to size() + 1, stores it, tells the observers. Returns the seq.
    std::uint64_t append(TraceRecord record);

    std::size_t size() const { return m_records.size(); }
    bool empty() const { return m_records.empty(); }
    // By 0-based index: record(i).seq == i + 1.
    const TraceRecord& record(std::size_t i) const { return m_records.at(i); }
    // By seq; nullptr when out of range.
    const TraceRecord* bySeq(std::uint64_t seq) const;
    const std::vector<TraceRecord>& records() const { return m_records; }

    // Keeps the first `size` records (no-op when already shorter).
    void truncate(std::size_t size);

    ObserverId addObserver(AppendObserver observer);
    ObserverId addTruncateObserver(TruncateObserver observer);
    void removeObserver(ObserverId id);

private:
    std::vector<TraceRecord> m_records;
    std::vector<std::pair<ObserverId, AppendObserver>> m_appendObservers;
    std::vector<std::pair<ObserverId, TruncateObserver>> m_truncateObservers;
    ObserverId m_nextObserverId = 1;
};

// ---- JSON Lines ----
// One record per line, keys in this order:
//   {"seq":1,"time":12500,"timestamp":"2026-01-01T00:00:12.500Z","actor":"...","action":"...",
//    "objects":[...],"key":"...","args":{...},"detail":...}
// args are sorted by key; detail keeps its mapping order. Strings are UTF-8 (invalid bytes
// become U+FFFD); integers are printed exactly; plain YAML floats keep their text when it is
// valid JSON.

// One line, without the trailing newline.
std::string toJsonLine(const TraceRecord& record);
// Records [from, size) each followed by '\n'.
std::string toJsonLines(const Trace& trace, std::size_t from = 0);
// The compact JSON form of a Value, as used for "detail".
std::string compactJson(const api::Value& value);

struct TraceReadResult {
    std::vector<TraceRecord> records;
    api::Diagnostics diagnostics;  // FILE:LINE:COL: field: message; bad lines are skipped
    bool ok() const { return !api::hasErrors(diagnostics); }
};

// Reads what toJsonLines wrote (blank lines are skipped). seq is taken as written;
// "timestamp" is informational and ignored, "time" is authoritative; unknown keys are ignored.
TraceReadResult readJsonLines(std::string_view text, std::string_view fileName = {});

}  // namespace ks::sim
