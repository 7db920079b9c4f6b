// Leptonica image work before OCR: seal removal by colour, binarisation,
// deskew, rules by morphology. Covered by ocr_test.cc (ImagePrep tests on
// drawn images and the scan fixture).
#include "extractors/ocr/image_prep.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>

namespace jixiao::ocr {

namespace {

// A seal's red: red clearly above both other channels. Ink, grey text and
// the blue of a signature are not; black text over the seal is dark in all
// three channels and stays.
bool SealRed(int r, int g, int b) { return r >= 110 && r - g >= 60 && r - b >= 50; }

}  // namespace

Pix* GreyWithoutSeal(Pix* colour, int* removed) {
  *removed = 0;
  Pix* rgb = pixConvertTo32(colour);
  if (!rgb) return nullptr;
  const int w = pixGetWidth(rgb), h = pixGetHeight(rgb);
  Pix* grey = pixCreate(w, h, 8);
  pixCopyResolution(grey, rgb);
  const l_uint32* src = pixGetData(rgb);
  l_uint32* dst = pixGetData(grey);
  const int swpl = pixGetWpl(rgb), dwpl = pixGetWpl(grey);
  int count = 0;
  for (int y = 0; y < h; ++y) {
    const l_uint32* s = src + static_cast<size_t>(y) * swpl;
    l_uint32* d = dst + static_cast<size_t>(y) * dwpl;
    for (int x = 0; x < w; ++x) {
      int r, g, b;
      extractRGBValues(s[x], &r, &g, &b);
      int v;
      if (SealRed(r, g, b)) {
        v = 255;
        ++count;
      } else {
        v = (r * 299 + g * 587 + b * 114) / 1000;
      }
      SET_DATA_BYTE(d, x, v);
    }
  }
  pixDestroy(&rgb);
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
  // Take the rules (and the pixels along them: anti-aliasing, thickening)
  // out of the image Tesseract reads.
  *text = pixCopy(nullptr, binary);
  const int pad = max_thickness / 2 + 2;
  for (const Rule& r : rules) {
    const int x0 = static_cast<int>(r.x0) - pad, y0 = static_cast<int>(r.y0) - pad;
    const int x1 = static_cast<int>(r.x1) + pad, y1 = static_cast<int>(r.y1) + pad;
    pixRasterop(*text, x0, y0, x1 - x0 + 1, y1 - y0 + 1, PIX_CLR, nullptr, 0, 0);
  }
  return rules;
}

std::vector<PixelBox> TableCells(const std::vector<Rule>& rules, int w, int h, int min_size, int min_cell,
                                 std::vector<PixelBox>* tables) {
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
    if (bw >= min_size && bh >= min_size) tables->push_back({x, y, bw, bh});
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

}  // namespace jixiao::ocr
