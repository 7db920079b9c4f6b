// Tests for the Interval helpers and Compatible() of quantity.h, and for the
// lexicon behind the scanner (lexicon.h).
#include "pipeline/numbers/quantity.h"

#include <gtest/gtest.h>

#include "pipeline/numbers/lexicon.h"

namespace jixiao::numbers {
namespace {

Quantity One(const char* text) {
  auto qs = FindQuantities(text);
  EXPECT_EQ(qs.size(), 1u) << text;
  return qs.empty() ? Quantity() : qs[0];
}

Interval Closed(int lo, int hi) {
  Interval i;
  i.lo = Decimal::FromInt(lo);
  i.hi = Decimal::FromInt(hi);
  return i;
}

TEST(IntervalTest, IntersectsHonoursOpenBounds) {
  Interval open = Closed(80, 90);
  open.lo_open = open.hi_open = true;
  EXPECT_TRUE(open.Intersects(Closed(85, 85)));
  EXPECT_FALSE(open.Intersects(Closed(90, 95)));
  EXPECT_FALSE(open.Intersects(Closed(70, 80)));
  EXPECT_TRUE(Closed(80, 90).Intersects(Closed(90, 95)));
  Interval ge;
  ge.lo = Decimal::FromInt(80);
  EXPECT_TRUE(ge.Intersects(open));
  EXPECT_TRUE(ge.Intersects(Closed(1000, 2000)));
  EXPECT_FALSE(ge.Intersects(Closed(40, 50)));
  Interval all;
  EXPECT_TRUE(all.Intersects(ge));
  EXPECT_EQ(all.ToString(), "(-inf, +inf)");
  EXPECT_EQ(ge.ToString(), "[80, +inf)");
  EXPECT_EQ(open.ToString(), "(80, 90)");
}

TEST(IntervalTest, Contains) {
  Interval ge;
  ge.lo = Decimal::FromInt(60);
  Interval ge80;
  ge80.lo = Decimal::FromInt(80);
  EXPECT_TRUE(ge.Contains(ge80));
  EXPECT_FALSE(ge80.Contains(ge));
  EXPECT_TRUE(ge.Contains(Decimal::FromInt(60)));
  EXPECT_FALSE(ge.Contains(Decimal::FromInt(59)));
  Interval open = Closed(80, 90);
  open.lo_open = true;
  EXPECT_FALSE(open.Contains(Decimal::FromInt(80)));
  EXPECT_TRUE(open.Contains(Decimal::FromInt(90)));
  EXPECT_FALSE(Closed(0, 1).Contains(ge));
  EXPECT_FALSE(Closed(0, 1).Contains(Decimal::Invalid()));
}

TEST(CompatibleTest, Table) {
  struct Case {
    const char* a;
    const char* b;
    bool compatible;
  };
  const Case cases[] = {
      {"80余次", "≥80次", true},
      {"80余次", "85次", true},
      {"80余次", "45次", false},
      {"80余次", "95次", false},
      {"80余次", "80余个", false},  // different measure word
      {"80余次", "80次", true},     // 80 written as a whole number stands for [79.5, 80.5]
      {"240000元", "24万元", true},
      {"24万元", "25万元", false},
      {"24万元", "24.4万元", true},   // 24万 is rounded: [23.5万, 24.5万]
      {"24.00万元", "240100元", false},
      {"236000元", "24万元", true},
      {"≥60次", "≥80次", true},
      {"≥60次", "45次", false},
      {"≥60次", "60次", true},
      {"≥50各", "≥62个", true},
      {"2024年12月20日前", "2024年12月31日前", true},
      {"2024年12月31日", "2025年1月1日", false},
      {"2024年12月", "2024年12月31日", true},
      {"2024年", "2024年度", true},
      {"2024年", "2023年", false},
      {"100%", "≦100%", true},
      {"100%", "100", false},       // a bare number is not a percent
      {"98分", "98", false},
      {"3-5万元", "4万元", true},
      {"3-5万元", "6万元", false},
      {"约80", "87", true},
      {"约80", "90", false},
      {"近80次", "75次", true},
      {"近80次", "85次", false},
      {"208万余元", "2085000元", true},
      {"208万余元", "210万元", false},
      {"3.4亿元", "34000万元", true},
      {"3.4亿元", "3.5亿元", false},
      {"5‰", "0.5%", true},
      {"2个百分点", "2%", false},
      {"不低于95%", "≥95%", true},
      {"不超过5万元", "6万元", false},
      {"不超过5万元", "4万元", true},
  };
  for (const auto& c : cases) {
    Quantity a = One(c.a), b = One(c.b);
    EXPECT_EQ(Compatible(a, b), c.compatible) << c.a << " vs " << c.b << "\n"
                                              << DebugString(a) << "\n"
                                              << DebugString(b);
    EXPECT_EQ(Compatible(b, a), c.compatible) << "symmetric: " << c.a << " vs " << c.b;
  }
}

// Random mixes of the pieces figures are made of never break the invariants
// (spans inside the text, raw == the span, valid values, lo <= hi).
TEST(FindQuantitiesInvariantsTest, RandomPieces) {
  const char* pieces[] = {"1", "2", "0", "5", ".", ",", "-", "~", "—", "%", "％", "２", "４", "一", "二", "十", "百",
                          "千", "万", "亿", "零", "两", "余", "多", "几", "元", "个", "次", "各", "分", "年", "月",
                          "日", "前", "≥", "≦", "<", "约", "近", "以上", "左右", "第", "《", "》", "〔", "〕", "(",
                          ")", "、", "\t", "\n", " ", "　", "\xff", "\xe4\xb8", "百分之", "个百分点", "度", "底"};
  uint32_t seed = 12345;
  auto next = [&]() {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  const size_t n = sizeof(pieces) / sizeof(pieces[0]);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int len = 1 + next() % 12;
    for (int i = 0; i < len; ++i) text += pieces[next() % n];
    for (const Quantity& q : FindQuantities(text)) {
      ASSERT_LE(q.span.begin, q.span.end) << text;
      ASSERT_LE(q.span.end, text.size()) << text;
      EXPECT_EQ(text.substr(q.span.begin, q.span.end - q.span.begin), q.raw) << text;
      EXPECT_LE(q.number_span.end, text.size()) << text;
      EXPECT_TRUE(q.value.ok()) << text;
      EXPECT_TRUE(q.canonical.ok()) << text;
      if (q.interval.lo && q.interval.hi) {
        EXPECT_LE(*q.interval.lo, *q.interval.hi) << text << " " << DebugString(q);
      }
    }
  }
}

TEST(MeetsTargetTest, Table) {
  struct Case {
    const char* actual;
    const char* target;
    bool met;
  };
  const Case cases[] = {
      {"≥80次", "≥60次", true},
      {"80次", "≥80次", true},
      {"79次", "≥80次", false},
      {"80余次", "≥80次", true},
      {"≥62个", "≥50各", true},
      {"≥4期", "≥4期", true},
      {"≥70%", "≥70%", true},
      {"90%", "≥95%", false},
      {"≥95%", "≥95%", true},
      {"≦100%", "≦100%", true},
      {"100%", "≦100%", true},
      {"101%", "≦100%", false},
      {"2024年12月20日前", "2024年12月31日前", true},
      {"2025年1月10日", "2024年12月31日前", false},
      {"2024年12月31日", "2024年12月31日前", true},
      {"85%", "约80", false},     // a percent is not a bare number
      {"85次", "约80次", true},
      {"62个", "≥50个", true},
      {"45家", "≥50家", false},
      {"≥40次", "≥60次", false},  // the actual could be below the target
  };
  for (const auto& c : cases) {
    Quantity a = One(c.actual), t = One(c.target);
    EXPECT_EQ(MeetsTarget(a, t), c.met) << c.actual << " vs target " << c.target << "\n"
                                        << DebugString(a) << "\n"
                                        << DebugString(t);
  }
}

TEST(ParseQuantityTest, WholeCellOnly) {
  auto q = ParseQuantity("\t\xe3\x80\x80≥4期\n");
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->raw, "≥4期");
  EXPECT_EQ(q->span.begin, 4u);
  q = ParseQuantity("≦100%");
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->comparator, Comparator::kLe);
  EXPECT_TRUE(ParseQuantity("24").has_value());
  EXPECT_FALSE(ParseQuantity("有效提升").has_value());
  EXPECT_FALSE(ParseQuantity("").has_value());
  EXPECT_FALSE(ParseQuantity("共4期").has_value());
  EXPECT_FALSE(ParseQuantity("4期 5期").has_value());
  EXPECT_FALSE(ParseQuantity("1、").has_value());
}

