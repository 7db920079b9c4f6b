// Reading one figure at a position of normalised text: the numeral, then a
// year / date or a unit word; and the interval a figure stands for. Used by
// scanner.cc; covered by numbers_test.cc (through FindQuantities).
#include "pipeline/numbers/figure.h"

#include <cctype>

#include "pipeline/model/utf8.h"
#include "pipeline/numbers/lexicon.h"

namespace jixiao::numbers::internal {

namespace {

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

Cp TextView::At(size_t pos) const {
  if (pos >= s.size()) return {};
  size_t next = pos;
  const char32_t c = DecodeUtf8(s, &next);
  return {c, next - pos};
}

Cp TextView::Before(size_t pos) const {
  if (pos == 0 || pos > s.size()) return {};
  const size_t i = Utf8BoundaryBefore(s, pos - 1);
  Cp c = At(i);
  c.len = pos - i;
  return c;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 31;
  // Without a year, February may have 29 days.
  if (m == 2 && (y == 0 || (y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

namespace {

// Reads 2024年[度][12月[31日|号]][底|末|初] or 12月[31日] at f->num_end.
bool ReadDate(const TextView& t, Figure* f) {
  auto int_of = [](const NumeralMatch& m) -> int {
    if (m.approximate || !m.value.is_integer()) return -1;
    auto v = m.value.ToInt64();
    return v && *v >= 0 && *v < 100000 ? static_cast<int>(*v) : -1;
  };
  int first = int_of(f->n);
  if (first < 0 || f->negative) return false;
  size_t q = f->num_end;
  Cp c = t.At(q);
  NumeralOptions no_approx;
  no_approx.allow_approximate = false;
  no_approx.allow_grouping = false;
  auto read_month_day = [&](size_t at, int* month, int* day, size_t* end) {
    auto m = MatchNumeral(t.From(at), no_approx);
    if (!m) return false;
    int mv = int_of(*m);
    if (mv < 1 || mv > 12 || t.At(at + m->length).c != U'月') return false;
    *month = mv;
    *end = at + m->length + t.At(at + m->length).len;
    if (StartsWith(t.From(*end), "份")) *end += std::string_view("份").size();
    auto d = MatchNumeral(t.From(*end), no_approx);
    if (d) {
      int dv = int_of(*d);
      Cp unit = t.At(*end + d->length);
      if (dv >= 1 && dv <= 31 && (unit.c == U'日' || unit.c == U'号')) {
        *day = dv;
        *end += d->length + unit.len;
      }
    }
    return true;
  };
  if (c.c == U'年') {
    bool year_digits = f->n.value.is_integer() && first >= 1900 && first <= 2100 &&
                       f->n.multiplier_exponent == 0 && (f->num_end - f->begin == 4 || f->n.has_chinese);
    if (!year_digits) return false;  // 3年: a duration, read as a unit
    f->date.year = first;
    f->date_precision = 1;
    size_t e = q + c.len;
    f->unit = "年";
    if (t.At(e).c == U'度') {
      e += t.At(e).len;
      f->unit = "年度";
    }
    int month = 0, day = 0;
    size_t me = e;
    if (f->unit == "年" && read_month_day(e, &month, &day, &me)) {
      f->date.month = month;
      f->date.day = day;
      f->date_precision = day ? 3 : 2;
      e = me;
    }
    if (f->date_precision < 3) {
      Cp d = t.At(e);
      if (d.c == U'底' || d.c == U'末') {
        f->end_of_period = true;
        e += d.len;
      } else if (d.c == U'初') {
        f->start_of_period = true;
        e += d.len;
      }
    }
    f->kind = (f->date_precision > 1 || f->end_of_period || f->start_of_period) ? QuantityKind::kDate
                                                                                  : QuantityKind::kYear;
    f->end = e;
    f->has_unit = true;
    return true;
  }
  if (c.c == U'月') {
    int month = 0, day = 0;
    size_t me = 0;
    if (!read_month_day(f->begin, &month, &day, &me)) return false;
    // The numeral was read from f->begin, so it is the month itself.
    f->date.month = month;
    f->date.day = day;
    f->date_precision = day ? 3 : 2;
    size_t e = me;
    if (!day) {
      Cp d = t.At(e);
      if (d.c == U'底' || d.c == U'末') {
        f->end_of_period = true;
        e += d.len;
      }
    }
    f->kind = QuantityKind::kDate;
    f->end = e;
    f->has_unit = true;
    return true;
  }
  return false;
}

void ReadUnit(const TextView& t, Figure* f) {
  f->end = f->num_end;
  if (ReadDate(t, f)) return;
  const int mult = f->n.multiplier_exponent;
  auto prefix_of = [](int e) -> std::string {
    switch (e) {
      case 3: return "千";
      case 4: return "万";
      case 8: return "亿";
      case 12: return "万亿";
      default: return "";
    }
  };
  std::string_view rest = t.From(f->num_end);
  if (t.At(f->num_end).c == U'年' && !StartsWith(t.From(f->num_end), "年度")) {
    // A duration: 3年, 近5年. (上一年度 is not one.)
    f->kind = QuantityKind::kMeasure;
    f->unit = f->unit_as_written = f->canonical_unit = "年";
    f->end = f->num_end + t.At(f->num_end).len;
    f->has_unit = true;
    return;
  }
  const internal::UnitEntry* u = internal::MatchUnit(rest);
  // "十分重要", "一分": a lone Chinese digit before 分 is not a score.
  if (u != nullptr && u->kind == QuantityKind::kScore && !f->n.has_arabic && f->num_end - f->begin <= 3) {
    u = nullptr;
  }
  if (u != nullptr) {
    f->has_unit = true;
    f->kind = u->kind;
    f->typo = u->typo;
    f->unit_as_written = std::string(u->word);
    f->canonical_unit = std::string(u->canonical);
    f->end = f->num_end + u->word.size();
    std::string word = u->typo ? std::string(u->canonical) : std::string(u->word);
    switch (u->kind) {
      case QuantityKind::kAmount:
        if (mult != 0) {
          f->unit_exp = mult;
          f->unit = prefix_of(mult) + word;
          f->unit_as_written = prefix_of(mult) + f->unit_as_written;
        } else {
          f->unit = word;
        }
        break;
      case QuantityKind::kCount:
      case QuantityKind::kMeasure:
        if (mult >= 4) {
          f->unit_exp = mult;
          f->unit = prefix_of(mult) + word;
          f->unit_as_written = prefix_of(mult) + f->unit_as_written;
        } else {
          f->unit = word;
        }
        break;
      case QuantityKind::kPercentagePoints:
        f->unit = word = std::string(u->canonical);  // 个百分点: the 个 is only a classifier
        break;
      default:
        f->unit = word;
        if (u->word == "‰") f->canonical_shift = -1;
        break;
    }
    return;
  }
  // No unit: a bare figure, possibly with a multiplier ("3.4亿").
  if (mult >= 4) {
    f->unit_exp = mult;
    f->unit = f->unit_as_written = prefix_of(mult);
  }
}

}  // namespace

std::optional<Figure> ReadFigure(const TextView& t, size_t pos, bool negative) {
  auto m = MatchNumeral(t.From(pos));
  if (!m) return std::nullopt;
  Figure f;
  f.begin = pos;
  f.num_end = pos + m->length;
  f.n = *m;
  f.negative = negative;
  // Scientific notation as a narrow spreadsheet cell prints it ("2.4E+5"):
  // the exponent is part of the numeral.
  if (!m->has_chinese && m->multiplier_exponent == 0) {
    std::string_view rest = t.From(f.num_end);
    size_t i = 0;
    if (i < rest.size() && (rest[i] == 'E' || rest[i] == 'e')) {
      ++i;
      int sign = 1;
      if (i < rest.size() && (rest[i] == '+' || rest[i] == '-')) sign = rest[i++] == '-' ? -1 : 1;
      size_t digits = 0;
      int exponent = 0;
      while (i < rest.size() && IsAsciiDigit(rest[i]) && digits < 3) exponent = exponent * 10 + (rest[i++] - '0'), ++digits;
      const bool more_letters = i < rest.size() && (IsAsciiDigit(rest[i]) || std::isalpha(static_cast<unsigned char>(rest[i])));
      if (digits > 0 && !more_letters && exponent <= 20) {
        f.n.value = f.n.value.MulPow10(sign * exponent);
        f.n.significand = f.n.value;
        f.num_end += i;
      }
    }
  }
  ReadUnit(t, &f);
  return f;
}

// 2024-12-31, 2024/12/31, 2024.12.31 at pos, as a date figure.
std::optional<Figure> ReadIsoDate(const TextView& t, size_t pos) {
  std::string_view s = t.From(0);
  auto digits = [&](size_t at, size_t* n) {
    size_t i = at;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i;
    *n = i - at;
    return i;
  };
  auto int_at = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; ++i) v = v * 10 + (s[at + i] - '0');
    return v;
  };
  size_t n1, n2, n3;
  size_t e1 = digits(pos, &n1);
  if (n1 != 4 || e1 >= s.size()) return std::nullopt;
  char sep = s[e1];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  size_t e2 = digits(e1 + 1, &n2);
  if (n2 < 1 || n2 > 2 || e2 >= s.size() || s[e2] != sep) return std::nullopt;
  size_t e3 = digits(e2 + 1, &n3);
  if (n3 < 1 || n3 > 2) return std::nullopt;
  int y = int_at(pos, 4), m = int_at(e1 + 1, n2), d = int_at(e2 + 1, n3);
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  Figure f;
  f.begin = pos;
  f.num_end = f.end = e3;
  f.n.value = Decimal::FromInt(y);
  f.n.significand = f.n.value;
  f.kind = QuantityKind::kDate;
  f.has_unit = true;
  f.date = {y, m, d};
  f.date_precision = 3;
  return f;
}

// The first and last day a date stands for, as yyyymmdd (mmdd without a
// year); for years, the first and last year.
void DateBounds(const Figure& f, const std::optional<Figure>& hi, Decimal* lo, Decimal* up) {
  if (f.kind == QuantityKind::kYear) {
    *lo = *up = Decimal::FromInt(f.date.year);
    if (hi) *up = Decimal::FromInt(hi->date.year);
    return;
  }
  int y = f.date.year, m = f.date.month, d = f.date.day;
  int m_lo = m ? m : (f.end_of_period ? 12 : 1), m_hi = m ? m : (f.start_of_period ? 1 : 12);
  int d_lo = d ? d : 1, d_hi = d ? d : DaysInMonth(y, m_hi);
  if (f.end_of_period && !d) d_lo = DaysInMonth(y, m_lo);
  if (f.start_of_period && !d) d_hi = 1;
  *lo = Decimal::FromInt(int64_t{y} * 10000 + m_lo * 100 + d_lo);
  *up = Decimal::FromInt(int64_t{y} * 10000 + m_hi * 100 + d_hi);
}

Interval FigureInterval(const Figure& f, const std::optional<Figure>& hi, Comparator cmp, Approx approx) {
  Interval iv;
  Decimal v = f.full();
  if (f.is_dateish()) {
    Decimal lo, up;
    DateBounds(f, hi, &lo, &up);
    switch (cmp) {
      case Comparator::kBefore: case Comparator::kLe: iv.hi = up; break;
      case Comparator::kLt: iv.hi = lo; iv.hi_open = true; break;
      case Comparator::kAfter: case Comparator::kGe: iv.lo = lo; break;
      case Comparator::kGt: iv.lo = up; iv.lo_open = true; break;
      default: iv.lo = lo; iv.hi = up; break;
    }
    return iv;
  }
  const int mult = f.n.multiplier_exponent;
  Decimal sig = f.significand();
  Decimal half = sig.HalfUnitOfLastDigit().MulPow10(mult);
  Decimal step = (sig.scale() > 0 ? Decimal::FromUnscaled(1, sig.scale()) : Decimal::FromInt(1).MulPow10(sig.TrailingZeros()))
                     .MulPow10(mult);
  switch (cmp) {
    case Comparator::kGe: iv.lo = v; break;
    case Comparator::kGt: iv.lo = v; iv.lo_open = true; break;
    case Comparator::kLe: iv.hi = v; break;
    case Comparator::kLt: iv.hi = v; iv.hi_open = true; break;
    case Comparator::kRange:
      iv.lo = v;
      iv.hi = hi->full();
      break;
    default:
      switch (approx) {
        case Approx::kMoreThan:
          iv.lo = v;
          iv.hi = v + step;
          iv.lo_open = iv.hi_open = true;
          break;
        case Approx::kNearly:
          iv.lo = v - step;
          iv.hi = v;
          break;
        case Approx::kAbout: {
          Decimal band = v.Abs() * Decimal::FromUnscaled(1, 1);
          if (band < half) band = half;
          iv.lo = v - band;
          iv.hi = v + band;
          break;
        }
        case Approx::kNone:
          // Half-up rounding: 24.5 is written 25, so 24 stands for [23.5, 24.5).
          iv.lo = v - half;
          iv.hi = v + half;
          iv.hi_open = true;
          break;
      }
  }
  if (f.canonical_shift != 0) {
    if (iv.lo) iv.lo = iv.lo->MulPow10(f.canonical_shift);
    if (iv.hi) iv.hi = iv.hi->MulPow10(f.canonical_shift);
  }
  return iv;
}

}  // namespace jixiao::numbers::internal
