// Tests of the document model, its exporters and source info.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "pipeline/model/document.h"
#include "pipeline/model/export.h"
#include "pipeline/model/place_name.h"
#include "pipeline/model/source_info.h"
#include "pipeline/model/status.h"
#include "pipeline/model/simplified.h"
#include "pipeline/model/text_util.h"

namespace jixiao {
namespace {

Cell MakeCell(int row, int col, std::vector<std::string> paragraphs, int rowspan = 1, int colspan = 1) {
  Cell c;
  c.row = row;
  c.col = col;
  c.rowspan = rowspan;
  c.colspan = colspan;
  c.paragraphs = std::move(paragraphs);
  c.prov.table_index = 0;
  c.prov.row = row;
  c.prov.col = col;
  return c;
}

// The shape of the seed's indicator table head: 绩效指标 merged down over
// two rows, a header row, and a row whose first column is covered.
Document SampleDocument() {
  Document doc;
  doc.source.path = "sample.docx";
  doc.source.format = "docx";
  doc.source.size = 42;
  doc.source.sha256 = std::string(64, 'a');
  Block h;
  h.kind = BlockKind::kHeading;
  h.level = 1;
  h.label = "三、";
  h.text = "政府性基金预算支出情况";
  h.prov.body_index = 0;
  doc.blocks.push_back(h);
  Block p;
  p.text = "2024年本单位无此项支出。";
  p.prov.body_index = 1;
  doc.blocks.push_back(p);
  Block t;
  t.kind = BlockKind::kTable;
  t.table.rows = 2;
  t.table.cols = 3;
  t.table.prov.body_index = 2;
  t.table.prov.table_index = 0;
  t.table.cells.push_back(MakeCell(0, 0, {"绩", "效"}, 2, 1));
  t.table.cells.push_back(MakeCell(0, 1, {"一级指标"}));
  t.table.cells.push_back(MakeCell(0, 2, {"分值"}));
  t.table.cells.push_back(MakeCell(1, 1, {"产出指标"}, 1, 2));
  doc.blocks.push_back(t);
  doc.AddDiagnostic(Diagnostic::Severity::kWarning, "sample", "a sample diagnostic");
  return doc;
}

TEST(StatusTest, NamesAndMessages) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = Status::Unsupported("legacy Word .doc is not supported; save it as .docx");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(s.ToString(), "unsupported: legacy Word .doc is not supported; save it as .docx");
  EXPECT_STREQ(Status::CodeName(Status::Code::kLimitExceeded), "limit_exceeded");
}

TEST(TableTest, AtFindsTheCellCoveringAPosition) {
  Document doc = SampleDocument();
  const Table& t = doc.blocks[2].table;
  ASSERT_NE(t.At(1, 0), nullptr);
  EXPECT_EQ(t.At(1, 0)->Text(), "绩\n效");
  EXPECT_EQ(t.At(1, 2)->Text(), "产出指标");
  EXPECT_EQ(t.At(2, 0), nullptr);
}

TEST(ExportTest, TextFollowsTheSeedDumpLayout) {
  const std::string expected =
      "三、政府性基金预算支出情况\n"
      "2024年本单位无此项支出。\n"
      "\t绩\n效\n"
      "\t一级指标\n"
      "\t分值\n"
      "\n"
      "\t\n"            // covered by the vertical merge
      "\t产出指标\n"    // spans two columns: one line
      "\n";
  EXPECT_EQ(DocumentToText(SampleDocument()), expected);
}

TEST(ExportTest, MarkdownUsesHtmlForMergedCells) {
  std::string md = DocumentToMarkdown(SampleDocument());
  EXPECT_NE(md.find("# 三、政府性基金预算支出情况"), std::string::npos);
  EXPECT_NE(md.find("<td rowspan=\"2\">绩<br>效</td>"), std::string::npos);
  EXPECT_NE(md.find("<td colspan=\"2\">产出指标</td>"), std::string::npos);
}

TEST(ExportTest, MarkdownUsesPipeTablesOtherwise) {
  Document doc;
  Block t;
  t.kind = BlockKind::kTable;
  t.table.rows = 2;
  t.table.cols = 2;
  t.table.cells = {MakeCell(0, 0, {"项目"}), MakeCell(0, 1, {"金额|万元"}), MakeCell(1, 0, {"基本支出"}),
                   MakeCell(1, 1, {"24"})};
  doc.blocks.push_back(t);
  EXPECT_EQ(DocumentToMarkdown(doc), "| 项目 | 金额\\|万元 |\n| --- | --- |\n| 基本支出 | 24 |\n\n");
}

TEST(ExportTest, JsonRoundTripKeepsEverything) {
  Document doc = SampleDocument();
  doc.blocks[1].prov.page = 3;
  doc.blocks[1].prov.box = Box{10, 20, 300, 40};
  nlohmann::ordered_json j = DocumentToJson(doc);
  EXPECT_EQ(j["schema"], "jixiao.document/1");
  EXPECT_EQ(j["blocks"][0]["label"], "三、");
  EXPECT_EQ(j["blocks"][2]["table"]["cells"][0]["rowspan"], 2);

  Document back;
  ASSERT_TRUE(DocumentFromJson(nlohmann::json::parse(j.dump()), &back).ok());
  EXPECT_EQ(DocumentToJson(back).dump(), j.dump());
  EXPECT_EQ(back.blocks[1].prov.box, (Box{10, 20, 300, 40}));
}

TEST(ExportTest, JsonReaderRejectsOtherShapes) {
  Document doc;
  EXPECT_EQ(DocumentFromJson(nlohmann::json::parse(R"({"blocks": []})"), &doc).code(),
            Status::Code::kInvalidInput);
  EXPECT_FALSE(DocumentFromJson(nlohmann::json::parse(R"({"source": {}, "blocks": [{"kind": 3}]})"), &doc).ok());
}

TEST(TextUtilTest, ChineseWhiteSpace) {
  EXPECT_EQ(TrimSpaces("\u3000\u3000七、存在的问题 \u3000"), "七、存在的问题");
  EXPECT_EQ(TrimSpaces("\u00a0 24\u3000"), "24");
  EXPECT_EQ(TrimSpaces("\u3000"), "");
  EXPECT_EQ(RemoveSpaces("产出指标\n\n(50分)"), "产出指标(50分)");
  EXPECT_EQ(RemoveSpaces("年度预\r\n算申请 \u3000（万元）"), "年度预算申请（万元）");
}

TEST(SourceInfoTest, Sha256OfKnownInputs) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string path = ::testing::TempDir() + "/jixiao_source_info_test.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << "abc";
  }
  SourceInfo info;
  ASSERT_TRUE(ReadSourceInfo(path, &info).ok());
  EXPECT_EQ(info.size, 3u);
  EXPECT_EQ(info.sha256, Sha256Hex("abc"));
  std::remove(path.c_str());
  EXPECT_EQ(ReadSourceInfo(path, &info).code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

TEST(CellIndex, AgreesWithTableAtEverywhere) {
  // Spans, a gap at (2, 2), a cell with no area, a cell reaching past the
  // grid, and positions outside it.
  Table t;
  t.rows = 4;
  t.cols = 3;
  auto cell = [](int r, int c, int rs, int cs) {
    Cell x;
    x.row = r;
    x.col = c;
    x.rowspan = rs;
    x.colspan = cs;
    return x;
  };
  t.cells = {cell(0, 0, 2, 1), cell(0, 1, 1, 2), cell(1, 1, 1, 1), cell(1, 2, 0, 1), cell(2, 0, 1, 2),
             cell(3, 0, 1, 1), cell(3, 1, 5, 9)};
  CellIndex index(t);
  for (int r = -1; r <= 6; ++r)
    for (int c = -1; c <= 4; ++c) EXPECT_EQ(index.At(r, c), t.At(r, c)) << r << "," << c;
  EXPECT_EQ(index.At(2, 2), nullptr);
  EXPECT_EQ(index.At(1, 0), &t.cells[0]);
}

TEST(PlaceName, NamesTablesParagraphsAndPages) {
  EXPECT_EQ(PlaceName(2, 4, 2, 0, -1), "表2 第5行第3列");
  EXPECT_EQ(PlaceName(1, 0, 0, 7, 8), "表1 第1行第1列（第8页）");  // a table wins over a paragraph number
  EXPECT_EQ(PlaceName(0, -1, -1, 16, -1), "正文第16段");
  EXPECT_EQ(PlaceName(0, -1, -1, 16, 2), "正文第16段（第2页）");
  EXPECT_EQ(PlaceName(0, -1, -1, 0, 3), "第3页");
  EXPECT_EQ(PlaceName(0, -1, -1, 0, -1), "");
  EXPECT_TRUE(HasVisibleText(" \u3000七、"));
  EXPECT_FALSE(HasVisibleText(" \t\u3000"));
}

TEST(SimplifiedTest, TraditionalReadsAsSimplifiedWithTheSameOffsets) {
  struct Case { std::string in, out; };
  const Case cases[] = {
      {"預算執行率100%", "预算执行率100%"},
      {"項目支出決算數24萬元", "项目支出决算数24万元"},
      {"本單位2024年度基本支出（工資福利支出）", "本单位2024年度基本支出（工资福利支出）"},
      {"预算资金24万元，其中基本支出24万元", "预算资金24万元，其中基本支出24万元"},  // simplified stays
      {"ASCII, ; : ( ) 1,234.5 ％ é", "ASCII, ; : ( ) 1,234.5 ％ é"},
      {"", ""},
  };
  for (const Case& c : cases) {
    const std::string got = ToSimplified(c.in);
    EXPECT_EQ(got, c.out) << c.in;
    EXPECT_EQ(got.size(), c.in.size()) << c.in;
  }
  // Ill-formed UTF-8 passes through byte for byte.
  const std::string bad = "\xe9\xa0\x90\xff\xe7";
  EXPECT_EQ(ToSimplified(bad).size(), bad.size());
}

}  // namespace
}  // namespace jixiao
