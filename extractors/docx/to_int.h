// ToInt: the integer reading of a WordprocessingML attribute value (w:val of
// w:ilvl, w:numId, w:start, w:gridSpan, ...). Internal to extractors/docx.
//
// Contract: leading decimal digits as strtol reads them ("12abc" is 12);
// `fallback` when the value is empty, has no digits, or lies outside
// [-1000000, 100000000]. No real document comes near those bounds; they exist
// so a hostile value can neither overflow an int nor make list counters that
// count up from a w:start overflow. One range for every caller, so a w:numId
// that numbering.xml accepts is also accepted where a paragraph or a style
// refers to it.
#pragma once

#include <cstdlib>
#include <string>

namespace jixiao::docx {

inline int ToInt(const std::string& s, int fallback) {
  if (s.empty()) return fallback;
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (end == s.c_str() || v < -1000000 || v > 100000000) return fallback;
  return static_cast<int>(v);
}

}  // namespace jixiao::docx
