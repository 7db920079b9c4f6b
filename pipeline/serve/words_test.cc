// Arithmetic in words on the findings the checks raise on real corpus
// documents (words.h).
#include "pipeline/serve/words.h"

#include <gtest/gtest.h>

#include "pipeline/screen/screen.h"

namespace jixiao::serve {
namespace {

std::vector<Finding> FindingsOf(const std::string& file) {
  std::unique_ptr<Screener> screener;
  EXPECT_TRUE(Screener::Create("", &screener).ok());
  return screener->Screen(std::string(JIXIAO_SOURCE_DIR) + "/" + file, ExtractOptions()).findings;
}

TEST(WordsTest, TargetNotMetReadsAsStated) {
  bool seen = false;
  for (const Finding& f : FindingsOf("corpus/variants/target-not-met.docx")) {
    if (f.code != "TARGET_NOT_MET") continue;
    seen = true;
    // The check writes intervals; the reviewer reads the figures as stated.
    EXPECT_NE(f.arithmetic.find("[95, +inf)"), std::string::npos) << f.arithmetic;
    EXPECT_EQ(ArithmeticInWords(f), "实际90%，未达到目标≥95%");
  }
  EXPECT_TRUE(seen);
}

TEST(WordsTest, ArithmeticWithoutIntervalsIsKept) {
  int checked = 0;
  for (const Finding& f : FindingsOf("corpus/variants/sum-mismatch.docx")) {
    if (f.arithmetic.empty() || f.arithmetic.find('[') != std::string::npos) continue;
    EXPECT_EQ(ArithmeticInWords(f), f.arithmetic);
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(WordsTest, HalfOpenAndRangeIntervals) {
  Finding f;
  f.arithmetic = "实际 (-inf, 3] 未达到 目标 (5, 10)";
  Evidence e;
  e.value = "10";
  e.unit = "个";
  f.evidence.push_back(e);
  // No figure of the evidence lies in either: the bounds are written out,
  // the unit taken from the evidence whose figure is a bound.
  EXPECT_EQ(ArithmeticInWords(f), "实际≤3，未达到目标5～10个");
}

}  // namespace
}  // namespace jixiao::serve
