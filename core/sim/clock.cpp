#include "core/sim/clock.h"

#include <charconv>
#include <cstdint>

namespace ks::sim {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month, day;
};

constexpr Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

static_assert(daysFromCivil(2026, 1, 1) * kSecondsPerDay == kEpochUnixSeconds);

constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool isLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysIn(unsigned month, std::int64_t year) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

void appendPadded(std::string& out, std::int64_t v, int width) {
    if (v < 0) {
        out += '-';
        v = -v;
    }
    std::string digits = std::to_string(v);
    for (int i = static_cast<int>(digits.size()); i < width; ++i) out += '0';
    out += digits;
}

// Splits virtual time into a Unix second (floored) and the millisecond within it.
std::string formatWith(Time t, bool millis) {
    const std::int64_t sec = floorDiv(t, 1000);
    const std::int64_t ms = t - sec * 1000;
    const std::int64_t unix = kEpochUnixSeconds + sec;
    const std::int64_t days = floorDiv(unix, kSecondsPerDay);
    const std::int64_t secOfDay = unix - days * kSecondsPerDay;
    const Civil c = civilFromDays(days);
    std::string out;
    out.reserve(24);
    appendPadded(out, c.year, 4);
    out += '-';
    appendPadded(out, c.month, 2);
    out += '-';
    appendPadded(out, c.day, 2);
    out += 'T';
    appendPadded(out, secOfDay / 3600, 2);
    out += ':';
    appendPadded(out, secOfDay / 60 % 60, 2);
    out += ':';
    appendPadded(out, secOfDay % 60, 2);
    if (millis) {
        out += '.';
        appendPadded(out, ms, 3);
    }
    out += 'Z';
    return out;
}

// Go's time.quote: ASCII printable kept, '"' and '\' escaped, every other byte as \xNN.
std::string goQuote(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c >= 0x80 || c < 0x20) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        } else {
            if (c == '"' || c == '\\') out += '\\';
            out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

bool isDigit(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Go's getnum: one or two digits (exactly two when fixed).
bool getNum(std::string_view& s, bool fixed, int& out) {
    if (!isDigit(s, 0)) return false;
    if (!isDigit(s, 1)) {
        if (fixed) return false;
        out = s[0] - '0';
        s.remove_prefix(1);
        return true;
    }
    out = (s[0] - '0') * 10 + (s[1] - '0');
    s.remove_prefix(2);
    return true;
}

std::string parseError(std::string_view value, std::string_view layoutElem, std::string_view valueElem) {
    return "parsing time " + goQuote(value) + " as " + goQuote(kRfc3339Layout) + ": cannot parse " +
           goQuote(valueElem) + " as " + goQuote(layoutElem);
}

std::string rangeError(std::string_view value, std::string_view what) {
    return "parsing time " + goQuote(value) + ": " + std::string(what) + " out of range";
}

}  // namespace

std::string formatRfc3339(Time t) { return formatWith(t, false); }

std::string formatRfc3339Milli(Time t) { return formatWith(t, true); }

Parsed<Time> parseRfc3339(std::string_view text) {
    // Walks Go's RFC3339 layout chunk by chunk so that errors name the same element as Go's.
    Parsed<Time> r;
    std::string_view v = text;
    std::int64_t year = 0;
    int month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0, offsetSeconds = 0;

    auto literal = [&](char c) {
        if (v.empty() || v[0] != c) {
            r.error = parseError(text, std::string(1, c), v);
            return false;
        }
        v.remove_prefix(1);
        return true;
    };
    auto number = [&](std::string_view elem, bool fixed, int& out, int lo, int hi, const char* what) {
        std::string_view hold = v;
        if (!getNum(v, fixed, out)) {
            r.error = parseError(text, elem, hold);
            return false;
        }
        if (out < lo || out > hi) {
            r.error = rangeError(text, what);
            return false;
        }
        return true;
    };

    // 2006: four bytes through atoi (an optional sign, then digits).
    {
        std::string_view hold = v;
        bool bad = v.size() < 4;
        if (!bad) {
            std::string_view p = v.substr(0, 4);
            bool neg = false;
            if (p[0] == '-' || p[0] == '+') {
                neg = p[0] == '-';
                p.remove_prefix(1);
            }
            std::int64_t y = 0;
            auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), y);
            bad = p.empty() || ec != std::errc() || ptr != p.data() + p.size() || p[0] == '-' || p[0] == '+';
            year = neg ? -y : y;
            v.remove_prefix(4);
        }
        if (bad) {
            r.error = parseError(text, "2006", hold);
            return r;
        }
    }
    if (!literal('-') || !number("01", true, month, 1, 12, "month")) return r;
    if (!literal('-') || !number("02", true, day, 0, 31, "day")) return r;
    if (!literal('T') || !number("15", false, hour, 0, 23, "hour")) return r;
    if (!literal(':') || !number("04", true, minute, 0, 59, "minute")) return r;
    if (!literal(':') || !number("05", true, second, 0, 59, "second")) return r;

    // A fraction that the layout does not name is still accepted (Go does the same).
    if (v.size() >= 2 && (v[0] == '.' || v[0] == ',') && isDigit(v, 1)) {
        std::size_t n = 1;
        while (isDigit(v, n)) ++n;
        for (std::size_t i = 1; i < 4; ++i) millis = millis * 10 + (i < n ? v[i] - '0' : 0);
        v.remove_prefix(n);
    }

    // Z07:00
    if (!v.empty() && v[0] == 'Z') {
        v.remove_prefix(1);
    } else {
        std::string_view hold = v;
        if (v.size() < 6 || v[3] != ':' || (v[0] != '+' && v[0] != '-')) {
            r.error = parseError(text, "Z07:00", hold);
            return r;
        }
        std::string_view hh = v.substr(1, 2), mm = v.substr(4, 2);
        int oh = 0, om = 0;
        if (!getNum(hh, true, oh) || !getNum(mm, true, om)) {
            r.error = parseError(text, "Z07:00", hold);
            return r;
        }
        if (oh > 24) {
            r.error = rangeError(text, "time zone offset hour");
            return r;
        }
        if (om > 60) {
            r.error = rangeError(text, "time zone offset minute");
            return r;
        }
        offsetSeconds = (oh * 60 + om) * 60 * (v[0] == '-' ? -1 : 1);
        v.remove_prefix(6);
    }
    if (!v.empty()) {
        r.error = "parsing time " + goQuote(text) + ": extra text: " + goQuote(v);
        return r;
    }
    if (day < 1 || static_cast<unsigned>(day) > daysIn(static_cast<unsigned>(month), year)) {
        r.error = rangeError(text, "day");
        return r;
    }
    const std::int64_t unix = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) *
                                  kSecondsPerDay +
                              hour * 3600 + minute * 60 + second - offsetSeconds;
    r.value = (unix - kEpochUnixSeconds) * 1000 + millis;
    return r;
}

