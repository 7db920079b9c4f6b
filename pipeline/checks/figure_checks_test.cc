// Table-driven tests of the narrative as reports really write it: each
// phrasing → the facts read → the finding, or none. Free-named breakdowns,
// lists across 。其中： and ；, parts in 元 under 万元, open lists, the
// precision of a list, changes, differences, growth and completion rates,
// income vs spending, traditional characters and ASCII punctuation. Every
// defective case has a clean twin that differs in one figure.
#include <gtest/gtest.h>

#include "pipeline/checks/figure_checks.h"
#include "pipeline/checks/test_rules.h"
#include "pipeline/facts/test_vocabulary.h"

namespace jixiao {
namespace {

// One fact per entry: concept (or the item's name) / period = value, then
// "<N" for the head it breaks down, "~kind" for a relation.
std::string Summary(const Fact& f) {
  std::string s = f.concept_id.empty() ? "[" + f.label + "]" : f.concept_id;
  if (!f.period.empty()) s += "/" + f.period;
  s += "=" + f.q.canonical.ToString() + f.q.canonical_unit;
  if (f.parent >= 0) s += " <" + std::to_string(f.parent);
  if (f.list_open) s += " open";
  if (!f.relation.empty()) s += " ~" + f.of_concept;
  if (f.sign) s += f.sign > 0 ? "+" : "-";
  return s;
}

struct Case {
  std::string text;                // one paragraph per line
  std::vector<std::string> facts;  // Summary of each fact, in order
  std::vector<std::string> codes;  // figure findings, in order
};

void RunCase(const Case& c) {
  Document doc;
  size_t start = 0;
  while (start <= c.text.size()) {
    size_t end = c.text.find('\n', start);
    if (end == std::string::npos) end = c.text.size();
    Block b;
    b.text = c.text.substr(start, end - start);
    doc.blocks.push_back(b);
    start = end + 1;
  }
  FactSet set;
  set.year = 2024;
  ExtractNarrativeFacts(doc, TestVocabulary(), static_cast<int>(doc.blocks.size()), &set);
  std::vector<std::string> facts;
  for (const Fact& f : set.facts) facts.push_back(Summary(f));
  EXPECT_EQ(facts, c.facts) << c.text;
  std::vector<Finding> findings;
  CheckFigures(doc, set, TestNationalRules(), &findings);
  std::vector<std::string> codes;
  std::string messages;
  for (const Finding& f : findings) {
    codes.push_back(f.code);
    messages += f.message + " | " + f.arithmetic + "\n";
  }
  EXPECT_EQ(codes, c.codes) << c.text << "\n" << messages;
}

TEST(NarrativeListsTest, FreeNamedBreakdowns) {
  const Case cases[] = {
      {"本单位年度预算资金36万元，其中：20万元用于宣传培训，10万元用于设备维护，6万元用于办公耗材。",
       {"total/budget=360000元", "[宣传培训]/budget=200000元 <0", "[设备维护]/budget=100000元 <0", "[办公耗材]/budget=60000元 <0"},
       {}},
      {"本单位年度预算资金36万元，其中：20万元用于宣传培训，10万元用于设备维护，5万元用于办公耗材。",
       {"total/budget=360000元", "[宣传培训]/budget=200000元 <0", "[设备维护]/budget=100000元 <0", "[办公耗材]/budget=50000元 <0"},
       {"SUM_MISMATCH"}},
      {"项目总投资48.5万元，包括场地改造30万元、设备采购12万元、人员培训6.5万元。",
       {"[项目总投资]=485000元", "[场地改造]=300000元 <0", "[设备采购]=120000元 <0", "[人员培训]=65000元 <0"},
       {}},
      {"项目总投资48.5万元，包括场地改造30万元、设备采购12万元、人员培训7.5万元。",
       {"[项目总投资]=485000元", "[场地改造]=300000元 <0", "[设备采购]=120000元 <0", "[人员培训]=75000元 <0"},
       {"SUM_MISMATCH"}},
      {"本年度共安排工作经费40万元。其中：党建活动18万元；学习培训12万元；日常运转10万元。",
       {"[本年度共安排工作经费]=400000元", "[党建活动]=180000元 <0", "[学习培训]=120000元 <0", "[日常运转]=100000元 <0"},
       {}},
      {"本年度共安排工作经费40万元。其中：党建活动18万元；学习培训12万元；日常运转11万元。",
       {"[本年度共安排工作经费]=400000元", "[党建活动]=180000元 <0", "[学习培训]=120000元 <0", "[日常运转]=110000元 <0"},
       {"SUM_MISMATCH"}},
      {"活动经费2万元，分别用于场地租赁12000元、资料印制8000元。",
       {"[活动经费]=20000元", "[场地租赁]=12000元 <0", "[资料印制]=8000元 <0"},
       {}},
      {"活动经费2万元，分别用于场地租赁12000元、资料印制9000元。",
       {"[活动经费]=20000元", "[场地租赁]=12000元 <0", "[资料印制]=9000元 <0"},
       {"SUM_MISMATCH"}},
      {"下达补助资金50万元，主要用于：30万元用于道路硬化，20万元用于路灯安装。",
       {"[下达补助资金]=500000元", "[道路硬化]=300000元 <0", "[路灯安装]=200000元 <0"},
       {}},
      {"下达补助资金50万元，主要用于：30万元用于道路硬化，25万元用于路灯安装。",
       {"[下达补助资金]=500000元", "[道路硬化]=300000元 <0", "[路灯安装]=250000元 <0"},
       {"SUM_MISMATCH"}},
      {"培训经费20万元，主要包括讲师费8万元、教材费5万元等。",
       {"[培训经费]=200000元", "[讲师费]=80000元 <0 open", "[教材费]=50000元 <0 open"},
       {}},
      {"培训经费20万元，主要包括讲师费15万元、教材费8万元等。",
       {"[培训经费]=200000元", "[讲师费]=150000元 <0 open", "[教材费]=80000元 <0 open"},
       {"SUM_MISMATCH"}},
      {"办公经费30万元，其中印刷费5万元。",
       {"[办公经费]=300000元", "[印刷费]=50000元 <0"},
       {}},
      {"办公经费30万元，其中印刷费35万元。",
       {"[办公经费]=300000元", "[印刷费]=350000元 <0"},
       {"SUM_MISMATCH"}},
      {"专项资金18万元（其中培训费10万元、咨询费8万元）。",
       {"[专项资金]=180000元", "[培训费]=100000元 <0", "[咨询费]=80000元 <0"},
       {}},
      {"专项资金18万元（其中培训费10万元、咨询费9万元）。",
       {"[专项资金]=180000元", "[培训费]=100000元 <0", "[咨询费]=90000元 <0"},
       {"SUM_MISMATCH"}},
      {"安排资金10万元，分别是A项目6万元、B项目4万元。",
       {"[安排资金]=100000元", "[A项目]=60000元 <0", "[B项目]=40000元 <0"},
       {}},
      {"安排资金10万元，分别是A项目6万元、B项目5万元。",
       {"[安排资金]=100000元", "[A项目]=60000元 <0", "[B项目]=50000元 <0"},
       {"SUM_MISMATCH"}},
      {"本部门预算资金24万元，其中：15万元用于课题研究，9万元用于成果推广。\n全年实际支出24万元。",
       {"total/budget=240000元", "[课题研究]/budget=150000元 <0", "[成果推广]/budget=90000元 <0", "total/executed=240000元"},
       {}},
      {"全年实际支出32万元，其中基本支出20万元，项目支出12万元。",
       {"total/executed=320000元", "basic/executed=200000元 <0", "project/executed=120000元 <0"},
       {}},
      {"全年实际支出32万元，其中基本支出20万元，项目支出10万元。",
       {"total/executed=320000元", "basic/executed=200000元 <0", "project/executed=100000元 <0"},
       {"SUM_MISMATCH"}},
  };
  for (const Case& c : cases) RunCase(c);
}

TEST(NarrativeListsTest, PrecisionOfAList) {
  const Case cases[] = {
      {"工作经费45.36万元，分别用于会务20万元、印刷15万元、差旅10.38万元。",
       {"[工作经费]=453600元", "[会务]=200000元 <0", "[印刷]=150000元 <0", "[差旅]=103800元 <0"},
       {"SUM_MISMATCH"}},
      {"工作经费45.38万元，分别用于会务20万元、印刷15万元、差旅10.38万元。",
       {"[工作经费]=453800元", "[会务]=200000元 <0", "[印刷]=150000元 <0", "[差旅]=103800元 <0"},
       {}},
      {"专项补助12万元，其中人员补助7.45万元，设备补助4.6万元。",
       {"[专项补助]=120000元", "[人员补助]=74500元 <0", "[设备补助]=46000元 <0"},
       {"SUM_MISMATCH"}},
      {"专项补助12.05万元，其中人员补助7.45万元，设备补助4.6万元。",
       {"[专项补助]=120500元", "[人员补助]=74500元 <0", "[设备补助]=46000元 <0"},
       {}},
      {"项目资金约30万元，其中设备费14万元，材料费17万元。",
       {"[项目资金]=300000元", "[设备费]=140000元 <0", "[材料费]=170000元 <0"},
       {}},
      {"项目资金30万元，其中设备费约14万元，材料费17万元。",
       {"[项目资金]=300000元", "[设备费]=140000元 <0", "[材料费]=170000元 <0"},
       {}},
  };
  for (const Case& c : cases) RunCase(c);
}

TEST(NarrativeRelationsTest, ChangesDifferencesAndRates) {
  const Case cases[] = {
      {"本年收入合计650万元，比上年增加50万元，增长8.3%。",
       {"income_total=6500000元", "change=500000元 ~income_total+", "growth_rate=8.3% ~income_total+"},
       {}},
      {"本年收入合计650万元，比上年增加50万元，增长10%。",
       {"income_total=6500000元", "change=500000元 ~income_total+", "growth_rate=10% ~income_total+"},
       {"RATE_MISMATCH"}},
      {"本年支出合计120万元，比上年减少30万元（上年为150万元），下降20%。",
       {"total/executed=1200000元", "change/executed=300000元 ~total-", "prior_level/executed=1500000元 ~total", "growth_rate/executed=20% ~total-"},
       {}},
      {"本年支出合计120万元，比上年减少20万元（上年为150万元），下降20%。",
       {"total/executed=1200000元", "change/executed=200000元 ~total-", "prior_level/executed=1500000元 ~total", "growth_rate/executed=20% ~total-"},
       {"SUM_MISMATCH", "RATE_MISMATCH"}},
      {"与上年相比，项目支出增加12万元，增长15%。",
       {"change=120000元 ~project+", "growth_rate=15% ~project+"},
       {}},
      {"本年支出合计80万元，与上年相比，减少20万元，下降20%。",
       {"total/executed=800000元", "change/executed=200000元 ~total-", "growth_rate/executed=20% ~total-"},
       {}},
      {"本年度预算资金35万元，比2023年增加5万元（2023年为30万元）。",
       {"total/budget=350000元", "change/budget=50000元 ~total+", "prior_level/budget=300000元 ~total"},
       {}},
      {"本年度预算资金35万元，比2023年增加5万元（2023年为28万元）。",
       {"total/budget=350000元", "change/budget=50000元 ~total+", "prior_level/budget=280000元 ~total"},
       {"SUM_MISMATCH"}},
      {"年初预算50万元，全年执行数48万元，完成年初预算的96%。",
       {"total/initial=500000元", "total/executed=480000元", "completion_rate=96% ~total"},
       {}},
      {"年初预算50万元，全年执行数48万元，完成年初预算的98%。",
       {"total/initial=500000元", "total/executed=480000元", "completion_rate=98% ~total"},
       {"RATE_MISMATCH"}},
      {"年初预算50万元，决算数53万元，决算数大于预算数3万元。",
       {"total/initial=500000元", "total/executed=530000元", "difference/executed=30000元 ~total+"},
       {}},
      {"年初预算50万元，决算数53万元，决算数大于预算数5万元。",
       {"total/initial=500000元", "total/executed=530000元", "difference/executed=50000元 ~total+"},
       {"SUM_MISMATCH"}},
      {"年初预算50万元，决算数47万元，决算数小于预算数3万元。",
       {"total/initial=500000元", "total/executed=470000元", "difference/executed=30000元 ~total-"},
       {}},
      {"本年度完成年初预算的100%，决算数大于预算数4万元。",
       {"completion_rate=100% ~total", "difference/executed=40000元 ~total+"},
       {"RATE_MISMATCH"}},
      {"本年度完成年初预算的100%，决算数与预算数一致。",
       {"completion_rate=100% ~total"},
       {}},
      {"年初预算50万元。全年预算调整为60万元，较年初预算增加10万元。",
       {"total/initial=500000元", "total/full=600000元", "difference/full=100000元 ~total+"},
       {}},
      {"年初预算50万元。全年预算调整为60万元，较年初预算增加8万元。",
       {"total/initial=500000元", "total/full=600000元", "difference/full=80000元 ~total+"},
       {"SUM_MISMATCH"}},
      {"本部门预算资金30万元，比上年增加6万元（2023年为24万元），增长25%。\n全年实际支出30万元。",
       {"total/budget=300000元", "change/budget=60000元 ~total+", "prior_level/budget=240000元 ~total", "growth_rate/budget=25% ~total+", "total/executed=300000元"},
       {}},
      {"本部门预算资金30万元，比上年增加6万元，增长25%。",
       {"total/budget=300000元", "change/budget=60000元 ~total+", "growth_rate/budget=25% ~total+"},
       {}},
      {"本部门预算资金30万元，比上年增加6万元，增长30%。",
       {"total/budget=300000元", "change/budget=60000元 ~total+", "growth_rate/budget=30% ~total+"},
       {"RATE_MISMATCH"}},
  };
  for (const Case& c : cases) RunCase(c);
}

TEST(NarrativeVocabularyTest, IncomeIsNotSpending) {
  const Case cases[] = {
      {"本年收入合计30万元，其中财政拨款收入28万元，其他收入2万元；本年支出合计30万元，其中基本支出22万元，项目支出8万元。",
       {"income_total=300000元", "income_fiscal=280000元 <0", "income_other=20000元 <0", "total/executed=300000元", "basic/executed=220000元 <3", "project/executed=80000元 <3"},
       {}},
      {"本年收入合计30万元，其中财政拨款收入28万元，其他收入3万元；本年支出合计30万元，其中基本支出22万元，项目支出8万元。",
       {"income_total=300000元", "income_fiscal=280000元 <0", "income_other=30000元 <0", "total/executed=300000元", "basic/executed=220000元 <3", "project/executed=80000元 <3"},
       {"SUM_MISMATCH"}},
      {"支出合计45万元，其中一般公共服务支出30万元，社会保障和就业支出10万元，卫生健康支出5万元。",
       {"total/executed=450000元", "func_general_public/executed=300000元 <0", "func_social_security/executed=100000元 <0", "func_health/executed=50000元 <0"},
       {}},
      {"支出合计45万元，其中一般公共服务支出30万元，社会保障和就业支出10万元，卫生健康支出6万元。",
       {"total/executed=450000元", "func_general_public/executed=300000元 <0", "func_social_security/executed=100000元 <0", "func_health/executed=60000元 <0"},
       {"SUM_MISMATCH"}},
      {"全年实际支出24万元。\n宣传支出3万元，培训支出2万元。",
       {"total/executed=240000元"},
       {}},
      {"收入合计26万元，支出合计24万元。",
       {"income_total=260000元", "total/executed=240000元"},
       {}},
      {"支出合计24万元。\n全年实际支出25万元。",
       {"total/executed=240000元", "total/executed=250000元"},
       {"FIGURE_CONFLICT"}},
      {"本年收入合计18万元，其中事业收入6万元，经营收入2万元，财政拨款收入10万元。",
       {"income_total=180000元", "income_business=60000元 <0", "income_operating=20000元 <0", "income_fiscal=100000元 <0"},
       {}},
      {"本年收入合计18万元，其中事业收入6万元，经营收入3万元，财政拨款收入10万元。",
       {"income_total=180000元", "income_business=60000元 <0", "income_operating=30000元 <0", "income_fiscal=100000元 <0"},
       {"SUM_MISMATCH"}},
  };
  for (const Case& c : cases) RunCase(c);
}

TEST(NarrativeScriptTest, TraditionalAndAsciiReadAsTheRest) {
  const Case cases[] = {
      {"本單位年度預算資金36萬元，其中：20萬元用於宣傳培訓，10萬元用於設備維護，6萬元用於辦公耗材。",
       {"total/budget=360000元", "[宣传培训]/budget=200000元 <0", "[设备维护]/budget=100000元 <0", "[办公耗材]/budget=60000元 <0"},
       {}},
      {"本單位年度預算資金36萬元，其中：20萬元用於宣傳培訓，10萬元用於設備維護，5萬元用於辦公耗材。",
       {"total/budget=360000元", "[宣传培训]/budget=200000元 <0", "[设备维护]/budget=100000元 <0", "[办公耗材]/budget=50000元 <0"},
       {"SUM_MISMATCH"}},
      {"本年收入合計650萬元，比上年增加50萬元，增長8.3%。",
       {"income_total=6500000元", "change=500000元 ~income_total+", "growth_rate=8.3% ~income_total+"},
       {}},
      {"本年收入合計650萬元，比上年增加50萬元，增長10%。",
       {"income_total=6500000元", "change=500000元 ~income_total+", "growth_rate=10% ~income_total+"},
       {"RATE_MISMATCH"}},
      {"全年預算24萬元，全年實際支出24萬元，預算執行率100%。",
       {"total/full=240000元", "total/executed=240000元", "rate_execution=100%"},
       {}},
      {"全年預算24萬元，全年實際支出21萬元，預算執行率100%。",
       {"total/full=240000元", "total/executed=210000元", "rate_execution=100%"},
       {"RATE_MISMATCH"}},
      {"專項經費15萬元,其中:調研經費8萬元,會議經費7萬元.",
       {"[专项经费]=150000元", "[调研经费]=80000元 <0", "[会议经费]=70000元 <0"},
       {}},
      {"专项经费15万元,其中:调研经费8万元,会议经费7万元.",
       {"[专项经费]=150000元", "[调研经费]=80000元 <0", "[会议经费]=70000元 <0"},
       {}},
      {"专项经费15万元,其中:调研经费8万元,会议经费8万元.",
       {"[专项经费]=150000元", "[调研经费]=80000元 <0", "[会议经费]=80000元 <0"},
       {"SUM_MISMATCH"}},
      {"项目经费12万元(其中差旅费4万元,会议费8万元)。",
       {"project=120000元", "[差旅费]=40000元 <0", "[会议费]=80000元 <0"},
       {}},
      {"项目经费12万元(其中差旅费4万元,会议费9万元)。",
       {"project=120000元", "[差旅费]=40000元 <0", "[会议费]=90000元 <0"},
       {"SUM_MISMATCH"}},
      {"本年支出合计80万元;其中:基本支出50万元;项目支出30万元.",
       {"total/executed=800000元", "basic=500000元 <0", "project=300000元 <0"},
       {}},
      {"本年支出合计80万元;其中:基本支出50万元;项目支出35万元.",
       {"total/executed=800000元", "basic=500000元 <0", "project=350000元 <0"},
       {"SUM_MISMATCH"}},
      {"全年预算24万元,全年实际支出24万元,预算执行率100%.",
       {"total/full=240000元", "total/executed=240000元", "rate_execution=100%"},
       {}},
      {"全年预算24万元,全年实际支出21万元,预算执行率100%.",
       {"total/full=240000元", "total/executed=210000元", "rate_execution=100%"},
       {"RATE_MISMATCH"}},
  };
  for (const Case& c : cases) RunCase(c);
}

// Table prose cells: a target row and an actual row under their headers,
// whatever the punctuation, and a claim in the narrative.
// The codes CheckFigures gives on the facts read from the table prose cells
// of `doc` (a 2024 report); each finding's message and arithmetic in `messages`.
std::vector<std::string> ProseCellCodes(const Document& doc, std::string* messages) {
  FactSet set;
  set.year = 2024;
  ExtractProseCellFacts(doc, TestVocabulary(), &set);
  std::vector<Finding> findings;
  CheckFigures(doc, set, TestNationalRules(), &findings);
  std::vector<std::string> codes;
  for (const Finding& f : findings) {
    codes.push_back(f.code);
    *messages += f.message + " | " + f.arithmetic + "\n";
  }
  return codes;
}

struct ProseCase {
  std::string narrative, target, actual;
  std::vector<std::string> codes;
};

void RunProseCase(const ProseCase& c) {
  Document doc;
  Block p;
  p.text = c.narrative;
  doc.blocks.push_back(p);
  Block t;
  t.kind = BlockKind::kTable;
  t.table.rows = 2;
  t.table.cols = 2;
  auto cell = [](int row, int col, const std::string& text) {
    Cell x;
    x.row = row;
    x.col = col;
    x.paragraphs = {text};
    return x;
  };
  t.table.cells = {cell(0, 0, "年度总体目标"), cell(0, 1, "实际完成情况"), cell(1, 0, c.target), cell(1, 1, c.actual)};
  doc.blocks.push_back(t);
  std::string messages;
  const std::vector<std::string> codes = ProseCellCodes(doc, &messages);
  EXPECT_EQ(codes, c.codes) << c.target << " / " << c.actual << "\n" << messages;
}

TEST(NarrativeProseCellsTest, TargetsActualsAndListsInTableProse) {
  const ProseCase cases[] = {
      {"全面完成年度目标。", "目标1:培训不少于180人次;目标2:走访企业不少于60家.", "实际培训164人次,走访企业65家.",
       {"TARGET_NOT_MET"}},
      {"全面完成年度目标。", "目标1:培训不少于180人次;目标2:走访企业不少于60家.", "实际培训185人次,走访企业65家.", {}},
      {"全面完成年度目标。", "目标1：培训不少于180人次；目标2：走访企业不少于60家。", "实际培训185人次，走访企业52家。",
       {"TARGET_NOT_MET"}},
      // No claim that every target was met: a miss is the deviation table's business.
      {"基本完成年度目标。", "培训不少于180人次", "实际培训164人次", {}},
      {"全年目标均已完成。", "举办讲座不少于12场", "共举办讲座9场", {"TARGET_NOT_MET"}},
      {"全年目标均已完成。", "举办讲座不少于12场", "共举办讲座12场", {}},
      // Counts of other things are not paired.
      {"全面完成年度目标。", "举办讲座不少于12场", "发放资料300份", {}},
      {"", "项目资金20万元,其中培训经费12万元,宣传经费8万元。", "按计划完成。", {}},
      {"", "项目资金20万元,其中培训经费12万元,宣传经费9万元。", "按计划完成。", {"SUM_MISMATCH"}},
      {"", "项目資金20萬元,其中培訓經費12萬元,宣傳經費9萬元。", "按計劃完成。", {"SUM_MISMATCH"}},
  };
  for (const ProseCase& c : cases) RunProseCase(c);
}

// A form whose rows state a target and its actual in prose beside a weight
// and a score column (found by their header, whatever they are called):
// full marks on a missed target is TARGET_NOT_MET without any 全面完成.
struct FormCase {
  std::vector<std::vector<std::string>> rows;  // row 0 is the header
  std::vector<std::string> codes;
};

void RunFormCase(const FormCase& c) {
  Document doc;
  Block p;
  p.text = "本单位基本完成年度目标。";
  doc.blocks.push_back(p);
  Block t;
  t.kind = BlockKind::kTable;
  t.table.rows = static_cast<int>(c.rows.size());
  t.table.cols = static_cast<int>(c.rows[0].size());
  for (size_t r = 0; r < c.rows.size(); ++r)
    for (size_t k = 0; k < c.rows[r].size(); ++k) {
      Cell x;
      x.row = static_cast<int>(r);
      x.col = static_cast<int>(k);
      x.paragraphs = {c.rows[r][k]};
      t.table.cells.push_back(x);
    }
  doc.blocks.push_back(t);
  std::string messages;
  const std::vector<std::string> codes = ProseCellCodes(doc, &messages);
  std::string table;
  for (const auto& row : c.rows) {
    for (const std::string& x : row) table += x + " | ";
    table += "\n";
  }
  EXPECT_EQ(codes, c.codes) << table << messages;
}

TEST(NarrativeProseCellsTest, MissedProseTargetWithFullMarks) {
  const FormCase cases[] = {
      // One target per row, its actual beside it, 分值 / 得分 columns.
      {{{"绩效目标", "年度目标", "实际完成情况", "分值", "得分"},
        {"目标1", "培训科技工作者不少于180人次", "实际培训科技工作者164人次", "10", "10"}},
       {"TARGET_NOT_MET"}},
      {{{"绩效目标", "年度目标", "实际完成情况", "分值", "得分"},
        {"目标1", "培训科技工作者不少于180人次", "实际培训科技工作者164人次", "10", "8"}},
       {}},
      {{{"绩效目标", "年度目标", "实际完成情况", "分值", "得分"},
        {"目标1", "培训科技工作者不少于180人次", "实际培训科技工作者185人次", "10", "10"}},
       {}},
      // The actual on the target's row, sharing no name with it.
      {{{"绩效目标", "年度目标", "实际完成情况", "分值", "得分"},
        {"目标1", "培训科技工作者不少于180人次", "全年共完成164人次", "10", "10"},
        {"目标2", "走访企业不少于60家", "全年走访企业52家", "10", "7"}},
       {"TARGET_NOT_MET"}},
      {{{"绩效目标", "年度目标", "实际完成情况", "分值", "得分"},
        {"目标1", "培训科技工作者不少于180人次", "全年共完成184人次", "10", "10"},
        {"目标2", "走访企业不少于60家", "全年走访企业52家", "10", "10"}},
       {"TARGET_NOT_MET"}},
      // Columns in another order, named otherwise, with decorations and 分.
      {{{"自评得分", "权重（%）", "预期目标", "实际完成情况"},
        {"20分", "20", "举办科普讲座不少于20场", "全年举办科普讲座16场"}},
       {"TARGET_NOT_MET"}},
      {{{"自评得分", "权重（%）", "预期目标", "实际完成情况"},
        {"18分", "20", "举办科普讲座不少于20场", "全年举办科普讲座16场"}},
       {}},
      // The whole goal in one prose cell, ASCII punctuation, one score for it.
      {{{"年度总体目标", "实际完成情况", "分值", "得分"},
        {"目标1:培训不少于180人次;目标2:走访企业不少于60家.", "实际培训164人次,走访企业65家.", "20", "20"}},
       {"TARGET_NOT_MET"}},
      {{{"年度总体目标", "实际完成情况", "分值", "得分"},
        {"目标1:培训不少于180人次;目标2:走访企业不少于60家.", "实际培训184人次,走访企业65家.", "20", "20"}},
       {}},
      {{{"年度总体目标", "实际完成情况", "分值", "得分"},
        {"目标1:培训不少于180人次;目标2:走访企业不少于60家.", "实际培训164人次,走访企业65家.", "20", "17"}},
       {}},
      // Traditional characters.
      {{{"績效目標", "年度目標", "實際完成情況", "權重", "自評得分"},
        {"目標1", "培訓科技工作者不少於180人次", "實際培訓科技工作者164人次", "10", "10"}},
       {"TARGET_NOT_MET"}},
      // No score stated, or a zero weight: nothing is claimed.
      {{{"绩效目标", "年度目标", "实际完成情况", "分值", "得分"},
        {"目标1", "培训科技工作者不少于180人次", "实际培训科技工作者164人次", "10", "——"}},
       {}},
      {{{"绩效目标", "年度目标", "实际完成情况", "分值", "得分"},
        {"目标1", "培训科技工作者不少于180人次", "实际培训科技工作者164人次", "0", "0"}},
       {}},
      // Full marks on a row whose actual counts something else.
      {{{"绩效目标", "年度目标", "实际完成情况", "分值", "得分"},
        {"目标1", "培训科技工作者不少于180人次", "发放宣传资料300份", "10", "10"}},
       {}},
  };
  for (const FormCase& c : cases) RunFormCase(c);
}

}  // namespace
}  // namespace jixiao
