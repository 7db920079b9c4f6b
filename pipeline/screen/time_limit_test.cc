// The time limit between and inside the stages of screening: a document
// whose time ran out is failed with a timeout reason, never checked past its
// limit or reported clean, and the thread screening it returns soon after
// its limit (DeadlineStopsEveryStage*). (The extractors' own limits are
// covered beside them.)
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <future>
#include <thread>

#include "pipeline/screen/screen.h"

namespace jixiao {
namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A report whose narrative contradicts itself (a finding when checked).
Document Contradicting() {
  Document doc;
  doc.source.path = "report.docx";
  doc.source.format = "docx";
  for (const char* text : {"2024年度某区某局整体支出绩效自评报告",
                           "本单位2024年度预算资金36万元，其中基本支出30万元，项目支出9万元。"}) {
    Block b;
    b.text = text;
    doc.blocks.push_back(b);
  }
  return doc;
}

// A tall table: its facts take longer than a few milliseconds.
Document Tall(int rows) {
  Document doc = Contradicting();
  Block b;
  b.kind = BlockKind::kTable;
  b.table.cols = 3;
  b.table.rows = rows + 1;
  const char* head[] = {"项目", "预算数（万元）", "执行数（万元）"};
  for (int c = 0; c < 3; ++c) b.table.cells.push_back(Cell{0, c, 1, 1, {head[c]}, {}, {}});
  for (int r = 1; r <= rows; ++r)
    for (int c = 0; c < 3; ++c)
      b.table.cells.push_back(Cell{r, c, 1, 1, {c == 0 ? "支出" + std::to_string(r) : std::to_string(r % 97)}, {}, {}});
  doc.blocks.push_back(b);
  return doc;
}

class TimeLimitTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Screener::Create("", &screener_).ok()); }
  std::unique_ptr<Screener> screener_;
};

TEST_F(TimeLimitTest, WithTimeLeftTheDocumentIsChecked) {  // the control
  auto r = screener_->ScreenExtracted("report.docx", Contradicting(), Status::Ok(), Now() + 60);
  EXPECT_EQ(r.report.status, DocumentStatus::kOk);
  EXPECT_GT(r.report.findings.size(), 0u);
}

TEST_F(TimeLimitTest, OutOfTimeAfterReadingIsAFailedTimeoutNotClean) {
  auto r = screener_->ScreenExtracted("report.docx", Contradicting(), Status::Ok(), Now() - 1);
  EXPECT_EQ(r.report.status, DocumentStatus::kFailed);
  EXPECT_EQ(r.report.code, Status::Code::kTimeout);
  EXPECT_NE(r.report.reason.find("超时"), std::string::npos) << r.report.reason;
  EXPECT_TRUE(r.report.findings.empty());
}

TEST_F(TimeLimitTest, OutOfTimeAfterTheFactsSkipsTheChecks) {
  Document doc = Tall(5000);
  double t0 = Now();
  auto r = screener_->ScreenExtracted("report.docx", std::move(doc), Status::Ok(), t0 + 0.01);
  EXPECT_EQ(r.report.status, DocumentStatus::kFailed);
  EXPECT_EQ(r.report.code, Status::Code::kTimeout);
  EXPECT_EQ(r.report.reason, "超时：未能在时限内完成检查");  // the stage is in the log
  EXPECT_TRUE(r.report.findings.empty());
}

// A table of n rows, each a fact twice over (基本支出 / 项目支出 under
// 预算数 and 执行数): making the report after the checks is a real part of
// the work.
Document ManyFacts(int n) {
  Document doc = Contradicting();
  Block b;
  b.kind = BlockKind::kTable;
  b.table.cols = 3;
  b.table.rows = n + 1;
  const char* head[] = {"项目", "预算数（万元）", "执行数（万元）"};
  for (int c = 0; c < 3; ++c) b.table.cells.push_back(Cell{0, c, 1, 1, {head[c]}, {}, {}});
  for (int r = 1; r <= n; ++r)
    for (int c = 0; c < 3; ++c)
      b.table.cells.push_back(
          Cell{r, c, 1, 1, {c == 0 ? (r % 2 ? "基本支出" : "项目支出") : std::to_string(r % 97 + c)}, {}, {}});
  doc.blocks.push_back(b);
  return doc;
}

// Every stage is inside the limit, the report made after the checks too: a
// document is reported screened only when its screening ended within its
// limit, and one out of time returns soon after it. The limit is put at
// fractions of the time the document takes, so that it falls in each
// stage in turn (before, the report was made outside the limit: a document
// whose checks ended just in time was reported ok, the report made up to a
// second past its limit).
TEST_F(TimeLimitTest, EveryStageIsInsideTheLimitTheReportToo) {
  int n = 500;
  double total = 0;
  for (;; n *= 2) {
    const double t0 = Now();
    auto r = screener_->ScreenExtracted("report.docx", ManyFacts(n), Status::Ok(), 0);
    total = Now() - t0;
    ASSERT_EQ(r.report.status, DocumentStatus::kOk);
    ASSERT_GT(r.report.facts.size(), static_cast<size_t>(n));
    if (total >= 0.8 || n >= 32000) break;
  }
  int reported = 0, failed = 0;
  for (double fraction = 0.5; fraction < 1.15; fraction += 0.025) {
    Document doc = ManyFacts(n);
    const double t0 = Now();
    const double deadline = t0 + fraction * total;
    auto r = screener_->ScreenExtracted("report.docx", std::move(doc), Status::Ok(), deadline);
    const double returned = Now();
    if (r.report.status == DocumentStatus::kOk) {
      ++reported;
      EXPECT_LE(returned, deadline + 0.2) << "reported screened " << returned - deadline
                                          << " s after its limit (limit at " << fraction << " of " << total << " s)";
    } else {
      ++failed;
      EXPECT_EQ(r.report.status, DocumentStatus::kFailed);
      EXPECT_EQ(r.report.code, Status::Code::kTimeout) << r.report.reason;
      EXPECT_TRUE(r.report.findings.empty());
      EXPECT_TRUE(r.report.facts.empty());
      EXPECT_LE(returned - deadline, 0.5 + 0.2 * total) << "returned long after its limit";
    }
  }
  EXPECT_GT(failed, 0);  // the limits did fall inside the work
}

