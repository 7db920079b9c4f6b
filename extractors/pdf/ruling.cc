// Pass 3, ruling lines. Tables are found from the paths drawn on the page, as
// delivered by poppler's OutputDev (see text_collect.cc), not from a rendered
// bitmap: we chose libpoppler-private (OutputDev gets every stroke/fill with
// exact coordinates) over rendering with poppler-cpp's page_renderer and
// searching pixels (Camelot lattice) because it is exact (no pixel rounding,
// thin or light-grey borders are not lost, no threshold to tune), it costs no
// rasterisation (the text pass runs the content stream once for both), and it
// keeps tables on pages of any size cheap. Borders drawn as thin filled
// rectangles (Word, WPS) and stroked lines (LibreOffice) are both accepted.
//
// Collinear segments are merged into lines; lines that cross or touch are
// grouped with a union-find; a group with ≥ 2 horizontal and ≥ 2 vertical
// lines is a table. Covered by pdf_test.cc (RuledTable, MergedCells,
// TableAcrossPages) and pdf_accuracy_test.cc.
#include "extractors/pdf/ruling.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace jixiao::pdf {

namespace {

constexpr size_t kMaxLines = 3000;

// Merges segments of one orientation: same coordinate within tol and
// overlapping or touching along the line.
std::vector<Segment> Merge(std::vector<Segment> segs, bool horizontal, double tol) {
  auto pos = [&](const Segment& s) { return horizontal ? s.y0 : s.x0; };
  auto lo = [&](const Segment& s) { return horizontal ? s.x0 : s.y0; };
  auto hi = [&](const Segment& s) { return horizontal ? s.x1 : s.y1; };
  std::sort(segs.begin(), segs.end(), [&](const Segment& a, const Segment& b) {
    if (pos(a) != pos(b)) return pos(a) < pos(b);
    return lo(a) < lo(b);
  });
  // Bucket by coordinate first.
  std::vector<Segment> out;
  size_t i = 0;
  while (i < segs.size()) {
    size_t j = i + 1;
    double base = pos(segs[i]);
    while (j < segs.size() && pos(segs[j]) - base <= tol) ++j;
    std::vector<Segment> bucket(segs.begin() + i, segs.begin() + j);
    std::sort(bucket.begin(), bucket.end(), [&](const Segment& a, const Segment& b) { return lo(a) < lo(b); });
    double sum = 0;
    for (const Segment& s : bucket) sum += pos(s);
    double p = sum / bucket.size();
    double cur_lo = lo(bucket[0]), cur_hi = hi(bucket[0]);
    auto flush = [&] {
      Segment s = horizontal ? Segment{cur_lo, p, cur_hi, p} : Segment{p, cur_lo, p, cur_hi};
      out.push_back(s);
    };
    for (size_t k = 1; k < bucket.size(); ++k) {
      if (lo(bucket[k]) <= cur_hi + tol) {
        cur_hi = std::max(cur_hi, hi(bucket[k]));
      } else {
        flush();
        cur_lo = lo(bucket[k]);
        cur_hi = hi(bucket[k]);
      }
    }
    flush();
    i = j;
  }
  return out;
}

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(int a, int b) { parent[Find(a)] = Find(b); }
};

}  // namespace

std::vector<RulingGroup> FindRulingGroups(const std::vector<Segment>& segments, double tol) {
  std::vector<Segment> hs, vs;
  for (const Segment& s : segments) (s.horizontal() ? hs : vs).push_back(s);
  hs = Merge(std::move(hs), true, tol);
  vs = Merge(std::move(vs), false, tol);
  std::vector<RulingGroup> groups;
  if (hs.size() < 2 || vs.size() < 2) return groups;
  // Pairing is up to |hs| x |vs|; real pages have a few hundred lines, so a
  // page with thousands of long crossing lines is a hatch pattern or an
  // attack, not a table.
  if (hs.size() > kMaxLines || vs.size() > kMaxLines) return groups;

  // Lines that cross or touch. Sorting verticals by x lets each horizontal
  // line look only at the verticals within its x range.
  std::vector<size_t> vorder(vs.size());
  std::iota(vorder.begin(), vorder.end(), 0);
  std::sort(vorder.begin(), vorder.end(), [&](size_t a, size_t b) { return vs[a].x0 < vs[b].x0; });
  std::vector<double> vx(vs.size());
  for (size_t k = 0; k < vorder.size(); ++k) vx[k] = vs[vorder[k]].x0;

  UnionFind uf(hs.size() + vs.size());
  std::vector<bool> touched(hs.size() + vs.size(), false);
  for (size_t h = 0; h < hs.size(); ++h) {
    const Segment& a = hs[h];
    auto it = std::lower_bound(vx.begin(), vx.end(), a.x0 - tol);
    for (size_t k = it - vx.begin(); k < vx.size() && vx[k] <= a.x1 + tol; ++k) {
      const Segment& b = vs[vorder[k]];
      if (a.y0 >= b.y0 - tol && a.y0 <= b.y1 + tol) {
        uf.Union(static_cast<int>(h), static_cast<int>(hs.size() + vorder[k]));
        touched[h] = touched[hs.size() + vorder[k]] = true;
      }
    }
  }
  std::vector<int> group_of(hs.size() + vs.size(), -1);
  for (size_t i = 0; i < hs.size() + vs.size(); ++i) {
    if (!touched[i]) continue;
    int root = uf.Find(static_cast<int>(i));
    if (group_of[root] < 0) {
      group_of[root] = static_cast<int>(groups.size());
      groups.emplace_back();
      groups.back().box = {1e300, 1e300, -1e300, -1e300};
    }
    RulingGroup& g = groups[group_of[root]];
    const Segment& s = i < hs.size() ? hs[i] : vs[i - hs.size()];
    (i < hs.size() ? g.horizontal : g.vertical).push_back(s);
    g.box.x0 = std::min(g.box.x0, s.x0);
    g.box.y0 = std::min(g.box.y0, s.y0);
    g.box.x1 = std::max(g.box.x1, s.x1);
    g.box.y1 = std::max(g.box.y1, s.y1);
  }
  std::vector<RulingGroup> tables;
  for (RulingGroup& g : groups) {
    if (g.horizontal.size() < 2 || g.vertical.size() < 2) continue;
    if (g.box.x1 - g.box.x0 < 10 || g.box.y1 - g.box.y0 < 5) continue;
    tables.push_back(std::move(g));
  }
  std::sort(tables.begin(), tables.end(), [](const RulingGroup& a, const RulingGroup& b) {
    return a.box.y0 < b.box.y0;
  });
  return tables;
}

}  // namespace jixiao::pdf
