// FindQuantities(): normalises the text (keeping the offset map), then walks
// it once. At each place a figure can start it reads a figure (figure.h: the
// numeral, then a year / date or a unit word), a possible range, the
// qualifier words on either side, and turns it into a Quantity with its
// interval. What looks like a figure but is a list label, an ordinal, a title
// or a code is skipped. Covered by numbers_test.cc.
#include <algorithm>

#include "pipeline/model/cjk.h"
#include "pipeline/numbers/chinese_numeral.h"
#include "pipeline/numbers/figure.h"
#include "pipeline/numbers/lexicon.h"
#include "pipeline/numbers/normalize.h"
#include "pipeline/numbers/quantity.h"

namespace jixiao::numbers {

namespace {

using internal::Cp;
using internal::Figure;
using internal::MatchPrefixQualifier;
using internal::MatchSuffixQualifier;

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNumeralStart(char32_t c) {
  return IsAsciiDigit(c) || ChineseDigitValue(c) >= 0 || c == U'十' || c == U'拾' || c == U'廿' || c == U'卅';
}
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool IsTimeUnit(const std::string& u) {
  return u == "年" || u == "个月" || u == "天" || u == "周" || u == "工作日" || u == "小时";
}

class Scanner {
 public:
  explicit Scanner(std::string_view original)
      : orig_(original), nt_(Normalize(original)), t_(nt_.text), tv_{nt_.text} {}

  std::vector<Quantity> Run();

 private:
  Cp At(size_t pos) const { return tv_.At(pos); }
  Cp Before(size_t pos) const { return tv_.Before(pos); }
  std::string_view From(size_t pos) const { return tv_.From(pos); }
  std::string_view Upto(size_t pos) const { return tv_.Upto(pos); }
  bool LineStartBefore(size_t pos) const {
    Cp b = Before(pos);
    return b.len == 0 || b.c == '\n' || b.c == '\t' || b.c == ' ' || b.c == U'：' || b.c == ':';
  }
  size_t SkipAsciiRun(size_t pos) const {
    while (pos < t_.size() && (IsAsciiDigit(t_[pos]) || IsAsciiLetter(t_[pos]) || t_[pos] == '.')) ++pos;
    return pos;
  }
  std::optional<Figure> ReadFigure(size_t pos, bool negative) const {
    return internal::ReadFigure(tv_, pos, negative);
  }

  // Marks what lies inside 《》 〈〉 〔〕 on one line.
  void MaskBrackets();
  // A figure without a unit that is a list label or a reference, not a value.
  bool IsLabel(const Figure& f) const;
  // Turns a figure (and the upper end of a range) into a Quantity; returns the
  // normalised offset where scanning goes on.
  size_t Emit(Figure f, size_t qual_begin, std::optional<Figure> hi, bool percent_prefix, bool currency);

  std::string_view orig_;
  NormalizedText nt_;
  const std::string& t_;
  internal::TextView tv_;
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

bool Scanner::IsLabel(const Figure& f) const {
  Cp next = At(f.num_end);
  Cp prev = Before(f.begin);
  if (next.c == U'、') return true;                                    // 1、
  if (prev.c == '(' && next.c == ')') return true;                    // (2)
  if (next.c == '.' && f.n.value.is_integer() && f.num_end - f.begin <= 2) {  // 1.严格执行
    Cp after = At(f.num_end + 1);
    if (after.len > 0 && !IsAsciiDigit(after.c) && after.c != '\n' && after.c != '\r') return true;
  }
  // Section numbers opening a line: "2.1 基本情况", "1 总体情况", "2.1.3".
  size_t line = f.begin;
  while (line > 0 && Before(line).c == ' ') line -= Before(line).len;
  bool opens_line = line == 0 || Before(line).c == '\n';
  if (opens_line && !f.negative && f.n.value < Decimal::FromInt(100) && f.n.value.scale() <= 2) {
    if (next.c == '.' && IsAsciiDigit(At(f.num_end + 1).c)) return true;
    if (next.c == ' ' || IsHanIdeograph(next.c)) return true;
  }
  std::string_view before = Upto(f.begin);
  for (std::string_view w : {"附件", "附表", "附图", "表", "图", "序号", "编号", "No.", "NO."}) {
    if (before.size() >= w.size() && before.substr(before.size() - w.size()) == w) return true;
  }
  return false;
}

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
    q.unit_as_written = std::string(t_.substr(f.num_end, f.end - f.num_end));  // 年12月31日
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
    internal::DateBounds(f, std::nullopt, &lo, &up);
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
  q.interval = internal::FigureInterval(shape, hi, cmp, approx);

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
      // A minus after a word ("结余-6万元") or a mark; not a range or a dash
      // between figures (80-90, 2023年-2025年, 三-五, A-1).
      Cp b = Before(pos);
      static const std::u32string kNotAfter = U".-/%年月日号期季度至到~～";
      if (b.len != 0 && (IsAsciiDigit(b.c) || IsAsciiLetter(b.c) || ChineseDigitValue(b.c) >= 0 ||
                         kNotAfter.find(b.c) != std::u32string::npos)) {
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
        if (auto d = internal::ReadIsoDate(tv_, num_pos)) {
          pos = Emit(*d, num_pos, std::nullopt, false, false);
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
          f->n.multiplier_exponent == 0 && IsHanIdeograph(At(f->num_end).c)) {
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
