// White space as Word, WPS and LibreOffice put it in Chinese reports: ASCII
// spaces, tabs, line breaks, the ideographic space U+3000 and NBSP.
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

// The text without that white space at either end ("　　七、" → "七、").
std::string TrimSpaces(std::string_view text);

// The text without any of that white space ("产出指标\n\n(50分)" → "产出指标(50分)").
std::string RemoveSpaces(std::string_view text);

}  // namespace jixiao