TEST(NamesTest, StableNames) {
  EXPECT_STREQ(KindName(QuantityKind::kAmount), "amount");
  EXPECT_STREQ(KindName(QuantityKind::kPercentagePoints), "percentage_points");
  EXPECT_STREQ(KindName(QuantityKind::kNumber), "number");
  EXPECT_STREQ(ComparatorName(Comparator::kBefore), "before");
  EXPECT_STREQ(ApproxName(Approx::kMoreThan), "more_than");
  Quantity q = One("80余次");
  EXPECT_EQ(DebugString(q), "count 80 次 = 80 次 approx=more_than interval=(80, 90) raw=\"80余次\" [0,8)");
}

TEST(LexiconTest, Units) {
  using internal::MatchUnit;
  ASSERT_NE(MatchUnit("个百分点"), nullptr);
  EXPECT_EQ(MatchUnit("个百分点")->kind, QuantityKind::kPercentagePoints);
  EXPECT_EQ(MatchUnit("个月")->kind, QuantityKind::kMeasure);
  EXPECT_EQ(MatchUnit("个")->kind, QuantityKind::kCount);
  EXPECT_TRUE(MatchUnit("各")->typo);
  EXPECT_EQ(MatchUnit("各")->canonical, "个");
  EXPECT_EQ(MatchUnit("次性"), nullptr);
  EXPECT_EQ(MatchUnit("支出"), nullptr);
  EXPECT_EQ(MatchUnit("偏差"), nullptr);
  EXPECT_EQ(MatchUnit("分钟")->kind, QuantityKind::kMeasure);
  EXPECT_EQ(MatchUnit("分别"), nullptr);
  EXPECT_EQ(MatchUnit("年"), nullptr);
}

