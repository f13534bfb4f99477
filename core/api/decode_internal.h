// Private to core/api: RFC 3339 parsing with Go's time.Parse error wording, shared by decoding
// and by the schema check of metav1.Time / metav1.MicroTime fields.
#pragma once

#include <string>

#include "core/api/types.h"

namespace ks::api {

// Parses s as time.Parse(time.RFC3339, s) does (micro: metav1.MicroTime's
// "2006-01-02T15:04:05.000000Z07:00"). On failure returns false and, if err is given, Go's
// message: `parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`.
bool parseRfc3339(const std::string& s, bool micro, std::string* err, Time* out = nullptr);

}  // namespace ks::api
