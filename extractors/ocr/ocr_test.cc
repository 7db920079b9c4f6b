// Tests of the OCR component: the image work on drawn images (seal colour,
// rules, skew), and one page of a generated scan (corpus/scans, made by
// make_scans.py from corpus/variants/rate-mismatch.pdf) read against the text it was
// printed from.
#include "extractors/ocr/ocr.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>

#include "extractors/ocr/image_prep.h"
#include "pipeline/model/utf8.h"

namespace jixiao::ocr {
namespace {

void Fill(Pix* pix, int x0, int y0, int x1, int y1, l_uint32 value) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) pixSetPixel(pix, x, y, value);
}

l_uint32 Rgb(int r, int g, int b) {
  l_uint32 v;
  composeRGBPixel(r, g, b, &v);
  return v;
}

TEST(ImagePrep, SealRedBecomesWhiteInkStays) {
  Pix* page = pixCreate(120, 40, 32);
  Fill(page, 0, 0, 120, 40, Rgb(250, 248, 240));  // paper
  Fill(page, 0, 0, 40, 40, Rgb(214, 38, 46));     // seal ink
  Fill(page, 40, 0, 80, 40, Rgb(20, 20, 20));     // text ink
  Fill(page, 80, 0, 100, 40, Rgb(60, 10, 15));    // text under the seal: dark
  Fill(page, 100, 0, 120, 40, Rgb(30, 40, 160));  // a blue signature
  int removed = 0;
  Pix* grey = GreyWithoutSeal(page, &removed);
  ASSERT_NE(grey, nullptr);
  EXPECT_EQ(removed, 40 * 40);
  l_uint32 v;
  pixGetPixel(grey, 10, 10, &v);
  EXPECT_EQ(v, 255u);
  pixGetPixel(grey, 50, 10, &v);
  EXPECT_LT(v, 40u);
  pixGetPixel(grey, 90, 10, &v);
  EXPECT_LT(v, 60u);
  pixGetPixel(grey, 110, 10, &v);
  EXPECT_LT(v, 100u);
  pixDestroy(&grey);
  pixDestroy(&page);
}

TEST(ImagePrep, SpecksTheSealLeavesGoStrokesUnderItStay) {
  // A seal's stroke with pixels JPEG left dark and not red enough (single
  // pixels and pairs), and a black stroke of text 3 px wide crossing it; a
  // lone dark pixel far from the seal (a decimal point's worth of ink
  // elsewhere is not touched).
  Pix* page = pixCreate(120, 60, 32);
  Fill(page, 0, 0, 120, 60, Rgb(250, 248, 240));
  Fill(page, 10, 10, 90, 30, Rgb(214, 38, 46));  // the seal's stroke
  Fill(page, 20, 15, 21, 16, Rgb(120, 90, 95));  // specks in it
  Fill(page, 40, 20, 42, 21, Rgb(110, 80, 85));
  Fill(page, 60, 29, 61, 31, Rgb(120, 90, 95));  // at its edge
  Fill(page, 70, 0, 73, 60, Rgb(20, 20, 20));    // text crossing the seal
  Fill(page, 110, 50, 111, 51, Rgb(40, 40, 40)); // ink away from the seal
  int removed = 0;
  Pix* grey = GreyWithoutSeal(page, &removed);
  ASSERT_NE(grey, nullptr);
  l_uint32 v;
  for (auto [x, y] : {std::pair{20, 15}, {40, 20}, {41, 20}, {60, 29}, {60, 30}}) {
    pixGetPixel(grey, x, y, &v);
    EXPECT_GT(v, 200u) << x << "," << y;
  }
  for (int y : {5, 20, 45}) {
    pixGetPixel(grey, 71, y, &v);
    EXPECT_LT(v, 60u) << y;
  }
  pixGetPixel(grey, 110, 50, &v);
  EXPECT_LT(v, 60u);
  pixDestroy(&grey);
  pixDestroy(&page);
}

TEST(ImagePrep, RulesOfAGridAreFoundAndTakenOut) {
  // A 3 x 2 cell table ruled 3 px thick, with a glyph-like blob in each cell.
  Pix* bin = pixCreate(900, 400, 1);
  const int ys[] = {50, 150, 250, 350}, xs[] = {100, 500, 800};
  for (int y : ys) pixRasterop(bin, 100, y, 701, 3, PIX_SET, nullptr, 0, 0);
  for (int x : xs) pixRasterop(bin, x, 50, 3, 303, PIX_SET, nullptr, 0, 0);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 2; ++c) pixRasterop(bin, xs[c] + 40, ys[r] + 30, 30, 30, PIX_SET, nullptr, 0, 0);
  Pix* text = nullptr;
  std::vector<Rule> rules = FindRules(bin, 120, 10, &text);
  int horizontal = 0, vertical = 0;
  for (const Rule& r : rules) {
    if (r.y0 == r.y1) {
      ++horizontal;
      EXPECT_NEAR(r.x1 - r.x0, 701, 3);
    } else {
      ++vertical;
      EXPECT_NEAR(r.y1 - r.y0, 303, 3);
    }
  }
  EXPECT_EQ(horizontal, 4);
  EXPECT_EQ(vertical, 3);
  ASSERT_NE(text, nullptr);
  l_int32 ink = 0;
  pixCountPixels(text, &ink, nullptr);
  EXPECT_EQ(ink, 6 * 30 * 30);  // the blobs, nothing of the rules
  pixDestroy(&text);
  pixDestroy(&bin);
}

