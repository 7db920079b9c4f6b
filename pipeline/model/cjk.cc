// The code-point predicates of cjk.h. Covered by utf8_test.cc.
#include "pipeline/model/cjk.h"

#include <string_view>

#include "pipeline/model/utf8.h"

namespace jixiao {

bool IsHanIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

bool HasHanIdeograph(std::string_view text) {
  for (Utf8Cursor c(text); !c.Done();)
    if (IsHanIdeograph(c.Next().value)) return true;
  return false;
}

bool IsChineseCharacter(char32_t c) { return IsHanIdeograph(c) || c == 0x3007; }

bool IsKana(char32_t c) { return c >= 0x3040 && c <= 0x30FF; }

bool JoinsWithoutSpace(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||   // radicals
         (c >= 0x3000 && c <= 0x303F) ||   // CJK punctuation
         (c >= 0x3040 && c <= 0x30FF) ||   // kana
         (c >= 0x3100 && c <= 0x31BF) ||   // bopomofo
         (c >= 0x31C0 && c <= 0x9FFF) ||   // strokes .. unified ideographs
         (c >= 0xAC00 && c <= 0xD7AF) ||   // hangul
         (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||   // compatibility forms
         (c >= 0xFF00 && c <= 0xFFEF) ||   // full-width forms
         (c >= 0x20000 && c <= 0x3FFFF) ||
         c == 0x2014 || c == 0x2026 || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0x00B7;
}

bool NeverStartsLine(char32_t c) {
  static constexpr std::u32string_view kClosing = U"，。、；：？！）」』”’》〉】,.;:?!)";
  return kClosing.find(c) != std::u32string_view::npos;
}

bool NeverEndsLine(char32_t c) {
  static constexpr std::u32string_view kOpening = U"（「『“‘《〈【(";
  return kOpening.find(c) != std::u32string_view::npos;
}

}  // namespace jixiao
