// Feature tests of the PDF back-end: the corpus/pdf-features documents (table
// across a page break, a row cut by a page break, merged cells, header and
// footer, two columns, rotated and landscape pages) and small PDFs written by
// the test itself (ruled table with spans, CJK and Latin joining, page
// numbers, paragraphs across pages).
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "extractors/pdf/layout.h"
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

std::string Corpus(const std::string& rel) { return std::string(JIXIAO_SOURCE_DIR) + "/corpus/" + rel; }

Document Extract(const std::string& path, Status* status = nullptr) {
  Document doc;
  Status s = ExtractPdf(path, ExtractOptions(), &doc);
  if (status) *status = s;
  else EXPECT_TRUE(s.ok()) << path << ": " << s.ToString();
  return doc;
}

std::vector<const Block*> Tables(const Document& doc) {
  std::vector<const Block*> out;
  for (const Block& b : doc.blocks)
    if (b.kind == BlockKind::kTable) out.push_back(&b);
  return out;
}

int IndexOf(const Document& doc, const std::string& needle) {
  for (size_t i = 0; i < doc.blocks.size(); ++i)
    if (doc.blocks[i].kind != BlockKind::kTable && doc.blocks[i].FullText().find(needle) != std::string::npos)
      return static_cast<int>(i);
  return -1;
}

#define REQUIRE_CORPUS(rel) \
  if (!std::filesystem::exists(Corpus(rel))) GTEST_SKIP() << "missing " << rel

TEST(PdfFeatures, SourceInfoAndProvenance) {
  REQUIRE_CORPUS("seed/junshan-gsl-2024.pdf");
  Document doc = Extract(Corpus("seed/junshan-gsl-2024.pdf"));
  EXPECT_EQ(doc.source.format, "pdf");
  EXPECT_GT(doc.source.page_count, 1);
  EXPECT_EQ(doc.source.sha256.size(), 64u);
  EXPECT_EQ(doc.status, DocumentStatus::kOk);
  ASSERT_FALSE(doc.blocks.empty());
  for (const Block& b : doc.blocks) {
    EXPECT_GE(b.prov.page, 1);
    EXPECT_LE(b.prov.page, doc.source.page_count);
    ASSERT_TRUE(b.prov.box.has_value());
    EXPECT_LT(b.prov.box->x0, b.prov.box->x1);
  }
  for (const Block* t : Tables(doc))
    for (const Cell& c : t->table.cells) {
      EXPECT_EQ(c.prov.row, c.row);
      EXPECT_TRUE(c.prov.box.has_value());
    }
}

TEST(PdfFeatures, CjkJoinedWithoutSpaces) {
  REQUIRE_CORPUS("seed/junshan-gsl-2024.pdf");
  Document doc = Extract(Corpus("seed/junshan-gsl-2024.pdf"));
  std::string text = DocumentToText(doc);
  // Lines wrapped inside a paragraph and LibreOffice's CJK/Latin spacing
  // leave no spaces behind.
  EXPECT_NE(text.find("区工商联是区委、区政府联系非公有制经济人士的桥梁和纽带，是区政府管理非公有制经济的助手。"),
            std::string::npos);
  EXPECT_NE(text.find("全年共走访企业80余次"), std::string::npos);
}

TEST(PdfFeatures, HeadingsFromNumbering) {
  REQUIRE_CORPUS("seed/junshan-gsl-2024.pdf");
  Document doc = Extract(Corpus("seed/junshan-gsl-2024.pdf"));
  int i = IndexOf(doc, "政府性基金预算支出情况");
  ASSERT_GE(i, 0);
  EXPECT_EQ(doc.blocks[i].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[i].label, "三、");
  EXPECT_EQ(doc.blocks[i].level, 1);
  int j = IndexOf(doc, "基本支出情况");
  ASSERT_GE(j, 0);
  EXPECT_EQ(doc.blocks[j].label, "（一）");
  EXPECT_EQ(doc.blocks[j].level, 2);
}

