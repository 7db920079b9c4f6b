// Table-driven tests for FindQuantities() (quantity.h): every recognised form,
// the qualifiers and their intervals, spans into the original text, what is
// skipped, and rewrites of one figure that must give one value. Many inputs
// are real strings of the seed report corpus/seed/junshan-gsl-2024-self-evaluation.txt.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/numbers/quantity.h"

namespace jixiao::numbers {
namespace {

struct Case {
  const char* text;
  int which;              // index among the quantities found
  const char* kind;       // KindName
  const char* value;      // Decimal::ToStringAsWritten of value ("80..90" for a range)
  const char* unit;
  const char* canonical;  // Decimal::ToString of canonical
  const char* cmp;        // ComparatorName
  const char* raw;        // original text of the span
  const char* interval;   // Interval::ToString
  int occurrence = 0;     // which occurrence of raw in text the span must point at
};

size_t NthFind(const std::string& hay, const std::string& needle, int n) {
  size_t at = hay.find(needle);
  while (n-- > 0 && at != std::string::npos) at = hay.find(needle, at + 1);
  return at;
}

std::string ValueString(const Quantity& q) {
  std::string s = q.value.ToStringAsWritten();
  if (q.value_hi) s += ".." + q.value_hi->ToStringAsWritten();
  return s;
}

// clang-format off
const Case kCases[] = {
  // --- amounts -------------------------------------------------------------
  {"预算资金24万元（基本支出24万元，项目支出0万元）", 0, "amount", "24", "万元", "240000", "none", "24万元", "[235000, 245000)"},
  {"预算资金24万元（基本支出24万元，项目支出0万元）", 1, "amount", "24", "万元", "240000", "none", "24万元", "[235000, 245000)", 1},
  {"预算资金24万元（基本支出24万元，项目支出0万元）", 2, "amount", "0", "万元", "0", "none", "0万元", "[-5000, 5000)"},
  {"全年实际支出240000元", 0, "amount", "240000", "元", "240000", "none", "240000元", "[239999.5, 240000.5)"},
  {"２４万元", 0, "amount", "24", "万元", "240000", "none", "２４万元", "[235000, 245000)"},
  {"二十四万元", 0, "amount", "24", "万元", "240000", "none", "二十四万元", "[235000, 245000)"},
  {"获得信贷7189.8万元。", 0, "amount", "7189.8", "万元", "71898000", "none", "7189.8万元", "[71897500, 71898500)"},
  {"为防汛一线捐资捐物208万余元。", 0, "amount", "208", "万元", "2080000", "none", "208万余元", "(2080000, 2090000)"},
  {"签约资金达3.4亿元", 0, "amount", "3.4", "亿元", "340000000", "ge", "达3.4亿元", "[340000000, +inf)"},
  {"总投资3.4亿元", 0, "amount", "3.4", "亿元", "340000000", "none", "3.4亿元", "[335000000, 345000000)"},
  {"支出861.46万元", 0, "amount", "861.46", "万元", "8614600", "none", "861.46万元", "[8614550, 8614650)"},
  {"一千二百万元", 0, "amount", "1200", "万元", "12000000", "none", "一千二百万元", "[11995000, 12005000)"},
  {"1千2百万元", 0, "amount", "1200", "万元", "12000000", "none", "1千2百万元", "[11995000, 12005000)"},
  {"5千元", 0, "amount", "5", "千元", "5000", "none", "5千元", "[4500, 5500)"},
  {"贰拾肆万元整", 0, "amount", "24", "万元", "240000", "none", "贰拾肆万元", "[235000, 245000)"},
  {"合计¥1,234.56", 0, "amount", "1234.56", "元", "1234.56", "none", "¥1,234.56", "[1234.555, 1234.565)"},
  {"3.40亿元", 0, "amount", "3.40", "亿元", "340000000", "none", "3.40亿元", "[339500000, 340500000)"},
  {"项目支出0万元", 0, "amount", "0", "万元", "0", "none", "0万元", "[-5000, 5000)"},
  {"共计1,200元", 0, "amount", "1200", "元", "1200", "none", "1,200元", "[1199.5, 1200.5)"},
  {"约80万元", 0, "amount", "80", "万元", "800000", "none", "约80万元", "[720000, 880000]"},
  {"近3亿元", 0, "amount", "3", "亿元", "300000000", "none", "近3亿元", "[200000000, 300000000]"},
  {"不超过5万元", 0, "amount", "5", "万元", "50000", "le", "不超过5万元", "(-inf, 50000]"},
  {"补助3-5万元", 0, "amount", "3..5", "万元", "30000", "range", "3-5万元", "[30000, 50000]"},
  {"超过1亿元", 0, "amount", "1", "亿元", "100000000", "gt", "超过1亿元", "(100000000, +inf)"},
  {"2万亿元", 0, "amount", "2", "万亿元", "2000000000000", "none", "2万亿元", "[1500000000000, 2500000000000)"},
  {"资金24 万元", 0, "amount", "24", "万元", "240000", "none", "24 万元", "[235000, 245000)"},
  {"资金２４　万元", 0, "amount", "24", "万元", "240000", "none", "２４　万元", "[235000, 245000)"},
  {"三亿五千万元", 0, "amount", "35000", "万元", "350000000", "none", "三亿五千万元", "[349995000, 350005000)"},
  {"0.5万元", 0, "amount", "0.5", "万元", "5000", "none", "0.5万元", "[4500, 5500)"},
  {"24.00万元", 0, "amount", "24.00", "万元", "240000", "none", "24.00万元", "[239950, 240050)"},
  {"捐款20余万元", 0, "amount", "20", "万元", "200000", "none", "20余万元", "(200000, 300000)"},
  {"筹集三十多万元", 0, "amount", "30", "万元", "300000", "none", "三十多万元", "(300000, 400000)"},
  {"约3.4亿元", 0, "amount", "3.4", "亿元", "340000000", "none", "约3.4亿元", "[306000000, 374000000]"},
  // --- percents --------------------------------------------------------------
  {"预算执行率100%。", 0, "percent", "100", "%", "100", "none", "100%", "[99.5, 100.5)"},
  {"\t≦100%", 0, "percent", "100", "%", "100", "le", "≦100%", "(-inf, 100]"},
  {"\t\xe3\x80\x80≦100%", 0, "percent", "100", "%", "100", "le", "≦100%", "(-inf, 100]"},
  {"满意度不低于95%", 0, "percent", "95", "%", "95", "ge", "不低于95%", "[95, +inf)"},
  {"\t\xe3\x80\x80≥70%", 0, "percent", "70", "%", "70", "ge", "≥70%", "[70, +inf)"},
  {"１００％", 0, "percent", "100", "%", "100", "none", "１００％", "[99.5, 100.5)"},
  {"百分之九十五", 0, "percent", "95", "%", "95", "none", "百分之九十五", "[94.5, 95.5)"},
  {"百分之百", 0, "percent", "100", "%", "100", "none", "百分之百", "[99.5, 100.5)"},
  {"完成率80-90%", 0, "percent", "80..90", "%", "80", "range", "80-90%", "[80, 90]"},
  {"完成率80～90%", 0, "percent", "80..90", "%", "80", "range", "80～90%", "[80, 90]"},
  {"完成率80%-90%", 0, "percent", "80..90", "%", "80", "range", "80%-90%", "[80, 90]"},
  {"差错率5‰", 0, "percent", "5", "‰", "0.5", "none", "5‰", "[0.45, 0.55)"},
  {"95%以上", 0, "percent", "95", "%", "95", "ge", "95%以上", "[95, +inf)"},
  {"满意度达到95%", 0, "percent", "95", "%", "95", "ge", "达到95%", "[95, +inf)"},
  {"执行率为98.5%", 0, "percent", "98.5", "%", "98.5", "none", "98.5%", "[98.45, 98.55)"},
  {"低于60%", 0, "percent", "60", "%", "60", "lt", "低于60%", "(-inf, 60)"},
  {"≥ 90 %", 0, "percent", "90", "%", "90", "ge", "≥ 90 %", "[90, +inf)"},
  {"90%左右", 0, "percent", "90", "%", "90", "none", "90%左右", "[81, 99]"},
  {"未达到95%", 0, "percent", "95", "%", "95", "lt", "未达到95%", "(-inf, 95)"},
  {"＞80%", 0, "percent", "80", "%", "80", "gt", "＞80%", "(80, +inf)"},
  {"＜5%", 0, "percent", "5", "%", "5", "lt", "＜5%", "(-inf, 5)"},
  {"＝100%", 0, "percent", "100", "%", "100", "none", "＝100%", "[99.5, 100.5)"},
  {"水电节约10%", 0, "percent", "10", "%", "10", "none", "10%", "[9.5, 10.5)"},
  {"增长率为-2.5%", 0, "percent", "-2.5", "%", "-2.5", "none", "-2.5%", "[-2.55, -2.45)"},
  {"误差5%以内", 0, "percent", "5", "%", "5", "le", "5%以内", "(-inf, 5]"},
  {"高于90%", 0, "percent", "90", "%", "90", "gt", "高于90%", "(90, +inf)"},
  {"将近50%", 0, "percent", "50", "%", "50", "none", "将近50%", "[40, 50]"},
  // --- percentage points -----------------------------------------------------
  {"提高2个百分点", 0, "percentage_points", "2", "百分点", "2", "none", "2个百分点", "[1.5, 2.5)"},
  {"下降1.5百分点", 0, "percentage_points", "1.5", "百分点", "1.5", "none", "1.5百分点", "[1.45, 1.55)"},
  {"增长三个百分点", 0, "percentage_points", "3", "百分点", "3", "none", "三个百分点", "[2.5, 3.5)"},
  {"提高0.5个百分点", 0, "percentage_points", "0.5", "百分点", "0.5", "none", "0.5个百分点", "[0.45, 0.55)"},
  // --- counts ----------------------------------------------------------------
  {"举办企业家沙龙活动4期", 0, "count", "4", "期", "4", "none", "4期", "[3.5, 4.5)"},
  {"举办沙龙四期", 0, "count", "4", "期", "4", "none", "四期", "[3.5, 4.5)"},
  {"\t\xe3\x80\x80≥4期", 0, "count", "4", "期", "4", "ge", "≥4期", "[4, +inf)"},
  {"全年共走访企业80余次", 0, "count", "80", "次", "80", "none", "80余次", "(80, 90)"},
  {"为企业解决困难问题50多个", 0, "count", "50", "个", "50", "none", "50多个", "(50, 60)"},
  {"印发手册400余本", 0, "count", "400", "本", "400", "none", "400余本", "(400, 500)"},
  {"组织20余家民营企业", 0, "count", "20", "家", "20", "none", "20余家", "(20, 30)"},
  {"考察乡友企业二十余家", 0, "count", "20", "家", "20", "none", "二十余家", "(20, 30)"},
  {"\t≥50各", 0, "count", "50", "个", "50", "ge", "≥50各", "[50, +inf)"},
  {"\t≥60次", 0, "count", "60", "次", "60", "ge", "≥60次", "[60, +inf)"},
  {"≥60 次", 0, "count", "60", "次", "60", "ge", "≥60 次", "[60, +inf)"},
  {"≧60次", 0, "count", "60", "次", "60", "ge", "≧60次", "[60, +inf)"},
  {"收集困难与问题62个", 0, "count", "62", "个", "62", "none", "62个", "[61.5, 62.5)"},
  {"推选4名民营企业家", 0, "count", "4", "名", "4", "none", "4名", "[3.5, 4.5)"},
  {"新增会员企业45家", 0, "count", "45", "家", "45", "none", "45家", "[44.5, 45.5)"},
  {"建言献策16条", 0, "count", "16", "条", "16", "none", "16条", "[15.5, 16.5)"},
  {"不少于3场", 0, "count", "3", "场", "3", "ge", "不少于3场", "[3, +inf)"},
  {"培训200人次", 0, "count", "200", "人次", "200", "none", "200人次", "[199.5, 200.5)"},
  {"惠及2万人", 0, "count", "2", "万人", "20000", "none", "2万人", "[15000, 25000)"},
  {"覆盖1.5万户", 0, "count", "1.5", "万户", "15000", "none", "1.5万户", "[14500, 15500)"},
  {"发放宣传册3000册", 0, "count", "3000", "册", "3000", "none", "3000册", "[2999.5, 3000.5)"},
  {"完成5项", 0, "count", "5", "项", "5", "none", "5项", "[4.5, 5.5)"},
  {"全年共20余场", 0, "count", "20", "场", "20", "none", "20余场", "(20, 30)"},
  {"十几个", 0, "count", "10", "个", "10", "none", "十几个", "(10, 20)"},
  {"一千二百余人", 0, "count", "1200", "人", "1200", "none", "一千二百余人", "(1200, 1300)"},
  {"培训3批", 0, "count", "3", "批", "3", "none", "3批", "[2.5, 3.5)"},
  {"流转土地100亩", 0, "count", "100", "亩", "100", "none", "100亩", "[99.5, 100.5)"},
  {"购置5台", 0, "count", "5", "台", "5", "none", "5台", "[4.5, 5.5)"},
  {"3所学校", 0, "count", "3", "所", "3", "none", "3所", "[2.5, 3.5)"},
  {"帮扶12户", 0, "count", "12", "户", "12", "none", "12户", "[11.5, 12.5)"},
  {"邀请6位专家", 0, "count", "6", "位", "6", "none", "6位", "[5.5, 6.5)"},
  {"发表10篇", 0, "count", "10", "篇", "10", "none", "10篇", "[9.5, 10.5)"},
  {"回收500份问卷", 0, "count", "500", "份", "500", "none", "500份", "[499.5, 500.5)"},
  {"设内设机构2个", 0, "count", "2", "个", "2", "none", "2个", "[1.5, 2.5)"},
  {"成立两个小组", 0, "count", "2", "个", "2", "none", "两个", "[1.5, 2.5)"},
  {"走访三家企业", 0, "count", "3", "家", "3", "none", "三家", "[2.5, 3.5)"},
  {"约80次", 0, "count", "80", "次", "80", "none", "约80次", "[72, 88]"},
  {"80次左右", 0, "count", "80", "次", "80", "none", "80次左右", "[72, 88]"},
  {"近80次", 0, "count", "80", "次", "80", "none", "近80次", "[70, 80]"},
  {"超过80次", 0, "count", "80", "次", "80", "gt", "超过80次", "(80, +inf)"},
  {"80次以上", 0, "count", "80", "次", "80", "ge", "80次以上", "[80, +inf)"},
  {"不超过3次", 0, "count", "3", "次", "3", "le", "不超过3次", "(-inf, 3]"},
  {"≥60此", 0, "count", "60", "次", "60", "ge", "≥60此", "[60, +inf)"},
  {"发表论文3偏", 0, "count", "3", "篇", "3", "none", "3偏", "[2.5, 3.5)"},
  {"培训3-5次", 0, "count", "3..5", "次", "3", "range", "3-5次", "[3, 5]"},
  {"举办3至5场", 0, "count", "3..5", "场", "3", "range", "3至5场", "[3, 5]"},
  {"逾100家", 0, "count", "100", "家", "100", "gt", "逾100家", "(100, +inf)"},
  {"至少3次", 0, "count", "3", "次", "3", "ge", "至少3次", "[3, +inf)"},
  {"最多5人", 0, "count", "5", "人", "5", "le", "最多5人", "(-inf, 5]"},
  {"不足10家", 0, "count", "10", "家", "10", "lt", "不足10家", "(-inf, 10)"},
  {"大约100人", 0, "count", "100", "人", "100", "none", "大约100人", "[90, 110]"},
  {"下达3个", 0, "count", "3", "个", "3", "none", "3个", "[2.5, 3.5)"},
  {"新增行业协会1家", 0, "count", "1", "家", "1", "none", "1家", "[0.5, 1.5)"},
  {"不少于４期", 0, "count", "4", "期", "4", "ge", "不少于４期", "[4, +inf)"},
  {"惠及1.5万人次", 0, "count", "1.5", "万人次", "15000", "none", "1.5万人次", "[14500, 15500)"},
  {"惠及3千人", 0, "count", "3000", "人", "3000", "none", "3千人", "[2500, 3500)"},
  // --- measures --------------------------------------------------------------
  {"用时3个月", 0, "measure", "3", "个月", "3", "none", "3个月", "[2.5, 3.5)"},
  {"5个工作日内办结", 0, "measure", "5", "个工作日", "5", "le", "5个工作日内", "(-inf, 5]"},
  {"面积120平方米", 0, "measure", "120", "平方米", "120", "none", "120平方米", "[119.5, 120.5)"},
  {"面积100㎡", 0, "measure", "100", "m2", "100", "none", "100㎡", "[99.5, 100.5)"},
  {"修路2.5公里", 0, "measure", "2.5", "公里", "2.5", "none", "2.5公里", "[2.45, 2.55)"},
  {"增长3倍", 0, "measure", "3", "倍", "3", "none", "3倍", "[2.5, 3.5)"},
  {"最近3年", 0, "measure", "3", "年", "3", "none", "3年", "[2.5, 3.5)"},
  {"近3年来", 0, "measure", "3", "年", "3", "none", "3年", "[2.5, 3.5)"},
  {"30天内完成", 0, "measure", "30", "天", "30", "le", "30天内", "(-inf, 30]"},
  // --- scores ----------------------------------------------------------------
  {"自评得分 98分(详见附表2)", 0, "score", "98", "分", "98", "none", "98分", "[97.5, 98.5)"},
  {"产出指标\n\n(50分)", 0, "score", "50", "分", "50", "none", "50分", "[49.5, 50.5)"},
  {"效益指标\n\n（30分）", 0, "score", "30", "分", "30", "none", "30分", "[29.5, 30.5)"},
  {"得16—18分", 0, "score", "16..18", "分", "16", "range", "16—18分", "[16, 18]"},
  {"总分100分", 0, "score", "100", "分", "100", "none", "100分", "[99.5, 100.5)"},
  {"得九十八分", 0, "score", "98", "分", "98", "none", "九十八分", "[97.5, 98.5)"},
  {"否则缺1项扣1分", 1, "score", "1", "分", "1", "none", "1分", "[0.5, 1.5)"},
  {"得分8.5分", 0, "score", "8.5", "分", "8.5", "none", "8.5分", "[8.45, 8.55)"},
  {"90分及以上", 0, "score", "90", "分", "90", "ge", "90分及以上", "[90, +inf)"},
  {"60分以下", 0, "score", "60", "分", "60", "le", "60分以下", "(-inf, 60]"},
  // --- dates -----------------------------------------------------------------
  {"\t2024年12月31日前", 0, "date", "20241231", "date", "20241231", "before", "2024年12月31日前", "(-inf, 20241231]"},
  {"\t2024年12月20日前", 0, "date", "20241220", "date", "20241220", "before", "2024年12月20日前", "(-inf, 20241220]"},
  {"２０２４年１２月３１日", 0, "date", "20241231", "date", "20241231", "none", "２０２４年１２月３１日", "[20241231, 20241231]"},
  {"截至2024-12-31", 0, "date", "20241231", "date", "20241231", "none", "2024-12-31", "[20241231, 20241231]"},
  {"2024/6/30", 0, "date", "20240630", "date", "20240630", "none", "2024/6/30", "[20240630, 20240630]"},
  {"2024年6月", 0, "date", "20240601", "date", "20240601", "none", "2024年6月", "[20240601, 20240630]"},
  {"2024年底，本单位固定资产原值0万元", 0, "date", "20241231", "date", "20241231", "none", "2024年底", "[20241231, 20241231]"},
  {"2024年2月底", 0, "date", "20240229", "date", "20240229", "none", "2024年2月底", "[20240229, 20240229]"},
  {"12月31日前", 0, "date", "1231", "date", "1231", "before", "12月31日前", "(-inf, 1231]"},
  {"二〇二四年十二月三十一日", 0, "date", "20241231", "date", "20241231", "none", "二〇二四年十二月三十一日", "[20241231, 20241231]"},
  {"2024年6月30日之前", 0, "date", "20240630", "date", "20240630", "before", "2024年6月30日之前", "(-inf, 20240630]"},
  {"2025年1月1日起", 0, "date", "20250101", "date", "20250101", "after", "2025年1月1日起", "[20250101, +inf)"},
  {"2024年初", 0, "date", "20240101", "date", "20240101", "none", "2024年初", "[20240101, 20240101]"},
  {"2024年9月份", 0, "date", "20240901", "date", "20240901", "none", "2024年9月份", "[20240901, 20240930]"},
  // --- years -----------------------------------------------------------------
  {"2024年本部门预算资金", 0, "year", "2024", "年", "2024", "none", "2024年", "[2024, 2024]"},
  {"本单位2024年度全年预算", 0, "year", "2024", "年度", "2024", "none", "2024年度", "[2024, 2024]"},
  {"（2024年）400余本", 0, "year", "2024", "年", "2024", "none", "2024年", "[2024, 2024]"},
  {"2023-2025年", 0, "year", "2023..2025", "年", "2023", "range", "2023-2025年", "[2023, 2025]"},
  {"赞助2024岳阳马拉松", 0, "year", "2024", "", "2024", "none", "2024", "[2024, 2024]"},
  {"二〇二四年", 0, "year", "2024", "年", "2024", "none", "二〇二四年", "[2024, 2024]"},
  {"附件：1.2024年度部门整体支出绩效评价基础数据表", 0, "year", "2024", "年度", "2024", "none", "2024年度", "[2024, 2024]"},
  {"2024年以前", 0, "year", "2024", "年", "2024", "before", "2024年以前", "(-inf, 2024]"},
  // --- bare numbers (table cells) --------------------------------------------
  {"\t24\n", 0, "number", "24", "", "24", "none", "24", "[23.5, 24.5)"},
  {"\t0\xe3\x80\x80\n", 0, "number", "0", "", "0", "none", "0", "[-0.5, 0.5)"},
  {"其中：  一般公共预算：24", 0, "number", "24", "", "24", "none", "24", "[23.5, 24.5)"},
  {"签约3.4亿", 0, "number", "3.4", "亿", "340000000", "none", "3.4亿", "[335000000, 345000000)"},
  {"执行率\t100\t10", 1, "number", "10", "", "10", "none", "10", "[9.5, 10.5)", 1},
  {"-5", 0, "number", "-5", "", "-5", "none", "-5", "[-5.5, -4.5)"},
  // Negative amounts after any word, with the ASCII hyphen, U+2212 or the
  // full-width minus; scientific notation as Excel prints a narrow cell.
  {"结余-6万元", 0, "amount", "-6", "万元", "-60000", "none", "-6万元", "[-65000, -55000)"},
  {"差额\u22126万元", 0, "amount", "-6", "万元", "-60000", "none", "\u22126万元", "[-65000, -55000)"},
  {"结转结余\uff0d2.5万元", 0, "amount", "-2.5", "万元", "-25000", "none", "\uff0d2.5万元", "[-25500, -24500)"},
  {"差额为\u22126万元", 0, "amount", "-6", "万元", "-60000", "none", "\u22126万元", "[-65000, -55000)"},
  {"增长\u22122.5%", 0, "percent", "-2.5", "%", "-2.5", "none", "\u22122.5%", "[-2.55, -2.45)"},
  {"执行数2.4E+5元", 0, "amount", "240000", "元", "240000", "none", "2.4E+5元", "[239999.5, 240000.5)"},
  {"执行数1.25e4元", 0, "amount", "12500", "元", "12500", "none", "1.25e4元", "[12499.5, 12500.5)"},
  {"\t1,234.5\n", 0, "number", "1234.5", "", "1234.5", "none", "1,234.5", "[1234.45, 1234.55)"},
  {"\t24.50\n", 0, "number", "24.50", "", "24.5", "none", "24.50", "[24.495, 24.505)"},
};
// clang-format on

TEST(FindQuantitiesTest, Table) {
  int n = 0;
  for (const auto& c : kCases) {
    ++n;
    const std::string text = c.text;
    auto qs = FindQuantities(text);
    SCOPED_TRACE(testing::Message() << "case " << n << ": " << text);
    ASSERT_LT(static_cast<size_t>(c.which), qs.size());
    const Quantity& q = qs[c.which];
    SCOPED_TRACE(DebugString(q));
    EXPECT_STREQ(KindName(q.kind), c.kind);
    EXPECT_EQ(ValueString(q), c.value);
    EXPECT_EQ(q.unit, c.unit);
    EXPECT_EQ(q.canonical.ToString(), c.canonical);
    EXPECT_STREQ(ComparatorName(q.comparator), c.cmp);
    EXPECT_EQ(q.raw, c.raw);
    EXPECT_EQ(q.interval.ToString(), c.interval);
    size_t at = NthFind(text, c.raw, c.occurrence);
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(q.span.begin, at);
    EXPECT_EQ(q.span.end, at + std::string(c.raw).size());
    EXPECT_EQ(text.substr(q.span.begin, q.span.end - q.span.begin), q.raw);
  }
  EXPECT_GE(n, 150);
}

struct ListCase {
  const char* text;
  const char* raws;  // raw of every quantity found, joined by '|'
};

// clang-format off
const ListCase kLists[] = {
  // List labels, ordinals, titles, document numbers, codes: nothing.
  {"1、加强和改进非公有制经济人士思想政治工作；", ""},
  {"（二）机构设置与人员情况", ""},
  {"（2） 项目支出情况", ""},
  {"1.严格执行预算管理制度，切实降低运行成本。", ""},
  {"[bookmark: _GoBack]1.严格执行预算管理制度", ""},
  {"2.加强资产管理，确保资产保值增值。", ""},
  {"撰写《2023年君山区民营经济发展报告》", ""},
  {"2024岳阳马拉松暨全国半程马拉松锦标赛（第三站）", "2024"},
  {"(详见附表2)", ""},
  {"附件1\n2024年度部门整体支出绩效评价基础数据表", "2024年度"},
  {"附件：1.2024年度部门整体支出绩效评价基础数据表 \n2.2024年度部门整体支出绩效自评表", "2024年度|2024年度"},
  {"认真学习党的二十届三中全会精神", ""},
  {"一是强化理想信念教育。二是履行社会责任担当。", ""},
  {"“百企联百村”结对帮扶", ""},
  {"引导民营企业积极参与“万企兴万村”行动", ""},
  {"千方百计挖掘招商线索", ""},
  {"在“三公”经费开支上", ""},
  {"财预〔2020〕10号", ""},
  {"联系电话：0730-8888888", ""},
  {"手机13812345678", ""},
  {"建设5G基站", ""},
  {"通过ISO9001认证", ""},
  {"第3期培训班", ""},
  {"这十分重要", ""},
  {"一次性补助", ""},
  {"三四个", ""},
  {"“十四五”规划", ""},
  {"（一）聚焦政治引领，坚定发展信心。", ""},
  {"第一使命", ""},
  {"“两重两新送解优”“四进四送”", ""},
  {"共建“四好”商会", ""},
  {"紧密结合上一年度预算执行情况", ""},
  {"组织“聚首湘江城 共话君山情”君山区长沙乡友恳谈会", ""},
  {"抗击COVID-19疫情", ""},
  {"上午10:30召开", ""},
  {"走访数十家企业、几十个村", ""},
  {"A4纸", ""},
  {"①加强预算管理②完善制度", ""},
  {"2.1 基本情况\n2.1.3 人员情况\n3 总体评价", ""},
  {"\t2.1\n", "2.1"},
  {"惠及3千人", "3千人"},
  // Real sentences: exactly these figures.
  {"2024年本部门预算资金24万元（基本支出24万元，项目支出0万元），全年实际支出24万元，其中基本支出24万元，项目支出0万元，预算执行率100%。",
   "2024年|24万元|24万元|0万元|24万元|24万元|0万元|100%"},
  {"2024年，共举办企业家沙龙活动4期，收集困难与问题62个，协助解决用工、融资等问题48个。", "2024年|4期|62个|48个"},
  {"全年共走访企业80余次，印发《君山区民营企业支持政策手册》（2024年）400余本，为企业解决困难问题50多个。",
   "80余次|2024年|400余本|50多个"},
  {"2024年，区民营企业通过金融风险补偿基金获得信贷7189.8万元。", "2024年|7189.8万元"},
  {"根据《部门整体支出绩效自评表》自评得分 98分(详见附表2)，部门整体支出绩效为“优”", "98分"},
  {"\t全年共走访企业\n\t≥60次\n\t≥80次\n\t5\n\t5\n\t无偏差", "≥60次|≥80次|5|5"},
  {"\t收集企业困难与问题\n\t≥50各\n\t≥62个\n\t5\n\t5", "≥50各|≥62个|5|5"},
  {"\t年度各项任务完成期限\n\t2024年12月31日前\n\t2024年12月20日前\n\t10\n\t10", "2024年12月31日前|2024年12月20日前|10|10"},
  {"“三公经费”年初预算0万元，实际支出0万元，为年初预算的100%。", "0万元|0万元|100%"},
  {"推选广兴镇商会获评2024年度全市“优秀商协会组织”。全年已实现乡镇商会全覆盖，新增行业协会1家，新增会员企业45家。",
   "2024年度|1家|45家"},
  {"按时向市财政局报送报告的得10分；每推迟一个工作日报送报告的扣1分，最多扣10分。", "10分|一个工作日|1分|10分"},
  {"反映问题、分析原因较全面的，得16—18分；", "16—18分"},
};
// clang-format on

TEST(FindQuantitiesTest, WhatIsFoundAndWhatIsSkipped) {
  for (const auto& c : kLists) {
    auto qs = FindQuantities(c.text);
    std::string got;
    for (const auto& q : qs) got += (got.empty() ? "" : "|") + q.raw;
    EXPECT_EQ(got, c.raws) << c.text;
  }
}

// One figure written several ways gives one canonical value, and all the
// readings agree with each other.
TEST(FindQuantitiesTest, RewritesGiveEqualValues) {
  struct Group {
    const char* kind;
    const char* canonical;
    std::vector<const char*> forms;
  };
  const Group groups[] = {
      {"amount", "240000", {"24万元", "240000元", "２４万元", "二十四万元", "贰拾肆万元", "240,000元", "24.0万元", "２４００００元"}},
      {"amount", "340000000", {"3.4亿元", "34000万元", "340000000元", "三点四亿元", "３．４亿元"}},
      {"amount", "12000000", {"一千二百万元", "1200万元", "1千2百万元", "12000000元"}},
      {"count", "4", {"4期", "四期", "４期", "肆期"}},
      {"count", "20", {"20余家", "二十余家", "２０余家"}},
      {"count", "80", {"80余次", "八十余次", "８０余次"}},
      {"percent", "100", {"100%", "１００％", "百分之百", "100.0%"}},
      {"date", "20241231", {"2024年12月31日", "２０２４年１２月３１日", "2024-12-31", "二〇二四年十二月三十一日"}},
      {"year", "2024", {"2024年", "２０２４年", "二〇二四年"}},
  };
  for (const auto& g : groups) {
    std::vector<Quantity> qs;
    for (const char* f : g.forms) {
      auto found = FindQuantities(f);
      ASSERT_EQ(found.size(), 1u) << f;
      EXPECT_STREQ(KindName(found[0].kind), g.kind) << f;
      EXPECT_EQ(found[0].canonical.ToString(), g.canonical) << f;
      EXPECT_EQ(found[0].raw, f);
      qs.push_back(found[0]);
    }
    for (size_t i = 0; i < qs.size(); ++i) {
      for (size_t j = 0; j < qs.size(); ++j) {
        EXPECT_TRUE(Compatible(qs[i], qs[j])) << g.forms[i] << " vs " << g.forms[j];
      }
    }
  }
}

TEST(FindQuantitiesTest, SuspectMeasureWord) {
  auto qs = FindQuantities("\t≥50各\n\t≥62个");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_TRUE(qs[0].suspect_measure_word);
  EXPECT_EQ(qs[0].unit, "个");
  EXPECT_EQ(qs[0].unit_as_written, "各");
  EXPECT_EQ(qs[0].canonical_unit, "个");
  EXPECT_FALSE(qs[1].suspect_measure_word);
  EXPECT_EQ(qs[1].unit_as_written, "个");
  // The typo still compares as the word it stands for.
  EXPECT_TRUE(Compatible(qs[0], qs[1]));
  // 各 as "each" after a year is not a measure word.
  EXPECT_EQ(FindQuantities("2024年各项工作")[0].kind, QuantityKind::kYear);
}

TEST(FindQuantitiesTest, QualifiersAndFlags) {
  auto q = FindQuantities("签约资金达3.4亿元")[0];
  ASSERT_EQ(q.qualifiers.size(), 1u);
  EXPECT_EQ(q.qualifiers[0], "达");
  q = FindQuantities("捐资捐物208万余元")[0];
  EXPECT_EQ(q.approx, Approx::kMoreThan);
  ASSERT_EQ(q.qualifiers.size(), 1u);
  EXPECT_EQ(q.qualifiers[0], "余");
  q = FindQuantities("约80次左右")[0];
  EXPECT_EQ(q.approx, Approx::kAbout);
  EXPECT_EQ(q.qualifiers.size(), 2u);
  q = FindQuantities("二十余家")[0];
  EXPECT_TRUE(q.chinese_numeral);
  EXPECT_EQ(q.decimals, 0);
  q = FindQuantities("7189.8万元")[0];
  EXPECT_FALSE(q.chinese_numeral);
  EXPECT_EQ(q.decimals, 1);
  EXPECT_EQ(q.date.year, 0);
  q = FindQuantities("2024年12月20日前")[0];
  EXPECT_EQ(q.date.year, 2024);
  EXPECT_EQ(q.date.month, 12);
  EXPECT_EQ(q.date.day, 20);
  EXPECT_EQ(q.qualifiers.back(), "前");
  EXPECT_EQ(q.unit_as_written, "年12月20日");
  q = FindQuantities("12月31日")[0];
  EXPECT_EQ(q.canonical_unit, "date_md");
}

TEST(FindQuantitiesTest, NumberSpanIsTheFigureAlone) {
  const std::string text = "走访企业≥ ６０　次以上";
  auto qs = FindQuantities(text);
  ASSERT_EQ(qs.size(), 1u);
  const Quantity& q = qs[0];
  EXPECT_EQ(q.raw, "≥ ６０　次以上");
  EXPECT_EQ(text.substr(q.number_span.begin, q.number_span.end - q.number_span.begin), "６０");
  const std::string range = "完成率80-90%";
  auto r = FindQuantities(range)[0];
  EXPECT_EQ(range.substr(r.number_span.begin, r.number_span.end - r.number_span.begin), "80-90");
}

TEST(FindQuantitiesTest, EmptyAndOddInput) {
  EXPECT_TRUE(FindQuantities("").empty());
  EXPECT_TRUE(FindQuantities("无。").empty());
  EXPECT_TRUE(FindQuantities("\xff\xfe").empty());
  auto qs = FindQuantities("24\xff万元");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].kind, QuantityKind::kNumber);
}

