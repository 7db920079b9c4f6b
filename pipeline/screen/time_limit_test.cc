// The time limit between the stages of screening: a document whose time ran
// out is failed with a timeout reason, never checked past its limit or
// reported clean. (The extractors' own limits are covered beside them.)
#include <gtest/gtest.h>

#include <chrono>

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

}  // namespace
}  // namespace jixiao
