// A small command-line parser for kubestage-cli subcommands: flags with or without values
// (--flag VALUE, --flag=VALUE, -f VALUE), repeatable flags, positionals, and kubectl-style
// errors for unknown flags ("unknown flag: --foo").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ks::cli {

struct FlagSpec {
    std::string longName;   // "output"
    char shortName = 0;     // 'o'
    bool takesValue = true;
    std::string valueName;  // "FORMAT", for help
    std::string help;
};

class Args {
public:
    // Parses args (without the program and subcommand names). On failure returns false and sets error.
    bool parse(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs, std::string& error);

    bool has(const std::string& longName) const { return m_values.count(longName) != 0; }
    std::optional<std::string> value(const std::string& longName) const;
    std::vector<std::string> values(const std::string& longName) const;
    const std::vector<std::string>& positionals() const { return m_positionals; }

private:
    std::map<std::string, std::vector<std::string>> m_values;
    std::vector<std::string> m_positionals;
};

// "Flags:\n  -o, --output FORMAT   ...\n" for a subcommand's --help.
std::string formatFlags(const std::vector<FlagSpec>& specs);

// Parses a whole non-negative number; false on anything else.
bool parseCount(const std::string& text, long long& out);

}  // namespace ks::cli
