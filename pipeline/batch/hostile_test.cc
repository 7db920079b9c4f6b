// Hostile and faulty inputs of a batch (issue: faults and hostile inputs):
// formula injection in the CSV reports, file names that are not UTF-8, a
// second run into the same folder, disk full, symbolic links and FIFOs,
// merging reports of another version or after a killed shard, files that
// change while they are screened. A fake screener stands for the real one.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zip.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "pipeline/batch/csv.h"
#include "pipeline/batch/file_name.h"
#include "pipeline/batch/folder_lock.h"
#include "pipeline/batch/inputs.h"
#include "pipeline/batch/manifest.h"
#include "pipeline/batch/merge.h"
#include "pipeline/batch/runner.h"
#include "pipeline/model/source_info.h"

namespace jixiao::batch {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string ReadAll(const fs::path& p) {
  std::string s;
  EXPECT_TRUE(ReadWholeFile(p.string(), &s).ok()) << p;
  return s;
}

// The file's content is the report's only finding's quote and message, so
// what a report says can be traced to the bytes it was made from.
ScreenResult QuoteScreen(const std::string& path, const ScreenOptions&) {
  std::string content;
  ReadWholeFile(path, &content);
  ScreenResult r;
  r.doc.source.path = path;
  r.doc.source.format = "docx";
  Block b;
  b.text = content;
  r.doc.blocks.push_back(b);
  r.report.file = path;
  r.report.format = "docx";
  r.report.unit = content;
  r.report.year = 2024;
  Finding f;
  f.code = "TEXT_SUSPECT";
  f.severity = FindingSeverity::kWarning;
  f.message = content;
  f.arithmetic = content;
  Evidence e;
  e.quote = content;
  e.place = content;
  f.evidence.push_back(e);
  r.report.findings.push_back(f);
  return r;
}

// Raises SIGINT (as a kill would stop a shard) in the first document it
// screens after g_interrupt is set.
std::atomic<bool> g_interrupt{false};
ScreenResult InterruptingScreen(const std::string& path, const ScreenOptions& o) {
  static std::atomic<bool> raised{false};
  if (g_interrupt.exchange(false)) {
    raised = true;
    std::raise(SIGINT);
  } else if (raised) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the run stops before the rest
  }
  return QuoteScreen(path, o);
}

class HostileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("jixiao_hostile_test_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "in");
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_ / "out", fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }
  void Put(const std::string& rel, const std::string& content) {
    fs::create_directories((root_ / "in" / rel).parent_path());
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
    o.screen.extract.time_limit_seconds = 5;
    return o;
  }
  fs::path root_;
};

// Every raw (still quoted) cell of a CSV text: what Excel sees.
std::vector<std::string> RawCells(const std::string& text) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += c, ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',' || c == '\n') {
      cells.push_back(cell);
      cell.clear();
    } else if (c != '\r' || (i + 1 < text.size() && text[i + 1] != '\n')) {
      cell += c;
    }
  }
  cells.push_back(cell);
  return cells;
}

