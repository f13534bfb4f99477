#include "core/api/quantity.h"
#include "core/api/ascii.h"

#include <cmath>
#include <limits>

#include "core/api/quantity_decimal.h"

namespace ks::api {

using detail::BigDecimal;

namespace {

constexpr const char* kErrFormatWrong =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
constexpr const char* kErrNumeric = "unable to parse numeric part of quantity";
constexpr const char* kErrSuffix = "unable to parse quantity's suffix";

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMaxInt64Factors = 18;  // decimal digits that always fit an int64
constexpr int kNanoScale = -9;
constexpr int kMaxBinaryPower = 6;  // "Ei"

constexpr std::int64_t kPow10[19] = {1,
                                     10,
                                     100,
                                     1000,
                                     10000,
                                     100000,
                                     1000000,
                                     10000000,
                                     100000000,
                                     1000000000,
                                     10000000000,
                                     100000000000,
                                     1000000000000,
                                     10000000000000,
                                     100000000000000,
                                     1000000000000000,
                                     10000000000000000,
                                     100000000000000000,
                                     1000000000000000000};


bool isSuffixChar(char c) {
    switch (c) {
    case 'e': case 'E': case 'i': case 'n': case 'u': case 'm':
    case 'k': case 'K': case 'M': case 'G': case 'T': case 'P':
        return true;
    default:
        return false;
    }
}

// The pieces of "-1.025Ti": sign, the numeric text "-1.025" as written, its integer digits
// without leading zeros ("1", or "0" when there are none), fraction digits "025", suffix "Ti".
struct Scanned {
    bool positive = true;
    std::string_view value, num, denom, suffix;
};

// Upstream's parseQuantityString: a fast scanner that is deliberately lax (it accepts "1.G"
// and "." as upstream does) and only rejects what its regular expression would.
bool scanQuantity(std::string_view str, Scanned& out) {
    std::size_t pos = 0;
    const std::size_t end = str.size();
    if (pos < end && (str[0] == '-' || str[0] == '+')) {
        out.positive = str[0] != '-';
        ++pos;
    }
    while (pos < end && str[pos] == '0') ++pos;
    if (pos >= end) {
        out.num = "0";
        out.value = out.num;
        return true;
    }
    std::size_t i = pos;
    while (i < end && isAsciiDigit(str[i])) ++i;
    if (i >= end) {
        out.num = str.substr(pos);
        out.value = str;
        return true;
    }
    out.num = i == pos ? std::string_view("0") : str.substr(pos, i - pos);
    pos = i;
    if (str[pos] == '.') {
        ++pos;
        i = pos;
        while (i < end && isAsciiDigit(str[i])) ++i;
        out.denom = str.substr(pos, i - pos);
        if (i >= end) {
            out.value = str;
            return true;
        }
        pos = i;
    }
    out.value = str.substr(0, pos);
    const std::size_t suffixStart = pos;
    while (pos < end && isSuffixChar(str[pos])) ++pos;
    if (pos < end && (str[pos] == '-' || str[pos] == '+')) ++pos;
    while (pos < end && isAsciiDigit(str[pos])) ++pos;
    if (pos < end) return false;
    out.suffix = str.substr(suffixStart);
    return true;
}

// strconv.ParseInt(s, 10, 64): optional sign, at least one digit, no overflow.
bool parseGoInt64(std::string_view s, std::int64_t& out) {
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return false;
    std::uint64_t mag = 0;
    const std::uint64_t limit = negative ? static_cast<std::uint64_t>(kInt64Max) + 1 : kInt64Max;
    for (char c : s) {
        if (!isAsciiDigit(c)) return false;
        if (__builtin_mul_overflow(mag, std::uint64_t{10}, &mag) ||
            __builtin_add_overflow(mag, static_cast<std::uint64_t>(c - '0'), &mag) || mag > limit)
            return false;
    }
    out = negative ? static_cast<std::int64_t>(0u - mag) : static_cast<std::int64_t>(mag);
    return true;
}

struct Suffix {
    int base = 10;
    std::int64_t exponent = 0;
    Quantity::Format format = Quantity::Format::DecimalSI;
};

// Upstream's suffixer.interpret.
bool interpretSuffix(std::string_view s, Suffix& out) {
    using F = Quantity::Format;
    static const struct {
        std::string_view text;
        int base;
        int exponent;
        F format;
    } kTable[] = {{"", 10, 0, F::DecimalSI},    {"n", 10, -9, F::DecimalSI}, {"u", 10, -6, F::DecimalSI},
                  {"m", 10, -3, F::DecimalSI},  {"k", 10, 3, F::DecimalSI},  {"M", 10, 6, F::DecimalSI},
                  {"G", 10, 9, F::DecimalSI},   {"T", 10, 12, F::DecimalSI}, {"P", 10, 15, F::DecimalSI},
                  {"E", 10, 18, F::DecimalSI},  {"Ki", 2, 10, F::BinarySI},  {"Mi", 2, 20, F::BinarySI},
                  {"Gi", 2, 30, F::BinarySI},   {"Ti", 2, 40, F::BinarySI},  {"Pi", 2, 50, F::BinarySI},
                  {"Ei", 2, 60, F::BinarySI}};
    for (const auto& e : kTable) {
        if (e.text == s) {
            out = {e.base, e.exponent, e.format};
            return true;
        }
    }
    if (s.size() > 1 && (s[0] == 'e' || s[0] == 'E')) {
        std::int64_t exp = 0;
        if (!parseGoInt64(s.substr(1), exp)) return false;
        // NOTE: v1.31 truncates to int32 here, so "1e4294967297" meant 10; newer upstream
        // rejects exponents whose negation does not fit an int32, and so do we.
        if (exp > std::numeric_limits<std::int32_t>::max() || exp < -std::numeric_limits<std::int32_t>::max())
            return false;
        out = {10, exp, F::DecimalExponent};
        return true;
    }
    return false;
}

bool fail(std::string* error, const char* message) {
    if (error) *error = message;
    return false;
}

int signOf(std::int64_t v) { return v > 0 ? 1 : (v < 0 ? -1 : 0); }

// Compares a*10^sa with b*10^sb without ever expanding a power of ten beyond int64.
int compareFast(std::int64_t a, std::int64_t sa, std::int64_t b, std::int64_t sb) {
    if (sa == sb || a == 0 || b == 0 || signOf(a) != signOf(b)) {
        if (sa == sb) return a < b ? -1 : (a > b ? 1 : 0);
        return signOf(a) < signOf(b) ? -1 : (signOf(a) > signOf(b) ? 1 : 0);
    }
    // Same sign, both non-zero: scale up the one with the larger exponent. If that
    // overflows (or needs more than 10^18) its magnitude is the larger one.
    if (sa > sb) {
        const std::int64_t d = sa - sb;
        std::int64_t scaled = 0;
        if (d > 18 || __builtin_mul_overflow(a, kPow10[d], &scaled)) return signOf(a);
        return scaled < b ? -1 : (scaled > b ? 1 : 0);
    }
    const std::int64_t d = sb - sa;
    std::int64_t scaled = 0;
    if (d > 18 || __builtin_mul_overflow(b, kPow10[d], &scaled)) return -signOf(b);
    return a < scaled ? -1 : (a > scaled ? 1 : 0);
}

// Upstream's int64Amount.Add: false (and nothing changed) when the result needs the slow form.
bool addFast(std::int64_t& av, std::int32_t& as, std::int64_t bv, std::int32_t bs) {
    if (bv == 0) return true;
    if (av == 0) {
        av = bv;
        as = bs;
        return true;
    }
    std::int64_t sum = 0;
    if (as == bs) {
        if (__builtin_add_overflow(av, bv, &sum)) return false;
        av = sum;
        return true;
    }
    const std::int64_t d = static_cast<std::int64_t>(as) - bs;
    if (d > 0) {
        std::int64_t scaled = 0;
        if (d > 18 || __builtin_mul_overflow(av, kPow10[d], &scaled) || __builtin_add_overflow(scaled, bv, &sum))
            return false;
        av = sum;
        as = bs;
        return true;
    }
    std::int64_t scaled = 0;
    if (-d > 18 || __builtin_mul_overflow(bv, kPow10[-d], &scaled) || __builtin_add_overflow(av, scaled, &sum))
        return false;
    av = sum;
    return true;
}

const char* decimalSuffix(std::int64_t exponent) {
    switch (exponent) {
    case -9: return "n";
    case -6: return "u";
    case -3: return "m";
    case 0: return "";
    case 3: return "k";
    case 6: return "M";
    case 9: return "G";
    case 12: return "T";
    case 15: return "P";
    case 18: return "E";
    default: return nullptr;
    }
}

constexpr const char* kBinarySuffixes[kMaxBinaryPower + 1] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

}  // namespace

std::optional<Quantity> Quantity::parse(std::string_view str, std::string* error) {
    if (str.empty()) {
        fail(error, kErrFormatWrong);
        return std::nullopt;
    }
    Quantity q;
    if (str == "0") {
        q.m_text = "0";
        return q;
    }
    Scanned s;
    if (!scanQuantity(str, s)) {
        fail(error, kErrFormatWrong);
        return std::nullopt;
    }
    Suffix suffix;
    if (!interpretSuffix(s.suffix, suffix)) {
        fail(error, kErrSuffix);
        return std::nullopt;
    }
    q.m_format = suffix.format;

    // Fast path: the digits fit an int64 and no precision below nano is involved.
    const auto numDigits = static_cast<std::int64_t>(s.num.size() + s.denom.size());
    std::int64_t precision = 0;
    std::int64_t scale = 0;
    std::int64_t mantissa = 1;
    if (suffix.base == 10) {
        scale = suffix.exponent;
        precision = kMaxInt64Factors - numDigits;
    } else if (s.denom.empty()) {
        mantissa = std::int64_t{1} << suffix.exponent;
        // Each power of 1024 takes about three decimal digits of the int64's precision.
        precision = 15 - static_cast<std::int64_t>(s.num.size()) - suffix.exponent * 3 / 10 - 1;
    } else {
        precision = -1;
    }
    if (precision >= 0) {
        scale -= static_cast<std::int64_t>(s.denom.size());
        if (scale >= kNanoScale) {
            std::string shiftedText(s.num);
            shiftedText += s.denom;
            std::int64_t shifted = 0;
            for (char c : shiftedText) shifted = shifted * 10 + (c - '0');
            std::int64_t result = 0;
            if (!__builtin_mul_overflow(shifted, mantissa, &result)) {
                q.m_value = s.positive ? result : -result;
                q.m_scale = static_cast<std::int32_t>(scale);
                // Upstream keeps the input as the canonical string when it looks canonical,
                // without normalising it: "1.500", "+1", "01Gi" and "1E3" print as written.
                bool keep = false;
                if (suffix.base == 2) {
                    keep = suffix.exponent % 10 == 0 && (shifted & 0x07) != 0;
                } else {
                    const bool endsWith000 =
                        shiftedText.size() >= 3 && shiftedText.compare(shiftedText.size() - 3, 3, "000") == 0;
                    keep = scale % 3 == 0 && !endsWith000 && shiftedText.front() != '0';
                }
                if (keep) q.m_text = std::string(str);
                return q;
            }
        }
    }

    // Slow path, upstream's inf.Dec: exact digits, then round up to nano.
    bool hasDigit = false;
    for (char c : s.value) hasDigit = hasDigit || isAsciiDigit(c);
    if (!hasDigit) {
        fail(error, kErrNumeric);
        return std::nullopt;
    }
    std::string digits(s.num);
    digits += s.denom;
    const std::int64_t exponent = (suffix.base == 10 ? suffix.exponent : 0) - static_cast<std::int64_t>(s.denom.size());
    BigDecimal amount = BigDecimal::fromDigits(digits, exponent, false);
    if (suffix.base == 2) amount.mulPow2(static_cast<int>(suffix.exponent));
    // Round non-zero values up to the smallest representable amount: whoever asks for some
    // resource should get some, even if they asked for far too little.
    amount.roundAwayFromZero(kNanoScale);
    if (q.m_format == Format::BinarySI) {
        static const BigDecimal kMaxAllowed = BigDecimal::fromInt64(kInt64Max, 0);
        static const BigDecimal kOne = BigDecimal::fromInt64(1, 0);
        if (BigDecimal::compare(amount, kMaxAllowed) > 0) amount = kMaxAllowed;
        if (!amount.isZero() && BigDecimal::compare(amount, kOne) < 0) q.m_format = Format::DecimalSI;
    }
    if (!s.positive) amount.negate();
    q.setBig(std::move(amount));
    return q;
}

Quantity Quantity::fromMilli(std::int64_t milli, Format format) {
    Quantity q;
    q.m_value = milli;
    q.m_scale = -3;
    q.m_format = format;
    return q;
}

Quantity Quantity::fromInt(std::int64_t value, Format format) {
    Quantity q;
    q.m_value = value;
    q.m_format = format;
    return q;
}

Quantity Quantity::fromScaled(std::int64_t value, int scale, Format format) {
    Quantity q;
    q.m_value = value;
    q.m_scale = scale;
    q.m_format = format;
    return q;
}

BigDecimal Quantity::toBig() const {
    if (m_big) return *m_big;
    return BigDecimal::fromInt64(m_value, m_scale);
}

void Quantity::setBig(BigDecimal big) {
    std::int64_t mantissa = 0;
    std::int32_t exponent = 0;
    if (big.toInt64Parts(mantissa, exponent)) {
        m_big.reset();
        m_value = mantissa;
        m_scale = exponent;
    } else {
        m_big = std::make_shared<const BigDecimal>(std::move(big));
        m_value = 0;
        m_scale = 0;
    }
}

std::int64_t Quantity::scaledValue(int scale) const {
    if (m_big) return m_big->toScaledInt64(scale);
    if (m_value == 0) return 0;
    const std::int64_t delta = static_cast<std::int64_t>(m_scale) - scale;
    if (delta < 0) {
        // Scaling down: divide, rounding away from zero.
        if (-delta > 18) return m_value > 0 ? 1 : -1;
        const std::int64_t divisor = kPow10[-delta];
        std::int64_t result = m_value / divisor;
        if (m_value % divisor != 0) result += m_value > 0 ? 1 : -1;
        return result;
    }
    std::int64_t result = 0;
    if (delta > 18 || __builtin_mul_overflow(m_value, kPow10[delta], &result))
        return m_value > 0 ? kInt64Max : kInt64Min;
    return result;
}

std::int64_t Quantity::value() const { return scaledValue(0); }

std::int64_t Quantity::milliValue() const { return scaledValue(-3); }

double Quantity::approximateDouble() const {
    if (m_big) return m_big->toDouble();
    if (m_scale == 0) return static_cast<double>(m_value);
    return static_cast<double>(m_value) * std::pow(10.0, m_scale);
}

bool Quantity::isZero() const { return m_big ? m_big->isZero() : m_value == 0; }

int Quantity::sign() const { return m_big ? m_big->sign() : signOf(m_value); }

std::string Quantity::toString() const {
    if (!m_text.empty()) return m_text;
    if (isZero()) return "0";
    const BigDecimal v = toBig();
    Format format = m_format;
    std::string digits;
    if (format == Format::BinarySI) {
        // Small and fractional values print in decimal rather than being rounded to "1.1i".
        static const BigDecimal kLow = BigDecimal::fromInt64(-1024, 0);
        static const BigDecimal kHigh = BigDecimal::fromInt64(1024, 0);
        int power = 0;
        if (BigDecimal::compare(v, kLow) > 0 && BigDecimal::compare(v, kHigh) < 0)
            format = Format::DecimalSI;
        else if (v.canonicalBase1024(digits, power, kMaxBinaryPower))
            return (v.sign() < 0 ? "-" : "") + digits + kBinarySuffixes[power];
        else
            format = Format::DecimalSI;  // fractional, or beyond "Ei"
    }
    std::int64_t exponent = 0;
    v.canonicalBase10(digits, exponent);
    std::string out = v.sign() < 0 ? "-" : "";
    out += digits;
    const char* suffix = format == Format::DecimalSI ? decimalSuffix(exponent) : nullptr;
    if (suffix)
        out += suffix;
    else if (exponent != 0)
        out += "e" + std::to_string(exponent);
    return out;
}

Quantity Quantity::operator-() const {
    Quantity q;
    q.m_format = m_format;
    if (!m_big && m_value != kInt64Min) {
        q.m_value = -m_value;
        q.m_scale = m_scale;
        return q;
    }
    BigDecimal v = toBig();
    v.negate();
    q.setBig(std::move(v));
    return q;
}

Quantity& Quantity::operator+=(const Quantity& other) {
    m_text.clear();
    if (isZero()) m_format = other.m_format;
    if (!m_big && !other.m_big && addFast(m_value, m_scale, other.m_value, other.m_scale)) return *this;
    setBig(BigDecimal::add(toBig(), other.toBig()));
    return *this;
}

Quantity& Quantity::operator-=(const Quantity& other) {
    m_text.clear();
    if (isZero()) m_format = other.m_format;
    if (!m_big && !other.m_big && other.m_value != kInt64Min &&
        addFast(m_value, m_scale, -other.m_value, other.m_scale))
        return *this;
    BigDecimal negated = other.toBig();
    negated.negate();
    setBig(BigDecimal::add(toBig(), negated));
    return *this;
}

std::strong_ordering Quantity::operator<=>(const Quantity& other) const {
    int c = 0;
    if (!m_big && !other.m_big)
        c = compareFast(m_value, m_scale, other.m_value, other.m_scale);
    else
        c = BigDecimal::compare(toBig(), other.toBig());
    return c < 0 ? std::strong_ordering::less : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

}  // namespace ks::api