TEST(ImagePrep, ThinGreyRuleOfAScanIsFoundInTheFaintInk) {
  // A grey page: the grid of RulesOfAGridAreFoundAndTakenOut in black, but
  // the rule at y = 250 one pixel thick and grey (80 at its left end, 140 at
  // its right), as a thin rule of a JPEG scan comes out once turned
  // straight; black blobs of text in the cells.
  Pix* grey = pixCreate(900, 400, 8);
  pixSetAll(grey);  // white
  const int ys[] = {50, 150, 250, 350}, xs[] = {100, 500, 800};
  for (int y : ys) {
    if (y == 250) {
      for (int x = 100; x <= 800; ++x) pixSetPixel(grey, x, y, 80 + 60 * (x - 100) / 700);
    } else {
      pixRasterop(grey, 100, y, 701, 3, PIX_CLR, nullptr, 0, 0);
    }
  }
  for (int x : xs) pixRasterop(grey, x, 50, 3, 303, PIX_CLR, nullptr, 0, 0);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 2; ++c) pixRasterop(grey, xs[c] + 40, ys[r] + 30, 30, 30, PIX_CLR, nullptr, 0, 0);
  auto horizontal_at = [](const std::vector<Rule>& rules, double y) {
    for (const Rule& r : rules)
      if (r.y0 == r.y1 && std::fabs(r.y0 - y) <= 2 && r.x1 - r.x0 >= 690) return true;
    return false;
  };
  // The threshold made for text keeps the rule's darker half only.
  Pix* binary = Binarize(grey);
  Pix* text = nullptr;
  const std::vector<Rule> from_text_ink = FindRules(binary, 120, 10, &text);
  pixDestroy(&text);
  EXPECT_FALSE(horizontal_at(from_text_ink, 250));
  // The faint ink has it whole; the text left is the blobs.
  Pix* faint = FaintInk(grey);
  const std::vector<Rule> rules = FindRules(faint, 120, 10, &text);
  pixDestroy(&text);
  EXPECT_TRUE(horizontal_at(rules, 250));
  EXPECT_TRUE(horizontal_at(rules, 150));
  // It ends on the grid's vertical rules, as do the others; a lone stroke
  // (a bold heading run together) does not.
  std::vector<Rule> with_stroke = rules;
  with_stroke.push_back({300, 20, 420, 20});
  const std::vector<Rule> grid = GridRules(with_stroke, 14);
  EXPECT_EQ(grid.size(), rules.size());
  EXPECT_TRUE(horizontal_at(grid, 250));
  text = WithoutRules(binary, rules, 10);
  ASSERT_NE(text, nullptr);
  l_int32 ink = 0;
  pixCountPixels(text, &ink, nullptr);
  EXPECT_EQ(ink, 6 * 30 * 30);
  pixDestroy(&text);
  pixDestroy(&faint);
  pixDestroy(&binary);
  pixDestroy(&grey);
}

TEST(ImagePrep, BrokenVerticalRuleIsCarriedOnToTheRuleItMeets) {
  // A 2-column table whose middle rule breaks 25 px below the top rule (a
  // faint stretch of a scan) and whose right rule ends at a row boundary.
  Pix* bin = pixCreate(900, 400, 1);
  for (int y : {50, 100, 350}) pixRasterop(bin, 100, y, 701, 3, PIX_SET, nullptr, 0, 0);
  pixRasterop(bin, 100, 50, 3, 303, PIX_SET, nullptr, 0, 0);
  pixRasterop(bin, 800, 50, 3, 303, PIX_SET, nullptr, 0, 0);
  pixRasterop(bin, 450, 78, 3, 275, PIX_SET, nullptr, 0, 0);  // broken: 25 px missing at the top
  pixRasterop(bin, 600, 100, 3, 253, PIX_SET, nullptr, 0, 0);  // ends at the row rule at 100
  Pix* text = nullptr;
  std::vector<Rule> rules = FindRules(bin, 120, 10, &text);
  bool middle = false, right = false;
  for (const Rule& r : rules) {
    if (r.y0 == r.y1) continue;
    if (std::fabs(r.x0 - 451) < 3) {
      middle = true;
      EXPECT_NEAR(r.y0, 51, 2) << "carried on to the top rule";
    }
    if (std::fabs(r.x0 - 601) < 3) {
      right = true;
      EXPECT_NEAR(r.y0, 100, 2) << "a rule ending at a row boundary stays there";
    }
  }
  EXPECT_TRUE(middle);
  EXPECT_TRUE(right);
  pixDestroy(&text);
  pixDestroy(&bin);
}

TEST(ImagePrep, HorizontalRuleFadedAtItsEndIsCarriedOnToTheVerticalOne) {
  // A table whose bottom rule fades 30 px before the right rule (a 300-dpi
  // JPEG scan): the bottom cell was open to the page, so it was no cell
  // and its text, blanked out with the table, was lost. A rule that ends
  // at a column rule 120 px before the next one stays there.
  Pix* bin = pixCreate(900, 400, 1);
  pixRasterop(bin, 100, 50, 701, 3, PIX_SET, nullptr, 0, 0);
  pixRasterop(bin, 100, 200, 351, 3, PIX_SET, nullptr, 0, 0);  // ends at the column rule at 450
  pixRasterop(bin, 100, 350, 671, 3, PIX_SET, nullptr, 0, 0);  // faded: 30 px missing at the right
  pixRasterop(bin, 100, 50, 3, 303, PIX_SET, nullptr, 0, 0);
  pixRasterop(bin, 800, 50, 3, 303, PIX_SET, nullptr, 0, 0);
  pixRasterop(bin, 450, 50, 3, 303, PIX_SET, nullptr, 0, 0);
  Pix* text = nullptr;
  std::vector<Rule> rules = FindRules(bin, 120, 10, &text);
  bool bottom = false, middle = false;
  for (const Rule& r : rules) {
    if (r.y0 != r.y1) continue;
    if (std::fabs(r.y0 - 351) < 3) {
      bottom = true;
      EXPECT_NEAR(r.x1, 801, 2) << "carried on to the right rule";
    }
    if (std::fabs(r.y0 - 201) < 3) {
      middle = true;
      EXPECT_NEAR(r.x1, 451, 2) << "a rule ending at a column rule stays there";
    }
  }
  EXPECT_TRUE(bottom);
  EXPECT_TRUE(middle);
  std::vector<PixelBox> tables;
  const std::vector<PixelBox> cells = TableCells(rules, 900, 400, 100, 100, 10, &tables);
  EXPECT_EQ(cells.size(), 3u);  // the bottom-right cell closed
  pixDestroy(&text);
  pixDestroy(&bin);
}

