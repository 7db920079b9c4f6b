// Leptonica image work before OCR: seal removal by colour, binarisation,
// deskew, rules by morphology. Covered by ocr_test.cc (ImagePrep tests on
// drawn images and the scan fixture).
#include "extractors/ocr/image_prep.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace jixiao::ocr {

namespace {

// A seal's red: red clearly above both other channels. Ink, grey text and
// the blue of a signature are not; black text over the seal is dark in all
// three channels and stays.
bool SealRed(int r, int g, int b) { return r >= 110 && r - g >= 60 && r - b >= 50; }

// Darker than this is the core of a stroke, which the seal's speck filter
// leaves alone.
constexpr int kStrokeCore = 80;

// Darker than this is ink for finding rules: a thin rule of a JPEG scan,
// once turned straight, is a line of greys from 80 to 140 that a threshold
// made for text breaks into pieces too short to be a rule.
constexpr int kFaintInk = 190;

}  // namespace

Pix* GreyWithoutSeal(Pix* colour, int* removed) {
  *removed = 0;
  Pix* rgb = pixConvertTo32(colour);
  if (!rgb) return nullptr;
  const int w = pixGetWidth(rgb), h = pixGetHeight(rgb);
  const l_uint32* src = pixGetData(rgb);
  const int swpl = pixGetWpl(rgb);
  // The seal's own red level: the brightest red of its pixels (the 95th
  // percentile of the red channel over them; JPEG noise above).
  std::vector<int> histogram(256, 0);
  int seal = 0;
  Pix* seal_mask = pixCreate(w, h, 1);
  if (!seal_mask) {
    pixDestroy(&rgb);
    return nullptr;
  }
  for (int y = 0; y < h; ++y) {
    const l_uint32* s = src + static_cast<size_t>(y) * swpl;
    for (int x = 0; x < w; ++x) {
      int r, g, b;
      extractRGBValues(s[x], &r, &g, &b);
      if (SealRed(r, g, b)) {
        ++histogram[r];
        ++seal;
        pixSetPixel(seal_mask, x, y, 1);
      }
    }
  }
  int seal_red = 255;
  for (int v = 255, above = 0; v >= 0 && seal > 0; --v) {
    above += histogram[v];
    if (above >= seal / 20) {
      seal_red = std::max(v, 110);
      break;
    }
  }
  Pix* grey = pixCreate(w, h, 8);
  pixCopyResolution(grey, rgb);
  l_uint32* dst = pixGetData(grey);
  const int dwpl = pixGetWpl(grey);
  int count = 0;
  for (int y = 0; y < h; ++y) {
    const l_uint32* s = src + static_cast<size_t>(y) * swpl;
    l_uint32* d = dst + static_cast<size_t>(y) * dwpl;
    for (int x = 0; x < w; ++x) {
      int r, g, b;
      extractRGBValues(s[x], &r, &g, &b);
      int v;
      if (SealRed(r, g, b)) {
        // Seal ink is multiplied over the page: where it lies, the red
        // channel holds the page under it, scaled by the seal's red. A pure
        // seal pixel is paper (white); grey text or a thin rule under the
        // seal keeps its grey (whitening every seal-red pixel cut rules and
        // the anti-aliased edges of glyphs under the seal).
        v = std::min(255, r * 255 / seal_red);
        if (v >= 250) ++count;
      } else {
        v = (r * 299 + g * 587 + b * 114) / 1000;
      }
      SET_DATA_BYTE(d, x, v);
    }
  }
  pixDestroy(&rgb);
  // Where the seal lies, JPEG's coarse colour leaves pixels of its strokes
  // and edges that are not red enough to be told apart, as dark specks (a
  // "15" amid them was read "二"). A 3 x 3 median over the seal and two
  // pixels around it takes out specks of a pixel or two and keeps strokes;
  // the dark core of a stroke (below kStrokeCore) stays as it is (the thin
  // strokes of a "6" beside the seal were eroded: "问题62个" read "问题2个").
  if (seal > 0) {
    Pix* near_seal = pixDilateBrick(nullptr, seal_mask, 5, 5);
    Pix* median = near_seal ? pixMedianFilter(grey, 3, 3) : nullptr;
    if (median) {
      for (int y = 0; y < h; ++y) {
        const l_uint32* m = pixGetData(near_seal) + static_cast<size_t>(y) * pixGetWpl(near_seal);
        const l_uint32* md = pixGetData(median) + static_cast<size_t>(y) * pixGetWpl(median);
        l_uint32* d = dst + static_cast<size_t>(y) * dwpl;
        for (int x = 0; x < w; ++x)
          if (GET_DATA_BIT(m, x) && GET_DATA_BYTE(d, x) >= kStrokeCore) SET_DATA_BYTE(d, x, GET_DATA_BYTE(md, x));
      }
    }
    pixDestroy(&median);
    pixDestroy(&near_seal);
  }
  pixDestroy(&seal_mask);
  *removed = count;
  return grey;
}

