// Pass 4, cell grid: column and row edges from the ruling lines of one table
// (ruling.cc), spans from missing borders (a union-find over grid positions),
// each word into the cell under its centre (words crossing a border are cut
// at glyph edges), cell lines via BuildLines; a table drawn without its
// closing rule closed by its sides, and the traces of a merged cell drawn
// short on a continued page (stray rules, open sides, hollow rows) undone.
// Covered by pdf_test.cc (RuledTable, MergedCells), pdf_producer_test.cc
// (RowLeftOpenAtThePageFootIsJoined) and pdf_accuracy_test.cc.
#include "extractors/pdf/grid.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "extractors/pdf/line_build.h"

namespace jixiao::pdf {

namespace {

constexpr size_t kMaxGridPositions = 200000;

std::vector<double> Edges(std::vector<double> v, double tol) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v) {
    if (out.empty() || x - out.back() > tol + 1.0) out.push_back(x);
  }
  return out;
}

// Fraction of [a0, a1] covered by the lines in `lines` (sorted, disjoint
// enough) lying at coordinate `pos`.
double Coverage(const std::vector<Segment>& lines, bool horizontal, double pos, double a0,
                double a1, double tol) {
  double covered = 0;
  for (const Segment& s : lines) {
    double p = horizontal ? s.y0 : s.x0;
    if (std::fabs(p - pos) > tol + 1.0) continue;
    double lo = horizontal ? s.x0 : s.y0, hi = horizontal ? s.x1 : s.y1;
    covered += std::max(0.0, std::min(hi, a1) - std::max(lo, a0));
  }
  return a1 > a0 ? covered / (a1 - a0) : 1.0;
}

int Find(std::vector<int>& p, int x) {
  while (p[x] != x) x = p[x] = p[p[x]];
  return x;
}

int Locate(const std::vector<double>& edges, double v) {
  auto it = std::upper_bound(edges.begin(), edges.end(), v);
  int i = static_cast<int>(it - edges.begin()) - 1;
  return std::clamp(i, 0, static_cast<int>(edges.size()) - 2);
}

