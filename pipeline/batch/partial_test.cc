// A PDF the time limit cuts short, through the real screener and the batch
// run: kept as partial and checked on the pages read, not failed. Where the
// limit falls depends on the machine, so the cut is made by hand: the seed
// PDF read in full, then only its first pages kept and the Timeout status
// the PDF back-end returns passed with them (Screener::ScreenExtracted).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "extractors/detect/extract_file.h"
#include "pipeline/batch/runner.h"

namespace jixiao::batch {
namespace {

namespace fs = std::filesystem;

const std::string kSeedPdf = std::string(JIXIAO_SOURCE_DIR) + "/corpus/seed/junshan-gsl-2024.pdf";
const char* kReason = "time limit of 1 s reached at page 3 of 9: text of pages 1-2 only";

const Screener& TheScreener() { return *SharedScreener("", nullptr); }

// What ExtractPdf leaves when the limit runs out on page 3.
Document CutAfterPage2(const std::string& path) {
  Document doc;
  EXPECT_TRUE(ExtractFile(path, ExtractOptions{}, &doc).ok());
  std::erase_if(doc.blocks, [](const Block& b) { return b.prov.page > 2; });
  doc.status = DocumentStatus::kPartial;
  doc.status_reason = kReason;
  return doc;
}

bool HasCode(const ScreenResult& r, const std::string& code) {
  for (const Finding& f : r.findings)
    if (f.code == code) return true;
  return false;
}

TEST(TimedOutPdf, IsScreenedOnThePagesRead) {
  Document doc = CutAfterPage2(kSeedPdf);
  ASSERT_FALSE(doc.blocks.empty());
  ScreenResult r = TheScreener().ScreenExtracted(kSeedPdf, doc, Status::Timeout(kReason));
  EXPECT_EQ(r.report["status"], "partial");
  EXPECT_EQ(r.report["status_reason"], kReason);
  EXPECT_EQ(r.doc.blocks.size(), doc.blocks.size());
  EXPECT_FALSE(r.facts.facts.empty());
  EXPECT_TRUE(HasCode(r, "FIGURE_CONFLICT"));  // both figures are on page 1
  // The later sections are on pages not read: their absence is not judged,
  // which it would be for the same text read in full.
  EXPECT_FALSE(HasCode(r, "SECTION_MISSING"));
  EXPECT_TRUE(HasCode(TheScreener().ScreenExtracted(kSeedPdf, doc, Status::Ok()), "SECTION_MISSING"));
}

TEST(TimedOutPdf, WithNothingReadItFails) {
  Document doc = CutAfterPage2(kSeedPdf);
  doc.blocks.clear();
  ScreenResult r = TheScreener().ScreenExtracted(kSeedPdf, doc, Status::Timeout(kReason));
  EXPECT_EQ(r.report["status"], "failed");
  EXPECT_EQ(r.report["status_reason"], kReason);
  EXPECT_TRUE(r.findings.empty());
}

TEST(TimedOutPdf, TheRunKeepsItWithTheReason) {
  fs::path root = fs::temp_directory_path() / ("jixiao_partial_test_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "in");
  fs::copy_file(kSeedPdf, root / "in" / "seed.pdf");
  RunOptions o;
  o.paths = {(root / "in").string()};
  o.out_dir = (root / "out").string();
  o.jobs = 1;
  o.version = JixiaoVersion();  // what the screener stamps on its reports
  o.progress = 0;
  auto screen = [](const std::string& path, const ScreenOptions&) {
    return TheScreener().ScreenExtracted(path, CutAfterPage2(path), Status::Timeout(kReason));
  };
  RunSummary sum;
  ASSERT_TRUE(RunBatch(o, screen, &sum).ok());
  std::vector<ManifestRow> rows;
  ASSERT_TRUE(ReadManifest((root / "out" / "manifest.csv").string(), &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].status, "findings");
  EXPECT_EQ(rows[0].reason, std::string("部分内容未能读取：") + kReason);
  EXPECT_GT(rows[0].errors, 0);
  EXPECT_EQ(sum.failed, 0);
  EXPECT_EQ(sum.exit_code, 1);
  EXPECT_NE(sum.Line().find("1 read in part"), std::string::npos) << sum.Line();
  std::ifstream jsonl(root / "out" / "findings.jsonl");
  std::string line;
  ASSERT_TRUE(std::getline(jsonl, line));
  EXPECT_EQ(nlohmann::ordered_json::parse(line)["status"], "partial");

  // Run again: a partial document is taken over as it is, unless
  // --retry-failed asks for it again (say, with a longer time limit).
  int screened = 0;
  auto count = [&](const std::string& path, const ScreenOptions& so) {
    ++screened;
    return ScreenFile(path, so);
  };
  ASSERT_TRUE(RunBatch(o, count, &sum).ok());
  EXPECT_EQ(screened, 0);
  o.retry_failed = true;
  ASSERT_TRUE(RunBatch(o, count, &sum).ok());
  EXPECT_EQ(screened, 1);
  rows.clear();
  ASSERT_TRUE(ReadManifest((root / "out" / "manifest.csv").string(), &rows).ok());
  EXPECT_EQ(rows[0].reason.find("部分内容未能读取"), std::string::npos) << rows[0].reason;
  fs::remove_all(root);
}

}  // namespace
}  // namespace jixiao::batch
