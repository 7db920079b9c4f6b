// FindQuantities(): normalises the text (keeping the offset map), then walks
// it once. At each place a figure can start it reads a numeral
// (chinese_numeral.h), then a year / date or a unit word (lexicon.h), a
// possible range, the qualifier words on either side, and turns it into a
// Quantity with its interval. What looks like a figure but is a list label, an
// ordinal, a title or a code is skipped. Covered by numbers_test.cc.
#include <unicode/utf8.h>

#include <algorithm>

#include "pipeline/numbers/chinese_numeral.h"
#include "pipeline/numbers/lexicon.h"
#include "pipeline/numbers/normalize.h"
#include "pipeline/numbers/quantity.h"

namespace jixiao::numbers {

namespace {

using internal::MatchPrefixQualifier;
using internal::MatchSuffixQualifier;
using internal::MatchUnit;

struct Cp {
  char32_t c = 0;
  size_t len = 0;  // 0 past either end
};

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}
bool IsNumeralStart(char32_t c) {
  return IsAsciiDigit(c) || ChineseDigitValue(c) >= 0 || c == U'十' || c == U'拾' || c == U'廿' || c == U'卅';
}
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && y != 0 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  if (m == 2 && y == 0) return 29;
  return kDays[(m - 1) % 12];
}

// A numeral and the unit (or date) read after it, in normalised offsets.
struct Figure {
  size_t begin = 0, num_end = 0, end = 0;  // numeral [begin, num_end); unit up to end
  NumeralMatch n;
  bool negative = false;
  bool has_unit = false;
  QuantityKind kind = QuantityKind::kNumber;
  std::string unit, unit_as_written, canonical_unit;
  bool typo = false;
  int unit_exp = 0;         // the unit absorbs 10^unit_exp (4 for 万元): value = full ÷ 10^unit_exp
  int canonical_shift = 0;  // ‰ → -1
  // Dates and years.
  Date date;
  int date_precision = 0;   // 1 year, 2 month, 3 day
  bool end_of_period = false, start_of_period = false;

  Decimal full() const { return negative ? -n.value : n.value; }
  Decimal significand() const { return negative ? -n.significand : n.significand; }
  bool is_dateish() const { return kind == QuantityKind::kDate || kind == QuantityKind::kYear; }
};

class Scanner {
 public:
  explicit Scanner(std::string_view original) : orig_(original), nt_(Normalize(original)), t_(nt_.text) {}

  std::vector<Quantity> Run();

 private:
  Cp At(size_t pos) const {
    if (pos >= t_.size()) return {};
    const uint8_t* p = reinterpret_cast<const uint8_t*>(t_.data());
    int32_t i = static_cast<int32_t>(pos);
    UChar32 c;
    U8_NEXT(p, i, static_cast<int32_t>(t_.size()), c);
    return {c < 0 ? 0xFFFD : static_cast<char32_t>(c), static_cast<size_t>(i) - pos};
  }
  Cp Before(size_t pos) const {
    if (pos == 0 || pos > t_.size()) return {};
    size_t i = pos - 1;
    while (i > 0 && (static_cast<unsigned char>(t_[i]) & 0xC0) == 0x80) --i;
    Cp c = At(i);
    c.len = pos - i;
    return c;
  }
  std::string_view From(size_t pos) const { return std::string_view(t_).substr(std::min(pos, t_.size())); }
  std::string_view Upto(size_t pos) const { return std::string_view(t_).substr(0, pos); }
  bool LineStartBefore(size_t pos) const {
    Cp b = Before(pos);
    return b.len == 0 || b.c == '\n' || b.c == '\t' || b.c == ' ' || b.c == U'：' || b.c == ':';
  }
  size_t SkipAsciiRun(size_t pos) const {
    while (pos < t_.size() && (IsAsciiDigit(t_[pos]) || IsAsciiLetter(t_[pos]) || t_[pos] == '.')) ++pos;
    return pos;
  }

