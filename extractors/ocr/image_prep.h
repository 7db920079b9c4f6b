// Image work before OCR (Leptonica): seal removal by colour, binarisation,
// deskew, and table rules found by morphology and taken out of the image so
// that Tesseract sees only text. Each function returns new images; the caller
// owns them (pixDestroy). Covered by ocr_test.cc.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "extractors/ocr/ocr.h"

namespace jixiao::ocr {

// An 8-bit grey image of `colour` (any depth) without the seal: a pixel
// whose colour is a seal's red (red well above green and blue) gets its red
// channel scaled by the seal's brightest red (the seal multiplied over the
// page leaves the page's grey there), so a pure seal pixel is white and
// grey text or a thin rule under the seal keeps its grey. A dark pixel
// where black text crosses the seal stays dark. *removed counts the pixels
// that became white.
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
// A vertical rule at least min_length long that stops short of a horizontal
// rule by at most min_length / 3 (a break in the scan; a row of one line is
// taller) is carried on to it; a horizontal rule that stops short of such a
// vertical one by at most min_length / 2 likewise.
std::vector<Rule> FindRules(Pix* binary, int min_length, int max_thickness, Pix** text);

// `binary` without `rules` and the pixels along them (within
// max_thickness / 2 + 2): what FindRules leaves in *text.
Pix* WithoutRules(Pix* binary, const std::vector<Rule>& rules, int max_thickness);

// The rules of `rules` that belong to a grid: a horizontal rule whose two
// ends lie on vertical rules of `rules`, a vertical one whose two ends lie on
// horizontal ones (within `slack` pixels).
std::vector<Rule> GridRules(const std::vector<Rule>& rules, double slack);

// A 1-bit image of `grey` in which every pixel darker than light grey is
// ink: for finding rules, which a scan leaves thin and grey (see FindRules).
Pix* FaintInk(Pix* grey);

// The page Tesseract reads: `grey` (8 bit) where `text` (its binarised
// ink, rules taken out) has ink or touches it, white elsewhere, so the
// strokes keep their grey edges and nothing the threshold dropped is left.
Pix* GreyWithoutRules(Pix* grey, Pix* text);

// A rectangle in pixels.
struct PixelBox {
  int x = 0, y = 0, w = 0, h = 0;
};

// The ruled tables drawn by `rules` on a w x h image: *tables gets each
// table's box (rules that touch, at least min_width wide and min_height
// tall: one row of a table continued on the next page is a table) and the
// result is every cell: a region enclosed by rules, so a merged cell (a rule
// missing) is one cell. Cells narrower or lower than min_cell are left out.
std::vector<PixelBox> TableCells(const std::vector<Rule>& rules, int w, int h, int min_width, int min_height,
                                 int min_cell, std::vector<PixelBox>* tables);

// What a table cell holds when Tesseract reads nothing in it, from the ink of
// `cell` in `binary` (1 bit, rules taken out) made at `dpi`: "——" (one "—"
// per em of length) when the ink is one thin horizontal stroke, or strokes
// end to end, at least half an em long; "……" (one "…" per three dots) when
// it is three or more small dots on one baseline; else "". The Chinese
// model has no "—" and reads a cell of dots as nothing. *ink gets the ink's
// box. `em` is the body text's size in pixels.
std::string DashesOrDots(Pix* binary, const PixelBox& cell, double em, PixelBox* ink);

// The runs of rows of `cell` in `binary` (1 bit, rules taken out) that hold
// ink and lie outside every band of `read` (row ranges [top, bottom) in
// pixels, what the engine read), at least `min_height` rows tall, gaps of
// up to `min_height` blank rows bridged (the strokes of 二): lines of a cell the
// engine's segmentation dropped. Each as [top, bottom) in image rows.
std::vector<std::pair<int, int>> UnreadInkRows(Pix* binary, const PixelBox& cell,
                                               const std::vector<std::pair<int, int>>& read, int min_height);

// The number of horizontal bars in `box` of `binary` (1 bit): runs of rows
// each holding a run of ink at least `min_run` pixels long, told apart by
// at least one row without. 一, 二 and 三 have 1, 2 and 3; the chi_sim model
// confuses them where no word around them decides (a heading's 三、).
int HorizontalBars(Pix* binary, const PixelBox& box, int min_run);

// The runs of columns of `box` in `binary` (1 bit) that hold ink, told
// apart by at least one column without, as [first, last] columns: the
// glyphs of a figure ("10" is two runs, "99.2%" five).
std::vector<std::pair<int, int>> InkColumnRuns(Pix* binary, const PixelBox& box);

// The room a dash takes in `area` of `binary` (1 bit), whose height is the
// line's band: the distance from the ink left of the dash to the ink right
// of it, where the dash is the thin pieces of ink (at most an eighth of the
// band tall; a scan breaks a thin stroke into several) in the band's middle
// rows. 0 when there is no such dash, no ink on one side, or other ink
// crosses the dash's columns (a stroke of 二, 工 or 十). A range dash "—"
// takes an em; a hyphen about half of one.
int DashSpan(Pix* binary, const PixelBox& area);

// The full stop "。" ending the line band [top, bottom) of `binary` (1 bit)
// near x (the engine's word box ends within half an em of it either way):
// the rightmost piece of ink within an em of x, clear of the ink before it,
// a small ring (at most 0.3 em, hollow) in the band's lower half. *mark gets
// its box. The model drops a paragraph's last "。" often, and a paragraph
// without it reads as cut off mid-sentence.
bool FullStopRightOf(Pix* binary, int x, int top, int bottom, PixelBox* mark);

// The comparator drawn between x0 and x1 in the line band [top, bottom] of
// `image` (1 bit, pixels): a chevron with one thin bar under it is "≥" or
// "≤", with two "≧" or "≦", by the side its point is on; else "". The
// widest bar under the glyph anchors it; ink beside the bar (a neighbouring
// digit inside a generous box) is not part of it, other ink over it makes
// it no comparator. The Chinese model has none of these glyphs and reads
// them ">" / "<" or as a Chinese character.
std::string ComparatorShape(Pix* image, int x0, int x1, int top, int bottom);

}  // namespace jixiao::ocr
