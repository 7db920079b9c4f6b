// Tests for normalize.h: NFKC of report text with the map back to original
// byte offsets, the ≧/≦ folds and the removal of digit/CJK spaces.
#include "pipeline/numbers/normalize.h"

#include <gtest/gtest.h>

namespace jixiao::numbers {
namespace {

TEST(NormalizeTest, FullWidthForms) {
  struct Case { const char* in; const char* out; };
  const Case cases[] = {
      {"２４万元", "24万元"},
      {"１００％", "100%"},
      {"（二）", "(二)"},
      {"≧60次", "≥60次"},
      {"≦100%", "≤100%"},
      {"＜5", "<5"},
      {"＞5", ">5"},
      {"＝5", "=5"},
      {"８０～９０％", "80~90%"},
      {"２４．５", "24.5"},
      {"１００㎡", "100m2"},
      {"24万元，项目支出0万元", "24万元，项目支出0万元"},  // the Chinese comma stays
      {"ＡＢＣ", "ABC"},
      {"①加强", "①加强"},  // circled numbers stay list labels
      {"⑴加强", "(1)加强"},
      {"plain ascii", "plain ascii"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(NormalizeString(c.in), c.out) << c.in;
}

TEST(NormalizeTest, SpacesBetweenDigitsAndCjk) {
  struct Case { const char* in; const char* out; };
  const Case cases[] = {
      {"≥60 次", "≥60次"},
      {"≥ 60次", "≥60次"},
      {"自评得分 98分", "自评得分98分"},
      {"2024年 12月", "2024年12月"},
      {"60 %", "60%"},
      {"\xe3\x80\x80≥4期", " ≥4期"},   // a leading U+3000 becomes a kept space
      {"聚首湘江城 共话君山情", "聚首湘江城 共话君山情"},  // CJK-CJK kept
      {"1 000", "1 000"},                 // digit-digit kept
      {"24\t万元", "24\t万元"},          // tabs carry table structure
      {"（2） 项目支出情况", "(2) 项目支出情况"},
      {"60\xc2\xa0次", "60次"},           // no-break space
      {"60\xe3\x80\x80次", "60次"},       // ideographic space
  };
  for (const auto& c : cases) EXPECT_EQ(NormalizeString(c.in), c.out) << c.in;
}

TEST(NormalizeTest, InvisibleCharactersDropped) {
  EXPECT_EQ(NormalizeString("2\xe2\x80\x8b" "4万元"), "24万元");  // U+200B
  EXPECT_EQ(NormalizeString("\xef\xbb\xbf" "24"), "24");          // BOM
}

TEST(NormalizeTest, OffsetsPointIntoOriginal) {
  const std::string in = "预算２４万元";
  NormalizedText t = Normalize(in);
  ASSERT_EQ(t.text, "预算24万元");
  ASSERT_EQ(t.orig_begin.size(), t.text.size());
  // "24" is at normalised bytes [6, 8); originally "２４" at [6, 12).
  auto [b, e] = t.ToOriginal(6, 8);
  EXPECT_EQ(b, 6u);
  EXPECT_EQ(e, 12u);
  EXPECT_EQ(in.substr(b, e - b), "２４");
  // "万元" after it.
  auto [b2, e2] = t.ToOriginal(8, t.text.size());
  EXPECT_EQ(in.substr(b2, e2 - b2), "万元");
  // Empty span at the end.
  auto [b3, e3] = t.ToOriginal(t.text.size(), t.text.size());
  EXPECT_EQ(b3, in.size());
  EXPECT_EQ(e3, in.size());
}

TEST(NormalizeTest, OffsetsSurviveSpaceRemoval) {
  const std::string in = "走访≥60　次以上";
  NormalizedText t = Normalize(in);
  ASSERT_EQ(t.text, "走访≥60次以上");
  size_t at = t.text.find("60次");
  auto [b, e] = t.ToOriginal(at, at + std::string("60次").size());
  EXPECT_EQ(in.substr(b, e - b), "60　次");  // the span covers the removed space
}

TEST(NormalizeTest, CombiningSequenceMapsAsOneSegment) {
  const std::string in = "e\xcc\x81" "5";  // e + U+0301 → é
  NormalizedText t = Normalize(in);
  EXPECT_EQ(t.text, "\xc3\xa9" "5");
  auto [b, e] = t.ToOriginal(0, 2);
  EXPECT_EQ(b, 0u);
  EXPECT_EQ(e, 3u);
}

TEST(NormalizeTest, IllFormedUtf8) {
  const std::string in = "24\xff万元";
  NormalizedText t = Normalize(in);
  EXPECT_EQ(t.text, "24\xef\xbf\xbd万元");
  auto [b, e] = t.ToOriginal(2, 5);
  EXPECT_EQ(b, 2u);
  EXPECT_EQ(e, 3u);
}

TEST(NormalizeTest, OptionsCanBeTurnedOff) {
  NormalizeOptions o;
  o.nfkc = false;
  EXPECT_EQ(NormalizeString("２４", o), "２４");
  o = NormalizeOptions();
  o.join_digit_cjk_spaces = false;
  EXPECT_EQ(NormalizeString("60 次", o), "60 次");
  o = NormalizeOptions();
  o.fold_inequalities = false;
  EXPECT_EQ(NormalizeString("≧", o), "≧");
  o = NormalizeOptions();
  o.keep_fullwidth_comma = false;
  EXPECT_EQ(NormalizeString("，", o), ",");
}

}  // namespace
}  // namespace jixiao::numbers
