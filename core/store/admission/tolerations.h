// Toleration set arithmetic used by admission: which toleration covers another, merging two
// lists without redundant entries, and checking a list against a whitelist.
// Mirrors pkg/util/tolerations/tolerations.go (v1.31), on the internal (undefaulted) form:
// an empty operator stays empty and, as upstream, only equals another empty operator.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/api/value.h"

namespace ks::store::admission::tolerations {

// core.Toleration as the API server holds it after decoding: the operator as written.
struct Toleration {
    std::string key;
    std::string op;  // "Equal", "Exists" or empty (means Equal)
    std::string value;
    std::string effect;  // empty: every effect
    std::optional<std::int64_t> tolerationSeconds;
    // Where it came from (a pod's spec.tolerations item), written back unchanged when kept.
    std::optional<api::Value> source;

    // apiequality.Semantic.DeepEqual: every field, seconds by value.
    bool sameAs(const Toleration& o) const {
        return key == o.key && op == o.op && value == o.value && effect == o.effect &&
               tolerationSeconds == o.tolerationSeconds;
    }
};

// isSuperset: whether ss tolerates everything t tolerates.
bool isSuperset(const Toleration& ss, const Toleration& t);

// MergeTolerations: first then second, dropping every toleration another one covers (of two
// equal ones the first stays).
std::vector<Toleration> merge(const std::vector<Toleration>& first, const std::vector<Toleration>& second);

// VerifyAgainstWhitelist: each toleration is covered by some whitelist entry; an empty whitelist
// or an empty list passes.
bool verifyAgainstWhitelist(const std::vector<Toleration>& list, const std::vector<Toleration>& whitelist);

// A toleration read from a pod's spec.tolerations item (keeps the item as its source).
Toleration fromValue(const api::Value& v);
// The v1 JSON form with empty fields omitted (the item itself when the toleration has a source).
api::Value toValue(const Toleration& t);

}  // namespace ks::store::admission::tolerations