  void MaskBrackets();
  std::optional<Figure> ReadFigure(size_t pos, bool negative) const;
  void ReadUnit(Figure* f) const;
  bool ReadDate(Figure* f) const;
  std::optional<size_t> TryIsoDate(size_t pos);
  bool IsLabel(const Figure& f) const;
  size_t Emit(Figure f, size_t qual_begin, std::optional<Figure> hi, bool percent_prefix, bool currency);
  Interval MakeInterval(const Figure& f, const std::optional<Figure>& hi, Comparator cmp, Approx approx) const;

  std::string_view orig_;
  NormalizedText nt_;
  const std::string& t_;
  std::vector<bool> masked_;  // inside 《》 〈〉 〔〕: titles and document numbers
  std::vector<Quantity> out_;
};

void Scanner::MaskBrackets() {
  masked_.assign(t_.size(), false);
  for (size_t pos = 0; pos < t_.size();) {
    Cp c = At(pos);
    char32_t close = c.c == U'《' ? U'》' : c.c == U'〈' ? U'〉' : c.c == U'〔' ? U'〕' : 0;
    if (close != 0) {
      // Mask up to the matching close on the same line; an unclosed bracket masks nothing.
      size_t q = pos + c.len;
      int depth = 1;
      while (q < t_.size()) {
        Cp d = At(q);
        if (d.c == '\n') break;
        if (d.c == c.c) ++depth;
        if (d.c == close && --depth == 0) break;
        q += d.len;
      }
      if (q < t_.size() && At(q).c == close) {
        size_t e = q + At(q).len;
        std::fill(masked_.begin() + pos, masked_.begin() + e, true);
        pos = e;
        continue;
      }
    }
    pos += std::max<size_t>(c.len, 1);
  }
}

