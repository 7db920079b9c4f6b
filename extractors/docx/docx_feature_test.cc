// One test per DOCX feature, on the fixtures of corpus/docx-features (made by
// make_features.py): the text layout must equal the hand-written
// .expected.txt, and the structure (labels, levels, spans, provenance) is
// asserted directly.
#include <gtest/gtest.h>

#include "extractors/docx/docx_extractor.h"
#include "extractors/docx/docx_test_util.h"
#include "pipeline/model/export.h"

namespace jixiao {
namespace {

using docx_test::Fixture;
using docx_test::HasDiagnostic;
using docx_test::Paragraphs;
using docx_test::ReadFileOrEmpty;

Document Extract(const std::string& name) {
  Document doc;
  Status s = ExtractDocx(Fixture(name + ".docx"), ExtractOptions(), &doc);
  EXPECT_TRUE(s.ok()) << name << ": " << s.ToString();
  EXPECT_EQ(doc.status, DocumentStatus::kOk);
  return doc;
}

void ExpectText(const std::string& name, const Document& doc) {
  std::string expected = ReadFileOrEmpty(Fixture(name + ".expected.txt"));
  ASSERT_FALSE(expected.empty()) << name;
  EXPECT_EQ(DocumentToText(doc), expected) << name;
}

TEST(DocxFeature, NumberingChinese) {
  Document doc = Extract("numbering-chinese");
  ExpectText("numbering-chinese", doc);
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 25u);
  EXPECT_EQ(ps[0]->label, "");
  EXPECT_EQ(ps[1]->label, "一、");
  EXPECT_EQ(ps[1]->text, "部门（单位）基本情况");
  EXPECT_EQ(ps[2]->label, "（一）");
  EXPECT_EQ(ps[3]->label, "（二）");
  EXPECT_EQ(ps[5]->label, "1.");
  EXPECT_EQ(ps[7]->label, "（1）");
  EXPECT_EQ(ps[9]->label, "①");
  EXPECT_EQ(ps[10]->label, "②");
  EXPECT_EQ(ps[11]->label, "（三）");
  EXPECT_EQ(ps[12]->label, "1.");  // level 3 restarts after level 2
  EXPECT_EQ(ps[13]->label, "二、");
  EXPECT_EQ(ps[14]->label, "（一）");
  EXPECT_EQ(ps[23]->label, "十、");
  EXPECT_EQ(ps[24]->label, "十一、");
  EXPECT_EQ(ps[24]->prov.body_index, 24);
}

TEST(DocxFeature, NumberingRestartAndOverride) {
  Document doc = Extract("numbering-restart");
  ExpectText("numbering-restart", doc);
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 16u);
  EXPECT_EQ(ps[2]->label, "2.1");
  EXPECT_EQ(ps[4]->label, "3.");    // another w:num of the same abstractNum continues
  EXPECT_EQ(ps[5]->label, "3.1");
  EXPECT_EQ(ps[7]->label, "1.");    // startOverride
  EXPECT_EQ(ps[9]->label, "E)");    // lvlOverride with its own w:lvl
  EXPECT_EQ(ps[10]->label, "F)");
  EXPECT_EQ(ps[15]->label, "3）");  // lvlRestart 0: never restarts
}

TEST(DocxFeature, NumberingFormats) {
  Document doc = Extract("numbering-formats");
  ExpectText("numbering-formats", doc);
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 21u);
  EXPECT_EQ(ps[0]->label, "第九条");
  EXPECT_EQ(ps[2]->label, "第十一条");
  EXPECT_EQ(ps[4]->label, "甲.");
  EXPECT_EQ(ps[9]->label, "③");
  EXPECT_EQ(ps[11]->label, "B.");
  EXPECT_EQ(ps[15]->label, "(iv)");
  EXPECT_EQ(ps[16]->label, "壹拾、");
  EXPECT_EQ(ps[18]->label, "•");
  EXPECT_EQ(ps[20]->label, "一百零一、");
}

TEST(DocxFeature, Headings) {
  Document doc = Extract("headings");
  ExpectText("headings", doc);
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 12u);
  struct Want { BlockKind kind; int level; const char* label; const char* style; };
  const Want want[] = {
      {BlockKind::kHeading, 1, "", "heading 1"},
      {BlockKind::kHeading, 2, "", "heading 2"},
      {BlockKind::kHeading, 3, "", "标题 3"},
      {BlockKind::kHeading, 1, "一、", "报告一级标题"},
      {BlockKind::kHeading, 2, "（一）", "报告二级标题"},
      {BlockKind::kHeading, 2, "（二）", "报告二级标题"},
      {BlockKind::kHeading, 1, "二、", "报告一级标题"},
      {BlockKind::kParagraph, 0, "", ""},
      {BlockKind::kHeading, 2, "", ""},
      {BlockKind::kParagraph, 0, "", "正文缩进"},
      {BlockKind::kHeading, 1, "", "报告一级标题"},
      {BlockKind::kHeading, 1, "三、", "heading 1"},
  };
  for (size_t i = 0; i < 12; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(ps[i]->kind, want[i].kind);
    EXPECT_EQ(ps[i]->level, want[i].level);
    EXPECT_EQ(ps[i]->label, want[i].label);
    EXPECT_EQ(ps[i]->style, want[i].style);
  }
  EXPECT_EQ(ps[11]->text, "手打编号标题");  // typed label split off
}

