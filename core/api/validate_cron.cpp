// CronJob schedule syntax, as github.com/robfig/cron/v3 ParseStandard checks it (the parser
// kube-apiserver v1.31 uses), with its error messages.
#include <charconv>
#include <map>
#include <sstream>
#include <vector>

#include "core/api/validation_context.h"

namespace ks::api::validation {

namespace {

struct Bounds {
    unsigned min, max;
    const std::map<std::string, unsigned>* names;
};

const std::map<std::string, unsigned> kMonths = {{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4},  {"may", 5},  {"jun", 6},
                                                 {"jul", 7}, {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
const std::map<std::string, unsigned> kDays = {{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3},
                                               {"thu", 4}, {"fri", 5}, {"sat", 6}};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto pos = s.find(sep, start);
        out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
        if (pos == std::string::npos) break;
        start = pos + 1;
    }
    return out;
}

// strconv.Atoi plus robfig's negative check.
bool mustParseInt(const std::string& expr, unsigned& out, std::string& err) {
    long long num = 0;
    const char* b = expr.data();
    const char* e = b + expr.size();
    if (b != e && *b == '+') ++b;
    auto [ptr, ec] = std::from_chars(b, e, num);
    if (expr.empty() || ec != std::errc() || ptr != e || (b != expr.data() && b != e && *b == '-')) {
        bool range = ec == std::errc::result_out_of_range;
        err = "failed to parse int from " + expr + ": strconv.Atoi: parsing \"" + expr + "\": " +
              (range ? "value out of range" : "invalid syntax");
        return false;
    }
    if (num < 0) {
        err = "negative number (" + std::to_string(num) + ") not allowed: " + expr;
        return false;
    }
    out = static_cast<unsigned>(num);
    return true;
}

bool parseIntOrName(const std::string& expr, const Bounds& r, unsigned& out, std::string& err) {
    if (r.names) {
        std::string lower;
        for (char c : expr) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (auto it = r.names->find(lower); it != r.names->end()) {
            out = it->second;
            return true;
        }
    }
    return mustParseInt(expr, out, err);
}

std::string getRange(const std::string& expr, const Bounds& r) {
    auto rangeAndStep = split(expr, '/');
    auto lowAndHigh = split(rangeAndStep[0], '-');
    bool singleDigit = lowAndHigh.size() == 1;
    unsigned start = 0, end = 0, step = 1;
    std::string err;
    if (lowAndHigh[0] == "*" || lowAndHigh[0] == "?") {
        start = r.min;
        end = r.max;
    } else {
        if (!parseIntOrName(lowAndHigh[0], r, start, err)) return err;
        if (lowAndHigh.size() == 1) {
            end = start;
        } else if (lowAndHigh.size() == 2) {
            if (!parseIntOrName(lowAndHigh[1], r, end, err)) return err;
        } else {
            return "too many hyphens: " + expr;
        }
    }
    if (rangeAndStep.size() == 2) {
        if (!mustParseInt(rangeAndStep[1], step, err)) return err;
        if (singleDigit) end = r.max;
    } else if (rangeAndStep.size() > 2) {
        return "too many slashes: " + expr;
    }
    if (start < r.min)
        return "beginning of range (" + std::to_string(start) + ") below minimum (" + std::to_string(r.min) + "): " + expr;
    if (end > r.max)
        return "end of range (" + std::to_string(end) + ") above maximum (" + std::to_string(r.max) + "): " + expr;
    if (start > end)
        return "beginning of range (" + std::to_string(start) + ") beyond end of range (" + std::to_string(end) + "): " + expr;
    if (step == 0) return "step of range should be a positive number: " + expr;
    return {};
}

std::string getField(const std::string& field, const Bounds& r) {
    for (const auto& expr : split(field, ',')) {
        if (expr.empty()) continue;  // strings.FieldsFunc drops empty parts
        std::string err = getRange(expr, r);
        if (!err.empty()) return err;
    }
    return {};
}

// time.ParseDuration, reduced to accepting or rejecting.
bool isGoDuration(const std::string& s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (s.substr(i) == "0") return true;
    if (i == s.size()) return false;
    while (i < s.size()) {
        std::size_t digits = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
        if (i < s.size() && s[i] == '.') {
            ++i;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
        }
        if (digits == 0) return false;
        static const char* kUnits[] = {"ns", "us", "\xC2\xB5s", "\xCE\xBCs", "ms", "s", "m", "h"};
        bool matched = false;
        for (const char* u : kUnits) {
            std::string unit = u;
            if (s.compare(i, unit.size(), unit) == 0 && (unit != "m" || s.compare(i, 2, "ms") != 0)) {
                i += unit.size();
                matched = true;
                break;
            }
        }
        if (!matched) return false;
    }
    return true;
}

}  // namespace

std::string cronScheduleError(const std::string& scheduleIn) {
    std::string spec = scheduleIn;
    if (spec.empty()) return "empty spec string";
    if (spec.rfind("TZ=", 0) == 0 || spec.rfind("CRON_TZ=", 0) == 0) {
        // NOTE: the time zone database is not consulted; any name is accepted here.
        auto space = spec.find(' ');
        spec = space == std::string::npos ? std::string() : spec.substr(space);
        auto first = spec.find_first_not_of(" \t\n\r\v\f");
        spec = first == std::string::npos ? std::string() : spec.substr(first);
    }
    if (!spec.empty() && spec[0] == '@') {
        static const char* kDescriptors[] = {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"};
        for (const char* d : kDescriptors)
            if (spec == d) return {};
        if (spec.rfind("@every ", 0) == 0) {
            std::string duration = spec.substr(7);
            if (isGoDuration(duration)) return {};
            return "failed to parse duration " + spec + ": time: invalid duration \"" + duration + "\"";
        }
        return "unrecognized descriptor: " + spec;
    }
    std::istringstream in(spec);
    std::vector<std::string> fields;
    for (std::string f; in >> f;) fields.push_back(f);
    if (fields.size() != 5) {
        std::string joined = "[";
        for (std::size_t i = 0; i < fields.size(); ++i) joined += (i ? " " : "") + fields[i];
        joined += "]";
        return "expected exactly 5 fields, found " + std::to_string(fields.size()) + ": " + joined;
    }
    static const Bounds kBounds[] = {{0, 59, nullptr}, {0, 23, nullptr}, {1, 31, nullptr}, {1, 12, &kMonths}, {0, 6, &kDays}};
    for (std::size_t i = 0; i < 5; ++i) {
        std::string err = getField(fields[i], kBounds[i]);
        if (!err.empty()) return err;
    }
    return {};
}

}  // namespace ks::api::validation
