// What the PDF back-end keeps of one page between its passes: words with
// boxes and fonts (text_collect.cc), ruling segments (text_collect.cc,
// merged in ruling.cc), lines (line_build.cc) and the page's items in reading
// order (paragraphs.cc, grid.cc), later joined across pages (page_join.cc).
// All coordinates are points, origin top-left of the page as displayed
// (page rotation applied), y growing downwards.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/model/text_util.h"

namespace jixiao::pdf {

// A run of glyphs poppler grouped as one word (no internal gap).
struct Word {
  std::string text;            // UTF-8
  Box box;
  std::vector<float> edges;    // x of each glyph's left edge, plus the right edge of the last
  std::vector<int> char_bytes; // UTF-8 byte length of each glyph's text
  double font_size = 0;
  double base = 0;             // baseline y (rot 0); 0 when unknown
  bool bold = false;
  bool space_after = false;    // a space glyph followed this word in the content
  int rot = 0;                 // 0..3, quarter turns of the text on the page
  bool unmapped_font = false;  // its font has no usable Unicode mapping (ocr_pages.h)
};

// A horizontal (y0 == y1) or vertical (x0 == x1) ruling segment.
struct Segment {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool horizontal() const { return y0 == y1; }
};

// One line of text: words on a common baseline, left to right.
struct Line {
  std::string text;
  Box box;
  double font_size = 0;   // of most glyphs
  bool bold = false;      // all words bold
  int page = 0;           // 1-based
  // Reading-order position on a page (reading_order.cc): sections are
  // horizontal bands cut by full-width content; columns run inside a section.
  int section = 0;
  int column = 0;
};

// A table found on one page: grid edges and cells with their lines.
struct PageCell {
  int row = 0, col = 0, rowspan = 1, colspan = 1;
  Box box;
  std::vector<Line> lines;
};

struct PageTable {
  std::vector<double> xs;  // column edges, ascending (cols + 1 values)
  std::vector<double> ys;  // row edges, ascending (rows + 1 values)
  std::vector<PageCell> cells;  // sorted by (row, col)
  bool ruled = true;            // false: columns found from text alignment
  // No rule closes the table at its bottom / top: the cell sides run on to
  // the edge of the page or clip (a row cut by a page break, as Chromium
  // draws it).
  bool open_bottom = false, open_top = false;
  Box box;
  int section = 0, column = 0;  // reading-order position, as for Line
  double page_height = 0;
};

// One item of a page in reading order: a paragraph (its lines) or a table.
struct PageItem {
  bool is_table = false;
  std::vector<Line> lines;  // paragraph
  PageTable table;          // table
  Box box;
  // Paragraphs: the first line starts at the left margin without a label (it
  // may continue a paragraph from the previous page); the last line reaches
  // the right margin (it may go on on the next page).
  bool open_start = false;
  bool open_end = false;
  double end_room = 0;  // paragraphs: right margin − end of the last line
  double end_em = 0;    // font size of the last line
};

// A page after the layout pass: body lines (outside tables) in reading order
// and tables. What is kept of a page until the whole document is read.
struct PageLayout {
  int number = 0;
  double width = 0, height = 0;
  std::vector<Line> lines;
  std::vector<PageTable> tables;
  int columns = 1;
  bool ocr = false;  // read by OCR: its text may differ a little from page to page
};

struct PageContent {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  bool rotated = false;  // read turned so that its text is upright
  std::vector<Word> words;
  std::vector<Segment> segments;
  // For the reason a page without text gets: words left out because their
  // position is out of range (a page of 10^9 points).
  size_t words_out_of_range = 0;
  bool size_out_of_range = false;
  // Resolution (pixels per inch) of the image that fills the page, when one
  // does (a scan); 0 otherwise. OCR renders the page at it rather than
  // resampling the scan's pixels (see ocr::RenderDpi).
  int image_dpi = 0;
};

// A Kangxi radical (U+2F00–U+2FD5), CJK radical supplement form or CJK
// compatibility ideograph as the unified ideograph it stands for (its NFKC
// form): fonts that share one glyph between both code points make cairo and
// others write the radical in the ToUnicode map (`项⽬` for `项目`). Any other
// code point is returned as is.
char32_t UnifyIdeograph(char32_t c);


}  // namespace jixiao::pdf
