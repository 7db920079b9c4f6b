// End-to-end tests of `jixiao search` over a run folder: a 2-character
// Chinese query, a phrase, a Latin word, an amount written differently from
// the query, the filters (--unit, --year, --code), --limit, JSON output and
// exit codes (0 hits, 1 none, 2 error).
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/e2e/e2e_util.h"

namespace jixiao::e2e {
namespace {

class SearchE2e : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new Scratch("search");
    std::string in = *tmp_ / "in";
    std::string seed = Corpus("seed/junshan-gsl-2024.docx");
    if (!seed.empty()) CopyFile(seed, in + "/junshan.docx");
    MakeDocx(in + "/caizheng.docx", {"2023年度某某区财政局整体支出绩效自评报告",
                                     "本年度预算资金240000元，用于Budget performance evaluation工作。",
                                     "开展绩效评价沙盘推演班3期。"});
    MakeDocx(in + "/jiaoyu.docx", {"2024年度某某县教育局整体支出绩效自评报告", "全年预算执行率为98.5%，校舍维修满意度较高。"});
    std::string out;
    RunJixiao({"run", in, "--out", *tmp_ / "out"}, &out);
    has_seed_ = !seed.empty();
  }
  static void TearDownTestSuite() { delete tmp_; }

  // Files (base names) of the hits of a JSON search; *rc gets the exit code.
  static std::vector<std::string> Hits(std::vector<std::string> extra, int* rc = nullptr, nlohmann::json* json = nullptr) {
    std::vector<std::string> args = {"search", *tmp_ / "out"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("--format");
    args.push_back("json");
    std::string out;
    int code = RunJixiao(args, &out);
    if (rc) *rc = code;
    std::vector<std::string> files;
    auto j = nlohmann::json::parse(out, nullptr, false);
    if (j.is_discarded()) {
      ADD_FAILURE() << out;
      return files;
    }
    for (auto& h : j["hits"]) {
      std::string f = h["file"];
      files.push_back(f.substr(f.rfind('/') + 1));
    }
    std::sort(files.begin(), files.end());
    if (json) *json = j;
    return files;
  }
  static Scratch* tmp_;
  static bool has_seed_;
};
Scratch* SearchE2e::tmp_ = nullptr;
bool SearchE2e::has_seed_ = false;

using V = std::vector<std::string>;

TEST_F(SearchE2e, TwoCharacterChineseWord) {
  EXPECT_EQ(Hits({"沙盘"}), V{"caizheng.docx"});
  EXPECT_EQ(Hits({"校舍"}), V{"jiaoyu.docx"});
  if (has_seed_) {
    EXPECT_EQ(Hits({"沙龙"}), V{"junshan.docx"});
  }
}

TEST_F(SearchE2e, PhraseAndLatinWord) {
  EXPECT_EQ(Hits({"绩效评价沙盘推演班"}), V{"caizheng.docx"});
  EXPECT_EQ(Hits({"评价沙盘推演班4期"}), V{});
  EXPECT_EQ(Hits({"performance"}), V{"caizheng.docx"});
  if (has_seed_) {
    EXPECT_EQ(Hits({"走访企业80余次"}), V{"junshan.docx"});
  }
}

TEST_F(SearchE2e, FigureWrittenAnotherWay) {
  // caizheng states 240000元; the seed states 24万元.
  V expected = has_seed_ ? V{"caizheng.docx", "junshan.docx"} : V{"caizheng.docx"};
  EXPECT_EQ(Hits({"24万元"}), expected);
  EXPECT_EQ(Hits({"240000元"}), expected);
  EXPECT_EQ(Hits({"２４万元"}), expected);
  nlohmann::json j;
  Hits({"24万元", "--unit", "财政局"}, nullptr, &j);
  ASSERT_EQ(j["hits"].size(), 1u);
  EXPECT_EQ(j["mode"], "amount");
  std::string snippet = j["hits"][0]["places"][0]["snippet"];
  EXPECT_NE(snippet.find("【240000元】"), std::string::npos) << snippet;
  EXPECT_EQ(j["hits"][0]["places"][0]["place"], "正文第2段");
}

TEST_F(SearchE2e, Filters) {
  EXPECT_EQ(Hits({"预算", "--year", "2023"}), V{"caizheng.docx"});
  V y2024 = has_seed_ ? V{"jiaoyu.docx", "junshan.docx"} : V{"jiaoyu.docx"};
  EXPECT_EQ(Hits({"预算", "--year", "2024"}), y2024);
  EXPECT_EQ(Hits({"预算", "--unit", "教育局"}), V{"jiaoyu.docx"});
  int rc = 0;
  EXPECT_EQ(Hits({"预算", "--code", "NO_SUCH_CODE"}, &rc), V{});
  EXPECT_EQ(rc, 1);
  EXPECT_EQ(Hits({"预算", "--limit", "1"}).size(), 1u);
}

TEST_F(SearchE2e, PlacesAreNamedAsInFindings) {
  if (!has_seed_) GTEST_SKIP() << "seed DOCX not in corpus/";
  // The seed's TEXT_SUSPECT finding quotes "意识意识"; searching it must name
  // the same paragraph.
  std::string expected;
  std::string line;
  std::ifstream in(*tmp_ / "out/findings.jsonl");
  while (expected.empty() && std::getline(in, line)) {
    auto report = nlohmann::json::parse(line, nullptr, false);
    if (report.is_discarded() || !report.contains("findings")) continue;
    for (auto& f : report["findings"])
      for (auto& e : f["evidence"])
        if (e.value("quote", "").find("意识意识") != std::string::npos) expected = e.value("place", "");
  }
  ASSERT_FALSE(expected.empty()) << "no finding quotes 意识意识";
  nlohmann::json j;
  EXPECT_EQ(Hits({"意识意识"}, nullptr, &j), V{"junshan.docx"});
  ASSERT_FALSE(j["hits"][0]["places"].empty());
  EXPECT_EQ(j["hits"][0]["places"][0]["place"], expected);
}

TEST_F(SearchE2e, TextOutputAndErrors) {
  std::string out;
  EXPECT_EQ(RunJixiao({"search", *tmp_ / "out/archive.sqlite", "沙盘"}, &out), 0);
  EXPECT_NE(out.find("【沙盘】"), std::string::npos) << out;
  EXPECT_NE(out.find("某某区财政局"), std::string::npos) << out;
  // One character: found by a scan, which the text output says.
  EXPECT_EQ(RunJixiao({"search", *tmp_ / "out", "盘"}, &out), 0);
  EXPECT_NE(out.find("单字查询"), std::string::npos) << out;
  EXPECT_NE(out.find("【盘】"), std::string::npos) << out;
  EXPECT_EQ(RunJixiao({"search", *tmp_ / "out", "没有这个词"}, &out), 1);
  EXPECT_EQ(RunJixiao({"search", *tmp_ / "out", "，。"}, &out), 2);
  EXPECT_EQ(RunJixiao({"search", *tmp_ / "in", "预算"}, &out), 2);  // no archive there
}

}  // namespace
}  // namespace jixiao::e2e