TEST(ImagePrep, GreyUnderTheSealIsKeptAndTheSealIsPaper) {
  // The seal multiplied over the page: pure seal (214, 38, 46), a grey rule
  // (180) under it (151, 27, 32), black text under it (0, 0, 0).
  Pix* page = pixCreate(90, 30, 32);
  Fill(page, 0, 0, 90, 30, Rgb(214, 38, 46));
  Fill(page, 30, 0, 60, 30, Rgb(151, 27, 32));
  Fill(page, 60, 0, 90, 30, Rgb(0, 0, 0));
  int removed = 0;
  Pix* grey = GreyWithoutSeal(page, &removed);
  ASSERT_NE(grey, nullptr);
  EXPECT_EQ(removed, 30 * 30);
  l_uint32 v;
  pixGetPixel(grey, 10, 10, &v);
  EXPECT_EQ(v, 255u);
  pixGetPixel(grey, 40, 10, &v);
  EXPECT_NEAR(static_cast<int>(v), 180, 3);  // was whitened: rules under the seal cut
  pixGetPixel(grey, 70, 10, &v);
  EXPECT_EQ(v, 0u);
  pixDestroy(&grey);
  pixDestroy(&page);
}

// Cells the Chinese model reads as nothing: a dash, dots, or other ink.
TEST(ImagePrep, DashesAndDotsOfACellReadFromTheInk) {
  const double em = 36;  // 10.5 pt at 250 dpi
  struct MarkCase {
    std::vector<std::array<int, 4>> ink;  // x, y, w, h inside a 300 x 80 cell
    std::string mark;
  };
  const MarkCase cases[] = {
      {{{100, 40, 72, 3}}, "——"},                          // one stroke two em long
      {{{100, 40, 34, 3}, {136, 40, 35, 3}}, "——"},        // two em dashes end to end
      {{{100, 40, 36, 3}}, "—"},
      {{{100, 44, 4, 4}, {112, 44, 4, 4}, {124, 44, 4, 4}, {148, 44, 4, 4}, {160, 44, 4, 4}, {172, 44, 4, 4}},
       "……"},
      {{{100, 44, 4, 4}, {112, 44, 4, 4}, {124, 44, 4, 4}}, "…"},
      {{{100, 30, 20, 20}}, ""},                            // a blob, not a mark
      {{{100, 40, 72, 3}, {100, 20, 3, 30}}, ""},           // a stroke and an upright: a character
      {{{100, 44, 4, 4}, {112, 44, 4, 4}}, ""},             // two dots are no ellipsis
  };
  for (const MarkCase& c : cases) {
    Pix* bin = pixCreate(400, 200, 1);
    for (const auto& r : c.ink) pixRasterop(bin, 50 + r[0], 60 + r[1], r[2], r[3], PIX_SET, nullptr, 0, 0);
    PixelBox ink;
    EXPECT_EQ(DashesOrDots(bin, {50, 60, 300, 80}, em, &ink), c.mark) << c.ink.size() << " marks";
    pixDestroy(&bin);
  }
}

TEST(ImagePrep, InkRowsNoWordReadAreFound) {
  // A cell 300 x 120 at (50, 60): a line of ink at rows 70..99 that a word
  // covers, one at 130..159 that none covers (its strokes 12 rows apart), a
  // speck at 175.
  Pix* bin = pixCreate(400, 240, 1);
  pixRasterop(bin, 80, 70, 120, 30, PIX_SET, nullptr, 0, 0);
  pixRasterop(bin, 80, 130, 60, 8, PIX_SET, nullptr, 0, 0);  // "二": two strokes
  pixRasterop(bin, 80, 150, 60, 10, PIX_SET, nullptr, 0, 0);
  pixRasterop(bin, 90, 175, 1, 1, PIX_SET, nullptr, 0, 0);
  const std::vector<std::pair<int, int>> read = {{68, 102}};
  const auto unread = UnreadInkRows(bin, {50, 60, 300, 120}, read, 15);
  ASSERT_EQ(unread.size(), 1u);
  EXPECT_EQ(unread[0], (std::pair<int, int>{130, 160}));
  // Everything read: nothing left.
  EXPECT_TRUE(UnreadInkRows(bin, {50, 60, 300, 120}, {{68, 102}, {128, 175}}, 15).empty());
  pixDestroy(&bin);
}