// Removes grid rows that only exist because one column has an extra rule:
// a row where no cell starts, or in which every cell starting there is empty
// while more positions of it are covered by cells from the rows above (a producer drawing the part
// of a merged cell continued from the previous page shorter than its row
// leaves such a hollow strip). The cells across it lose a row of span.
void DropHollowRows(PageTable* t) {
  int rows = static_cast<int>(t->ys.size()) - 1;
  for (int r = rows - 1; r >= 1; --r) {
    int starting = 0, covered = 0;
    bool empty = true;
    for (const PageCell& c : t->cells) {
      if (c.row == r) {
        starting += c.colspan;
        empty &= c.lines.empty();
      } else if (c.row < r && r < c.row + c.rowspan) {
        covered += c.colspan;
      }
    }
    if (!empty || (starting > 0 && covered <= starting)) continue;
    std::vector<PageCell> kept;
    for (PageCell& c : t->cells) {
      if (c.row == r) {
        // The cell ending just above takes the strip.
        for (PageCell& a : t->cells)
          if (a.col == c.col && a.row + a.rowspan == r) a.box.y1 = c.box.y1;
        if (c.rowspan == 1) continue;
        c.rowspan -= 1;
      } else if (c.row < r && r < c.row + c.rowspan) {
        c.rowspan -= 1;
      } else if (c.row > r) {
        c.row -= 1;
      }
      kept.push_back(std::move(c));
    }
    t->cells = std::move(kept);
    t->ys.erase(t->ys.begin() + r + 1);
  }
  std::sort(t->cells.begin(), t->cells.end(), [](const PageCell& a, const PageCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
}

}  // namespace

bool BuildGrid(const RulingGroup& group, const std::vector<const Word*>& words, int page,
               PageTable* table, double tol) {
  std::vector<double> xv, yv;
  for (const Segment& s : group.vertical) xv.push_back(s.x0);
  for (const Segment& s : group.horizontal) yv.push_back(s.y0);
  std::vector<double> xs = Edges(xv, tol), ys = Edges(yv, tol);
  if (xs.size() < 2 || ys.size() < 2) return false;
  // A table cut by the page's edge or a clipping path may be drawn without
  // its closing rule (cell sides running to the cut, as Chromium draws a row
  // split over a page): the sides' ends close it, so the cut row is a row.
  double vmin = 1e300, vmax = -1e300, hmin = 1e300, hmax = -1e300;
  for (const Segment& s : group.vertical) {
    vmin = std::min(vmin, s.y0);
    vmax = std::max(vmax, s.y1);
  }
  for (const Segment& s : group.horizontal) {
    hmin = std::min(hmin, s.x0);
    hmax = std::max(hmax, s.x1);
  }
  // Only where there is text between the last rule and the sides' ends: the
  // sides of a merged cell continued on the next page also run on, empty.
  constexpr double kOpen = 4.0;
  auto text_between = [&](double y0, double y1) {
    for (const Word* w : words) {
      double cy = (w->box.y0 + w->box.y1) / 2, cx = (w->box.x0 + w->box.x1) / 2;
      if (cy > y0 && cy < y1 && cx > xs.front() && cx < xs.back()) return true;
    }
    return false;
  };
  table->open_bottom = table->open_top = false;
  if (!group.vertical.empty() && vmax > ys.back() + tol + kOpen && text_between(ys.back(), vmax)) {
    ys.push_back(vmax);
    table->open_bottom = true;
  }
  if (!group.vertical.empty() && vmin < ys.front() - tol - kOpen && text_between(vmin, ys.front())) {
    ys.insert(ys.begin(), vmin);
    table->open_top = true;
  }
  if (!group.horizontal.empty() && hmax > xs.back() + tol + kOpen) xs.push_back(hmax);
  if (!group.horizontal.empty() && hmin < xs.front() - tol - kOpen) xs.insert(xs.begin(), hmin);
  int rows = static_cast<int>(ys.size()) - 1, cols = static_cast<int>(xs.size()) - 1;
  if (rows * cols < 2 || static_cast<size_t>(rows) * cols > kMaxGridPositions) return false;

  // Which borders between neighbouring grid positions are drawn.
  std::vector<int> parent(rows * cols);
  std::iota(parent.begin(), parent.end(), 0);
  auto id = [&](int r, int c) { return r * cols + c; };
  std::vector<std::vector<Segment>> vat(xs.size()), hat(ys.size());
  for (const Segment& s : group.vertical) {
    size_t k = std::min_element(xs.begin(), xs.end(), [&](double a, double b) {
                 return std::fabs(a - s.x0) < std::fabs(b - s.x0);
               }) - xs.begin();
    vat[k].push_back(s);
  }
  for (const Segment& s : group.horizontal) {
    size_t k = std::min_element(ys.begin(), ys.end(), [&](double a, double b) {
                 return std::fabs(a - s.y0) < std::fabs(b - s.y0);
               }) - ys.begin();
    hat[k].push_back(s);
  }
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c + 1 < cols; ++c) {
      if (Coverage(vat[c + 1], false, xs[c + 1], ys[r], ys[r + 1], tol) < 0.6)
        parent[Find(parent, id(r, c))] = Find(parent, id(r, c + 1));
    }
  }
  // Grid positions holding text (word centres).
  std::vector<char> has_text(rows * cols, 0);
  for (const Word* w : words)
    has_text[id(Locate(ys, (w->box.y0 + w->box.y1) / 2), Locate(xs, (w->box.x0 + w->box.x1) / 2))] = 1;
  for (int r = 0; r + 1 < rows; ++r) {
    std::vector<char> drawn(cols);
    int n_drawn = 0;
    for (int c = 0; c < cols; ++c)
      n_drawn += drawn[c] = Coverage(hat[r + 1], true, ys[r + 1], xs[c], xs[c + 1], tol) >= 0.6;
    // A rule drawn in a few columns only, between empty positions, is the
    // end of a merged cell's part drawn short (Chromium, on the page a
    // merged cell continues on), not a cell border.
    bool stray = cols >= 3 && n_drawn * 3 <= cols;
    // An empty position on the table's side whose outer border is not drawn
    // belongs to the merged cell above it (Chromium draws the part of a
    // merged cell continued from the previous page as a short fragment).
    for (int c : {0, cols - 1}) {
      size_t edge = c == 0 ? 0 : xs.size() - 1;
      if (!has_text[id(r + 1, c)] && !has_text[id(r, c)] &&
          Coverage(vat[edge], false, xs[edge], ys[r + 1], ys[r + 2], tol) < 0.6 &&
          Coverage(vat[edge], false, xs[edge], ys[r], ys[r + 1], tol) >= 0.6)
        parent[Find(parent, id(r, c))] = Find(parent, id(r + 1, c));
    }
    for (int c = 0; c < cols; ++c) {
      if (!drawn[c] || (stray && !has_text[id(r, c)] && !has_text[id(r + 1, c)]))
        parent[Find(parent, id(r, c))] = Find(parent, id(r + 1, c));
    }
  }
  // Each component's bounding rectangle is a cell, unless it would overlap a
  // cell already placed (an L-shaped area): then its positions stay single.
  struct Rect { int r0, c0, r1, c1; };
  std::vector<Rect> rect(rows * cols, Rect{rows, cols, -1, -1});
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      Rect& x = rect[Find(parent, id(r, c))];
      x.r0 = std::min(x.r0, r);
      x.c0 = std::min(x.c0, c);
      x.r1 = std::max(x.r1, r);
      x.c1 = std::max(x.c1, c);
    }
  std::vector<int> owner(rows * cols, -1);
  table->cells.clear();
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (owner[id(r, c)] >= 0) continue;
      Rect x = rect[Find(parent, id(r, c))];
      bool free = x.r0 == r && x.c0 == c;
      for (int rr = x.r0; free && rr <= x.r1; ++rr)
        for (int cc = x.c0; free && cc <= x.c1; ++cc) free = owner[id(rr, cc)] < 0;
      if (!free) x = {r, c, r, c};
      PageCell cell;
      cell.row = x.r0;
      cell.col = x.c0;
      cell.rowspan = x.r1 - x.r0 + 1;
      cell.colspan = x.c1 - x.c0 + 1;
      cell.box = {xs[x.c0], ys[x.r0], xs[x.c1 + 1], ys[x.r1 + 1]};
      int index = static_cast<int>(table->cells.size());
      for (int rr = x.r0; rr <= x.r1; ++rr)
        for (int cc = x.c0; cc <= x.c1; ++cc) owner[id(rr, cc)] = index;
      table->cells.push_back(std::move(cell));
    }
  }

  // Words into cells; a word crossing a column edge is cut into pieces.
  std::deque<Word> pieces;
  std::vector<std::vector<const Word*>> cell_words(table->cells.size());
  auto place = [&](const Word* w) {
    int r = Locate(ys, (w->box.y0 + w->box.y1) / 2);
    int c = Locate(xs, (w->box.x0 + w->box.x1) / 2);
    cell_words[owner[id(r, c)]].push_back(w);
  };
  for (const Word* w : words) {
    int c0 = Locate(xs, w->box.x0 + 1), c1 = Locate(xs, w->box.x1 - 1);
    int r = Locate(ys, (w->box.y0 + w->box.y1) / 2);
    if (w->rot != 0 || c0 == c1 || owner[id(r, c0)] == owner[id(r, c1)] ||
        w->edges.size() != w->char_bytes.size() + 1) {
      place(w);
      continue;
    }
    size_t byte = 0, k = 0, n = w->char_bytes.size();
    while (k < n) {
      int col = Locate(xs, (w->edges[k] + w->edges[k + 1]) / 2);
      Word piece;
      piece.box = w->box;
      piece.font_size = w->font_size;
      piece.base = w->base;
      piece.bold = w->bold;
      piece.box.x0 = w->edges[k];
      while (k < n && Locate(xs, (w->edges[k] + w->edges[k + 1]) / 2) == col) {
        piece.text.append(w->text, byte, w->char_bytes[k]);
        piece.char_bytes.push_back(w->char_bytes[k]);
        piece.edges.push_back(w->edges[k]);
        byte += w->char_bytes[k];
        ++k;
      }
      piece.edges.push_back(w->edges[k]);
      piece.box.x1 = w->edges[k];
      piece.space_after = k == n && w->space_after;
      pieces.push_back(std::move(piece));
      place(&pieces.back());
    }
  }
  for (size_t i = 0; i < table->cells.size(); ++i)
    table->cells[i].lines = BuildLines(cell_words[i], page, 0);
  table->xs = xs;
  table->ys = ys;
  DropHollowRows(table);
  table->ruled = true;
  table->box = {xs.front(), ys.front(), xs.back(), ys.back()};
  return true;
}

}  // namespace jixiao::pdf
