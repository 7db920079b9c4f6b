// Pass 4: a ruled table region → cell grid with row and column spans, and
// the page's words placed into their cells.
#pragma once

#include <deque>
#include <vector>

#include "extractors/pdf/page_content.h"
#include "extractors/pdf/ruling.h"

namespace jixiao::pdf {

// Builds the grid of `group`: column edges from its vertical lines, row edges
// from its horizontal lines, cells merged where the line between two grid
// positions is missing. `words` are the words whose centre lies in the
// table's box; a word that crosses a cell border is split there. Cell lines
// are built with BuildLines. Returns false (and leaves *table empty) when the
// grid is degenerate (a single cell, or absurdly many).
bool BuildGrid(const RulingGroup& group, const std::vector<const Word*>& words, int page,
               PageTable* table, double tol = 2.0);

}  // namespace jixiao::pdf
