// Pass 2: words → lines. Groups words that share a baseline, orders them left
// to right and joins their text: CJK without spaces, Latin words with one.
#pragma once

#include <vector>

#include "extractors/pdf/page_content.h"

namespace jixiao::pdf {

// Builds the lines of `words` (any order) on page `page`, sorted top to
// bottom. When split_gap_em > 0, a line is cut where the horizontal gap
// between two words exceeds split_gap_em × font size (the pieces are returned
// as separate lines); 0 keeps whole lines.
std::vector<Line> BuildLines(std::vector<const Word*> words, int page, double split_gap_em);

// The separator to put between two pieces of text that follow each other on
// a line (or across a line break inside a paragraph when `gap` < 0): "" or
// " ". `space_glyph` tells that the content had a space there.
const char* JoinSeparator(const std::string& left, const std::string& right, bool space_glyph,
                          bool wide_gap);

}  // namespace jixiao::pdf
