// Quantity: Kubernetes resource quantities ("100m", "1.5Gi", "1e3") with upstream semantics.
// Mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go (v0.31): parsing, canonical form,
// exact arithmetic and comparison. Values far beyond int64 (e.g. "1E18Ei") stay exact enough
// to compare and print; MilliValue()/Value() saturate like upstream's int64 conversions.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ks::api {

class Quantity {
public:
    enum class Format { DecimalSI, BinarySI, DecimalExponent };

    Quantity() = default;
    // Parses s; on failure returns nullopt and, if error is given, upstream's message
    // ("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'").
    static std::optional<Quantity> parse(std::string_view s, std::string* error = nullptr);
    static Quantity fromMilli(std::int64_t milli, Format format = Format::DecimalSI);
    static Quantity fromInt(std::int64_t value, Format format = Format::DecimalSI);

    // Value rounded up to an integer (upstream Value()), and milli-units rounded up (MilliValue()).
    std::int64_t value() const;
    std::int64_t milliValue() const;
    bool isZero() const;
    int sign() const;
    Format format() const { return m_format; }

    // Canonical string as upstream's String(): "100m", "1536Mi", "1500k" ...
    std::string toString() const;

    Quantity& operator+=(const Quantity& other);
    Quantity& operator-=(const Quantity& other);
    friend Quantity operator+(Quantity a, const Quantity& b) { return a += b; }
    friend Quantity operator-(Quantity a, const Quantity& b) { return a -= b; }
    std::strong_ordering operator<=>(const Quantity& other) const;
    bool operator==(const Quantity& other) const { return (*this <=> other) == 0; }

private:
    // Exact decimal: value = m_mantissa * 10^m_exponent. __int128 holds every quantity that
    // the regular expression can produce up to ~10^38 exactly; larger ones are clamped
    // (m_overflow) but still order correctly against ordinary values.
    __int128 m_mantissa = 0;
    int m_exponent = 0;
    Format m_format = Format::DecimalSI;
    bool m_clamped = false;
    friend struct QuantityInternals;
};

}  // namespace ks::api
