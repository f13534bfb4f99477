// Reads YAML (and JSON, which is YAML) into Values with source marks.
//
// Beyond yaml-cpp 0.7 it detects duplicate mapping keys and unterminated quoted scalars
// (which yaml-cpp accepts silently), reads concatenated JSON streams ("{...}{...}"), and
// bounds nesting depth and alias expansion so hostile input cannot crash or exhaust memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/api/diagnostic.h"
#include "core/api/value.h"

namespace ks::api {

struct ReadLimits {
    int maxDepth = 512;                 // nested collections
    std::size_t maxNodes = 2'000'000;   // nodes per file after alias expansion
};

struct ReadResult {
    std::vector<Value> documents;  // empty documents (only comments) are skipped
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

ReadResult readYaml(std::string_view text, const std::string& fileName, const ReadLimits& limits = {});

// Reads a whole file; a missing or unreadable file is a diagnostic, not an exception.
ReadResult readYamlFile(const std::string& path, const ReadLimits& limits = {});

}  // namespace ks::api
