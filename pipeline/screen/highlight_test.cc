// The figure of a piece of evidence marked in its quote: figures as the
// number scanner reads them, and every valued evidence of the corpus
// variants found in its quote.
#include "pipeline/screen/highlight.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/screen/screen.h"

namespace jixiao {
namespace {

std::string Marked(const std::string& quote, const std::string& value, const std::string& unit = "") {
  std::optional<HighlightSpan> s = FindFigure(quote, value, unit);
  return s ? quote.substr(s->begin, s->end - s->begin) : "<none>";
}

TEST(HighlightTest, TheFigureWithItsUnitAndQualifier) {
  EXPECT_EQ(Marked("实际完成48个，目标为≥50个", "48", "个"), "48个");
  EXPECT_EQ(Marked("实际完成48个，目标为≥50个", "50", "个"), "≥50个");
  EXPECT_EQ(Marked("项目预算24万元，实际支出0万元", "24", "万元"), "24万元");
  EXPECT_EQ(Marked("预算资金为二十四万元", "24", "万元"), "二十四万元");
  EXPECT_EQ(Marked("合计1,234.50万元", "1234.5", "万元"), "1,234.50万元");
  // The one in the named unit is preferred: 24 次 rather than 24 万元.
  EXPECT_EQ(Marked("投入24万元，开展24次培训", "24", "次"), "24次");
  EXPECT_EQ(Marked("投入24万元，开展24次培训", "24"), "24万元");
  EXPECT_EQ(Marked("无数字", "24"), "<none>");
  EXPECT_EQ(Marked("有24", ""), "<none>");
}

TEST(HighlightTest, HtmlIsEscapedAroundTheMark) {
  EXPECT_EQ(HighlightHtml("<b>完成率为96%</b>", "96", "%"), "&lt;b&gt;完成率为<mark>96%</mark>&lt;/b&gt;");
  EXPECT_EQ(HighlightHtml("a<b", "7"), "a&lt;b");
}

// Every piece of evidence with a figure that the checks raise on the corpus
// variants: its figure is found in its quote.
TEST(HighlightTest, FindsTheFigureOfEveryValuedQuoteOfTheVariants) {
  int valued = 0, found = 0;
  std::string missed;
  const std::string dir = std::string(JIXIAO_SOURCE_DIR) + "/corpus/variants";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".docx" && ext != ".pdf") continue;
    ScreenResult r = ScreenFile(entry.path().string(), ScreenOptions());
    for (const Finding& f : r.report.findings)
      for (const Evidence& e : f.evidence) {
        if (e.value.empty()) continue;
        ++valued;
        if (FindFigure(e.quote, e.value, e.unit)) ++found;
        else missed += "\n" + f.code + " " + e.value + e.unit + " in " + e.quote;
      }
  }
  EXPECT_GT(valued, 20);
  EXPECT_GE(found * 100, valued * 98) << found << " of " << valued << missed;
}

}  // namespace
}  // namespace jixiao