// Reads 2024年[度][12月[31日|号]][底|末|初] or 12月[31日] at f->num_end.
bool Scanner::ReadDate(Figure* f) const {
  auto int_of = [](const NumeralMatch& m) -> int {
    if (m.approximate || !m.value.is_integer()) return -1;
    auto v = m.value.ToInt64();
    return v && *v >= 0 && *v < 100000 ? static_cast<int>(*v) : -1;
  };
  int first = int_of(f->n);
  if (first < 0 || f->negative) return false;
  size_t q = f->num_end;
  Cp c = At(q);
  NumeralOptions no_approx;
  no_approx.allow_approximate = false;
  no_approx.allow_grouping = false;
  auto read_month_day = [&](size_t at, int* month, int* day, size_t* end) {
    auto m = MatchNumeral(From(at), no_approx);
    if (!m) return false;
    int mv = int_of(*m);
    if (mv < 1 || mv > 12 || At(at + m->length).c != U'月') return false;
    *month = mv;
    *end = at + m->length + At(at + m->length).len;
    if (StartsWith(From(*end), "份")) *end += std::string_view("份").size();
    auto d = MatchNumeral(From(*end), no_approx);
    if (d) {
      int dv = int_of(*d);
      Cp unit = At(*end + d->length);
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
    if (At(e).c == U'度') {
      e += At(e).len;
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
      Cp d = At(e);
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
      Cp d = At(e);
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

void Scanner::ReadUnit(Figure* f) const {
  f->end = f->num_end;
  if (ReadDate(f)) return;
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
  std::string_view rest = From(f->num_end);
  if (At(f->num_end).c == U'年' && !StartsWith(From(f->num_end), "年度")) {
    // A duration: 3年, 近5年. (上一年度 is not one.)
    f->kind = QuantityKind::kMeasure;
    f->unit = f->unit_as_written = f->canonical_unit = "年";
    f->end = f->num_end + At(f->num_end).len;
    f->has_unit = true;
    return;
  }
  const internal::UnitEntry* u = MatchUnit(rest);
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

std::optional<Figure> Scanner::ReadFigure(size_t pos, bool negative) const {
  auto m = MatchNumeral(From(pos));
  if (!m) return std::nullopt;
  Figure f;
  f.begin = pos;
  f.num_end = pos + m->length;
  f.n = *m;
  f.negative = negative;
  ReadUnit(&f);
  return f;
}

// 2024-12-31, 2024/12/31, 2024.12.31 at pos; emits a date and returns the end.
std::optional<size_t> Scanner::TryIsoDate(size_t pos) {
  auto digits = [&](size_t at, size_t* n) {
    size_t i = at;
    while (i < t_.size() && IsAsciiDigit(t_[i])) ++i;
    *n = i - at;
    return i;
  };
  size_t n1, n2, n3;
  size_t e1 = digits(pos, &n1);
  if (n1 != 4 || e1 >= t_.size()) return std::nullopt;
  char sep = t_[e1];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  size_t e2 = digits(e1 + 1, &n2);
  if (n2 < 1 || n2 > 2 || e2 >= t_.size() || t_[e2] != sep) return std::nullopt;
  size_t e3 = digits(e2 + 1, &n3);
  if (n3 < 1 || n3 > 2) return std::nullopt;
  int y = std::stoi(t_.substr(pos, 4));
  int m = std::stoi(t_.substr(e1 + 1, n2));
  int d = std::stoi(t_.substr(e2 + 1, n3));
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
  return Emit(f, pos, std::nullopt, false, false);
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

// A figure without a unit that is a list label or a reference, not a value.
bool Scanner::IsLabel(const Figure& f) const {
  Cp next = At(f.num_end);
  Cp prev = Before(f.begin);
  if (next.c == U'、') return true;                                    // 1、
  if (prev.c == '(' && next.c == ')') return true;                    // (2)
  if (next.c == '.' && f.n.value.is_integer() && f.num_end - f.begin <= 2) {  // 1.严格执行
    Cp after = At(f.num_end + 1);
    if (after.len > 0 && !IsAsciiDigit(after.c) && after.c != '\n' && after.c != '\r') return true;
  }
  std::string_view before = Upto(f.begin);
  for (std::string_view w : {"附件", "附表", "附图", "表", "图", "序号", "编号", "No.", "NO."}) {
    if (before.size() >= w.size() && before.substr(before.size() - w.size()) == w) return true;
  }
  return false;
}

Interval Scanner::MakeInterval(const Figure& f, const std::optional<Figure>& hi, Comparator cmp,
                               Approx approx) const {
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

bool IsTimeUnit(const std::string& u) {
  return u == "年" || u == "个月" || u == "天" || u == "周" || u == "工作日" || u == "小时";
}

// Turns a figure (and the upper end of a range) into a Quantity; returns the
// normalised offset where scanning goes on.
size_t Scanner::Emit(Figure f, size_t qual_begin, std::optional<Figure> hi, bool percent_prefix, bool currency) {
  Quantity q;
  const Figure& unit_fig = hi ? *hi : f;
  q.kind = unit_fig.kind;
  if (percent_prefix) {
    q.kind = QuantityKind::kPercent;
    q.unit = q.unit_as_written = q.canonical_unit = "%";
  } else if (currency && !unit_fig.has_unit) {
    q.kind = QuantityKind::kAmount;
    q.unit = q.unit_as_written = q.canonical_unit = "元";
  } else {
    q.unit = unit_fig.unit;
    q.unit_as_written = unit_fig.unit_as_written.empty() ? unit_fig.unit : unit_fig.unit_as_written;
    q.canonical_unit = unit_fig.canonical_unit;
  }
  if (q.kind == QuantityKind::kYear) q.canonical_unit = "年";
  if (q.kind == QuantityKind::kDate) {
    q.unit = "date";
    q.canonical_unit = f.date.year ? "date" : "date_md";
  }
  q.suspect_measure_word = unit_fig.typo;
  q.chinese_numeral = f.n.chinese_digits || (hi && hi->n.chinese_digits);
  q.date = f.date;

  // Qualifiers before the figure.
  size_t begin = qual_begin;
  Comparator cmp = Comparator::kNone;
  Approx approx = Approx::kNone;
  if (const auto* p = MatchPrefixQualifier(Upto(qual_begin))) {
    bool time_nearly = p->approx == Approx::kNearly && IsTimeUnit(q.canonical_unit);  // 近3年: the last 3 years
    if (!time_nearly) {
      cmp = p->comparator;
      approx = p->approx;
      begin = qual_begin - p->word.size();
      q.qualifiers.emplace_back(p->word);
    }
  }
  if (f.n.approximate && !hi) {
    if (approx == Approx::kNone) approx = Approx::kMoreThan;
    q.qualifiers.push_back(f.n.approx_word);
  }
  size_t end = unit_fig.end;
  bool dateish = q.kind == QuantityKind::kDate || q.kind == QuantityKind::kYear;
  const auto* s = MatchSuffixQualifier(From(end), dateish);
  if (s != nullptr && s->word.size() == 3 && (s->comparator == Comparator::kBefore || s->comparator == Comparator::kAfter)) {
    // 前 / 后 / 起 starting a word: 前期, 后续, 起草.
    static const std::u32string kWordGoesOn = U"续期面来台勤备方果景提沿列往夕身进端置草";
    if (kWordGoesOn.find(At(end + 3).c) != std::u32string::npos) s = nullptr;
  }
  if (s != nullptr) {
    if (s->comparator != Comparator::kNone && (cmp == Comparator::kNone || cmp == s->comparator)) cmp = s->comparator;
    if (s->approx != Approx::kNone && approx == Approx::kNone) approx = s->approx;
    end += s->word.size();
    q.qualifiers.emplace_back(s->word);
  } else if (q.kind == QuantityKind::kMeasure && IsTimeUnit(q.canonical_unit) && At(end).c == U'内') {
    cmp = cmp == Comparator::kNone ? Comparator::kLe : cmp;  // 30天内
    end += At(end).len;
    q.qualifiers.emplace_back("内");
  }
  if (dateish && cmp == Comparator::kGe) cmp = Comparator::kAfter;
  if (dateish && cmp == Comparator::kLe) cmp = Comparator::kBefore;
  if (hi) cmp = Comparator::kRange;
  q.comparator = cmp;
  q.approx = approx;

  // Values.
  const int unit_exp = (percent_prefix || (currency && !unit_fig.has_unit)) ? 0 : unit_fig.unit_exp;
  if (q.kind == QuantityKind::kDate) {
    // A date's value is its first day (its last for 年底 / 月底).
    Decimal lo, up;
    DateBounds(f, std::nullopt, &lo, &up);
    q.value = f.end_of_period ? up : lo;
    q.canonical = q.value;
  } else {
    q.value = f.full().MulPow10(-unit_exp);
    if (f.n.multiplier_exponent == unit_exp) q.value = f.significand();
    q.canonical = f.full().MulPow10(unit_fig.canonical_shift);
    if (hi) {
      q.value_hi = hi->n.multiplier_exponent == unit_exp ? hi->significand() : hi->full().MulPow10(-unit_exp);
      q.canonical_hi = hi->full().MulPow10(unit_fig.canonical_shift);
    }
  }
  q.decimals = q.value.scale();
  Figure shape = f;
  shape.kind = q.kind;
  shape.canonical_shift = unit_fig.canonical_shift;
  q.interval = MakeInterval(shape, hi, cmp, approx);

  auto [ob, oe] = nt_.ToOriginal(begin, end);
  q.span = {ob, oe};
  q.raw = std::string(orig_.substr(ob, oe - ob));
  size_t nb = f.begin - (f.negative ? 1 : 0);
  auto [nb2, ne2] = nt_.ToOriginal(nb, hi ? hi->num_end : f.num_end);
  q.number_span = {nb2, ne2};
  out_.push_back(std::move(q));
  return end;
}

std::vector<Quantity> Scanner::Run() {
  MaskBrackets();
  size_t pos = 0;
  size_t label_end = std::string::npos;  // where a skipped "1." label ended
  while (pos < t_.size()) {
    Cp c = At(pos);
    if (masked_[pos]) {
      pos += c.len;
      continue;
    }
    size_t fig_start = pos, num_pos = pos;
    bool percent_prefix = false, currency = false, negative = false;
    if (StartsWith(From(pos), "百分之百") && !MatchNumeral(From(pos + 12))) {
      // 百分之百: the one numeral that starts with a bare 百.
      Figure f;
      f.begin = pos + 9;
      f.num_end = f.end = pos + 12;
      f.n.value = f.n.significand = Decimal::FromInt(100);
      f.n.has_chinese = f.n.chinese_digits = true;
      f.n.length = 3;
      pos = Emit(f, pos, std::nullopt, true, false);
      continue;
    }
    if (StartsWith(From(pos), "百分之") && MatchNumeral(From(pos + 9))) {
      percent_prefix = true;
      num_pos = pos + 9;
    } else if ((c.c == U'¥' || c.c == U'￥') && IsAsciiDigit(At(pos + c.len).c)) {
      currency = true;
      num_pos = pos + c.len;
    } else if (c.c == '-' && IsAsciiDigit(At(pos + 1).c)) {
      Cp b = Before(pos);
      static const std::u32string kNegContext = U"\n\t (:：，,、；;为是=";
      if (b.len != 0 && kNegContext.find(b.c) == std::u32string::npos) {
        pos += c.len;
        continue;
      }
      negative = true;
      num_pos = pos + 1;
    } else if (!IsNumeralStart(c.c)) {
      pos += c.len;
      continue;
    }
    Cp prev = Before(fig_start);
    Cp first = At(num_pos);
    // 三四个 ("three or four"): do not read the 四 alone; 数十家 / 几十个 are
    // no figure at all.
    if ((ChineseDigitValue(prev.c) >= 0 || prev.c == U'数' || prev.c == U'几') && !IsAsciiDigit(first.c)) {
      pos += c.len;
      continue;
    }
    if (IsAsciiDigit(first.c) && num_pos != label_end) {
      // Inside an identifier (G20, ISO9001) or right after another digit string.
      if (IsAsciiLetter(prev.c) || IsAsciiDigit(prev.c) || prev.c == '.' || prev.c == '_' ||
          ((prev.c == '-' || prev.c == '/') &&
           (IsAsciiDigit(Before(fig_start - 1).c) || IsAsciiLetter(Before(fig_start - 1).c)))) {
        pos = SkipAsciiRun(num_pos);
        continue;
      }
      if (!negative && !currency && !percent_prefix) {
        if (auto e = TryIsoDate(num_pos)) {
          pos = *e;
          continue;
        }
        // "1.2024年度…": a list label glued to a year.
        size_t i = num_pos;
        while (i < t_.size() && IsAsciiDigit(t_[i])) ++i;
        if (i - num_pos <= 2 && i + 5 < t_.size() && t_[i] == '.' && LineStartBefore(num_pos) &&
            (StartsWith(From(i + 1), "19") || StartsWith(From(i + 1), "20")) && IsAsciiDigit(t_[i + 3]) &&
            IsAsciiDigit(t_[i + 4]) && StartsWith(From(i + 5), "年")) {
          pos = label_end = i + 1;
          continue;
        }
        // Codes with leading zeros (0730, 007).
        if (first.c == '0' && IsAsciiDigit(At(num_pos + 1).c)) {
          pos = SkipAsciiRun(num_pos);
          continue;
        }
      }
    }
    std::optional<Figure> f = ReadFigure(num_pos, negative);
    if (!f) {
      pos += c.len;
      continue;
    }
    // Ordinals (第三站, 第3期) and document numbers (〔2020〕10号).
    if (prev.c == U'第' || prev.c == U'〕') {
      pos = std::max(f->end, f->num_end);
      continue;
    }
    // An identifier continuing after the figure (5G, 3D) unless a unit took it.
    if (!f->has_unit && IsAsciiLetter(At(f->num_end).c)) {
      pos = SkipAsciiRun(f->num_end);
      continue;
    }
    // A range: 80-90%, 80～90%, 16—18分, 3至5年, 2023-2025年.
    std::optional<Figure> hi;
    if (!f->is_dateish() || f->kind == QuantityKind::kYear) {
      size_t s = f->has_unit ? f->end : f->num_end;
      Cp sep = At(s);
      if (sep.c == '-' || sep.c == '~' || sep.c == U'—' || sep.c == U'–' || sep.c == U'〜' || sep.c == U'至' ||
          sep.c == U'到') {
        size_t s2 = s + sep.len;
        if (sep.c == U'—' && At(s2).c == U'—') s2 += At(s2).len;
        auto g = ReadFigure(s2, false);
        if (g && g->has_unit && g->kind != QuantityKind::kDate && !g->n.approximate && !f->n.approximate) {
          bool same_unit = f->has_unit ? (f->kind == g->kind && f->unit == g->unit)
                                       : (f->n.multiplier_exponent == 0 ||
                                          f->n.multiplier_exponent == g->n.multiplier_exponent);
          if (g->kind == QuantityKind::kYear && !f->has_unit) same_unit = f->n.value.is_integer();
          if (same_unit) {
            Figure lo = *f;
            if (!f->has_unit && f->n.multiplier_exponent == 0 && g->n.multiplier_exponent != 0) {
              // "3-5万元": the 3 is in 万 too.
              lo.n.significand = lo.n.value;
              lo.n.value = lo.n.value.MulPow10(g->n.multiplier_exponent);
              lo.n.multiplier_exponent = g->n.multiplier_exponent;
            }
            if (g->kind == QuantityKind::kYear) {
              lo.date.year = static_cast<int>(lo.n.value.ToInt64().value_or(0));
              lo.kind = QuantityKind::kYear;
            }
            if (lo.full() <= g->full()) {
              lo.kind = g->kind;
              hi = *g;
              f = lo;
            }
          }
        }
      }
    }
    if (!f->has_unit && !percent_prefix && !currency && !hi) {
      if (f->n.has_chinese && !f->n.has_arabic) {  // 一是, 二十届, 三公
        pos = f->num_end;
        continue;
      }
      if (IsLabel(*f)) {
        pos = f->num_end;
        continue;
      }
      // Times of day (10:30).
      if (At(f->num_end).c == ':' && IsAsciiDigit(At(f->num_end + 1).c)) {
        pos = SkipAsciiRun(f->num_end + 1);
        continue;
      }
      // Phone numbers and other long digit strings.
      if (f->n.value.is_integer() && f->num_end - f->begin >= 11) {
        pos = f->num_end;
        continue;
      }
      // 2024岳阳马拉松: a year written without 年.
      auto iv = f->n.value.ToInt64();
      if (iv && *iv >= 1900 && *iv <= 2100 && f->num_end - f->begin == 4 && !f->negative &&
          f->n.multiplier_exponent == 0 && IsIdeograph(At(f->num_end).c)) {
        f->kind = QuantityKind::kYear;
        f->date.year = static_cast<int>(*iv);
      }
    }
    pos = Emit(*f, fig_start, hi, percent_prefix, currency);
  }
  return std::move(out_);
}

}  // namespace

std::vector<Quantity> FindQuantities(std::string_view utf8_text) {
  Scanner s(utf8_text);
  return s.Run();
}

}  // namespace jixiao::numbers
