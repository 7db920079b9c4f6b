// Tests of jixiao_batch with fake screeners: inputs and shards, the manifest
// of a run over good, failing, throwing, hanging, duplicate and unsupported
// files, exit codes, resuming, retry of failures, reports (BOM, JSONL,
// HTML), merge, CSV and progress lines.
#include <gtest/gtest.h>
#include <zip.h>

#include <atomic>
#include <csignal>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "pipeline/batch/csv.h"
#include "pipeline/batch/inputs.h"
#include "pipeline/batch/merge.h"
#include "pipeline/batch/progress.h"
#include "pipeline/batch/reports.h"
#include "pipeline/batch/runner.h"
#include "pipeline/archive/search.h"

namespace jixiao::batch {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::atomic<int> g_calls{0};
std::atomic<bool> g_release{false};

std::string ReadAll(const fs::path& p) {
  std::string s;
  EXPECT_TRUE(ReadWholeFile(p.string(), &s).ok()) << p;
  return s;
}

// Content decides: HANG sleeps until released, THROW throws, BAD fails,
// FIND has an error finding, anything else is clean.
ScreenResult FakeScreen(const std::string& path, const ScreenOptions&) {
  ++g_calls;
  std::string content = ReadAll(path);
  if (content.rfind("HANG", 0) == 0) {
    for (int i = 0; i < 600 && !g_release; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (content.rfind("THROW", 0) == 0) throw std::runtime_error("boom");
  if (content.rfind("CRASH", 0) == 0) std::abort();
  if (content.rfind("SIGINT", 0) == 0) std::raise(SIGINT);
  if (content.rfind("SLOW", 0) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(30));
  ScreenResult r;
  r.doc.source.path = path;
  r.doc.source.format = path.substr(path.size() - 4) == ".pdf" ? "pdf" : "docx";
  r.doc.source.page_count = r.doc.source.format == "pdf" ? 2 : -1;
  Block b;
  b.text = "君山区工商业联合会预算资金24万元。" + content;
  r.doc.blocks.push_back(b);
  r.report.file = path;
  r.report.format = r.doc.source.format;
  r.report.jixiao_version = "test";
  r.report.unit = "君山区工商业联合会";
  r.report.year = 2024;
  r.report.figures = {"24", "24", "100", "98", "优"};
  if (content.rfind("BAD", 0) == 0) {
    r.doc.status = DocumentStatus::kFailed;
    r.doc.status_reason = "不是有效的 ZIP 压缩包";
    r.report.status = DocumentStatus::kFailed;
    r.report.code = Status::Code::kInvalidInput;
    r.report.reason = "不是有效的 ZIP 压缩包";
  }
  if (content.rfind("FIND", 0) == 0 || content.rfind("NOTE", 0) == 0) {
    Finding f;
    f.code = content.rfind("NOTE", 0) == 0 ? "TEXT_SUSPECT" : "FIGURE_CONFLICT";
    f.severity = content.rfind("NOTE", 0) == 0 ? FindingSeverity::kInfo : FindingSeverity::kError;
    f.message = "基本支出前后不一致";
    f.arithmetic = "24 ≠ 0";
    Evidence e;
    e.quote = "基本支出24万元";
    e.place = "正文第12段";
    f.evidence.push_back(e);
    r.report.findings.push_back(f);
  }
  return r;
}

// One entry of a ZIP (the workbook), inflated; "" when absent.
std::string ZipEntry(const fs::path& p, const char* name) {
  int err = 0;
  zip_t* z = zip_open(p.c_str(), ZIP_RDONLY, &err);
  if (!z) return "";
  std::string data;
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) == 0) {
    data.assign(st.size, '\0');
    zip_file_t* f = zip_fopen(z, name, 0);
    if (f) {
      zip_fread(f, data.data(), st.size);
      zip_fclose(f);
    }
  }
  zip_close(z);
  return data;
}

class RunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("jixiao_batch_test_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "in" / "sub");
    g_calls = 0;
    g_release = false;
  }
  void TearDown() override {
    g_release = true;
    fs::remove_all(root_);
  }
  void Put(const std::string& rel, const std::string& content) {
    std::ofstream(root_ / "in" / rel, std::ios::binary) << content;
  }
  RunOptions Options(const std::string& out = "out") {
    RunOptions o;
    o.paths = {(root_ / "in").string()};
    o.out_dir = (root_ / out).string();
    o.jobs = 2;
    o.version = "test";
    o.progress = 0;
    o.progress_interval = 1000;
    o.screen.extract.time_limit_seconds = 1;
    o.watchdog_seconds = 1;
    return o;
  }
  std::map<std::string, ManifestRow> Manifest(const std::string& out = "out") {
    std::vector<ManifestRow> rows;
    EXPECT_TRUE(ReadManifest((root_ / out / "manifest.csv").string(), &rows).ok());
    std::map<std::string, ManifestRow> by_name;
    for (auto& r : rows) by_name[fs::path(r.file).filename().string()] = r;
    return by_name;
  }
  fs::path root_;
};