TEST(PdfFeatures, TableAcrossPageBreak) {
  REQUIRE_CORPUS("pdf-features/table-page-break.pdf");
  Document doc = Extract(Corpus("pdf-features/table-page-break.pdf"));
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u) << "the two parts are one table";
  const Table& t = tables[0]->table;
  // The repeated header row is dropped: its first cell appears once.
  std::string head = t.At(0, 0)->Text();
  int count = 0;
  for (const Cell& c : t.cells) count += c.col == 0 && c.Text() == head;
  EXPECT_EQ(count, 1);
  int last_page = 0;
  for (const Cell& c : t.cells) last_page = std::max(last_page, c.prov.page);
  EXPECT_EQ(last_page, 2);
  EXPECT_EQ(t.At(t.rows - 1, 0)->Text(), "合计");
}

TEST(PdfFeatures, RowCutByPageBreakJoined) {
  REQUIRE_CORPUS("pdf-features/row-split.pdf");
  Document doc = Extract(Corpus("pdf-features/row-split.pdf"));
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_EQ(t.rows, 3);  // header, the long row, 合计
  const Cell* long_cell = t.At(1, 1);
  ASSERT_NE(long_cell, nullptr);
  EXPECT_NE(long_cell->Text().find("签约资金达3.4亿元"), std::string::npos);
}

TEST(PdfFeatures, MergedCells) {
  REQUIRE_CORPUS("pdf-features/merged-cells.pdf");
  Document doc = Extract(Corpus("pdf-features/merged-cells.pdf"));
  auto tables = Tables(doc);
  ASSERT_FALSE(tables.empty());
  bool rowspan = false, colspan = false, both = false;
  for (const Cell& c : tables[0]->table.cells) {
    rowspan |= c.rowspan > 1;
    colspan |= c.colspan > 1;
    both |= c.rowspan > 1 && c.colspan > 1;
  }
  EXPECT_TRUE(rowspan);
  EXPECT_TRUE(colspan);
  EXPECT_TRUE(both);
}

TEST(PdfFeatures, HeaderFooterAndPageNumbersRemoved) {
  REQUIRE_CORPUS("pdf-features/header-footer.pdf");
  Document doc = Extract(Corpus("pdf-features/header-footer.pdf"));
  std::string text = DocumentToText(doc);
  EXPECT_EQ(text.find("君山区工商业联合会2024年度部门整体支出绩效自评报告\n"), std::string::npos);
  EXPECT_EQ(text.find("第1页"), std::string::npos);
  EXPECT_EQ(text.find("第3页"), std::string::npos);
  EXPECT_NE(text.find("页眉页脚测试报告"), std::string::npos);
  bool diag = false;
  for (const Diagnostic& d : doc.diagnostics) diag |= d.code == "pdf_page_furniture_removed";
  EXPECT_TRUE(diag);
}

// A running header as OCR reads it on each page of a scan: a code point
// more or less here and there, a point higher or lower (either side of a
// 6-pt step). It is furniture all the same; the 附件 label that opens two of
// the pages, its number varying, is content; so is a body line.
TEST(PdfFeatures, RunningHeaderReadByOcrWithSmallDifferencesRemoved) {
  const char* const headers[] = {"君山区工商业联合会”2024年度部门整体支出绩效自评", "君山区工商业联合会2024年度部门整体支出绩效自评",
                                 "君山区工商业联合会2024年度部门整体支出绩效自评", "君山区工商业联合会2024年度部门整体支出绩效白评",
                                 "君山区工商业联合会”2024年度部门整体支出绩效自评"};
  const double header_y[] = {34.6, 35.3, 36.0, 33.8, 35.9};
  std::vector<pdf::PageLayout> pages;
  for (int i = 0; i < 5; ++i) {
    pdf::PageLayout p;
    p.number = i + 1;
    p.width = 595;
    p.height = 842;
    p.ocr = true;
    pdf::Line header;
    header.text = headers[i];
    header.box = {157, header_y[i], 430, header_y[i] + 11};
    p.lines.push_back(header);
    if (i >= 3) {
      pdf::Line label;
      label.text = "附件" + std::to_string(i - 2);
      label.box = {90, 60, 130, 72};
      p.lines.push_back(label);
    }
    pdf::Line body;
    body.text = "正文第" + std::to_string(i + 1) + "页的内容写在这里。";
    body.box = {90, 300, 500, 311};
    p.lines.push_back(body);
    pages.push_back(std::move(p));
  }
  Document doc;
  pdf::RemovePageFurniture(&pages, &doc);
  for (const pdf::PageLayout& p : pages) {
    ASSERT_FALSE(p.lines.empty());
    EXPECT_EQ(p.lines[0].text.find("君山区"), std::string::npos) << "page " << p.number;
    EXPECT_NE(p.lines.back().text.find("正文第"), std::string::npos);
  }
  EXPECT_EQ(pages[3].lines[0].text, "附件1");
  EXPECT_EQ(pages[4].lines[0].text, "附件2");
}

