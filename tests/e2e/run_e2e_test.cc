// End-to-end tests of `jixiao run` and `jixiao merge` with the real binary:
// a folder of good (seed DOCX/PDF, tiny DOCX), broken (truncated DOCX and
// PDF), duplicate and unsupported files gives a complete manifest, right
// counts and exit code, CSVs with a BOM, an XLSX workbook with both sheets and
// a self-contained HTML page; a run killed with SIGKILL and run again redoes
// nothing that was finished and ends with every input in the manifest;
// shards merged equal one run.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "pipeline/batch/csv.h"
#include "pipeline/batch/manifest.h"
#include "tests/e2e/e2e_util.h"

namespace jixiao::e2e {
namespace {

namespace fs = std::filesystem;
using batch::ManifestRow;

std::map<std::string, ManifestRow> Manifest(const std::string& dir) {
  std::vector<ManifestRow> rows;
  Status s = batch::ReadManifest(dir + "/manifest.csv", &rows);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::map<std::string, ManifestRow> m;
  for (auto& r : rows) {
    EXPECT_EQ(m.count(fs::path(r.file).filename().string()), 0u) << r.file;
    m[fs::path(r.file).filename().string()] = r;
  }
  return m;
}

int ExpectedExit(const std::map<std::string, ManifestRow>& m) {
  bool findings = false;
  for (auto& [n, r] : m) {
    if (r.status == Outcome::kFailed || r.status == Outcome::kPending) return 2;
    findings |= r.status == Outcome::kFindings;
  }
  return findings ? 1 : 0;
}

int64_t ArchivedCount(const std::string& db_path) {
  sqlite3* db = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 2000);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

class RunE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_docx_ = Corpus("seed/junshan-gsl-2024.docx");
    seed_pdf_ = Corpus("seed/junshan-gsl-2024.pdf");
    if (seed_docx_.empty() || seed_pdf_.empty()) GTEST_SKIP() << "corpus/seed not generated yet";
  }
  std::string seed_docx_, seed_pdf_;
};

