// Interval arithmetic on optional (infinite) bounds, Compatible(), and the
// stable names and debug form of a Quantity. FindQuantities() is in
// scanner.cc. Covered by quantity_test.cc.
#include "pipeline/numbers/quantity.h"

namespace jixiao::numbers {

namespace {

// Is the lower bound (a, a_open) at or below the upper bound (b, b_open) so
// that some point lies between them?
bool LowBelowHigh(const std::optional<Decimal>& lo, bool lo_open, const std::optional<Decimal>& hi,
                  bool hi_open) {
  if (!lo || !hi) return true;
  auto c = *lo <=> *hi;
  if (c == std::partial_ordering::unordered) return false;
  if (c < 0) return true;
  if (c > 0) return false;
  return !lo_open && !hi_open;
}

}  // namespace

bool Interval::Intersects(const Interval& o) const {
  // The intersection is [max lo, min hi]; it is non-empty when each interval's
  // lower bound is below the other's upper bound.
  return LowBelowHigh(lo, lo_open, hi, hi_open) && LowBelowHigh(o.lo, o.lo_open, o.hi, o.hi_open) &&
         LowBelowHigh(lo, lo_open, o.hi, o.hi_open) && LowBelowHigh(o.lo, o.lo_open, hi, hi_open);
}

bool Interval::Contains(const Interval& in) const {
  if (lo) {
    if (!in.lo) return false;
    auto c = *in.lo <=> *lo;
    if (c == std::partial_ordering::unordered || c < 0) return false;
    if (c == 0 && lo_open && !in.lo_open) return false;
  }
  if (hi) {
    if (!in.hi) return false;
    auto c = *in.hi <=> *hi;
    if (c == std::partial_ordering::unordered || c > 0) return false;
    if (c == 0 && hi_open && !in.hi_open) return false;
  }
  return true;
}

bool Interval::Contains(const Decimal& v) const {
  Interval point;
  point.lo = v;
  point.hi = v;
  return v.ok() && Contains(point);
}

std::string Interval::ToString() const {
  std::string s;
  s += (lo && !lo_open) ? "[" : "(";
  s += lo ? lo->ToString() : "-inf";
  s += ", ";
  s += hi ? hi->ToString() : "+inf";
  s += (hi && !hi_open) ? "]" : ")";
  return s;
}

bool Compatible(const Quantity& a, const Quantity& b) {
  return a.kind == b.kind && a.canonical_unit == b.canonical_unit && a.interval.Intersects(b.interval);
}

bool MeetsTarget(const Quantity& actual, const Quantity& target) {
  if (actual.kind != target.kind || actual.canonical_unit != target.canonical_unit) return false;
  Interval stands_for = actual.interval;
  if (actual.comparator == Comparator::kNone && actual.approx == Approx::kNone &&
      actual.kind != QuantityKind::kDate) {
    stands_for = Interval();
    stands_for.lo = stands_for.hi = actual.canonical;
  }
  return target.interval.Contains(stands_for);
}

namespace {

bool IsBlank(std::string_view s) {
  // ASCII whitespace and U+3000 (E3 80 80) only.
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (s.substr(i, 3) == "\xe3\x80\x80") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<Quantity> ParseQuantity(std::string_view utf8_text) {
  std::vector<Quantity> qs = FindQuantities(utf8_text);
  if (qs.size() != 1) return std::nullopt;
  const Span& s = qs[0].span;
  if (!IsBlank(utf8_text.substr(0, s.begin)) || !IsBlank(utf8_text.substr(s.end))) return std::nullopt;
  return std::move(qs[0]);
}

const char* KindName(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kNumber: return "number";
    case QuantityKind::kAmount: return "amount";
    case QuantityKind::kPercent: return "percent";
    case QuantityKind::kPercentagePoints: return "percentage_points";
    case QuantityKind::kCount: return "count";
    case QuantityKind::kMeasure: return "measure";
    case QuantityKind::kScore: return "score";
    case QuantityKind::kDate: return "date";
    case QuantityKind::kYear: return "year";
  }
  return "?";
}

const char* ComparatorName(Comparator c) {
  switch (c) {
    case Comparator::kNone: return "none";
    case Comparator::kGe: return "ge";
    case Comparator::kGt: return "gt";
    case Comparator::kLe: return "le";
    case Comparator::kLt: return "lt";
    case Comparator::kRange: return "range";
    case Comparator::kBefore: return "before";
    case Comparator::kAfter: return "after";
  }
  return "?";
}

const char* ApproxName(Approx a) {
  switch (a) {
    case Approx::kNone: return "none";
    case Approx::kMoreThan: return "more_than";
    case Approx::kAbout: return "about";
    case Approx::kNearly: return "nearly";
  }
  return "?";
}

std::string DebugString(const Quantity& q) {
  // Built with += only: GCC 12 warns falsely (-Wrestrict) on chains of
  // std::string operator+ with literals.
  std::string s = KindName(q.kind);
  s += ' ';
  s += q.value.ToStringAsWritten();
  if (q.value_hi) {
    s += "..";
    s += q.value_hi->ToStringAsWritten();
  }
  if (!q.unit.empty()) {
    s += ' ';
    s += q.unit;
  }
  s += " = ";
  s += q.canonical.ToString();
  if (q.canonical_hi) {
    s += "..";
    s += q.canonical_hi->ToString();
  }
  if (!q.canonical_unit.empty()) {
    s += ' ';
    s += q.canonical_unit;
  }
  if (q.comparator != Comparator::kNone) {
    s += " cmp=";
    s += ComparatorName(q.comparator);
  }
  if (q.approx != Approx::kNone) {
    s += " approx=";
    s += ApproxName(q.approx);
  }
  if (q.suspect_measure_word) {
    s += " suspect_unit=";
    s += q.unit_as_written;
  }
  s += " interval=";
  s += q.interval.ToString();
  s += " raw=\"";
  s += q.raw;
  s += "\" [";
  s += std::to_string(q.span.begin);
  s += ',';
  s += std::to_string(q.span.end);
  s += ')';
  return s;
}

}  // namespace jixiao::numbers

namespace jixiao::numbers {

Interval WrittenValue(const Quantity& q) {
  if (q.comparator != Comparator::kNone || q.approx != Approx::kNone || q.value_hi) return q.interval;
  Interval i;
  i.lo = i.hi = q.canonical;
  return i;
}

std::vector<Interval> ListIntervals(const std::vector<const Quantity*>& figures) {
  // Half the unit of the last written digit of a bare figure, in its
  // canonical unit; none for qualified figures.
  auto half_unit = [](const Quantity& q) -> std::optional<Decimal> {
    if (q.comparator != Comparator::kNone || q.approx != Approx::kNone || q.value_hi) return std::nullopt;
    if (!q.interval.lo || !q.interval.hi) return std::nullopt;
    const Decimal width = *q.interval.hi - *q.interval.lo;
    if (!width.ok() || width.sign() <= 0) return std::nullopt;
    return width.Divide(Decimal::FromInt(2), width.scale() + 1);
  };
  std::optional<Decimal> finest;
  for (const Quantity* q : figures) {
    std::optional<Decimal> h = half_unit(*q);
    if (h && (!finest || *h < *finest)) finest = h;
  }
  std::vector<Interval> out;
  for (const Quantity* q : figures) {
    Interval i = q->interval;
    std::optional<Decimal> h = half_unit(*q);
    if (h && finest && *finest < *h) {  // coarser than the finest: exact
      i.lo = i.hi = q->canonical;
      i.lo_open = i.hi_open = false;
    }
    out.push_back(i);
  }
  return out;
}

}  // namespace jixiao::numbers