// A DOCX (stored ZIP, written here) whose body is `paragraph` repeated n times.
uint32_t Crc32(const std::string& s) {
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : s) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

std::string RepeatedSentenceDocx(const std::string& name, const std::string& sentence, int n) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  xml += "<w:p><w:r><w:t>2024年度某区某局整体支出绩效自评报告</w:t></w:r></w:p>";
  for (int i = 0; i < n; ++i) xml += "<w:p><w:r><w:t>" + sentence + "</w:t></w:r></w:p>";
  xml += "</w:body></w:document>";
  const std::string part = "word/document.xml";
  auto u16 = [](std::string* o, uint32_t v) { o->push_back(char(v & 0xFF)); o->push_back(char(v >> 8 & 0xFF)); };
  auto u32 = [&](std::string* o, uint32_t v) { u16(o, v & 0xFFFF); u16(o, v >> 16); };
  const uint32_t crc = Crc32(xml), size = static_cast<uint32_t>(xml.size());
  std::string zip;
  u32(&zip, 0x04034b50); u16(&zip, 20); u16(&zip, 0); u16(&zip, 0); u16(&zip, 0); u16(&zip, 0);
  u32(&zip, crc); u32(&zip, size); u32(&zip, size); u16(&zip, part.size()); u16(&zip, 0);
  zip += part + xml;
  const uint32_t central_at = static_cast<uint32_t>(zip.size());
  std::string central;
  u32(&central, 0x02014b50); u16(&central, 20); u16(&central, 20); u16(&central, 0); u16(&central, 0);
  u16(&central, 0); u16(&central, 0); u32(&central, crc); u32(&central, size); u32(&central, size);
  u16(&central, part.size()); u16(&central, 0); u16(&central, 0); u16(&central, 0); u16(&central, 0);
  u32(&central, 0); u32(&central, 0);
  central += part;
  zip += central;
  u32(&zip, 0x06054b50); u16(&zip, 0); u16(&zip, 0); u16(&zip, 1); u16(&zip, 1);
  u32(&zip, central.size()); u32(&zip, central_at); u16(&zip, 0);
  const std::string path = testing::TempDir() + "/time_limit_" + name;
  std::ofstream(path, std::ios::binary) << zip;
  return path;
}

// The probe's case: one budget sentence repeated 64,000 times (its facts and
// checks take many seconds) with a limit of 1 s. The thread screening it,
// as a batch worker would, returns within a bound after its limit, with the
// document failed for its time, not checked in part and reported clean.
TEST_F(TimeLimitTest, DeadlineStopsEveryStageAndTheThreadReturns) {
  const std::string path = RepeatedSentenceDocx(
      "repeated.docx", "本单位2024年度预算资金36万元，其中基本支出30万元，项目支出6万元，培训12期共计480人次。", 64000);
  ExtractOptions options;
  options.time_limit_seconds = 1;
  const double t0 = Now();
  std::packaged_task<Screener::Result()> task([&] { return screener_->Screen(path, options); });
  std::future<Screener::Result> done = task.get_future();
  std::thread worker(std::move(task));
  // Within the limit plus a bound (2.5 s: the machine is shared by tests
  // running beside this one); before the loops checked the deadline, the
  // facts and checks ran to their end (some 15 s).
  const bool returned = done.wait_for(std::chrono::duration<double>(1 + 2.5)) == std::future_status::ready;
  worker.join();
  const double seconds = Now() - t0;
  EXPECT_TRUE(returned) << "returned after " << seconds << " s";
  Screener::Result r = done.get();
  EXPECT_EQ(r.report.status, DocumentStatus::kFailed) << ToJson(r.report).dump().substr(0, 400);
  // Out of time while reading (a loaded machine) or in the facts or checks.
  EXPECT_EQ(r.report.code, Status::Code::kTimeout) << r.report.reason;
  EXPECT_NE(r.report.reason.find("超时"), std::string::npos) << r.report.reason;
  EXPECT_TRUE(r.report.findings.empty());
}

// With no limit the same document is screened to its end (the control: the
// stop above is the deadline's, not a bound on the document).
TEST_F(TimeLimitTest, DeadlineControlWithoutLimitScreensToTheEnd) {
  const std::string path = RepeatedSentenceDocx(
      "repeated-small.docx", "本单位2024年度预算资金36万元，其中基本支出30万元，项目支出9万元。", 2000);
  ExtractOptions options;
  options.time_limit_seconds = 0;
  Screener::Result r = screener_->Screen(path, options);
  EXPECT_EQ(r.report.status, DocumentStatus::kOk);
  EXPECT_GT(r.report.findings.size(), 0u);  // 30 + 9 != 36
}

}  // namespace
}  // namespace jixiao