TEST(ImagePrep, BarsOfANumeralAreCounted) {
  // An em of 60 px. 一, 二, 三 as 1, 2, 3 strokes 40 px long; a "、" beside
  // them (a short slanted blob) is no bar; a vertical stroke crossing the
  // bars (干) leaves them bars.
  Pix* bin = pixCreate(400, 100, 1);
  pixRasterop(bin, 10, 45, 40, 6, PIX_SET, nullptr, 0, 0);  // 一
  pixRasterop(bin, 110, 25, 34, 6, PIX_SET, nullptr, 0, 0);  // 二
  pixRasterop(bin, 105, 70, 44, 6, PIX_SET, nullptr, 0, 0);
  for (int y : {20, 45, 72}) pixRasterop(bin, 210, y, 40, 5, PIX_SET, nullptr, 0, 0);  // 三
  for (int k = 0; k < 8; ++k) pixRasterop(bin, 255 + k, 78 + k, 3, 2, PIX_SET, nullptr, 0, 0);  // 、
  pixRasterop(bin, 328, 15, 5, 70, PIX_SET, nullptr, 0, 0);  // 干
  for (int y : {20, 50}) pixRasterop(bin, 310, y, 40, 5, PIX_SET, nullptr, 0, 0);
  const int min_run = 18;  // 0.3 em
  EXPECT_EQ(HorizontalBars(bin, {0, 0, 70, 100}, min_run), 1);
  EXPECT_EQ(HorizontalBars(bin, {100, 0, 60, 100}, min_run), 2);
  EXPECT_EQ(HorizontalBars(bin, {200, 0, 70, 100}, min_run), 3);
  EXPECT_EQ(HorizontalBars(bin, {300, 0, 60, 100}, min_run), 2);
  EXPECT_EQ(HorizontalBars(bin, {0, 0, 5, 5}, min_run), 0);
  pixDestroy(&bin);
}

TEST(ImagePrep, DashSpanIsTheRoomBetweenTheFiguresItJoins) {
  // A line band 36 px tall at rows 10..45, as at 300 dpi; figures are
  // strokes 14 px wide and 26 tall. An em dash (the scan broke its 1-px
  // stroke in three) leaves an em between the figures, a hyphen half as
  // much; a stroke crossed by another (十) is no dash.
  Pix* bin = pixCreate(600, 60, 1);
  auto figure = [&](int x) { pixRasterop(bin, x, 15, 14, 26, PIX_SET, nullptr, 0, 0); };
  figure(10);  // 16—18: the dash from 30 to 62
  for (auto [x, w] : {std::pair{30, 14}, {47, 8}, {57, 5}}) pixRasterop(bin, x, 29, w, 1, PIX_SET, nullptr, 0, 0);
  figure(67);
  figure(200);  // 16-18
  pixRasterop(bin, 219, 29, 10, 2, PIX_SET, nullptr, 0, 0);
  figure(234);
  figure(400);  // 1十1
  pixRasterop(bin, 420, 29, 30, 2, PIX_SET, nullptr, 0, 0);
  pixRasterop(bin, 434, 14, 2, 28, PIX_SET, nullptr, 0, 0);
  figure(456);
  EXPECT_EQ(DashSpan(bin, {10, 10, 71, 36}), 43);
  EXPECT_EQ(DashSpan(bin, {200, 10, 48, 36}), 20);
  EXPECT_EQ(DashSpan(bin, {400, 10, 70, 36}), 0);
  EXPECT_EQ(DashSpan(bin, {10, 10, 20, 36}), 0);  // a figure alone
  pixDestroy(&bin);
}

TEST(ImagePrep, FullStopIsASmallHollowRingAfterTheLine) {
  // A line band 60 px tall at rows 20..79; a glyph (two solid strokes)
  // ending at x = 100, then what follows it.
  auto line_with = [](const std::function<void(Pix*)>& draw) {
    Pix* bin = pixCreate(300, 100, 1);
    pixRasterop(bin, 50, 25, 50, 6, PIX_SET, nullptr, 0, 0);
    pixRasterop(bin, 72, 25, 6, 50, PIX_SET, nullptr, 0, 0);
    draw(bin);
    return bin;
  };
  auto ring = [](Pix* bin, int x, int y, int size) {
    pixRasterop(bin, x, y, size, 2, PIX_SET, nullptr, 0, 0);
    pixRasterop(bin, x, y + size - 2, size, 2, PIX_SET, nullptr, 0, 0);
    pixRasterop(bin, x, y, 2, size, PIX_SET, nullptr, 0, 0);
    pixRasterop(bin, x + size - 2, y, 2, size, PIX_SET, nullptr, 0, 0);
  };
  PixelBox mark;
  Pix* stop = line_with([&](Pix* b) { ring(b, 106, 64, 12); });  // 。 low, after the glyph
  EXPECT_TRUE(FullStopRightOf(stop, 100, 20, 80, &mark));
  EXPECT_EQ(mark.x, 106);
  EXPECT_EQ(mark.w, 12);
  // The engine's word box took the stop in: found from inside it too.
  EXPECT_TRUE(FullStopRightOf(stop, 118, 20, 80, &mark));
  pixDestroy(&stop);
  Pix* dot = line_with([](Pix* b) { pixRasterop(b, 106, 66, 8, 8, PIX_SET, nullptr, 0, 0); });  // solid: ．or ，
  EXPECT_FALSE(FullStopRightOf(dot, 100, 20, 80, &mark));
  pixDestroy(&dot);
  Pix* box = line_with([&](Pix* b) { ring(b, 106, 48, 26); });  // the 口 of 和: too big
  EXPECT_FALSE(FullStopRightOf(box, 100, 20, 80, &mark));
  pixDestroy(&box);
  Pix* high = line_with([&](Pix* b) { ring(b, 106, 24, 12); });  // a degree sign, high
  EXPECT_FALSE(FullStopRightOf(high, 100, 20, 80, &mark));
  pixDestroy(&high);
  Pix* none = line_with([](Pix*) {});
  EXPECT_FALSE(FullStopRightOf(none, 100, 20, 80, &mark));
  pixDestroy(&none);
}

