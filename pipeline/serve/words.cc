// Arithmetic in words (see words.h). Covered by pipeline/serve/words_test.cc.
#include "pipeline/serve/words.h"

#include <optional>
#include <regex>

#include "pipeline/numbers/decimal.h"

namespace jixiao::serve {
namespace {

using numbers::Decimal;

// "47.5" -> "47.5"; "+inf"/"-inf" -> nullopt.
std::optional<Decimal> Bound(const std::string& text) {
  if (text.find("inf") != std::string::npos) return std::nullopt;
  return Decimal::Parse(text);
}

// An interval as written by the checks, in words: a bounded interval that
// holds a figure of the evidence is that figure (a rounding interval), a
// half-open one is ≥ / > / ≤ / < its bound, any other a range a～b. The unit
// is the evidence's whose figure lies in it (or on its bound).
std::string IntervalWords(const std::string& open, const std::string& lo_text, const std::string& hi_text,
                          const std::string& close, const Finding& f) {
  std::optional<Decimal> lo = Bound(lo_text), hi = Bound(hi_text);
  const bool lo_in = open == "[", hi_in = close == "]";
  auto unit_of = [&](const Decimal& v) -> std::string {
    for (const Evidence& e : f.evidence) {
      std::optional<Decimal> d = Decimal::Parse(e.value);
      if (d && *d == v) return e.unit;
    }
    return "";
  };
  if (lo && hi) {
    for (const Evidence& e : f.evidence) {
      std::optional<Decimal> v = Decimal::Parse(e.value);
      if (!v) continue;
      const Decimal& d = *v;
      bool above = lo_in ? !(d < *lo) : *lo < d;
      bool below = hi_in ? !(*hi < d) : d < *hi;
      if (above && below) return e.value + e.unit;
    }
    if (*lo == *hi) return lo->ToString() + unit_of(*lo);
    return lo->ToString() + "～" + hi->ToString() + unit_of(*hi);
  }
  if (lo) return std::string(lo_in ? "≥" : ">") + lo->ToString() + unit_of(*lo);
  if (hi) return std::string(hi_in ? "≤" : "<") + hi->ToString() + unit_of(*hi);
  return "任意值";
}

}  // namespace

std::string ArithmeticInWords(const Finding& f) {
  if (f.arithmetic.empty()) return "";
  static const std::regex kInterval(R"(([\[\(])\s*([-+]?[0-9.]+|[-+]?inf)\s*,\s*([-+]?[0-9.]+|[-+]?inf)\s*([\]\)]))");
  std::string out;
  auto begin = std::sregex_iterator(f.arithmetic.begin(), f.arithmetic.end(), kInterval);
  size_t last = 0;
  bool any = false;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    out += f.arithmetic.substr(last, m.position(0) - last);
    out += IntervalWords(m[1], m[2], m[3], m[4], f);
    last = m.position(0) + m.length(0);
    any = true;
  }
  out += f.arithmetic.substr(last);
  if (!any) return f.arithmetic;
  // "实际 X 未达到 目标 Y" -> "实际X，未达到目标Y": the words' own spacing.
  static const std::regex kSpaced(R"(实际 (\S+) 未达到 目标 (\S+))");
  out = std::regex_replace(out, kSpaced, "实际$1，未达到目标$2");
  return out;
}

}  // namespace jixiao::serve
