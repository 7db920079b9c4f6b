// Pass 7, across pages: page furniture (running headers/footers, page
// numbers) is removed from the body lines; then the pages' items become the
// document's blocks, with a paragraph cut by a page break joined, a table
// continued on the next page (column edges unified) joined and its repeated
// header rows dropped, a row or merged cell the break cut joined to what it
// continues (JoinAcrossBreak), and headings recognised from numbering labels
// and font size/weight. Covered by pdf_test.cc (HeaderFooterRemoved,
// TableAcrossPages, ParagraphAcrossPages, Headings), pdf_producer_test.cc
// (rows left open, wraps at the page foot) and the corpus/producers PDFs in
// pdf_accuracy_test.cc.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "extractors/pdf/layout.h"
#include "extractors/pdf/line_build.h"
#include "pipeline/model/numbering_label.h"
#include "pipeline/model/utf8.h"

namespace jixiao::pdf {

namespace {

constexpr double kBand = 0.12;  // top / bottom share of the page for furniture

// "第 3 页", "第3页 共14页", "- 3 -", "3/14", "3", "Page 3 of 14".
bool IsPageNumber(const std::string& text) {
  static const char* kTokens[] = {"\xe7\xac\xac", "\xe9\xa1\xb5", "\xe5\x85\xb1",  // 第 页 共
                                  "\xe2\x80\x94", "\xe2\x80\x93", "\xef\xbc\x8d",  // — – －
                                  "Page", "page", "of", "-", "/", " ", "\xef\xbc\x8f"};
  std::string s = text;
  bool digit = false;
  std::string rest;
  for (char c : s) {
    if (c >= '0' && c <= '9') digit = true;
    else rest += c;
  }
  if (!digit) return false;
  for (const char* t : kTokens) {
    std::string tok(t);
    size_t p;
    while ((p = rest.find(tok)) != std::string::npos) rest.erase(p, tok.size());
  }
  return rest.empty() && s.size() <= 40;
}

std::string Shape(const std::string& text) {
  std::string s;
  for (char c : text) {
    if (c == ' ') continue;
    s += (c >= '0' && c <= '9') ? '#' : c;
  }
  return s;
}

std::u32string ToCodePoints(const std::string& text) {
  std::u32string out;
  for (Utf8Cursor c(text); !c.Done();) out.push_back(c.Next().value);
  return out;
}

// Equal, or (both at least 8 code points, at most 200) within one edit in
// five of the longer: what OCR makes of one header on two pages.
bool SimilarShapes(const std::u32string& a, const std::u32string& b) {
  if (a == b) return true;
  const size_t longer = std::max(a.size(), b.size());
  if (std::min(a.size(), b.size()) < 8 || longer > 200) return false;
  const size_t allowed = longer / 5;
  if (longer - std::min(a.size(), b.size()) > allowed) return false;
  std::vector<size_t> row(b.size() + 1), next(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    next[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(row, next);
  }
  return row[b.size()] <= allowed;
}

bool InBand(const Line& l, double height, bool* top) {
  *top = l.box.y1 <= height * kBand;
  return *top || l.box.y0 >= height * (1 - kBand);
}

bool EndsSentence(const std::string& text) {
  char32_t c = LastCodePoint(text);
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A || c == '.' ||
         c == '!' || c == '?' || c == ';' || c == ':';
}

std::vector<std::string> RowTexts(const Table& t, int row) {
  std::vector<std::string> out;
  for (const Cell& c : t.cells)
    if (c.row == row) out.push_back(c.Text());
  return out;
}

Table ToModel(const PageTable& pt, int page, int table_index) {
  Table t;
  t.rows = static_cast<int>(pt.ys.size()) - 1;
  t.cols = static_cast<int>(pt.xs.size()) - 1;
  t.prov.page = page;
  t.prov.box = pt.box;
  t.prov.table_index = table_index;
  double padding = CellPadding(pt);
  for (const PageCell& pc : pt.cells) {
    Cell c;
    c.row = pc.row;
    c.col = pc.col;
    c.rowspan = pc.rowspan;
    c.colspan = pc.colspan;
    c.paragraphs = CellParagraphs(pc, padding);
    c.prov.page = page;
    c.prov.box = pc.box;
    c.prov.table_index = table_index;
    c.prov.row = pc.row;
    c.prov.col = pc.col;
    t.cells.push_back(std::move(c));
  }
  return t;
}

// Removes row 0 of t (cells starting there) and moves the other rows up.
void DropFirstRow(Table* t) {
  std::vector<Cell> rest;
  for (Cell& c : t->cells) {
    if (c.row == 0) continue;
    --c.row;
    c.prov.row = c.row;
    rest.push_back(std::move(c));
  }
  t->cells = std::move(rest);
  --t->rows;
}

bool Empty(const Cell& c) {
  for (const std::string& p : c.paragraphs)
    if (!p.empty()) return false;
  return true;
}

// The geometry cell of `table` at grid position (row, col), or null.
const PageCell* GeometryCell(const PageTable& table, int row, int col) {
  for (const PageCell& pc : table.cells)
    if (pc.col == col && pc.row <= row && row < pc.row + pc.rowspan) return &pc;
  return nullptr;
}

// True when the last line of `up` (a cell at the foot of a page) left no room
// for the first unit of `low`'s first line: the text was cut by the page
// break, not ended, whatever the cell's alignment.
// 0: no; 1: a single full line (weak: a one-line label filling its narrow
// cell, `质量指标`, looks the same); 2: wrapped text cut.
int CutByBreak(const PageCell& up, const PageCell& low, double padding, double row_text_bottom) {
  // The last line sits at the foot of the cell and as low as the row's
  // lowest text: text ending above it (a label centred in a taller row,
  // `时效指标`) was not cut.
  if (up.lines.empty() || low.lines.empty()) return 0;
  const Line& last = up.lines.back();
  if (EndsSentence(last.text)) return 0;
  double line_h = last.box.y1 - last.box.y0;
  if (up.box.y1 - last.box.y1 > 0.8 * line_h + 2 * padding + 2.0) return 0;
  if (last.box.y1 < row_text_bottom - 0.3 * line_h) return 0;
  std::string rest;
  if (SplitNumberingLabel(low.lines.front().text, &rest).style != LabelStyle::kNone) return 0;
  double inner = (up.box.x1 - up.box.x0) - 2 * padding;
  double em = std::max(1.0, last.font_size);
  if ((last.box.x1 - last.box.x0) + FirstUnitWidth(low.lines.front()) <= inner - 0.5 * em) return 0;
  return up.lines.size() >= 2 ? 2 : 1;
}

// The cell's text sits at its foot (`at_foot`) or at its top, or at least
// clearly off its middle towards that edge: the part of a merged cell whose
// centred text the page break cut (text centred in its own cell is not).
bool TextAtEdge(const PageCell& c, bool at_foot, double padding) {
  if (c.lines.empty()) return false;
  const Line& l = at_foot ? c.lines.back() : c.lines.front();
  double line_h = l.box.y1 - l.box.y0;
  double top = c.lines.front().box.y0 - c.box.y0, foot = c.box.y1 - c.lines.back().box.y1;
  double gap = at_foot ? foot : top, other = at_foot ? top : foot;
  return gap <= 0.8 * line_h + 2 * padding + 2.0 || gap < 0.7 * other;
}

// The first row of the lower part of a table split by a page break (header
// rows repeated on the new page already dropped: `lower_skip` rows of
// `lower_geometry`) continues the upper part's last row when
//  - the table was drawn open at the break (PageTable::open_bottom, or
//    open_top with no header repeated), or
//  - some column was cut (CutByBreak; single full lines count only when
//    another column ended above the break) and no more columns start afresh
//    next to a full upper cell than were cut, or
//  - the lower row is mostly empty: its first column empty, fewer filled
//    cells than half of the upper row's, none filled under an empty one (the
//    rest of a row whose taller cells ran over; LibreOffice may carry only a
//    row's bottom padding over).
// Then the rows are merged (the paragraphs at the cut joined) and true is
// returned. Otherwise a cell merged vertically on either page (rowspan > 1)
// whose other part is empty, or whose text the break cut (TextAtEdge), goes
// on: it is extended over the lower cell.
bool JoinAcrossBreak(const PageTable& upper_geometry, const PageTable& lower_geometry,
                     int lower_skip, Table* upper, Table* lower) {
  if (upper->rows < 1 || lower->rows < 1) return false;
  int last = upper->rows - 1;
  int geo_last = static_cast<int>(upper_geometry.ys.size()) - 2;
  double up_pad = CellPadding(upper_geometry);
  double row_text_bottom = -1e300;
  for (const PageCell& pc : upper_geometry.cells)
    if (pc.row + pc.rowspan - 1 == geo_last && !pc.lines.empty())
      row_text_bottom = std::max(row_text_bottom, pc.lines.back().box.y1);
  std::vector<std::pair<Cell*, Cell*>> pairs;
  int strong = 0, weak = 0, fresh = 0, ended_above = 0, ended_single = 0, started_below = 0;
  int up_filled = 0, low_filled = 0;
  bool first_col_empty = true;
  for (Cell& low : lower->cells) {
    if (low.row != 0) continue;
    Cell* up = nullptr;
    for (Cell& c : upper->cells)
      if (c.col == low.col && c.colspan == low.colspan && c.row + c.rowspan - 1 == last) up = &c;
    if (!up) return false;
    pairs.push_back({up, &low});
    bool ue = Empty(*up), le = Empty(low);
    up_filled += !ue;
    low_filled += !le;
    if (low.col == 0) first_col_empty = le;
    if (!ue && le) ++ended_above;
    // A merged cell's emptiness below says nothing about the row.
    if (!ue && le && up->rowspan == 1) ++ended_single;
    if (ue && !le) ++started_below;
    if (ue || le) continue;
    const PageCell* gu = GeometryCell(upper_geometry, geo_last, low.col);
    const PageCell* gl = GeometryCell(lower_geometry, lower_skip, low.col);
    int c = gu && gl ? CutByBreak(*gu, *gl, up_pad, row_text_bottom) : 0;
    if (c == 2) ++strong;
    else if (c == 1) ++weak;
    else ++fresh;
  }
  // Single full lines count as cut where the row also has a column that
  // ended above the break: the values ended, the labels ran on.
  int cut = strong + (ended_single > 0 ? weak : 0);
  bool at_foot = upper_geometry.page_height > 0 &&
                 upper_geometry.box.y1 >= 0.75 * upper_geometry.page_height;
  // A table left open at the foot of the page (or open at the top of the
  // next one, no header repeated) says itself that its row goes on.
  bool open = upper_geometry.open_bottom || (lower_skip == 0 && lower_geometry.open_top);
  bool split = at_foot && (open || ended_above > 0) &&
               (open || (cut > 0 && fresh <= cut) ||
                (first_col_empty && started_below == 0 && 2 * low_filled < up_filled));
  if (split) {
    for (auto& [up, low] : pairs) {
      if (Empty(*low)) {
      } else if (Empty(*up)) {
        up->paragraphs = low->paragraphs;
      } else {
        std::string& tail = up->paragraphs.back();
        tail += JoinSeparator(tail, low->paragraphs.front(), false, true);
        tail += low->paragraphs.front();
        up->paragraphs.insert(up->paragraphs.end(), low->paragraphs.begin() + 1,
                              low->paragraphs.end());
      }
      up->rowspan += low->rowspan - 1;
    }
    DropFirstRow(lower);
    return true;
  }
  // Vertically merged cells running over the break.
  std::vector<Cell> kept;
  std::vector<std::pair<Cell*, int>> extend;
  for (auto& [up, low] : pairs) {
    bool both = !Empty(*low) && !Empty(*up);
    if (both) {
      // Text on both sides: the same merged cell when its text was cut by
      // the break (at the foot above, at the top below) and one part spans
      // several rows.
      const PageCell* gu = GeometryCell(upper_geometry, geo_last, low->col);
      const PageCell* gl = GeometryCell(lower_geometry, lower_skip, low->col);
      if (!gu || !gl || (gu->rowspan < 2 && gl->rowspan < 2) || !TextAtEdge(*gu, true, up_pad) ||
          !TextAtEdge(*gl, false, up_pad) || EndsSentence(up->paragraphs.back()))
        continue;
      std::string& tail = up->paragraphs.back();
      tail += JoinSeparator(tail, low->paragraphs.front(), false, true);
      tail += low->paragraphs.front();
      up->paragraphs.insert(up->paragraphs.end(), low->paragraphs.begin() + 1, low->paragraphs.end());
    } else if (up->rowspan < 2 && low->rowspan < 2) {
      continue;  // one part merged over several rows: the merge goes on
    } else if (Empty(*up)) {
      up->paragraphs = low->paragraphs;
    }
    extend.push_back({up, low->rowspan});
    low->colspan = 0;  // marked for removal
  }
  if (extend.empty()) return false;
  for (auto& [up, n] : extend) up->rowspan += n;
  for (Cell& c : lower->cells)
    if (c.colspan > 0) kept.push_back(std::move(c));
  lower->cells = std::move(kept);
  return false;
}

// A table continued on the next page has the upper part's column edges, or
// some of them, or some more (rows on one page merge columns the other page's
// rows keep apart, and Chromium draws no rule where no row of the page has
// one). When the outer edges agree and at most a third of the edges are on
// one side only (or one part's edges are all among the other's and the upper
// part reaches the foot of its page), both parts are renumbered in the union of the edges (the
// upper part's geometry, the upper part's model cells `prev` and the lower
// part's geometry) and true is returned.
bool MergeColumns(PageTable* upper, Table* prev, PageTable* lower) {
  const std::vector<double>& a = upper->xs;
  const std::vector<double>& b = lower->xs;
  if (a.size() < 2 || b.size() < 2 || std::fabs(a.front() - b.front()) > 3.0 ||
      std::fabs(a.back() - b.back()) > 3.0)
    return false;
  std::vector<double> all;
  size_t i = 0, j = 0, only = 0, a_only = 0, b_only = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j] - 3.0)) {
      all.push_back(a[i++]);
      ++only;
      ++a_only;
    } else if (i == a.size() || b[j] < a[i] - 3.0) {
      all.push_back(b[j++]);
      ++only;
      ++b_only;
    } else {
      all.push_back(a[i]);
      ++i;
      ++j;
    }
  }
  // One part's edges all among the other's: the part at the foot of the page
  // may be a row or two whose cells span columns the rest of the table splits.
  bool subset = (a_only == 0 || b_only == 0) && upper->page_height > 0 &&
                upper->box.y1 >= 0.75 * upper->page_height;
  if (3 * only > all.size() && !subset) return false;
  auto index = [&](double x) {
    size_t k = 0;
    while (k + 1 < all.size() && std::fabs(all[k] - x) > 3.0) ++k;
    return static_cast<int>(k);
  };
  auto remap = [&](const std::vector<double>& xs, int* col, int* colspan) {
    int c0 = index(xs[*col]), c1 = index(xs[*col + *colspan]);
    *col = c0;
    *colspan = std::max(1, c1 - c0);
  };
  if (only > 0) {
    std::vector<double> old_a = a;
    for (Cell& c : prev->cells) {
      if (c.col + c.colspan >= static_cast<int>(old_a.size())) continue;
      remap(old_a, &c.col, &c.colspan);
      c.prov.col = c.col;
    }
    prev->cols = static_cast<int>(all.size()) - 1;
    for (PageCell& c : upper->cells) remap(old_a, &c.col, &c.colspan);
    upper->xs = all;
  }
  std::vector<double> old_b = b;
  for (PageCell& c : lower->cells) remap(old_b, &c.col, &c.colspan);
  lower->xs = all;
  return true;
}

}  // namespace

