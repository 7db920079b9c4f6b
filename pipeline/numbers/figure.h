// Figure: one numeral read in normalised text together with the unit, year or
// date after it, before qualifiers and ranges make it a Quantity. Internal to
// jixiao_numbers (scanner.cc); other modules use quantity.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/numbers/chinese_numeral.h"
#include "pipeline/numbers/quantity.h"

namespace jixiao::numbers::internal {

struct Cp {
  char32_t c = 0;
  size_t len = 0;  // bytes; 0 past either end of the text
};

// Code-point access to UTF-8 text by byte offset.
struct TextView {
  std::string_view s;
  // The code point starting at pos (U+FFFD for an ill-formed byte).
  Cp At(size_t pos) const;
  // The code point ending at pos.
  Cp Before(size_t pos) const;
  std::string_view From(size_t pos) const { return s.substr(std::min(pos, s.size())); }
  std::string_view Upto(size_t pos) const { return s.substr(0, std::min(pos, s.size())); }
};

struct Figure {
  size_t begin = 0, num_end = 0, end = 0;  // numeral [begin, num_end); unit up to end
  NumeralMatch n;
  bool negative = false;
  bool has_unit = false;
  QuantityKind kind = QuantityKind::kNumber;
  std::string unit, unit_as_written, canonical_unit;
  bool typo = false;        // a known misspelt measure word
  int unit_exp = 0;         // the unit absorbs 10^unit_exp (4 for 万元): value = full ÷ 10^unit_exp
  int canonical_shift = 0;  // ‰ → -1
  // Years and dates.
  Date date;
  int date_precision = 0;  // 1 year, 2 month, 3 day
  bool end_of_period = false, start_of_period = false;  // 年底 / 月末, 年初

  Decimal full() const { return negative ? -n.value : n.value; }
  Decimal significand() const { return negative ? -n.significand : n.significand; }
  bool is_dateish() const { return kind == QuantityKind::kDate || kind == QuantityKind::kYear; }
};

// Reads a numeral at pos and what follows it: a year or date (2024年12月31日,
// 12月31日, 2024年底), a duration in years (3年), a unit word (lexicon.h) with
// the numeral's 万 / 亿 folded into it (24万元), or nothing. nullopt when no
// numeral starts at pos. `negative` marks a '-' already read before pos.
std::optional<Figure> ReadFigure(const TextView& t, size_t pos, bool negative);

// 2024-12-31, 2024/12/31, 2024.12.31 at pos with a valid month and day.
std::optional<Figure> ReadIsoDate(const TextView& t, size_t pos);

// Days in month m of year y (29 for February when y is 0: unknown).
int DaysInMonth(int y, int m);

// First and last day of a date as yyyymmdd (mmdd without a year); for a year
// (or a range of years ending at hi), the first and last year.
void DateBounds(const Figure& f, const std::optional<Figure>& hi, Decimal* lo, Decimal* up);

// The interval a figure stands for under the rules documented in quantity.h,
// in canonical units (‰ already shifted to %).
Interval FigureInterval(const Figure& f, const std::optional<Figure>& hi, Comparator cmp, Approx approx);

}  // namespace jixiao::numbers::internal
