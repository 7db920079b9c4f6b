// Recognition of typed numbering labels at the start of a paragraph.
// Covered by numbering_label_test.cc.
#include "pipeline/model/numbering_label.h"

#include <array>

namespace jixiao {
namespace {

// Consumes one of `options` at the front of *s; returns true if one matched.
bool ConsumeAny(std::string_view* s, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (s->substr(0, o.size()) == o) {
      s->remove_prefix(o.size());
      return true;
    }
  }
  return false;
}

// Spaces Word users type around labels: ASCII space, ideographic space, NBSP.
size_t SpacePrefixLength(std::string_view s) {
  size_t n = 0;
  while (true) {
    std::string_view rest = s.substr(n);
    if (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) { n += 1; continue; }
    if (rest.substr(0, 3) == "\u3000") { n += 3; continue; }
    if (rest.substr(0, 2) == "\u00a0") { n += 2; continue; }
    return n;
  }
}

// Chinese numeral 1..99 (一 .. 九十九) at the front of *s.
int ConsumeChineseSmall(std::string_view* s) {
  static const std::array<std::string_view, 10> kDigits = {"〇", "一", "二", "三", "四",
                                                           "五", "六", "七", "八", "九"};
  auto digit = [&](std::string_view* in) -> int {
    for (int d = 1; d <= 9; ++d) {
      if (in->substr(0, kDigits[d].size()) == kDigits[d]) {
        in->remove_prefix(kDigits[d].size());
        return d;
      }
    }
    return 0;
  };
  std::string_view in = *s;
  int value = 0;
  int first = digit(&in);
  if (in.substr(0, 3) == "十") {
    in.remove_prefix(3);
    value = (first ? first : 1) * 10 + digit(&in);
  } else {
    value = first;
  }
  if (value > 0) *s = in;
  return value;
}

int ConsumeArabicSmall(std::string_view* s) {
  size_t n = 0;
  while (n < s->size() && n < 3 && (*s)[n] >= '0' && (*s)[n] <= '9') ++n;
  if (n == 0 || n > 2) return 0;
  int value = std::stoi(std::string(s->substr(0, n)));
  s->remove_prefix(n);
  return value;
}

int ConsumeCircled(std::string_view* s) {
  // ① U+2460 .. ⑳ U+2473: E2 91 A0 .. E2 91 B3.
  if (s->size() >= 3 && static_cast<unsigned char>((*s)[0]) == 0xE2 &&
      static_cast<unsigned char>((*s)[1]) == 0x91) {
    unsigned char c = static_cast<unsigned char>((*s)[2]);
    if (c >= 0xA0 && c <= 0xB3) {
      s->remove_prefix(3);
      return c - 0xA0 + 1;
    }
  }
  return 0;
}

bool StartsWithDigit(std::string_view s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// "2024年" right after "2." : the label is "2." and the text starts with a year.
bool StartsWithYear(std::string_view s) {
  return s.size() >= 7 && StartsWithDigit(s) && StartsWithDigit(s.substr(1)) &&
         StartsWithDigit(s.substr(2)) && StartsWithDigit(s.substr(3)) && s.substr(4, 3) == "年";
}

}  // namespace

NumberingLabel SplitNumberingLabel(std::string_view text, std::string* rest) {
  NumberingLabel result;
  const size_t lead = SpacePrefixLength(text);
  std::string_view s = text.substr(lead);
  int value = 0;
  LabelStyle style = LabelStyle::kNone;

  std::string_view t = s;
  if (ConsumeAny(&t, {"（", "("})) {
    std::string_view inner = t;
    if ((value = ConsumeChineseSmall(&inner)) > 0 && ConsumeAny(&inner, {"）", ")"})) {
      style = LabelStyle::kChineseParen;
      t = inner;
    } else if (inner = t, (value = ConsumeArabicSmall(&inner)) > 0 && ConsumeAny(&inner, {"）", ")"})) {
      style = LabelStyle::kArabicParen;
      t = inner;
    }
  } else if ((value = ConsumeChineseSmall(&t)) > 0) {
    if (ConsumeAny(&t, {"、"})) style = LabelStyle::kChineseComma;
  } else if ((value = ConsumeArabicSmall(&t)) > 0) {
    if (ConsumeAny(&t, {"、"})) {
      style = LabelStyle::kArabicComma;
    } else if (ConsumeAny(&t, {".", "．"}) && (!StartsWithDigit(t) || StartsWithYear(t))) {
      style = LabelStyle::kArabicDot;
    }
  } else if ((value = ConsumeCircled(&t)) > 0) {
    style = LabelStyle::kCircled;
  }

  if (style == LabelStyle::kNone) {
    if (rest) *rest = std::string(text);
    return result;
  }
  const size_t consumed = text.size() - t.size();
  const size_t trailing = SpacePrefixLength(t);
  result.style = style;
  result.value = value;
  result.label = std::string(text.substr(0, consumed + trailing));
  if (rest) *rest = std::string(t.substr(trailing));
  return result;
}

int LabelStyleLevel(LabelStyle style) {
  switch (style) {
    case LabelStyle::kNone: return 0;
    case LabelStyle::kChineseComma: return 1;
    case LabelStyle::kChineseParen: return 2;
    case LabelStyle::kArabicDot:
    case LabelStyle::kArabicComma: return 3;
    case LabelStyle::kArabicParen: return 4;
    case LabelStyle::kCircled: return 5;
  }
  return 0;
}

const char* LabelStyleName(LabelStyle style) {
  switch (style) {
    case LabelStyle::kNone: return "none";
    case LabelStyle::kChineseComma: return "chinese_comma";
    case LabelStyle::kChineseParen: return "chinese_paren";
    case LabelStyle::kArabicDot: return "arabic_dot";
    case LabelStyle::kArabicComma: return "arabic_comma";
    case LabelStyle::kArabicParen: return "arabic_paren";
    case LabelStyle::kCircled: return "circled";
  }
  return "none";
}

}  // namespace jixiao