Pix* Binarize(Pix* grey) {
  Pix* g8 = pixConvertTo8(grey, 0);
  if (!g8) return nullptr;
  Pix* bin = nullptr;
  // Tiles of 2000 px: one threshold for most of the page, robust to a grey
  // background; the 0.1 score fraction keeps Otsu from splitting faint text.
  if (pixOtsuAdaptiveThreshold(g8, 2000, 2000, 0, 0, 0.1f, nullptr, &bin) != 0 || !bin)
    bin = pixThresholdToBinary(g8, 160);
  pixDestroy(&g8);
  return bin;
}

double Deskew(Pix* grey, Pix** straight) {
  *straight = nullptr;
  Pix* bin = Binarize(grey);
  l_float32 angle = 0, conf = 0;
  bool found = bin && pixFindSkew(bin, &angle, &conf) == 0;
  pixDestroy(&bin);
  // Leptonica's own bar (pixDeskew): below confidence 3 the angle is noise;
  // below 0.05° turning only blurs.
  if (!found || conf < 3.0f || std::fabs(angle) < 0.05f) {
    *straight = pixClone(grey);
    return 0;
  }
  const float rad = angle * static_cast<float>(M_PI / 180.0);
  *straight = pixRotate(grey, rad, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
  if (!*straight) {
    *straight = pixClone(grey);
    return 0;
  }
  return angle;
}

namespace {

// Connected components of a rule image as segments along `horizontal`.
void Segments(Pix* lines, bool horizontal, int min_length, int max_thickness,
              std::vector<Rule>* out) {
  BOXA* boxa = pixConnCompBB(lines, 8);
  if (!boxa) return;
  const int n = boxaGetCount(boxa);
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h) != 0) continue;
    const int length = horizontal ? w : h, thick = horizontal ? h : w;
    if (length < min_length || thick > max_thickness) continue;
    if (horizontal) out->push_back({double(x), y + h / 2.0, double(x + w), y + h / 2.0});
    else out->push_back({x + w / 2.0, double(y), x + w / 2.0, double(y + h)});
  }
  boxaDestroy(&boxa);
}

}  // namespace

