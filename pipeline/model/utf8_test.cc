// Tests of the text layer: utf8.h, cjk.h, html.h.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/model/cjk.h"
#include "pipeline/model/html.h"
#include "pipeline/model/utf8.h"

namespace jixiao {
namespace {

TEST(Utf8Test, RoundTripAndBadBytes) {
  const std::string text = "a预\u00e9\U0001F600";
  std::string back;
  size_t i = 0;
  std::vector<char32_t> cps;
  while (i < text.size()) cps.push_back(DecodeUtf8(text, &i));
  EXPECT_EQ(cps, (std::vector<char32_t>{U'a', U'预', 0xE9, 0x1F600}));
  for (char32_t c : cps) AppendUtf8(c, &back);
  EXPECT_EQ(back, text);
  // A lone continuation byte, a truncated sequence, a bad continuation.
  for (std::string bad : {std::string("\x80"), std::string("\xe9\xa2"), std::string("\xe9x")}) {
    i = 0;
    EXPECT_EQ(DecodeUtf8(bad, &i), 0xFFFDu);
    EXPECT_EQ(i, 1u);
  }
}

TEST(Utf8Test, CursorGivesEachCodePointWithItsSpan) {
  const std::string text = "24万\xff元";
  std::vector<CodePointSpan> got;
  for (Utf8Cursor c(text); !c.Done();) got.push_back(c.Next());
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(got[0].value, U'2');
  EXPECT_EQ(got[2].value, U'万');
  EXPECT_EQ(got[2].begin, 2u);
  EXPECT_EQ(got[2].end, 5u);
  EXPECT_EQ(got[3].value, 0xFFFDu);  // the invalid byte, one byte long
  EXPECT_EQ(got[3].end - got[3].begin, 1u);
  EXPECT_EQ(got[4].value, U'元');
  EXPECT_EQ(got[4].end, text.size());
  // A cursor may start mid-text.
  Utf8Cursor mid(text, 5);
  EXPECT_EQ(mid.Next().value, 0xFFFDu);
}

TEST(Utf8Test, BoundariesNeverSplitACharacter) {
  const std::string text = "预算24万元";  // 预 [0,3) 算 [3,6) 2 4 万 [8,11) 元 [11,14)
  EXPECT_EQ(Utf8BoundaryBefore(text, 4), 3u);
  EXPECT_EQ(Utf8BoundaryBefore(text, 3), 3u);
  EXPECT_EQ(Utf8BoundaryBefore(text, 100), text.size());
  EXPECT_EQ(Utf8BoundaryAfter(text, 1), 3u);
  EXPECT_EQ(Utf8BoundaryAfter(text, 12), text.size());
  EXPECT_EQ(Utf8Back(text, 8, 3), 3u);
  EXPECT_EQ(Utf8Back(text, 8, 10), 0u);
  EXPECT_EQ(Utf8Forward(text, 0, 2), 6u);
  EXPECT_EQ(Utf8Forward(text, 6, 10), text.size());
  EXPECT_EQ(CountCodePoints(text), 6u);
  EXPECT_EQ(FirstCodePoint(text), U'预');
  EXPECT_EQ(LastCodePoint(text), U'元');
  EXPECT_EQ(LastCharacter(text), "元");
  EXPECT_EQ(FirstCodePoint(""), 0u);
  EXPECT_EQ(LastCodePoint(""), 0u);
  EXPECT_EQ(LastCharacter(""), "");
}

TEST(Utf8Test, WellFormedIsStrict) {
  EXPECT_EQ(WellFormedUtf8Length("预", 0), 3u);
  EXPECT_EQ(WellFormedUtf8Length("a", 0), 1u);
  EXPECT_EQ(WellFormedUtf8Length("\xc0\xaf", 0), 0u);      // overlong '/'
  EXPECT_EQ(WellFormedUtf8Length("\xed\xa0\x80", 0), 0u);  // a surrogate
  EXPECT_EQ(WellFormedUtf8Length("\xf4\x90\x80\x80", 0), 0u);  // beyond U+10FFFF
  EXPECT_EQ(WellFormedUtf8Length("\xe9\xa2", 0), 0u);      // cut short
}

TEST(CjkTest, EachPredicateForItsPurpose) {
  EXPECT_TRUE(IsHanIdeograph(U'预'));
  EXPECT_TRUE(IsHanIdeograph(U'\U00020000'));
  EXPECT_FALSE(IsHanIdeograph(U'〇'));
  EXPECT_TRUE(HasHanIdeograph("98.69%预算"));
  EXPECT_FALSE(HasHanIdeograph("98.69%。"));  // punctuation is not an ideograph
  EXPECT_FALSE(HasHanIdeograph(""));
  EXPECT_FALSE(IsHanIdeograph(U'，'));
  EXPECT_TRUE(IsChineseCharacter(U'〇'));
  EXPECT_TRUE(IsKana(U'の'));
  EXPECT_FALSE(IsKana(U'预'));
  for (char32_t c : std::u32string(U"预，。“”—…·（ａ⽬")) EXPECT_TRUE(JoinsWithoutSpace(c)) << static_cast<int>(c);
  for (char32_t c : std::u32string(U"a1 ,(")) EXPECT_FALSE(JoinsWithoutSpace(c)) << static_cast<int>(c);
  EXPECT_TRUE(NeverStartsLine(U'，'));
  EXPECT_TRUE(NeverStartsLine(U')'));
  EXPECT_FALSE(NeverStartsLine(U'（'));
  EXPECT_TRUE(NeverEndsLine(U'（'));
  EXPECT_TRUE(NeverEndsLine(U'《'));
  EXPECT_FALSE(NeverEndsLine(U'。'));
}

TEST(HtmlTest, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(HtmlEscape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  EXPECT_EQ(HtmlEscape("预算24万元"), "预算24万元");
  EXPECT_EQ(PercentEncode("in/预算 a&b.pdf", true), "in/%E9%A2%84%E7%AE%97%20a%26b.pdf");
  EXPECT_EQ(PercentEncode("in/a~b_c-1.pdf", false), "in%2Fa~b_c-1.pdf");
}

}  // namespace
}  // namespace jixiao