void RemovePageFurniture(std::vector<PageLayout>* pages, Document* doc) {
  // Group the lines of the top and bottom bands across pages: one group is
  // one line in the same band, at the same height (the same 6-pt step) and of
  // the same shape (digits alike); on an OCR'd page, within 6 pt and one
  // code point in five (a scan's header came out "联合会”2024" on one page
  // and "联合会2024" on the next, and 0.5 pt higher, across a 6-pt step).
  // A running header repeats its text (or carries a page counter,
  // IsPageNumber); a label whose number varies and which stands on a few
  // pages only (附件1, 附件2 at the top of the pages they open) is content.
  struct Group {
    bool top = false;
    double y = 0;
    std::u32string shape;
    std::string text;
    int pages = 0, last_page = -1;
    bool varies = false;
  };
  // A line of a text page is looked up by its exact place and shape (a
  // map: a document of thousands of pages stays fast); a line of an OCR'd
  // page is compared with the groups one by one (OCR reads a page a second,
  // so there are few), the first kMaxFuzzyGroups of them.
  constexpr size_t kMaxFuzzyGroups = 256;
  std::vector<Group> groups;
  std::map<std::string, size_t> exact;  // band, 6-pt step of y, shape -> group
  std::map<std::pair<size_t, size_t>, size_t> group_of;  // (page, line) -> group
  for (size_t pi = 0; pi < pages->size(); ++pi) {
    const PageLayout& p = (*pages)[pi];
    for (size_t li = 0; li < p.lines.size(); ++li) {
      const Line& l = p.lines[li];
      bool top;
      if (!InBand(l, p.height, &top)) continue;
      const std::string key = std::string(top ? "T" : "B") + std::to_string(static_cast<int>(l.box.y0 / 6)) + "|" +
                              Shape(l.text);
      auto found = exact.find(key);
      size_t g = found != exact.end() ? found->second : groups.size();
      if (g == groups.size() && p.ocr) {
        const std::u32string shape = ToCodePoints(Shape(l.text));
        for (size_t k = 0; k < groups.size() && k < kMaxFuzzyGroups; ++k)
          if (groups[k].top == top && std::fabs(groups[k].y - l.box.y0) <= 6 && SimilarShapes(groups[k].shape, shape)) {
            g = k;
            break;
          }
      }
      if (g == groups.size()) groups.push_back({top, l.box.y0, ToCodePoints(Shape(l.text)), l.text});
      exact.emplace(key, g);
      Group& group = groups[g];
      if (group.last_page != static_cast<int>(pi)) ++group.pages;
      group.last_page = static_cast<int>(pi);
      if (group.text != l.text) group.varies = true;
      group_of[{pi, li}] = g;
    }
  }
  int n = static_cast<int>(pages->size());
  int removed = 0;
  for (size_t pi = 0; pi < pages->size(); ++pi) {
    PageLayout& p = (*pages)[pi];
    std::vector<Line> kept;
    kept.reserve(p.lines.size());
    for (size_t li = 0; li < p.lines.size(); ++li) {
      Line& l = p.lines[li];
      auto it = group_of.find({pi, li});
      if (it != group_of.end()) {
        const Group& g = groups[it->second];
        const int count = g.pages;
        const bool repeated = g.varies ? n >= 3 && count >= n - 1 : n >= 2 && count >= 2 && count * 2 >= n;
        if (IsPageNumber(l.text) || repeated) {
          ++removed;
          continue;
        }
      }
      kept.push_back(std::move(l));
    }
    // A page number written out (`第 1 页`, `3/14`, `- 3 -`, not a bare
    // figure) as the first or last line of a page's body, outside the bands:
    // Chromium prints an HTML export's footer once, right after the text.
    for (bool last : {false, true}) {
      if (kept.empty()) break;
      const Line& l = last ? kept.back() : kept.front();
      bool written = l.text.find_first_not_of("0123456789 ") != std::string::npos;
      if (written && IsPageNumber(l.text)) {
        ++removed;
        if (last) kept.pop_back();
        else kept.erase(kept.begin());
      }
    }
    p.lines = std::move(kept);
  }
  if (removed > 0)
    doc->AddDiagnostic(Diagnostic::Severity::kInfo, "pdf_page_furniture_removed",
                       std::to_string(removed) + " header/footer/page-number lines removed");
}

