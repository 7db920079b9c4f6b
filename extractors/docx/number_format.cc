// Number formats of w:numFmt. Covered by number_format_test.cc and, through
// rendered labels, by docx_feature_test.cc (Numbering*).
#include "extractors/docx/number_format.h"

#include "pipeline/model/utf8.h"

#include <string>

namespace jixiao::docx {

namespace {

const char* const kCnDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
const char* const kCnLegal[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};

std::string DigitByDigit(int v, const char* const* digits) {
  std::string d = std::to_string(v), out;
  for (char c : d) out += digits[c - '0'];
  return out;
}

// 0..9999 with 千/百/十 and 零 for gaps; `short_ten`: 10..19 as 十X.
std::string CnBelow10000(int v, const char* const* digits, const char* const* units,
                         bool short_ten, const char* zero) {
  static const int kPow[] = {1000, 100, 10, 1};
  std::string out;
  bool pending_zero = false, started = false;
  for (int i = 0; i < 4; ++i) {
    int d = (v / kPow[i]) % 10;
    if (d == 0) {
      if (started) pending_zero = true;
      continue;
    }
    if (pending_zero) { out += zero; pending_zero = false; }
    if (!(short_ten && i == 2 && d == 1 && !started)) out += digits[d];
    out += units[i];
    started = true;
  }
  return out;
}

std::string ChineseThousand(int v, const char* const* digits, const char* const* units,
                            const char* wan, const char* yi, const char* zero) {
  if (v == 0) return zero;
  std::string out;
  int y = v / 100000000, w = (v / 10000) % 10000, r = v % 10000;
  bool started = false;
  if (y > 0) {
    out += CnBelow10000(y, digits, units, true, zero) + yi;
    started = true;
  }
  if (w > 0) {
    if (started && w < 1000) out += zero;
    out += CnBelow10000(w, digits, units, !started, zero) + wan;
    started = true;
  } else if (started && r > 0) {
    out += zero;
  }
  if (r > 0) {
    if (started && r < 1000 && w > 0) out += zero;
    out += CnBelow10000(r, digits, units, !started, zero);
  }
  return out;
}

std::string Roman(int v, bool upper) {
  if (v <= 0 || v >= 4000) return std::to_string(v);
  static const int kVal[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  static const char* const kUp[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
  static const char* const kLo[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
  std::string out;
  for (int i = 0; i < 13; ++i) {
    while (v >= kVal[i]) { out += upper ? kUp[i] : kLo[i]; v -= kVal[i]; }
  }
  return out;
}

// Word's letters: A..Z, then AA, BB.. ZZ, then AAA...
std::string Letter(int v, bool upper) {
  if (v <= 0) return std::to_string(v);
  int repeat = (v - 1) / 26 + 1;
  if (repeat > 50) return std::to_string(v);
  char c = static_cast<char>((upper ? 'A' : 'a') + (v - 1) % 26);
  return std::string(repeat, c);
}

std::string Mapped(int v, char32_t first, int count, bool* known) {
  if (v >= 1 && v <= count) {
    std::string out;
    AppendUtf8(static_cast<char32_t>(first + (v - 1)), &out);
    return out;
  }
  return std::to_string(v);
}

}  // namespace

std::string FormatNumber(std::string_view fmt, int value, bool* known) {
  if (known) *known = true;
  static const char* const kUnits[] = {"千", "百", "十", ""};
  static const char* const kLegalUnits[] = {"仟", "佰", "拾", ""};
  if (fmt == "decimal" || fmt.empty() || fmt == "decimalHalfWidth") return std::to_string(value);
  if (fmt == "none" || fmt == "bullet") return "";
  if (fmt == "decimalZero") return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
  if (fmt == "upperRoman") return Roman(value, true);
  if (fmt == "lowerRoman") return Roman(value, false);
  if (fmt == "upperLetter") return Letter(value, true);
  if (fmt == "lowerLetter") return Letter(value, false);
  if (fmt == "chineseCounting" || fmt == "japaneseCounting" || fmt == "taiwaneseCounting") {
    if (value < 0) return std::to_string(value);
    if (value == 0) return "〇";
    if (value < 100) return CnBelow10000(value, kCnDigits, kUnits, true, "零");
    return DigitByDigit(value, kCnDigits);
  }
  if (fmt == "chineseCountingThousand" || fmt == "taiwaneseCountingThousand" ||
      fmt == "japaneseCountingThousand") {
    if (value < 0) return std::to_string(value);
    return ChineseThousand(value, kCnDigits, kUnits, "万", "亿", "零");
  }
  if (fmt == "chineseLegalSimplified" || fmt == "japaneseLegal") {
    if (value < 0) return std::to_string(value);
    if (value == 0) return "零";
    // Legal numerals never drop the leading 壹 (壹拾壹).
    std::string out;
    int y = value / 100000000, w = (value / 10000) % 10000, r = value % 10000;
    bool started = false;
    if (y) { out += CnBelow10000(y, kCnLegal, kLegalUnits, false, "零") + "亿"; started = true; }
    if (w) {
      if (started && w < 1000) out += "零";
      out += CnBelow10000(w, kCnLegal, kLegalUnits, false, "零") + "万";
      started = true;
    } else if (started && r) {
      out += "零";
    }
    if (r) {
      if (started && r < 1000 && w) out += "零";
      out += CnBelow10000(r, kCnLegal, kLegalUnits, false, "零");
    }
    return out;
  }
  if (fmt == "ideographDigital" || fmt == "japaneseDigitalTenThousand") {
    if (value < 0) return std::to_string(value);
    return DigitByDigit(value, kCnDigits);
  }
  if (fmt == "ideographTraditional") {
    static const char* const kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return value >= 1 && value <= 10 ? kStems[value - 1] : std::to_string(value);
  }
  if (fmt == "ideographZodiac") {
    static const char* const kBranches[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                            "午", "未", "申", "酉", "戌", "亥"};
    return value >= 1 && value <= 12 ? kBranches[value - 1] : std::to_string(value);
  }
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese" ||
      fmt == "ideographEnclosedCircle") {
    return Mapped(value, U'\u2460', 20, known);
  }
  if (fmt == "decimalEnclosedParen") return Mapped(value, U'\u2474', 20, known);
  if (fmt == "decimalEnclosedFullstop") return Mapped(value, U'\u2488', 20, known);
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    std::string d = std::to_string(value), out;
    for (char c : d) {
      if (c >= '0' && c <= '9') AppendUtf8(static_cast<char32_t>(U'\uFF10' + (c - '0')), &out);
      else out.push_back(c);
    }
    return out;
  }
  if (fmt == "ordinal") {
    int m100 = value % 100, m10 = value % 10;
    const char* suf = (m100 >= 11 && m100 <= 13) ? "th"
                      : m10 == 1 ? "st" : m10 == 2 ? "nd" : m10 == 3 ? "rd" : "th";
    return std::to_string(value) + suf;
  }
  if (known) *known = false;
  return std::to_string(value);
}

}  // namespace jixiao::docx
