// RFC 3339 time stamps <-> virtual milliseconds since the simulation epoch 2026-01-01T00:00:00Z.
// Parsing follows Go's time.Parse with the layouts metav1.Time and metav1.MicroTime use
// (src/time/format.go), including its error messages.
#include <cstdio>

#include "core/api/decode.h"
#include "core/api/ascii.h"
#include "core/api/decode_internal.h"

namespace ks::api {

namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
}

const std::int64_t kEpochSeconds = daysFromCivil(2026, 1, 1) * 86400;

std::string quote(const std::string& s) { return "\"" + s + "\""; }


bool isLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysIn(int month, std::int64_t year) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

class TimestampParser {
public:
    TimestampParser(const std::string& value, bool micro)
        : m_value(value), m_rest(value), m_layout(micro ? "2006-01-02T15:04:05.000000Z07:00" : "2006-01-02T15:04:05Z07:00"),
          m_micro(micro) {}

    bool run(std::string* err, Time* out) {
        std::int64_t year = 0;
        int month = 0, day = 0, hour = 0, minute = 0, second = 0;
        std::int64_t nanos = 0;
        int offsetSeconds = 0;
        // Go reports a value out of range as soon as the element is read.
        if (!number(year, 4, "2006") || !literal("-") || !twoDigits(month, true, "01")) return fail(err);
        if (month < 1 || month > 12) return range(err, "month");
        if (!literal("-") || !twoDigits(day, true, "02") || !literal("T") || !twoDigits(hour, false, "15"))
            return fail(err);
        if (hour > 23) return range(err, "hour");
        if (!literal(":") || !twoDigits(minute, true, "04")) return fail(err);
        if (minute > 59) return range(err, "minute");
        if (!literal(":") || !twoDigits(second, true, "05")) return fail(err);
        if (second > 59) return range(err, "second");
        if (m_micro) {
            if (m_rest.size() < 7 || m_rest[0] != '.') return badElem(err, ".000000");
            for (int i = 1; i < 7; ++i)
                if (!isAsciiDigit(m_rest[static_cast<std::size_t>(i)])) return badElem(err, ".000000");
            nanos = std::stoll(m_rest.substr(1, 6)) * 1000;
            m_rest = m_rest.substr(7);
        } else if (m_rest.size() >= 2 && (m_rest[0] == '.' || m_rest[0] == ',') && isAsciiDigit(m_rest[1])) {
            // Go accepts fractional seconds even though the layout has none.
            std::size_t n = 1;
            while (n < m_rest.size() && isAsciiDigit(m_rest[n])) ++n;
            std::string digits = m_rest.substr(1, n - 1);
            digits = (digits + "000000000").substr(0, 9);
            nanos = std::stoll(digits);
            m_rest = m_rest.substr(n);
        }
        // Z07:00
        m_hold = m_rest;
        if (!m_rest.empty() && m_rest[0] == 'Z') {
            m_rest = m_rest.substr(1);
        } else {
            if (m_rest.size() < 6 || m_rest[3] != ':' || (m_rest[0] != '+' && m_rest[0] != '-') || !isAsciiDigit(m_rest[1]) ||
                !isAsciiDigit(m_rest[2]) || !isAsciiDigit(m_rest[4]) || !isAsciiDigit(m_rest[5]))
                return badElem(err, "Z07:00");
            int oh = std::stoi(m_rest.substr(1, 2)), om = std::stoi(m_rest.substr(4, 2));
            if (oh > 24 || om > 60) return range(err, "time zone offset");
            offsetSeconds = (oh * 3600 + om * 60) * (m_rest[0] == '-' ? -1 : 1);
            m_rest = m_rest.substr(6);
        }
        if (!m_rest.empty()) {
            if (err) *err = "parsing time " + quote(m_value) + ": extra text: " + quote(m_rest);
            return false;
        }
        if (day > daysIn(month, year)) {
            if (err) *err = "parsing time " + quote(m_value) + ": day out of range";
            return false;
        }
        std::int64_t seconds = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
                               hour * 3600 + minute * 60 + second - offsetSeconds;
        if (out) *out = (seconds - kEpochSeconds) * 1000 + nanos / 1000000;
        return true;
    }

private:
    bool fail(std::string* err) {
        if (err)
            *err = "parsing time " + quote(m_value) + " as " + quote(m_layout) + ": cannot parse " + quote(m_hold) +
                   " as " + quote(m_elem);
        return false;
    }

    bool range(std::string* err, const char* what) {
        if (err) *err = "parsing time " + quote(m_value) + ": " + what + " out of range";
        return false;
    }

    bool badElem(std::string* err, const char* elem) {
        m_hold = m_rest;
        m_elem = elem;
        return fail(err);
    }

    bool literal(const char* lit) {
        std::string l = lit;
        if (m_rest.compare(0, l.size(), l) != 0) {
            m_hold = m_rest;
            m_elem = l;
            return false;
        }
        m_rest = m_rest.substr(l.size());
        return true;
    }

    bool number(std::int64_t& out, std::size_t digits, const char* elem) {
        m_hold = m_rest;
        m_elem = elem;
        if (m_rest.size() < digits || !isAsciiDigit(m_rest[0])) return false;
        for (std::size_t i = 0; i < digits; ++i)
            if (!isAsciiDigit(m_rest[i])) return false;
        out = std::stoll(m_rest.substr(0, digits));
        m_rest = m_rest.substr(digits);
        return true;
    }

    // getnum: fixed elements need two digits, "15" takes one or two.
    bool twoDigits(int& out, bool fixed, const char* elem) {
        m_hold = m_rest;
        m_elem = elem;
        if (m_rest.empty() || !isAsciiDigit(m_rest[0])) return false;
        if (m_rest.size() < 2 || !isAsciiDigit(m_rest[1])) {
            if (fixed) return false;
            out = m_rest[0] - '0';
            m_rest = m_rest.substr(1);
            return true;
        }
        out = (m_rest[0] - '0') * 10 + (m_rest[1] - '0');
        m_rest = m_rest.substr(2);
        return true;
    }

    std::string m_value, m_rest, m_layout, m_hold, m_elem;
    bool m_micro;
};

}  // namespace

bool parseRfc3339(const std::string& s, bool micro, std::string* err, Time* out) { return TimestampParser(s, micro).run(err, out); }

std::optional<Time> parseTimestamp(const std::string& rfc3339) {
    Time t = 0;
    if (!parseRfc3339(rfc3339, false, nullptr, &t)) return std::nullopt;
    return t;
}

std::string formatTimestamp(Time t) {
    std::int64_t ms = t % 1000;
    std::int64_t seconds = t / 1000;
    if (ms < 0) {
        ms += 1000;
        --seconds;
    }
    seconds += kEpochSeconds;
    std::int64_t days = seconds / 86400;
    std::int64_t rem = seconds % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", static_cast<long long>(y), m, d,
                  static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                  static_cast<long long>(rem % 60));
    std::string out = buf;
    if (ms != 0) {
        // Like Go's RFC3339Nano: fractional digits without trailing zeros.
        char frac[8];
        std::snprintf(frac, sizeof frac, ".%03lld", static_cast<long long>(ms));
        std::string f = frac;
        while (f.back() == '0') f.pop_back();
        out += f;
    }
    return out + "Z";
}

}  // namespace ks::api
