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
  EXPECT_EQ(r.report["status"], "ok");
  EXPECT_GT(r.finding_count, 0);
}

TEST_F(TimeLimitTest, OutOfTimeAfterReadingIsAFailedTimeoutNotClean) {
  auto r = screener_->ScreenExtracted("report.docx", Contradicting(), Status::Ok(), Now() - 1);
  EXPECT_EQ(r.report["status"], "failed");
  EXPECT_NE(r.report.value("status_reason", "").find("超时"), std::string::npos) << r.report.dump();
  EXPECT_EQ(r.finding_count, 0);
}

TEST_F(TimeLimitTest, OutOfTimeAfterTheFactsSkipsTheChecks) {
  Document doc = Tall(5000);
  double t0 = Now();
  auto r = screener_->ScreenExtracted("report.docx", std::move(doc), Status::Ok(), t0 + 0.01);
  EXPECT_EQ(r.report["status"], "failed");
  EXPECT_NE(r.report.value("status_reason", "").find("before the checks"), std::string::npos) << r.report["status_reason"];
  EXPECT_EQ(r.finding_count, 0);
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
  EXPECT_EQ(r.report["status"], "failed") << r.report.dump().substr(0, 400);
  // Out of time while reading (a loaded machine) or in the facts or checks.
  EXPECT_NE(r.report.value("status_reason", "").find("time limit"), std::string::npos) << r.report["status_reason"];
  EXPECT_EQ(r.finding_count, 0);
}

// With no limit the same document is screened to its end (the control: the
// stop above is the deadline's, not a bound on the document).
TEST_F(TimeLimitTest, DeadlineControlWithoutLimitScreensToTheEnd) {
  const std::string path = RepeatedSentenceDocx(
      "repeated-small.docx", "本单位2024年度预算资金36万元，其中基本支出30万元，项目支出9万元。", 2000);
  ExtractOptions options;
  options.time_limit_seconds = 0;
  Screener::Result r = screener_->Screen(path, options);
  EXPECT_EQ(r.report["status"], "ok");
  EXPECT_GT(r.finding_count, 0);  // 30 + 9 != 36
}

}  // namespace
}  // namespace jixiao
