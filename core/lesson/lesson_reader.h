// Private to core/lesson: the strict reading helpers the lesson loader is built from. Each
// problem becomes a Diagnostic at the node's FILE:LINE:COL with its field path.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/api/value.h"
#include "core/lesson/lesson.h"

namespace ks::lesson::detail {

using api::Mark;
using api::Value;

inline std::string child(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}
inline std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

class Reader {
public:
    Reader(std::string file, std::string_view source, api::Diagnostics& out);

    void error(Mark mark, const std::string& path, std::string message);
    bool failed() const { return m_errors > 0; }
    const std::string& file() const { return m_file; }
    api::Diagnostics& diagnostics() { return m_out; }

    // Each reports its own error and returns false / nullopt / nullptr on failure.
    bool isMapping(const Value& v, const std::string& path);
    bool isSequence(const Value& v, const std::string& path);
    // Reports every key of map not in allowed (`unknown field "x"`).
    void onlyFields(const Value& map, const std::string& path, std::initializer_list<std::string_view> allowed);
    // map[key]; a missing required key is `Required value`.
    const Value* field(const Value& map, std::string_view key, const std::string& path, bool required);
    std::optional<std::string> string(const Value& map, std::string_view key, const std::string& path, bool required);
    std::optional<std::string> scalarString(const Value& v, const std::string& path);
    std::optional<std::int64_t> integer(const Value& map, std::string_view key, const std::string& path,
                                        bool required, std::int64_t min, std::int64_t max);
    std::optional<bool> boolean(const Value& map, std::string_view key, const std::string& path);
    // Go duration ("30s", "1m30s"), at least minimum.
    std::optional<sim::Duration> duration(const Value& v, const std::string& path, sim::Duration minimum);
    std::vector<std::string> stringList(const Value& map, std::string_view key, const std::string& path, bool required);
    // {zh: ..., en: ...}, both required, each in the safe rich-text subset.
    Text text(const Value& map, std::string_view key, const std::string& path, bool required, bool inlineOnly);

    // Where a problem at (line, col) of a scalar's text is in the file: the scalar's own mark
    // when the text cannot be found line by line (escapes, folding).
    Mark locate(const Value& scalar, int line, int col) const;

private:
    std::string m_file;
    std::vector<std::string_view> m_lines;
    api::Diagnostics& m_out;
    int m_errors = 0;
};

// lesson_conditions.cpp
std::optional<Condition> readCondition(Reader& r, const Value& v, const std::string& path);
std::vector<Condition> readConditions(Reader& r, const Value& v, const std::string& path);
// lesson_actions.cpp
// An inline manifest: the manifest loader's checks (api version, defaulting, field validation)
// with marks in the lesson file.
bool checkManifest(Reader& r, const Value& object, const std::string& path);
std::vector<Action> readActions(Reader& r, const Value& v, const std::string& path);
// Field paths of the `field` condition: "metadata.labels['kubernetes.io/hostname']", "spec.taints[0].key".
struct PathSegment {
    std::string key;             // a mapping key
    std::optional<std::size_t> index;  // or a sequence index
};
bool parseFieldPath(std::string_view text, std::vector<PathSegment>& out, std::string& error);

}  // namespace ks::lesson::detail
