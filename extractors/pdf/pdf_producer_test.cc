// The PDF back-end on what differs between producers and at page breaks,
// with small PDFs written by the test (pdf_test_util): the order in which
// the content stream draws the lines, text hidden by a clip, a table left
// open at the foot of the page (Chromium's way of splitting a row), a line
// wrapped before a Latin unit (`95%。`), a title wrapped onto two lines.
// The producers' corpus (corpus/producers) is scored by pdf_accuracy_test.cc
// and its checks by tests/acceptance_test.cc.
#include <gtest/gtest.h>

#include "extractors/pdf/pdf_extractor.h"
#include "extractors/pdf/pdf_test_util.h"
#include "pipeline/model/export.h"

namespace jixiao {
namespace {

using pdftest::BuildPdf;
using pdftest::LineAt;
using pdftest::TestPage;
using pdftest::TextAt;
using pdftest::WriteTemp;

Document Extract(const std::string& name, const std::vector<TestPage>& pages) {
  Document doc;
  Status s = ExtractPdf(WriteTemp(name, BuildPdf(pages)), ExtractOptions(), &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

std::vector<const Block*> Tables(const Document& doc) {
  std::vector<const Block*> out;
  for (const Block& b : doc.blocks)
    if (b.kind == BlockKind::kTable) out.push_back(&b);
  return out;
}

// Courier 10 is 6 pt a character: 75 characters fill 72..522.
const char* kFull = "The unit reported on its targets for the year in a full and careful manner ";
const char* kFull2 = "and every figure of the year was checked against the accounts of the unit ";

TEST(PdfProducers, LineOrderOfTheContentStreamDoesNotMatter) {
  std::vector<std::pair<double, std::string>> lines = {
      {700, kFull}, {686, kFull2}, {672, "and the work went on as planned."}};
  TestPage down, up;
  for (const auto& [y, t] : lines) down.content += TextAt(72, y, 10, t, "F2");
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) up.content += TextAt(72, it->first, 10, it->second, "F2");
  std::string a = DocumentToText(Extract("order-down.pdf", {down}));
  std::string b = DocumentToText(Extract("order-up.pdf", {up}));
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.find('\n'), a.size() - 1) << a;  // one paragraph
}

TEST(PdfProducers, TextHiddenByTheClipIsNotRead) {
  TestPage p;
  p.content = "q 72 600 450 150 re W n\n" + TextAt(72, 700, 10, "Visible text inside the clip.") +
              TextAt(72, 300, 10, "Hidden text of the next page.") + "Q\n";
  Document doc = Extract("clip.pdf", {p});
  std::string text = DocumentToText(doc);
  EXPECT_NE(text.find("Visible text"), std::string::npos);
  EXPECT_EQ(text.find("Hidden"), std::string::npos) << text;
}

TEST(PdfProducers, LineWrappedBeforeALatinUnitIsNoParagraphEnd) {
  // The second line (69 characters) ends 6 characters short of the margin, inside a
  // sentence, and the next line starts with a 7-character figure that would
  // not have fitted: one paragraph.
  TestPage p;
  p.content = TextAt(72, 700, 10, kFull, "F2") +
              TextAt(72, 686, 10, "and the share of the targets met over the whole of the year came to a", "F2") +
              TextAt(72, 672, 10, "95.125%.", "F2");
  Document doc = Extract("wrap-unit.pdf", {p});
  ASSERT_EQ(doc.blocks.size(), 1u) << DocumentToText(doc);
  EXPECT_NE(doc.blocks[0].text.find("year came to a 95.125%."), std::string::npos);
  // Control: a line that ends a sentence short of the margin ends its paragraph.
  p.content = TextAt(72, 700, 10, kFull, "F2") +
              TextAt(72, 686, 10, "and the share of the targets met over the whole of the year was ok.", "F2") +
              TextAt(72, 672, 10, "95.125% of them.", "F2");
  EXPECT_EQ(Extract("wrap-unit-control.pdf", {p}).blocks.size(), 2u);
}

TEST(PdfProducers, LineWrappedBeforeALatinUnitAtThePageFoot) {
  // The same wrap with the figure at the top of the next page.
  std::vector<TestPage> pages(2);
  pages[0].content = TextAt(72, 700, 10, kFull, "F2") +
                     TextAt(72, 686, 10, "and the share of the targets met over the whole of the year came to a", "F2");
  pages[1].content = TextAt(72, 780, 10, "95.125%.", "F2") +
                     TextAt(72, 750, 10, "Another paragraph after a gap.", "F2");
  Document doc = Extract("wrap-unit-break.pdf", pages);
  ASSERT_EQ(doc.blocks.size(), 2u) << DocumentToText(doc);
  EXPECT_NE(doc.blocks[0].text.find("year came to a 95.125%."), std::string::npos);
}

TEST(PdfProducers, TitleWrappedOntoTwoLinesIsOneHeading) {
  // Courier 16: 9.6 pt a character. A centred title of 46 + 20 characters.
  std::string l1 = "Performance self-evaluation report of the unit";
  std::string l2 = "for the budget year";
  TestPage p;
  p.content = TextAt(72 + (450 - 9.6 * l1.size()) / 2, 760, 16, l1, "F2") +
              TextAt(72 + (450 - 9.6 * l2.size()) / 2, 740, 16, l2, "F2") +
              TextAt(72, 700, 10, kFull, "F2") + TextAt(72, 686, 10, "which ends here.", "F2");
  Document doc = Extract("title.pdf", {p});
  ASSERT_EQ(doc.blocks.size(), 2u) << DocumentToText(doc);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].text, l1 + " " + l2);
}

