// Pass 6, paragraphs: body lines of one page, in reading order, are grouped
// into paragraphs. A new paragraph starts after a vertical gap clearly wider
// than the usual line gap, on a change of font size or weight, on a first-line
// indent, after a line that ends short of the right margin (unless it ends
// inside a sentence where the next line's first unit would not have fitted),
// and on a line that starts with a numbering label (SplitNumberingLabel); a
// centred title wrapped onto two lines stays one. Tables are placed among
// the paragraphs by position. Cell paragraphs use the same cues inside the
// cell; a figure wrapped at a line end is joined whole. Covered by
// pdf_test.cc (Paragraphs, CellParagraphs, FigureWrappedInANarrowCell),
// pdf_producer_test.cc (wraps, titles) and pdf_accuracy_test.cc.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "extractors/pdf/layout.h"
#include "extractors/pdf/line_build.h"
#include "pipeline/model/cjk.h"
#include "pipeline/model/numbering_label.h"
#include "pipeline/model/utf8.h"

namespace jixiao::pdf {

namespace {

bool StartsWithLabel(const std::string& text) {
  std::string rest;
  return SplitNumberingLabel(text, &rest).style != LabelStyle::kNone;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(q * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

double Em(const Line& l) { return std::max(1.0, l.font_size); }

bool EndsSentence(const std::string& text) {
  char32_t c = LastCodePoint(text);
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A || c == '.' ||
         c == '!' || c == '?' || c == ';' || c == ':';
}

}  // namespace

namespace {

bool FigureChar(char c) { return (c >= '0' && c <= '9') || c == '.'; }

// A year as written in these reports: 19xx or 20xx.
bool YearLike(const std::string& digits) {
  return digits.size() == 4 && (digits.rfind("19", 0) == 0 || digits.rfind("20", 0) == 0);
}

}  // namespace

bool JoinsAsOneFigure(const std::string& before, const std::string& after) {
  size_t a = before.size();
  while (a > 0 && FigureChar(before[a - 1])) --a;
  size_t b = 0;
  while (b < after.size() && FigureChar(after[b])) ++b;
  const std::string head = before.substr(a), tail = after.substr(0, b);
  if (head.empty() || tail.empty()) return false;
  const std::string rest = after.substr(b);
  const bool head_point = head.find('.') != std::string::npos, tail_point = tail.find('.') != std::string::npos;
  // Two decimal points ("12.5" / "3.6万元"), or a leading zero ("0" / "5万元"):
  // no single figure is written so.
  if (head_point && tail_point) return false;
  if (head == "0" && tail[0] != '.') return false;
  if (head.back() == '.' && tail[0] == '.') return false;
  // Two years ("2023" / "2024年", "2023" / "2024"): a year is four digits,
  // so a year marker after the joined digits would make a longer one.
  const std::string joined = head + tail;
  if (YearLike(head) && YearLike(tail) && !head_point) return false;
  if (rest.rfind("年", 0) == 0 && YearLike(tail) && !YearLike(joined)) return false;
  return true;
}

std::string JoinLines(const std::vector<Line>& lines) {
  std::string text;
  for (const Line& l : lines) {
    if (!text.empty()) {
      // A figure wrapped in a narrow cell or at the end of a line ("202640"
      // / "0元", "≤202." / "6万元") is one figure: the lines joined here are
      // one paragraph, so digits and a decimal point meeting at the wrap are
      // joined without a space, unless they cannot be one figure (two
      // years, two decimal points). Lines the author broke are paragraphs apart.
      if (!JoinsAsOneFigure(text, l.text)) text += JoinSeparator(text, l.text, false, true);
    }
    text += l.text;
  }
  return text;
}

namespace {

// The second of two lines is centred and the first is centred on the same
// axis or runs across the whole text width (a long title wrapped).
bool CentredPair(const Line& a, const Line& b, double left, double right) {
  double mid = (left + right) / 2, em = Em(a);
  double ma = (a.box.x0 + a.box.x1) / 2, mb = (b.box.x0 + b.box.x1) / 2;
  bool b_centred = std::fabs(mb - mid) < 2 * em && b.box.x0 > left + 0.8 * em;
  bool a_centred = std::fabs(ma - mb) < em;
  bool a_full = a.box.x0 <= left + 2 * em && a.box.x1 >= right - 2 * em;
  return b_centred && (a_centred || a_full);
}

}  // namespace

double FirstUnitWidth(const Line& l) {
  // Estimated widths (CJK one em, Latin letters and digits 0.6, ASCII
  // punctuation 0.35), scaled by the line's real width over its estimate so
  // that narrow or wide fonts count as drawn.
  auto estimate = [](char32_t c) {
    return JoinsWithoutSpace(c) ? 1.0 : c < 0x80 && NeverStartsLine(c) ? 0.35 : 0.6;
  };
  double unit = 0, total = 0;
  bool in_unit = true, latin = false, opening_run = false;
  for (size_t i = 0; i < l.text.size();) {
    char32_t c = DecodeUtf8(l.text, &i);
    double e = c == ' ' ? 0.3 : estimate(c);
    total += e;
    if (!in_unit) continue;
    // Opening punctuation cannot end a line: it goes with what follows.
    bool opening_only = unit > 0 && !latin && opening_run;
    if (c == ' ' || (unit > 0 && !opening_only && !NeverStartsLine(c) && (JoinsWithoutSpace(c) || !latin))) {
      in_unit = false;
      continue;
    }
    opening_run = NeverEndsLine(c) && (unit == 0 || opening_run);
    if (!NeverStartsLine(c) && !JoinsWithoutSpace(c)) latin = true;
    unit += e;
  }
  double em = Em(l);
  double width = l.box.x1 - l.box.x0;
  double scale = total > 0 && width > 0 ? std::clamp(width / (total * em), 0.5, 2.0) : 1.0;
  return std::max(unit * em * scale, 0.5 * em);
}

std::vector<std::string> CellParagraphs(const PageCell& cell, double padding) {
  std::vector<std::string> out;
  if (cell.lines.empty()) return {""};
  double right = 0;
  for (const Line& l : cell.lines) right = std::max(right, l.box.x1);
  double inner = (cell.box.x1 - cell.box.x0) - 2 * padding;
  std::vector<Line> cur;
  for (const Line& l : cell.lines) {
    if (!cur.empty()) {
      const Line& p = cur.back();
      // The next line's first word would have fitted after this line, with
      // a margin for CJK layout grids that leave up to two ems: the break
      // was the author's, not a wrap. Centred text has its slack on both
      // sides, other text on the right.
      double centre = (cell.box.x0 + cell.box.x1) / 2, mid = (p.box.x0 + p.box.x1) / 2;
      double slack = std::fabs(mid - centre) < 2.0 && p.box.x0 > cell.box.x0 + padding + 1.0
                         ? inner - (p.box.x1 - p.box.x0)
                         : cell.box.x1 - padding - p.box.x1;
      bool room = slack > FirstUnitWidth(l) + 1.5 * Em(l) &&
                  !NeverStartsLine(FirstCodePoint(l.text)) && !NeverEndsLine(LastCodePoint(p.text));
      // A line ending short of the others closes a paragraph unless it ends
      // inside a sentence and the next line's first unit would not have
      // fitted (`…活动46` / `场，…`).
      double short_by = right - p.box.x1;
      bool short_end = short_by > 1.5 * Em(p) &&
                       (EndsSentence(p.text) || short_by > FirstUnitWidth(l) + 0.5 * Em(p));
      bool split = short_end || room || StartsWithLabel(l.text) ||
                   l.box.y0 - p.box.y1 > 1.2 * (p.box.y1 - p.box.y0);
      if (split) {
        out.push_back(JoinLines(cur));
        cur.clear();
      }
    }
    cur.push_back(l);
  }
  out.push_back(JoinLines(cur));
  return out;
}

double CellPadding(const PageTable& table) {
  double pad = 1e300;
  for (const PageCell& c : table.cells)
    for (const Line& l : c.lines) pad = std::min(pad, l.box.x0 - c.box.x0);
  return pad > 1e299 ? 2.0 : std::clamp(pad, 0.5, 10.0);
}

std::vector<PageItem> BuildPageItems(const PageLayout& layout) {
  // Elements in reading order: (section, column, top, kind, index).
  using Key = std::tuple<int, int, double, int, size_t>;
  std::vector<Key> order;
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    const Line& l = layout.lines[i];
    order.push_back({l.section, l.column, 0.0, 0, i});  // lines keep their order
  }
  for (size_t i = 0; i < layout.tables.size(); ++i) {
    const PageTable& t = layout.tables[i];
    order.push_back({t.section, t.column, t.box.y0, 1, i});
  }
  // Lines are already top to bottom within (section, column); give them their
  // y so tables fall between them.
  for (Key& k : order)
    if (std::get<3>(k) == 0) std::get<2>(k) = layout.lines[std::get<4>(k)].box.y0;
  std::stable_sort(order.begin(), order.end(), [](const Key& a, const Key& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    return std::get<2>(a) < std::get<2>(b);
  });

  // Margins and usual line gap per (section, column).
  // right_max: how far full lines not ending with punctuation reach (90th
  // percentile; producers whose justified lines end unevenly, as Chromium's,
  // reach well beyond `right`).
  struct Frame { double left = 0, right = 0, gap = 0, right_max = 0; };
  auto frame_of = [&](int section, int column) {
    std::vector<double> x0, x1, gaps;
    std::vector<double> ends;  // of lines not ending with punctuation
    const Line* prev = nullptr;
    for (const Line& l : layout.lines) {
      if (l.section != section || l.column != column) continue;
      x0.push_back(l.box.x0);
      x1.push_back(l.box.x1);
      if (!NeverStartsLine(LastCodePoint(l.text))) ends.push_back(l.box.x1);
      if (prev) gaps.push_back(l.box.y0 - prev->box.y1);
      prev = &l;
    }
    Frame f;
    f.left = Percentile(x0, 0.05);
    // Right margin: where the full (justified) lines end; the median of the
    // line ends near the rightmost one.
    double far = Percentile(x1, 1.0);
    std::vector<double> near;
    for (double x : x1)
      if (x >= far - 30) near.push_back(x);
    f.right = Percentile(near, 0.5);
    f.gap = gaps.empty() ? 0 : std::max(0.0, Percentile(gaps, 0.5));
    std::vector<double> near_ends;
    for (double x : ends)
      if (x >= far - 30) near_ends.push_back(x);
    f.right_max = Percentile(near_ends, 0.9);
    // Full-width text: when no line reaches far right (a page of short
    // lines), take the right margin as wide as the left one.
    bool full_width = layout.columns == 1 || section % 2 == 0;
    if (full_width && !x0.empty()) f.right = std::max(f.right, layout.width - f.left - 12.0);
    return f;
  };

  std::vector<PageItem> items;
  std::vector<Line> cur;
  Frame frame;
  int frame_section = -1, frame_column = -1;
  auto flush = [&] {
    if (cur.empty()) return;
    PageItem item;
    item.lines = std::move(cur);
    cur.clear();
    item.box = item.lines[0].box;
    for (const Line& l : item.lines) {
      item.box.x0 = std::min(item.box.x0, l.box.x0);
      item.box.y0 = std::min(item.box.y0, l.box.y0);
      item.box.x1 = std::max(item.box.x1, l.box.x1);
      item.box.y1 = std::max(item.box.y1, l.box.y1);
    }
    const Line& first = item.lines.front();
    const Line& last = item.lines.back();
    item.open_start = first.box.x0 <= frame.left + 0.8 * Em(first) && !StartsWithLabel(first.text);
    item.open_end = last.box.x1 >= frame.right - 1.5 * Em(last);
    item.end_room = frame.right - last.box.x1;
    item.end_em = Em(last);
    items.push_back(std::move(item));
  };
  for (const Key& k : order) {
    if (std::get<3>(k) == 1) {
      flush();
      PageItem item;
      item.is_table = true;
      item.table = layout.tables[std::get<4>(k)];
      item.box = item.table.box;
      items.push_back(std::move(item));
      continue;
    }
    const Line& l = layout.lines[std::get<4>(k)];
    if (l.section != frame_section || l.column != frame_column) {
      flush();
      frame = frame_of(l.section, l.column);
      frame_section = l.section;
      frame_column = l.column;
    }
    if (!cur.empty()) {
      const Line& p = cur.back();
      double h = p.box.y1 - p.box.y0;
      // A line that ends short closes its paragraph, unless it ends inside a
      // sentence and what starts the next line would not have fitted in
      // the room left (`…满意度为` / `95%。`).
      double room = frame.right - p.box.x1;
      bool short_end = room > 1.5 * Em(p) &&
                       (EndsSentence(p.text) || room > FirstUnitWidth(l) + 0.5 * Em(p));
      // A centred line wrapped onto the next one (a long title): the first
      // line left no room for the next one's first character.
      bool centred_wrap = CentredPair(p, l, frame.left, frame.right) &&
                          (frame.right - frame.left) - (p.box.x1 - p.box.x0) <
                              FirstUnitWidth(l) + 2.5 * Em(p) &&
                          !EndsSentence(p.text);
      // An OCR'd line's size is its band's height, lower for a line of
      // figures only (`98.69%。` under `…预算执行率`) than for one with
      // Chinese characters: sizes are compared between two such lines only,
      // and the band varies by a fifth from line to line (the two lines of
      // one title read 23 and 19 pt), so by a quarter of an em.
      const bool sizes_tell = !layout.ocr || (HasHanIdeograph(p.text) && HasHanIdeograph(l.text));
      const double size_step = layout.ocr ? 0.25 : 0.15;
      bool split = l.box.y0 - p.box.y1 > frame.gap + 0.5 * h ||
                   (sizes_tell && std::fabs(l.font_size - p.font_size) > size_step * Em(p)) || l.bold != p.bold ||
                   (!centred_wrap && (l.box.x0 > frame.left + 0.8 * Em(l) || short_end)) ||
                   StartsWithLabel(l.text) ||
                   // A last line a little wider than the text area (not
                   // justified, its full stop squeezed in) closes a
                   // paragraph; a whole hanging punctuation mark does not.
                   (p.box.x1 > frame.right + 0.5 && p.box.x1 > frame.right_max + 0.5 &&
                    p.box.x1 < frame.right + 0.5 * Em(p) && LastCodePoint(p.text) == 0x3002);
      if (split) flush();
    }
    cur.push_back(l);
  }
  flush();
  return items;
}

}  // namespace jixiao::pdf
