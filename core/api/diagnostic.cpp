#include "core/api/diagnostic.h"

namespace ks::api {

std::string Diagnostic::format() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (mark.known()) out += ":" + std::to_string(mark.line) + ":" + std::to_string(mark.col);
        out += ": ";
    } else if (mark.known()) {
        out += std::to_string(mark.line) + ":" + std::to_string(mark.col) + ": ";
    }
    if (severity == Severity::Warning) out += "warning: ";
    if (!path.empty()) out += path + ": ";
    out += message;
    return out;
}

bool hasErrors(const Diagnostics& diags) {
    for (const auto& d : diags)
        if (d.isError()) return true;
    return false;
}

}  // namespace ks::api
