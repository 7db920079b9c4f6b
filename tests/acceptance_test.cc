// Acceptance of the cross-checks on the corpus (corpus/variants.json): the
// seed's real defects are found, a cleaned seed gives nothing, every planted
// defect is found in its variant and nothing forbidden is flagged, from the
// DOCX and from the PDF of each report.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "pipeline/model/finding_codes.h"
#include "pipeline/screen/screen.h"

namespace jixiao {
namespace {

const std::string kCorpus = std::string(JIXIAO_SOURCE_DIR) + "/corpus/";

const Screener& TheScreener() { return *SharedScreener("", nullptr); }

std::set<std::string> Codes(const Screener::Result& r) {
  std::set<std::string> codes;
  for (const Finding& f : r.findings) codes.insert(f.code);
  return codes;
}

std::vector<const Finding*> WithCode(const Screener::Result& r, const std::string& code) {
  std::vector<const Finding*> out;
  for (const Finding& f : r.findings)
    if (f.code == code) out.push_back(&f);
  return out;
}

// The cases of corpus/variants.json and of every corpus/*/cases.json (same schema).
std::vector<nlohmann::json> AllCases() {
  std::vector<std::string> paths = {kCorpus + "variants.json"};
  std::vector<std::string> more;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "cases.json"))
      more.push_back((entry.path() / "cases.json").string());
  std::sort(more.begin(), more.end());
  paths.insert(paths.end(), more.begin(), more.end());
  std::vector<nlohmann::json> cases;
  for (const std::string& path : paths) {
    std::ifstream in(path);
    const nlohmann::json list = nlohmann::json::parse(in);
    for (const auto& v : list["variants"]) cases.push_back(v);
  }
  return cases;
}

class VariantTest : public ::testing::TestWithParam<std::string> {};

TEST_P(VariantTest, PlantedDefectsFoundAndNothingForbidden) {
  const std::string ext = GetParam();
  int checked = 0;
  for (const nlohmann::json& v : AllCases()) {
    if (v.contains("formats") && std::find(v["formats"].begin(), v["formats"].end(), ext) == v["formats"].end())
      continue;
    const std::string path = kCorpus + v["file"].get<std::string>() + "." + ext;
    Screener::Result r = TheScreener().Screen(path, ExtractOptions{});
    const std::string want_status = v.value("status", "ok");
    ASSERT_EQ(DocumentStatusName(r.doc.status), want_status) << path << ": " << r.doc.status_reason;
    const std::set<std::string> codes = Codes(r);
    for (const auto& code : v["expect"]) EXPECT_TRUE(codes.count(code)) << path << " misses " << code;
    for (const auto& code : v["forbid"]) EXPECT_FALSE(codes.count(code)) << path << " flags " << code;
    // Every finding's code is in the table of codes, with a severity it allows.
    for (const Finding& f : r.findings) {
      const FindingCodeInfo* info = FindFindingCode(f.code);
      ASSERT_NE(info, nullptr) << path << ": unknown code " << f.code;
      EXPECT_TRUE(FindingSeverityAllowed(*info, FindingSeverityName(f.severity)))
          << path << ": " << f.code << " as " << FindingSeverityName(f.severity);
    }
    ++checked;
  }
  EXPECT_GE(checked, 20);
}

INSTANTIATE_TEST_SUITE_P(Corpus, VariantTest, ::testing::Values("docx", "pdf"));

class SeedTest : public ::testing::TestWithParam<std::string> {
 protected:
  Screener::Result Seed() {
    return TheScreener().Screen(kCorpus + "seed/junshan-gsl-2024." + GetParam(), ExtractOptions{});
  }
};

