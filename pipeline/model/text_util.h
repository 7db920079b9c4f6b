// White space as Word, WPS and LibreOffice put it in Chinese reports: ASCII
// spaces, tabs, line breaks, the ideographic space U+3000 and NBSP.
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

// The text without that white space at either end ("　　七、" → "七、").
std::string TrimSpaces(std::string_view text);

// Decodes the UTF-8 sequence at text[*i] and moves *i past it. A byte that
// does not start a valid sequence gives U+FFFD and moves *i by one.
char32_t DecodeUtf8(std::string_view text, size_t* i);

// Appends the UTF-8 encoding of a code point (U+FFFD for a surrogate or a
// value beyond U+10FFFF).
void AppendUtf8(char32_t code_point, std::string* out);

// The text without any of that white space ("产出指标\n\n(50分)" → "产出指标(50分)").
std::string RemoveSpaces(std::string_view text);

}  // namespace jixiao

namespace jixiao {

// The text with traditional characters written as simplified (項目支出 →
// 项目支出, 決算 → 决算, 萬元 → 万元), character by character through OpenCC's
// t2s character table, keeping every character's UTF-8 length: byte offsets
// into the result are byte offsets into `text`, so spans and quotes can be
// taken from the original. Text already simplified comes back unchanged.
// Without OpenCC's data the text comes back unchanged.
std::string ToSimplified(std::string_view text);

}  // namespace jixiao