std::vector<Rule> FindRules(Pix* binary, int min_length, int max_thickness, Pix** text) {
  std::vector<Rule> rules;
  *text = nullptr;
  // Opening with a long thin brick keeps only runs at least that long: rules,
  // and the longest strokes of large characters, told apart below.
  Pix* hor = pixOpenBrick(nullptr, binary, min_length, 1);
  Pix* ver = pixOpenBrick(nullptr, binary, 1, min_length / 2);
  if (!hor || !ver) {
    pixDestroy(&hor);
    pixDestroy(&ver);
    *text = pixClone(binary);
    return rules;
  }
  // A scanned rule has gaps (toner, JPEG): close them along the rule.
  Pix* hor_c = pixCloseSafeBrick(nullptr, hor, 15, 1);
  Pix* ver_c = pixCloseSafeBrick(nullptr, ver, 1, 15);
  std::vector<Rule> horizontal, vertical;
  Segments(hor_c, true, min_length, max_thickness, &horizontal);
  Segments(ver_c, false, min_length / 2, max_thickness, &vertical);
  pixDestroy(&hor);
  pixDestroy(&ver);
  pixDestroy(&hor_c);
  pixDestroy(&ver_c);
  // A long vertical rule that stops a little short of a horizontal one (a
  // break in the scanned rule, lost to the opening: JPEG, a faint stroke) is
  // drawn on to it, at either end, so that the cell it closes is not merged
  // with its neighbour. A row is taller than the break allowed, so a rule
  // that really ends at a row boundary is not carried on to the next one.
  const double max_break = min_length / 3.0;
  for (Rule& v : vertical) {
    if (v.y1 - v.y0 < min_length) continue;
    double up = v.y0, down = v.y1;
    for (const Rule& h : horizontal) {
      if (v.x0 < h.x0 - max_thickness || v.x0 > h.x1 + max_thickness) continue;
      if (h.y0 < v.y0 && v.y0 - h.y0 <= max_break) up = std::min(up, h.y0);
      if (h.y0 > v.y1 && h.y0 - v.y1 <= max_break) down = std::max(down, h.y0);
    }
    v.y0 = up;
    v.y1 = down;
  }
  // Likewise a horizontal rule that stops short of a long vertical one it
  // would meet (its end faded in the scan: a 300-dpi JPEG, a seal over it)
  // is carried on to it, up to 0.2 inch (the narrowest column is wider), so
  // the cell at its end is closed and not joined to the page around the
  // table (whose text was then lost with the table blanked out).
  const double max_gap = min_length / 2.0;
  for (Rule& h : horizontal) {
    double left = h.x0, right = h.x1;
    for (const Rule& v : vertical) {
      if (v.y1 - v.y0 < min_length || h.y0 < v.y0 - max_thickness || h.y0 > v.y1 + max_thickness) continue;
      if (v.x0 < h.x0 && h.x0 - v.x0 <= max_gap) left = std::min(left, v.x0);
      if (v.x0 > h.x1 && v.x0 - h.x1 <= max_gap) right = std::max(right, v.x0);
    }
    h.x0 = left;
    h.x1 = right;
  }
  // A vertical rule of a table meets a horizontal one (at an end or across);
  // the upright stroke of a title character meets none.
  const double slack = max_thickness + 4;
  for (const Rule& v : vertical) {
    for (const Rule& h : horizontal) {
      if (h.y0 >= v.y0 - slack && h.y0 <= v.y1 + slack && v.x0 >= h.x0 - slack && v.x0 <= h.x1 + slack) {
        rules.push_back(v);
        break;
      }
    }
  }
  rules.insert(rules.begin(), horizontal.begin(), horizontal.end());
  *text = WithoutRules(binary, rules, max_thickness);
  return rules;
}

Pix* WithoutRules(Pix* binary, const std::vector<Rule>& rules, int max_thickness) {
  // The rules and the pixels along them (anti-aliasing, thickening).
  Pix* text = pixCopy(nullptr, binary);
  const int pad = max_thickness / 2 + 2;
  for (const Rule& r : rules) {
    const int x0 = static_cast<int>(r.x0) - pad, y0 = static_cast<int>(r.y0) - pad;
    const int x1 = static_cast<int>(r.x1) + pad, y1 = static_cast<int>(r.y1) + pad;
    if (text) pixRasterop(text, x0, y0, x1 - x0 + 1, y1 - y0 + 1, PIX_CLR, nullptr, 0, 0);
  }
  return text;
}

std::vector<Rule> GridRules(const std::vector<Rule>& rules, double slack) {
  // Does `end` (a point) lie on a rule of the other direction?
  auto on_rule = [&](double x, double y, bool vertical) {
    for (const Rule& r : rules) {
      const bool is_vertical = r.x0 == r.x1 && r.y0 != r.y1;
      if (is_vertical != vertical) continue;
      if (x >= std::min(r.x0, r.x1) - slack && x <= std::max(r.x0, r.x1) + slack &&
          y >= std::min(r.y0, r.y1) - slack && y <= std::max(r.y0, r.y1) + slack)
        return true;
    }
    return false;
  };
  std::vector<Rule> out;
  for (const Rule& r : rules) {
    const bool vertical = r.x0 == r.x1 && r.y0 != r.y1;
    if (on_rule(r.x0, r.y0, !vertical) && on_rule(r.x1, r.y1, !vertical)) out.push_back(r);
  }
  return out;
}

Pix* FaintInk(Pix* grey) {
  Pix* g8 = pixConvertTo8(grey, 0);
  if (!g8) return nullptr;
  Pix* faint = pixThresholdToBinary(g8, kFaintInk);
  pixDestroy(&g8);
  return faint;
}

Pix* GreyWithoutRules(Pix* grey, Pix* text) {
  Pix* out = pixConvertTo8(grey, 0);
  if (!out || !text) return out;
  // The ink of `text` and a pixel around it (the anti-aliased edges of the
  // strokes) keep their grey; everything else is paper. What the threshold
  // left out (the faint edges of a rule taken out, a seal's pink fringe,
  // scanner noise) is not left for the model to read as strokes: a cell of
  // "5" with a rule's faint edge beside it was read "号".
  Pix* keep = pixDilateBrick(nullptr, text, 3, 3);
  if (!keep) return out;
  pixInvert(keep, keep);
  pixPaintThroughMask(out, keep, 0, 0, 255);
  pixDestroy(&keep);
  return out;
}

