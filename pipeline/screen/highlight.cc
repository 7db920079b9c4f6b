// The figure of a piece of evidence found in its quote (highlight.h).
// Covered by pipeline/screen/highlight_test.cc.
#include "pipeline/screen/highlight.h"

#include "pipeline/model/html.h"
#include "pipeline/numbers/decimal.h"
#include "pipeline/numbers/quantity.h"

namespace jixiao {

using numbers::Decimal;

std::optional<HighlightSpan> FindFigure(std::string_view quote, const std::string& value, const std::string& unit) {
  if (value.empty() || quote.empty()) return std::nullopt;
  std::optional<Decimal> want = Decimal::Parse(value);
  if (want) {
    std::optional<HighlightSpan> first;
    for (const numbers::Quantity& q : numbers::FindQuantities(quote)) {
      bool same = q.value == *want || q.canonical == *want || (q.value_hi && *q.value_hi == *want);
      if (!same || q.span.end <= q.span.begin || q.span.end > quote.size()) continue;
      HighlightSpan s{q.span.begin, q.span.end};
      if (unit.empty() || q.unit == unit || q.unit_as_written == unit || q.canonical_unit == unit) return s;
      if (!first) first = s;
    }
    if (first) return first;
  }
  size_t at = quote.find(value);
  if (at == std::string_view::npos) return std::nullopt;
  return HighlightSpan{at, at + value.size()};
}

std::string HighlightHtml(std::string_view quote, const std::string& value, const std::string& unit) {
  std::optional<HighlightSpan> s = FindFigure(quote, value, unit);
  if (!s) return HtmlEscape(quote);
  return HtmlEscape(quote.substr(0, s->begin)) + "<mark>" + HtmlEscape(quote.substr(s->begin, s->end - s->begin)) +
         "</mark>" + HtmlEscape(quote.substr(s->end));
}

std::string HighlightHtml(const Evidence& evidence) {
  return HighlightHtml(evidence.quote, evidence.value, evidence.unit);
}

}  // namespace jixiao
