// ScreenReport: ToJson/FromJson round trip on real reports of the corpus (a
// DOCX, a PDF, one with table facts and findings, a failed one), the typed
// places of table facts, and the status code that travels with a failure.
#include "pipeline/screen/report.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/screen/screen.h"

namespace jixiao {
namespace {

const std::string kDir = std::string(JIXIAO_SOURCE_DIR) + "/corpus/";

ScreenReport Screened(const std::string& rel) {
  ScreenOptions options;
  ScreenResult r = ScreenFile(kDir + rel, options);
  return r.report;
}

void ExpectRoundTrip(const ScreenReport& report) {
  const nlohmann::ordered_json first = ToJson(report);
  // Through text, as the archive and findings.jsonl store it.
  const auto parsed = nlohmann::ordered_json::parse(first.dump());
  ScreenReport back;
  ASSERT_TRUE(FromJson(parsed, &back).ok());
  EXPECT_EQ(ToJson(back).dump(1), first.dump(1));
  EXPECT_EQ(back.counts().total(), report.counts().total());
  EXPECT_EQ(back.status, report.status);
  EXPECT_EQ(back.code, report.code);
}

TEST(ScreenReportTest, RoundTripOfTheSeedDocx) {
  ScreenReport r = Screened("seed/junshan-gsl-2024.docx");
  ASSERT_EQ(r.status, DocumentStatus::kOk);
  ASSERT_FALSE(r.facts.empty());
  ExpectRoundTrip(r);
}

TEST(ScreenReportTest, RoundTripOfEveryVariantWithFindings) {
  int with_findings = 0, table_facts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDir + "variants")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".docx" && ext != ".pdf") continue;
    ScreenReport r = Screened("variants/" + entry.path().filename().string());
    with_findings += !r.findings.empty();
    for (const ReportFact& f : r.facts) table_facts += f.place.in_table();
    ExpectRoundTrip(r);
  }
  EXPECT_GT(with_findings, 0);
  EXPECT_GT(table_facts, 0);
}

TEST(ScreenReportTest, TableFactsHaveTheirCell) {
  ScreenReport r = Screened("seed/junshan-gsl-2024.docx");
  int in_table = 0;
  for (const ReportFact& f : r.facts) {
    if (FactJson(f).value("source", "") != "table") continue;
    ++in_table;
    EXPECT_GE(f.place.block, 0);
    EXPECT_TRUE(f.place.in_table()) << FactJson(f).dump();
  }
  EXPECT_GT(in_table, 0);
}

TEST(ScreenReportTest, AFailureCarriesItsCodeAndAChineseReason) {
  const std::string path = ::testing::TempDir() + "/not-a-report.docx";
  { FILE* f = std::fopen(path.c_str(), "wb"); std::fputs("plain text, not a docx", f); std::fclose(f); }
  ScreenResult res = ScreenFile(path, ScreenOptions());
  const ScreenReport& r = res.report;
  EXPECT_NE(r.status, DocumentStatus::kOk);
  EXPECT_NE(r.code, Status::Code::kOk);
  // A reviewer reads the reason: Chinese, whatever the extractor logged.
  bool cjk = false;
  for (unsigned char c : r.reason) cjk |= c >= 0xE4 && c <= 0xE9;
  EXPECT_TRUE(cjk) << r.reason;
  EXPECT_EQ(ToJson(r).value("status_code", ""), Status::CodeName(r.code));
  ExpectRoundTrip(r);
}

TEST(ScreenReportTest, FromJsonRefusesWhatIsNotAReport) {
  ScreenReport r;
  EXPECT_FALSE(FromJson(nlohmann::ordered_json::array(), &r).ok());
  EXPECT_FALSE(FromJson(nlohmann::ordered_json{{"file", "a"}}, &r).ok());
  auto bad = nlohmann::ordered_json{{"file", "a"}, {"sha256", ""}, {"status", "weird"}, {"findings", nlohmann::ordered_json::array()}};
  EXPECT_FALSE(FromJson(bad, &r).ok());
}

}  // namespace
}  // namespace jixiao
