// Table-driven tests of narrative facts on sentences of the seed and their
// rewrites, and of the vocabulary.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "pipeline/facts/facts.h"
#include "pipeline/facts/test_vocabulary.h"

namespace jixiao {
namespace {

FactSet FromParagraphs(const std::vector<std::string>& lines) {
  Document doc;
  for (const std::string& line : lines) {
    Block b;
    b.text = line;
    doc.blocks.push_back(b);
  }
  FactSet set;
  set.year = 2024;
  ExtractNarrativeFacts(doc, TestVocabulary(), static_cast<int>(doc.blocks.size()), &set);
  return set;
}

// concept/period=canonical, one per fact, in order.
std::vector<std::string> Summary(const FactSet& set) {
  std::vector<std::string> out;
  for (const Fact& f : set.facts) {
    std::string s = f.concept_id.empty() ? f.label : f.concept_id;
    if (!f.period.empty()) s += "/" + f.period;
    s += "=" + (f.concept_id == "grade" ? f.grade : f.q.canonical.ToString() + f.q.canonical_unit);
    if (f.parent >= 0) s += " <" + std::to_string(f.parent);
    out.push_back(s);
  }
  return out;
}

struct Case {
  std::string text;
  std::vector<std::string> facts;
};

TEST(NarrativeFactsTest, SeedSentences) {
  const Case cases[] = {
      {"2024年本部门预算资金24万元（基本支出24万元，项目支出0万元），全年实际支出24万元，其中基本支出24万元，项目支出0万元，预算执行率100%。",
       {"total/budget=240000元", "basic/budget=240000元 <0", "project/budget=0元 <0", "total/executed=240000元",
        "basic/executed=240000元 <3", "project/executed=0元 <3", "rate_execution=100%"}},
      {"本单位2024年度基本支出0万元（工资福利支出0万元、商品和服务支出0万元），其中人员经费0万元，公用经费0万元。",
       {"basic=0元", "econ_wages=0元 <0", "econ_goods=0元 <0", "personnel=0元 <0", "public_funds=0元 <0"}},
      {"本单位2024年度项目支出全年预算24万元，主要用于企业党建。", {"project/full=240000元"}},
      {"2024年度一般公共预算拨款中“三公经费”年初预算0万元，实际支出0万元，为年初预算的100%。",
       {"three_public/initial=0元", "three_public/executed=0元", "relative_rate/initial=100%"}},
      {"根据《部门整体支出绩效自评表》自评得分 98分(详见附表2)，部门整体支出绩效为“优”",
       {"self_score=98分", "grade=优"}},
      // Quotes as a scan's OCR reads them: of the wrong hand, single, one missing.
      {"本单位自评得分99.87分，等级为”良”。", {"self_score=99.87分", "grade=良"}},
      {"本单位自评得分96分，等级为'优。", {"self_score=96分", "grade=优"}},
      {"全年共走访企业80余次，印发手册400余本。", {"全年共走访企业=80次", "印发手册=400本"}},
      {"2024年，共举办企业家沙龙活动4期，收集困难与问题62个。", {"共举办企业家沙龙活动=4期", "收集困难与问题=62个"}},
      // Rewrites of the same facts.
      {"2024年本部门预算资金240000元（基本支出240000元，项目支出0元）。",
       {"total/budget=240000元", "basic/budget=240000元 <0", "project/budget=0元 <0"}},
      {"本部门预算资金二十四万元。", {"total/budget=240000元"}},
      {"本部门预算资金２４万元。", {"total/budget=240000元"}},
      {"基本支出24万元是本部门2024年预算资金的全部。", {"basic=240000元"}},
      {"共举办企业家沙龙活动四期。", {"共举办企业家沙龙活动=4期"}},
      // Figures the vocabulary does not name are not facts.
      {"为防汛一线捐资捐物208万余元，获得信贷7189.8万元，签约资金达3.4亿元。", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Summary(FromParagraphs({c.text})), c.facts) << c.text;
}

TEST(NarrativeFactsTest, SpansPointAtTheFigure) {
  const std::string text = "2024年本部门预算资金24万元。";
  FactSet set = FromParagraphs({text});
  ASSERT_EQ(set.facts.size(), 1u);
  const Fact& f = set.facts[0];
  EXPECT_EQ(text.substr(f.q.span.begin, f.q.span.end - f.q.span.begin), "24万元");
  EXPECT_EQ(f.quote, text);
  EXPECT_EQ(f.block, 0);
}

Cell MakeCell(int row, int col, const std::string& text, int colspan = 1) {
  Cell c;
  c.row = row;
  c.col = col;
  c.colspan = colspan;
  c.paragraphs = {text};
  return c;
}

TEST(TableFactsTest, CellsAddressedByRowAndColumnHeaders) {
  Document doc;
  Block b;
  b.kind = BlockKind::kTable;
  b.table.rows = 4;
  b.table.cols = 4;
  b.table.cells = {MakeCell(0, 0, "项目名称"), MakeCell(0, 1, "企业服务项目", 3),
                   MakeCell(1, 0, "年度预算（万元）"), MakeCell(1, 1, "年初预算数"), MakeCell(1, 2, "全年预算数"),
                   MakeCell(1, 3, "全年执行数"),
                   MakeCell(2, 0, "年度资金总额"), MakeCell(2, 1, "10"), MakeCell(2, 2, "12.5"), MakeCell(2, 3, "9"),
                   MakeCell(3, 0, "其中：基本支出：2"), MakeCell(3, 1, "项目支出：10.5", 3)};
  doc.blocks.push_back(b);
  FactSet set;
  set.year = 2024;
  ExtractTableFacts(doc, TestVocabulary(), &set);
  std::vector<std::string> got;
  for (const Fact& f : set.facts) {
    got.push_back(f.subject + " " + f.concept_id + "/" + f.period + "=" + f.q.canonical.ToString() + " r" +
                  std::to_string(f.row) + "c" + std::to_string(f.col));
  }
  const std::vector<std::string> expected = {
      "project:企业服务项目 total/initial=100000 r2c1", "project:企业服务项目 total/full=125000 r2c2",
      "project:企业服务项目 total/executed=90000 r2c3", "project:企业服务项目 basic/=20000 r3c0",
      "project:企业服务项目 project/=105000 r3c1"};
  EXPECT_EQ(got, expected);
}

TEST(TableFactsTest, ALongTableStaysLinear) {
  // 20,000 rows under one header row: every figure finds its column header
  // 20,000 rows up, and the table is walked a bounded number of times (a
  // scan of the table per row, or per step up, made it cubic: it never ended).
  const int kRows = 20000;
  Document doc;
  Block b;
  b.kind = BlockKind::kTable;
  b.table.rows = kRows + 1;
  b.table.cols = 3;
  b.table.cells = {MakeCell(0, 0, "项目"), MakeCell(0, 1, "全年预算数（万元）"), MakeCell(0, 2, "全年执行数")};
  for (int r = 1; r <= kRows; ++r) {
    b.table.cells.push_back(MakeCell(r, 0, r % 2 ? "基本支出" : "项目支出"));
    b.table.cells.push_back(MakeCell(r, 1, std::to_string(r)));
    b.table.cells.push_back(MakeCell(r, 2, std::to_string(r - 1)));
  }
  doc.blocks.push_back(b);
  FactSet set;
  set.year = 2024;
  ExtractTableFacts(doc, TestVocabulary(), &set);
  ASSERT_EQ(set.facts.size(), 2u * kRows);
  const Fact& last = set.facts.back();
  EXPECT_EQ(last.concept_id, "project");
  EXPECT_EQ(last.period, "executed");
  EXPECT_EQ(last.row, kRows);
  EXPECT_EQ(last.q.canonical.ToString(), std::to_string((kRows - 1) * 10000));
}

TEST(VocabularyTest, LongestPhraseWins) {
  const std::vector<KeywordHit> hits = TestVocabulary().Match("一般公共预算财政拨款中“三公经费”年初预算");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].concept_id, "src_general");
  EXPECT_EQ(hits[0].period, "");
  EXPECT_EQ(hits[1].concept_id, "three_public");
  EXPECT_EQ(hits[2].period, "initial");
  EXPECT_EQ(TestVocabulary().ConceptOfLabel("1、公务用车购置和维护经费"), "vehicles");
  EXPECT_EQ(TestVocabulary().ConceptOfLabel("其中：公车购置"), "vehicle_purchase");
  EXPECT_EQ(TestVocabulary().ConceptOfLabel("部门基本支出预算调整"), "basic_adjustment");
  EXPECT_EQ(TestVocabulary().PeriodOf("2024年决算数"), "executed");
  EXPECT_EQ(TestVocabulary().GradeOf("优秀"), "优");
}

// The headers of the budget-execution line and the words of a table title
// are vocabulary (concepts.json indicator_table.execution_line, table_titles),
// not code: with other words in the data the same table reads otherwise.
TEST(TableFactsTest, ExecutionLineHeadersComeFromTheVocabulary) {
  Document doc;
  Block b;
  b.kind = BlockKind::kTable;
  b.table.rows = 2;
  b.table.cols = 4;
  b.table.cells = {MakeCell(0, 0, "资金情况"), MakeCell(0, 1, "分值"), MakeCell(0, 2, "执行率"), MakeCell(0, 3, "得分"),
                   MakeCell(1, 0, "年度资金总额"), MakeCell(1, 1, "10"), MakeCell(1, 2, "96%"), MakeCell(1, 3, "9.6")};
  doc.blocks.push_back(b);
  FactSet bundled;
  bundled.year = 2024;
  ExtractTableFacts(doc, TestVocabulary(), &bundled);
  ASSERT_TRUE(bundled.execution.has_value());
  EXPECT_EQ(bundled.execution->weight->ToString(), "10");
  EXPECT_EQ(bundled.execution->score->ToString(), "9.6");

  std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/schemas/concepts.json");
  nlohmann::json data = nlohmann::json::parse(in);
  data["indicator_table"]["execution_line"]["weight"] = {"权重分"};
  data["indicator_table"]["execution_line"]["score"] = {"评分"};
  const std::string path = ::testing::TempDir() + "/jixiao_concepts_execution_line.json";
  std::ofstream(path) << data.dump();
  Vocabulary other;
  ASSERT_TRUE(Vocabulary::Load(path, &other).ok());
  FactSet renamed;
  renamed.year = 2024;
  ExtractTableFacts(doc, other, &renamed);
  ASSERT_TRUE(renamed.execution.has_value());  // 执行率 is still a header of the line
  EXPECT_FALSE(renamed.execution->weight.has_value());
  EXPECT_FALSE(renamed.execution->score.has_value());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace jixiao
