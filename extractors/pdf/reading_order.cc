// Pass 5, page layout and reading order: ruled tables are cut out of the page
// (ruling.cc, grid.cc), then borderless ones (borderless.cc); the remaining words are checked for a column gutter
// (a vertical strip in the middle of the page crossed by almost no text, with
// text on both sides at the same heights); full-width lines cut the page into
// sections, read top to bottom, each section left column first. Covered by
// pdf_test.cc (TwoColumnPage, RuledTable).
#include <algorithm>
#include <cmath>

#include "extractors/pdf/borderless.h"
#include "extractors/pdf/grid.h"
#include "extractors/pdf/layout.h"
#include "extractors/pdf/line_build.h"
#include "extractors/pdf/ruling.h"

namespace jixiao::pdf {

namespace {

bool Inside(const Word& w, const Box& b, double tol) {
  double cx = (w.box.x0 + w.box.x1) / 2, cy = (w.box.y0 + w.box.y1) / 2;
  return cx >= b.x0 - tol && cx <= b.x1 + tol && cy >= b.y0 - tol && cy <= b.y1 + tol;
}

// Returns the x of a column gutter, or a negative value. *zones receives the
// vertical ranges where the two columns stand side by side.
double FindGutter(const std::vector<Line>& frags, double width,
                  std::vector<std::pair<double, double>>* zones) {
  // Real two-column pages have a few hundred pieces at most; the pairing
  // below is quadratic, so crafted pages with many more are read as one.
  if (frags.size() < 8 || frags.size() > 4000 || width <= 0) return -1;
  int bins = static_cast<int>(std::ceil(width));
  if (bins > 20000) return -1;
  std::vector<int> cover(bins + 1, 0);
  for (const Line& f : frags) {
    int a = std::clamp(static_cast<int>(f.box.x0), 0, bins);
    int b = std::clamp(static_cast<int>(std::ceil(f.box.x1)), 0, bins);
    cover[a] += 1;
    cover[b] -= 1;
  }
  for (int i = 1; i <= bins; ++i) cover[i] += cover[i - 1];
  int limit = std::max(3, static_cast<int>(frags.size() / 8));
  int lo = static_cast<int>(width * 0.3), hi = static_cast<int>(width * 0.7);
  int best_start = -1, best_len = 0;
  for (int i = lo; i <= hi;) {
    if (cover[i] > limit) {
      ++i;
      continue;
    }
    int j = i;
    while (j <= hi && cover[j] <= limit) ++j;
    if (j - i > best_len) {
      best_len = j - i;
      best_start = i;
    }
    i = j;
  }
  if (best_len < 6) return -1;
  double g = best_start + best_len / 2.0;
  // Text on both sides, side by side at the same heights.
  std::vector<const Line*> left, right;
  for (const Line& f : frags) {
    if (f.box.x1 <= g) left.push_back(&f);
    else if (f.box.x0 >= g) right.push_back(&f);
  }
  if (left.size() < 3 || right.size() < 3) return -1;
  int pairs = 0;
  std::vector<std::pair<double, double>> spans;
  for (const Line* r : right) {
    for (const Line* l : left) {
      if (std::min(l->box.y1, r->box.y1) - std::max(l->box.y0, r->box.y0) > 0) {
        ++pairs;
        spans.push_back({std::min(l->box.y0, r->box.y0), std::max(l->box.y1, r->box.y1)});
        break;
      }
    }
  }
  if (pairs < 3 || pairs * 2 < static_cast<int>(right.size())) return -1;
  // Side-by-side spans closer than two line heights form one zone; the
  // zone reaches up and down over the column text next to it.
  std::sort(spans.begin(), spans.end());
  zones->clear();
  for (const auto& sp : spans) {
    double h = sp.second - sp.first;
    if (!zones->empty() && sp.first - zones->back().second < 2 * h)
      zones->back().second = std::max(zones->back().second, sp.second);
    else
      zones->push_back(sp);
  }
  // A column line just above a zone belongs to it unless a full-width line
  // sits right above it (then it is the short last line of a full-width
  // paragraph); a left-column line just below belongs to it when the line
  // above it runs to the gutter (its paragraph goes on).
  auto crosses = [&](const Line& o) { return o.box.x0 < g && o.box.x1 > g; };
  for (auto& z : *zones) {
    bool grown = true;
    while (grown) {
      grown = false;
      for (const Line& f : frags) {
        if (crosses(f)) continue;
        double h = f.box.y1 - f.box.y0;
        if (f.box.y1 <= z.first && z.first - f.box.y1 < h) {
          // Not over a full-width line between it and the zone either.
          bool full_above = false;
          for (const Line& o : frags)
            full_above |= crosses(o) && ((o.box.y1 <= f.box.y0 + 0.25 * h && f.box.y0 - o.box.y1 < 1.5 * h) ||
                                         (o.box.y0 >= f.box.y1 - 1 && o.box.y1 <= z.first + 1));
          if (!full_above) { z.first = f.box.y0; grown = true; }
        } else if (f.box.y0 >= z.second && f.box.y0 - z.second < h && f.box.x1 <= g) {
          bool goes_on = false;
          for (const Line& o : frags)
            goes_on |= o.box.x1 <= g && o.box.y1 <= f.box.y0 && f.box.y0 - o.box.y1 < h &&
                       o.box.x1 >= g - 3 * std::max(1.0, o.font_size);
          if (goes_on) { z.second = f.box.y1; grown = true; }
        }
      }
    }
  }
  return g;
}

}  // namespace

void LayoutPage(const PageContent& page, PageLayout* layout) {
  layout->number = page.number;
  layout->width = page.width;
  layout->height = page.height;
  std::vector<bool> used(page.words.size(), false);
  for (const RulingGroup& group : FindRulingGroups(page.segments)) {
    std::vector<const Word*> in;
    std::vector<size_t> idx;
    for (size_t i = 0; i < page.words.size(); ++i) {
      if (!used[i] && Inside(page.words[i], group.box, 1.0)) {
        in.push_back(&page.words[i]);
        idx.push_back(i);
      }
    }
    if (in.empty()) continue;  // a drawn frame with nothing in it
    PageTable table;
    if (!BuildGrid(group, in, page.number, &table)) continue;
    // A frame around most of the page (one column, a rule or two across) is
    // page decoration, not a table: its text stays body text.
    double area = (table.box.x1 - table.box.x0) * (table.box.y1 - table.box.y0);
    if (table.xs.size() == 2 && table.ys.size() <= 4 && area > 0.4 * page.width * page.height)
      continue;
    for (size_t i : idx) used[i] = true;
    table.page_height = page.height;
    layout->tables.push_back(std::move(table));
  }

  std::vector<const Word*> rest;
  rest.reserve(page.words.size());
  for (size_t i = 0; i < page.words.size(); ++i)
    if (!used[i]) rest.push_back(&page.words[i]);
  // Tables without ruling lines, from text alignment.
  std::vector<bool> in_borderless(rest.size(), false);
  FindBorderlessTables(rest, page.number, page.height, &layout->tables, &in_borderless);
  std::vector<const Word*> body;
  body.reserve(rest.size());
  for (size_t i = 0; i < rest.size(); ++i)
    if (!in_borderless[i]) body.push_back(rest[i]);

  std::vector<Line> frags = BuildLines(body, page.number, 0.6);
  std::vector<std::pair<double, double>> zones;
  double gutter = FindGutter(frags, page.width, &zones);
  if (gutter < 0) {
    layout->lines = BuildLines(body, page.number, 0);
    return;
  }
  layout->columns = 2;
  // Zones where two columns stand side by side cut the page into sections:
  // even sections are full width, odd ones are read left column first.
  auto section_of = [&](double y0, double y1, bool* in_zone) {
    int s = 0;
    *in_zone = false;
    double cy = (y0 + y1) / 2;
    for (const auto& z : zones) {
      if (cy >= z.first && cy <= z.second) {
        *in_zone = true;
        return 2 * s + 1;
      }
      if (z.second < cy) ++s;
    }
    return 2 * s;
  };
  // Group words by (section, column) and build lines inside each group.
  std::vector<std::pair<std::pair<int, int>, const Word*>> tagged;
  for (const Word* w : body) {
    bool in_zone;
    int s = section_of(w->box.y0, w->box.y1, &in_zone);
    int col = !in_zone ? 0 : ((w->box.x0 + w->box.x1) / 2 < gutter ? 0 : 1);
    tagged.push_back({{s, col}, w});
  }
  std::stable_sort(tagged.begin(), tagged.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t i = 0;
  while (i < tagged.size()) {
    size_t j = i;
    std::vector<const Word*> group;
    while (j < tagged.size() && tagged[j].first == tagged[i].first) group.push_back(tagged[j++].second);
    for (Line& l : BuildLines(group, page.number, 0)) {
      l.section = tagged[i].first.first;
      l.column = tagged[i].first.second;
      layout->lines.push_back(std::move(l));
    }
    i = j;
  }
  for (PageTable& t : layout->tables) {
    bool in_zone;
    t.section = section_of(t.box.y0, t.box.y1, &in_zone);
    t.column = !in_zone ? 0 : ((t.box.x0 + t.box.x1) / 2 < gutter ? 0 : 1);
  }
}

}  // namespace jixiao::pdf
