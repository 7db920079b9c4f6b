// Image work before OCR (Leptonica): seal removal by colour, binarisation,
// deskew, and table rules found by morphology and taken out of the image so
// that Tesseract sees only text. Each function returns new images; the caller
// owns them (pixDestroy). Covered by ocr_test.cc.
#pragma once

#include <vector>

#include "extractors/ocr/ocr.h"

namespace jixiao::ocr {

// An 8-bit grey image of `colour` (any depth) in which every pixel whose
// colour is a seal's red (red well above green and blue) is white. A dark
// pixel where black text crosses the seal stays dark. *removed counts the
// pixels whitened.
Pix* GreyWithoutSeal(Pix* colour, int* removed);

// The skew of the text lines of `grey` in degrees (0 when not found with
// confidence) and, in *straight, `grey` turned by it (a copy when 0).
double Deskew(Pix* grey, Pix** straight);

// A 1-bit image of `grey`, black = 1 (Otsu threshold on large tiles, so a
// grey scanner background is white).
Pix* Binarize(Pix* grey);

// Horizontal and vertical rules of `binary` (1 bit) at least `min_length`
// pixels long and at most `max_thickness` thick, as segments in pixels.
// *text gets `binary` without them (and without the pixels touching them).
std::vector<Rule> FindRules(Pix* binary, int min_length, int max_thickness, Pix** text);

// A rectangle in pixels.
struct PixelBox {
  int x = 0, y = 0, w = 0, h = 0;
};

// The ruled tables drawn by `rules` on a w x h image: *tables gets each
// table's box (rules that touch, at least min_size each way) and the result
// is every cell: a region enclosed by rules, so a merged cell (a rule
// missing) is one cell. Cells narrower or lower than min_cell are left out.
std::vector<PixelBox> TableCells(const std::vector<Rule>& rules, int w, int h, int min_size, int min_cell,
                                 std::vector<PixelBox>* tables);

}  // namespace jixiao::ocr
