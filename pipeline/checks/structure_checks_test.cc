// Table-driven tests of the structure and wording checks on paragraph lists,
// and of the figure checks on a document far larger than a report.
#include <gtest/gtest.h>

#include "pipeline/checks/figure_checks.h"
#include "pipeline/checks/structure_checks.h"
#include "pipeline/model/test_documents.h"
#include "pipeline/checks/test_rules.h"
#include "pipeline/facts/facts.h"
#include "pipeline/facts/vocabulary.h"

namespace jixiao {
namespace {

std::vector<std::string> Messages(const std::vector<Finding>& findings, const std::string& code) {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    if (f.code == code) out.push_back(f.message);
  return out;
}

// Paragraphs, and a table for each "T".
Document ParagraphsAndTables(const std::vector<std::string>& lines) {
  Document doc;
  for (const std::string& line : lines) {
    Block b;
    if (line == "T") b.kind = BlockKind::kTable;
    else b.text = line;
    doc.blocks.push_back(b);
  }
  return doc;
}

TEST(AttachmentTest, ListedButAbsent) {
  Document doc = Paragraphs({"正文", "附件：1.2024年度基础数据表", "2.2024年度部门整体支出绩效自评表",
                             "3.2024年度项目支出绩效自评表", "附件1", "2024年度基础数据表", "附件2",
                             "2024年度部门整体支出绩效自评表"});
  std::vector<Finding> findings;
  CheckAttachments(doc, &findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "ATTACHMENT_MISSING");
  EXPECT_EQ(findings[0].message, "附件清单列出的附件3“2024年度项目支出绩效自评表”在文档中未找到");
  EXPECT_EQ(findings[0].evidence[0].quote, "3.2024年度项目支出绩效自评表");

  findings.clear();
  CheckAttachments(Paragraphs({"附件：1.表一", "附件1", "表一"}), &findings);
  EXPECT_TRUE(findings.empty());
}

TEST(SectionTest, MissingSectionOfTheTemplate) {
  Rules rules = TestNationalRules();
  std::vector<std::string> lines;
  for (const RuleSection& s : rules.sections) lines.push_back(s.label);
  std::vector<Finding> findings;
  CheckSections(Paragraphs(lines), rules, "2024年度某单位整体支出绩效自评报告", &findings);
  EXPECT_TRUE(findings.empty());

  lines.erase(lines.begin() + 6);  // 存在的问题及原因分析
  CheckSections(Paragraphs(lines), rules, "2024年度某单位整体支出绩效自评报告", &findings);
  EXPECT_EQ(Messages(findings, "SECTION_MISSING"), std::vector<std::string>{"报告缺少模板要求的部分：“存在的问题及原因分析”"});

  findings.clear();  // a project report follows another template
  CheckSections(Paragraphs(lines), rules, "2024年度某项目支出绩效自评报告", &findings);
  EXPECT_TRUE(findings.empty());
}

// A table on its own has no sections, also when its title does not say it is
// a 自评表 (a scan's title misread): a title and a year line, then the table.
TEST(SectionTest, TableWithoutNarrativeHasNoSections) {
  Rules rules = TestNationalRules();
  const std::string title = "2022年度某单位部门整体支出再交自白评表";
  Document table_alone = ParagraphsAndTables({title, "（2022年度）", "T"});
  std::vector<Finding> findings;
  CheckSections(table_alone, rules, title, &findings);
  EXPECT_EQ(Messages(findings, "SECTION_MISSING"), std::vector<std::string>{});
  // A narrative before the table is a report's, and its sections are due.
  Document report = ParagraphsAndTables({title, "一、部门基本情况", "本单位负责档案工作。", "二、存在的问题及原因分析", "T"});
  CheckSections(report, rules, title, &findings);
  EXPECT_EQ(Messages(findings, "SECTION_MISSING").size(), rules.sections.size() - 2);
}

// The narrative goes on past a table when the next top-level section
// follows it; it ends at an attachment heading, or at a table after which
// it does not go on. "T" stands for a table.
TEST(SectionTest, TableInsideTheNarrative) {
  struct EndCase {
    std::vector<std::string> lines;
    int end;
  };
  const EndCase cases[] = {
      {{"一、甲", "正文", "二、乙", "T", "三、丙", "正文", "附件1", "T"}, 6},
      {{"一、甲", "二、乙", "T", "说明", "T", "三、丙", "四、丁"}, 7},
      {{"一、甲", "二、乙", "T", "（一）子", "T", "三、丙", "T", "四、丁", "T"}, 8},
      // The attachments: no section follows the table.
      {{"一、甲", "二、乙", "附件：1.表一", "T", "注：单位万元"}, 3},
      {{"一、甲", "二、乙", "T", "一、填表说明"}, 2},
      {{"一、甲", "二、乙", "T", "四、丁"}, 2},
      {{"一、甲", "二、乙", "T", "附件1", "三、丙"}, 2},
      {{"T", "一、甲", "二、乙"}, 0},
      {{"一、甲", "二、乙"}, 2},
  };
  for (const EndCase& c : cases) {
    const Document doc = ParagraphsAndTables(c.lines);
    EXPECT_EQ(NarrativeEnd(doc), c.end) << c.lines.size() << " lines, first " << c.lines[0];
  }
  // The template's sections around a table: none is missing.
  Rules rules = TestNationalRules();
  std::vector<Block> blocks;
  const char* kLabels[] = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、"};
  for (size_t i = 0; i < rules.sections.size(); ++i) {
    Block b;
    b.kind = BlockKind::kHeading;
    b.level = 1;
    b.label = i < 10 ? kLabels[i] : "";
    b.text = rules.sections[i].label;
    blocks.push_back(b);
    if (i == 1) {
      Block t;
      t.kind = BlockKind::kTable;
      blocks.push_back(t);
    }
  }
  Document doc;
  doc.blocks = blocks;
  std::vector<Finding> findings;
  CheckSections(doc, rules, "2024年度某单位整体支出绩效自评报告", &findings);
  EXPECT_EQ(Messages(findings, "SECTION_MISSING"), std::vector<std::string>{});
}

TEST(TextTest, TyposAndDoubledWords) {
  std::vector<Finding> findings;
  CheckText(Paragraphs({"全面落实意识意识形态工作责任制。", "赴广洲、深圳考察。", "实实在在、天天向上、哈哈哈哈、万企兴万村、两重两新。"}),
            TestNationalRules(), &findings);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "疑似重复词语：“意识意识”（“意识”重复）");
  EXPECT_EQ(findings[0].evidence[0].span_begin, 12);
  EXPECT_EQ(findings[1].message, "疑似错别字：“广洲”应为“广州”");
  EXPECT_EQ(findings[1].evidence[0].quote, "赴广洲、深圳考察。");
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

TEST(FigureConflictTest, AFigureStatedThousandsOfTimesIsComparedBoundedly) {
  // A compendium, not a report: one budget stated 3,000 times with two
  // values. The conflict is still found; the comparison and its evidence
  // stay bounded (all pairs would be 4.5 million).
  std::vector<std::string> lines = {"2024年度某某局部门整体支出绩效自评报告"};
  for (int i = 0; i < 3000; ++i) lines.push_back(i % 2 ? "本年度全年预算24万元。" : "本年度全年预算25万元。");
  Document doc = Paragraphs(lines);
  Vocabulary vocabulary;
  ASSERT_TRUE(Vocabulary::Load("", &vocabulary).ok());
  FactSet facts = ExtractFacts(doc, vocabulary, 2024);
  ASSERT_GE(facts.facts.size(), 3000u);
  std::vector<Finding> findings;
  CheckFigures(doc, facts, TestNationalRules(), &findings);
  const Finding* conflict = nullptr;
  for (const Finding& f : findings)
    if (f.code == "FIGURE_CONFLICT") conflict = &f;
  ASSERT_NE(conflict, nullptr);
  EXPECT_NE(conflict->message.find("24万元"), std::string::npos) << conflict->message;
  EXPECT_LE(conflict->evidence.size(), 200u);
  EXPECT_LE(findings.size(), 60u);
}

}  // namespace
}  // namespace jixiao