TEST(CsvInjection, TextCellsAreNeutralisedNumbersStayNumbers) {
  for (const char* bad : {"=cmd|' /C calc'!A0", "+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "'quoted"}) {
    std::string cell = CsvCell(bad);
    EXPECT_EQ(cell[0], '\'') << bad;
    EXPECT_EQ(CsvCellValue(cell), bad);
  }
  for (const char* number : {"-6", "+1.5", "2.4E+5", "-0.25", "98", "24万元", "君山区"}) {
    EXPECT_EQ(CsvCell(number), number);
    EXPECT_EQ(CsvCellValue(CsvCell(number)), number);
  }
  auto parsed = ParseCsv(CsvRecord({"=1+1", "-6", "'x"}) + "\r\n");
  ASSERT_EQ(parsed.size(), 1u);
  EXPECT_EQ(parsed[0], (std::vector<std::string>{"=1+1", "-6", "'x"}));
}

TEST_F(HostileTest, NoCsvReportCarriesAFormula) {
  Put("=cmd|' C calc'!A0.docx", "=HYPERLINK(\"http://x\",\"点我\")");
  Put("@SUM(1+1).docx", "+cmd|' /C notepad'!A0");
  Put("-2+3.docx", "-2+3");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), QuoteScreen, &sum).ok());
  EXPECT_EQ(sum.findings, 3);
  for (const char* csv : {"summary.csv", "findings.csv", "manifest.csv"}) {
    std::string text = ReadAll(root_ / "out" / csv);
    for (const std::string& cell : RawCells(text.substr(3)))
      EXPECT_TRUE(cell.empty() || std::string("=+-@\t\r").find(cell[0]) == std::string::npos ||
                  cell.find_first_not_of("+-0123456789.eE") == std::string::npos)
          << csv << ": " << cell;
  }
  // Read back, the manifest gives the names as they are.
  std::vector<ManifestRow> rows;
  ASSERT_TRUE(ReadManifest((root_ / "out/manifest.csv").string(), &rows).ok());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(fs::path(rows[0].file).filename(), "-2+3.docx");
  // A second run resumes all three: the names read back match the inputs.
  ASSERT_TRUE(RunBatch(Options(), QuoteScreen, &sum).ok());
  EXPECT_EQ(sum.resumed, 3);
}

// Every entry of a ZIP (the workbook), inflated.
std::map<std::string, std::string> ZipEntries(const fs::path& p) {
  std::map<std::string, std::string> out;
  int err = 0;
  zip_t* z = zip_open(p.c_str(), ZIP_RDONLY, &err);
  if (!z) return out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, i, 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, i, 0);
    if (f) {
      zip_fread(f, data.data(), st.size);
      zip_fclose(f);
    }
    out[st.name] = data;
  }
  zip_close(z);
  return out;
}

TEST(FileNames, Utf8GbkAndBytes) {
  EXPECT_TRUE(IsValidUtf8("报告.docx"));
  EXPECT_FALSE(IsValidUtf8("\xd6\xd0\xce\xc4.docx"));
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_EQ(DisplayPath("/data/\xd6\xd0\xce\xc4\xb1\xa8\xb8\xe6.docx"), "/data/中文报告.docx");
  EXPECT_EQ(DisplayPath("/数据/\xb2\xc6\xd5\xfe.pdf"), "/数据/财政.pdf");  // UTF-8 folder, GBK name
  std::string escaped = DisplayPath("a\xff\xfe.docx");
  EXPECT_EQ(escaped, "a\\xFF\\xFE.docx");
  EXPECT_TRUE(IsValidUtf8(escaped));
}

TEST_F(HostileTest, GbkNamesGiveValidReports) {
  Put("\xd6\xd0\xce\xc4\xb1\xa8\xb8\xe6.docx", "GBK 名称的报告");  // 中文报告 in GBK
  Put("\xff\xfe\x80.docx", "不是任何编码的名称");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), QuoteScreen, &sum).ok());
  EXPECT_EQ(sum.findings, 2);
  for (const char* f : {"summary.csv", "findings.csv", "manifest.csv", "findings.jsonl", "report.html"}) {
    std::string text = ReadAll(root_ / "out" / f);
    EXPECT_TRUE(IsValidUtf8(text)) << f;
    EXPECT_NE(text.find("中文报告.docx"), std::string::npos) << f;
    // JSON writes the backslash of the escape as \\.
    EXPECT_NE(text.find(std::string(f) == "findings.jsonl" ? "\\\\xFF\\\\xFE\\\\x80.docx" : "\\xFF\\xFE\\x80.docx"),
              std::string::npos)
        << f;
  }
  auto xlsx = ZipEntries(root_ / "out/report.xlsx");
  ASSERT_FALSE(xlsx.empty());
  bool named = false;
  for (auto& [name, data] : xlsx) {
    EXPECT_TRUE(IsValidUtf8(data)) << name;
    named |= data.find("中文报告.docx") != std::string::npos;
  }
  EXPECT_TRUE(named);
  // The files themselves were read (by their bytes) and resume by content.
  ASSERT_TRUE(RunBatch(Options(), QuoteScreen, &sum).ok());
  EXPECT_EQ(sum.resumed, 2);
}

