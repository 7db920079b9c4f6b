// Normalize(): NFKC through ICU, segment by segment, so that every output byte
// remembers the original bytes it came from; then the report-specific folds
// (≧ ≦, invisible characters) and the removal of Word's digit/CJK spaces.
// Covered by normalize_test.cc.
#include "pipeline/numbers/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "pipeline/model/cjk.h"
#include "pipeline/model/utf8.h"

namespace jixiao::numbers {

namespace {

bool IsSpace(UChar32 c) {
  return c == 0x20 || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F;
}
bool IsDigit(UChar32 c) { return c >= '0' && c <= '9'; }
// Signs that belong to a figure: spaces on either side of them are noise.
bool IsNumericSign(UChar32 c) {
  switch (c) {
    case '%': case 0x2030 /* ‰ */: case 0x2265 /* ≥ */: case 0x2264 /* ≤ */:
    case '<': case '>': case '=': case '~': case '+': case '-': case 0xB1 /* ± */:
    case 0x2248 /* ≈ */:
      return true;
    default:
      return false;
  }
}
bool IsCjk(UChar32 c) { return c >= 0 && IsChineseCharacter(static_cast<char32_t>(c)); }

// Report-specific replacement of one code point, decided before NFKC.
enum class Special { kNone, kDrop, kKeep, kReplace };
Special Classify(UChar32 c, const NormalizeOptions& o, UChar32* replacement) {
  if (o.drop_invisible &&
      (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0xAD)) {
    return Special::kDrop;
  }
  if (o.keep_fullwidth_comma && c == 0xFF0C) return Special::kKeep;
  // Circled and dingbat numbers (① … ⑳, ❶ …) are list labels; NFKC would turn
  // "①加强" into "1加强", a number.
  if (o.keep_circled_numbers &&
      ((c >= 0x2460 && c <= 0x2473) || c == 0x24EA || (c >= 0x24F5 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) ||
       (c >= 0x3251 && c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF))) {
    return Special::kKeep;
  }
  // The minus sign (−, and the small ﹣) is a minus: "差额−6万元" is −6.
  if (c == 0x2212 || c == 0xFE63) {
    *replacement = '-';
    return Special::kReplace;
  }
  if (o.fold_inequalities) {
    if (c == 0x2267 || c == 0x2A7E) {  // ≧ ⩾
      *replacement = 0x2265;
      return Special::kReplace;
    }
    if (c == 0x2266 || c == 0x2A7D) {  // ≦ ⩽
      *replacement = 0x2264;
      return Special::kReplace;
    }
  }
  return Special::kNone;
}

class Builder {
 public:
  explicit Builder(NormalizedText* out) : out_(out) {}
  void Append(std::string_view bytes, uint32_t b, uint32_t e) {
    out_->text.append(bytes);
    out_->orig_begin.insert(out_->orig_begin.end(), bytes.size(), b);
    out_->orig_end.insert(out_->orig_end.end(), bytes.size(), e);
  }
  void AppendCodePoint(UChar32 c, uint32_t b, uint32_t e) {
    std::string s;
    AppendUtf8(static_cast<char32_t>(c), &s);
    Append(s, b, e);
  }

 private:
  NormalizedText* out_;
};

// Stage 1: NFKC and the per-character folds.
NormalizedText NormalizeCharacters(std::string_view in, const NormalizeOptions& o) {
  NormalizedText out;
  out.original_size = in.size();
  out.text.reserve(in.size());
  Builder b(&out);
  const icu::Normalizer2* nfkc = nullptr;
  if (o.nfkc) {
    UErrorCode status = U_ZERO_ERROR;
    nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) nfkc = nullptr;  // no ICU data: fall back to the folds only
  }

