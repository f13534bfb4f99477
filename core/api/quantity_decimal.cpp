#include "core/api/quantity_decimal.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace ks::api::detail {

namespace {

constexpr std::uint32_t kBase = 1000000000u;
constexpr std::uint32_t kPow10[10] = {1u,      10u,      100u,      1000u,      10000u,
                                      100000u, 1000000u, 10000000u, 100000000u, 1000000000u};
constexpr std::uint64_t kInt64Max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

int digitsOf(std::uint32_t v) {
    int n = 1;
    while (n < 10 && v >= kPow10[n]) ++n;
    return n;
}

}  // namespace

BigDecimal BigDecimal::fromInt64(std::int64_t value, std::int64_t exponent) {
    BigDecimal d;
    if (value == 0) return d;
    d.m_sign = value < 0 ? -1 : 1;
    // Negating INT64_MIN overflows; go through unsigned arithmetic instead.
    std::uint64_t mag = value < 0 ? 0u - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    while (mag > 0) {
        d.m_limbs.push_back(static_cast<std::uint32_t>(mag % kBase));
        mag /= kBase;
    }
    d.m_exp = exponent;
    d.normalize();
    return d;
}

BigDecimal BigDecimal::fromDigits(std::string_view digits, std::int64_t exponent, bool negative) {
    BigDecimal d;
    std::size_t first = digits.find_first_not_of('0');
    if (first == std::string_view::npos) return d;
    digits = digits.substr(first);
    d.m_limbs.reserve(digits.size() / 9 + 1);
    std::size_t end = digits.size();
    while (end > 0) {
        const std::size_t begin = end >= 9 ? end - 9 : 0;
        std::uint32_t limb = 0;
        for (std::size_t i = begin; i < end; ++i) limb = limb * 10 + static_cast<std::uint32_t>(digits[i] - '0');
        d.m_limbs.push_back(limb);
        end = begin;
    }
    d.m_sign = negative ? -1 : 1;
    d.m_exp = exponent;
    d.normalize();
    return d;
}

std::int64_t BigDecimal::digitCount() const {
    if (m_limbs.empty()) return 0;
    return static_cast<std::int64_t>(m_limbs.size() - 1) * 9 + digitsOf(m_limbs.back());
}

BigDecimal BigDecimal::abs() const {
    BigDecimal d = *this;
    if (d.m_sign < 0) d.m_sign = 1;
    return d;
}

void BigDecimal::trimLimbs() {
    while (!m_limbs.empty() && m_limbs.back() == 0) m_limbs.pop_back();
    if (m_limbs.empty()) {
        m_sign = 0;
        m_exp = 0;
    }
}

void BigDecimal::normalize() {
    trimLimbs();
    if (m_limbs.empty()) return;
    std::size_t zeroLimbs = 0;
    while (m_limbs[zeroLimbs] == 0) ++zeroLimbs;
    if (zeroLimbs > 0) {
        m_limbs.erase(m_limbs.begin(), m_limbs.begin() + static_cast<std::ptrdiff_t>(zeroLimbs));
        m_exp += static_cast<std::int64_t>(zeroLimbs) * 9;
    }
    int zeros = 0;
    while (zeros < 8 && m_limbs[0] % kPow10[zeros + 1] == 0) ++zeros;
    if (zeros > 0) {
        divSmall(kPow10[zeros]);
        m_exp += zeros;
    }
}

void BigDecimal::mulSmall(std::uint32_t m) {
    std::uint64_t carry = 0;
    for (auto& limb : m_limbs) {
        const std::uint64_t cur = static_cast<std::uint64_t>(limb) * m + carry;
        limb = static_cast<std::uint32_t>(cur % kBase);
        carry = cur / kBase;
    }
    while (carry > 0) {
        m_limbs.push_back(static_cast<std::uint32_t>(carry % kBase));
        carry /= kBase;
    }
}

void BigDecimal::addSmall(std::uint32_t m) {
    std::uint64_t carry = m;
    for (auto& limb : m_limbs) {
        if (carry == 0) break;
        const std::uint64_t cur = static_cast<std::uint64_t>(limb) + carry;
        limb = static_cast<std::uint32_t>(cur % kBase);
        carry = cur / kBase;
    }
    if (carry > 0) m_limbs.push_back(static_cast<std::uint32_t>(carry));
}

std::uint32_t BigDecimal::divSmall(std::uint32_t d) {
    std::uint64_t rem = 0;
    for (std::size_t i = m_limbs.size(); i-- > 0;) {
        const std::uint64_t cur = rem * kBase + m_limbs[i];
        m_limbs[i] = static_cast<std::uint32_t>(cur / d);
        rem = cur % d;
    }
    while (!m_limbs.empty() && m_limbs.back() == 0) m_limbs.pop_back();
    return static_cast<std::uint32_t>(rem);
}