TEST_F(HostileTest, LinksAreFollowedAndEverythingElseIsListed) {
  fs::create_directories(root_ / "elsewhere" / "deep");
  for (int i = 0; i < 5; ++i)
    std::ofstream(root_ / "elsewhere" / "deep" / ("r" + std::to_string(i) + ".docx")) << "报告 " << i;
  fs::create_directory_symlink(root_ / "elsewhere", root_ / "in" / "linked");        // a linked folder
  fs::create_directory_symlink(root_ / "in", root_ / "in" / "loop");                 // a loop
  fs::create_symlink(root_ / "nowhere.docx", root_ / "in" / "dangling.docx");        // dangling
  ASSERT_EQ(::mkfifo((root_ / "in" / "pipe.docx").c_str(), 0644), 0);               // a FIFO: never opened
  std::ofstream(root_ / "in" / "plain.docx") << "普通报告";
  fs::create_symlink(root_ / "in" / "plain.docx", root_ / "in" / "alias.docx");      // a link to a file
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), QuoteScreen, &sum).ok());
  std::vector<ManifestRow> rows;
  ASSERT_TRUE(ReadManifest((root_ / "out/manifest.csv").string(), &rows).ok());
  std::map<std::string, ManifestRow> m;
  const std::string prefix = "in/";  // names are relative to the parent of the folder given
  for (auto& r : rows) m[r.file.substr(prefix.size())] = r;
  for (int i = 0; i < 5; ++i) EXPECT_EQ(m["linked/deep/r" + std::to_string(i) + ".docx"].status, Outcome::kFindings) << i;
  EXPECT_EQ(m["loop"].status, Outcome::kSkipped);
  EXPECT_NE(m["loop"].reason.find("符号链接"), std::string::npos);
  EXPECT_EQ(m["dangling.docx"].status, Outcome::kSkipped);
  EXPECT_NE(m["dangling.docx"].reason.find("悬空链接"), std::string::npos);
  EXPECT_EQ(m["pipe.docx"].status, Outcome::kSkipped);
  EXPECT_NE(m["pipe.docx"].reason.find("FIFO"), std::string::npos);
  EXPECT_EQ(m["alias.docx"].status, Outcome::kFindings);  // first in path order
  EXPECT_EQ(m["plain.docx"].status, Outcome::kDuplicate);
  EXPECT_EQ(rows.size(), 10u);
}

TEST_F(HostileTest, ASecondRunIntoTheSameFolderStopsWithAClearMessage) {
  Put("a.docx", "报告甲");
  fs::create_directories(root_ / "out");
  {
    std::unique_ptr<FolderLock> held;  // another run holds the folder
    ASSERT_TRUE(FolderLock::Acquire((root_ / "out").string(), &held).ok());
    RunSummary sum;
    Status s = RunBatch(Options(), QuoteScreen, &sum);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find("另一个 jixiao 进程正在使用输出文件夹"), std::string::npos) << s.message();
    EXPECT_FALSE(fs::exists(root_ / "out" / "manifest.csv"));
    EXPECT_FALSE(fs::exists(root_ / "out" / "archive.sqlite"));
    s = MergeRuns({(root_ / "in").string()}, (root_ / "out").string(), &sum);
    EXPECT_NE(s.message().find("另一个 jixiao"), std::string::npos) << s.message();
  }
  RunSummary sum;  // released with its holder (or its process)
  ASSERT_TRUE(RunBatch(Options(), QuoteScreen, &sum).ok());
  EXPECT_EQ(sum.screened, 1);
}

TEST_F(HostileTest, TwoConcurrentRunsNeverBothWrite) {
  for (int i = 0; i < 40; ++i) Put("d" + std::to_string(i) + ".docx", "报告 " + std::to_string(i));
  Status a, b;
  RunSummary sa, sb;
  std::thread t([&] { a = RunBatch(Options(), QuoteScreen, &sa); });
  b = RunBatch(Options(), QuoteScreen, &sb);
  t.join();
  // Either both ran one after the other (the first finished first) or one
  // was refused; never a failed rename or a temporary left behind.
  for (const Status* s : {&a, &b})
    if (!s->ok()) {
      EXPECT_NE(s->message().find("另一个 jixiao"), std::string::npos) << s->message();
    }
  EXPECT_TRUE(a.ok() || b.ok());
  for (const auto& e : fs::directory_iterator(root_ / "out"))
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  EXPECT_EQ(sa.screened + sb.screened, 40);
}