  // The pending normalisation segment: code points between two boundaries.
  icu::UnicodeString chunk;
  uint32_t chunk_b = 0, chunk_e = 0;
  int chunk_cps = 0;
  UChar32 chunk_first = 0;
  icu::UnicodeString decomposition;
  auto flush = [&]() {
    if (chunk.isEmpty()) return;
    // Fast path, most characters of a report: a lone code point without a
    // (compatibility) decomposition is its own NFKC form.
    if (chunk_cps == 1 && nfkc != nullptr && !nfkc->getDecomposition(chunk_first, decomposition)) {
      b.Append(in.substr(chunk_b, chunk_e - chunk_b), chunk_b, chunk_e);
      chunk.remove();
      chunk_cps = 0;
      return;
    }
    std::string bytes;
    if (nfkc != nullptr) {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString norm = nfkc->normalize(chunk, status);
      if (U_SUCCESS(status)) {
        norm.toUTF8String(bytes);
      } else {
        chunk.toUTF8String(bytes);
      }
    } else {
      chunk.toUTF8String(bytes);
    }
    // NFKC can produce characters that the folds handle (none today), and it
    // turns U+FF0C into ','; those were handled before reaching the chunk.
    b.Append(bytes, chunk_b, chunk_e);
    chunk.remove();
    chunk_cps = 0;
  };

  const uint8_t* s = reinterpret_cast<const uint8_t*>(in.data());
  int32_t len = static_cast<int32_t>(in.size());
  int32_t i = 0;
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    uint32_t cb = static_cast<uint32_t>(start), ce = static_cast<uint32_t>(i);
    if (c < 0) {  // ill-formed: U+FFFD for the bytes U8_NEXT skipped
      flush();
      b.AppendCodePoint(0xFFFD, cb, ce);
      continue;
    }
    UChar32 repl = 0;
    switch (Classify(c, o, &repl)) {
      case Special::kDrop:
        flush();
        continue;
      case Special::kKeep:
        flush();
        b.AppendCodePoint(c, cb, ce);
        continue;
      case Special::kReplace:
        flush();
        b.AppendCodePoint(repl, cb, ce);
        continue;
      case Special::kNone:
        break;
    }
    if (nfkc == nullptr) {
      b.AppendCodePoint(c, cb, ce);
      continue;
    }
    if (!chunk.isEmpty() && nfkc->hasBoundaryBefore(c)) flush();
    if (chunk.isEmpty()) {
      chunk_b = cb;
      chunk_first = c;
    }
    chunk_e = ce;
    chunk.append(c);
    ++chunk_cps;
  }
  flush();
  return out;
}

// Stage 2: drop the spaces word processors put between digits and CJK.
NormalizedText JoinDigitCjkSpaces(NormalizedText in) {
  const uint8_t* s = reinterpret_cast<const uint8_t*>(in.text.data());
  int32_t len = static_cast<int32_t>(in.text.size());
  struct Cp {
    UChar32 c;
    int32_t b, e;
  };
  std::vector<Cp> cps;
  cps.reserve(in.text.size());
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    cps.push_back({c, start, i});
  }
  std::vector<bool> drop(cps.size(), false);
  bool any = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!IsSpace(cps[i].c) || i == 0) continue;
    size_t j = i;
    while (j < cps.size() && IsSpace(cps[j].c)) ++j;
    if (j == cps.size()) break;
    UChar32 p = cps[i - 1].c, n = cps[j].c;
    bool join = ((IsDigit(p) || IsNumericSign(p)) && (IsCjk(n) || IsNumericSign(n))) ||
                (IsCjk(p) && (IsDigit(n) || IsNumericSign(n))) || (IsNumericSign(p) && IsDigit(n));
    if (join) {
      for (size_t k = i; k < j; ++k) drop[k] = true;
      any = true;
    }
    i = j - 1;
  }
  if (!any) return in;
  NormalizedText out;
  out.original_size = in.original_size;
  out.text.reserve(in.text.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    if (drop[i]) continue;
    for (int32_t k = cps[i].b; k < cps[i].e; ++k) {
      out.text.push_back(in.text[k]);
      out.orig_begin.push_back(in.orig_begin[k]);
      out.orig_end.push_back(in.orig_end[k]);
    }
  }
  return out;
}

}  // namespace

std::pair<size_t, size_t> NormalizedText::ToOriginal(size_t begin, size_t end) const {
  if (begin >= end) {
    size_t at = begin < text.size() ? orig_begin[begin] : original_size;
    return {at, at};
  }
  return {orig_begin[begin], orig_end[end - 1]};
}

NormalizedText Normalize(std::string_view utf8, const NormalizeOptions& options) {
  NormalizedText t = NormalizeCharacters(utf8, options);
  if (options.join_digit_cjk_spaces) t = JoinDigitCjkSpaces(std::move(t));
  return t;
}

std::string NormalizeString(std::string_view utf8, const NormalizeOptions& options) {
  return Normalize(utf8, options).text;
}

}  // namespace jixiao::numbers
