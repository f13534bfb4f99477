// ASCII character classes for the parsers of quantities, timestamps and names: upstream's
// grammars are ASCII-only, and <cctype> would follow the C locale.
#pragma once

namespace ks::api {

constexpr bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isAsciiLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || isAsciiDigit(c); }
constexpr bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace ks::api
