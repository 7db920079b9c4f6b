// Table-driven tests of the funds block and of the indicator table read by
// their headers: decorated headers, columns in another order, 序号, "not
// stated" tokens, 分值/执行率/得分 never amounts, level-1 groups by label,
// placeholder rows, 计量单位 and 指标方向, table groups.
#include <gtest/gtest.h>

#include "pipeline/facts/facts.h"
#include "pipeline/facts/test_vocabulary.h"
#include "pipeline/model/test_documents.h"

namespace jixiao {
namespace {

Block Para(const std::string& text) {
  Block b;
  b.text = text;
  return b;
}

std::string Value(const FundsValue& v) { return v.value ? v.value->Normalized().ToString() : "-"; }

struct FundsCase {
  std::string name;
  std::vector<std::vector<std::string>> rows;
  // per row: label concept/partition then initial full executed weight rate score
  std::vector<std::string> expected;
};

TEST(FundsBlockTest, ShapesOfTheBlock) {
  const FundsCase cases[] = {
      {"national",
       {{"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
        {"年度资金总额", "50", "52.5", "50.4", "10", "96%", "9.6"},
        {"其中：当年财政拨款", "50", "50", "48.4", "—", "96.8%", "—"},
        {"上年结转资金", "", "2.5", "2", "—", "80%", "—"},
        {"其他资金", "", "", "", "—", "", "—"}},
       {"total/ 50 52.5 50.4 10 96 9.6", "src_general/source 50 50 48.4 - 96.8 -",
        "src_carryover/source - 2.5 2 - 80 -", "src_other/source - - - - - -"}},
      {"decorated, 序号, / and ——",
       {{"序号", "项目资金（万元）", "年初预算数（A）", "全年预算数（B）", "全年执行数（C）", "分值（10分）", "执行率（%）", "得分"},
        {"1", "资金总额", "60", "61.2", "58.14", "10", "95", "9.5"},
        {"2", "其中：本年财政拨款", "60", "60", "57", "/", "95", "/"},
        {"3", "上年结余结转", "——", "1.2", "1.14", "/", "95", "/"}},
       {"total/ 60 61.2 58.14 10 95 9.5", "src_general/source 60 60 57 - 95 -",
        "src_carryover/source - 1.2 1.14 - 95 -"}},
      {"reordered, 执行率(B/A) as a ratio",
       {{"资金情况", "分值", "得分", "全年预算数（A）", "全年执行数（B）", "执行率(B/A)"},
        {"合计", "10", "8.2", "50", "41", "0.82"},
        {"财政资金", "-", "-", "50", "41", "0.82"}},
       {"total/ - 50 41 10 82 8.2", "src_general/source - 50 41 - 82 -"}},
      {"amounts in 元 under a 万元 block header stay in the block's unit",
       {{"项目资金（万元）", "全年预算数", "全年执行数", "执行率"},
        {"年度资金总额", "300000元", "30", "100%"}},
       {"total/ - 30 30 - 100 -"}},
      {"基本支出 / 项目支出 rows",
       {{"年度预算资金（万元）", "年初预算数", "全年预算数", "全年执行数"},
        {"年度资金总额", "320", "335.6", "331.2"},
        {"其中：基本支出", "280", "286.4", "286.4"},
        {"项目支出", "40", "49.2", "44.8"}},
       {"total/ 320 335.6 331.2 - - -", "basic/nature 280 286.4 286.4 - - -", "project/nature 40 49.2 44.8 - - -"}},
      {"合计 below its parts",
       {{"资金来源", "全年预算数", "全年执行数", "执行率"},
        {"财政拨款", "40", "38", "95%"},
        {"自筹资金", "10", "10", "100%"},
        {"合计", "50", "48", "96%"}},
       {"total/ - 50 48 - 96 -", "src_general/source - 40 38 - 95 -", "src_other/source - 10 10 - 100 -"}},
      {"parts without a total are no block",
       {{"资金来源", "全年预算数", "全年执行数"}, {"财政拨款", "40", "38"}, {"自筹资金", "10", "10"}},
       {}},
      {"a table with one amount column is no funds block",
       {{"项目", "金额"}, {"合计", "12"}},
       {}},
  };
  for (const FundsCase& c : cases) {
    const Block b = TableBlock(c.rows);
    std::vector<FundsBlock> blocks = FindFundsBlocks(b.table, 0, TestVocabulary());
    std::vector<std::string> got;
    for (const FundsBlock& fb : blocks)
      for (const FundsRow& r : fb.rows) {
        std::string s = r.concept_id + "/" + r.partition;
        for (int k = 0; k < kFundsColumns; ++k) s += " " + Value(r.values[k]);
        got.push_back(s);
      }
    EXPECT_EQ(got, c.expected) << c.name;
  }
}

// 预算数 over 年初预算数 / 全年预算数, the other headers merged over both rows.
TEST(FundsBlockTest, TwoRowHeader) {
  Block b = TableBlock({
      {"项目资金（万元）", "预算数", "", "全年执行数", "分值", "执行率", "得分"},
      {"", "年初预算数", "全年预算数", "", "", "", ""},
      {"年度资金总额", "50", "52.5", "50.4", "10", "96%", "9.6"},
      {"其中：当年财政拨款", "50", "50", "48.4", "—", "96.8%", "—"},
  });
  // Merge: 预算数 spans two columns; the others span both header rows.
  std::vector<Cell> cells;
  for (Cell c : b.table.cells) {
    if (c.row == 0 && c.col == 2) continue;
    if (c.row == 1 && c.col != 1 && c.col != 2) continue;
    if (c.row == 0 && c.col == 1) c.colspan = 2;
    if (c.row == 0 && c.col != 1) c.rowspan = 2;
    cells.push_back(c);
  }
  b.table.cells = cells;
  std::vector<FundsBlock> blocks = FindFundsBlocks(b.table, 0, TestVocabulary());
  ASSERT_EQ(blocks.size(), 1u);
  ASSERT_EQ(blocks[0].rows.size(), 2u);
  EXPECT_EQ(Value(blocks[0].rows[0].values[kFundsInitial]), "50");
  EXPECT_EQ(Value(blocks[0].rows[0].values[kFundsFull]), "52.5");
  EXPECT_EQ(Value(blocks[0].rows[0].values[kFundsExecuted]), "50.4");
  EXPECT_EQ(Value(blocks[0].rows[0].values[kFundsScore]), "9.6");
}

TEST(FundsBlockTest, StripsDecorations) {
  EXPECT_EQ(StripHeaderDecorations("全年预算数（A）"), "全年预算数");
  EXPECT_EQ(StripHeaderDecorations("执行率(B/A)"), "执行率");
  EXPECT_EQ(StripHeaderDecorations(" 分值（10分） "), "分值");
  EXPECT_EQ(StripHeaderDecorations("产出指标(50分)"), "产出指标");
}

FactSet Extract(const std::vector<Block>& blocks) {
  Document doc;
  doc.blocks = blocks;
  FactSet set;
  set.year = 2023;
  ExtractTableFacts(doc, TestVocabulary(), &set);
  return set;
}

// 分值 10 and 执行率 100 on the 其中 rows are never amounts of those rows.
TEST(FundsBlockTest, ScoreAndRateColumnsAreNeverAmounts) {
  const FactSet set = Extract({TableBlock({
      {"项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值（10分）", "执行率（%）", "得分"},
      {"年度资金总额", "9.48", "9.48", "9.48", "10", "100", "10"},
      {"其中：本年财政拨款", "9.48", "9.48", "9.48", "10", "100", "10"},
  })});
  for (const Fact& f : set.facts) {
    if (f.q.kind != numbers::QuantityKind::kAmount) continue;
    EXPECT_EQ(f.q.canonical.Normalized().ToString(), "94800") << f.label << " " << f.quote << " col " << f.col;
  }
  ASSERT_TRUE(set.execution);
  EXPECT_EQ(set.execution->weight->ToString(), "10");
  EXPECT_EQ(set.execution->rate->ToString(), "100");
}

using Rows = std::vector<std::vector<std::string>>;

std::vector<std::vector<std::string>> IndicatorRows(const std::vector<std::vector<std::string>>& items,
                                                   const std::string& total_weight, const std::string& total_score) {
  std::vector<std::vector<std::string>> rows = {
      {"一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "计量单位", "实际完成值", "权重", "得分", "偏差原因分析及改进措施"}};
  for (const auto& i : items) rows.push_back(i);
  if (!total_weight.empty()) rows.push_back({"总分", "", "", "", "", "", "", total_weight, total_score, ""});
  return rows;
}

TEST(IndicatorTableTest, HeadersGroupsAndPlaceholders) {
  const FactSet set = Extract({TableBlock(IndicatorRows(
      {{"产出指标（50分）", "数量指标", "维修里程", "正向", "≥12", "公里", "12.5", "50", "50", "无偏差"},
       {"", "数量指标", "指标1", "", "", "", "", "", "", ""},
       {"效益指标", "社会效益", "出行条件", "正向", "有效改善", "/", "有效改善", "20", "20", "无偏差"},
       {"效益指标", "可持续影响", "使用年限", "正向", "≤8", "年", "8", "10", "10", "无偏差"},
       {"(30分)", "……", "……", "", "", "", "", "", "", ""},
       {"满意度指标", "满意度", "群众满意度", "正向", "95", "%", "93", "10", "9", "施工影响通行"}},
      "90", "89"))});
  ASSERT_EQ(set.indicators.size(), 4u) << "placeholder rows (指标1, ……) are not indicators";
  EXPECT_EQ(set.indicators[0].level1, "产出指标");
  ASSERT_TRUE(set.indicators[0].level1_weight);
  EXPECT_EQ(set.indicators[0].level1_weight->ToString(), "50");
  EXPECT_EQ(set.indicators[1].level1, "效益指标");
  EXPECT_EQ(set.indicators[2].level1, "效益指标") << "the same label on consecutive rows is one group";
  ASSERT_TRUE(set.indicators[2].level1_weight) << "(30分) alone gives the group its weight";
  EXPECT_EQ(set.indicators[2].direction, "up");
  ASSERT_EQ(set.indicators[3].target.size(), 1u);
  EXPECT_EQ(set.indicators[3].target[0].canonical_unit, "%") << "95 with % in the unit column";
  EXPECT_EQ(set.indicators[0].target[0].canonical_unit, "公里");
  ASSERT_EQ(set.indicator_tables.size(), 1u);
  EXPECT_TRUE(set.indicator_tables[0].has_total);
  EXPECT_TRUE(set.indicator_tables[0].total_filled);
}

TEST(IndicatorTableTest, TableWithoutTotalIsIncomplete) {
  const FactSet set = Extract({TableBlock(IndicatorRows(
      {{"产出指标", "数量指标", "维修里程", "正向", "≥12", "公里", "12.5", "50", "50", "无偏差"}}, "", ""))});
  ASSERT_EQ(set.indicator_tables.size(), 1u);
  EXPECT_FALSE(set.indicator_tables[0].has_total);
  EXPECT_EQ(set.indicator_tables[0].last_label, "维修里程");
}

TEST(IndicatorTableTest, TotalWrittenInOneCell) {
  Rows rows = IndicatorRows({{"产出指标", "数量指标", "维修里程", "正向", "≥12", "公里", "12.5", "90", "90", "无偏差"}}, "", "");
  rows.push_back({"自评结论", "总分：90分"});
  const FactSet set = Extract({TableBlock(rows)});
  ASSERT_EQ(set.totals.size(), 1u);
  ASSERT_TRUE(set.totals[0].score);
  EXPECT_EQ(set.totals[0].score->ToString(), "90");
  EXPECT_TRUE(set.indicator_tables[0].has_total);
}

// A project's table starts a group; a second project's table another one.
TEST(TableGroupsTest, EachProjectTableIsItsOwnGroup) {
  auto project = [](const std::string& name, const std::string& score) {
    std::vector<std::vector<std::string>> rows = {{"项目名称", name}};
    for (const auto& r : IndicatorRows({{"产出指标", "数量", "里程", "正向", "≥1", "公里", "1", "90", score, ""}}, "90", score))
      rows.push_back(r);
    return TableBlock(rows);
  };
  const FactSet set = Extract({Para("附件1"), project("道路养护", "90"), Para("附件2"), project("养老补贴", "80")});
  ASSERT_EQ(set.group_blocks.size(), 2u);
  ASSERT_EQ(set.totals.size(), 2u);
  EXPECT_EQ(set.totals[0].group, 0);
  EXPECT_EQ(set.totals[1].group, 1);
  ASSERT_EQ(set.indicators.size(), 2u);
  EXPECT_EQ(set.indicators[1].group, 1);
}

}  // namespace
}  // namespace jixiao
