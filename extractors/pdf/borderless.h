// Pass 4b: tables without ruling lines, found from text alignment: runs of
// consecutive lines that break into pieces at wide gaps, the pieces of all
// lines falling into the same column bands.
#pragma once

#include <vector>

#include "extractors/pdf/page_content.h"

namespace jixiao::pdf {

// Finds borderless tables among `words` (the page's words outside ruled
// tables). Found tables are appended to *tables (ruled = false, one row per
// line, 1x1 cells); the words they take get (*used)[i] = true, where i is the
// index of the word in `words`. A run of lines qualifies with at least
// `min_rows` lines of at least two pieces each, at least two column bands,
// and columns that are not simply two justified text columns.
void FindBorderlessTables(const std::vector<const Word*>& words, int page, double page_height,
                          std::vector<PageTable>* tables, std::vector<bool>* used,
                          int min_rows = 3);

}  // namespace jixiao::pdf
