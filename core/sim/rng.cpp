#include "core/sim/rng.h"

#include <limits>

namespace ks::sim {

std::int64_t Rng::intn(std::int64_t n) {
    if (n <= 0) return 0;
    const auto bound = static_cast<std::uint64_t>(n);
    // Reject the first (2^64 mod n) values so that every residue is equally likely.
    const std::uint64_t threshold = (std::uint64_t(0) - bound) % bound;
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold) return static_cast<std::int64_t>(r % bound);
    }
}

std::int64_t Rng::range(std::int64_t lo, std::int64_t hi) {
    if (lo >= hi) return lo;
    const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    if (span == std::numeric_limits<std::uint64_t>::max())
        return static_cast<std::int64_t>(next());
    const std::uint64_t bound = span + 1;
    const std::uint64_t threshold = (std::uint64_t(0) - bound) % bound;
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold) return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + r % bound);
    }
}

std::int64_t Rng::jitter(std::int64_t duration, double maxFactor) {
    if (maxFactor <= 0.0) maxFactor = 1.0;
    return duration + static_cast<std::int64_t>(float64() * maxFactor * static_cast<double>(duration));
}

}  // namespace ks::sim
