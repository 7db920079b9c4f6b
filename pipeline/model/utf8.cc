// The UTF-8 decoder, encoder and boundary helpers of utf8.h. Covered by
// utf8_test.cc.
#include "pipeline/model/utf8.h"

namespace jixiao {

char32_t DecodeUtf8(std::string_view text, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(text[*i]);
  const int len = Utf8LeadLength(c);
  if (len == 0 || *i + len > text.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    const unsigned char d = static_cast<unsigned char>(text[*i + k]);
    if (!IsUtf8Continuation(d)) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  *i += len;
  return cp;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t WellFormedUtf8Length(std::string_view text, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  const size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k)
    if (!IsUtf8Continuation(b(i + k))) return 0;
  if (c == 0xE0 && b(i + 1) < 0xA0) return 0;  // overlong
  if (c == 0xED && b(i + 1) > 0x9F) return 0;  // surrogates
  if (c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
  if (c == 0xF4 && b(i + 1) > 0x8F) return 0;  // beyond U+10FFFF
  return len;
}

size_t Utf8BoundaryBefore(std::string_view text, size_t pos) {
  if (pos >= text.size()) return text.size();
  while (pos > 0 && IsUtf8Continuation(static_cast<unsigned char>(text[pos]))) --pos;
  return pos;
}

size_t Utf8BoundaryAfter(std::string_view text, size_t pos) {
  while (pos < text.size() && IsUtf8Continuation(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos < text.size() ? pos : text.size();
}

size_t Utf8Back(std::string_view text, size_t pos, int n) {
  while (n-- > 0 && pos > 0) pos = Utf8BoundaryBefore(text, pos - 1);
  return pos;
}

size_t Utf8Forward(std::string_view text, size_t pos, int n) {
  while (n-- > 0 && pos < text.size()) pos = Utf8BoundaryAfter(text, pos + 1);
  return pos;
}

size_t CountCodePoints(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += !IsUtf8Continuation(static_cast<unsigned char>(c));
  return n;
}

char32_t FirstCodePoint(std::string_view text) {
  if (text.empty()) return 0;
  size_t i = 0;
  return DecodeUtf8(text, &i);
}

std::string_view LastCharacter(std::string_view text) {
  if (text.empty()) return {};
  return text.substr(Utf8BoundaryBefore(text, text.size() - 1));
}

char32_t LastCodePoint(std::string_view text) {
  if (text.empty()) return 0;
  size_t i = Utf8BoundaryBefore(text, text.size() - 1);
  return DecodeUtf8(text, &i);
}

}  // namespace jixiao
