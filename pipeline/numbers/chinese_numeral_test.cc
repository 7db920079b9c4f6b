// Tests for chinese_numeral.h: Chinese, financial and mixed numerals.
#include "pipeline/numbers/chinese_numeral.h"

#include <gtest/gtest.h>

namespace jixiao::numbers {
namespace {

struct Case {
  const char* in;
  const char* value;        // full value
  const char* significand;  // value in the unit written
  int multiplier_exponent;
  size_t length;            // bytes consumed; 0 = whole input
  bool approximate;
};

TEST(ChineseNumeralTest, Table) {
  const Case cases[] = {
      {"一", "1", "1", 0, 0, false},
      {"十", "10", "10", 0, 0, false},
      {"十二", "12", "12", 0, 0, false},
      {"二十", "20", "20", 0, 0, false},
      {"二十四", "24", "24", 0, 0, false},
      {"一百零五", "105", "105", 0, 0, false},
      {"一千零十", "1010", "1010", 0, 0, false},
      {"一百一十", "110", "110", 0, 0, false},
      {"两千", "2000", "2", 3, 0, false},
      {"一千二百万", "12000000", "1200", 4, 0, false},
      {"三亿五千万", "350000000", "35000", 4, 0, false},
      {"一万亿", "1000000000000", "1", 12, 0, false},
      {"二十四万", "240000", "24", 4, 0, false},
      {"一万二", "12000", "12000", 0, 0, false},
      {"三千五", "3500", "3500", 0, 0, false},
      {"一百二", "120", "120", 0, 0, false},
      {"二〇二四", "2024", "2024", 0, 0, false},
      {"三点五", "3.5", "3.5", 0, 0, false},
      {"三点五亿", "350000000", "3.5", 8, 0, false},
      {"零", "0", "0", 0, 0, false},
      {"贰拾肆万", "240000", "24", 4, 0, false},
      {"壹佰零伍", "105", "105", 0, 0, false},
      {"玖仟捌佰", "9800", "9800", 0, 0, false},
      {"廿五", "25", "25", 0, 0, false},
      {"3.4亿", "340000000", "3.4", 8, 0, false},
      {"3.40亿", "340000000", "3.40", 8, 0, false},
      {"1千2百万", "12000000", "1200", 4, 0, false},
      {"1.5万", "15000", "1.5", 4, 0, false},
      {"24万", "240000", "24", 4, 0, false},
      {"7189.8万", "71898000", "7189.8", 4, 0, false},
      {"0万", "0", "0", 4, 0, false},
      {"24", "24", "24", 0, 0, false},
      {"1,234.5", "1234.5", "1234.5", 0, 0, false},
      {"二十余", "20", "20", 0, 0, true},
      {"80余", "80", "80", 0, 0, true},
      {"50多", "50", "50", 0, 0, true},
      {"十几", "10", "10", 0, 0, true},
      {"208万余", "2080000", "208", 4, 0, true},
      {"20余万", "200000", "20", 4, 0, true},
      {"三十多万", "300000", "30", 4, 0, true},
      // Stops where the numeral ends.
      {"24万元", "240000", "24", 4, 5, false},
      {"二十余家", "20", "20", 0, 9, true},
      {"四期", "4", "4", 0, 3, false},
      {"二十届", "20", "20", 0, 6, false},
      {"一百零", "100", "100", 0, 6, false},
      {"24，300", "24", "24", 0, 2, false},
      {"十四五", "14", "14", 0, 6, false},
      {"1.5百分点", "1.5", "1.5", 0, 3, false},
      {"五千分之一", "5", "5", 0, 3, false},
  };
  for (const auto& c : cases) {
    auto m = MatchNumeral(c.in);
    ASSERT_TRUE(m.has_value()) << c.in;
    EXPECT_EQ(m->value.ToString(), c.value) << c.in;
    EXPECT_EQ(m->significand.ToStringAsWritten(), c.significand) << c.in;
    EXPECT_EQ(m->multiplier_exponent, c.multiplier_exponent) << c.in;
    EXPECT_EQ(m->length, c.length == 0 ? std::string(c.in).size() : c.length) << c.in;
    EXPECT_EQ(m->approximate, c.approximate) << c.in;
  }
}

TEST(ChineseNumeralTest, NotNumerals) {
  for (const char* s : {"万企兴万村", "百企联百村", "千方百计", "万", "亿元", "元", "", "abc", "多个", "余额"}) {
    EXPECT_FALSE(MatchNumeral(s).has_value()) << s;
  }
}

TEST(ChineseNumeralTest, Flags) {
  auto m = MatchNumeral("贰拾");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->financial);
  EXPECT_TRUE(m->has_chinese);
  EXPECT_FALSE(m->has_arabic);
  m = MatchNumeral("3.4亿");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->has_arabic);
  EXPECT_TRUE(m->has_chinese);
  m = MatchNumeral("80余");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->approx_word, "余");
  NumeralOptions no_arabic;
  no_arabic.allow_arabic = false;
  EXPECT_FALSE(MatchNumeral("24", no_arabic).has_value());
  NumeralOptions no_approx;
  no_approx.allow_approximate = false;
  m = MatchNumeral("80余", no_approx);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, 2u);
}

TEST(ChineseNumeralTest, WholeString) {
  EXPECT_EQ(ParseChineseNumeral("一千二百万"), Decimal::FromInt(12000000));
  EXPECT_EQ(ParseChineseNumeral("二十余"), Decimal::FromInt(20));
  EXPECT_FALSE(ParseChineseNumeral("二十家").has_value());
  EXPECT_EQ(ChineseDigitValue(U'两'), 2);
  EXPECT_EQ(ChineseDigitValue(U'〇'), 0);
  EXPECT_EQ(ChineseDigitValue(U'玖'), 9);
  EXPECT_EQ(ChineseDigitValue(U'十'), -1);
}

}  // namespace
}  // namespace jixiao::numbers