TEST(Ocr, GlyphReadTwiceGoes) {
  // Symbol boxes in pixels as the engine gave them on scans of these cells.
  struct Case {
    std::string read;
    std::vector<std::pair<double, double>> boxes;  // x0, x1 per glyph
    std::string printed;
    // Runs of inked columns in the word's box as a scan gave them; none: not known.
    std::vector<std::pair<double, double>> ink_runs = {};
  };
  // The line band of those cells: 25 px.
  const Case cases[] = {
      {"1009%", {{27, 45}, {48, 68}, {70, 90}, {90, 99}, {92, 117}}, "100%"},   // the % ring read 9
      {"94%%", {{10, 27}, {29, 46}, {48, 70}, {52, 69}}, "94%"},
      {"15S", {{1290, 1310}, {1312, 1330}, {1316, 1331}}, "15"},
      {"99.2%", {{1118, 1154}, {1137, 1155}, {1157, 1162}, {1165, 1182}, {1183, 1204}}, "99.2%"},  // two 9s
      {"99.2%", {{1118, 1154}, {1137, 1155}, {1157, 1162}, {1165, 1182}, {1183, 1204}}, "99.2%",
       {{1120, 1135}, {1138, 1154}, {1157, 1161}, {1165, 1181}, {1184, 1203}}},
      // The two 9s touching in the ink: one run too wide for one digit.
      {"99.2%", {{1118, 1154}, {1137, 1155}, {1157, 1162}, {1165, 1182}, {1183, 1204}}, "99.2%",
       {{1120, 1154}, {1157, 1161}, {1165, 1181}, {1184, 1203}}},
      {"109", {{1294, 1309}, {1310, 1321}, {1312, 1330}}, "109"},  // which is right, boxes do not say
      {"109", {{1294, 1309}, {1310, 1321}, {1312, 1330}}, "109", {{1294, 1308}, {1311, 1320}, {1322, 1330}}},
      // "10" under a seal's remnant: the 0 read twice.
      {"109", {{1294, 1309}, {1310, 1321}, {1312, 1330}}, "10", {{1295, 1309}, {1312, 1329}}},
      {"98%", {{10, 27}, {29, 46}, {48, 70}}, "98%"},
  };
  for (const Case& c : cases) {
    Word w;
    w.text = c.read;
    std::vector<Box> boxes;
    for (const auto& [x0, x1] : c.boxes) {
      boxes.push_back({x0, 0, x1, 30});
      w.char_bytes.push_back(1);
    }
    DropGlyphsReadTwice(&boxes, &w, c.ink_runs, 25);
    EXPECT_EQ(w.text, c.printed) << c.read << " with " << c.ink_runs.size() << " runs";
    EXPECT_EQ(w.char_bytes.size(), boxes.size()) << c.read;
  }
}

TEST(Ocr, PunctuationOfChineseTextIsFullWidth) {
  // Words in reading order, as the engine returned them on scans; the
  // cells' second lines ("（A)", "(%)") are words of their own.
  auto words = [](std::vector<std::string> texts) {
    std::vector<Word> out;
    for (const std::string& t : texts) {
      Word w;
      w.text = t;
      for (Utf8Cursor c(t); !c.Done();) {
        const CodePointSpan cp = c.Next();
        w.char_bytes.push_back(static_cast<int>(cp.end - cp.begin));
      }
      out.push_back(w);
    }
    return out;
  };
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"全年预算数", "（A)"}, "全年预算数（A）"},  // one bracket read full-width: the pair is
      {{"预算执行率", "(%)"}, "预算执行率（%）"},   // after Chinese text across the line break
      {{"自评通知", "(8分)"}, "自评通知（8分）"},
      {{"(1）", "完成"}, "（1）完成"},
      {{"工作完成", "."}, "工作完成。"},
      {{"收入", ",", "支出", ";"}, "收入，支出；"},
      {{"12.5", "万元"}, "12.5万元"},                 // a decimal point stays
      {{"交流力度.", "3、建立"}, "交流力度。3、建立"},  // the next line's item number
      {{"see", "(1)", "and", "(2)"}, "see(1)and(2)"},  // Latin text keeps its own
  };
  for (const auto& [read, printed] : cases) {
    std::vector<Word> ws = words(read);
    std::vector<int> line_of(ws.size());  // one word per line
    for (size_t i = 0; i < ws.size(); ++i) line_of[i] = static_cast<int>(i);
    FullWidthPunctuation(&ws, line_of);
    std::string text;
    for (const Word& w : ws) {
      text += w.text;
      size_t bytes = 0;
      for (int b : w.char_bytes) bytes += b;
      EXPECT_EQ(bytes, w.text.size()) << w.text;
    }
    EXPECT_EQ(text, printed);
  }
}

TEST(Ocr, StrayMarksAreDroppedPunctuationStays) {
  // One line, em 12: "15" then a speck read "." 27 pt to its right; "98%"
  // then "。"-less ".", touching; a "," alone on a line of its own.
  auto word = [](const std::string& text, double x0, double x1, double y0) {
    Word w;
    w.text = text;
    w.box = {x0, y0, x1, y0 + 12};
    for (char c : text) (void)c, w.char_bytes.push_back(1);
    return w;
  };
  std::vector<Word> words = {word("15", 100, 112, 0), word(".", 139, 140, 0), word("98%", 200, 220, 20),
                             word(".", 220.5, 222, 20), word(",", 50, 51, 40)};
  std::vector<int> line_of = {0, 0, 1, 1, 2};
  DropStrayMarks(&words, &line_of);
  std::vector<std::string> kept;
  for (const Word& w : words) kept.push_back(w.text);
  EXPECT_EQ(kept, (std::vector<std::string>{"15", "98%", "."}));
  EXPECT_EQ(line_of, (std::vector<int>{0, 1, 1}));
}

