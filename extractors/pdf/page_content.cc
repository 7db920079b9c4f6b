// UTF-8 and script helpers shared by the passes. Covered by pdf_test.cc
// (CjkJoin).
#include "extractors/pdf/page_content.h"

#include "pipeline/model/text_util.h"

namespace jixiao::pdf {

bool IsCjk(char32_t c) {
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

static char32_t Decode(const std::string& s, size_t i, size_t* len) {
  size_t next = i;
  char32_t c = DecodeUtf8(s, &next);
  *len = next - i;
  return c;
}

char32_t FirstCodePoint(const std::string& s) {
  if (s.empty()) return 0;
  size_t len;
  return Decode(s, 0, &len);
}

char32_t LastCodePoint(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t len;
  return Decode(s, i, &len);
}

}  // namespace jixiao::pdf