TEST(DocxFeature, MergedCells) {
  Document doc = Extract("merged-cells");
  ExpectText("merged-cells", doc);
  ASSERT_EQ(doc.blocks.size(), 3u);
  const Table& t = doc.blocks[1].table;
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kTable);
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(t.cols, 5);
  const Cell* c = t.At(2, 0);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->row, 0);
  EXPECT_EQ(c->rowspan, 3);
  EXPECT_EQ(c->Text(), "年度预算");
  const Cell* span = t.At(2, 2);
  ASSERT_NE(span, nullptr);
  EXPECT_EQ(span->col, 1);
  EXPECT_EQ(span->colspan, 2);
  EXPECT_EQ(span->Text(), "其中：基本支出");
  EXPECT_EQ(t.At(2, 3)->Text(), "0");
  EXPECT_EQ(t.At(3, 4)->colspan, 5);
  EXPECT_EQ(t.prov.table_index, 0);
  EXPECT_EQ(t.prov.body_index, 1);
  EXPECT_EQ(t.At(1, 1)->prov.row, 1);
  EXPECT_EQ(t.At(1, 1)->prov.col, 1);
  EXPECT_EQ(doc.blocks[2].prov.body_index, 2);
}

TEST(DocxFeature, NestedTables) {
  Document doc = Extract("nested-tables");
  ExpectText("nested-tables", doc);
  ASSERT_EQ(doc.blocks.size(), 2u);
  const Table& t = doc.blocks[0].table;
  EXPECT_EQ(t.rows, 2);
  const Cell* c = t.At(0, 1);
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->nested.size(), 1u);
  EXPECT_EQ(c->paragraphs, (std::vector<std::string>{"说明", ""}));
  const Table& inner = c->nested[0];
  EXPECT_EQ(inner.rows, 2);
  EXPECT_EQ(inner.cols, 2);
  EXPECT_EQ(inner.At(1, 1)->Text(), "50");
  EXPECT_EQ(inner.prov.table_index, 1);
  EXPECT_EQ(t.prov.table_index, 0);
}

TEST(DocxFeature, TextBoxes) {
  Document doc = Extract("textboxes");
  ExpectText("textboxes", doc);
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 9u);
  EXPECT_EQ(ps[1]->text, "锚定段落（续）");
  EXPECT_EQ(ps[2]->text, "文本框第一段");
  EXPECT_EQ(ps[2]->prov.body_index, 1);  // the anchor's
  EXPECT_EQ(ps[2]->prov.paragraph, 0);
  EXPECT_EQ(ps[3]->prov.paragraph, 1);
  EXPECT_EQ(ps[7]->text, "回退分支");
  EXPECT_EQ(ps[8]->prov.body_index, 4);
}

TEST(DocxFeature, TrackedChanges) {
  Document doc = Extract("tracked-changes");
  ExpectText("tracked-changes", doc);
  EXPECT_TRUE(HasDiagnostic(doc, "docx_deleted_text"));
  EXPECT_TRUE(HasDiagnostic(doc, "docx_deleted_row"));
  const Table& t = doc.blocks.back().table;
  EXPECT_EQ(t.rows, 2);
}

TEST(DocxFeature, ContentControls) {
  Document doc = Extract("content-controls");
  ExpectText("content-controls", doc);
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].prov.body_index, 0);
  EXPECT_EQ(doc.blocks[1].prov.body_index, 1);
  EXPECT_EQ(doc.blocks[3].table.rows, 3);
}

TEST(DocxFeature, Fields) {
  Document doc = Extract("fields");
  ExpectText("fields", doc);
  EXPECT_TRUE(HasDiagnostic(doc, "docx_field_instruction"));
  EXPECT_EQ(doc.blocks.back().text, "等级：☒优 ☐良 ☐中");  // check box form fields
}

TEST(DocxFeature, HeaderFooterNotInBody) {
  Document doc = Extract("header-footer");
  ExpectText("header-footer", doc);
  std::string text = DocumentToText(doc);
  EXPECT_EQ(text.find("页眉"), std::string::npos);
  EXPECT_EQ(text.find("第 1 页"), std::string::npos);
  EXPECT_EQ(text.find("脚注文字"), std::string::npos);
}

TEST(DocxFeature, TabsBreaksSymbols) {
  Document doc = Extract("tabs-breaks-symbols");
  ExpectText("tabs-breaks-symbols", doc);
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 10u);
  EXPECT_EQ(ps[0]->text, "项目\t金额");
  EXPECT_EQ(ps[1]->text, "缩进段落");
  EXPECT_EQ(ps[2]->text, "第一行\n第二行\n第三行");
  EXPECT_EQ(ps[3]->text, "分页前\n分页后");
  EXPECT_EQ(ps[4]->text, "页首段落");
  EXPECT_EQ(ps[5]->text, "目标值≥60次");
  EXPECT_TRUE(HasDiagnostic(doc, "docx_hidden_text"));
}

TEST(DocxFeature, SourceInfo) {
  Document doc = Extract("fields");
  EXPECT_EQ(doc.source.format, "docx");
  EXPECT_EQ(doc.source.sha256.size(), 64u);
  EXPECT_GT(doc.source.size, 0u);
  EXPECT_EQ(doc.source.page_count, -1);
}

TEST(DocxFeature, FromMemoryMatchesFile) {
  std::string bytes = ReadFileOrEmpty(Fixture("merged-cells.docx"));
  Document a, b;
  ASSERT_TRUE(ExtractDocx(Fixture("merged-cells.docx"), ExtractOptions(), &a).ok());
  ASSERT_TRUE(ExtractDocxFromMemory(bytes, ExtractOptions(), &b).ok());
  EXPECT_EQ(DocumentToText(a), DocumentToText(b));
  EXPECT_EQ(a.source.sha256, b.source.sha256);
}

}  // namespace
}  // namespace jixiao