TEST(PdfFeatures, TwoColumnPageReadLeftThenRight) {
  REQUIRE_CORPUS("pdf-features/two-column.pdf");
  Document doc = Extract(Corpus("pdf-features/two-column.pdf"));
  int first = IndexOf(doc, "一是强化理想信念教育。通过召开执委会、座谈会");
  int fourth = IndexOf(doc, "四是办优企业家沙龙活动");
  int fifth = IndexOf(doc, "五是常态化开展调研走访。全年共走访企业80余次");
  int after = IndexOf(doc, "以上两栏内容结束后恢复单栏排版");
  ASSERT_GE(first, 0);
  EXPECT_LT(first, fourth);
  EXPECT_LT(fourth, fifth);
  EXPECT_LT(fifth, after);
}

TEST(PdfFeatures, RotatedPageReadUpright) {
  REQUIRE_CORPUS("pdf-features/rotated-page.pdf");
  Document doc = Extract(Corpus("pdf-features/rotated-page.pdf"));
  int i = IndexOf(doc, "2024年本部门预算资金24万元，全年实际支出24万元，预算执行率100%。");
  ASSERT_GE(i, 0);
  EXPECT_EQ(doc.blocks[i].prov.page, 2);
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->table.At(0, 1)->Text(), "全年预算数");
}

TEST(PdfFeatures, LandscapePage) {
  REQUIRE_CORPUS("pdf-features/landscape-section.pdf");
  Document doc = Extract(Corpus("pdf-features/landscape-section.pdf"));
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->prov.page, 2);
  EXPECT_GT(tables[0]->table.cols, 5);
}

TEST(PdfFeatures, ConcurrentExtractionsAgree) {
  REQUIRE_CORPUS("seed/junshan-gsl-2024.pdf");
  std::vector<std::string> files = {Corpus("seed/junshan-gsl-2024.pdf"),
                                    Corpus("pdf-features/two-column.pdf"),
                                    Corpus("pdf-features/table-page-break.pdf"),
                                    Corpus("pdf-features/rotated-page.pdf")};
  std::vector<std::string> alone;
  for (const std::string& f : files) alone.push_back(DocumentToText(Extract(f)));
  std::vector<std::string> together(files.size() * 2);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < together.size(); ++i)
    threads.emplace_back([&, i] {
      Document doc;
      ExtractPdf(files[i % files.size()], ExtractOptions(), &doc);
      together[i] = DocumentToText(doc);
    });
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < together.size(); ++i) EXPECT_EQ(together[i], alone[i % files.size()]);
}

// ---- PDFs written by the test ----------------------------------------------

TEST(PdfSynthetic, LatinWordsKeepSpaces) {
  TestPage p;
  // One string with real spaces, and two strings placed apart without one.
  p.content = TextAt(72, 700, 12, "Budget execution rate") + TextAt(72, 680, 12, "Total") +
              TextAt(110, 680, 12, "score");
  Document doc = Extract(WriteTemp("latin.pdf", BuildPdf({p})));
  std::string text = DocumentToText(doc);
  EXPECT_NE(text.find("Budget execution rate"), std::string::npos) << text;
  EXPECT_NE(text.find("Total score"), std::string::npos) << text;
}

