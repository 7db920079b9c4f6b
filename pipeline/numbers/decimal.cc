// Exact decimal arithmetic on a 128-bit unscaled integer and a scale.
// Overflow is detected with the compiler's checked-arithmetic builtins and
// turns the result invalid instead of wrapping. Covered by decimal_test.cc.
#include "pipeline/numbers/decimal.h"

#include <algorithm>

namespace jixiao::numbers {

namespace {

// Max significant digits accepted by Parse: leaves two digits of headroom in
// an __int128 (which holds 38) for sums and rescaling.
constexpr int kMaxParseDigits = 36;

bool MulOverflow(__int128 a, __int128 b, __int128* out) { return __builtin_mul_overflow(a, b, out); }
bool AddOverflow(__int128 a, __int128 b, __int128* out) { return __builtin_add_overflow(a, b, out); }

// Brings two values to a common scale; false on overflow.
bool Align(const Decimal& a, const Decimal& b, __int128* ua, __int128* ub, int* scale) {
  *scale = std::max(a.scale(), b.scale());
  auto pa = Pow10(*scale - a.scale());
  auto pb = Pow10(*scale - b.scale());
  if (!pa || !pb) return false;
  return !MulOverflow(a.unscaled(), *pa, ua) && !MulOverflow(b.unscaled(), *pb, ub);
}

// Divides n by d (d > 0) rounding with mode; n may be negative.
__int128 DivRound(__int128 n, __int128 d, Rounding mode) {
  __int128 q = n / d;
  __int128 r = n % d;
  if (r == 0 || mode == Rounding::kDown) return q;
  __int128 ar = r < 0 ? -r : r;
  // Compare 2|r| with d without overflow: |r| < d, so d - |r| > 0.
  __int128 other = d - ar;
  bool away;
  if (ar > other) {
    away = true;
  } else if (ar < other) {
    away = false;
  } else {
    away = (mode == Rounding::kHalfUp) || (q % 2 != 0);
  }
  if (!away) return q;
  return n < 0 ? q - 1 : q + 1;
}

std::string U128ToString(unsigned __int128 v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

}  // namespace

std::optional<__int128> Pow10(int n) {
  if (n < 0 || n > 38) return std::nullopt;
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

Decimal Decimal::FromUnscaled(__int128 unscaled, int scale) {
  if (scale < 0 || scale > kMaxScale) return Invalid();
  return Decimal(unscaled, scale);
}

Decimal Decimal::Invalid() {
  Decimal d;
  d.ok_ = false;
  return d;
}

std::optional<Decimal> Decimal::Parse(std::string_view s, bool allow_grouping) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    negative = s[i] == '-';
    ++i;
  }
  __int128 u = 0;
  int digits = 0;       // significant digits accumulated
  int int_digits = 0;   // digits before the point
  int group_len = -1;   // digits since the last comma; -1 before any comma
  int scale = 0;
  bool seen_point = false;
  bool any_digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (u != 0 || c != '0') ++digits;
      if (digits > kMaxParseDigits) return std::nullopt;
      u = u * 10 + (c - '0');
      if (seen_point) {
        if (++scale > kMaxScale) return std::nullopt;
      } else {
        ++int_digits;
        if (group_len >= 0 && ++group_len > 3) return std::nullopt;
      }
    } else if (c == ',' && allow_grouping && !seen_point) {
      // The first group holds 1-3 digits, every later one exactly 3.
      if (int_digits == 0 || (group_len < 0 && int_digits > 3) || (group_len >= 0 && group_len != 3)) {
        return std::nullopt;
      }
      group_len = 0;
    } else if (c == '.' && !seen_point) {
      if (int_digits == 0 || (group_len >= 0 && group_len != 3)) return std::nullopt;
      seen_point = true;
      group_len = -1;
    } else {
      return std::nullopt;
    }
  }
  if (!any_digit) return std::nullopt;
  if (seen_point && scale == 0) return std::nullopt;  // "12."
  if (group_len >= 0 && group_len != 3) return std::nullopt;
  return Decimal(negative ? -u : u, scale);
}

bool Decimal::is_integer() const {
  if (!ok_) return false;
  if (scale_ == 0) return true;
  return unscaled_ % *Pow10(scale_) == 0;
}

Decimal Decimal::operator+(const Decimal& o) const {
  if (!ok_ || !o.ok_) return Invalid();
  __int128 a, b, r;
  int scale;
  if (!Align(*this, o, &a, &b, &scale) || AddOverflow(a, b, &r)) return Invalid();
  return Decimal(r, scale);
}

Decimal Decimal::operator-(const Decimal& o) const { return *this + (-o); }

Decimal Decimal::operator-() const {
  if (!ok_) return Invalid();
  return Decimal(-unscaled_, scale_);
}

Decimal Decimal::Abs() const { return is_negative() ? -*this : *this; }

Decimal Decimal::operator*(const Decimal& o) const {
  if (!ok_ || !o.ok_) return Invalid();
  __int128 r;
  if (MulOverflow(unscaled_, o.unscaled_, &r)) return Invalid();
  Decimal d(r, scale_ + o.scale_);
  if (d.scale_ > kMaxScale) {
    // Only exact results are allowed: drop trailing zeros or give up.
    d = d.Normalized();
    if (d.scale_ > kMaxScale) return Invalid();
  }
  return d;
}

