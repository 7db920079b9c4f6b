// Quantity: one figure found in report text, with its unit, qualifier, the
// interval it stands for, and where it is in the original string.
//
// FindQuantities() reads every figure of a text the way a reviewer would:
//   amounts      24万元  240000元  7189.8万元  3.4亿元  208万余元  二十四万元  ¥500
//   percents     100%  ≦100%  不低于95%  百分之九十五  80-90%  5‰
//   points       2个百分点  1.5百分点
//   counts       4期  四期  80余次  50多个  20余家  ≥50各 (typo for 个, flagged)
//   measures     3个月  5个工作日  120平方米 (㎡)  2.5公里  3倍
//   scores       98分  (50分)  16—18分
//   dates        2024年12月31日前  2024-12-31  12月20日  2024年底
//   years        2024年  2024年度  2023-2025年  （2024年）  2024岳阳马拉松
//   numbers      table cells and figures without a unit ("24", "100", "3.4亿")
// and skips what is not a quantity: list labels (1、 （二） (2) 1. 附件1
// 附表2), ordinals (第三站, 第3期), figures inside document titles
// (《2023年…》) and document numbers (〔2020〕10号), codes with leading zeros,
// phone-like digit strings, and Chinese numerals that carry no unit (一是,
// 二十届, 三公经费).
//
// Interval rules (all bounds in the canonical unit; "step" is one unit of the
// last significant written digit: 80 → 10, 400 → 100, 208 → 1, 7189.8 → 0.1,
// times the multiplier written, so 208万 → 1万):
//   bare figure            [v − h, v + h), h = ½·10^-d for d written decimals
//                          (XBRL Calculations 1.1; the upper end is open because
//                          reports round half up, so 24.5万 is written 25万 and
//                          24万 / 25万 do not agree): 24万元 → [235000, 245000)元,
//                          100% → [99.5, 100.5). Years and dates are exact.
//   余 / 多 / 几           (v, v + step): 80余次 → (80, 90), 208万余元 →
//                          (2080000, 2090000)元, 十几个 → (10, 20)
//   近 / 将近 / 接近       [v − step, v]: 近80 → [70, 80]
//   约 / 大约 / 约为 / 左右 / ≈   [v − b, v + b], b = max(10% of |v|, h):
//                          约80 → [72, 88]
//   ≥ 不低于 不少于 达到 达 至少 以上         [v, ∞)  (达 / 达到 also introduce
//                          plain facts, 签约资金达3.4亿元; as [v, ∞) such a
//                          figure stays compatible with the exact one)
//   >  超过 超 高于 大于 多于 逾              (v, ∞)
//   ≤ 不超过 不高于 不大于 以下 以内 至多 最多  (−∞, v]
//   <  低于 小于 少于 不足 不到 未达到          (−∞, v)
//   近 before a time unit (近3年: "the last 3 years") is no qualifier.
//   range 80-90% / 80～90% / 3至5年            [a, b]
//   dates: a day is exact, a month covers its days, 年底 / 月底 is the last
//          day; 前 / 之前 / 以前 → (−∞, date], 后 / 之后 / 以后 / 起 → [date, ∞)
// Bounds stated by a comparator or a range are taken as written (≥80 is
// [80, ∞), not [79.5, ∞)).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/numbers/decimal.h"

namespace jixiao::numbers {

enum class QuantityKind {
  kNumber,            // no unit: table cells, "3.4亿" without 元
  kAmount,            // money; canonical unit 元
  kPercent,           // %, ‰ (canonical %)
  kPercentagePoints,  // 百分点
  kCount,             // a measure word: 次 期 个 家 人 …
  kMeasure,           // physical or time units: 个月 天 平方米 公里 吨 倍 …
  kScore,             // 分
  kDate,              // canonical yyyymmdd (mmdd when no year is written)
  kYear,              // 2024年, 2024年度
};

enum class Comparator {
  kNone,    // as written, or "="
  kGe,      // ≥ 不低于 不少于 达到 达 至少 以上
  kGt,      // > 超过 高于 逾
  kLe,      // ≤ 不超过 不高于 以下 以内
  kLt,      // < 低于 不足
  kRange,   // 80-90%: value .. value_hi
  kBefore,  // dates: 前 之前 以前
  kAfter,   // dates: 后 之后 以后 起
};

enum class Approx {
  kNone,
  kMoreThan,  // 余 多 几: a little more than
  kAbout,     // 约 大约 左右 ≈
  kNearly,    // 近 将近 接近: a little less than
};

// An interval of the real line; a missing bound is infinite.
struct Interval {
  std::optional<Decimal> lo, hi;
  bool lo_open = false, hi_open = false;

