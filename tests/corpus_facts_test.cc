// The facts of the seed, asserted, and equal from its DOCX and its PDF; the
// rewrites of the cleaned seed give the same values as the cleaned seed.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "pipeline/screen/screen.h"

namespace jixiao {
namespace {

const std::string kCorpus = std::string(JIXIAO_SOURCE_DIR) + "/corpus/";

Screener::Result ScreenCorpus(const std::string& name) {
  return SharedScreener("", nullptr)->Screen(kCorpus + name, ExtractOptions{});
}

// "concept/period/year=canonical" for facts with a concept, and
// "count:unit=canonical" for counts named by their clause.
std::multiset<std::string> Values(const FactSet& set) {
  std::multiset<std::string> out;
  for (const Fact& f : set.facts) {
    if (f.concept_id == "grade") {
      out.insert("grade=" + f.grade);
    } else if (f.concept_id.empty()) {
      out.insert("count:" + f.q.canonical_unit + "=" + f.q.canonical.ToString());
    } else {
      out.insert(f.concept_id + "/" + f.period + "/" + std::to_string(f.year) + "=" + f.q.canonical.ToString() +
                 f.q.canonical_unit);
    }
  }
  return out;
}

std::vector<std::string> Indicators(const FactSet& set) {
  std::vector<std::string> out;
  for (const IndicatorRecord& r : set.indicators)
    out.push_back(r.level1 + "|" + r.level2 + "|" + r.level3 + "|" + (r.weight ? r.weight->ToString() : "") + "|" +
                  (r.score ? r.score->ToString() : ""));
  return out;
}

TEST(CorpusFactsTest, SeedFactsAsListed) {
  const FactSet facts = ScreenCorpus("seed/junshan-gsl-2024.docx").facts;
  const std::multiset<std::string> v = Values(facts);
  for (const char* expected : {
           "total/budget/2024=240000元", "basic/budget/2024=240000元", "project/budget/2024=0元",
           "total/executed/2024=240000元", "basic/executed/2024=240000元", "project/executed/2024=0元",
           "basic//2024=0元", "project/full/2024=240000元", "rate_execution//2024=100%",
           "three_public/initial/2024=0元", "three_public/executed/2024=0元", "self_score//2024=98分",
           "grade=优", "count:次=80", "count:期=4", "count:个=62",
           // 附件1: 项目支出 2023 决算 0, 2024 预算 24, 2024 决算 24
           "project/executed/2023=0元", "project/budget/2024=240000元", "project/executed/2024=240000元",
           // 附件2: the budget block and "其中：基本支出：0"
           "total/initial/2024=240000元", "total/full/2024=240000元", "src_general//2024=240000元",
           "basic//2024=0元", "project//2024=240000元"}) {
    EXPECT_TRUE(v.count(expected)) << expected;
  }
  ASSERT_EQ(facts.indicators.size(), 12u);
  EXPECT_EQ(facts.indicators[0].level3, "全年共走访企业");
  EXPECT_EQ(facts.indicators[0].level1_weight->ToString(), "50");
  EXPECT_EQ(facts.indicators[9].level3, "水电节约");
  EXPECT_EQ(facts.indicators[9].score->ToString(), "8");
  EXPECT_EQ(facts.indicators[9].note, "受职能以外多重因素影响");
  ASSERT_TRUE(facts.execution && facts.total);
  EXPECT_EQ(facts.execution->weight->ToString(), "10");
  EXPECT_EQ(facts.execution->rate->ToString(), "100");
  EXPECT_EQ(facts.execution->score->ToString(), "10");
  EXPECT_EQ(facts.total->weight->ToString(), "100");
  EXPECT_EQ(facts.total->score->ToString(), "98");
}

TEST(CorpusFactsTest, DocxAndPdfGiveTheSameFacts) {
  for (const char* name : {"seed/junshan-gsl-2024", "variants/clean", "variants/sum-mismatch"}) {
    const FactSet docx = ScreenCorpus(std::string(name) + ".docx").facts;
    const FactSet pdf = ScreenCorpus(std::string(name) + ".pdf").facts;
    EXPECT_EQ(Values(docx), Values(pdf)) << name;
    EXPECT_EQ(Indicators(docx), Indicators(pdf)) << name;
  }
}

TEST(CorpusFactsTest, RewritesGiveEqualValues) {
  const std::multiset<std::string> clean = Values(ScreenCorpus("variants/clean.docx").facts);
  for (const char* name : {"ok-yuan-amount", "ok-chinese-numeral-qi", "ok-fullwidth-digits", "ok-reordered",
                           "ok-chinese-numeral-ershi"}) {
    for (const char* ext : {".docx", ".pdf"}) {
      const std::multiset<std::string> rewrite = Values(ScreenCorpus(std::string("variants/") + name + ext).facts);
      EXPECT_EQ(rewrite, clean) << name << ext;
    }
  }
}

}  // namespace
}  // namespace jixiao
