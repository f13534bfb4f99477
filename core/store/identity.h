// Deterministic identities: UIDs and generateName suffixes.
// Upstream draws both from crypto-grade randomness (k8s.io/apimachinery/pkg/util/uuid,
// k8s.io/apiserver/pkg/storage/names.SimpleNameGenerator with util/rand.String). Here they come
// from a seeded generator whose state is part of the store's snapshots, so the same scenario and
// seed give the same UIDs and names.
#pragma once

#include <cstdint>
#include <string>

#include "core/sim/rng.h"

namespace ks::store {

class IdentityGenerator {
public:
    explicit IdentityGenerator(std::uint64_t seed = 0) : m_rng(seed) {}

    // A version-4 UUID: "3f2c8a4e-91d7-4b0e-a5c1-0d6e7f8a9b2c".
    std::string uid();
    // names.SimpleNameGenerator: base (cut to 58 characters) + 5 characters of
    // "bcdfghjklmnpqrstvwxz2456789", drawn 5 bits at a time as util/rand.String does.
    std::string generateName(const std::string& base);
    std::string randomString(int n);

private:
    sim::Rng m_rng;
};

}  // namespace ks::store
