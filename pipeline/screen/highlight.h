// Where a finding's figure stands in its quote, for every page that shows a
// quote with the figure marked (report.html, the review server).
//
// Covered by pipeline/screen/highlight_test.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/checks/finding.h"

namespace jixiao {

struct HighlightSpan {
  size_t begin = 0, end = 0;  // bytes [begin, end) of the quote
};

// The span of the figure `value` (a decimal string, "24", as Evidence::value)
// in `quote`: the figure as the number scanner reads it ("≥50个", "24万元",
// "二十四", "1,234.50"), its value equal to `value` as written or in its
// canonical unit; a figure whose unit is `unit` is preferred, then the first.
// Failing that, `value` as plain text. nullopt when value is empty or not in
// the quote.
std::optional<HighlightSpan> FindFigure(std::string_view quote, const std::string& value,
                                        const std::string& unit = "");

// The quote as HTML (escaped), with the figure wrapped in <mark>..</mark>
// when FindFigure finds it.
std::string HighlightHtml(std::string_view quote, const std::string& value, const std::string& unit = "");
// The same for a piece of evidence (its quote, value and unit).
std::string HighlightHtml(const Evidence& evidence);

}  // namespace jixiao