TEST(Ocr, GlyphsTheModelLacksAreGivenBack) {
  struct Case {
    std::string read, printed;
  };
  const Case cases[] = {
      {"得16一18分", "得16—18分"},  {"一是加强", "一是加强"}, {"第1一", "第1一"},
      {"规模(m')", "规模(㎡)"},     {"m²", "㎡"},             {"100m’", "100㎡"},
      {"Am'x", "Am'x"},             {"m'a", "m'a"},
  };
  for (const Case& c : cases) {
    Word w;
    w.text = c.read;
    for (Utf8Cursor cur(c.read); !cur.Done();) {
      const CodePointSpan cp = cur.Next();
      w.char_bytes.push_back(static_cast<int>(cp.end - cp.begin));
    }
    for (size_t k = 0; k <= w.char_bytes.size(); ++k) w.edges.push_back(static_cast<float>(k * 10));
    std::vector<Word> words = {w};
    RestoreGlyphsTheModelLacks(&words);
    EXPECT_EQ(words[0].text, c.printed) << c.read;
    EXPECT_EQ(words[0].char_bytes.size() + 1, words[0].edges.size()) << c.read;
    int bytes = 0;
    for (int b : words[0].char_bytes) bytes += b;
    EXPECT_EQ(static_cast<size_t>(bytes), words[0].text.size()) << c.read;
  }
  // 一 as a word of its own between the figures of its line; not across lines.
  auto word = [](const std::string& text, int glyphs) {
    Word w;
    w.text = text;
    w.char_bytes.assign(glyphs, static_cast<int>(text.size()) / glyphs);
    w.edges.assign(glyphs + 1, 0.f);
    return w;
  };
  std::vector<Word> line = {word("12", 2), word("一", 1), word("14", 2), word("9", 1), word("一", 1), word("11", 2)};
  RestoreGlyphsTheModelLacks(&line, {0, 0, 0, 1, 2, 2});
  EXPECT_EQ(line[1].text, "—");
  EXPECT_EQ(line[4].text, "一");
}

// "≥" / "≤" drawn as a chevron over a bar, "≧" with two bars, ">" alone.
TEST(ImagePrep, ComparatorShapesReadFromTheInk) {
  struct ShapeCase {
    bool right;  // the point on the right (">") or the left ("<")
    int bars;
    bool digit_beside;  // a "7" drawn just right of it, inside the box given
    std::string shape;
  };
  const ShapeCase cases[] = {
      {true, 1, false, "≥"}, {false, 1, false, "≤"}, {true, 2, false, "≧"}, {false, 2, false, "≦"},
      {true, 0, false, ""},  {true, 1, true, "≥"},   {false, 1, true, "≤"},
  };
  for (const ShapeCase& c : cases) {
    Pix* bin = pixCreate(200, 100, 1);
    // Chevron 18 x 14 at (20, 20), strokes 3 px, as the scans draw it.
    const int x0 = 20, x1 = 38, top = 20, mid = 27, bottom = 34;
    const int tip = c.right ? x1 : x0, open = c.right ? x0 : x1;
    pixRenderLine(bin, open, top, tip, mid, 3, L_SET_PIXELS);
    pixRenderLine(bin, tip, mid, open, bottom, 3, L_SET_PIXELS);
    for (int b = 0; b < c.bars; ++b) pixRasterop(bin, x0, 39 + 5 * b, x1 - x0 + 1, 3, PIX_SET, nullptr, 0, 0);
    if (c.digit_beside) {
      pixRasterop(bin, 42, 18, 12, 3, PIX_SET, nullptr, 0, 0);
      pixRenderLine(bin, 53, 18, 46, 42, 3, L_SET_PIXELS);
    }
    EXPECT_EQ(ComparatorShape(bin, x0, c.digit_beside ? 50 : x1, 18, 42), c.shape)
        << (c.right ? ">" : "<") << " with " << c.bars << " bars";
    pixDestroy(&bin);
  }
}

TEST(ImagePrep, SkewOfTextLinesIsMeasuredAndUndone) {
  // Lines of "glyphs" (small boxes with gaps), then turned by 1.2 degrees.
  Pix* page = pixCreate(1600, 1200, 8);
  pixSetAll(page);  // white
  for (int line = 0; line < 20; ++line)
    for (int g = 0; g < 50; ++g)
      pixRasterop(page, 100 + g * 28, 100 + line * 50, 22, 22, PIX_CLR, nullptr, 0, 0);
  Pix* skewed = pixRotate(page, 1.2f * static_cast<float>(M_PI / 180), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
  Pix* straight = nullptr;
  double angle = Deskew(skewed, &straight);
  EXPECT_NEAR(std::fabs(angle), 1.2, 0.15);
  ASSERT_NE(straight, nullptr);
  Pix* again = nullptr;
  EXPECT_NEAR(Deskew(straight, &again), 0.0, 0.1);
  pixDestroy(&again);
  pixDestroy(&straight);
  pixDestroy(&skewed);
  pixDestroy(&page);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Code points of s without white space.
std::u32string Chars(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = DecodeUtf8(s, &i);
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0x3000) out.push_back(c);
  }
  return out;
}

