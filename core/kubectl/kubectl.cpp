// Command dispatch, shell-like word splitting and cobra/pflag flag parsing.
// Error words follow github.com/spf13/cobra (command.go: "unknown command %q for %q" with
// "Did you mean this?" suggestions) and github.com/spf13/pflag (flag.go: "unknown flag: --%s",
// "unknown shorthand flag: %q in -%s", "flag needs an argument: ...", `invalid argument %q for
// %q flag: ...`) as kubectl v1.31 prints them.
#include "core/kubectl/kubectl.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/api/labels.h"
#include "core/kubectl/kubectl_internal.h"
#include "core/sim/clock.h"

namespace ks::kubectl {

namespace {

// kubectl v1.31's top-level commands (cobra lists them sorted); suggestions come from all of them.
const std::vector<std::string>& kubectlCommands() {
    static const std::vector<std::string> names = {
        "alpha",   "annotate",     "api-resources", "api-versions", "apply",   "attach",  "auth",
        "autoscale", "certificate", "cluster-info", "completion",   "config",  "cordon",  "cp",
        "create",  "debug",        "delete",        "describe",     "diff",    "drain",   "edit",
        "events",  "exec",         "explain",       "expose",       "get",     "help",    "kustomize",
        "label",   "logs",         "options",       "patch",        "plugin",  "port-forward", "proxy",
        "replace", "rollout",      "run",           "scale",        "set",     "taint",   "top",
        "uncordon", "version",     "wait"};
    return names;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// cobra's ld(): Levenshtein distance, here always case-insensitive.
std::size_t levenshtein(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace

const std::vector<std::string>& supportedCommands() {
    static const std::vector<std::string> names = {"create", "get",   "describe", "delete", "apply",
                                                   "patch",  "replace", "scale", "cordon", "uncordon",
                                                   "drain",  "taint", "label",    "annotate"};
    return names;
}

bool splitCommandLine(std::string_view line, std::vector<std::string>& words, std::string& error) {
    words.clear();
    std::string word;
    bool inWord = false;
    std::size_t i = 0;
    while (i < line.size()) {
        char c = line[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (inWord) words.push_back(std::move(word));
            word.clear();
            inWord = false;
            ++i;
        } else if (c == '\'') {
            auto end = line.find('\'', i + 1);
            if (end == std::string_view::npos) {
                error = "unterminated quoted string";
                return false;
            }
            word.append(line.substr(i + 1, end - i - 1));
            inWord = true;
            i = end + 1;
        } else if (c == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                char d = line[i];
                if (d == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == '\\' && i + 1 < line.size() &&
                    (line[i + 1] == '"' || line[i + 1] == '\\' || line[i + 1] == '$' || line[i + 1] == '`')) {
                    word += line[i + 1];
                    i += 2;
                    continue;
                }
                word += d;
                ++i;
            }
            if (!closed) {
                error = "unterminated quoted string";
                return false;
            }
            inWord = true;
        } else if (c == '\\') {
            if (i + 1 < line.size()) word += line[i + 1];
            inWord = true;
            i += 2;
        } else {
            word += c;
            inWord = true;
            ++i;
        }
    }
    if (inWord) words.push_back(std::move(word));
    return true;
}

CommandResult runCommand(store::ApiStore& store, std::string_view commandLine, const KubectlOptions& options) {
    std::vector<std::string> words;
    std::string error;
    if (!splitCommandLine(commandLine, words, error)) {
        CommandResult r;
        r.err = "error: " + error + "\n";
        r.exitCode = 1;
        return r;
    }
    return runCommand(store, words, options);
}

CommandResult runCommand(store::ApiStore& store, const std::vector<std::string>& wordsIn,
                         const KubectlOptions& options) {
    std::vector<std::string> words = wordsIn;
    if (!words.empty() && words.front() == "kubectl") words.erase(words.begin());
    // Global flags may come before the command (kubectl -n shop get pods): move them after it.
    std::vector<std::string> leading;
    while (!words.empty() && words.front().size() > 1 && words.front()[0] == '-' &&
           words.front() != "-h" && words.front() != "--help") {
        bool takesValue = words.front() == "-n" || words.front() == "--namespace";
        leading.push_back(words.front());
        words.erase(words.begin());
        if (takesValue && !words.empty()) {
            leading.push_back(words.front());
            words.erase(words.begin());
        }
    }
    if (!leading.empty() && !words.empty()) words.insert(words.begin() + 1, leading.begin(), leading.end());
    detail::Invocation inv{store, options, {}, {}, {}, {}};
    if (words.empty() || (words.size() == 1 && (words[0] == "help" || words[0] == "--help" || words[0] == "-h"))) {
        inv.out("kubectl controls the Kubernetes cluster manager.\n\nCommands available here:\n");
        for (const auto& c : supportedCommands()) inv.out("  " + c + "\n");
        return inv.result;
    }
    inv.command = words.front();
    std::vector<std::string> args(words.begin() + 1, words.end());
    const auto& known = kubectlCommands();
    if (std::find(known.begin(), known.end(), inv.command) == known.end()) {
        std::string message = "error: unknown command \"" + inv.command + "\" for \"kubectl\"\n";
        std::vector<std::string> suggestions;
        std::string typed = lower(inv.command);
        for (const auto& c : known) {
            if (c == "help") continue;
            if (levenshtein(typed, c) <= 2 || c.rfind(typed, 0) == 0) suggestions.push_back(c);
        }
        if (!suggestions.empty()) {
            message += "\nDid you mean this?\n";
            for (const auto& s : suggestions) message += "\t" + s + "\n";
        }
        inv.err(message);
        inv.result.exitCode = 1;
        return inv.result;
    }
    const std::string& c = inv.command;
    if (c == "get") detail::runGet(inv, args);
    else if (c == "describe") detail::runDescribe(inv, args);
    else if (c == "apply") detail::runApply(inv, args);
    else if (c == "replace") detail::runReplace(inv, args);
    else if (c == "create") detail::runCreate(inv, args);
    else if (c == "delete") detail::runDelete(inv, args);
    else if (c == "label") detail::runLabel(inv, args);
    else if (c == "annotate") detail::runAnnotate(inv, args);
    else if (c == "taint") detail::runTaint(inv, args);
    else if (c == "cordon") detail::runCordon(inv, args, true);
    else if (c == "uncordon") detail::runCordon(inv, args, false);
    else if (c == "drain") detail::runDrain(inv, args);
    else if (c == "scale") detail::runScale(inv, args);
    else if (c == "patch") detail::runPatch(inv, args);
    else {
        std::string list;
        for (const auto& s : supportedCommands()) list += (list.empty() ? "" : ", ") + s;
        inv.fail("\"kubectl " + c + "\" is not available in the simulated cluster (available: " + list + ")");
    }
    return inv.result;
}

namespace detail {

std::string Invocation::value(const std::string& flag, const std::string& fallback) const {
    auto it = flags.find(flag);
    return it == flags.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Invocation::values(const std::string& flag) const {
    auto it = flags.find(flag);
    return it == flags.end() ? std::vector<std::string>{} : it->second;
}

bool Invocation::boolFlag(const std::string& flag) const { return has(flag) && value(flag) == "true"; }

std::string Invocation::namespace_() const {
    std::string ns = value("namespace");
    return ns.empty() ? options.defaultNamespace : ns;
}

std::string nameOf(const api::Value& object) {
    const api::Value* name = object.at("metadata.name");
    return name ? name->text() : "";
}

bool selectedNodeNames(Invocation& inv, std::vector<std::string>& names) {
    names = inv.positionals;
    if (!inv.has("selector")) return true;
    std::string error;
    auto selector = api::parseSelector(inv.value("selector"), &error);
    if (!selector) {
        inv.fail(error);
        return false;
    }
    store::ListOptions options;
    options.labelSelector = *selector;
    for (const auto& node : inv.store.list("Node", options)) names.push_back(nameOf(*node));
    return true;
}

int Invocation::fail(const std::string& message) {
    err("error: " + message + "\n");
    result.exitCode = 1;
    return 1;
}

int Invocation::failStatus(const store::Status& status) {
    err("Error from server (" + std::string(status.reason()) + "): " + status.message + "\n");
    result.exitCode = 1;
    return 1;
}

namespace {

// strconv.ParseBool's spellings.
std::optional<bool> parseGoBool(const std::string& s) {
    if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
    if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") return false;
    return std::nullopt;
}

}  // namespace

bool parseFlags(Invocation& inv, const std::vector<std::string>& args, const std::vector<FlagSpec>& specsIn) {
    std::vector<FlagSpec> specs = specsIn;
    specs.push_back({"namespace", 'n', false});
    specs.push_back({"help", 'h', true});
    auto usageError = [&](const std::string& message) {
        inv.err("error: " + message + "\nSee 'kubectl " + inv.command + " --help' for usage.\n");
        inv.result.exitCode = 1;
        return false;
    };
    auto setValue = [&](const FlagSpec& spec, const std::string& value) {
        if (spec.isBool) {
            auto b = parseGoBool(value);
            if (!b)
                return usageError("invalid argument \"" + value + "\" for \"--" + spec.name +
                                  "\" flag: strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
            inv.flags[spec.name].push_back(*b ? "true" : "false");
        } else {
            inv.flags[spec.name].push_back(value);
        }
        return true;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            inv.positionals.insert(inv.positionals.end(), args.begin() + static_cast<long>(i) + 1, args.end());
            break;
        }
        if (a.size() > 2 && a.rfind("--", 0) == 0) {
            std::string name = a.substr(2);
            std::optional<std::string> inlineValue;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            auto spec = std::find_if(specs.begin(), specs.end(), [&](const FlagSpec& s) { return s.name == name; });
            if (spec == specs.end()) return usageError("unknown flag: --" + name);
            if (inlineValue) {
                if (!setValue(*spec, *inlineValue)) return false;
            } else if (spec->isBool) {
                inv.flags[spec->name].push_back("true");
            } else {
                if (i + 1 >= args.size()) return usageError("flag needs an argument: --" + name);
                if (!setValue(*spec, args[++i])) return false;
            }
            continue;
        }
        if (a.size() > 1 && a[0] == '-' && a[1] != '-') {
            // Shorthands: -o wide, -owide, -o=wide, and bool clusters like -Af.
            for (std::size_t j = 1; j < a.size(); ++j) {
                char c = a[j];
                auto spec =
                    std::find_if(specs.begin(), specs.end(), [&](const FlagSpec& s) { return s.shorthand == c; });
                if (spec == specs.end())
                    return usageError("unknown shorthand flag: '" + std::string(1, c) + "' in " + a);
                if (spec->isBool) {
                    if (j + 1 < a.size() && a[j + 1] == '=') {
                        if (!setValue(*spec, a.substr(j + 2))) return false;
                        break;
                    }
                    inv.flags[spec->name].push_back("true");
                    continue;
                }
                std::string rest = a.substr(j + 1);
                if (!rest.empty() && rest[0] == '=') rest = rest.substr(1);
                if (rest.empty() && j + 1 == a.size()) {
                    if (i + 1 >= args.size())
                        return usageError("flag needs an argument: '" + std::string(1, c) + "' in " + a);
                    rest = args[++i];
                }
                if (!setValue(*spec, rest)) return false;
                break;
            }
            continue;
        }
        inv.positionals.push_back(a);
    }
    if (inv.boolFlag("help")) {
        inv.out("Usage:\n  kubectl " + inv.command + " [flags]\n\nFlags understood here:\n");
        for (const auto& s : specs)
            inv.out(std::string("  ") + (s.shorthand ? std::string("-") + s.shorthand + ", " : "    ") + "--" + s.name +
                    "\n");
        return false;
    }
    return true;
}

std::string qualifiedName(const api::KindInfo& kind, const std::string& name) {
    return lower(kind.kind) + (kind.group.empty() ? "" : "." + kind.group) + "/" + name;
}

std::string qualifiedResource(const api::KindInfo& kind) {
    return kind.resource + (kind.group.empty() ? "" : "." + kind.group);
}

store::ObjectKey keyOf(const Invocation& inv, const api::KindInfo& kind, const std::string& name) {
    return store::ObjectKey{kind.kind, kind.namespaced ? inv.namespace_() : "", name};
}

bool resolveTargets(Invocation& inv, const std::vector<std::string>& args, std::vector<Target>& targets,
                    bool allowAllOfKind) {
    if (args.empty()) return true;
    bool slashForm = args.front().find('/') != std::string::npos;
    if (slashForm) {
        for (const auto& a : args) {
            auto slash = a.find('/');
            if (slash == std::string::npos) {
                inv.fail("there is no need to specify a resource type as a separate argument when passing "
                         "arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead "
                         "of 'kubectl get resource resource/<resource_name>'");
                return false;
            }
            if (slash == 0 || slash + 1 == a.size()) {
                inv.fail("arguments in resource/name form must have a single resource and name");
                return false;
            }
            const api::KindInfo* kind = api::findKindByResource(a.substr(0, slash));
            if (!kind) {
                inv.fail("the server doesn't have a resource type \"" + a.substr(0, slash) + "\"");
                return false;
            }
            targets.push_back({kind, a.substr(slash + 1)});
        }
        return true;
    }
    // "pods,nodes": each type, with the names (if any) looked up in each.
    std::vector<const api::KindInfo*> kinds;
    std::size_t start = 0;
    const std::string& types = args.front();
    for (;;) {
        auto comma = types.find(',', start);
        std::string type = types.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!type.empty()) {
            const api::KindInfo* kind = api::findKindByResource(type);
            if (!kind) {
                inv.fail("the server doesn't have a resource type \"" + type + "\"");
                return false;
            }
            kinds.push_back(kind);
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (kinds.empty()) {
        inv.fail("the server doesn't have a resource type \"" + types + "\"");
        return false;
    }
    if (args.size() == 1) {
        if (!allowAllOfKind) {
            inv.fail("resource(s) were provided, but no name was specified");
            return false;
        }
        for (const auto* kind : kinds) targets.push_back({kind, ""});
        return true;
    }
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i].find('/') != std::string::npos) {
            inv.fail("there is no need to specify a resource type as a separate argument when passing arguments "
                     "in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get "
                     "resource resource/<resource_name>'");
            return false;
        }
    }
    for (const auto* kind : kinds)
        for (std::size_t i = 1; i < args.size(); ++i) targets.push_back({kind, args[i]});
    return true;
}

std::string formatRfc1123z(api::Time t) {
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    std::int64_t secs = sim::kEpochUnixSeconds + (t >= 0 ? t / 1000 : (t - 999) / 1000);
    std::int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    std::int64_t rem = secs - days * 86400;
    static const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const char* weekday = kDays[((days % 7) + 7) % 7];
    std::int64_t z = days + 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    std::int64_t doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", weekday, static_cast<int>(d),
                  kMonths[m - 1], static_cast<int>(y), static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                  static_cast<int>(rem % 60));
    return buf;
}

}  // namespace detail
}  // namespace ks::kubectl