std::vector<PixelBox> TableCells(const std::vector<Rule>& rules, int w, int h, int min_width, int min_height,
                                 int min_cell, std::vector<PixelBox>* tables) {
  std::vector<PixelBox> cells;
  tables->clear();
  if (rules.empty() || w <= 0 || h <= 0) return cells;
  Pix* mask = pixCreate(w, h, 1);
  if (!mask) return cells;
  // Rules drawn 3 px thick and a little longer, so that corners close.
  for (const Rule& r : rules) {
    const int x0 = static_cast<int>(r.x0) - 3, y0 = static_cast<int>(r.y0) - 3;
    const int x1 = static_cast<int>(r.x1) + 3, y1 = static_cast<int>(r.y1) + 3;
    if (r.y0 == r.y1) pixRasterop(mask, x0, static_cast<int>(r.y0) - 1, x1 - x0, 3, PIX_SET, nullptr, 0, 0);
    else pixRasterop(mask, static_cast<int>(r.x0) - 1, y0, 3, y1 - y0, PIX_SET, nullptr, 0, 0);
  }
  BOXA* groups = pixConnCompBB(mask, 8);
  for (int i = 0; groups && i < boxaGetCount(groups); ++i) {
    l_int32 x, y, bw, bh;
    boxaGetBoxGeometry(groups, i, &x, &y, &bw, &bh);
    if (bw >= min_width && bh >= min_height) tables->push_back({x, y, bw, bh});
  }
  boxaDestroy(&groups);
  if (!tables->empty()) {
    pixInvert(mask, mask);
    BOXA* regions = pixConnCompBB(mask, 4);
    for (int i = 0; regions && i < boxaGetCount(regions); ++i) {
      l_int32 x, y, bw, bh;
      boxaGetBoxGeometry(regions, i, &x, &y, &bw, &bh);
      if (bw < min_cell || bh < min_cell) continue;
      for (const PixelBox& t : *tables) {
        // Inside a table, and not the page around it.
        if (x >= t.x && y >= t.y && x + bw <= t.x + t.w && y + bh <= t.y + t.h &&
            static_cast<double>(bw) * bh < 0.9 * static_cast<double>(t.w) * t.h) {
          cells.push_back({x, y, bw, bh});
          break;
        }
      }
    }
    boxaDestroy(&regions);
  }
  pixDestroy(&mask);
  return cells;
}

std::vector<std::pair<int, int>> UnreadInkRows(Pix* binary, const PixelBox& cell,
                                               const std::vector<std::pair<int, int>>& read, int min_height) {
  std::vector<std::pair<int, int>> out;
  if (!binary || cell.w <= 0 || cell.h <= 0 || min_height <= 0) return out;
  std::vector<bool> inked(cell.h, false);
  for (int r = 0; r < cell.h; ++r) {
    const int row = cell.y + r;
    bool covered = false;
    for (const auto& [top, bottom] : read) covered = covered || (row >= top && row < bottom);
    if (covered) continue;
    BOX* line = boxCreate(cell.x, row, cell.w, 1);
    l_int32 n = 0;
    pixCountPixelsInRect(binary, line, &n, nullptr);
    boxDestroy(&line);
    inked[r] = n >= 2;  // a stray pixel or two is scanner noise
  }
  int start = -1, last = -1;
  auto close = [&] {
    if (start >= 0 && last + 1 - start >= min_height) out.push_back({cell.y + start, cell.y + last + 1});
    start = -1;
  };
  for (int r = 0; r < cell.h; ++r) {
    if (!inked[r]) continue;
    if (start >= 0 && r - last - 1 > min_height) close();
    if (start < 0) start = r;
    last = r;
  }
  close();
  return out;
}

