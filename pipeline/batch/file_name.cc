// File names as valid UTF-8: UTF-8, else GB18030 through ICU, else escaped
// bytes (see file_name.h). Covered by pipeline/batch/hostile_test.cc.
#include "pipeline/batch/file_name.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "pipeline/model/utf8.h"

namespace jixiao::batch {
namespace {

// GB18030 → UTF-8; false when the bytes are not GB18030.
bool FromGb18030(std::string_view bytes, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("GB18030", &err), ucnv_close);
  if (U_FAILURE(err)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return false;
  std::vector<UChar> buf(bytes.size() * 2 + 4);
  int32_t n = ucnv_toUChars(conv.get(), buf.data(), static_cast<int32_t>(buf.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) return false;
  out->clear();
  icu::UnicodeString(buf.data(), n).toUTF8String(*out);
  return IsValidUtf8(*out);
}

std::string DisplayComponent(std::string_view c) {
  if (IsValidUtf8(c)) return std::string(c);
  std::string converted;
  if (FromGb18030(c, &converted)) return converted;
  std::string out;
  for (size_t i = 0; i < c.size();) {
    size_t len = WellFormedUtf8Length(c, i);
    if (len > 0) {
      out.append(c.substr(i, len));
      i += len;
    } else {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\x%02X", static_cast<unsigned char>(c[i]));
      out += esc;
      ++i;
    }
  }
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t len = WellFormedUtf8Length(text, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string DisplayPath(std::string_view raw) {
  if (IsValidUtf8(raw)) return std::string(raw);
  std::string out;
  size_t start = 0;
  for (;;) {
    size_t slash = raw.find('/', start);
    out += DisplayComponent(raw.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

}  // namespace jixiao::batch