// The whole seed report reads without surprises: the figures the domain notes
// rely on are all there, and every span points at its raw text.
TEST(FindQuantitiesTest, SeedReport) {
  std::ifstream f(std::string(JIXIAO_SOURCE_DIR) + "/corpus/seed/junshan-gsl-2024-self-evaluation.txt");
  ASSERT_TRUE(f.good());
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string text = ss.str();
  auto qs = FindQuantities(text);
  EXPECT_GT(qs.size(), 150u);
  int suspect = 0;
  const size_t title = text.find("《2023年君山区民营经济发展报告》");
  ASSERT_NE(title, std::string::npos);
  for (const auto& q : qs) {
    EXPECT_EQ(text.substr(q.span.begin, q.span.end - q.span.begin), q.raw);
    suspect += q.suspect_measure_word;
    // Nothing inside a title.
    EXPECT_FALSE(q.span.begin > title && q.span.begin < title + 40) << DebugString(q);
  }
  EXPECT_EQ(suspect, 1);
  auto has = [&](const char* raw) {
    for (const auto& q : qs) {
      if (q.raw == raw) return true;
    }
    return false;
  };
  for (const char* raw : {"24万元", "0万元", "100%", "98分", "20余家", "208万余元", "4期", "62个", "48个", "80余次",
                          "400余本", "50多个", "7189.8万元", "达3.4亿元", "≥60次", "≥80次", "≥4期", "≥50各",
                          "≥62个", "≥70%", "≥95%", "2024年12月31日前", "2024年12月20日前", "≦100%", "≥90%",
                          "16—18分", "2024年底"}) {
    EXPECT_TRUE(has(raw)) << raw;
  }
}

}  // namespace
}  // namespace jixiao::numbers
