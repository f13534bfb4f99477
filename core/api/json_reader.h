// A strict JSON reader with source marks, used by readYaml() for JSON input.
//
// NOTE: yaml-cpp 0.7 tokenizes a whole flow collection before it reports the first event (the
// opening bracket could start a simple key), at roughly 200 bytes per token: a 50 MB JSON file
// would need gigabytes. JSON needs no lookahead, so it is read here in one pass into Values that
// are identical to what the YAML reader builds (strings quoted, numbers/true/false plain, null
// as Null, marks at the first character of each node). Anything that is not strict JSON (KYAML's
// trailing commas, unquoted keys, comments) is left to yaml-cpp.
#pragma once

#include <string>
#include <string_view>

#include "core/api/diagnostic.h"
#include "core/api/value.h"
#include "core/api/yaml_reader.h"

namespace ks::api {

enum class JsonRead {
    Ok,       // out holds the value
    NotJson,  // not strict JSON: let the YAML reader try (and report)
    Error,    // strict JSON that breaks a rule or limit (duplicate key, depth, size): reported in diags
};

// Reads the single JSON value in text[begin, end) (surrounding whitespace allowed); start is the
// position of text[begin] in the file, so that marks are positions in the whole file.
JsonRead readStrictJson(std::string_view text, std::size_t begin, std::size_t end, const std::string& file,
                        const ReadLimits& limits, Mark start, Value& out, Diagnostics& diags);

}  // namespace ks::api
