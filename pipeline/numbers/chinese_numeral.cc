// MatchNumeral(): a one-pass reader of Chinese numerals, mixed with ASCII
// digits, evaluated exactly with Decimal. Sections work as in speech: small
// units (十百千) build a section below 10^4, 万 and 亿 close a section.
// Covered by chinese_numeral_test.cc.
#include "pipeline/numbers/chinese_numeral.h"

#include "pipeline/model/utf8.h"

namespace jixiao::numbers {

namespace {

struct Cp {
  char32_t c = 0;
  size_t len = 0;  // bytes; 0 at the end of input
};

Cp Peek(std::string_view s, size_t at) {
  if (at >= s.size()) return {};
  size_t next = at;
  const char32_t c = DecodeUtf8(s, &next);
  return {c, next - at};
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsFinancialChar(char32_t c) {
  switch (c) {
    case U'壹': case U'贰': case U'貳': case U'叁': case U'參': case U'肆': case U'伍':
    case U'陆': case U'陸': case U'柒': case U'捌': case U'玖': case U'拾': case U'佰': case U'仟':
      return true;
    default:
      return false;
  }
}

// 1 for 十, 2 for 百, 3 for 千 (small units); 4 for 万, 8 for 亿 (big); 0 if none.
int UnitExponent(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 1;
    case U'百': case U'佰': return 2;
    case U'千': case U'仟': return 3;
    case U'万': case U'萬': return 4;
    case U'亿': case U'億': return 8;
    default: return 0;
  }
}

// Reads ASCII "digits[,ddd]*[.digits]" at `at`; returns its length (0 if none).
size_t ArabicRunLength(std::string_view s, size_t at, bool allow_grouping) {
  size_t i = at;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  if (i == at) return 0;
  if (allow_grouping && i - at <= 3) {
    while (i + 3 < s.size() + 0 && s[i] == ',' && IsAsciiDigit(s[i + 1]) && IsAsciiDigit(s[i + 2]) &&
           IsAsciiDigit(s[i + 3]) && (i + 4 >= s.size() || !IsAsciiDigit(s[i + 4]))) {
      i += 4;
    }
  }
  if (i + 1 < s.size() && s[i] == '.' && IsAsciiDigit(s[i + 1])) {
    ++i;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  }
  return i - at;
}

enum class Tok { kNone, kNum, kSmall, kBig, kZeroFiller };

}  // namespace

int ChineseDigitValue(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'兩': case U'贰': case U'貳': return 2;
    case U'三': case U'叁': case U'參': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

std::optional<NumeralMatch> MatchNumeral(std::string_view s, const NumeralOptions& o) {
  NumeralMatch m;
  Decimal result;               // committed through 万 / 亿
  Decimal section;              // below 10^4, built by 十百千
  std::optional<Decimal> number;  // a digit (or Arabic number) waiting for its unit
  bool number_is_single_chinese = false;
  Tok last = Tok::kNone;
  Tok before_number = Tok::kNone;  // the token just before `number`
  int multiplier_after_approx = 0;  // 4 or 8 for 20余万, 3亿多 is not this (亿 before 多)
  int last_unit_exp = 0;        // exponent of the last unit token
  int section_last_small = 99;  // small units must decrease within a section
  int last_big_exp = 0;         // exponent of the last big unit (4 or 8)
  int big_before_last_big = 0;  // for 万亿
  bool number_after_last_big = false;
  int written_decimals = 0;
  size_t pos = 0, end = 0;  // end: bytes accepted so far

  while (pos < s.size()) {
    Cp cp = Peek(s, pos);
    // ASCII number.
    if (o.allow_arabic && IsAsciiDigit(s[pos])) {
      if (number) break;
      size_t n = ArabicRunLength(s, pos, o.allow_grouping);
      auto d = Decimal::Parse(s.substr(pos, n), o.allow_grouping);
      if (!d) break;
      number = *d;
      before_number = last;
      number_is_single_chinese = false;
      written_decimals = std::max(written_decimals, d->scale());
      m.has_arabic = true;
      last = Tok::kNum;
      number_after_last_big = true;
      pos = end = pos + n;
      continue;
    }
    int digit = ChineseDigitValue(cp.c);
    if (digit == 0 && (last == Tok::kSmall || last == Tok::kBig)) {
      // 零 after a unit only marks a skipped place: 一百零五, 一千零十.
      // `end` stays before it: a trailing 零 is not part of the number.
      last = Tok::kZeroFiller;
      pos += cp.len;
      continue;
    }
    if (digit >= 0) {
      if (number) break;
      // A run of bare digits: 二〇二四 is read digit by digit.
      size_t q = pos;
      __int128 run = 0;
      int run_len = 0;
      bool fin = false;
      for (Cp c = cp; c.len > 0 && ChineseDigitValue(c.c) >= 0; c = Peek(s, q)) {
        run = run * 10 + ChineseDigitValue(c.c);
        fin |= IsFinancialChar(c.c);
        ++run_len;
        q += c.len;
        if (run_len > 30) break;
      }
      // Digit-by-digit only when nothing else is in play and no unit follows
      // ("二三十" means twenty or thirty, not 23 tens). After a unit, only the
      // first digit belongs to this numeral ("十四五" is 14 then 五).
      // Two digits without a zero are a guess ("三四个": three or four), not 34.
      bool has_zero = false;
      for (size_t r = pos; r < q;) {
        Cp c = Peek(s, r);
        has_zero |= ChineseDigitValue(c.c) == 0;
        r += c.len;
      }
      if (run_len >= 2 && last == Tok::kNone &&
          (UnitExponent(Peek(s, q).c) != 0 || (run_len == 2 && !has_zero))) {
        break;
      }
      if (run_len >= 2 && last == Tok::kNone) {
        number = Decimal::FromUnscaled(run, 0);
        before_number = last;
        number_is_single_chinese = false;
        m.has_chinese = true;
        m.financial |= fin;
        m.chinese_digits = true;
        last = Tok::kNum;
        number_after_last_big = true;
        pos = end = q;
        continue;
      }
      number = Decimal::FromInt(digit);
      before_number = last;
      number_is_single_chinese = true;
      m.has_chinese = true;
      m.chinese_digits = true;
      m.financial |= fin;
      last = Tok::kNum;
      number_after_last_big = true;
      pos = end = pos + cp.len;
      // Chinese decimal point: 三点五.
      Cp pt = Peek(s, pos);
      if (pt.c == U'点' && ChineseDigitValue(Peek(s, pos + pt.len).c) >= 0) {
        size_t r = pos + pt.len;
        __int128 frac = 0;
        int scale = 0;
        for (Cp c = Peek(s, r); c.len > 0 && ChineseDigitValue(c.c) >= 0 && scale < 18; c = Peek(s, r)) {
          frac = frac * 10 + ChineseDigitValue(c.c);
          ++scale;
          r += c.len;
        }
        number = *number + Decimal::FromUnscaled(frac, scale);
        number_is_single_chinese = false;
        written_decimals = std::max(written_decimals, scale);
        pos = end = r;
      }
      continue;
    }
    if (cp.c == U'廿' || cp.c == U'卅') {
      if (number || last != Tok::kNone) break;
      section = Decimal::FromInt(cp.c == U'廿' ? 20 : 30);
      m.has_chinese = true;
      m.chinese_digits = true;
      last = Tok::kSmall;
      last_unit_exp = 1;
      section_last_small = 1;
      pos = end = pos + cp.len;
      continue;
    }
    int e = UnitExponent(cp.c);
    // 百分点, 百分之, 千分之, 万分之: 分 after a unit makes a ratio word, not a multiplier.
    if (e >= 2 && Peek(s, pos + cp.len).c == U'分') break;
    if (e >= 1 && e <= 3) {
      Decimal n;
      if (number) {
        n = *number;
      } else if (e == 1 && (last == Tok::kNone || last == Tok::kZeroFiller || last == Tok::kBig)) {
        n = Decimal::FromInt(1);  // 十二, 一百一十 written 一百零十
      } else {
        break;
      }
      if (e >= section_last_small) break;  // 一百三千 is not a number
      section = section + n.MulPow10(e);
      number.reset();
      m.has_chinese = true;
      m.chinese_digits = true;
      m.financial |= IsFinancialChar(cp.c);
      last = Tok::kSmall;
      last_unit_exp = e;
      section_last_small = e;
      pos = end = pos + cp.len;
      continue;
    }
    if (e == 4 || e == 8) {
      Decimal sec = section + (number ? *number : Decimal());
      bool has_value = number.has_value() || !section.is_zero();
      if (!has_value) {
        // 万亿: a big unit right after 万 scales everything so far.
        if (!(e == 8 && last == Tok::kBig && last_big_exp == 4)) break;
      }
      if (e == 4 && last_big_exp == 4 && !number_after_last_big) break;  // 万万
      if (e == 8) {
        result = (result + sec).MulPow10(8);
      } else {
        result = result + sec.MulPow10(4);
      }
      big_before_last_big = (last == Tok::kBig) ? last_big_exp : 0;
      last_big_exp = e;
      number_after_last_big = false;
      section = Decimal();
      number.reset();
      m.has_chinese = true;
      last = Tok::kBig;
      last_unit_exp = e;
      section_last_small = 99;
      pos = end = pos + cp.len;
      continue;
    }
    if (o.allow_approximate && (cp.c == U'余' || cp.c == U'餘' || cp.c == U'多' || cp.c == U'几')) {
      bool after_unit = last == Tok::kSmall || last == Tok::kBig;
      bool after_arabic = last == Tok::kNum && !number_is_single_chinese;
      if (cp.c == U'几' ? after_unit && last_unit_exp <= 3 : (after_unit || after_arabic)) {
        m.approximate = true;
        std::string w;
        w.append(s.substr(pos, cp.len));
        m.approx_word = w;
        pos = end = pos + cp.len;
        // 20余万 / 三十多万: the multiplier may follow the suffix and applies
        // to all of it. Otherwise the value is complete: stop here.
        Cp big = Peek(s, pos);
        int be = UnitExponent(big.c);
        if ((be == 4 || be == 8) && last != Tok::kBig && Peek(s, pos + big.len).c != U'分') {
          multiplier_after_approx = be;
          pos = end = pos + big.len;
        }
      }
    }
    break;
  }
  m.length = end;
  if (last == Tok::kZeroFiller) last = Tok::kNone;  // only for the checks below
  if (end == 0) return std::nullopt;
  {
    Decimal tail = number ? *number : Decimal();
    // Colloquial 一万二 = 12000, 三千五 = 3500: a lone Chinese digit right
    // after a unit counts in the next lower unit.
    if (number && number_is_single_chinese && last == Tok::kNum &&
        (before_number == Tok::kSmall || before_number == Tok::kBig) && last_unit_exp >= 2) {
      tail = tail.MulPow10(last_unit_exp - 1);
    }
    m.value = result + section + tail;
    if (multiplier_after_approx) m.value = m.value.MulPow10(multiplier_after_approx);
  }
  if (!m.value.ok()) return std::nullopt;

  // Which multiplier, if any, the numeral ends with.
  Tok final_tok = last;
  if (multiplier_after_approx) {
    m.multiplier_exponent = multiplier_after_approx;
  } else if (final_tok == Tok::kBig) {
    m.multiplier_exponent = (last_big_exp == 8 && big_before_last_big == 4) ? 12 : last_big_exp;
  } else if (final_tok == Tok::kSmall && last_unit_exp == 3) {
    m.multiplier_exponent = 3;
  }
  m.significand = m.value;
  if (m.multiplier_exponent > 0) {
    Decimal sig = m.value.MulPow10(-m.multiplier_exponent).Normalized();
    if (sig.scale() < written_decimals) sig = sig.Rescale(written_decimals);
    m.significand = sig;
  }
  return m;
}

std::optional<Decimal> ParseChineseNumeral(std::string_view utf8) {
  auto m = MatchNumeral(utf8);
  if (!m || m->length != utf8.size()) return std::nullopt;
  return m->value;
}

}  // namespace jixiao::numbers