TEST(DiskFull, AtomicWriteKeepsTheOldFileAndLeavesNoTemporary) {
  fs::path dir = fs::temp_directory_path() / ("jixiao_diskfull_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "manifest.csv").string();
  ASSERT_TRUE(WriteFileAtomically(path, "old").ok());
  // /dev/full fails every write with ENOSPC, as a full disk does.
  fs::create_symlink("/dev/full", path + ".tmp" + std::to_string(::getpid()));
  Status s = WriteFileAtomically(path, std::string(1 << 16, 'x'));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("磁盘已满"), std::string::npos) << s.message();
  EXPECT_EQ(ReadAll(path), "old");
  for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path().filename(), "manifest.csv");
  fs::remove_all(dir);
}

TEST_F(HostileTest, DiskFullWhileWritingReportsKeepsTheOldReports) {
  Put("a.docx", "报告甲");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), QuoteScreen, &sum).ok());
  const fs::path out = root_ / "out";
  std::map<std::string, std::string> before;
  for (const char* f : {"summary.csv", "findings.csv", "findings.jsonl", "report.html", "report.xlsx", "manifest.csv"})
    before[f] = ReadAll(out / f);
  Put("b.docx", "报告乙");
  fs::create_symlink("/dev/full", out / "findings.csv.tmp");  // the disk fills while the reports are written
  Status s = RunBatch(Options(), QuoteScreen, &sum);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(sum.exit_code, 2);
  EXPECT_NE(s.message().find("磁盘已满"), std::string::npos) << s.message();
  for (const auto& [f, content] : before)
    if (f != "manifest.csv") {
      EXPECT_EQ(ReadAll(out / f), content) << f;
    }
  for (const auto& e : fs::directory_iterator(out))
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  // The manifest is not the finished run's (it does not vouch for reports
  // that were not written); the next run resumes both and writes them.
  std::vector<ManifestRow> rows;
  ASSERT_TRUE(ReadManifest((out / "manifest.csv").string(), &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].status, Outcome::kPending);
  ASSERT_TRUE(RunBatch(Options(), QuoteScreen, &sum).ok());
  EXPECT_EQ(sum.resumed, 2);
  EXPECT_NE(ReadAll(out / "summary.csv").find("b.docx"), std::string::npos);
}

TEST_F(HostileTest, MergingAgainAfterAKilledShardFinishesShowsEveryDocument) {
  for (int i = 0; i < 12; ++i) Put("d" + std::to_string(i) + ".docx", "报告 " + std::to_string(i));
  RunSummary sum;
  RunOptions s0 = Options("s0"), s1 = Options("s1");
  s0.shard_index = 0, s1.shard_index = 1;
  s0.shard_count = s1.shard_count = 2;
  s1.jobs = 1;
  ASSERT_TRUE(RunBatch(s0, QuoteScreen, &sum).ok());
  g_interrupt = true;  // shard 1 is killed after its first document
  ASSERT_TRUE(RunBatch(s1, InterruptingScreen, &sum).ok());
  ASSERT_TRUE(sum.interrupted);
  ASSERT_GT(sum.pending, 0);
  const std::string merged = (root_ / "merged").string();
  ASSERT_TRUE(MergeRuns({(root_ / "s0").string(), (root_ / "s1").string()}, merged, &sum).ok());
  EXPECT_GT(sum.pending, 0);
  // Shard 1 is run again to the end, then merged again into the same folder.
  ASSERT_TRUE(RunBatch(s1, QuoteScreen, &sum).ok());
  EXPECT_EQ(sum.pending, 0);
  ASSERT_TRUE(MergeRuns({(root_ / "s0").string(), (root_ / "s1").string()}, merged, &sum).ok());
  EXPECT_EQ(sum.pending, 0);
  EXPECT_EQ(sum.findings, 12);
  std::vector<ManifestRow> rows;
  ASSERT_TRUE(ReadManifest(merged + "/manifest.csv", &rows).ok());
  EXPECT_EQ(rows.size(), 12u);
  for (const ManifestRow& r : rows) EXPECT_EQ(r.status, Outcome::kFindings) << r.file;
  auto summary = ParseCsv(ReadAll(root_ / "merged/summary.csv"));
  EXPECT_EQ(summary.size(), 13u);
}