TEST_F(RunTest, ManifestListsEveryInputAndExitCodeIsTwoOnFailures) {
  Put("good.docx", "GOOD one");
  Put("sub/copy.docx", "GOOD one");  // duplicate of good.docx
  Put("find.pdf", "FIND me");
  Put("bad.docx", "BAD zip");
  Put("throw.pdf", "THROW");
  Put("hang.docx", "HANG");
  Put("notes.txt", "hello");
  Put("~$good.docx", "lock");
  Put("empty.pdf", "");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  auto m = Manifest();
  ASSERT_EQ(m.size(), 9u);
  EXPECT_EQ(m["good.docx"].status, Outcome::kOk);
  EXPECT_EQ(m["copy.docx"].status, Outcome::kDuplicate);
  EXPECT_EQ(fs::path(m["copy.docx"].duplicate_of).filename(), "good.docx");
  EXPECT_EQ(m["find.pdf"].status, Outcome::kFindings);
  EXPECT_EQ(m["find.pdf"].errors, 1);
  EXPECT_EQ(m["find.pdf"].pages, 2);
  EXPECT_EQ(m["bad.docx"].status, Outcome::kFailed);
  EXPECT_EQ(m["bad.docx"].reason, "不是有效的 ZIP 压缩包");
  EXPECT_EQ(m["bad.docx"].code, Status::Code::kInvalidInput);
  EXPECT_EQ(m["throw.pdf"].status, Outcome::kFailed);
  EXPECT_NE(m["throw.pdf"].reason.find("内部错误"), std::string::npos);  // "boom" is in the log
  EXPECT_EQ(m["throw.pdf"].code, Status::Code::kInternal);
  EXPECT_EQ(m["hang.docx"].status, Outcome::kFailed);
  EXPECT_NE(m["hang.docx"].reason.find("超时"), std::string::npos);
  EXPECT_EQ(m["hang.docx"].code, Status::Code::kTimeout);
  EXPECT_EQ(m["notes.txt"].status, Outcome::kSkipped);
  EXPECT_NE(m["notes.txt"].reason.find(".txt"), std::string::npos);
  EXPECT_EQ(m["~$good.docx"].status, Outcome::kSkipped);
  EXPECT_EQ(m["empty.pdf"].status, Outcome::kSkipped);
  for (auto& [name, row] : m) EXPECT_EQ(row.sha256.size(), 64u) << name;
  EXPECT_EQ(sum.inputs, 9);
  EXPECT_EQ(sum.ok, 1);
  EXPECT_EQ(sum.findings, 1);
  EXPECT_EQ(sum.failed, 3);
  EXPECT_EQ(sum.timeouts, 1);
  EXPECT_EQ(sum.skipped, 3);
  EXPECT_EQ(sum.duplicates, 1);
  EXPECT_EQ(sum.screened, 5);
  EXPECT_EQ(sum.exit_code, 2);
  EXPECT_NE(sum.Line().find("3 个处理失败（其中 1 个超时）"), std::string::npos) << sum.Line();

  // Reports: the 5 screened documents and the 3 skipped files in
  // findings.jsonl (the duplicate is not); CSVs with BOM.
  std::string jsonl = ReadAll(root_ / "out" / "findings.jsonl");
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 8);
  for (const char* csv : {"summary.csv", "findings.csv", "manifest.csv"})
    EXPECT_EQ(ReadAll(root_ / "out" / csv).substr(0, 3), kUtf8Bom) << csv;
  auto findings = ParseCsv(ReadAll(root_ / "out" / "findings.csv"));
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[1][4], "FIGURE_CONFLICT");
  EXPECT_EQ(findings[1][7], "基本支出24万元");
  std::string html = ReadAll(root_ / "out" / "report.html");
  EXPECT_NE(html.find("基本支出前后不一致"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);  // self-contained
  EXPECT_LT(html.find("find.pdf"), html.find("good.docx"));  // by severity
  EXPECT_TRUE(fs::file_size(root_ / "out" / "report.xlsx") > 1000);
}

