// Virtual time of the simulation: milliseconds since 2026-01-01T00:00:00Z.
//
// Mirrors the parts of Go's time package (go1.22 src/time/format.go, format_rfc3339.go) that
// Kubernetes v1.31 shows to users: metav1.Time is written as RFC 3339 with second precision
// ("2026-01-01T00:00:12Z"), and flags such as --until take Go durations ("1m30s", "500ms").
// Nothing here reads the wall clock: the event loop owns "now" (EventLoop::now()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/api/types.h"

namespace ks::sim {

// A point in virtual time: milliseconds since kEpoch (the same type as api::Time).
using Time = api::Time;
// A span of virtual time in milliseconds.
using Duration = std::int64_t;

constexpr Duration kMillisecond = 1;
constexpr Duration kSecond = 1000;
constexpr Duration kMinute = 60 * kSecond;
constexpr Duration kHour = 60 * kMinute;

// 2026-01-01T00:00:00Z as seconds since the Unix epoch: virtual time 0.
constexpr std::int64_t kEpochUnixSeconds = 1767225600;

// Go's RFC3339 layout, quoted in parse errors as Go does.
inline constexpr std::string_view kRfc3339Layout = "2006-01-02T15:04:05Z07:00";

// "2026-01-01T00:00:12Z": RFC 3339 in UTC with whole seconds, as metav1.Time marshals.
// Milliseconds are dropped (rounded toward the past, as Go's Format does).
std::string formatRfc3339(Time t);
// "2026-01-01T00:00:12.500Z": always three fraction digits, for traces and logs.
std::string formatRfc3339Milli(Time t);

// Result of a parse: a value or Go's error text.
template <typename T>
struct Parsed {
    std::optional<T> value;
    std::string error;
    bool ok() const { return value.has_value(); }
};

// Parses RFC 3339 as Go's time.Parse(time.RFC3339, s): "2026-01-01T00:00:12Z",
// "2026-01-01T01:00:12+01:00", with optional fractional seconds (kept to the millisecond,
// truncated). Errors read like Go's ParseError, e.g.
// `parsing time "2026-13-01T00:00:00Z": month out of range`.
Parsed<Time> parseRfc3339(std::string_view text);

// Parses a Go duration as time.ParseDuration: "1m30s", "500ms", "-1.5h", "2h45m", "0".
// Units ns, us, µs, μs, ms, s, m, h. Errors as Go: `time: invalid duration "x"`,
// `time: missing unit in duration "1"`, `time: unknown unit "d" in duration "1d"`.
// NOTE: Go counts nanoseconds; virtual time counts milliseconds, so the result is truncated
// toward zero to whole milliseconds ("1500us" is 1 ms). Range checks are Go's (in ns).
Parsed<Duration> parseDuration(std::string_view text);

// Formats as Go's Duration.String(): "0s", "500ms", "1.5s", "1m30s", "5m0s", "2h0m0s", "-1m0s".
std::string formatDuration(Duration d);

}  // namespace ks::sim