TEST_F(RunE2e, MixedFolderGivesCompleteManifestAndReports) {
  Scratch tmp("mixed");
  std::string in = tmp / "in";
  CopyFile(seed_docx_, in + "/a-seed.docx");
  CopyFile(seed_pdf_, in + "/b-seed.pdf");
  CopyFile(seed_docx_, in + "/sub/c-copy.docx");  // duplicate
  MakeDocx(in + "/d-tiny.docx", {"2023年度某某区财政局整体支出绩效自评报告", "预算资金240000元，执行率100%。"});
  std::string docx = ReadFile(seed_docx_), pdf = ReadFile(seed_pdf_);
  WriteFile(in + "/e-truncated.docx", docx.substr(0, docx.size() / 3));
  WriteFile(in + "/f-truncated.pdf", pdf.substr(0, 2000));
  WriteFile(in + "/g-notes.txt", "not a report");
  WriteFile(in + "/h-old.doc", "\xD0\xCF\x11\xE0 legacy");
  WriteFile(in + "/~$a-seed.docx", "lock");

  std::string out;
  int rc = RunJixiao({"run", in, "--out", tmp / "out", "--jobs", "2", "--time-limit", "30"}, &out);
  auto m = Manifest(tmp / "out");
  ASSERT_EQ(m.size(), 9u) << out;
  EXPECT_EQ(rc, ExpectedExit(m)) << out;
  EXPECT_EQ(rc, 2) << out;  // the truncated files fail
  EXPECT_TRUE(m["a-seed.docx"].status == Outcome::kOk || m["a-seed.docx"].status == Outcome::kFindings);
  EXPECT_TRUE(m["b-seed.pdf"].status == Outcome::kOk || m["b-seed.pdf"].status == Outcome::kFindings);
  EXPECT_GT(m["b-seed.pdf"].pages, 0);
  EXPECT_EQ(m["c-copy.docx"].status, Outcome::kDuplicate);
  EXPECT_EQ(fs::path(m["c-copy.docx"].duplicate_of).filename(), "a-seed.docx");
  EXPECT_TRUE(m["d-tiny.docx"].status == Outcome::kOk || m["d-tiny.docx"].status == Outcome::kFindings);
  EXPECT_EQ(m["e-truncated.docx"].status, Outcome::kFailed);
  EXPECT_FALSE(m["e-truncated.docx"].reason.empty());
  EXPECT_EQ(m["f-truncated.pdf"].status, Outcome::kFailed);
  EXPECT_EQ(m["g-notes.txt"].status, Outcome::kSkipped);
  EXPECT_EQ(m["h-old.doc"].status, Outcome::kSkipped);
  EXPECT_EQ(m["~$a-seed.docx"].status, Outcome::kSkipped);
  for (auto& [name, r] : m) EXPECT_EQ(r.sha256.size(), 64u) << name;
  EXPECT_NE(out.find("9 个输入："), std::string::npos) << out;
  EXPECT_NE(out.find("2 个处理失败"), std::string::npos) << out;
  EXPECT_NE(out.find("3 个已跳过，1 个重复"), std::string::npos) << out;

  // Reports.
  for (const char* csv : {"summary.csv", "findings.csv", "manifest.csv"})
    EXPECT_EQ(ReadFile(tmp / ("out/" + std::string(csv))).substr(0, 3), "\xEF\xBB\xBF") << csv;
  auto summary = batch::ParseCsv(ReadFile(tmp / "out/summary.csv"));
  EXPECT_EQ(summary.size(), 1u + 8u);  // header + a, b, d, the two failures and the three skipped files
  std::string jsonl = ReadFile(tmp / "out/findings.jsonl");
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 8);  // every input but the duplicate
  EXPECT_NE(jsonl.find("\"unit\":\"君山区工商业联合会\""), std::string::npos);
  auto names = ZipNames(tmp / "out/report.xlsx");
  EXPECT_NE(std::find(names.begin(), names.end(), "xl/workbook.xml"), names.end());
  std::string workbook = ZipEntry(tmp / "out/report.xlsx", "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"汇总\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"问题清单\""), std::string::npos) << workbook;
  EXPECT_NE(std::find(names.begin(), names.end(), "xl/worksheets/sheet2.xml"), names.end());
  EXPECT_NE(ZipEntry(tmp / "out/report.xlsx", "xl/worksheets/sheet1.xml").find("autoFilter"), std::string::npos);
  std::string html = ReadFile(tmp / "out/report.html");
  EXPECT_NE(html.find("<input id=\"q\""), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_TRUE(fs::file_size(tmp / "out/jixiao.log") > 0);
  EXPECT_EQ(ArchivedCount(tmp / "out/archive.sqlite"), 5);

  // Unchanged input, second run: everything resumed, same exit code.
  rc = RunJixiao({"run", in, "--out", tmp / "out"}, &out);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(out.find("沿用上次结果 5 个，本次处理 0 个"), std::string::npos) << out;
}

TEST_F(RunE2e, CleanFolderExitsZeroAndBadArgumentsTwo) {
  Scratch tmp("clean");
  MakeDocx(tmp / "in/x.docx", {"一段没有数字的文字。"});
  std::string out;
  int rc = RunJixiao({"run", tmp / "in", "--out", tmp / "out"}, &out);
  auto m = Manifest(tmp / "out");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(rc, ExpectedExit(m)) << out;
  EXPECT_EQ(RunJixiao({"run", tmp / "in", "--out", tmp / "out2", "--shard", "2/2"}, &out), 2) << out;
  EXPECT_EQ(RunJixiao({"run", tmp / "missing", "--out", tmp / "out3"}, &out), 2) << out;
}

