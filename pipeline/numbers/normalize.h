// Normalisation of report text before figures are read, keeping the way back
// to the original bytes.
//
// Reports mix full-width and half-width forms (２４万元, ％, （）, ≧), and Word /
// LibreOffice put spaces between digits and Chinese characters (≥60 次). The
// scanner reads a normalised copy; everything it reports (spans, raw text)
// must still point into the ORIGINAL string, so normalisation keeps, for every
// byte it produces, the original byte range it came from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::numbers {

struct NormalizeOptions {
  // Unicode NFKC (ICU): full-width digits, letters and signs become ASCII,
  // U+3000 and other spaces become U+0020, ㎡ becomes m2, compatibility
  // ideographs become unified ones.
  bool nfkc = true;
  // Keep the full-width comma "，" (NFKC would make it ","): in Chinese it
  // separates clauses, never digit groups, and as "," it would turn
  // "24，300" into something that looks like one grouped number.
  bool keep_fullwidth_comma = true;
  // Keep circled numbers (① … ⑳ ㉑ … ㊿, ❶ …) as they are: they label list
  // items, and NFKC would make "①加强" read as the number 1.
  bool keep_circled_numbers = true;
  // ≧ → ≥, ≦ → ≤, ⩾ → ≥, ⩽ → ≤. NFKC does not fold these (they are not
  // compatibility characters) but reports use them for ≥ / ≤.
  bool fold_inequalities = true;
  // Drop zero-width characters (U+200B..U+200D, U+2060, U+FEFF) and the soft
  // hyphen: invisible, yet they split "2​4" into two numbers.
  bool drop_invisible = true;
  // Remove runs of spaces (after NFKC: U+0020, also from U+3000 and U+00A0)
  // between a digit or numeric sign and a CJK character, in either order, and
  // between a comparator sign and a digit ("≥60 次" → "≥60次", "≥ 60" → "≥60").
  // Spaces between two digits and between two CJK characters are kept. Tabs
  // and line breaks are never touched: they carry table structure.
  bool join_digit_cjk_spaces = true;
};

// The normalised text and, for each of its bytes, the original byte range
// [begin, end) of the character (or ICU normalisation segment) it came from.
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> orig_begin;  // size() == text.size()
  std::vector<uint32_t> orig_end;    // size() == text.size()
  size_t original_size = 0;

  // Maps the normalised byte span [begin, end) to the original span that
  // covers exactly the characters it was made from. An empty span maps to an
  // empty span at the original position of `begin` (original_size at the end).
  // Requires begin <= end <= text.size().
  std::pair<size_t, size_t> ToOriginal(size_t begin, size_t end) const;
};

// Normalises UTF-8 text. Never fails: ill-formed UTF-8 bytes become U+FFFD,
// each mapped to the byte it replaced. Deterministic and locale-independent.
NormalizedText Normalize(std::string_view utf8, const NormalizeOptions& options = {});

// Convenience: Normalize(utf8, options).text.
std::string NormalizeString(std::string_view utf8, const NormalizeOptions& options = {});

}  // namespace jixiao::numbers