TEST(PdfSynthetic, DiagonalWatermarkDropped) {
  TestPage p;
  p.content = "BT /F1 60 Tf 0.7071 0.7071 -0.7071 0.7071 150 300 Tm (DRAFT COPY) Tj ET\n" +
              TextAt(72, 700, 12, "Budget execution rate 100%.");
  Document doc = Extract(WriteTemp("watermark.pdf", BuildPdf({p})));
  EXPECT_EQ(DocumentToText(doc), "Budget execution rate 100%.\n");
}

TEST(PdfSynthetic, RuledTableWithSpans) {
  // 3 columns x 3 rows; row 0 is one cell across all columns; column 0 of
  // rows 1-2 is one cell across both rows.
  TestPage p;
  p.content += LineAt(72, 700, 460, 700) + LineAt(72, 680, 460, 680) + LineAt(200, 660, 460, 660) +
               LineAt(72, 640, 460, 640);
  p.content += LineAt(72, 700, 72, 640) + LineAt(460, 700, 460, 640) + LineAt(200, 680, 200, 640) +
               LineAt(330, 680, 330, 640);
  p.content += TextAt(80, 686, 10, "Title") + TextAt(80, 656, 10, "Group") +
               TextAt(208, 666, 10, "a1") + TextAt(338, 666, 10, "b1") +
               TextAt(208, 646, 10, "a2") + TextAt(338, 646, 10, "b2");
  p.content += TextAt(72, 600, 10, "After the table.");
  Document doc = Extract(WriteTemp("table.pdf", BuildPdf({p})));
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 3);
  const Cell* title = t.At(0, 2);
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->Text(), "Title");
  EXPECT_EQ(title->colspan, 3);
  const Cell* group = t.At(2, 0);
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->Text(), "Group");
  EXPECT_EQ(group->rowspan, 2);
  EXPECT_EQ(t.At(2, 2)->Text(), "b2");
  EXPECT_EQ(doc.blocks.back().text, "After the table.");
}

TEST(PdfSynthetic, FigureWrappedInANarrowCell) {
  // Column 1 is narrow: "202640" fills it and its last digit wraps to the
  // next line. Column 2 is wide: "120" then "80" on the next line is the
  // author's break, two figures.
  TestPage p;
  p.content += LineAt(72, 700, 390, 700) + LineAt(72, 640, 390, 640);
  p.content += LineAt(72, 700, 72, 640) + LineAt(200, 700, 200, 640) + LineAt(260, 700, 260, 640) +
               LineAt(390, 700, 390, 640);
  p.content += TextAt(80, 680, 10, "Budget") + TextAt(204, 684, 14, "202640") + TextAt(204, 668, 14, "0") +
               TextAt(264, 684, 14, "120") + TextAt(264, 668, 14, "80");
  Document doc = Extract(WriteTemp("wrap.pdf", BuildPdf({p})));
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  ASSERT_NE(t.At(0, 1), nullptr);
  ASSERT_NE(t.At(0, 2), nullptr);
  EXPECT_EQ(t.At(0, 1)->Text(), "2026400");
  EXPECT_EQ(t.At(0, 2)->Text(), "120\n80");
}

