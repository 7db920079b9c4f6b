// Decimal: an exact base-10 number, as written in a report.
//
// Money in 绩效自评报告 is written with decimals ("861.46万元") and must add up
// exactly, so no binary floating point is involved anywhere: a Decimal is an
// unscaled 128-bit integer and a scale (value = unscaled × 10^-scale).
//
// The scale of a parsed Decimal is the number of decimals as written
// ("24.50" has scale 2), which is what tolerance rules need: a figure written
// with d decimals stands for the interval ±½·10^-d (XBRL Calculations 1.1).
// Arithmetic results carry their natural scale (sum: the larger scale,
// product: the sum of scales).
//
// Errors never throw. An operation that overflows 38 digits, divides by zero or
// exceeds kMaxScale yields an invalid Decimal (ok() == false) that propagates
// through further arithmetic like a NaN and compares unordered with everything.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao::numbers {

enum class Rounding {
  kHalfUp,    // 四舍五入: ties away from zero (what reports use)
  kHalfEven,  // banker's rounding
  kDown,      // truncate toward zero
};

class Decimal {
 public:
  // Largest scale kept; 30 decimals is far beyond any figure or rate in a report.
  static constexpr int kMaxScale = 30;

  // Zero, scale 0.
  Decimal() = default;
  // An integer value, scale 0.
  static Decimal FromInt(int64_t v) { return Decimal(v, 0); }
  // unscaled × 10^-scale. Invalid if scale is outside [0, kMaxScale].
  static Decimal FromUnscaled(__int128 unscaled, int scale);
  // The invalid value (the result of an overflow or a division by zero).
  static Decimal Invalid();

  // Parses ASCII "[+-]digits[.digits]" (also "12." and ".5" are refused:
  // a report never writes them and accepting them hides list labels).
  // With allow_grouping, comma thousands separators in correct 3-digit groups
  // are accepted ("1,234.56"); a misplaced comma makes the parse fail.
  // Returns nullopt on anything else, on more than 36 significant digits or
  // more than kMaxScale decimals. The scale is the number of decimals written.
  static std::optional<Decimal> Parse(std::string_view ascii, bool allow_grouping = false);

  bool ok() const { return ok_; }
  __int128 unscaled() const { return unscaled_; }
  int scale() const { return scale_; }
  // Decimals as written for a parsed value; the natural scale of a result.
  int decimals() const { return scale_; }
  bool is_zero() const { return ok_ && unscaled_ == 0; }
  bool is_negative() const { return ok_ && unscaled_ < 0; }
  // -1, 0 or 1 (0 also when invalid).
  int sign() const { return !ok_ ? 0 : (unscaled_ > 0) - (unscaled_ < 0); }
  // True when the value has no fractional part (24.00 is an integer).
  bool is_integer() const;

  // Exact arithmetic. Invalid on overflow.
  Decimal operator+(const Decimal& o) const;
  Decimal operator-(const Decimal& o) const;
  Decimal operator*(const Decimal& o) const;
  Decimal operator-() const;
  Decimal Abs() const;

  // this × 10^n for any n (negative divides). Exact: the scale absorbs it
  // (24 × 10^4 = 240000; 3.4 × 10^8 = 340000000; 5 × 10^-1 = 0.5).
  Decimal MulPow10(int n) const;

  // this ÷ o rounded to `decimals` places with `mode`; invalid if o is zero.
  // Rates: Divide(24, 24, 4) * 100 → 100.0000.
  Decimal Divide(const Decimal& o, int decimals, Rounding mode = Rounding::kHalfUp) const;
  // Rounds to `decimals` places (a no-op when scale() <= decimals, which keeps
  // the scale: Round never invents digits).
  Decimal Round(int decimals, Rounding mode = Rounding::kHalfUp) const;
  // Same value with scale exactly `decimals`: pads with zeros, or rounds.
  Decimal Rescale(int decimals, Rounding mode = Rounding::kHalfUp) const;
  // Same value with trailing fractional zeros removed (24.50 → 24.5, 24.0 → 24).
  Decimal Normalized() const;

  // ½ unit of the last written digit: 0.5 for "24", 0.05 for "7189.8".
  Decimal HalfUnitOfLastDigit() const;
  // Number of trailing zeros of an integer value (80 → 1, 400 → 2, 0 → 0);
  // 0 when the value has a fractional part.
  int TrailingZeros() const;

  // Numeric comparison regardless of scale: 24 == 24.00. Invalid values are
  // unordered (all of <, ==, > are false).
  std::partial_ordering operator<=>(const Decimal& o) const;
  bool operator==(const Decimal& o) const { return (*this <=> o) == 0; }
  // Same value AND same scale (24.0 is not Identical to 24).
  bool Identical(const Decimal& o) const;

  // Plain notation, no exponent, no trailing fractional zeros: "24",
  // "7189.8", "0.05", "-3.4", "240000". "invalid" when !ok().
  std::string ToString() const;
  // Plain notation keeping the scale: "24.50" stays "24.50".
  std::string ToStringAsWritten() const;
  // Checked conversion of an integer value; nullopt if fractional or too big.
  std::optional<int64_t> ToInt64() const;

 private:
  Decimal(__int128 u, int s) : unscaled_(u), scale_(s) {}
  __int128 unscaled_ = 0;
  int scale_ = 0;
  bool ok_ = true;
};

// 10^n as an exact integer for 0 <= n <= 38; nullopt otherwise.
std::optional<__int128> Pow10(int n);

}  // namespace jixiao::numbers