void AppendPages(std::vector<std::vector<PageItem>> pages, Document* doc) {
  // Body font size: the size of most characters in paragraphs.
  std::map<int, size_t> sizes;
  for (const auto& items : pages)
    for (const PageItem& it : items)
      for (const Line& l : it.lines) sizes[static_cast<int>(std::lround(l.font_size * 2))] += l.text.size();
  double body_size = 0;
  size_t best = 0;
  for (const auto& kv : sizes)
    if (kv.second > best) {
      best = kv.second;
      body_size = kv.first / 2.0;
    }

  struct Pending {
    std::vector<Line> lines;
    int page = 0;
    Box box;
  };
  int table_index = 0;
  bool last_open_end = false;   // last block is a paragraph that may go on
  double last_end_room = 1e300, last_end_em = 0;  // its PageItem::end_room, end_em
  bool last_was_table = false;  // last block is a table that may go on
  PageTable last_table;         // its geometry on its last page
  std::vector<Line> last_lines; // lines of the last paragraph (for joining)

  auto emit_paragraph = [&](const std::vector<Line>& lines, int page, const Box& box) {
    Block b;
    std::string text = JoinLines(lines);
    std::string rest;
    NumberingLabel nl = SplitNumberingLabel(text, &rest);
    if (nl.style != LabelStyle::kNone) {
      b.label = nl.label;
      b.text = rest;
    } else {
      b.text = text;
    }
    bool bold = true;
    double size = 0;
    for (const Line& l : lines) {
      bold &= l.bold;
      size = std::max(size, l.font_size);
    }
    bool big = body_size > 0 && size >= body_size * 1.15;
    size_t len = CountCodePoints(text);
    if (nl.style == LabelStyle::kChineseComma || nl.style == LabelStyle::kChineseParen) {
      if ((len <= 40 && !EndsSentence(text)) || bold || big) {
        b.kind = BlockKind::kHeading;
        b.level = LabelStyleLevel(nl.style);
      }
    } else if (nl.style != LabelStyle::kNone) {
      if ((bold || big) && len <= 40) {
        b.kind = BlockKind::kHeading;
        b.level = LabelStyleLevel(nl.style);
      }
    } else if ((bold || big) && lines.size() <= 2 && len <= (lines.size() == 2 ? 80u : 50u) &&
               !EndsSentence(text)) {
      b.kind = BlockKind::kHeading;
      b.level = 1;
    }
    b.prov.page = page;
    b.prov.box = box;
    doc->blocks.push_back(std::move(b));
  };

  for (size_t pi = 0; pi < pages.size(); ++pi) {
    std::vector<PageItem>& items = pages[pi];
    for (size_t ii = 0; ii < items.size(); ++ii) {
      PageItem& it = items[ii];
      int page = it.is_table ? (it.table.cells.empty() || it.table.cells[0].lines.empty()
                                    ? 0 : it.table.cells[0].lines[0].page)
                             : it.lines[0].page;
      if (page == 0) {
        for (const PageCell& c : it.table.cells)
          if (!c.lines.empty()) { page = c.lines[0].page; break; }
      }
      bool first_on_page = ii == 0;
      if (it.is_table) {
        if (first_on_page && last_was_table && !doc->blocks.empty() &&
            doc->blocks.back().kind == BlockKind::kTable &&
            MergeColumns(&last_table, &doc->blocks.back().table, &it.table)) {
          Table& prev = doc->blocks.back().table;
          Table next = ToModel(it.table, page, prev.prov.table_index);
          // The header rows repeated on the new page (one to three rows).
          int repeated = 0;
          while (repeated < 3 && repeated + 1 < next.rows && repeated < prev.rows &&
                 RowTexts(next, repeated) == RowTexts(prev, repeated))
            ++repeated;
          for (int k = 0; k < repeated; ++k) DropFirstRow(&next);
          JoinAcrossBreak(last_table, it.table, repeated, &prev, &next);
          for (Cell& c : next.cells) {
            c.row += prev.rows;
            c.prov.row = c.row;
            prev.cells.push_back(std::move(c));
          }
          prev.rows += next.rows;
          last_table = it.table;
          continue;
        }
        Block b;
        b.kind = BlockKind::kTable;
        b.table = ToModel(it.table, page, table_index++);
        b.prov.page = page;
        b.prov.box = it.table.box;
        b.prov.table_index = b.table.prov.table_index;
        doc->blocks.push_back(std::move(b));
        last_was_table = true;
        last_open_end = false;
        last_table = it.table;
        continue;
      }
      // The last line reached the margin, or ended short only because what
      // starts the next page would not have fitted (`…满意度为` / `95%。`).
      bool goes_on = last_open_end ||
                     (!last_lines.empty() && !it.lines.empty() &&
                      last_end_room < FirstUnitWidth(it.lines[0]) + 0.5 * last_end_em);
      if (first_on_page && goes_on && it.open_start && !doc->blocks.empty() &&
          doc->blocks.back().kind != BlockKind::kTable && !last_lines.empty() &&
          !EndsSentence(last_lines.back().text) &&
          std::fabs(it.lines[0].font_size - last_lines.back().font_size) <= 0.15 * std::max(1.0, last_lines.back().font_size)) {
        // The paragraph goes on from the previous page: rebuild the block.
        Block old = std::move(doc->blocks.back());
        doc->blocks.pop_back();
        std::vector<Line> joined = last_lines;
        joined.insert(joined.end(), it.lines.begin(), it.lines.end());
        emit_paragraph(joined, old.prov.page, *old.prov.box);
        last_lines = std::move(joined);
        last_open_end = it.open_end;
        last_end_room = it.end_room;
        last_end_em = it.end_em;
        last_was_table = false;
        continue;
      }
      emit_paragraph(it.lines, page, it.box);
      last_lines = it.lines;
      last_open_end = it.open_end;
      last_end_room = it.end_room;
      last_end_em = it.end_em;
      last_was_table = false;
    }
  }
}

}  // namespace jixiao::pdf