// Digits meeting at a line wrap: one figure cut by the wrap, or two figures.
TEST(PdfSynthetic, DigitsMeetingAtAWrap) {
  struct WrapCase {
    std::string first, second, joined;
  };
  const WrapCase cases[] = {
      {"预算资金202640", "0元", "预算资金2026400元"},
      {"不超过≤202.", "6万元", "不超过≤202.6万元"},
      {"共培训1", "64人次", "共培训164人次"},
      {"于20", "24年完成", "于2024年完成"},
      {"资金0.", "5万元", "资金0.5万元"},
      // Two figures: two years, two decimal points, a leading zero.
      {"对比2023", "2024年数据", "对比2023 2024年数据"},
      {"对比2023", "2024", "对比2023 2024"},
      {"涉及项目12", "2024年启动", "涉及项目12 2024年启动"},
      {"单价12.5", "3.6万元", "单价12.5 3.6万元"},
      {"结余0", "5个项目", "结余0 5个项目"},
      {"金额12.", ".5", "金额12. .5"},
      // No figure at the wrap.
      {"共计12", "万元", "共计12万元"},
      {"预算执行率", "100%", "预算执行率100%"},
  };
  for (const WrapCase& c : cases) {
    pdf::Line a, b;
    a.text = c.first;
    b.text = c.second;
    EXPECT_EQ(pdf::JoinLines({a, b}), c.joined) << c.first << " / " << c.second;
  }
}

TEST(PdfSynthetic, TableDrawnWithFilledRectangles) {
  // Word and WPS draw borders as thin filled rectangles.
  TestPage p;
  for (double y : {700.0, 680.0, 660.0}) p.content += "72 " + std::to_string(y - 0.25) + " 300 0.5 re f\n";
  for (double x : {72.0, 186.0, 372.0}) p.content += std::to_string(x - 0.25) + " 660 0.5 40 re f\n";
  p.content += TextAt(80, 686, 10, "Indicator") + TextAt(194, 686, 10, "Score") +
               TextAt(80, 666, 10, "Satisfaction") + TextAt(194, 666, 10, "10");
  Document doc = Extract(WriteTemp("filled.pdf", BuildPdf({p})));
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u) << DocumentToText(doc);
  EXPECT_EQ(tables[0]->table.rows, 2);
  EXPECT_EQ(tables[0]->table.cols, 2);
  EXPECT_EQ(tables[0]->table.At(1, 1)->Text(), "10");
}

TEST(PdfSynthetic, PageFrameIsNotATable) {
  TestPage p;
  p.content = "0.5 w 40 40 515 762 re S\n" + LineAt(40, 760, 555, 760) +
              TextAt(72, 770, 11, "Header inside the frame") +
              TextAt(72, 700, 11, "Body text inside a frame drawn around the page.");
  Document doc = Extract(WriteTemp("frame.pdf", BuildPdf({p})));
  EXPECT_TRUE(Tables(doc).empty()) << DocumentToText(doc);
  EXPECT_GE(IndexOf(doc, "Body text inside a frame"), 0);
}

TEST(PdfSynthetic, BorderlessTableFromAlignment) {
  TestPage p;
  p.content = TextAt(72, 760, 11, "Expenditure control (no ruling lines):");
  const char* rows[][3] = {{"Item", "Budget", "Actual"},
                           {"Official cars", "0", "0"},
                           {"Receptions", "1.5", "1.2"},
                           {"Training", "24", "24"}};
  for (int r = 0; r < 4; ++r) {
    double y = 740 - 18 * r;
    p.content += TextAt(72, y, 11, rows[r][0]) + TextAt(250, y, 11, rows[r][1]) +
                 TextAt(400, y, 11, rows[r][2]);
  }
  p.content += TextAt(72, 640, 11, "A paragraph after the table.");
  Document doc = Extract(WriteTemp("borderless.pdf", BuildPdf({p})));
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u) << DocumentToText(doc);
  const Table& t = tables[0]->table;
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(t.At(2, 0)->Text(), "Receptions");
  EXPECT_EQ(t.At(2, 2)->Text(), "1.2");
  EXPECT_EQ(doc.blocks.front().text, "Expenditure control (no ruling lines):");
  EXPECT_EQ(doc.blocks.back().text, "A paragraph after the table.");
}

