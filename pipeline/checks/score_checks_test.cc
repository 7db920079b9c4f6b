// Table-driven tests of the score checks (score_checks.h) on a small
// indicator table: each defect planted into a clean table gives its finding,
// the clean table gives none; and CommonRun on labels of either script.
#include <gtest/gtest.h>

#include <set>

#include "pipeline/checks/score_checks.h"
#include "pipeline/model/test_documents.h"
#include "pipeline/checks/test_rules.h"
#include "pipeline/facts/test_vocabulary.h"

namespace jixiao {
namespace {

using Rows = TestRows;

// Columns: 一级 二级 三级 年度指标值 实际完成值 分值 得分 偏差原因.
const Rows kClean = {
    {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
    {"产出指标", "数量指标", "维修里程", "≥12公里", "12.5公里", "30", "30", "无偏差"},
    {"产出指标", "时效指标", "完工时间", "2023年11月30日前", "2023年11月20日", "20", "20", "无偏差"},
    {"效益指标", "社会效益", "出行条件", "有效改善", "有效改善", "30", "30", "无偏差"},
    {"满意度指标", "满意度", "群众满意度", "≥90%", "93%", "10", "10", "无偏差"},
    {"预算执行率", "", "", "", "", "10", "10", ""},
    {"总分", "", "", "", "", "100", "100", ""},
};

struct ScoreCase {
  const char* name;
  int row, col;            // the cell planted
  const char* value;
  std::multiset<std::string> codes;  // CheckScores' codes
};

std::multiset<std::string> ScoreCodes(const Document& doc, std::string* messages) {
  const FactSet set = ExtractFacts(doc, TestVocabulary(), 2023);
  std::vector<Finding> out;
  CheckScores(doc, set, TestNationalRules(), &out);
  std::multiset<std::string> codes;
  for (const Finding& f : out) {
    codes.insert(f.code);
    *messages += f.code + ": " + f.message + " | " + f.arithmetic + "\n";
  }
  return codes;
}

TEST(ScoreChecksTest, EachPlantedDefectGivesItsFinding) {
  const ScoreCase cases[] = {
      {"clean", 1, 6, "30", {}},
      {"total score not the sum of the items", 6, 6, "98", {"SCORE_TOTAL_MISMATCH"}},
      {"score above its weight", 3, 6, "35", {"SCORE_OVER_WEIGHT", "SCORE_TOTAL_MISMATCH"}},
      // 效益 weighs 25 where the rules say 30, the weights add up to 95, and
      // its score 30 is above its weight.
      {"a weight off the rules and the total", 3, 5, "25", {"SCORE_OVER_WEIGHT", "WEIGHT_MISMATCH", "WEIGHT_MISMATCH"}},
      {"a count below its ≥ target with full marks", 1, 4, "11公里", {"TARGET_NOT_MET"}},
      {"a date after its deadline with full marks", 2, 4, "2023年12月5日", {"TARGET_NOT_MET"}},
      {"a rate below its ≥ target with full marks", 4, 4, "85%", {"TARGET_NOT_MET"}},
  };
  for (const ScoreCase& c : cases) {
    Rows rows = kClean;
    rows[c.row][c.col] = c.value;
    std::string messages;
    EXPECT_EQ(ScoreCodes(TableDoc(rows), &messages), c.codes) << c.name << "\n" << messages;
  }
}

TEST(ScoreChecksTest, ScoreBelowWeightNeedsAReason) {
  Rows rows = kClean;
  rows[1][6] = "27";   // 27 of 30
  rows[6][6] = "97";   // the total follows
  std::string messages;
  EXPECT_EQ(ScoreCodes(TableDoc(rows), &messages), std::multiset<std::string>{"DEVIATION_UNEXPLAINED"}) << messages;
  rows[1][7] = "部分路段因汛期推迟施工，下年度加强进度管理";
  messages.clear();
  EXPECT_EQ(ScoreCodes(TableDoc(rows), &messages), std::multiset<std::string>{}) << messages;
}

TEST(ScoreChecksTest, NarrativeScoreAndGradeAgainstTheTable) {
  std::string messages;
  EXPECT_EQ(ScoreCodes(TableDoc(kClean, {"经自评，本项目自评得分100分，评价等级为“优”。"}), &messages),
            std::multiset<std::string>{})
      << messages;
  messages.clear();
  EXPECT_EQ(ScoreCodes(TableDoc(kClean, {"经自评，本项目自评得分96分，评价等级为“优”。"}), &messages),
            std::multiset<std::string>{"SCORE_TOTAL_MISMATCH"})
      << messages;
  Rows rows = kClean;
  rows[1][6] = "10";   // 10 of 30, with a reason
  rows[1][7] = "施工受阻";
  rows[6][6] = "80";
  messages.clear();
  EXPECT_EQ(ScoreCodes(TableDoc(rows, {"经自评，本项目自评得分80分，评价等级为“优”。"}), &messages),
            std::multiset<std::string>{"GRADE_MISMATCH"})
      << messages;
}

TEST(ScoreChecksTest, CommonRunKeepsWholeCharacters) {
  EXPECT_EQ(CommonRun("收集困难与问题", "收集企业困难与问题"), std::string("困难与问题").size());
  EXPECT_EQ(CommonRun("培训人次", "培训人次"), std::string("培训人次").size());
  EXPECT_EQ(CommonRun("abc", "xbcy"), 2u);
  EXPECT_EQ(CommonRun("维修", "道路"), 0u);
  // 预 (E9 A2 84) and 须 (E9 A1 BB) share a lead byte, not a character.
  EXPECT_EQ(CommonRun("预", "须"), 0u);
  EXPECT_EQ(CommonRun("", "道路"), 0u);
}

}  // namespace
}  // namespace jixiao
