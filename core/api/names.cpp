#include "core/api/names.h"

#include <initializer_list>
#include <string_view>

// Hand-written scanners instead of std::regex: std::regex backtracks recursively and can
// overflow the stack on long input, and names are checked for every object we load.
namespace ks::api {

namespace {

constexpr std::size_t kDns1123LabelMaxLength = 63;
constexpr std::size_t kDns1123SubdomainMaxLength = 253;
constexpr std::size_t kQualifiedNameMaxLength = 63;
constexpr std::size_t kLabelValueMaxLength = 63;

constexpr std::string_view kDns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kDns1123LabelErrMsg =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
    "start and end with an alphanumeric character";
constexpr std::string_view kDns1123SubdomainFmt =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr std::string_view kDns1123SubdomainErrMsg =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
    "must start and end with an alphanumeric character";
constexpr std::string_view kQualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr std::string_view kQualifiedNameErrMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character";
constexpr std::string_view kLabelValueFmt = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
constexpr std::string_view kLabelValueErrMsg =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and "
    "must start and end with an alphanumeric character";

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool isAlnum(char c) { return isLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }

// ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$
bool matchesDns1123Label(std::string_view s) {
    if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back())) return false;
    for (char c : s)
        if (!isLowerAlnum(c) && c != '-') return false;
    return true;
}

// ^label(\.label)*$ with no length limit per label, as upstream's regular expression.
bool matchesDns1123Subdomain(std::string_view s) {
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        const std::string_view part = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
        if (!matchesDns1123Label(part)) return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

// ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$
bool matchesQualifiedName(std::string_view s) {
    if (s.empty() || !isAlnum(s.front()) || !isAlnum(s.back())) return false;
    for (char c : s)
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.') return false;
    return true;
}

std::string maxLenError(std::size_t n) { return "must be no more than " + std::to_string(n) + " characters"; }

// Upstream's RegexError, including its double space after each example's comma.
std::string regexError(std::string_view msg, std::string_view fmt, std::initializer_list<std::string_view> examples) {
    std::string out(msg);
    if (examples.size() == 0) {
        out += " (regex used for validation is '";
        out += fmt;
        out += "')";
        return out;
    }
    out += " (e.g. ";
    bool first = true;
    for (std::string_view e : examples) {
        if (!first) out += " or ";
        first = false;
        out += "'";
        out += e;
        out += "', ";
    }
    out += "regex used for validation is '";
    out += fmt;
    out += "')";
    return out;
}

}  // namespace

bool isQualifiedNameValid(std::string_view value) {
    const std::size_t slash = value.find('/');
    if (slash == std::string_view::npos)
        return value.size() <= kQualifiedNameMaxLength && matchesQualifiedName(value);
    const std::string_view prefix = value.substr(0, slash);
    const std::string_view name = value.substr(slash + 1);
    return prefix.size() <= kDns1123SubdomainMaxLength && matchesDns1123Subdomain(prefix) &&
           name.size() <= kQualifiedNameMaxLength && matchesQualifiedName(name);
}

bool isLabelValueValid(std::string_view value) {
    return value.empty() || (value.size() <= kLabelValueMaxLength && matchesQualifiedName(value));
}

std::vector<std::string> isDNS1123Label(const std::string& value) {
    std::vector<std::string> errs;
    if (value.size() > kDns1123LabelMaxLength) errs.push_back(maxLenError(kDns1123LabelMaxLength));
    if (!matchesDns1123Label(value)) {
        // A valid subdomain that is not a valid label can only differ by its dots.
        if (matchesDns1123Subdomain(value))
            errs.push_back("must not contain dots");
        else
            errs.push_back(regexError(kDns1123LabelErrMsg, kDns1123LabelFmt, {"my-name", "123-abc"}));
    }
    return errs;
}

std::vector<std::string> isDNS1123Subdomain(const std::string& value) {
    std::vector<std::string> errs;
    if (value.size() > kDns1123SubdomainMaxLength) errs.push_back(maxLenError(kDns1123SubdomainMaxLength));
    if (!matchesDns1123Subdomain(value))
        errs.push_back(regexError(kDns1123SubdomainErrMsg, kDns1123SubdomainFmt, {"example.com"}));
    return errs;
}

std::vector<std::string> isQualifiedName(const std::string& value) {
    std::vector<std::string> errs;
    const std::string_view v(value);
    const std::size_t slash = v.find('/');
    std::string_view name = v;
    if (slash != std::string_view::npos) {
        if (v.find('/', slash + 1) != std::string_view::npos) {
            errs.push_back("a qualified name " +
                           regexError(kQualifiedNameErrMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}) +
                           " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errs;
        }
        const std::string prefix(v.substr(0, slash));
        name = v.substr(slash + 1);
        if (prefix.empty()) {
            errs.push_back("prefix part must be non-empty");
        } else {
            for (std::string& msg : isDNS1123Subdomain(prefix)) errs.push_back("prefix part " + msg);
        }
    }
    if (name.empty())
        errs.push_back("name part must be non-empty");
    else if (name.size() > kQualifiedNameMaxLength)
        errs.push_back("name part " + maxLenError(kQualifiedNameMaxLength));
    if (!matchesQualifiedName(name))
        errs.push_back("name part " +
                       regexError(kQualifiedNameErrMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}));
    return errs;
}

std::vector<std::string> isValidLabelValue(const std::string& value) {
    std::vector<std::string> errs;
    if (value.size() > kLabelValueMaxLength) errs.push_back(maxLenError(kLabelValueMaxLength));
    if (!value.empty() && !matchesQualifiedName(value))
        errs.push_back(regexError(kLabelValueErrMsg, kLabelValueFmt, {"MyValue", "my_value", "12345"}));
    return errs;
}

}  // namespace ks::api
