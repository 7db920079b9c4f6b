// Memory bounded by the document, not by the batch (README "Limits and
// safety"): the peak resident memory of build/jixiao, measured by the kernel
// (wait4's ru_maxrss), on large inputs generated here (never committed):
// `check` on a DOCX holding a table of 300,000 rows, with and without facts
// on every row, and `run` on a growing batch of small reports. Long: labelled
// `slow` (the sanitizer build skips it).
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <string>
#include <vector>

#include "tests/e2e/e2e_util.h"

namespace jixiao::e2e {
namespace {

struct Measured {
  int exit_code = -1;
  double seconds = 0;
  double peak_mb = 0;
};

Measured Measure(const std::vector<std::string>& args, const std::string& log) {
  const auto t0 = std::chrono::steady_clock::now();
  const int pid = StartJixiao(args, log);
  int status = 0;
  struct rusage usage {};
  Measured m;
  if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
    m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.peak_mb = usage.ru_maxrss / 1024.0;
  }
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return m;
}

// A table of `rows` rows under 项目 | 预算数（万元） | 执行数（万元）, each row
// named by `label(i)`.
template <typename Label>
void TallTableDocx(const std::string& path, int rows, Label label) {
  std::vector<std::vector<std::string>> table = {{"项目", "预算数（万元）", "执行数（万元）"}};
  for (int i = 0; i < rows; ++i) table.push_back({label(i), std::to_string(i % 97), std::to_string(i % 89)});
  MakeDocxBody(path, "<w:p><w:r><w:t>2024年度某局整体支出绩效自评报告</w:t></w:r></w:p>" + TableXml(table));
}

// The reliability probe's case: 300,000 rows named by no concept (2 MB as
// DOCX). It took 3.0 GB, then 675 MB (every cell's figure kept while the
// table was read); the document model itself is some 200 MB.
TEST(Limits, CheckOnATableOf300000RowsStaysBounded) {
  Scratch dir("limits_table");
  const std::string docx = dir / "table.docx";
  TallTableDocx(docx, 300000, [](int i) { return "支出" + std::to_string(i); });
  const Measured m = Measure({"check", "--time-limit", "0", "-f", "json", docx}, dir / "out.json");
  EXPECT_NE(m.exit_code, 2) << ReadFile(dir / "out.json").substr(0, 400);
  EXPECT_LT(m.peak_mb, 400) << m.seconds << " s";
  std::cout << "check, table of 300000 rows: " << m.seconds << " s, " << m.peak_mb << " MB\n";
}

// Every row a fact twice over (基本支出 on each row: 200,000 facts and a
// conflict of figures): the facts as the report carries them and as it
// prints them. Each fact was a JSON object of some 3 KB in the report.
TEST(Limits, CheckOnATableOf100000RowsOfFactsStaysBounded) {
  Scratch dir("limits_facts");
  const std::string docx = dir / "facts.docx";
  TallTableDocx(docx, 100000, [](int i) { return i % 2 ? "基本支出" : "项目支出"; });
  const Measured m = Measure({"check", "--time-limit", "0", "-f", "json", docx}, dir / "out.json");
  EXPECT_NE(m.exit_code, 2) << ReadFile(dir / "out.json").substr(0, 400);
  const std::string out = ReadFile(dir / "out.json");
  EXPECT_NE(out.find("\"concept\": \"basic\""), std::string::npos) << out.substr(0, 400);
  // 1.2 GB before; some 450 MB now (each fact is some 1 KB in the facts
  // stage, and half that again in the report).
  EXPECT_LT(m.peak_mb, 600) << m.seconds << " s";
  std::cout << "check, table of 100000 rows of facts: " << m.seconds << " s, " << m.peak_mb << " MB\n";
}

// `run` memory is bounded by the document, not by the batch: 4,000 small
// reports take hardly more than 800. (Before, the workers' results queued
// for the archive without bound and the archive's file was memory mapped:
// some 20 KB more a document, 191 MB for 10,000.)
TEST(Limits, RunMemoryDoesNotGrowWithTheBatch) {
  Scratch dir("limits_run");
  auto make = [&](const std::string& folder, int n) {
    for (int i = 0; i < n; ++i)
      MakeDocx(dir / (folder + "/r" + std::to_string(i) + ".docx"),
               {"2024年度第" + std::to_string(i) + "单位整体支出绩效自评报告",
                "本单位2024年度预算资金" + std::to_string(20 + i % 50) + "万元，全年实际支出" +
                    std::to_string(20 + i % 50) + "万元，预算执行率100%。"});
  };
  make("small", 800);
  make("large", 4000);
  const Measured small = Measure({"run", dir / "small", "--out", dir / "out-small", "--jobs", "2"}, dir / "small.log");
  const Measured large = Measure({"run", dir / "large", "--out", dir / "out-large", "--jobs", "2"}, dir / "large.log");
  EXPECT_NE(small.exit_code, 2) << ReadFile(dir / "small.log");
  EXPECT_NE(large.exit_code, 2) << ReadFile(dir / "large.log");
  std::cout << "run, 800 documents: " << small.seconds << " s, " << small.peak_mb << " MB; 4000 documents: "
            << large.seconds << " s, " << large.peak_mb << " MB\n";
  // 3,200 documents more: under 5 KB each (before: some 20 KB each).
  EXPECT_LT(large.peak_mb - small.peak_mb, 16) << small.peak_mb << " MB vs " << large.peak_mb << " MB";
}

}  // namespace
}  // namespace jixiao::e2e