TEST(LexiconTest, Qualifiers) {
  using internal::MatchPrefixQualifier;
  using internal::MatchSuffixQualifier;
  EXPECT_EQ(MatchPrefixQualifier("满意度不低于")->comparator, Comparator::kGe);
  EXPECT_EQ(MatchPrefixQualifier("满意度低于")->comparator, Comparator::kLt);
  EXPECT_EQ(MatchPrefixQualifier("水电节约"), nullptr);
  EXPECT_EQ(MatchPrefixQualifier("最近"), nullptr);
  EXPECT_EQ(MatchPrefixQualifier("下达"), nullptr);
  EXPECT_EQ(MatchPrefixQualifier("累计约")->approx, Approx::kAbout);
  EXPECT_EQ(MatchSuffixQualifier("以上。", false)->comparator, Comparator::kGe);
  EXPECT_EQ(MatchSuffixQualifier("前完成", false), nullptr);
  EXPECT_EQ(MatchSuffixQualifier("前完成", true)->comparator, Comparator::kBefore);
}

// Calc 1.1 intervals read as a list: a part to 0.01 makes the whole-number
// parts exact; qualified figures keep their own interval.
TEST(ListIntervalsTest, FinestUnitOfTheList) {
  struct Case {
    std::vector<std::string> figures;
    std::vector<std::string> intervals;
  };
  const Case cases[] = {
      {{"89.97万元", "30万元", "30万元", "29.99万元"},
       {"[899650, 899750)", "[300000, 300000]", "[300000, 300000]", "[299850, 299950)"}},
      {{"6.47万元", "3万元", "2万元", "1.49万元"},
       {"[64650, 64750)", "[30000, 30000]", "[20000, 20000]", "[14850, 14950)"}},
      // All whole numbers: each keeps its Calc 1.1 interval.
      {{"24万元", "14万元", "10万元"}, {"[235000, 245000)", "[135000, 145000)", "[95000, 105000)"}},
      // A part in 元 under a total in 万元: the 元 figure sets the unit.
      {{"2万元", "15000元", "5000元"}, {"[20000, 20000]", "[14999.5, 15000.5)", "[4999.5, 5000.5)"}},
      // 约 and 余 keep theirs.
      {{"约30万元", "10.5万元", "20余万元"}, {"[270000, 330000]", "[104500, 105500)", "(200000, 300000)"}},
      // A qualified figure does not make the others exact.
      {{"约30.25万元", "10万元"}, {"[272250, 332750]", "[95000, 105000)"}},
  };
  for (const Case& c : cases) {
    std::vector<Quantity> qs;
    for (const std::string& f : c.figures) {
      std::vector<Quantity> found = FindQuantities(f);
      ASSERT_EQ(found.size(), 1u) << f;
      qs.push_back(found[0]);
    }
    std::vector<const Quantity*> ptrs;
    for (const Quantity& q : qs) ptrs.push_back(&q);
    std::vector<std::string> got;
    for (const Interval& i : ListIntervals(ptrs)) got.push_back(i.ToString());
    EXPECT_EQ(got, c.intervals) << c.figures[0];
  }
}

}  // namespace
}  // namespace jixiao::numbers
