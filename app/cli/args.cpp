#include "args.h"

#include <charconv>

namespace ks::cli {

namespace {
const FlagSpec* findLong(const std::vector<FlagSpec>& specs, const std::string& name) {
    for (const auto& s : specs)
        if (s.longName == name) return &s;
    return nullptr;
}
const FlagSpec* findShort(const std::vector<FlagSpec>& specs, char c) {
    for (const auto& s : specs)
        if (s.shortName && s.shortName == c) return &s;
    return nullptr;
}
}  // namespace

bool Args::parse(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs, std::string& error) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            for (++i; i < args.size(); ++i) m_positionals.push_back(args[i]);
            break;
        }
        if (a.size() < 2 || a[0] != '-') {
            m_positionals.push_back(a);
            continue;
        }
        const FlagSpec* spec = nullptr;
        std::optional<std::string> inlineValue;
        std::string shown = a;
        if (a.rfind("--", 0) == 0) {
            std::string name = a.substr(2);
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
                shown = "--" + name;
            }
            spec = findLong(specs, name);
        } else {
            spec = findShort(specs, a[1]);
            shown = a.substr(0, 2);
            if (a.size() > 2) inlineValue = a.substr(a[2] == '=' ? 3 : 2);
            if (spec && !spec->takesValue && inlineValue) spec = nullptr;
        }
        if (!spec) {
            error = (shown.rfind("--", 0) == 0 ? "unknown flag: " : "unknown shorthand flag: ") + shown;
            if (shown.rfind("--", 0) != 0) error = "unknown shorthand flag: '" + std::string(1, a[1]) + "' in " + a;
            return false;
        }
        if (!spec->takesValue) {
            if (inlineValue) {
                error = "flag --" + spec->longName + " does not take a value";
                return false;
            }
            m_values[spec->longName].push_back("true");
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= args.size()) {
                error = "flag needs an argument: " + shown;
                return false;
            }
            inlineValue = args[++i];
        }
        m_values[spec->longName].push_back(*inlineValue);
    }
    return true;
}

std::optional<std::string> Args::value(const std::string& longName) const {
    auto it = m_values.find(longName);
    if (it == m_values.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::values(const std::string& longName) const {
    auto it = m_values.find(longName);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

std::string formatFlags(const std::vector<FlagSpec>& specs) {
    std::string out = "Flags:\n";
    for (const auto& s : specs) {
        std::string left = "  ";
        left += s.shortName ? std::string("-") + s.shortName + ", " : "    ";
        left += "--" + s.longName;
        if (s.takesValue) left += " " + (s.valueName.empty() ? std::string("VALUE") : s.valueName);
        if (left.size() < 32) left.resize(32, ' ');
        else left += "  ";
        out += left + s.help + "\n";
    }
    return out;
}

bool parseCount(const std::string& text, long long& out) {
    if (text.empty()) return false;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && p == text.data() + text.size() && out >= 0;
}

}  // namespace ks::cli
