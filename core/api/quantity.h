// Quantity: Kubernetes resource quantities ("100m", "1.5Gi", "1e3") with upstream semantics.
// Mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go, suffix.go, amount.go (v0.31):
// parsing with upstream's scanner and errors, the canonical form of String() (including
// upstream's habit of keeping the original text when it is already canonical, e.g. "1.500"),
// exact arithmetic and comparison.
//
// Representation, as upstream: a fast int64 mantissa * 10^scale (int64Amount) and, for values
// it cannot hold, an exact arbitrary-precision decimal (upstream's inf.Dec; here
// detail::BigDecimal). Nothing is clamped except what upstream clamps (BinarySI input above
// 2^63-1). "1E1000" stays exact and prints "10e999"; comparisons never expand exponents, so
// 1e2000000000 compares in constant time. value()/milliValue() saturate at the int64 range.
//
// NOTE: deliberate deviations from v1.31, all on inputs no manifest uses and all following
// newer upstream fixes: exponents beyond +-(2^31-1) are rejected ("1e4294967297") instead of
// wrapping to another value; DecimalSI values beyond "E" print as "1e21" instead of silently
// dropping the magnitude ("1000E" printed "1"); BinarySI values beyond "Ei" fall back to the
// decimal form; negative values round away from zero in value()/milliValue() on every path;
// an addition whose exact result would need over 4096 digits more than its longer operand
// (1e2000000000 + 1) rounds the smaller operand away from zero (see BigDecimal).
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ks::api {

namespace detail {
class BigDecimal;
}

class Quantity {
public:
    enum class Format { DecimalSI, BinarySI, DecimalExponent };

    Quantity() = default;
    // Parses s; on failure returns nullopt and, if error is given, upstream's message
    // ("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    // "unable to parse quantity's suffix" or "unable to parse numeric part of quantity").
    static std::optional<Quantity> parse(std::string_view s, std::string* error = nullptr);
    static Quantity fromMilli(std::int64_t milli, Format format = Format::DecimalSI);
    static Quantity fromInt(std::int64_t value, Format format = Format::DecimalSI);
    // value * 10^scale, as upstream's NewScaledQuantity (which is always DecimalSI).
    static Quantity fromScaled(std::int64_t value, int scale, Format format = Format::DecimalSI);

    // Value rounded up to an integer (upstream Value()), and milli-units rounded up (MilliValue()).
    std::int64_t value() const;
    std::int64_t milliValue() const;
    // ceil(q / 10^scale) away from zero, saturated to the int64 range (upstream ScaledValue()).
    std::int64_t scaledValue(int scale) const;
    // Nearest double, for drawing bars and ratios (upstream AsApproximateFloat64()).
    double approximateDouble() const;
    bool isZero() const;
    int sign() const;
    Format format() const { return m_format; }

    // Canonical string as upstream's String(): "100m", "1536Mi", "1500k" ...
    std::string toString() const;

    Quantity operator-() const;
    Quantity& operator+=(const Quantity& other);
    Quantity& operator-=(const Quantity& other);
    friend Quantity operator+(Quantity a, const Quantity& b) { return a += b; }
    friend Quantity operator-(Quantity a, const Quantity& b) { return a -= b; }
    std::strong_ordering operator<=>(const Quantity& other) const;
    bool operator==(const Quantity& other) const { return (*this <=> other) == 0; }

private:
    detail::BigDecimal toBig() const;
    void setBig(detail::BigDecimal big);

    // Fast form, used while m_big is null: m_value * 10^m_scale.
    std::int64_t m_value = 0;
    std::int32_t m_scale = 0;
    Format m_format = Format::DecimalSI;
    // Exact form for values the fast form cannot hold; immutable and shared between copies.
    std::shared_ptr<const detail::BigDecimal> m_big;
    // The text parse() kept because upstream reuses it as the canonical string; any
    // arithmetic clears it.
    std::string m_text;
};

}  // namespace ks::api
