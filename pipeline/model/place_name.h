// How a place in a report is named for reviewers, the same in findings
// (pipeline/checks) and in search hits (pipeline/archive), so that a reviewer
// who reads "正文第16段" in a finding finds the same paragraph by searching.
// Covered by model_test.cc.
#pragma once

#include <string>

namespace jixiao {

// Numbers as a reader counts them, 1-based, in document order: table_no over
// top-level tables, paragraph_no over paragraphs with visible text. row and
// col are 0-based grid positions (-1: not known), page is 1-based (-1: none).
// "表2 第5行第3列（第3页）" when table_no > 0, else "正文第12段（第3页）" when
// paragraph_no > 0, else just "第3页" (or "" without a page).
std::string PlaceName(int table_no, int row, int col, int paragraph_no, int page);

// True when the text has something besides spaces, tabs and U+3000: what
// counts as a paragraph for paragraph_no.
bool HasVisibleText(const std::string& text);

}  // namespace jixiao