// One status vocabulary: every skipped file is in summary.csv, with the word
// report.xlsx uses; the archive says what the manifest says.
TEST_F(RunTest, OneStatusVocabularyInManifestSummaryWorkbookAndArchive) {
  Put("good.docx", "GOOD one");
  Put("find.pdf", "FIND me");
  Put("notes.txt", "hello");
  Put("~$good.docx", "lock");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  auto summary = ParseCsv(ReadAll(root_ / "out" / "summary.csv"));
  std::map<std::string, std::string> word;  // file name -> 状态
  ASSERT_EQ(summary[0][12], "状态");
  for (size_t i = 1; i < summary.size(); ++i) word[fs::path(summary[i][0]).filename().string()] = summary[i][12];
  EXPECT_EQ(word.size(), 4u);
  EXPECT_EQ(word["good.docx"], OutcomeZh(Outcome::kOk));
  EXPECT_EQ(word["find.pdf"], OutcomeZh(Outcome::kFindings));
  EXPECT_EQ(word["notes.txt"], OutcomeZh(Outcome::kSkipped));
  EXPECT_EQ(word["~$good.docx"], "已跳过");
  // The workbook's summary sheet holds the same words, and no other.
  std::string strings = ZipEntry(root_ / "out" / "report.xlsx", "xl/worksheets/sheet1.xml");
  EXPECT_NE(strings.find("已跳过"), std::string::npos);
  EXPECT_EQ(strings.find("未处理"), std::string::npos);
  std::unique_ptr<archive::Archive> arc;
  ASSERT_TRUE(archive::Archive::Open((root_ / "out" / "archive.sqlite").string(), &arc).ok());
  std::map<std::string, archive::StoredDoc> stored;
  ASSERT_TRUE(arc->LoadStored(&stored).ok());
  auto m = Manifest();
  for (const auto& [sha, doc] : stored) {
    bool matched = false;
    for (const auto& [name, row] : m)
      if (row.sha256 == sha) matched = row.status == doc.outcome;
    EXPECT_TRUE(matched) << sha;
  }
}

TEST_F(RunTest, InfoFindingsDoNotChangeTheExitCode) {
  Put("a.docx", "NOTE only");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  auto m = Manifest();
  EXPECT_EQ(m["a.docx"].status, Outcome::kOk);
  EXPECT_EQ(m["a.docx"].infos, 1);
  EXPECT_EQ(sum.exit_code, 0);
}

TEST_F(RunTest, PathsAreRelativeToTheFolderGivenWhateverTheInvocation) {
  Put("sub/a.docx", "GOOD a");
  RunOptions o = Options();
  o.paths = {fs::absolute(root_ / "in").string()};
  RunSummary sum;
  ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  std::vector<ManifestRow> rows;
  ASSERT_TRUE(ReadManifest((root_ / "out" / "manifest.csv").string(), &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].file, "in/sub/a.docx");
  // Again, by a relative path with a trailing slash: the same name, and the
  // archive's path the same.
  Put("b.docx", "GOOD b");
  o.paths = {fs::relative(root_ / "in").string() + "/"};
  ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  EXPECT_EQ(sum.resumed, 1);
  ASSERT_TRUE(ReadManifest((root_ / "out" / "manifest.csv").string(), &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].file, "in/b.docx");
  EXPECT_EQ(rows[1].file, "in/sub/a.docx");
  std::unique_ptr<archive::Archive> arc;
  ASSERT_TRUE(archive::Archive::Open((root_ / "out" / "archive.sqlite").string(), &arc).ok());
  std::map<std::string, archive::StoredDoc> stored;
  ASSERT_TRUE(arc->LoadStored(&stored).ok());
  std::set<std::string> paths;
  for (const auto& [sha, doc] : stored) paths.insert(doc.path);
  EXPECT_EQ(paths, (std::set<std::string>{"in/b.docx", "in/sub/a.docx"}));
}

TEST_F(RunTest, InputsRemovedFromTheFolderAreMarkedRemoved) {
  Put("a.docx", "GOOD a 独有词甲");
  Put("b.docx", "GOOD b 独有词乙");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  fs::remove(root_ / "in" / "b.docx");
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  EXPECT_EQ(sum.removed, 1);
  EXPECT_NE(sum.Line().find("1 个已从输入文件夹移除"), std::string::npos) << sum.Line();
  std::unique_ptr<archive::Archive> arc;
  ASSERT_TRUE(archive::Archive::Open((root_ / "out" / "archive.sqlite").string(), &arc).ok());
  std::map<std::string, archive::StoredDoc> stored;
  ASSERT_TRUE(arc->LoadStored(&stored).ok());
  ASSERT_EQ(stored.size(), 2u);  // kept
  int removed = 0;
  for (const auto& [sha, doc] : stored) removed += doc.removed;
  EXPECT_EQ(removed, 1);
  archive::SearchResult r;
  ASSERT_TRUE(archive::Search(arc.get(), "独有词乙", {}, &r).ok());
  EXPECT_TRUE(r.hits.empty());
  archive::SearchOptions all;
  all.include_removed = true;
  ASSERT_TRUE(archive::Search(arc.get(), "独有词乙", all, &r).ok());
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_TRUE(r.hits[0].removed);
  // Back in the folder: found again, no longer removed.
  Put("b.docx", "GOOD b 独有词乙");
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  ASSERT_TRUE(archive::Search(arc.get(), "独有词乙", {}, &r).ok());
  EXPECT_EQ(r.hits.size(), 1u);
}

