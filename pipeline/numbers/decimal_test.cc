// Tests for decimal.h: parsing as written, exact arithmetic, rounding,
// comparison and formatting.
#include "pipeline/numbers/decimal.h"

#include <gtest/gtest.h>

namespace jixiao::numbers {
namespace {

Decimal D(const char* s) {
  auto d = Decimal::Parse(s, true);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Decimal::Invalid());
}

TEST(DecimalTest, ParseKeepsWrittenDecimals) {
  struct Case { const char* in; const char* as_written; int decimals; };
  const Case cases[] = {
      {"24", "24", 0},          {"7189.8", "7189.8", 1}, {"861.46", "861.46", 2},
      {"24.50", "24.50", 2},    {"0", "0", 0},           {"0.05", "0.05", 2},
      {"-3.4", "-3.4", 1},      {"+12", "12", 0},        {"1,234.56", "1234.56", 2},
      {"240000", "240000", 0},  {"100", "100", 0},       {"000.5", "0.5", 1},
  };
  for (const auto& c : cases) {
    Decimal d = D(c.in);
    EXPECT_EQ(d.ToStringAsWritten(), c.as_written) << c.in;
    EXPECT_EQ(d.decimals(), c.decimals) << c.in;
  }
}

TEST(DecimalTest, ParseRejects) {
  for (const char* s : {"", "-", ".5", "12.", "1.2.3", "1,23", "12,345,67", "1,2345", "abc", "1e5",
                        "12 3", "1234567890123456789012345678901234567"}) {
    EXPECT_FALSE(Decimal::Parse(s, true).has_value()) << s;
  }
  EXPECT_FALSE(Decimal::Parse("1,234").has_value());  // grouping not allowed by default
  EXPECT_TRUE(Decimal::Parse("1,234", true).has_value());
}

TEST(DecimalTest, ExactSums) {
  // The classic binary floating point failure stays exact.
  EXPECT_EQ((D("0.1") + D("0.2")).ToString(), "0.3");
  EXPECT_EQ((D("861.46") + D("0")).ToString(), "861.46");
  EXPECT_EQ((D("861.46") - D("861.45")).ToString(), "0.01");
  EXPECT_EQ((D("24") + D("0")).ToString(), "24");
  EXPECT_EQ((D("7189.8") * D("10000")).ToString(), "71898000");
  EXPECT_EQ((D("1.5") * D("1.5")).ToString(), "2.25");
  EXPECT_EQ((-D("3.4")).ToString(), "-3.4");
  EXPECT_EQ(D("-3.4").Abs().ToString(), "3.4");
}

TEST(DecimalTest, PowersOfTen) {
  EXPECT_EQ(D("24").MulPow10(4).ToString(), "240000");
  EXPECT_EQ(D("3.4").MulPow10(8).ToString(), "340000000");
  EXPECT_EQ(D("7189.8").MulPow10(4).ToString(), "71898000");
  EXPECT_EQ(D("861.46").MulPow10(4).ToString(), "8614600");
  EXPECT_EQ(D("240000").MulPow10(-4).ToString(), "24");
  EXPECT_EQ(D("5").MulPow10(-1).ToString(), "0.5");
  EXPECT_EQ(D("24").MulPow10(4), D("240000"));
  EXPECT_EQ(D("5").MulPow10(-35).ok(), false);
}

TEST(DecimalTest, DivideForRates) {
  // 执行率 = 24 ÷ 24 × 100
  Decimal rate = D("24").Divide(D("24"), 4) * D("100");
  EXPECT_EQ(rate, D("100"));
  EXPECT_EQ(rate.ToString(), "100");
  EXPECT_EQ(D("2").Divide(D("3"), 4).ToStringAsWritten(), "0.6667");
  EXPECT_EQ(D("1").Divide(D("3"), 2).ToStringAsWritten(), "0.33");
  EXPECT_EQ(D("-2").Divide(D("3"), 2).ToStringAsWritten(), "-0.67");
  EXPECT_EQ(D("7189.8").Divide(D("0.5"), 0).ToString(), "14380");
  EXPECT_EQ(D("1").Divide(D("8"), 2, Rounding::kHalfEven).ToStringAsWritten(), "0.12");
  EXPECT_EQ(D("1").Divide(D("8"), 2, Rounding::kHalfUp).ToStringAsWritten(), "0.13");
  EXPECT_EQ(D("1").Divide(D("8"), 2, Rounding::kDown).ToStringAsWritten(), "0.12");
  EXPECT_FALSE(D("0").Divide(D("0"), 2).ok());  // a rate over a zero base
  EXPECT_FALSE(D("24").Divide(D("0"), 2).ok());
}

TEST(DecimalTest, Rounding) {
  EXPECT_EQ(D("2.345").Round(2).ToStringAsWritten(), "2.35");
  EXPECT_EQ(D("2.345").Round(2, Rounding::kHalfEven).ToStringAsWritten(), "2.34");
  EXPECT_EQ(D("-2.345").Round(2).ToStringAsWritten(), "-2.35");
  EXPECT_EQ(D("2.3").Round(2).ToStringAsWritten(), "2.3");  // no invented digits
  EXPECT_EQ(D("2.3").Rescale(3).ToStringAsWritten(), "2.300");
  EXPECT_EQ(D("99.95").Round(1).ToStringAsWritten(), "100.0");
  EXPECT_EQ(D("24.500").Normalized().ToStringAsWritten(), "24.5");
}

TEST(DecimalTest, CompareIgnoresScale) {
  EXPECT_EQ(D("24"), D("24.00"));
  EXPECT_FALSE(D("24").Identical(D("24.00")));
  EXPECT_TRUE(D("24").Identical(D("24")));
  EXPECT_LT(D("7189.8"), D("7189.81"));
  EXPECT_GT(D("0.1"), D("-5"));
  EXPECT_LT(D("-5.5"), D("-5"));
  Decimal bad = Decimal::Invalid();
  EXPECT_FALSE(bad == bad);
  EXPECT_FALSE(bad < D("1"));
  EXPECT_FALSE(bad > D("1"));
  EXPECT_FALSE((bad + D("1")).ok());
  EXPECT_EQ(bad.ToString(), "invalid");
}

TEST(DecimalTest, ToleranceHelpers) {
  EXPECT_EQ(D("24").HalfUnitOfLastDigit().ToString(), "0.5");
  EXPECT_EQ(D("7189.8").HalfUnitOfLastDigit().ToString(), "0.05");
  EXPECT_EQ(D("861.46").HalfUnitOfLastDigit().ToString(), "0.005");
  EXPECT_EQ(D("80").TrailingZeros(), 1);
  EXPECT_EQ(D("400").TrailingZeros(), 2);
  EXPECT_EQ(D("208").TrailingZeros(), 0);
  EXPECT_EQ(D("0").TrailingZeros(), 0);
  EXPECT_EQ(D("80.5").TrailingZeros(), 0);
  EXPECT_TRUE(D("24.00").is_integer());
  EXPECT_FALSE(D("24.01").is_integer());
  EXPECT_EQ(D("24.00").ToInt64(), 24);
  EXPECT_FALSE(D("24.5").ToInt64().has_value());
}

TEST(DecimalTest, CompareAcrossExtremeScales) {
  // Aligning these would overflow 128 bits; the comparison must still be right.
  Decimal big = D("12345678901234567890");
  Decimal tiny = Decimal::FromUnscaled(1, 30);  // 1e-30
  Decimal big_tiny = big + Decimal::FromUnscaled(0, 0);
  EXPECT_GT(big, tiny);
  EXPECT_LT(tiny, big);
  EXPECT_EQ(big, big_tiny);
  Decimal a = D("12345678901234567890.5");
  Decimal b = Decimal::FromUnscaled(5, 30);
  EXPECT_GT(a, b);
  Decimal c = D("0.000000000000000000000000000002");  // 2e-30
  Decimal d = D("99999999999999999999.5");
  EXPECT_LT(c, d);
  EXPECT_GT(-c, -d);
  EXPECT_LT(Decimal::FromUnscaled(1, 30), Decimal::FromUnscaled(2, 30));
}

TEST(DecimalTest, Overflow) {
  Decimal big = D("99999999999999999999999999999999999");  // 35 digits
  EXPECT_TRUE(big.ok());
  EXPECT_FALSE((big * big).ok());
  EXPECT_FALSE(big.MulPow10(10).ok());
  EXPECT_TRUE((big + big).ok());
}

}  // namespace
}  // namespace jixiao::numbers