// A 3-column table; rows of `rows` from y_top down, 20 pt each (`tall`: the
// last row 60 pt). Without `close_top` / `close_bottom` the outer rule is not
// drawn and the sides run on by `overrun` points, as Chromium draws a row
// split over a page.
std::string OpenGrid(double y_top, const std::vector<std::vector<std::string>>& rows, bool close_top,
                     bool close_bottom, double overrun) {
  const double xs[] = {72, 200, 330, 460};
  std::string out;
  double y = y_top;
  std::vector<double> ys = {y};
  for (size_t r = 0; r < rows.size(); ++r) ys.push_back(y -= 20);
  for (size_t r = 0; r < ys.size(); ++r) {
    if ((r == 0 && !close_top) || (r + 1 == ys.size() && !close_bottom)) continue;
    out += LineAt(xs[0], ys[r], xs[3], ys[r]);
  }
  double top = close_top ? ys.front() : ys.front() + overrun;
  double bottom = close_bottom ? ys.back() : ys.back() - overrun;
  for (double x : xs) out += LineAt(x, top, x, bottom);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c) out += TextAt(xs[c] + 6, ys[r] - 14, 10, rows[r][c]);
  return out;
}

TEST(PdfProducers, RowLeftOpenAtThePageFootIsJoined) {
  std::vector<TestPage> pages(2);
  // A paragraph fills the page above, so that the table ends at its foot.
  pages[0].content = TextAt(72, 780, 10, "Indicator table") +
                     OpenGrid(160, {{"Indicator", "Target", "Note"}, {"Visits", ">=60", "Done"},
                                    {"Salons", ">=4", "Held in"}},
                              true, false, 40);
  pages[1].content = OpenGrid(800, {{"", "", "spring"}, {"Issues", ">=50", "Solved"}}, false, true, 30) +
                     TextAt(72, 600, 10, "End of the report.");
  Document doc = Extract("open-row.pdf", pages);
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u) << DocumentToText(doc);
  const Table& t = tables[0]->table;
  EXPECT_EQ(t.rows, 4) << DocumentToText(doc);
  ASSERT_NE(t.At(2, 2), nullptr);
  EXPECT_EQ(t.At(2, 2)->Text(), "Held in spring");
  ASSERT_NE(t.At(3, 0), nullptr);
  EXPECT_EQ(t.At(3, 0)->Text(), "Issues");
}

TEST(PdfProducers, ClosedRowAtThePageFootIsKept) {
  // Control: the same table closed at the foot and a new row on the next
  // page with every cell filled is not joined.
  std::vector<TestPage> pages(2);
  pages[0].content = TextAt(72, 780, 10, "Indicator table") +
                     OpenGrid(160, {{"Indicator", "Target", "Note"}, {"Visits", ">=60", "Done"},
                                    {"Salons", ">=4", "Held in"}},
                              true, true, 0);
  pages[1].content = OpenGrid(800, {{"Issues", ">=50", "Solved"}}, true, true, 0) +
                     TextAt(72, 600, 10, "End of the report.");
  Document doc = Extract("closed-row.pdf", pages);
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u) << DocumentToText(doc);
  EXPECT_EQ(tables[0]->table.rows, 4);
  EXPECT_EQ(tables[0]->table.At(2, 2)->Text(), "Held in");
}

}  // namespace
}  // namespace jixiao
