// Typed numbering labels at the start of a paragraph ("一、", "（二）", "3.",
// "（1）", "1、", "①"), recognised the same way for every format so the
// numbering checks see DOCX and PDF alike.
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

enum class LabelStyle {
  kNone,
  kChineseComma,        // 一、
  kChineseParen,        // （一） or (一)
  kArabicDot,           // 1.  1．
  kArabicComma,         // 1、
  kArabicParen,         // （1） or (1)
  kCircled,             // ①
};

struct NumberingLabel {
  LabelStyle style = LabelStyle::kNone;
  // Verbatim, including the spaces typed before and after it, so that
  // label + rest reproduces the source line ("（2） 项目支出情况" gives
  // label "（2） " and rest "项目支出情况").
  std::string label;
  int value = 0;      // 1-based ordinal: 一 → 1, （十二） → 12, ③ → 3
};

// Recognises a label at the start of text. On success returns the label and
// sets *rest to the text after it; when there is no label, returns kNone and
// *rest is the whole text. Numbers followed by units or decimals ("2024年",
// "1.5万元", "3个") are not labels; "2.2024年度…" is label "2." before a year.
NumberingLabel SplitNumberingLabel(std::string_view text, std::string* rest);

// The usual outline level of a label style in these reports:
// 一、 → 1, （一） → 2, 1. / 1、 → 3, （1） → 4, ① → 5; kNone → 0.
int LabelStyleLevel(LabelStyle style);

const char* LabelStyleName(LabelStyle style);

}  // namespace jixiao
