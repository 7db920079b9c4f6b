// Pass 3: ruling segments → table regions. Merges collinear segments into
// ruling lines and groups lines that touch into candidate tables.
#pragma once

#include <vector>

#include "extractors/pdf/page_content.h"

namespace jixiao::pdf {

// A group of ruling lines that touch each other: one ruled table.
struct RulingGroup {
  std::vector<Segment> horizontal;  // merged, sorted by y then x
  std::vector<Segment> vertical;    // merged, sorted by x then y
  Box box;
};

// Finds ruled tables among the page's segments: groups with at least two
// horizontal and two vertical lines, not covering a single cell only.
// Tolerance `tol` (points) for "the same line" and "touching".
std::vector<RulingGroup> FindRulingGroups(const std::vector<Segment>& segments, double tol = 2.0);

}  // namespace jixiao::pdf
