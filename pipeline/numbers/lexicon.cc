// The word lists behind FindQuantities(): units (money, percent, measure
// words, physical units, known measure-word typos) and qualifiers. Matching is
// longest-first over small static tables. Covered by numbers_test.cc (through
// FindQuantities) and lexicon cases in quantity_test.cc.
#include "pipeline/numbers/lexicon.h"

#include <array>

#include "pipeline/model/utf8.h"

namespace jixiao::numbers::internal {

namespace {

using K = QuantityKind;

// Words that, starting at a unit word, show it is part of another word.
constexpr std::string_view kNotCi[] = {"次性"};
constexpr std::string_view kNotGe[] = {"个人所得", "个体"};
constexpr std::string_view kNotRen[] = {"人民", "人员", "人大", "人才"};
constexpr std::string_view kNotSuo[] = {"所有", "所在", "所属", "所得", "所以"};
constexpr std::string_view kNotTiao[] = {"条件", "条例", "条款"};
constexpr std::string_view kNotChang[] = {"场所", "场地", "场景"};
constexpr std::string_view kNotHu[] = {"户外", "户籍"};
constexpr std::string_view kNotZhong[] = {"种植", "种类", "种子"};
constexpr std::string_view kNotPi[] = {"批复", "批准", "批示", "批评"};
constexpr std::string_view kNotBi[] = {"笔记"};
constexpr std::string_view kNotJie[] = {"节约", "节能", "节日", "节点"};
constexpr std::string_view kNotZhi[] = {"支出", "支付", "支持", "支部", "支援"};
constexpr std::string_view kNotChu[] = {"处理", "处置", "处室", "处罚"};
constexpr std::string_view kNotDan[] = {"单位", "单独", "单项"};
constexpr std::string_view kNotMen[] = {"门户", "门槛", "门类"};
constexpr std::string_view kNotZu[] = {"组织", "组成", "组长"};
constexpr std::string_view kNotDui[] = {"队伍"};
constexpr std::string_view kNotLei[] = {"类型", "类别"};
constexpr std::string_view kNotKe[] = {"课题", "课程"};
constexpr std::string_view kNotZuo[] = {"座谈"};
constexpr std::string_view kNotZhi1[] = {"只有", "只是", "只要", "只能"};
constexpr std::string_view kNotShuang[] = {"双方", "双向"};
constexpr std::string_view kNotFen[] = {"分钟", "分之", "分别", "分析", "分配", "分类", "分布", "分解",
                                        "分管", "分散", "分担", "分期", "分批", "分步", "分段", "分档",
                                        "分级", "分组", "分成", "分局", "分会", "分享", "分行", "分项",
                                        "分红", "分数", "分值", "分支", "分部", "分中心", "分院", "分公司"};
constexpr std::string_view kNotPian[] = {"偏差", "偏离", "偏低", "偏高", "偏重", "偏少", "偏多", "偏向"};
constexpr std::string_view kNotCi1[] = {"此外", "此次", "此项", "此前", "此后", "此类"};
constexpr std::string_view kNotGe1[] = {"各自"};
constexpr std::string_view kNotTai[] = {"台账"};
constexpr std::string_view kNotJia[] = {"家庭"};
constexpr std::string_view kNotMing[] = {"名单", "名称", "名额", "名义"};
constexpr std::string_view kNotBen[] = {"本单位", "本部门", "本级", "本年"};
constexpr std::string_view kNotQi[] = {"期间", "期限", "期末", "期初"};
constexpr std::string_view kNotXiang[] = {"项目"};

#define NOT(arr) arr, static_cast<int>(std::size(arr))
#define NONE nullptr, 0

// Sorted by nothing in particular: MatchUnit looks for the longest match.
const UnitEntry kUnits[] = {
    // Money. 千元 / 万元 / 亿元 come from the numeral's multiplier + 元.
    {"元", K::kAmount, "元", false, NONE},
    // Percent and points.
    {"%", K::kPercent, "%", false, NONE},
    {"‰", K::kPercent, "%", false, NONE},
    {"个百分点", K::kPercentagePoints, "百分点", false, NONE},
    {"百分点", K::kPercentagePoints, "百分点", false, NONE},
    // Score.
    {"分", K::kScore, "分", false, NOT(kNotFen)},
    // Measure words (counts).
    {"个", K::kCount, "个", false, NOT(kNotGe)},
    {"次", K::kCount, "次", false, NOT(kNotCi)},
    {"人次", K::kCount, "人次", false, NONE},
    {"户次", K::kCount, "户次", false, NONE},
    {"家次", K::kCount, "家次", false, NONE},
    {"场次", K::kCount, "场次", false, NONE},
    {"台次", K::kCount, "台次", false, NONE},
    {"车次", K::kCount, "车次", false, NONE},
    {"批次", K::kCount, "批次", false, NONE},
    {"期", K::kCount, "期", false, NOT(kNotQi)},
    {"家", K::kCount, "家", false, NOT(kNotJia)},
    {"人", K::kCount, "人", false, NOT(kNotRen)},
    {"本", K::kCount, "本", false, NOT(kNotBen)},
    {"项", K::kCount, "项", false, NONE},
    {"场", K::kCount, "场", false, NOT(kNotChang)},
    {"条", K::kCount, "条", false, NOT(kNotTiao)},
    {"所", K::kCount, "所", false, NOT(kNotSuo)},
    {"户", K::kCount, "户", false, NOT(kNotHu)},
    {"亩", K::kCount, "亩", false, NONE},
    {"台", K::kCount, "台", false, NOT(kNotTai)},
    {"名", K::kCount, "名", false, NOT(kNotMing)},
    {"位", K::kCount, "位", false, NONE},
    {"篇", K::kCount, "篇", false, NONE},
    {"册", K::kCount, "册", false, NONE},
    {"份", K::kCount, "份", false, NONE},
    {"批", K::kCount, "批", false, NOT(kNotPi)},
    {"件", K::kCount, "件", false, NONE},
    {"张", K::kCount, "张", false, NONE},
    {"套", K::kCount, "套", false, NONE},
    {"辆", K::kCount, "辆", false, NONE},
    {"间", K::kCount, "间", false, NONE},
    {"座", K::kCount, "座", false, NOT(kNotZuo)},
    {"处", K::kCount, "处", false, NOT(kNotChu)},
    {"类", K::kCount, "类", false, NOT(kNotLei)},
    {"种", K::kCount, "种", false, NOT(kNotZhong)},
    {"支", K::kCount, "支", false, NOT(kNotZhi)},
    {"节", K::kCount, "节", false, NOT(kNotJie)},
    {"课", K::kCount, "课", false, NOT(kNotKe)},
    {"堂", K::kCount, "堂", false, NONE},
    {"轮", K::kCount, "轮", false, NONE},
    {"组", K::kCount, "组", false, NOT(kNotZu)},
    {"队", K::kCount, "队", false, NOT(kNotDui)},
    {"双", K::kCount, "双", false, NOT(kNotShuang)},
    {"枚", K::kCount, "枚", false, NONE},
    {"块", K::kCount, "块", false, NONE},
    {"栋", K::kCount, "栋", false, NONE},
    {"幢", K::kCount, "幢", false, NONE},
    {"宗", K::kCount, "宗", false, NONE},
    {"笔", K::kCount, "笔", false, NOT(kNotBi)},
    {"单", K::kCount, "单", false, NOT(kNotDan)},
    {"例", K::kCount, "例", false, NONE},
    {"只", K::kCount, "只", false, NOT(kNotZhi1)},
    {"株", K::kCount, "株", false, NONE},
    {"棵", K::kCount, "棵", false, NONE},
    {"门", K::kCount, "门", false, NOT(kNotMen)},
    {"项目", K::kCount, "项", false, NONE},  // "引进2项目": still a count of 项
    // Known typos of measure words (same or similar pronunciation).
    {"各", K::kCount, "个", true, NOT(kNotGe1)},
    {"箇", K::kCount, "个", true, NONE},
    {"此", K::kCount, "次", true, NOT(kNotCi1)},
    {"偏", K::kCount, "篇", true, NOT(kNotPian)},
    // Measures: time and physical units.
    {"个月", K::kMeasure, "个月", false, NONE},
    {"个工作日", K::kMeasure, "工作日", false, NONE},
    {"工作日", K::kMeasure, "工作日", false, NONE},
    {"个小时", K::kMeasure, "小时", false, NONE},
    {"小时", K::kMeasure, "小时", false, NONE},
    {"天", K::kMeasure, "天", false, NONE},
    {"周", K::kMeasure, "周", false, NONE},
    {"岁", K::kMeasure, "岁", false, NONE},
    {"分钟", K::kMeasure, "分钟", false, NONE},
    {"秒", K::kMeasure, "秒", false, NONE},
    {"平方米", K::kMeasure, "平方米", false, NONE},
    {"平方公里", K::kMeasure, "平方公里", false, NONE},
    {"平米", K::kMeasure, "平方米", false, NONE},
    {"m2", K::kMeasure, "平方米", false, NONE},
    {"m²", K::kMeasure, "平方米", false, NONE},
    {"立方米", K::kMeasure, "立方米", false, NONE},
    {"公顷", K::kMeasure, "公顷", false, NONE},
    {"公里", K::kMeasure, "公里", false, NONE},
    {"千米", K::kMeasure, "公里", false, NONE},
    {"km", K::kMeasure, "公里", false, NONE},
    {"米", K::kMeasure, "米", false, NONE},
    {"吨", K::kMeasure, "吨", false, NONE},
    {"千克", K::kMeasure, "千克", false, NONE},
    {"公斤", K::kMeasure, "千克", false, NONE},
    {"kg", K::kMeasure, "千克", false, NONE},
    {"千瓦时", K::kMeasure, "千瓦时", false, NONE},
    {"升", K::kMeasure, "升", false, NONE},
    {"倍", K::kMeasure, "倍", false, NONE},
};

const QualifierEntry kPrefix[] = {
    {"≥", Comparator::kGe, Approx::kNone, ""},
    {">=", Comparator::kGe, Approx::kNone, ""},
    {"≤", Comparator::kLe, Approx::kNone, ""},
    {"<=", Comparator::kLe, Approx::kNone, ""},
    {">", Comparator::kGt, Approx::kNone, ""},
    {"<", Comparator::kLt, Approx::kNone, ""},
    {"=", Comparator::kNone, Approx::kNone, ""},
    {"≈", Comparator::kNone, Approx::kAbout, ""},
    {"不低于", Comparator::kGe, Approx::kNone, ""},
    {"不少于", Comparator::kGe, Approx::kNone, ""},
    {"不小于", Comparator::kGe, Approx::kNone, ""},
    {"达到", Comparator::kGe, Approx::kNone, ""},
    {"达", Comparator::kGe, Approx::kNone, "到发表传送直通抵转下雷豁腾练"},
    {"至少", Comparator::kGe, Approx::kNone, ""},
    {"最少", Comparator::kGe, Approx::kNone, ""},
    {"超过", Comparator::kGt, Approx::kNone, ""},
    {"超", Comparator::kGt, Approx::kNone, "赶高"},
    {"高于", Comparator::kGt, Approx::kNone, ""},
    {"大于", Comparator::kGt, Approx::kNone, ""},
    {"多于", Comparator::kGt, Approx::kNone, ""},
    {"逾", Comparator::kGt, Approx::kNone, ""},
    {"不超过", Comparator::kLe, Approx::kNone, ""},
    {"未超过", Comparator::kLe, Approx::kNone, ""},
    {"不高于", Comparator::kLe, Approx::kNone, ""},
    {"不大于", Comparator::kLe, Approx::kNone, ""},
    {"不多于", Comparator::kLe, Approx::kNone, ""},
    {"至多", Comparator::kLe, Approx::kNone, ""},
    {"最多", Comparator::kLe, Approx::kNone, ""},
    {"低于", Comparator::kLt, Approx::kNone, ""},
    {"小于", Comparator::kLt, Approx::kNone, ""},
    {"少于", Comparator::kLt, Approx::kNone, ""},
    {"不足", Comparator::kLt, Approx::kNone, ""},
    {"不到", Comparator::kLt, Approx::kNone, ""},
    {"未达到", Comparator::kLt, Approx::kNone, ""},
    {"未达", Comparator::kLt, Approx::kNone, ""},
    {"约", Comparator::kNone, Approx::kAbout, "节制预签合契邀集俭特条简公违履守规相失赴"},
    {"大约", Comparator::kNone, Approx::kAbout, ""},
    {"约为", Comparator::kNone, Approx::kAbout, ""},
    {"近", Comparator::kNone, Approx::kNearly, "最附临就亲靠贴邻"},
    {"将近", Comparator::kNone, Approx::kNearly, ""},
    {"接近", Comparator::kNone, Approx::kNearly, ""},
};

const QualifierEntry kSuffix[] = {
    {"以上", Comparator::kGe, Approx::kNone, ""},
    {"及以上", Comparator::kGe, Approx::kNone, ""},
    {"以下", Comparator::kLe, Approx::kNone, ""},
    {"及以下", Comparator::kLe, Approx::kNone, ""},
    {"以内", Comparator::kLe, Approx::kNone, ""},
    {"之内", Comparator::kLe, Approx::kNone, ""},
    {"左右", Comparator::kNone, Approx::kAbout, ""},
};

const QualifierEntry kDateSuffix[] = {
    {"前", Comparator::kBefore, Approx::kNone, ""},
    {"之前", Comparator::kBefore, Approx::kNone, ""},
    {"以前", Comparator::kBefore, Approx::kNone, ""},
    {"后", Comparator::kAfter, Approx::kNone, ""},
    {"之后", Comparator::kAfter, Approx::kNone, ""},
    {"以后", Comparator::kAfter, Approx::kNone, ""},
    {"起", Comparator::kAfter, Approx::kNone, ""},
};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

const UnitEntry* MatchUnit(std::string_view text) {
  const UnitEntry* best = nullptr;
  for (const auto& u : kUnits) {
    if (!StartsWith(text, u.word)) continue;
    bool blocked = false;
    for (int i = 0; i < u.not_count; ++i) blocked |= StartsWith(text, u.not_words[i]);
    if (blocked) continue;
    if (best == nullptr || u.word.size() > best->word.size()) best = &u;
  }
  return best;
}

const QualifierEntry* MatchPrefixQualifier(std::string_view before) {
  const QualifierEntry* best = nullptr;
  for (const auto& q : kPrefix) {
    if (!EndsWith(before, q.word)) continue;
    std::string_view prev = LastCharacter(before.substr(0, before.size() - q.word.size()));
    if (!prev.empty() && !q.not_after.empty() && q.not_after.find(prev) != std::string_view::npos) continue;
    if (best == nullptr || q.word.size() > best->word.size()) best = &q;
  }
  return best;
}

const QualifierEntry* MatchSuffixQualifier(std::string_view after, bool for_date) {
  const QualifierEntry* best = nullptr;
  auto consider = [&](const QualifierEntry& q) {
    if (StartsWith(after, q.word) && (best == nullptr || q.word.size() > best->word.size())) best = &q;
  };
  for (const auto& q : kSuffix) consider(q);
  if (for_date) {
    for (const auto& q : kDateSuffix) consider(q);
  }
  return best;
}

}  // namespace jixiao::numbers::internal