  // True when the two intervals share at least one point.
  bool Intersects(const Interval& o) const;
  // True when every point of `inner` is in this interval.
  bool Contains(const Interval& inner) const;
  bool Contains(const Decimal& v) const;
  // "[79.5, 80.5]", "(80, 90)", "[80, +inf)", "(-inf, 100]".
  std::string ToString() const;
};

struct Span {
  size_t begin = 0, end = 0;  // byte offsets [begin, end) in the original text
};

struct Date {
  int year = 0, month = 0, day = 0;  // 0 = not written
};

struct Quantity {
  QuantityKind kind = QuantityKind::kNumber;
  // The figure in `unit` as written: 24 for 24万元, 3.4 for 3.4亿元, 80 for
  // 80余次; the lower end of a range; decimals as written.
  Decimal value;
  std::optional<Decimal> value_hi;  // upper end of a range, in `unit`
  // Unit as read, normalised: "元" "万元" "亿元" "千元" "%" "‰" "百分点" "分"
  // "个" "次" "万人" "个月" "年" "年度" "" …; for a suspect measure word the
  // word it stands for (个 for 各).
  std::string unit;
  // The unit characters as they appear (after normalisation): "各" for ≥50各.
  std::string unit_as_written;
  // The measure word is a known typo (各→个, 此→次, 偏→篇, 箇→个): report it
  // as UNIT_SUSPECT, compare as the intended word.
  bool suspect_measure_word = false;
  // The value in canonical_unit: amounts in 元 (24万元 → 240000), counts
  // without a 万 prefix (2万人 → 20000 人), ‰ as %, dates as yyyymmdd.
  Decimal canonical;
  std::optional<Decimal> canonical_hi;
  std::string canonical_unit;  // "元" "%" "百分点" "分" "个" "次" "天" "年" "date" "" …
  Comparator comparator = Comparator::kNone;
  Approx approx = Approx::kNone;
  // Qualifier words as written (normalised), in reading order: "≥", "不低于",
  // "余", "左右", "前".
  std::vector<std::string> qualifiers;
  Interval interval;      // what the figure stands for, in canonical_unit
  int decimals = 0;       // decimals written in `value`
  Date date;              // kDate (and the year of kYear)
  bool chinese_numeral = false;  // written (partly) with Chinese numerals
  std::string raw;        // original text of `span`
  Span span;              // qualifiers + figure + unit, in the original text
  Span number_span;       // the figure alone (both ends of a range)
};

// Every figure in `utf8_text`, in text order, spans into `utf8_text`.
// Never fails; ill-formed UTF-8 is read as U+FFFD.
std::vector<Quantity> FindQuantities(std::string_view utf8_text);

// The same figure, or figures that can be the same: same kind and canonical
// unit, and intervals that meet. 80余次 agrees with ≥80次 and 85次, not 45次;
// 240000元 agrees with 24万元; 2024年12月20日前 with 2024年12月31日前.
bool Compatible(const Quantity& a, const Quantity& b);

// Does `actual` meet `target` (年度指标值 / 实际完成值)? Same kind and canonical
// unit, and every value the actual can stand for lies in the target's
// interval. A bare actual counts as its value exactly (not its rounding
// interval): 80次 meets ≥80次, 79次 does not; ≥62个 meets ≥50各; 80余次 meets
// ≥80次; 90% does not meet ≥95%; 2024年12月20日前 meets 2024年12月31日前.
bool MeetsTarget(const Quantity& actual, const Quantity& target);

// The one figure that makes up all of `utf8_text` apart from surrounding
// whitespace (spaces, U+3000, tabs, line breaks): a table cell such as
// "\t　≥4期". nullopt when the text holds no figure, several, or other words.
std::optional<Quantity> ParseQuantity(std::string_view utf8_text);

// The intervals of figures read together as one list — a total and its
// parts, or a level, last year's level and the change — in their order.
// When one of them is written to a finer unit than another (29.99万元 beside
// 30万元), the coarser bare figures are read to that unit too: a report that
// writes one part to 0.01万 wrote 30 for 30.00, so 30 + 30 + 29.99 = 89.99 and
// not "anything in [89.49, 90.49)". Figures with a qualifier (约, 余, ≥ …) or
// a range keep their own interval.
std::vector<Interval> ListIntervals(const std::vector<const Quantity*>& figures);

// The figure as written, exactly ([v, v]) when it is bare; its interval when
// a qualifier or a range makes it one (约30万元, 20余万元, ≥80次). The parts
// of a breakdown are added this way: the writer adds what they print.
Interval WrittenValue(const Quantity& q);

// Stable lower-case names, for JSON and messages: "amount", "percent",
// "percentage_points", "count", "measure", "score", "date", "year", "number".
const char* KindName(QuantityKind kind);
// "none" "ge" "gt" "le" "lt" "range" "before" "after".
const char* ComparatorName(Comparator c);
// "none" "more_than" "about" "nearly".
const char* ApproxName(Approx a);
// One line for logs and test failures:
// `count 80 次 approx=more_than interval=(80, 90) raw="80余次" [12,21)`.
std::string DebugString(const Quantity& q);

}  // namespace jixiao::numbers
