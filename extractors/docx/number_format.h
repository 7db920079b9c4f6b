// Rendering of list counters in the number formats of WordprocessingML
// (w:numFmt): 3 → "三" (chineseCounting), "③" (decimalEnclosedCircle),
// "丙" (ideographTraditional), "C" (upperLetter)...
#pragma once

#include <string>
#include <string_view>

namespace jixiao::docx {

// Renders value (≥ 0) in format `fmt` (the w:numFmt w:val). Formats jixiao
// does not know render as decimal and set *known = false (when known is not
// null). "none" and "bullet" render as "" (a bullet's glyph is its lvlText).
//
// Chinese formats follow what Word shows: chineseCounting 1..99 as 一..九十九
// (十一, 二十), from 100 digit by digit (一〇一); chineseCountingThousand
// with 百/千/万 and 零 (一百零一, 十一); chineseLegalSimplified with 壹贰叁
// and 拾佰仟; ideographTraditional 甲..癸 then decimal; ideographZodiac
// 子..亥 then decimal; decimalEnclosedCircle ①..⑳ then decimal.
std::string FormatNumber(std::string_view fmt, int value, bool* known = nullptr);

}  // namespace jixiao::docx
