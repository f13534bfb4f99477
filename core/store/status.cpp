#include "core/store/status.h"

#include <set>

namespace ks::store {

std::string_view Status::reason() const {
    switch (code) {
    case Code::Ok: return "";
    case Code::NotFound: return "NotFound";
    case Code::AlreadyExists: return "AlreadyExists";
    case Code::Conflict: return "Conflict";
    case Code::Invalid: return "Invalid";
    case Code::Forbidden: return "Forbidden";
    case Code::Gone: return "Expired";
    case Code::BadRequest: return "BadRequest";
    case Code::InternalError: return "InternalError";
    }
    return "";
}

int Status::httpCode() const {
    switch (code) {
    case Code::Ok: return 200;
    case Code::NotFound: return 404;
    case Code::AlreadyExists: return 409;
    case Code::Conflict: return 409;
    case Code::Invalid: return 422;
    case Code::Forbidden: return 403;
    case Code::Gone: return 410;
    case Code::BadRequest: return 400;
    case Code::InternalError: return 500;
    }
    return 500;
}

std::string goQuote(std::string_view s) {
    static const char* kHex = "0123456789abcdef";
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out += "\\x";
                out += kHex[c >> 4];
                out += kHex[c & 0xf];
            } else {
                out += static_cast<char>(c);  // UTF-8 passes through, as Go prints printable runes
            }
        }
    }
    out += '"';
    return out;
}

Status notFound(const std::string& qualifiedResource, const std::string& name) {
    return {Code::NotFound, qualifiedResource + " " + goQuote(name) + " not found"};
}

Status alreadyExists(const std::string& qualifiedResource, const std::string& name) {
    return {Code::AlreadyExists, qualifiedResource + " " + goQuote(name) + " already exists"};
}

Status conflict(const std::string& qualifiedResource, const std::string& name, const std::string& detail) {
    return {Code::Conflict, "Operation cannot be fulfilled on " + qualifiedResource + " " + goQuote(name) + ": " + detail};
}

Status forbidden(const std::string& qualifiedResource, const std::string& name, const std::string& detail) {
    if (qualifiedResource.empty()) return {Code::Forbidden, "forbidden: " + detail};
    if (name.empty()) return {Code::Forbidden, qualifiedResource + " is forbidden: " + detail};
    return {Code::Forbidden, qualifiedResource + " " + goQuote(name) + " is forbidden: " + detail};
}

Status invalid(const std::string& qualifiedKind, const std::string& name, const std::vector<std::string>& errors) {
    std::string head = qualifiedKind + " " + goQuote(name) + " is invalid";
    std::vector<std::string> unique;
    std::set<std::string> seen;
    for (const auto& e : errors)
        if (seen.insert(e).second) unique.push_back(e);
    if (unique.empty()) return {Code::Invalid, head};
    if (unique.size() == 1) return {Code::Invalid, head + ": " + unique.front()};
    std::string joined;
    for (const auto& e : unique) {
        if (!joined.empty()) joined += ", ";
        joined += e;
    }
    return {Code::Invalid, head + ": [" + joined + "]"};
}

Status expired(std::string message) { return {Code::Gone, std::move(message)}; }

Status badRequest(std::string message) { return {Code::BadRequest, std::move(message)}; }

Status internalError(const std::string& detail) { return {Code::InternalError, "Internal error occurred: " + detail}; }

}  // namespace ks::store