TEST_F(RunTest, TheRunFolderInsideAnInputFolderIsNotAnInput) {
  Put("a.docx", "GOOD a");
  RunOptions o = Options();
  o.out_dir = (root_ / "in" / "out").string();
  RunSummary sum;
  ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  EXPECT_EQ(sum.inputs, 1);
  EXPECT_EQ(sum.resumed, 1);
}

TEST_F(RunTest, SigintStopsCleanlyAndTheNextRunFinishes) {
  for (int i = 0; i < 30; ++i) Put("d" + std::to_string(i + 10) + ".docx", "SLOW " + std::to_string(i));
  Put("d20.docx", "SIGINT");  // raised while the 11th document is screened
  RunOptions o = Options();
  o.jobs = 1;
  RunSummary sum;
  ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  EXPECT_TRUE(sum.interrupted);
  EXPECT_EQ(sum.exit_code, 2);
  EXPECT_GT(sum.pending, 0);
  EXPECT_EQ(sum.inputs, 30);
  auto m = Manifest();
  EXPECT_EQ(m.size(), 30u);
  EXPECT_EQ(m["d39.docx"].status, Outcome::kPending);
  Put("d20.docx", "GOOD again");
  ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  EXPECT_FALSE(sum.interrupted);
  EXPECT_EQ(sum.pending, 0);
  EXPECT_EQ(sum.ok, 30);
  EXPECT_GE(sum.resumed, 10);
}

TEST_F(RunTest, ExitCodesForCleanAndFindings) {
  Put("a.docx", "GOOD a");
  Put("b.pdf", "GOOD b");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  EXPECT_EQ(sum.exit_code, 0);
  Put("c.pdf", "FIND c");
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  EXPECT_EQ(sum.exit_code, 1);
  EXPECT_EQ(sum.resumed, 2);
  EXPECT_EQ(sum.screened, 1);
}

TEST_F(RunTest, ResumesWithoutRedoingAndRetriesFailuresOnRequest) {
  for (int i = 0; i < 20; ++i) Put("doc" + std::to_string(i) + ".docx", "GOOD " + std::to_string(i));
  Put("bad.pdf", "BAD");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  EXPECT_EQ(g_calls, 21);
  g_calls = 0;
  Put("new.docx", "GOOD new");
  ASSERT_TRUE(RunBatch(Options(), FakeScreen, &sum).ok());
  EXPECT_EQ(g_calls, 1);
  EXPECT_EQ(sum.resumed, 21);
  auto m = Manifest();
  EXPECT_TRUE(m["doc3.docx"].resumed);
  EXPECT_EQ(m["bad.pdf"].status, Outcome::kFailed);
  EXPECT_EQ(sum.exit_code, 2);
  std::string jsonl = ReadAll(root_ / "out" / "findings.jsonl");
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 22);
  // Another version redoes everything; retry_failed redoes the failure only.
  g_calls = 0;
  RunOptions o = Options();
  o.retry_failed = true;
  ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  EXPECT_EQ(g_calls, 1);
  g_calls = 0;
  o.version = "test2";
  ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  EXPECT_EQ(g_calls, 22);
}