TEST_F(HostileTest, MergeRefusesReportsOfAnotherVersion) {
  Put("a.docx", "报告甲");
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options("old"), QuoteScreen, &sum).ok());
  RunOptions newer = Options("new");
  newer.version = "test-2";
  ASSERT_TRUE(RunBatch(newer, QuoteScreen, &sum).ok());
  Status s = MergeRuns({(root_ / "old").string(), (root_ / "new").string()}, (root_ / "merged").string(), &sum);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("不同版本"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("test-2"), std::string::npos) << s.message();
  EXPECT_FALSE(fs::exists(root_ / "merged/manifest.csv"));
  // Into a folder merged by another version: refused too.
  ASSERT_TRUE(MergeRuns({(root_ / "old").string()}, (root_ / "merged").string(), &sum).ok());
  s = MergeRuns({(root_ / "new").string()}, (root_ / "merged").string(), &sum);
  EXPECT_FALSE(s.ok());
}

// Rewrites the file the first time (or every time) it is asked to screen it,
// before reading it: the file changes between the listing (and the worker's
// hash) and the read.
std::atomic<int> g_rewrites{0};
ScreenResult RewritingScreen(const std::string& path, const ScreenOptions& o) {
  if (g_rewrites > 0) {
    --g_rewrites;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a later ctime on coarse clocks
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "改过的内容 " << g_rewrites.load();
  }
  return QuoteScreen(path, o);
}

TEST_F(HostileTest, AFileChangedWhileScreenedIsStoredUnderTheHashOfWhatWasRead) {
  Put("a.docx", "原来的内容");
  const std::string old_sha = Sha256Hex("原来的内容");
  g_rewrites = 1;
  RunSummary sum;
  ASSERT_TRUE(RunBatch(Options(), RewritingScreen, &sum).ok());
  std::string now;
  ASSERT_TRUE(ReadWholeFile((root_ / "in/a.docx").string(), &now).ok());
  const std::string new_sha = Sha256Hex(now);
  std::vector<ManifestRow> rows;
  ASSERT_TRUE(ReadManifest((root_ / "out/manifest.csv").string(), &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].sha256, new_sha);
  {
    std::unique_ptr<archive::Archive> arc;
    ASSERT_TRUE(archive::Archive::Open((root_ / "out/archive.sqlite").string(), &arc).ok());
    ScreenReport report;
    bool found = false;
    ASSERT_TRUE(arc->GetReport(old_sha, &report, &found).ok());
    EXPECT_FALSE(found) << "a report stored under the hash of content it was not made from";
    ASSERT_TRUE(arc->GetReport(new_sha, &report, &found).ok());
    ASSERT_TRUE(found);
    EXPECT_EQ(report.unit, now);
  }
  // Resuming takes the report of the content the file has.
  ASSERT_TRUE(RunBatch(Options(), QuoteScreen, &sum).ok());
  EXPECT_EQ(sum.resumed, 1);
  EXPECT_NE(ReadAll(root_ / "out/summary.csv").find(now), std::string::npos);

  // A file that changes on every read is given up with a reason.
  Put("b.docx", "不停变化的文件");
  g_rewrites = 100;
  ASSERT_TRUE(RunBatch(Options(), RewritingScreen, &sum).ok());
  g_rewrites = 0;
  ASSERT_TRUE(ReadManifest((root_ / "out/manifest.csv").string(), &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].status, Outcome::kFailed);
  EXPECT_NE(rows[1].reason.find("不断被修改"), std::string::npos) << rows[1].reason;
}

}  // namespace
}  // namespace jixiao::batch
