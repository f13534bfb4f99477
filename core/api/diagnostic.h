// Diagnostic: one error or warning about input, printed as FILE:LINE:COL: field.path: message.
#pragma once

#include <string>
#include <vector>

#include "core/api/value.h"

namespace ks::api {

struct Diagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    std::string file;     // as given by the user; may be empty for objects built in code
    Mark mark;            // where in file; unknown marks print as file only
    std::string path;     // field path such as spec.containers[0].image; may be empty
    std::string message;

    bool isError() const { return severity == Severity::Error; }
    // "pod.yaml:13:14: spec.containers[0].image: Required value"; warnings say "warning: ".
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics& diags);

}  // namespace ks::api
