// Arbitrary-precision decimal for Quantity's slow path, in the role of upstream's inf.Dec
// (gopkg.in/inf.v0 as used by k8s.io/apimachinery/pkg/api/resource, v0.31).
// Internal to core/api: value = sign * magnitude * 10^exponent, magnitude in base-10^9 limbs,
// always normalised (no trailing decimal zeros in the magnitude) so that equal values have
// equal representations and 1e2000000000 costs one limb, not two billion digits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ks::api::detail {

class BigDecimal {
public:
    // NOTE: an addition is exact unless aligning its operands would need more than this many
    // digits beyond the longer operand; then the operand with the lower exponent is rounded
    // away from zero to fit. Without the bound, 1e2000000000 + 1 would need two billion
    // digits: upstream's inf.Dec would try, and hang.
    static constexpr std::int64_t kMaxAddPrecision = 4096;

    BigDecimal() = default;
    static BigDecimal fromInt64(std::int64_t value, std::int64_t exponent);
    // digits: ASCII decimal digits only, leading zeros allowed, empty means zero.
    static BigDecimal fromDigits(std::string_view digits, std::int64_t exponent, bool negative);

    int sign() const { return m_sign; }
    bool isZero() const { return m_sign == 0; }
    std::int64_t exponent() const { return m_exp; }
    // Decimal digits of the (normalised) magnitude; 0 for zero.
    std::int64_t digitCount() const;
    // Position just above the leading digit: 10^(top-1) <= |value| < 10^top.
    std::int64_t topPosition() const { return m_exp + digitCount(); }
    bool isIntegral() const { return m_sign == 0 || m_exp >= 0; }

    void negate() { m_sign = -m_sign; }
    BigDecimal abs() const;
    void mulPow2(int bits);
    // Rounds to a multiple of 10^exponent, away from zero; returns whether it was exact.
    bool roundAwayFromZero(std::int64_t exponent);

    static int compare(const BigDecimal& a, const BigDecimal& b);
    static BigDecimal add(const BigDecimal& a, const BigDecimal& b);

    // value / 10^scale rounded away from zero, saturated to the int64 range.
    std::int64_t toScaledInt64(std::int64_t scale) const;
    // Exact int64 mantissa and int32 exponent, if the value has them.
    bool toInt64Parts(std::int64_t& mantissa, std::int32_t& exponent) const;
    double toDouble() const;

    // Magnitude digits, without sign, of the normalised value.
    std::string magnitudeDigits() const;
    // Canonical base-10 form: magnitude digits and an exponent that is a multiple of 3
    // (1.1e5 gives "110", 3), as upstream's AsCanonicalBytes.
    void canonicalBase10(std::string& digits, std::int64_t& exponent) const;
    // Canonical base-1024 form of an integral value: digits and the power of 1024 (at most
    // maxPower). Returns false when the value has more factors of 1024 than maxPower, or is
    // not integral.
    bool canonicalBase1024(std::string& digits, int& power, int maxPower) const;

private:
    void normalize();
    void trimLimbs();
    void mulSmall(std::uint32_t m);
    void addSmall(std::uint32_t m);
    std::uint32_t divSmall(std::uint32_t d);
    std::uint32_t modSmall(std::uint32_t d) const;
    // Multiplies the magnitude by 10^n and lowers the exponent by n: same value, more digits.
    void shiftDigits(std::int64_t n);
    static int compareLimbs(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
    static int compareMagnitude(const BigDecimal& a, const BigDecimal& b);

    int m_sign = 0;
    std::int64_t m_exp = 0;
    std::vector<std::uint32_t> m_limbs;  // little-endian, base 10^9; empty for zero
};

}  // namespace ks::api::detail
