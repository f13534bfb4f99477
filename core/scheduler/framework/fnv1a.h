// FNV-1a, 64-bit: the hash of short keys (node names, namespace/name) where std::hash costs
// more. Chained over several parts (pass the previous result as h), it equals the hash of
// their concatenation.
#pragma once

#include <cstdint>
#include <string_view>

namespace ks::scheduler {

inline constexpr std::uint64_t kFnv1aOffset = 14695981039346656037ULL;

inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = kFnv1aOffset) {
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

}  // namespace ks::scheduler
