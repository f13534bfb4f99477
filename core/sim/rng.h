// Rng: the simulation's only source of randomness, seeded once per run.
//
// Built on std::mt19937_64, whose output sequence the C++ standard fixes, with every derived
// draw (bounded integers, floats, shuffles) written out here: std::uniform_int_distribution
// and std::shuffle are implementation-defined and would make traces differ between standard
// libraries. The state is a plain value, so snapshots copy it.
#pragma once

#include <cstdint>
#include <iterator>
#include <random>
#include <utility>
#include <vector>

namespace ks::sim {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) : m_engine(seed) {}

    // The next raw 64-bit output.
    std::uint64_t next() { return m_engine(); }

    // Uniform in [0, n) without modulo bias, like Go's rand.Int63n; n <= 0 gives 0.
    std::int64_t intn(std::int64_t n);

    // Uniform in [lo, hi] (both inclusive); lo > hi gives lo.
    std::int64_t range(std::int64_t lo, std::int64_t hi);

    // Uniform in [0, 1) with 53 bits, like Go's rand.Float64.
    double float64() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Go's wait.Jitter (k8s.io/apimachinery/pkg/util/wait, v1.31):
    // duration + random * maxFactor * duration, maxFactor <= 0 meaning 1. Integer milliseconds.
    std::int64_t jitter(std::int64_t duration, double maxFactor);

    // Fisher-Yates from the back, drawing with intn: the same permutation on every platform.
    template <typename RandomIt>
    void shuffle(RandomIt first, RandomIt last) {
        auto n = static_cast<std::int64_t>(std::distance(first, last));
        for (std::int64_t i = n - 1; i > 0; --i) {
            std::int64_t j = intn(i + 1);
            using std::swap;
            swap(first[i], first[j]);
        }
    }
    template <typename T>
    void shuffle(std::vector<T>& v) {
        shuffle(v.begin(), v.end());
    }

    bool operator==(const Rng& other) const { return m_engine == other.m_engine; }

private:
    std::mt19937_64 m_engine;
};

}  // namespace ks::sim