size_t Lcs(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

TEST(Ocr, ScansAreRenderedAtTheirOwnResolutionWhenFiner) {
  EXPECT_EQ(RenderDpi(250, 0), 250);    // resolution unknown
  EXPECT_EQ(RenderDpi(250, 200), 250);  // coarser scans are enlarged
  EXPECT_EQ(RenderDpi(250, 150), 250);
  EXPECT_EQ(RenderDpi(250, 300), 300);  // finer ones are not resampled
  EXPECT_EQ(RenderDpi(250, 400), 400);
  EXPECT_EQ(RenderDpi(250, 600), 300);  // beyond 400: by an integer factor
  EXPECT_EQ(RenderDpi(250, 1200), 400);
  EXPECT_EQ(RenderDpi(250, 450), 250);  // never below the setting
}

TEST(OcrScan, PageWithSealAndSkewReadsAsPrinted) {
  const std::string root = JIXIAO_SOURCE_DIR;
  Settings settings;
  ASSERT_TRUE(CheckAvailable(settings).ok()) << "tesseract-ocr-chi-sim is needed (scripts/setup.sh --test)";
  std::vector<Page> pages;
  Status st = ReadPdfPages(root + "/corpus/scans/rate-mismatch-p1-200dpi.pdf", {1}, settings, 1, &pages);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(pages.size(), 1u);
  const Page& page = pages[0];
  EXPECT_NEAR(page.width, 595, 3);  // A4 in points
  EXPECT_GT(page.seal_pixels, 1000);
  EXPECT_NEAR(std::fabs(page.skew_degrees), 0.7, 0.25);
  EXPECT_GT(page.confidence, 0.8);
  std::string text;
  for (const Word& w : page.words) {
    text += w.text;
    EXPECT_EQ(w.char_bytes.size() + 1, w.edges.size());
    EXPECT_GE(w.box.x0, 0);
    EXPECT_LE(w.box.x1, page.width);
  }
  // The seal's own words are gone with its colour.
  EXPECT_EQ(text.find("测试联合会"), std::string::npos) << text;
  EXPECT_EQ(text.find("专用章"), std::string::npos) << text;
  // Character accuracy against the text the page was printed from: the
  // report's start up to the last paragraph that ends on page 1.
  const std::string expected_all = ReadFile(root + "/corpus/variants/rate-mismatch.expected.txt");
  const std::string end_marker = "预算执行率95%。";
  const size_t end = expected_all.find(end_marker);
  ASSERT_NE(end, std::string::npos);
  const std::u32string expected = Chars(expected_all.substr(0, end + end_marker.size()));
  const double accuracy = static_cast<double>(Lcs(expected, Chars(text))) / expected.size();
  std::printf("OCR character accuracy, page 1 at 200 dpi: %.4f (%zu chars), %.2f s\n", accuracy,
              expected.size(), page.seconds);
  EXPECT_GE(accuracy, 0.97) << text;
}

// The marks the Chinese model cannot read, on scanned tables (corpus/scans,
// pages of corpus/variants/clean.pdf): the comparators of the indicator
// table's targets (page 7: ≥60 ≥80 ≥4 ≥4 ≥50 ≥62 ≥70% ≥70% ≥95% ≥95%
// ≦100% ≦100%) and the cells of —— and …… (page 6: three and one).
TEST(OcrScan, ComparatorsAndDashCellsOfScannedTables) {
  const std::string root = JIXIAO_SOURCE_DIR;
  Settings settings;
  ASSERT_TRUE(CheckAvailable(settings).ok()) << "tesseract-ocr-chi-sim is needed (scripts/setup.sh --test)";
  auto words_of = [&](const std::string& file) {
    std::vector<Page> pages;
    Status st = ReadPdfPages(root + "/corpus/scans/" + file, {1}, settings, 1, &pages);
    EXPECT_TRUE(st.ok()) << st.ToString();
    std::vector<std::string> words;
    for (const Page& p : pages)
      for (const Word& w : p.words) {
        EXPECT_EQ(w.char_bytes.size() + 1, w.edges.size()) << w.text;
        words.push_back(w.text);
      }
    return words;
  };
  auto count = [](const std::vector<std::string>& words, const std::string& s) {
    size_t n = 0;
    for (const std::string& w : words)
      for (size_t at = w.find(s); at != std::string::npos; at = w.find(s, at + s.size())) ++n;
    return n;
  };
  const std::vector<std::string> p7 = words_of("clean-p7-200dpi.pdf");
  // Before the shapes were read: 2 of 12 signs right, the rest ">", "<",
  // a Chinese character or nothing. One sign of a fused ≦ may still be lost.
  std::string joined;
  for (const std::string& w : p7) joined += w;
  EXPECT_GE(count(p7, "≥"), 9u) << joined;
  EXPECT_GE(count(p7, "≤") + count(p7, "≦"), 1u) << joined;
  EXPECT_EQ(count(p7, ">") + count(p7, "<"), 0u) << joined;
  EXPECT_NE(joined.find("≥70"), std::string::npos) << joined;  // "%" itself may read "9%"
  const std::vector<std::string> p6 = words_of("clean-p6-200dpi.pdf");
  EXPECT_EQ(std::count(p6.begin(), p6.end(), "——"), 3);
  EXPECT_EQ(std::count(p6.begin(), p6.end(), "……"), 1);
  // The model has no ㎡: it reads 批复规模（㎡） and 实际规模（㎡） "(m')" or
  // "(m)" (a lone m stays: it may be metres).
  std::string joined6;
  for (const std::string& w : p6) joined6 += w;
  EXPECT_GE(count(p6, "㎡"), 1u) << joined6;
  EXPECT_EQ(joined6.find("m'"), std::string::npos) << joined6;
}

// The seed's indicator table scanned (corpus/scans/seed-p7-200dpi.pdf,
// the page as the OCR bench scans it). Read from the binarised page at
// 250 dpi, Tesseract dropped the 6 of "问题62个" (the scanned seed then had
// a FIGURE_CONFLICT of its own, 62 against 2); read from the grey page
// cleaned by the threshold, the figures come out as printed. (A grey page
// that kept a rule's faint edges read cells of one "5" beside it as Chinese
// characters.)
TEST(OcrScan, FiguresOfProseCellsAndDigitCellsReadAsPrinted) {
  const std::string root = JIXIAO_SOURCE_DIR;
  Settings settings;
  ASSERT_TRUE(CheckAvailable(settings).ok()) << "tesseract-ocr-chi-sim is needed (scripts/setup.sh --test)";
  std::vector<Page> pages;
  Status st = ReadPdfPages(root + "/corpus/scans/seed-p7-200dpi.pdf", {1}, settings, 1, &pages);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(pages.size(), 1u);
  std::string text;
  size_t fives = 0;
  for (const Word& w : pages[0].words) {
    text += w.text;
    EXPECT_EQ(w.char_bytes.size() + 1, w.edges.size()) << w.text;
    if (w.text == "5") ++fives;
  }
  EXPECT_NE(text.find("问题62个"), std::string::npos) << text;
  EXPECT_NE(text.find("问题48个"), std::string::npos) << text;
  EXPECT_NE(text.find("80余次"), std::string::npos) << text;
  // The table's cells of a lone 5 (standard and score of its rows): 12.
  EXPECT_GE(fives, 12u) << text;
  // "≥4期" twice: a ≥ read ">=" is one comparator.
  size_t ge4 = 0;
  for (size_t at = text.find("≥4期"); at != std::string::npos; at = text.find("≥4期", at + 1)) ++ge4;
  EXPECT_EQ(ge4, 2u) << text;
  EXPECT_EQ(text.find(">="), std::string::npos) << text;
  EXPECT_EQ(text.find("≥="), std::string::npos) << text;
}

// The seed's scoring table scanned at 300 dpi (corpus/scans/seed-p9-300dpi.pdf):
// the model, which has no "—", read the range dashes of "得16—18分" and
// "得12—14分" as "-", "--" or "一"; the room the dash takes between the
// figures tells it from a hyphen.
TEST(OcrScan, RangeDashesOfAScannedScoringTableReadAsPrinted) {
  const std::string root = JIXIAO_SOURCE_DIR;
  Settings settings;
  ASSERT_TRUE(CheckAvailable(settings).ok()) << "tesseract-ocr-chi-sim is needed (scripts/setup.sh --test)";
  std::vector<Page> pages;
  // Read at the scan's own 300 dpi, as the PDF back-end asks (RenderDpi).
  Status st = ReadPdfPages(root + "/corpus/scans/seed-p9-300dpi.pdf", {1}, settings, 1, &pages, {300});
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(pages.size(), 1u);
  std::string text;
  for (const Word& w : pages[0].words) {
    text += w.text;
    EXPECT_EQ(w.char_bytes.size() + 1, w.edges.size()) << w.text;
  }
  for (const char* range : {"16—18分", "13—15分", "10—12分", "12—14分", "9—11分", "6—8分"})
    EXPECT_NE(text.find(range), std::string::npos) << range << " in " << text;
  EXPECT_EQ(text.find("-"), std::string::npos) << text;
  // A hyphen between figures stays one: the telephone number of a 汇编's
  // cover letter (corpus/scans/bundle-defect-second-p1-200dpi.pdf).
  pages.clear();
  st = ReadPdfPages(root + "/corpus/scans/bundle-defect-second-p1-200dpi.pdf", {1}, settings, 1, &pages);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(pages.size(), 1u);
  std::string letter;
  for (const Word& w : pages[0].words) letter += w.text;
  EXPECT_NE(letter.find("0312-5550123"), std::string::npos) << letter;
}

TEST(ImagePrep, GreyPageKeepsTheInkAndItsEdgesOnly) {
  // Grey paper 235, a dark stroke 30 with a 150 edge, and a faint 200 line
  // (a rule's edge left by the threshold) elsewhere.
  Pix* grey = pixCreate(100, 50, 8);
  pixSetAllArbitrary(grey, 235);
  pixRasterop(grey, 20, 10, 10, 30, PIX_CLR, nullptr, 0, 0);
  for (int y = 10; y < 40; ++y) {
    pixSetPixel(grey, 20, y, 30);
    pixSetPixel(grey, 30, y, 150);
    pixSetPixel(grey, 70, y, 200);
  }
  Pix* text = pixCreate(100, 50, 1);
  pixRasterop(text, 20, 10, 10, 30, PIX_SET, nullptr, 0, 0);
  Pix* out = GreyWithoutRules(grey, text);
  ASSERT_NE(out, nullptr);
  l_uint32 v;
  pixGetPixel(out, 25, 20, &v);
  EXPECT_EQ(v, 0u);    // ink
  pixGetPixel(out, 30, 20, &v);
  EXPECT_EQ(v, 150u);  // its anti-aliased edge
  pixGetPixel(out, 70, 20, &v);
  EXPECT_EQ(v, 255u);  // the faint line: paper
  pixGetPixel(out, 5, 5, &v);
  EXPECT_EQ(v, 255u);  // grey paper: white
  pixDestroy(&out);
  pixDestroy(&text);
  pixDestroy(&grey);
}

TEST(OcrScan, MissingLanguageDataSaysWhatToInstall) {
  Settings settings;
  settings.tessdata_dir = "/nonexistent-tessdata";
  Status st = CheckAvailable(settings);
  EXPECT_EQ(st.code(), Status::Code::kUnsupported);
  EXPECT_EQ(st.message(), "需要OCR：请安装 tesseract-ocr-chi-sim");
}

}  // namespace
}  // namespace jixiao::ocr