std::uint32_t BigDecimal::modSmall(std::uint32_t d) const {
    std::uint64_t rem = 0;
    for (std::size_t i = m_limbs.size(); i-- > 0;) rem = (rem * kBase + m_limbs[i]) % d;
    return static_cast<std::uint32_t>(rem);
}

void BigDecimal::shiftDigits(std::int64_t n) {
    if (n <= 0 || m_limbs.empty()) return;
    const auto whole = static_cast<std::size_t>(n / 9);
    m_limbs.insert(m_limbs.begin(), whole, 0u);
    if (n % 9 != 0) mulSmall(kPow10[n % 9]);
    m_exp -= n;
}

void BigDecimal::mulPow2(int bits) {
    while (bits > 0) {
        const int step = std::min(bits, 29);
        mulSmall(1u << step);
        bits -= step;
    }
    normalize();
}

bool BigDecimal::roundAwayFromZero(std::int64_t exponent) {
    if (m_sign == 0 || m_exp >= exponent) return true;
    const std::int64_t drop = exponent - m_exp;
    if (drop > digitCount()) {
        // Everything is below the rounding unit: a non-zero value becomes one unit.
        m_limbs.assign(1, 1u);
        m_exp = exponent;
        normalize();
        return false;
    }
    const auto wholeLimbs = static_cast<std::size_t>(drop / 9);
    bool inexact = false;
    for (std::size_t i = 0; i < wholeLimbs; ++i) inexact = inexact || m_limbs[i] != 0;
    m_limbs.erase(m_limbs.begin(), m_limbs.begin() + static_cast<std::ptrdiff_t>(wholeLimbs));
    if (drop % 9 != 0) inexact = divSmall(kPow10[drop % 9]) != 0 || inexact;
    if (inexact) addSmall(1);
    m_exp = exponent;
    const int sign = m_sign;
    normalize();
    if (!m_limbs.empty()) m_sign = sign;
    return !inexact;
}

