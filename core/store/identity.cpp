#include "core/store/identity.h"

namespace ks::store {

namespace {

constexpr std::string_view kAlphanums = "bcdfghjklmnpqrstvwxz2456789";
constexpr int kIdxBits = 5;
constexpr std::uint64_t kIdxMask = (1u << kIdxBits) - 1;
constexpr int kMaxPerInt63 = 63 / kIdxBits;
constexpr std::size_t kMaxGeneratedNameLength = 63 - 5;  // validation.DNS1123LabelMaxLength - randomLength

}  // namespace

std::string IdentityGenerator::uid() {
    std::uint64_t hi = m_rng.next();
    std::uint64_t lo = m_rng.next();
    hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
    lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // RFC 4122 variant
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    auto put = [&](std::uint64_t v, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i) out += kHex[(v >> (4 * i)) & 0xf];
    };
    put(hi >> 32, 8);
    out += '-';
    put((hi >> 16) & 0xffff, 4);
    out += '-';
    put(hi & 0xffff, 4);
    out += '-';
    put(lo >> 48, 4);
    out += '-';
    put(lo & 0xffffffffffffULL, 12);
    return out;
}

std::string IdentityGenerator::randomString(int n) {
    std::string out;
    std::uint64_t r = m_rng.next() >> 1;  // Int63
    int remaining = kMaxPerInt63;
    while (static_cast<int>(out.size()) < n) {
        if (remaining == 0) {
            r = m_rng.next() >> 1;
            remaining = kMaxPerInt63;
        }
        std::size_t idx = r & kIdxMask;
        if (idx < kAlphanums.size()) out += kAlphanums[idx];
        r >>= kIdxBits;
        --remaining;
    }
    return out;
}

std::string IdentityGenerator::generateName(const std::string& base) {
    std::string b = base.size() > kMaxGeneratedNameLength ? base.substr(0, kMaxGeneratedNameLength) : base;
    return b + randomString(5);
}

}  // namespace ks::store
