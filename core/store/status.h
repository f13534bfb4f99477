// Status: the result of an API call, with upstream's reasons and messages.
// Mirrors k8s.io/apimachinery/pkg/api/errors/errors.go (v0.31): NewNotFound, NewAlreadyExists,
// NewConflict, NewInvalid, NewForbidden, NewResourceExpired, NewBadRequest, NewInternalError.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ks::store {

// metav1.StatusReason, reduced to what the simulated API server returns.
enum class Code { Ok, NotFound, AlreadyExists, Conflict, Invalid, Forbidden, Gone, BadRequest, InternalError };

struct Status {
    Code code = Code::Ok;
    std::string message;  // upstream wording, e.g. `pods "web" not found`

    bool ok() const { return code == Code::Ok; }
    // The StatusReason kubectl prints: "Error from server (NotFound): ...". Gone is "Expired".
    std::string_view reason() const;
    int httpCode() const;  // 404, 409, 422, 403, 410, 400, 500; 200 for Ok
};

// Result of a call that returns a value on success.
template <typename T>
struct Result {
    Status status;
    T value{};
    bool ok() const { return status.ok(); }
};

// registry/generic/registry/store.go: the detail of a resourceVersion conflict.
inline constexpr std::string_view kOptimisticLockErrorMsg =
    "the object has been modified; please apply your changes to the latest version and try again";

// Go's %q for the names and values that appear in messages.
std::string goQuote(std::string_view s);

// `pods "web" not found`; qualifiedResource is "pods" or "deployments.apps".
Status notFound(const std::string& qualifiedResource, const std::string& name);
// `pods "web" already exists`.
Status alreadyExists(const std::string& qualifiedResource, const std::string& name);
// `Operation cannot be fulfilled on pods "web": <detail>`.
Status conflict(const std::string& qualifiedResource, const std::string& name, const std::string& detail);
// `pods "web" is forbidden: <detail>`; without a name `pods is forbidden: <detail>`.
Status forbidden(const std::string& qualifiedResource, const std::string& name, const std::string& detail);
// `Pod "web" is invalid: <errors>`: one error as is, several as "[a, b]" without duplicates
// (field.ErrorList.ToAggregate). Each error is "path: message" (field.Error.Error()).
Status invalid(const std::string& qualifiedKind, const std::string& name, const std::vector<std::string>& errors);
// 410 Gone with reason Expired: `too old resource version: 5 (12)`.
Status expired(std::string message);
Status badRequest(std::string message);
// `Internal error occurred: <detail>`.
Status internalError(const std::string& detail);

}  // namespace ks::store
