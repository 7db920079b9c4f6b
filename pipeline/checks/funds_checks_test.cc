// Table-driven tests of the funds-block relations (SUM_MISMATCH,
// RATE_MISMATCH, EXECUTION_SCORE_MISMATCH), of DIRECTION_MISMATCH and of
// TABLE_INCOMPLETE, on small tables: each defect planted into a clean block
// gives its finding, the clean block gives none.
#include <gtest/gtest.h>

#include <set>

#include "pipeline/checks/check.h"
#include "pipeline/checks/funds_checks.h"
#include "pipeline/model/test_documents.h"
#include "pipeline/checks/test_rules.h"
#include "pipeline/facts/test_vocabulary.h"

namespace jixiao {
namespace {

using Rows = TestRows;

std::multiset<std::string> FundsCodes(const Document& doc, std::string* messages) {
  FactSet set;
  set.year = 2023;
  ExtractTableFacts(doc, TestVocabulary(), &set);
  std::vector<Finding> out;
  CheckFunds(doc, set, TestNationalRules(), &out);
  std::multiset<std::string> codes;
  for (const Finding& f : out) {
    codes.insert(f.code);
    *messages += f.message + " | " + f.arithmetic + "\n";
  }
  return codes;
}

const Rows kClean = {
    {"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
    {"年度资金总额", "50", "52.5", "50.4", "10", "96%", "9.6"},
    {"其中：当年财政拨款", "50", "50", "48.4", "—", "96.8%", "—"},
    {"上年结转资金", "", "2.5", "2", "—", "80%", "—"},
    {"其他资金", "", "", "", "—", "", "—"},
};

struct Plant {
  std::string name;
  int row, col;
  std::string value;
  std::multiset<std::string> codes;
  std::string in_message;  // a phrase the message must hold
};

TEST(FundsChecksTest, PlantedDefects) {
  const Plant plants[] = {
      {"clean", 0, 0, "项目资金（万元）", {}, ""},
      {"total 全年预算数 off by one", 1, 2, "53.5", {"SUM_MISMATCH", "RATE_MISMATCH"}, "不等于其下各行之和52.5"},
      {"rate 0 on a source row", 2, 5, "0", {"RATE_MISMATCH"}, "应为96.8%"},
      {"rate of the total", 1, 5, "98%", {"RATE_MISMATCH"}, "应为96%"},
      {"score 9 for 10 × 96%", 1, 6, "9", {"EXECUTION_SCORE_MISMATCH"}, "应为9.6分"},
      {"score rounded to one decimal is fine", 1, 6, "9.6", {}, ""},
      {"full marks for 96%", 1, 6, "10", {"EXECUTION_SCORE_MISMATCH"}, "应为9.6分"},
      {"a rate written as a ratio", 3, 5, "0.8", {}, ""},
      {"a part not stated may hold the difference", 3, 3, "——", {}, ""},
      {"stated parts above the total", 2, 3, "51", {"SUM_MISMATCH", "RATE_MISMATCH"}, "不等于其下各行之和53"},
  };
  for (const Plant& p : plants) {
    Rows rows = kClean;
    rows[p.row][p.col] = p.value;
    std::string messages;
    EXPECT_EQ(FundsCodes(TableDoc(rows), &messages), p.codes) << p.name << "\n" << messages;
    if (!p.in_message.empty()) {
      EXPECT_NE(messages.find(p.in_message), std::string::npos) << p.name << "\n" << messages;
    }
  }
}

TEST(FundsChecksTest, NestedUnknownRowIsNotAddedTwice) {
  const Rows rows = {
      {"项目资金（万元）", "全年预算数", "全年执行数", "执行率"},
      {"年度资金总额", "100", "100", "100%"},
      {"其中：财政拨款", "80", "80", "100%"},
      {"其中：中央补助资金", "30", "30", "100%"},
      {"其他资金", "20", "20", "100%"},
  };
  std::string messages;
  EXPECT_TRUE(FundsCodes(TableDoc(rows), &messages).empty()) << messages;
}

TEST(FundsChecksTest, TotalRowLeftAtZero) {
  const Rows rows = {
      {"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
      {"年度资金总额", "0", "0", "0", "10", "—", "10"},
      {"其中：本年财政拨款", "30", "30", "30", "—", "100%", "—"},
      {"上年结转资金", "", "", "", "—", "", "—"},
  };
  std::string messages;
  EXPECT_EQ(FundsCodes(TableDoc(rows), &messages), std::multiset<std::string>{"SUM_MISMATCH"}) << messages;
  EXPECT_NE(messages.find("一行填为0，而其中各行有资金"), std::string::npos) << messages;
}

TEST(FundsChecksTest, BandsFromTheRulesFile) {
  Rules bands = TestNationalRules();
  bands.execution_score.method = "bands";
  bands.execution_score.bands = {{numbers::Decimal::FromInt(95), numbers::Decimal::FromInt(1)},
                                 {numbers::Decimal::FromInt(80), *numbers::Decimal::Parse("0.8")}};
  Rows rows = kClean;  // 96%: the top band gives 10, not 9.6
  const Document doc = TableDoc(rows);
  FactSet set;
  ExtractTableFacts(doc, TestVocabulary(), &set);
  std::vector<Finding> out;
  CheckFunds(doc, set, bands, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "EXECUTION_SCORE_MISMATCH");
  rows[1][6] = "10";
  const Document doc10 = TableDoc(rows);
  FactSet set10;
  ExtractTableFacts(doc10, TestVocabulary(), &set10);
  out.clear();
  CheckFunds(doc10, set10, bands, &out);
  EXPECT_TRUE(out.empty());
}

std::multiset<std::string> AllCodes(const Document& doc) {
  FactSet set = ExtractFacts(doc, TestVocabulary(), 2023);
  std::multiset<std::string> codes;
  for (const Finding& f : RunChecks(doc, set, TestNationalRules(), "项目支出绩效自评表", true)) codes.insert(f.code);
  return codes;
}

Rows Indicators(const std::string& direction, const std::string& target, bool with_total) {
  Rows rows = {{"一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
               {"产出指标", "数量指标", "维修里程", direction, target, "12.5公里", "50", "50", "无偏差"},
               {"效益指标", "社会效益", "出行条件", "正向", "有效改善", "有效改善", "30", "30", "无偏差"}};
  if (with_total) {
    rows.push_back({"满意度指标", "满意度", "群众满意度", "正向", "≥90%", "93%", "10", "10", "无偏差"});
    rows.push_back({"预算执行率", "", "", "", "", "", "10", "10", ""});
    rows.push_back({"总分", "", "", "", "", "", "100", "100", ""});
  }
  return rows;
}

TEST(IndicatorChecksTest, DirectionAgainstComparator) {
  EXPECT_EQ(AllCodes(TableDoc(Indicators("正向", "≤12公里", true))).count("DIRECTION_MISMATCH"), 1u);
  EXPECT_EQ(AllCodes(TableDoc(Indicators("反向", "≥12公里", true))).count("DIRECTION_MISMATCH"), 1u);
  EXPECT_EQ(AllCodes(TableDoc(Indicators("正向", "≥12公里", true))).count("DIRECTION_MISMATCH"), 0u);
  EXPECT_EQ(AllCodes(TableDoc(Indicators("", "≤12公里", true))).count("DIRECTION_MISMATCH"), 0u);
}

TEST(IndicatorChecksTest, CutOffTableIsIncompleteNotMisweighted) {
  const std::multiset<std::string> codes = AllCodes(TableDoc(Indicators("正向", "≥12公里", false)));
  EXPECT_EQ(codes.count("TABLE_INCOMPLETE"), 1u);
  EXPECT_EQ(codes.count("WEIGHT_MISMATCH"), 0u);
  EXPECT_EQ(codes.count("SCORE_TOTAL_MISMATCH"), 0u);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// A table without a 总分 row whose weights are all there (10 + 50 + 30 + 10)
// is whole: nothing is said about completeness, and a missed target is found.
TEST(IndicatorChecksTest, TableWithoutTotalRowButWhole) {
  Document doc = TableDoc({{"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"},
                           {"预算执行率", "预算执行率", "预算执行率", "99.2%", "97.5%", "10", "10", "无偏差"},
                           {"产出指标", "数量指标", "维修里程", "≥12公里", "12.5公里", "50", "50", "无偏差"},
                           {"效益指标", "社会效益", "出行条件", "有效改善", "有效改善", "30", "30", "无偏差"},
                           {"满意度指标", "满意度", "群众满意度", "≥90%", "93%", "10", "10", "无偏差"}});
  // The label cell of 预算执行率 spans the three name columns.
  std::vector<Cell> cells;
  for (Cell c : doc.blocks[0].table.cells) {
    if (c.row == 1 && (c.col == 1 || c.col == 2)) continue;
    if (c.row == 1 && c.col == 0) c.colspan = 3;
    cells.push_back(c);
  }
  doc.blocks[0].table.cells = cells;
  Block after;
  after.text = "以上为本单位绩效指标完成情况。";
  doc.blocks.push_back(after);
  const std::multiset<std::string> codes = AllCodes(doc);
  EXPECT_EQ(codes.count("TABLE_INCOMPLETE"), 0u);
  EXPECT_EQ(codes.count("WEIGHT_MISMATCH"), 0u);
  EXPECT_EQ(codes.count("TARGET_NOT_MET"), 1u) << "97.5% misses 99.2% with full marks";
}

}  // namespace
}  // namespace jixiao
