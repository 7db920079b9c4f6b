// 繁→简 through OpenCC, one character at a time so that offsets stay those
// of the original (quotes and evidence are taken verbatim from it). Covered
// by model_test.cc (SimplifiedTest) and the traditional-character variants
// of corpus/narrative.
#include <opencc/opencc.h>

#include <memory>
#include <unordered_map>

#include "pipeline/model/simplified.h"
#include "pipeline/model/utf8.h"

namespace jixiao {
namespace {

// One converter and one cache per thread: OpenCC's handle is not documented
// as thread-safe, and a report has a few thousand distinct characters.
class Converter {
 public:
  Converter() {
    handle_ = opencc_open("t2s.json");
    if (handle_ == reinterpret_cast<opencc_t>(-1)) handle_ = nullptr;
  }
  ~Converter() {
    if (handle_) opencc_close(handle_);
  }
  char32_t Convert(char32_t c, std::string_view utf8) {
    auto it = cache_.find(c);
    if (it != cache_.end()) return it->second;
    char32_t out = c;
    if (handle_) {
      char* converted = opencc_convert_utf8(handle_, utf8.data(), utf8.size());
      if (converted) {
        const std::string_view result(converted);
        size_t i = 0;
        const char32_t first = result.empty() ? c : DecodeUtf8(result, &i);
        // Only a one-for-one character of the same length keeps offsets.
        if (i == result.size() && result.size() == utf8.size()) out = first;
        opencc_convert_utf8_free(converted);
      }
    }
    cache_.emplace(c, out);
    return out;
  }

 private:
  opencc_t handle_ = nullptr;
  std::unordered_map<char32_t, char32_t> cache_;
};

}  // namespace

std::string ToSimplified(std::string_view text) {
  thread_local Converter converter;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out.push_back(text[i++]);
      continue;
    }
    const size_t start = i;
    const char32_t c = DecodeUtf8(text, &i);
    if (c == 0xFFFD || i - start < 3) {  // ill-formed, or Latin/Greek: no Chinese to convert
      out.append(text.substr(start, i - start));
      continue;
    }
    const char32_t s = converter.Convert(c, text.substr(start, i - start));
    if (s == c) out.append(text.substr(start, i - start));
    else AppendUtf8(s, &out);
  }
  return out;
}

}  // namespace jixiao
