// White-space and UTF-8 helpers. Covered by model_test.cc.
#include "pipeline/model/text_util.h"

namespace jixiao {
namespace {

// Length of the white-space character at text[i], or 0.
size_t SpaceAt(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (text.substr(i, 3) == "\u3000") return 3;
  if (text.substr(i, 2) == "\u00a0") return 2;
  return 0;
}

// Length of the white-space character that ends at text[end), or 0.
size_t SpaceBefore(std::string_view text, size_t end) {
  if (end >= 1 && SpaceAt(text, end - 1) == 1) return 1;
  if (end >= 2 && text.substr(end - 2, 2) == "\u00a0") return 2;
  if (end >= 3 && text.substr(end - 3, 3) == "\u3000") return 3;
  return 0;
}

}  // namespace

char32_t DecodeUtf8(std::string_view text, size_t* i) {
  unsigned char c = static_cast<unsigned char>(text[*i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > text.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(text[*i + k]);
    if ((d >> 6) != 2) {
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

std::string TrimSpaces(std::string_view text) {
  size_t begin = 0, end = text.size(), n;
  while (begin < end && (n = SpaceAt(text, begin)) > 0) begin += n;
  while (end > begin && (n = SpaceBefore(text, end)) > 0) end -= n;
  return std::string(text.substr(begin, end - begin));
}

std::string RemoveSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t n = SpaceAt(text, i);
    if (n > 0) {
      i += n;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace jixiao