TEST_F(RunTest, ShardsSplitAndMergeJoins) {
  for (int i = 0; i < 30; ++i) Put("doc" + std::to_string(i) + (i % 2 ? ".pdf" : ".docx"), (i % 5 ? "GOOD " : "FIND ") + std::to_string(i));
  Put("dup.docx", "GOOD 1");
  Put("readme.md", "x");
  std::set<std::string> seen;
  std::vector<std::string> outs;
  int total = 0;
  for (int k = 0; k < 3; ++k) {
    RunOptions o = Options("shard" + std::to_string(k));
    o.shard_index = k;
    o.shard_count = 3;
    RunSummary sum;
    ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
    EXPECT_GT(sum.inputs, 0);
    total += sum.inputs;
    for (auto& [name, row] : Manifest("shard" + std::to_string(k))) EXPECT_TRUE(seen.insert(name).second) << name;
    outs.push_back(o.out_dir);
  }
  EXPECT_EQ(total, 32);
  RunSummary merged;
  ASSERT_TRUE(MergeRuns(outs, (root_ / "merged").string(), &merged).ok());
  EXPECT_EQ(merged.inputs, 32);
  EXPECT_EQ(merged.findings, 6);
  EXPECT_EQ(merged.ok, 24);
  EXPECT_EQ(merged.duplicates, 1);
  EXPECT_EQ(merged.skipped, 1);
  EXPECT_EQ(merged.exit_code, 1);
  std::string jsonl = ReadAll(root_ / "merged" / "findings.jsonl");
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 31);  // every input but the duplicate, the skipped one too
  // Merging again adds nothing twice.
  ASSERT_TRUE(MergeRuns(outs, (root_ / "merged").string(), &merged).ok());
  EXPECT_EQ(merged.inputs, 32);
  RunSummary bad;
  EXPECT_FALSE(MergeRuns({(root_ / "merged").string()}, (root_ / "merged").string(), &bad).ok());
}

TEST_F(RunTest, ADocumentThatCrashesTheProcessTwiceIsRecordedFailed) {
  for (int i = 0; i < 4; ++i) Put("ok" + std::to_string(i) + ".docx", "GOOD " + std::to_string(i));
  Put("zz-crash.pdf", "CRASH");
  RunOptions o = Options();
  o.jobs = 1;  // ok0..ok3 finish before zz-crash is begun
  RunSummary sum;
  EXPECT_DEATH(RunBatch(o, FakeScreen, &sum), "");
  EXPECT_DEATH(RunBatch(o, FakeScreen, &sum), "");
  ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  auto m = Manifest();
  EXPECT_EQ(m["zz-crash.pdf"].status, Outcome::kFailed);
  EXPECT_NE(m["zz-crash.pdf"].reason.find("异常退出"), std::string::npos) << m["zz-crash.pdf"].reason;
  EXPECT_EQ(m["ok2.docx"].status, Outcome::kOk);
  EXPECT_EQ(sum.exit_code, 2);
  EXPECT_EQ(fs::file_size(root_ / "out" / "inflight.log"), 0u);
  // --retry-failed tries it again (and here crashes again).
  o.retry_failed = true;
  EXPECT_DEATH(RunBatch(o, FakeScreen, &sum), "");
}

TEST(Inputs, ParsesShards) {
  int k, n;
  EXPECT_TRUE(ParseShard("0/4", &k, &n).ok());
  EXPECT_EQ(k, 0);
  EXPECT_EQ(n, 4);
  EXPECT_TRUE(ParseShard("3/4", &k, &n).ok());
  EXPECT_FALSE(ParseShard("4/4", &k, &n).ok());
  EXPECT_FALSE(ParseShard("1", &k, &n).ok());
  EXPECT_FALSE(ParseShard("a/b", &k, &n).ok());
  EXPECT_FALSE(ParseShard("1/0", &k, &n).ok());
  EXPECT_FALSE(ParseShard("-1/2", &k, &n).ok());
}

TEST(Inputs, MissingPathIsAnError) {
  std::vector<Input> in;
  EXPECT_FALSE(CollectInputs({"/nonexistent/jixiao"}, 1, &in).ok());
}

TEST(Csv, QuotesAndParsesBack) {
  std::string rec = CsvRecord({"a", "b,c", "say \"hi\"", "两行\n文字", ""});
  EXPECT_EQ(rec, "a,\"b,c\",\"say \"\"hi\"\"\",\"两行\n文字\",");
  auto parsed = ParseCsv(std::string(kUtf8Bom) + rec + "\r\nx,y\r\n");
  ASSERT_EQ(parsed.size(), 2u);
  EXPECT_EQ(parsed[0], (std::vector<std::string>{"a", "b,c", "say \"hi\"", "两行\n文字", ""}));
  EXPECT_EQ(parsed[1], (std::vector<std::string>{"x", "y"}));
}

TEST(ProgressTest, Lines) {
  Progress plain(100, false, 10, stderr);
  EXPECT_EQ(plain.Line(50, 2, 10), "jixiao run: 已处理 50/100 份，每秒 5.0 份，预计还需 10秒，失败 2 份");
  Progress bar(100, true, 10, stderr);
  std::string line = bar.Line(100, 0, 20);
  EXPECT_EQ(line.substr(0, 2), "[#");
  EXPECT_NE(line.find("已处理 100/100 份，每秒 5.0 份，预计还需 0秒，失败 0 份"), std::string::npos);
}

}  // namespace
}  // namespace jixiao::batch