Parsed<Duration> parseDuration(std::string_view text) {
    // Go's time.ParseDuration (go1.22), counting nanoseconds in an unsigned accumulator.
    constexpr std::uint64_t kLimit = std::uint64_t(1) << 63;
    Parsed<Duration> r;
    const std::string invalid = "time: invalid duration " + goQuote(text);
    std::string_view s = text;
    bool neg = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") {
        r.value = 0;
        return r;
    }
    if (s.empty()) {
        r.error = invalid;
        return r;
    }
    std::uint64_t total = 0;
    while (!s.empty()) {
        if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) {
            r.error = invalid;
            return r;
        }
        // Integer part.
        std::uint64_t v = 0;
        std::size_t before = s.size();
        while (!s.empty() && s[0] >= '0' && s[0] <= '9') {
            if (v > kLimit / 10) {
                r.error = invalid;
                return r;
            }
            v = v * 10 + static_cast<std::uint64_t>(s[0] - '0');
            if (v > kLimit) {
                r.error = invalid;
                return r;
            }
            s.remove_prefix(1);
        }
        const bool pre = s.size() != before;
        // Fraction.
        std::uint64_t f = 0;
        double scale = 1;
        bool post = false;
        if (!s.empty() && s[0] == '.') {
            s.remove_prefix(1);
            before = s.size();
            bool overflow = false;
            while (!s.empty() && s[0] >= '0' && s[0] <= '9') {
                if (!overflow) {
                    if (f > (kLimit - 1) / 10) {
                        overflow = true;
                    } else {
                        std::uint64_t y = f * 10 + static_cast<std::uint64_t>(s[0] - '0');
                        if (y > kLimit) {
                            overflow = true;
                        } else {
                            f = y;
                            scale *= 10;
                        }
                    }
                }
                s.remove_prefix(1);
            }
            post = s.size() != before;
        }
        if (!pre && !post) {
            r.error = invalid;
            return r;
        }
        // Unit: everything up to the next number.
        std::size_t i = 0;
        while (i < s.size() && s[i] != '.' && !(s[i] >= '0' && s[i] <= '9')) ++i;
        if (i == 0) {
            r.error = "time: missing unit in duration " + goQuote(text);
            return r;
        }
        std::string_view u = s.substr(0, i);
        s.remove_prefix(i);
        std::uint64_t unit = 0;
        if (u == "ns") unit = 1;
        else if (u == "us" || u == "\xC2\xB5s" || u == "\xCE\xBCs") unit = 1000;
        else if (u == "ms") unit = 1000000;
        else if (u == "s") unit = 1000000000;
        else if (u == "m") unit = 60ull * 1000000000;
        else if (u == "h") unit = 3600ull * 1000000000;
        if (unit == 0) {
            r.error = "time: unknown unit " + goQuote(u) + " in duration " + goQuote(text);
            return r;
        }
        if (v > kLimit / unit) {
            r.error = invalid;
            return r;
        }
        v *= unit;
        if (f > 0) {
            v += static_cast<std::uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
            if (v > kLimit) {
                r.error = invalid;
                return r;
            }
        }
        total += v;
        if (total > kLimit) {
            r.error = invalid;
            return r;
        }
    }
    if (!neg && total > kLimit - 1) {
        r.error = invalid;
        return r;
    }
    const auto ms = static_cast<std::int64_t>(total / 1000000);  // toward zero
    r.value = neg ? -ms : ms;
    return r;
}

std::string formatDuration(Duration d) {
    if (d == 0) return "0s";
    const bool neg = d < 0;
    std::uint64_t u = neg ? std::uint64_t(0) - static_cast<std::uint64_t>(d) : static_cast<std::uint64_t>(d);
    std::string out = neg ? "-" : "";
    if (u < 1000) return out + std::to_string(u) + "ms";
    std::string tail;
    const std::uint64_t ms = u % 1000;
    u /= 1000;  // whole seconds
    std::string seconds = std::to_string(u % 60);
    if (ms != 0) {
        std::string frac = std::to_string(ms);
        frac.insert(0, 3 - frac.size(), '0');
        while (frac.back() == '0') frac.pop_back();
        seconds += "." + frac;
    }
    tail = seconds + "s";
    u /= 60;  // whole minutes
    if (u > 0) {
        tail = std::to_string(u % 60) + "m" + tail;
        u /= 60;
        if (u > 0) tail = std::to_string(u) + "h" + tail;
    }
    return out + tail;
}

}  // namespace ks::sim