// 基本支出 and 项目支出 contradict each other; each conflict quotes every place.
TEST_P(SeedTest, ExpenditureContradictionQuotesAllPlaces) {
  Screener::Result r = Seed();
  std::map<std::string, const Finding*> by_label;
  for (const Finding* f : WithCode(r, "FIGURE_CONFLICT")) {
    if (f->message.find("“基本支出”") == 0) by_label["basic"] = f;
    if (f->message.find("“项目支出”") == 0) by_label["project"] = f;
  }
  ASSERT_TRUE(by_label.count("basic") && by_label.count("project")) << r.report.dump(1);
  auto quotes = [](const Finding* f) {
    std::string all;
    for (const Evidence& e : f->evidence) all += e.quote + "|" + e.value + "|" + e.place + "\n";
    return all;
  };
  const std::string basic = quotes(by_label["basic"]);
  EXPECT_NE(basic.find("预算资金24万元（基本支出24万元"), std::string::npos) << basic;
  EXPECT_NE(basic.find("本单位2024年度基本支出0万元"), std::string::npos) << basic;
  EXPECT_NE(basic.find("其中：基本支出：0"), std::string::npos) << basic;
  const std::string project = quotes(by_label["project"]);
  EXPECT_NE(project.find("项目支出全年预算24万元"), std::string::npos) << project;
  EXPECT_NE(project.find("项目支出：24"), std::string::npos) << project;
  EXPECT_NE(project.find("表1"), std::string::npos) << project;  // 附件1 项目支出 24
  EXPECT_GE(by_label["project"]->evidence.size(), 5u);
  EXPECT_EQ(WithCode(r, "FIGURE_CONFLICT").size(), 2u) << "80余次 / 62个 / 4期 agree with the table";
}

TEST_P(SeedTest, RateOverZeroBase) {
  Screener::Result r = Seed();
  auto found = WithCode(r, "RATE_ZERO_BASE");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0]->evidence[0].quote.find("为年初预算的100%"), std::string::npos);
  EXPECT_EQ(found[0]->evidence[0].value, "100");
  EXPECT_TRUE(WithCode(r, "RATE_MISMATCH").empty()) << "24 ÷ 24 = 100% holds";
}

TEST_P(SeedTest, NumberingBreaks) {
  Screener::Result r = Seed();
  std::vector<std::string> messages;
  for (const Finding* f : WithCode(r, "NUMBERING_BROKEN")) messages.push_back(f->message);
  const std::vector<std::string> expected = {
      "一级标题编号从“三、”开始，缺少“一、”“二、”；以下标题没有编号：“部门（单位）基本情况”、“一般公共预算支出情况”",
      "编号从“（二）”开始，缺少“（一）”",
      "同一级编号样式不一致：“（一）”之后是“（2）”，应为“（二）”",
      "同一级编号样式不一致：“（1）”之后是“（二）”，应为“（2）”",
      "同一级编号样式不一致：“（二）”之后是“（3）”，应为“（三）”",
      "同一级编号样式不一致：“（一）”之后是“（2）”，应为“（二）”",
  };
  std::multiset<std::string> got(messages.begin(), messages.end()), want(expected.begin(), expected.end());
  EXPECT_EQ(got, want);
}

TEST_P(SeedTest, AttachmentsAndWording) {
  Screener::Result r = Seed();
  std::string missing;
  for (const Finding* f : WithCode(r, "ATTACHMENT_MISSING")) missing += f->message + "\n";
  EXPECT_NE(missing.find("附件3"), std::string::npos) << missing;
  EXPECT_NE(missing.find("附件4"), std::string::npos) << missing;
  EXPECT_EQ(WithCode(r, "ATTACHMENT_MISSING").size(), 2u);
  std::string text;
  for (const Finding* f : WithCode(r, "TEXT_SUSPECT")) text += f->message + "\n";
  for (const char* word : {"意识意识", "特神", "广洲"}) EXPECT_NE(text.find(word), std::string::npos) << word;
  auto units = WithCode(r, "UNIT_SUSPECT");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_NE(units[0]->message.find("≥50各"), std::string::npos);
}

TEST_P(SeedTest, WhatHoldsIsNotFlagged) {
  Screener::Result r = Seed();
  for (const char* code : {"SCORE_TOTAL_MISMATCH", "SCORE_OVER_WEIGHT", "WEIGHT_MISMATCH", "GRADE_MISMATCH",
                           "TARGET_NOT_MET", "DEVIATION_UNEXPLAINED", "RATE_MISMATCH", "SUM_MISMATCH", "SECTION_MISSING"})
    EXPECT_TRUE(WithCode(r, code).empty()) << code;
  EXPECT_EQ(r.report["figures"]["self_score"], "98");
  EXPECT_EQ(r.report["figures"]["grade"], "优");
  EXPECT_EQ(r.report["unit"], "君山区工商业联合会");
  EXPECT_EQ(r.report["year"], 2024);
}

INSTANTIATE_TEST_SUITE_P(Corpus, SeedTest, ::testing::Values("docx", "pdf"));

}  // namespace
}  // namespace jixiao