int HorizontalBars(Pix* binary, const PixelBox& box, int min_run) {
  if (!binary || pixGetDepth(binary) != 1 || min_run <= 0) return 0;
  const int x0 = std::max(0, box.x), y0 = std::max(0, box.y);
  const int x1 = std::min(pixGetWidth(binary), box.x + box.w), y1 = std::min(pixGetHeight(binary), box.y + box.h);
  int bars = 0;
  bool in_bar = false;
  for (int y = y0; y < y1; ++y) {
    int run = 0, longest = 0;
    for (int x = x0; x < x1; ++x) {
      l_uint32 v = 0;
      pixGetPixel(binary, x, y, &v);
      run = v ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    const bool bar = longest >= min_run;
    if (bar && !in_bar) ++bars;
    in_bar = bar;
  }
  return bars;
}

std::vector<std::pair<int, int>> InkColumnRuns(Pix* binary, const PixelBox& box) {
  std::vector<std::pair<int, int>> runs;
  if (!binary || pixGetDepth(binary) != 1) return runs;
  const int x0 = std::max(0, box.x), y0 = std::max(0, box.y);
  const int x1 = std::min(pixGetWidth(binary), box.x + box.w), y1 = std::min(pixGetHeight(binary), box.y + box.h);
  bool in_run = false;
  for (int x = x0; x < x1; ++x) {
    bool ink = false;
    for (int y = y0; y < y1 && !ink; ++y) {
      l_uint32 v = 0;
      pixGetPixel(binary, x, y, &v);
      ink = v != 0;
    }
    if (ink && !in_run) runs.push_back({x, x});
    if (ink) runs.back().second = x;
    in_run = ink;
  }
  return runs;
}

int DashSpan(Pix* binary, const PixelBox& area) {
  if (!binary || pixGetDepth(binary) != 1 || area.h < 8) return 0;
  const int x0 = std::max(0, area.x), y0 = std::max(0, area.y);
  const int x1 = std::min(pixGetWidth(binary), area.x + area.w), y1 = std::min(pixGetHeight(binary), area.y + area.h);
  if (x1 - x0 < area.h / 2 || y1 <= y0) return 0;
  BOX* clip = boxCreate(x0, y0, x1 - x0, y1 - y0);
  Pix* part = pixClipRectangle(binary, clip, nullptr);
  boxDestroy(&clip);
  if (!part) return 0;
  BOXA* boxa = pixConnCompBB(part, 8);
  pixDestroy(&part);
  const int n = boxa ? boxaGetCount(boxa) : 0;
  const int band = area.h, thin = std::max(2, band / 8), speck = std::max(2, band / 6);
  // The dash: thin pieces in the middle rows (a scan breaks a 1-pixel
  // stroke into several); specks are neither dash nor glyph.
  int dash0 = std::numeric_limits<int>::max(), dash1 = -1;
  std::vector<PixelBox> glyphs;
  for (int i = 0; i < n; ++i) {
    l_int32 bx, by, bw, bh;
    if (boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh) != 0) continue;
    const double middle = by + bh / 2.0;
    if (bh <= thin && bw > speck && middle >= 0.3 * band && middle <= 0.8 * band) {
      dash0 = std::min(dash0, bx);
      dash1 = std::max(dash1, bx + bw);
    } else if (bw > speck || bh > speck) {
      glyphs.push_back({bx, by, bw, bh});
    }
  }
  boxaDestroy(&boxa);
  if (dash1 < 0) return 0;
  int left = -1, right = std::numeric_limits<int>::max();
  for (const PixelBox& g : glyphs) {
    if (g.x + g.w <= dash0 + 2) left = std::max(left, g.x + g.w);
    else if (g.x >= dash1 - 2) right = std::min(right, g.x);
    else return 0;  // ink across the dash: a character's stroke
  }
  if (left < 0 || right == std::numeric_limits<int>::max()) return 0;
  return right - left;
}