TEST_F(RunE2e, KilledRunResumesWithoutRedoingFinishedDocuments) {
  Scratch tmp("kill");
  std::string in = tmp / "in";
  // 40 distinct PDFs (the seed with a different trailing comment each).
  std::string pdf = ReadFile(seed_pdf_);
  const int n = 40;
  for (int i = 0; i < n; ++i) WriteFile(in + "/r" + std::to_string(100 + i) + ".pdf", pdf + "% copy " + std::to_string(i) + "\n");
  std::string dir = tmp / "out";
  int pid = StartJixiao({"run", in, "--out", dir, "--jobs", "1"}, tmp / "run1.log");
  ASSERT_GT(pid, 0);
  int64_t archived = 0;
  for (int i = 0; i < 600 && archived < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (fs::exists(dir + "/archive.sqlite")) archived = ArchivedCount(dir + "/archive.sqlite");
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed";
  int64_t done = ArchivedCount(dir + "/archive.sqlite");
  ASSERT_GE(done, 5);
  ASSERT_LT(done, n) << "the run finished before it could be killed";
  // The manifest of the killed run exists and lists everything (some pending).
  auto killed = Manifest(dir);
  EXPECT_EQ(killed.size(), static_cast<size_t>(n));

  std::string out;
  int rc = RunJixiao({"run", in, "--out", dir, "--jobs", "2"}, &out);
  auto m = Manifest(dir);
  ASSERT_EQ(m.size(), static_cast<size_t>(n));
  int resumed = 0, screened = 0;
  for (auto& [name, r] : m) {
    EXPECT_TRUE(r.status == Outcome::kOk || r.status == Outcome::kFindings) << name << " " << OutcomeName(r.status);
    resumed += r.resumed;
    screened += !r.resumed;
  }
  EXPECT_EQ(resumed, done) << out;
  EXPECT_EQ(screened, n - done) << out;
  EXPECT_EQ(rc, ExpectedExit(m));
  EXPECT_EQ(ArchivedCount(dir + "/archive.sqlite"), n);
  std::string jsonl = ReadFile(dir + "/findings.jsonl");
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), n);
}

TEST_F(RunE2e, ShardsMergedEqualOneRun) {
  Scratch tmp("shards");
  std::string in = tmp / "in";
  for (int i = 0; i < 12; ++i)
    MakeDocx(in + "/t" + std::to_string(i) + ".docx",
             {"2024年度第" + std::to_string(i) + "单位整体支出绩效自评报告", "预算资金" + std::to_string(10 + i) + "万元。"});
  CopyFile(seed_docx_, in + "/seed.docx");
  CopyFile(seed_docx_, in + "/seed-copy.docx");
  WriteFile(in + "/x.xlsx", "not a report");
  std::string out;
  std::vector<std::string> dirs;
  size_t rows = 0;
  for (int k = 0; k < 3; ++k) {
    std::string d = tmp / ("s" + std::to_string(k));
    int rc = RunJixiao({"run", in, "--out", d, "--shard", std::to_string(k) + "/3"}, &out);
    EXPECT_LE(rc, 1) << out;
    rows += Manifest(d).size();
    dirs.push_back(d);
  }
  EXPECT_EQ(rows, 15u);
  std::vector<std::string> args = {"merge"};
  args.insert(args.end(), dirs.begin(), dirs.end());
  args.push_back("--out");
  args.push_back(tmp / "merged");
  int rc = RunJixiao(args, &out);
  auto merged = Manifest(tmp / "merged");
  EXPECT_EQ(merged.size(), 15u) << out;
  EXPECT_EQ(rc, ExpectedExit(merged)) << out;
  EXPECT_EQ(merged["seed-copy.docx"].status == Outcome::kDuplicate || merged["seed.docx"].status == Outcome::kDuplicate, true);
  RunJixiao({"run", in, "--out", tmp / "single"}, &out);
  auto single = Manifest(tmp / "single");
  for (auto& [name, r] : single) EXPECT_EQ(merged[name].status, r.status) << name;
  EXPECT_EQ(ArchivedCount(tmp / "merged/archive.sqlite"), ArchivedCount(tmp / "single/archive.sqlite"));
  std::string j1 = ReadFile(tmp / "merged/findings.jsonl"), j2 = ReadFile(tmp / "single/findings.jsonl");
  EXPECT_EQ(std::count(j1.begin(), j1.end(), '\n'), std::count(j2.begin(), j2.end(), '\n'));
}

}  // namespace
}  // namespace jixiao::e2e
