// The per-page layout passes and the document-level joining, in the order
// ExtractPdf runs them:
//   LayoutPage          tables (ruling.cc + grid.cc, borderless.cc) and body lines with their
//                       reading-order position (reading_order.cc)
//   RemovePageFurniture repeated headers/footers, page numbers (page_join.cc)
//   BuildPageItems      lines → paragraphs, tables placed among them
//                       (paragraphs.cc)
//   AppendPages         paragraphs and tables continued across page breaks
//                       joined; blocks and headings into the model (page_join.cc)
#pragma once

#include <string>
#include <vector>

#include "extractors/pdf/page_content.h"
#include "pipeline/model/document.h"

namespace jixiao::pdf {

// Finds the page's ruled tables, places the words into cells, and builds the
// remaining (body) lines, each tagged with its section and column (two-column
// pages are read column by column within the band they share).
void LayoutPage(const PageContent& page, PageLayout* layout);

// Removes lines that are page furniture: text repeated at the same place in
// the top or bottom band of most pages (digits ignored), and page numbers
// ("第 3 页", "- 3 -", "3/14", "3") in those bands. Adds an info diagnostic
// with the count.
void RemovePageFurniture(std::vector<PageLayout>* pages, Document* doc);

// Paragraphs of the page (lines grouped by gaps, indents, short last lines,
// font changes and numbering labels) and its tables, in reading order.
std::vector<PageItem> BuildPageItems(const PageLayout& layout);

// The paragraphs of a table cell: lines of one paragraph joined CJK-style; a
// new paragraph after a line that left room for the next line's first word
// (cell width less `padding` on each side), that ends short of the cell's
// other lines, or before a line that starts with a numbering label.
std::vector<std::string> CellParagraphs(const PageCell& cell, double padding);

// The table's cell padding: the smallest gap between a cell's left border
// and its text.
double CellPadding(const PageTable& table);

// Width of what would have to start a line if `l` were wrapped onto it: its
// first CJK character or Latin word with the closing punctuation line
// breaking keeps attached (`95%。`, `12场，`), scaled to the line's font as
// drawn. A line that ended short by less than this was wrapped, not ended.
double FirstUnitWidth(const Line& l);

// Whether digits meeting at a line wrap (`before` ends with a digit or '.',
// `after` starts with one) are one figure cut by the wrap ("202640" / "0元",
// "≤202." / "6万元"), not two figures: never when the joined digits could
// not be one figure (two decimal points, a leading zero) or are two years
// ("2023" / "2024年": both 19xx/20xx, or a year marker after more than four
// digits where the second part alone is a year).
bool JoinsAsOneFigure(const std::string& before, const std::string& after);

// Joins the text of consecutive lines of one paragraph: without a space
// where JoinsAsOneFigure, else with the separator of the scripts meeting.
std::string JoinLines(const std::vector<Line>& lines);

// Appends the pages' items to doc->blocks: a paragraph cut by a page break is
// joined, a table continued on the next page (same column edges) is joined
// with a repeated header row dropped; headings are recognised from numbering
// labels and font size/weight.
void AppendPages(std::vector<std::vector<PageItem>> pages, Document* doc);

}  // namespace jixiao::pdf
