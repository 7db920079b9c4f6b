// Chinese numerals (and Arabic digits mixed with Chinese multipliers) to an
// exact Decimal.
//
// Accepted, in any mix a report writes them:
//   digits     零〇 一 二两 三 … 九, financial 壹贰叁肆伍陆柒捌玖 (also 貳參陸),
//              ASCII digits with an optional decimal part ("3.4", "1,234.5")
//   units      十拾 百佰 千仟 (within a section), 万萬 亿億 (sections), 廿 卅
//   forms      二十 十二 一百零五 一千二百万 三亿五千万 一万亿 3.4亿 1千2百万
//              1.5万 二〇二四 (digit by digit) 三点五 (Chinese decimal point)
//              一万二 / 三千五 (colloquial: the last digit counts in the next
//              lower unit, 12000 / 3500)
//   suffix     余 / 多 / 几 → approximate ("二十余", "80余", "50多", "十几",
//              "208万余")
// A multiplier with nothing before it is not a numeral ("万企兴万村",
// "百企联百村", "千方百计"); only 十 may open one ("十二").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/numbers/decimal.h"

namespace jixiao::numbers {

struct NumeralOptions {
  bool allow_arabic = true;       // ASCII digits, alone or mixed ("3.4亿")
  bool allow_grouping = true;     // "1,234.5" (commas in exact 3-digit groups)
  bool allow_approximate = true;  // consume a trailing 余 / 多 / 几
};

struct NumeralMatch {
  // The full value, every multiplier applied: "3.4亿" → 340000000,
  // "二十余" → 20 (the approximate suffix does not change it).
  Decimal value;
  // The figure in the unit it is written in when it ends with a multiplier:
  // value ÷ 10^multiplier_exponent, with the decimals as written
  // ("24万" → 24, "3.40亿" → 3.40, "1千2百万" → 1200). Equal to value when
  // multiplier_exponent is 0.
  Decimal significand;
  // 3, 4, 8 or 12 when the numeral ends with 千 / 万 / 亿 / 万亿 applied to
  // the number before it ("5千", "24万", "3.4亿", "2万亿"); 0 otherwise
  // ("1千2百" ends with 百, which is part of the number).
  int multiplier_exponent = 0;
  // Bytes of the input consumed, including an approximate suffix.
  size_t length = 0;
  // Ended with 余 / 多 / 几; approx_word holds which one.
  bool approximate = false;
  std::string approx_word;
  bool has_chinese = false;  // any Chinese digit or unit (also 万 in "24万")
  bool chinese_digits = false;  // Chinese digits or 十百千 ("二十四万", not "24万")
  bool has_arabic = false;   // any ASCII digit
  bool financial = false;    // any 大写 digit (壹贰叁…拾佰仟)
};

// Reads the longest numeral at the start of `utf8`. nullopt when there is
// none (including a lone multiplier such as "万"). Never reads past what forms
// a numeral: "24万元" consumes "24万", "二十余家" consumes "二十余".
std::optional<NumeralMatch> MatchNumeral(std::string_view utf8, const NumeralOptions& options = {});

// The value of `utf8` when the whole string is one numeral (an approximate
// suffix is allowed and ignored: "二十余" → 20); nullopt otherwise.
std::optional<Decimal> ParseChineseNumeral(std::string_view utf8);

// Value 0..9 of a Chinese digit character (零〇一二两…九, 壹…玖), or -1.
int ChineseDigitValue(char32_t c);

}  // namespace jixiao::numbers