bool FullStopRightOf(Pix* binary, int x, int top, int bottom, PixelBox* mark) {
  const int em = bottom - top;
  if (!binary || em < 8) return false;
  // The engine's word box may already take in the stop: from an em before x.
  const int x0 = std::max(0, x - em), x1 = std::min(pixGetWidth(binary), x + em);
  const int y0 = std::max(0, top), y1 = std::min(pixGetHeight(binary), bottom);
  if (x1 - x0 < em || y1 <= y0) return false;
  BOX* clip = boxCreate(x0, y0, x1 - x0, y1 - y0);
  Pix* part = pixClipRectangle(binary, clip, nullptr);
  boxDestroy(&clip);
  if (!part) return false;
  PIXA* pixa = nullptr;
  BOXA* boxa = pixConnComp(part, &pixa, 8);
  pixDestroy(&part);
  const int n = boxa ? boxaGetCount(boxa) : 0;
  // The rightmost piece of ink; it must also lie clear of every other.
  int last = -1, last_right = -1, others_right = -1;
  for (int i = 0; i < n; ++i) {
    l_int32 bx, by, bw, bh;
    if (boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh) != 0 || bw * bh <= 2) continue;  // noise
    if (bx + bw > last_right) {
      if (last >= 0) others_right = std::max(others_right, last_right);
      last = i;
      last_right = bx + bw;
    } else {
      others_right = std::max(others_right, bx + bw);
    }
  }
  bool found = false;
  l_int32 bx, by, bw, bh;
  if (last >= 0 && boxaGetBoxGeometry(boxa, last, &bx, &by, &bw, &bh) == 0) {
    // Smaller than any part of a character that is hollow (the 口 of 和 is
    // some 0.4 em), in the band's lower half, round, hollow, clear of the
    // ink before it.
    const bool small = bw <= em * 3 / 10 && bh <= em * 3 / 10 && bw >= em / 12 && bh >= em / 12;
    const bool low = by + bh / 2 > (y1 - y0) / 2;
    const bool round = bw * 10 >= bh * 7 && bh * 10 >= bw * 7;
    const bool clear = bx > others_right && x0 + bx >= x - em / 2;
    l_uint32 middle = 1;
    Pix* piece = pixaGetPix(pixa, last, L_CLONE);
    if (piece) pixGetPixel(piece, bw / 2, bh / 2, &middle);
    pixDestroy(&piece);
    found = small && low && round && clear && middle == 0;
    if (found) *mark = {x0 + bx, y0 + by, bw, bh};
  }
  boxaDestroy(&boxa);
  pixaDestroy(&pixa);
  return found;
}

std::string DashesOrDots(Pix* binary, const PixelBox& cell, double em, PixelBox* ink) {
  *ink = {};
  if (!binary || cell.w <= 0 || cell.h <= 0 || em <= 0) return "";
  BOX* clip = boxCreate(cell.x, cell.y, cell.w, cell.h);
  Pix* part = pixClipRectangle(binary, clip, nullptr);
  boxDestroy(&clip);
  if (!part) return "";
  BOXA* boxa = pixConnCompBB(part, 8);
  pixDestroy(&part);
  if (!boxa) return "";
  struct Comp {
    int x, y, w, h;
  };
  std::vector<Comp> comps;
  for (int i = 0; i < boxaGetCount(boxa); ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h) != 0) continue;
    if (w * h <= 2) continue;  // a speck of scanner noise
    comps.push_back({x, y, w, h});
  }
  boxaDestroy(&boxa);
  if (comps.empty() || comps.size() > 40) return "";
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
  for (const Comp& c : comps) {
    x0 = std::min(x0, c.x);
    y0 = std::min(y0, c.y);
    x1 = std::max(x1, c.x + c.w);
    y1 = std::max(y1, c.y + c.h);
  }
  *ink = {cell.x + x0, cell.y + y0, x1 - x0, y1 - y0};
  const double thin = std::max(3.0, em / 6);  // a stroke of a dash, or a dot
  // Everything on one line: the ink no taller than a stroke or a dot.
  if (y1 - y0 > thin * 1.5) return "";
  bool strokes = true, dots = true;
  for (const Comp& c : comps) {
    if (c.h > thin || c.w < 3 * c.h || c.w < em / 4) strokes = false;
    if (c.w > thin || c.h > thin || c.w > 3 * c.h || c.h > 3 * c.w) dots = false;
  }
  const double span = x1 - x0;
  if (strokes && span >= em / 2) {
    std::string out;
    const int n = std::clamp(static_cast<int>(std::lround(span / em)), 1, 12);
    for (int i = 0; i < n; ++i) out += "—";
    return out;
  }
  if (dots && comps.size() >= 3) {
    std::string out;
    const int n = std::clamp(static_cast<int>(std::lround(comps.size() / 3.0)), 1, 12);
    for (int i = 0; i < n; ++i) out += "…";
    return out;
  }
  return "";
}