int BigDecimal::compareLimbs(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (std::size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

int BigDecimal::compareMagnitude(const BigDecimal& a, const BigDecimal& b) {
    if (a.isZero() || b.isZero()) return a.isZero() == b.isZero() ? 0 : (a.isZero() ? -1 : 1);
    const std::int64_t ta = a.topPosition(), tb = b.topPosition();
    if (ta != tb) return ta < tb ? -1 : 1;
    // Same leading position, so aligning costs at most the digits the operands already have.
    if (a.m_exp == b.m_exp) return compareLimbs(a.m_limbs, b.m_limbs);
    if (a.m_exp > b.m_exp) {
        BigDecimal x = a;
        x.shiftDigits(a.m_exp - b.m_exp);
        return compareLimbs(x.m_limbs, b.m_limbs);
    }
    BigDecimal y = b;
    y.shiftDigits(b.m_exp - a.m_exp);
    return compareLimbs(a.m_limbs, y.m_limbs);
}

int BigDecimal::compare(const BigDecimal& a, const BigDecimal& b) {
    if (a.m_sign != b.m_sign) return a.m_sign < b.m_sign ? -1 : 1;
    if (a.m_sign == 0) return 0;
    return a.m_sign * compareMagnitude(a, b);
}

BigDecimal BigDecimal::add(const BigDecimal& a, const BigDecimal& b) {
    if (a.isZero()) return b;
    if (b.isZero()) return a;
    BigDecimal x = a, y = b;
    const std::int64_t top = std::max(x.topPosition(), y.topPosition());
    const std::int64_t allowed = std::max(x.digitCount(), y.digitCount()) + kMaxAddPrecision;
    if (top - std::min(x.m_exp, y.m_exp) > allowed) {
        const std::int64_t floorExp = top - allowed;
        if (x.m_exp < floorExp) x.roundAwayFromZero(floorExp);
        if (y.m_exp < floorExp) y.roundAwayFromZero(floorExp);
    }
    const std::int64_t exp = std::min(x.m_exp, y.m_exp);
    x.shiftDigits(x.m_exp - exp);
    y.shiftDigits(y.m_exp - exp);

    BigDecimal r;
    r.m_exp = exp;
    if (x.m_sign == y.m_sign) {
        r.m_sign = x.m_sign;
        const std::size_t n = std::max(x.m_limbs.size(), y.m_limbs.size());
        r.m_limbs.resize(n);
        std::uint64_t carry = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t cur = carry + (i < x.m_limbs.size() ? x.m_limbs[i] : 0u) +
                                      (i < y.m_limbs.size() ? y.m_limbs[i] : 0u);
            r.m_limbs[i] = static_cast<std::uint32_t>(cur % kBase);
            carry = cur / kBase;
        }
        if (carry > 0) r.m_limbs.push_back(static_cast<std::uint32_t>(carry));
    } else {
        const int c = compareLimbs(x.m_limbs, y.m_limbs);
        if (c == 0) return BigDecimal();
        const BigDecimal& big = c > 0 ? x : y;
        const BigDecimal& small = c > 0 ? y : x;
        r.m_sign = big.m_sign;
        r.m_limbs.resize(big.m_limbs.size());
        std::int64_t borrow = 0;
        for (std::size_t i = 0; i < big.m_limbs.size(); ++i) {
            std::int64_t cur = static_cast<std::int64_t>(big.m_limbs[i]) - borrow -
                               (i < small.m_limbs.size() ? static_cast<std::int64_t>(small.m_limbs[i]) : 0);
            borrow = cur < 0 ? 1 : 0;
            if (cur < 0) cur += kBase;
            r.m_limbs[i] = static_cast<std::uint32_t>(cur);
        }
    }
    r.normalize();
    return r;
}

std::int64_t BigDecimal::toScaledInt64(std::int64_t scale) const {
    if (m_sign == 0) return 0;
    BigDecimal x = *this;
    x.roundAwayFromZero(scale);
    const std::int64_t shift = x.m_exp - scale;
    const auto saturated = m_sign > 0 ? std::numeric_limits<std::int64_t>::max()
                                      : std::numeric_limits<std::int64_t>::min();
    if (x.digitCount() + shift > 19) return saturated;
    std::uint64_t mag = 0;
    for (std::size_t i = x.m_limbs.size(); i-- > 0;) mag = mag * kBase + x.m_limbs[i];
    for (std::int64_t i = 0; i < shift; ++i)
        if (__builtin_mul_overflow(mag, std::uint64_t{10}, &mag)) return saturated;
    if (m_sign > 0) return mag > kInt64Max ? saturated : static_cast<std::int64_t>(mag);
    if (mag > kInt64Max + 1) return saturated;
    return static_cast<std::int64_t>(0u - mag);
}

bool BigDecimal::toInt64Parts(std::int64_t& mantissa, std::int32_t& exponent) const {
    if (m_sign == 0) {
        mantissa = 0;
        exponent = 0;
        return true;
    }
    if (digitCount() > 19 || m_exp < std::numeric_limits<std::int32_t>::min() ||
        m_exp > std::numeric_limits<std::int32_t>::max())
        return false;
    std::uint64_t mag = 0;
    for (std::size_t i = m_limbs.size(); i-- > 0;) {
        if (__builtin_mul_overflow(mag, std::uint64_t{kBase}, &mag)) return false;
        if (__builtin_add_overflow(mag, std::uint64_t{m_limbs[i]}, &mag)) return false;
    }
    if (mag > kInt64Max) return false;
    mantissa = m_sign * static_cast<std::int64_t>(mag);
    exponent = static_cast<std::int32_t>(m_exp);
    return true;
}

double BigDecimal::toDouble() const {
    if (m_sign == 0) return 0.0;
    std::string text = m_sign < 0 ? "-" : "";
    text += magnitudeDigits();
    text += "e" + std::to_string(m_exp);
    return std::strtod(text.c_str(), nullptr);
}

std::string BigDecimal::magnitudeDigits() const {
    if (m_limbs.empty()) return "0";
    std::string out = std::to_string(m_limbs.back());
    out.reserve(m_limbs.size() * 9);
    for (std::size_t i = m_limbs.size() - 1; i-- > 0;) {
        const std::string part = std::to_string(m_limbs[i]);
        out.append(9 - part.size(), '0');
        out += part;
    }
    return out;
}

void BigDecimal::canonicalBase10(std::string& digits, std::int64_t& exponent) const {
    BigDecimal x = *this;
    // Lower the exponent to the multiple of 3 below it (Go's % keeps the sign: -1 % 3 == -1).
    std::int64_t r = x.m_exp % 3;
    if (r < 0) r += 3;
    if (r > 0) x.shiftDigits(r);
    digits = x.magnitudeDigits();
    exponent = x.m_exp;
}

bool BigDecimal::canonicalBase1024(std::string& digits, int& power, int maxPower) const {
    if (!isIntegral()) return false;
    // 10^e has e factors of two: past 10 * (maxPower + 1) the value is surely divisible by
    // 1024^(maxPower+1), and expanding 10^e could be enormous.
    if (m_exp >= 10 * (static_cast<std::int64_t>(maxPower) + 1)) return false;
    BigDecimal x = *this;
    x.shiftDigits(x.m_exp);
    power = 0;
    while (!x.m_limbs.empty() && x.modSmall(1024) == 0) {
        if (power == maxPower) return false;
        x.divSmall(1024);
        ++power;
    }
    digits = x.magnitudeDigits();
    return true;
}

}  // namespace ks::api::detail