Decimal Decimal::MulPow10(int n) const {
  if (!ok_) return Invalid();
  if (n >= 0) {
    if (scale_ >= n) return Decimal(unscaled_, scale_ - n);
    auto p = Pow10(n - scale_);
    __int128 r;
    if (!p || MulOverflow(unscaled_, *p, &r)) return Invalid();
    return Decimal(r, 0);
  }
  int s = scale_ - n;
  __int128 u = unscaled_;
  // Past kMaxScale, only trailing zeros of the unscaled value can be traded
  // for scale; anything else would lose digits.
  while (s > kMaxScale && u % 10 == 0 && u != 0) {
    u /= 10;
    --s;
  }
  if (s > kMaxScale) return u == 0 ? Decimal(0, kMaxScale) : Invalid();
  return Decimal(u, s);
}

Decimal Decimal::Divide(const Decimal& o, int decimals, Rounding mode) const {
  if (!ok_ || !o.ok_ || o.unscaled_ == 0 || decimals < 0 || decimals > kMaxScale) return Invalid();
  // this/o = (ua / ub) × 10^(sb - sa); we want q = round(this/o × 10^decimals)
  //        = round(ua × 10^(decimals + sb - sa) / ub).
  __int128 n = unscaled_;
  __int128 d = o.unscaled_;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  int e = decimals + o.scale_ - scale_;
  if (e >= 0) {
    auto p = Pow10(e);
    if (!p || MulOverflow(n, *p, &n)) return Invalid();
  } else {
    auto p = Pow10(-e);
    if (!p || MulOverflow(d, *p, &d)) return Invalid();
  }
  return Decimal(DivRound(n, d, mode), decimals);
}

Decimal Decimal::Round(int decimals, Rounding mode) const {
  if (!ok_) return Invalid();
  if (decimals < 0) decimals = 0;
  if (scale_ <= decimals) return *this;
  __int128 p = *Pow10(scale_ - decimals);
  return Decimal(DivRound(unscaled_, p, mode), decimals);
}

Decimal Decimal::Rescale(int decimals, Rounding mode) const {
  if (!ok_ || decimals < 0 || decimals > kMaxScale) return Invalid();
  if (scale_ > decimals) return Round(decimals, mode);
  __int128 r;
  if (MulOverflow(unscaled_, *Pow10(decimals - scale_), &r)) return Invalid();
  return Decimal(r, decimals);
}

Decimal Decimal::Normalized() const {
  if (!ok_) return Invalid();
  __int128 u = unscaled_;
  int s = scale_;
  while (s > 0 && u % 10 == 0) {
    u /= 10;
    --s;
  }
  return Decimal(u, s);
}

Decimal Decimal::HalfUnitOfLastDigit() const {
  if (!ok_) return Invalid();
  // 5 × 10^-(scale+1)
  if (scale_ + 1 > kMaxScale) return Invalid();
  return Decimal(5, scale_ + 1);
}

int Decimal::TrailingZeros() const {
  if (!ok_ || unscaled_ == 0 || !is_integer()) return 0;
  __int128 u = unscaled_ / *Pow10(scale_);
  int n = 0;
  while (u % 10 == 0) {
    u /= 10;
    ++n;
  }
  return n;
}

std::partial_ordering Decimal::operator<=>(const Decimal& o) const {
  if (!ok_ || !o.ok_) return std::partial_ordering::unordered;
  __int128 a, b;
  int scale;
  if (!Align(*this, o, &a, &b, &scale)) {
    // Aligning overflowed (very different scales): compare the integer parts,
    // then the fractional digits as text, which cannot overflow.
    __int128 ia = unscaled_ / *Pow10(scale_);
    __int128 ib = o.unscaled_ / *Pow10(o.scale_);
    if (ia != ib) return ia < ib ? std::partial_ordering::less : std::partial_ordering::greater;
    int sa = sign(), sb = o.sign();
    if (sa != sb) return sa < sb ? std::partial_ordering::less : std::partial_ordering::greater;
    auto frac = [](const Decimal& d) {
      __int128 f = d.unscaled_ % *Pow10(d.scale_);
      std::string s = U128ToString(static_cast<unsigned __int128>(f < 0 ? -f : f));
      s.insert(0, d.scale_ - s.size(), '0');
      s.append(kMaxScale - d.scale_, '0');
      return s;
    };
    int c = frac(*this).compare(frac(o));
    if (sa < 0) c = -c;
    if (c == 0) return std::partial_ordering::equivalent;
    return c < 0 ? std::partial_ordering::less : std::partial_ordering::greater;
  }
  if (a < b) return std::partial_ordering::less;
  if (a > b) return std::partial_ordering::greater;
  return std::partial_ordering::equivalent;
}

bool Decimal::Identical(const Decimal& o) const {
  return ok_ && o.ok_ && unscaled_ == o.unscaled_ && scale_ == o.scale_;
}

std::string Decimal::ToStringAsWritten() const {
  if (!ok_) return "invalid";
  bool neg = unscaled_ < 0;
  unsigned __int128 mag = neg ? -static_cast<unsigned __int128>(unscaled_) : static_cast<unsigned __int128>(unscaled_);
  std::string digits = U128ToString(mag);
  if (scale_ > 0) {
    if (static_cast<int>(digits.size()) <= scale_) digits.insert(0, scale_ + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale_, 1, '.');
  }
  if (neg) digits.insert(0, 1, '-');
  return digits;
}

std::string Decimal::ToString() const { return Normalized().ToStringAsWritten(); }

std::optional<int64_t> Decimal::ToInt64() const {
  if (!is_integer()) return std::nullopt;
  __int128 v = unscaled_ / *Pow10(scale_);
  if (v > INT64_MAX || v < INT64_MIN) return std::nullopt;
  return static_cast<int64_t>(v);
}

}  // namespace jixiao::numbers
