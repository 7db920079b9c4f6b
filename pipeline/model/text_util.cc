// White-space helpers. Covered by model_test.cc.
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