// The comparator drawn between x0 and x1 in the line band [top, bottom] of
// `image` (1 bit): a chevron with one thin bar under it is "≥" or "≤", with
// two "≧" or "≦", by the side its point is on; else "". The Chinese model
// has none of these and reads them ">" / "<" or as a Chinese character.
std::string ComparatorShape(Pix* image, int x0, int x1, int top, int bottom) {
  if (!image || x1 <= x0 || bottom <= top) return "";
  const int band = bottom - top, width = x1 - x0;
  const int pad = std::max(2, width / 4);
  const int cx = std::max(0, x0 - pad), cy = std::max(0, top - band / 6);
  const int cw = std::min(pixGetWidth(image), x1 + pad) - cx;
  const int ch = std::min(pixGetHeight(image), bottom + band / 3) - cy;
  if (cw <= 0 || ch <= 0) return "";
  BOX* clip = boxCreate(cx, cy, cw, ch);
  Pix* part = pixClipRectangle(image, clip, nullptr);
  boxDestroy(&clip);
  if (!part) return "";
  PIXA* pixa = nullptr;
  BOXA* boxa = pixConnComp(part, &pixa, 8);
  pixDestroy(&part);
  std::string out;
  struct Comp {
    int x, y, w, h;
  };
  std::vector<Comp> comps;
  const int n = boxa ? boxaGetCount(boxa) : 0;
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h) != 0) continue;
    comps.push_back({cx + x, cy + y, w, h});
  }
  auto overlap = [](const Comp& a, const Comp& b) {
    return std::max(0, std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x));
  };
  auto is_bar = [&](const Comp& c) { return c.h <= std::max(3, band / 5) && c.w >= 3 * c.h && c.w >= band / 4; };
  // The widest bar under the glyph anchors the comparator: the chevron is
  // the one other mark above it, over most of its width; ink beside it (a
  // neighbouring digit inside a generous box) is not part of it.
  int bar = -1;
  for (int i = 0; i < static_cast<int>(comps.size()); ++i) {
    const Comp& c = comps[i];
    const int centre = c.x + c.w / 2;
    if (is_bar(c) && centre >= x0 - pad / 2 && centre <= x1 + pad / 2 && (bar < 0 || c.w > comps[bar].w)) bar = i;
  }
  int chevron = -1, chevrons = 0;
  for (int i = 0; bar >= 0 && i < static_cast<int>(comps.size()); ++i) {
    const Comp& c = comps[i];
    if (i == bar || c.w * c.h <= 2 || overlap(c, comps[bar]) * 10 < c.w * 3) continue;
    if (is_bar(c) && c.y > comps[bar].y - 2 * c.h - band / 6) continue;  // a second bar (≧)
    if (c.y + c.h <= comps[bar].y + 1 && c.h >= band / 4 && c.w >= band / 6 && overlap(c, comps[bar]) * 10 >= c.w * 6)
      chevron = i, ++chevrons;
    else
      chevrons += 2;  // other ink over the bar: not a comparator alone
  }
  if (chevrons == 1) {
    const Comp& cv = comps[chevron];
    const int x = cv.x - cx, y = cv.y - cy, w = cv.w, h = cv.h;
    int under = 0;
    for (const Comp& b : comps)
      if (is_bar(b) && b.y >= cv.y + h * 6 / 10 && overlap(b, cv) * 2 >= w) ++under;
    (void)x;
    (void)y;
    // Which side the point is on: the ink's mean x in the top rows against
    // the middle rows (">" opens to the left at the top, points right).
    Pix* c = pixaGetPix(pixa, chevron, L_CLONE);
    double top_x = 0, mid_x = 0;
    int top_n = 0, mid_n = 0;
    for (int row = 0; c && row < h; ++row) {
      const bool in_top = row < std::max(1, h / 4), in_mid = row >= h * 2 / 5 && row <= h * 3 / 5;
      if (!in_top && !in_mid) continue;
      for (int col = 0; col < w; ++col) {
        l_uint32 v = 0;
        pixGetPixel(c, col, row, &v);
        if (!v) continue;
        if (in_top) top_x += col, ++top_n;
        else mid_x += col, ++mid_n;
      }
    }
    pixDestroy(&c);
    if (top_n && mid_n && (under == 1 || under == 2)) {
      top_x /= top_n;
      mid_x /= mid_n;
      if (mid_x > top_x + 0.25 * w) out = under == 1 ? "≥" : "≧";
      else if (mid_x < top_x - 0.25 * w) out = under == 1 ? "≤" : "≦";
    }
  }
  boxaDestroy(&boxa);
  pixaDestroy(&pixa);
  return out;
}

}  // namespace jixiao::ocr