// A ruled grid: rows of cell texts, top row at y_top (PDF user space),
// rows 20 pt high, columns at xs.
std::string Grid(const std::vector<double>& xs, double y_top,
                 const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  double y_bottom = y_top - 20.0 * rows.size();
  for (size_t r = 0; r <= rows.size(); ++r) out += LineAt(xs.front(), y_top - 20.0 * r, xs.back(), y_top - 20.0 * r);
  for (double x : xs) out += LineAt(x, y_top, x, y_bottom);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c) out += TextAt(xs[c] + 6, y_top - 20.0 * r - 14, 10, rows[r][c]);
  return out;
}

TEST(PdfSynthetic, TableAcrossPagesWithTwoHeaderRows) {
  std::vector<double> xs = {72, 200, 330, 460};
  std::vector<std::vector<std::string>> head = {{"Project", "Budget", "Actual"}, {"", "10k", "10k"}};
  std::vector<TestPage> pages(2);
  auto rows1 = head, rows2 = head;
  for (int i = 1; i <= 30; ++i) rows1.push_back({"P" + std::to_string(i), std::to_string(i), std::to_string(i)});
  for (int i = 31; i <= 35; ++i) rows2.push_back({"P" + std::to_string(i), std::to_string(i), std::to_string(i)});
  pages[0].content = Grid(xs, 760, rows1);
  pages[1].content = Grid(xs, 780, rows2);
  Document doc = Extract(WriteTemp("twoheads.pdf", BuildPdf(pages)));
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_EQ(t.rows, 2 + 35);
  EXPECT_EQ(t.At(32, 0)->Text(), "P31");
  EXPECT_EQ(t.At(36, 2)->Text(), "35");
}

TEST(PdfSynthetic, PageNumbersAndRunningHeaderRemoved) {
  std::vector<TestPage> pages(3);
  const char* numbers[] = {"- 1 -", "2/3", "Page 3 of 3"};
  for (int i = 0; i < 3; ++i) {
    pages[i].content = TextAt(72, 800, 9, "Annual self-evaluation report") +
                       TextAt(72, 700, 11, "Body text of page " + std::to_string(i + 1) + ".") +
                       TextAt(280, 30, 9, numbers[i]);
  }
  Document doc = Extract(WriteTemp("furniture.pdf", BuildPdf(pages)));
  std::string text = DocumentToText(doc);
  EXPECT_EQ(text, "Body text of page 1.\nBody text of page 2.\nBody text of page 3.\n");
}

// A numbered label opening a page (附件1 on page 2, 附件2 on page 3) is content,
// though its shape repeats in the header band of half the pages.
TEST(PdfSynthetic, NumberedLabelsAtThePageTopAreKept) {
  std::vector<TestPage> pages(4);
  for (int i = 0; i < 4; ++i) {
    std::string label = (i == 1 || i == 2) ? TextAt(72, 800, 12, "Annex " + std::to_string(i)) : "";
    pages[i].content = label + TextAt(72, 700, 11, "Body text of page " + std::to_string(i + 1) + ".");
  }
  std::string text = DocumentToText(Extract(WriteTemp("labels.pdf", BuildPdf(pages))));
  EXPECT_NE(text.find("Annex 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Annex 2\n"), std::string::npos) << text;
}

TEST(PdfSynthetic, ParagraphAcrossPageBreakJoined) {
  std::vector<TestPage> pages(2);
  // Page 1 ends with a full-width line without a full stop; page 2 goes on
  // at the left margin.
  // Courier 10: 6 pt a character, 75 characters fill the 451 pt text width.
  pages[0].content =
      TextAt(72, 700, 10, "Start of a paragraph that runs over the page break to the next page, where", "F2") +
      TextAt(72, 686, 10, "it is continued at the left margin, with no indent, so that the same text", "F2");
  pages[1].content = TextAt(72, 780, 10, "goes on without indent, and ends here.", "F2");
  Document doc = Extract(WriteTemp("across.pdf", BuildPdf(pages)));
  ASSERT_EQ(doc.blocks.size(), 1u) << DocumentToText(doc);
  EXPECT_NE(doc.blocks[0].text.find("same text goes on without indent"), std::string::npos);
}

}  // namespace
}  // namespace jixiao
