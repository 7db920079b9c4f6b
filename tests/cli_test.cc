// The executable as a user meets it: exit codes (0 clean, 1 findings, 2
// error), one clear line for bad input, --format, --rules.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace {

const std::string kRoot = JIXIAO_SOURCE_DIR;
const std::string kBinary = JIXIAO_BINARY;

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

CliRun Jixiao(const std::string& args) {
  // ctest runs each test in its own process, in parallel: one file per process and call.
  static int calls = 0;
  const std::string err_path = ::testing::TempDir() + "/jixiao_cli_stderr." + std::to_string(getpid()) + "." +
                               std::to_string(++calls) + ".txt";
  const std::string command = kBinary + " " + args + " 2>" + err_path;
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = pclose(pipe);
  std::stringstream err;
  {
    std::ifstream err_in(err_path);
    err << err_in.rdbuf();
  }
  std::remove(err_path.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, err.str()};
}

std::string Write(const std::string& name, const std::string& bytes) {
  const std::string path = ::testing::TempDir() + "/" + std::to_string(getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(CliTest, ExitCodesFollowTheFindings) {
  CliRun clean = Jixiao("check " + kRoot + "/corpus/variants/clean.docx");
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("未发现问题"), std::string::npos);

  CliRun seed = Jixiao("check " + kRoot + "/corpus/seed/junshan-gsl-2024.pdf");
  EXPECT_EQ(seed.exit_code, 1);
  EXPECT_NE(seed.out.find("RATE_ZERO_BASE"), std::string::npos);
  EXPECT_NE(seed.out.find("为年初预算的100%"), std::string::npos) << "findings quote the report";
}

TEST(CliTest, OneExitCodeRuleInCheckAndRun) {
  // A document whose only findings are info: exit 0 in check as in run
  // (errors and warnings count, info does not).
  const std::string file = kRoot + "/corpus/templates/half-filled.docx";
  CliRun check = Jixiao("check --format json " + file);
  EXPECT_NE(check.out.find("\"severity\": \"info\""), std::string::npos) << check.out;
  EXPECT_EQ(check.out.find("\"severity\": \"error\""), std::string::npos);
  EXPECT_EQ(check.out.find("\"severity\": \"warning\""), std::string::npos);
  EXPECT_EQ(check.exit_code, 0) << check.err;
  const std::string dir = ::testing::TempDir() + "/jixiao_cli_exit_" + std::to_string(getpid());
  ASSERT_EQ(std::system(("rm -rf " + dir).c_str()), 0);
  CliRun run = Jixiao("run --progress lines " + file + " --out " + dir);
  EXPECT_EQ(run.exit_code, check.exit_code) << run.out << run.err;
  std::system(("rm -rf " + dir).c_str());
}

TEST(CliTest, AloneItPrintsTheHelp) {
  CliRun r = Jixiao("");
  EXPECT_EQ(r.exit_code, 2);  // a usage error, as documented
  EXPECT_NE(r.out.find("Subcommands:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("check"), std::string::npos);
  EXPECT_EQ(r.err.find("A subcommand is required"), std::string::npos) << r.err;
}

TEST(CliMessages, ReasonsAReviewerReadsAreChinese) {
  const std::string text = Write("notes.docx", "this is plain text, not a Word file\n");
  CliRun r = Jixiao("check --format json " + text);
  EXPECT_NE(r.out.find("\"status_reason\": \"不是 DOCX 或 PDF 报告"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("looks like"), std::string::npos) << r.out;
  CliRun missing = Jixiao("check /nonexistent/report.docx");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("文件不存在：/nonexistent/report.docx"), std::string::npos) << missing.err;
  EXPECT_EQ(missing.err.find("File does not exist"), std::string::npos) << missing.err;
}

TEST(CliTest, BadInputIsOneClearLineAndExitTwo) {
  const std::string not_zip = Write("not-a-report.docx", "this is plain text, not a Word file\n");
  CliRun r = Jixiao("check " + not_zip);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("not-a-report.docx"), std::string::npos) << r.err;

  CliRun missing = Jixiao("extract /nonexistent/report.docx");
  EXPECT_EQ(missing.exit_code, 2);

  CliRun bad_format = Jixiao("extract " + kRoot + "/corpus/variants/clean.docx --format xml");
  EXPECT_EQ(bad_format.exit_code, 2);

  // One bad file among good ones: the others are still checked.
  CliRun mixed = Jixiao("check --format json " + not_zip + " " + kRoot + "/corpus/variants/clean.docx");
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_TRUE(mixed.out.find("\"status\": \"failed\"") != std::string::npos ||
              mixed.out.find("\"status\": \"skipped\"") != std::string::npos)
      << mixed.out;
  EXPECT_NE(mixed.out.find("\"status\": \"ok\""), std::string::npos);
}

TEST(CliTest, ExtractFormats) {
  const std::string docx = kRoot + "/corpus/seed/junshan-gsl-2024.docx";
  CliRun text = Jixiao("extract --format text " + docx);
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("\n三、政府性基金预算支出情况\n"), std::string::npos);
  EXPECT_NE(text.out.find("\n\t总分\n"), std::string::npos);
  CliRun md = Jixiao("extract --format markdown " + docx);
  EXPECT_NE(md.out.find("rowspan="), std::string::npos);
  CliRun json = Jixiao("extract " + docx);
  EXPECT_NE(json.out.find("\"schema\": \"jixiao.document/1\""), std::string::npos);
  // Several files in one process: a JSON array, or text with a header per file.
  const std::string pdf = kRoot + "/corpus/seed/junshan-gsl-2024.pdf";
  CliRun both = Jixiao("extract " + docx + " " + pdf);
  EXPECT_EQ(both.exit_code, 0);
  EXPECT_EQ(both.out.rfind("[", 0), 0u);
  CliRun texts = Jixiao("extract --format text " + docx + " " + pdf);
  EXPECT_NE(texts.out.find("==> " + pdf + " <=="), std::string::npos);
}

TEST(CliTest, RulesAreData) {
  // A region whose output indicators weigh 40: the clean report now breaks its rule.
  std::ifstream in(kRoot + "/schemas/rules/national.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string rules = buffer.str();
  const std::string from = "\"label\": \"产出指标\",\n        \"weight\": 50";
  const size_t at = rules.find(from);
  ASSERT_NE(at, std::string::npos);
  rules.replace(at, from.size(), "\"label\": \"产出指标\",\n        \"weight\": 40");
  const std::string region = Write("region-rules.json", rules);
  CliRun r = Jixiao("check --rules " + region + " " + kRoot + "/corpus/variants/clean.docx");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("WEIGHT_MISMATCH"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("规定为40分"), std::string::npos) << r.out;

  CliRun broken = Jixiao("check --rules " + Write("broken-rules.json", "{\"name\": 1") + " " + kRoot +
                      "/corpus/variants/clean.docx");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("broken-rules.json"), std::string::npos) << broken.err;
}

// Messages a reviewer can act on (issue: faults and hostile inputs, item 18).
TEST(CliMessages, TimeLimitOutOfRangeIsRefusedBeforeAnyWork) {
  const std::string docx = kRoot + "/corpus/variants/clean.docx";
  for (const char* bad : {"1e10", "-1", "nan", "inf"}) {
    CliRun r = Jixiao(std::string("check --time-limit ") + bad + " " + docx);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("--time-limit"), std::string::npos) << bad << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << bad;
  }
  CliRun most = Jixiao("check --time-limit 1000000 " + docx);
  EXPECT_EQ(most.exit_code, 0) << most.err;  // the largest limit works: no overflow
}

TEST(CliMessages, BadRulesFileSaysWhereAndWhat) {
  const std::string docx = kRoot + "/corpus/variants/clean.docx";
  CliRun syntax = Jixiao("check --rules " + Write("syntax-rules.json", "{\n  \"name\": 1,\n  \"partitions\": [,]\n}") +
                         " " + docx);
  EXPECT_EQ(syntax.exit_code, 2);
  EXPECT_NE(syntax.err.find("不是合法的 JSON（第 3 行"), std::string::npos) << syntax.err;
  EXPECT_EQ(syntax.err.find("json.exception"), std::string::npos) << syntax.err;
  CliRun missing = Jixiao("check --rules " + Write("missing-rules.json", "{\"name\": \"x\"}") + " " + docx);
  EXPECT_NE(missing.err.find("缺少必需的字段“partitions”"), std::string::npos) << missing.err;
  CliRun type = Jixiao("check --rules " + Write("type-rules.json", "{\"partitions\": 5}") + " " + docx);
  EXPECT_NE(type.err.find("字段的类型或取值不对"), std::string::npos) << type.err;
  EXPECT_EQ(type.err.find("json.exception"), std::string::npos) << type.err;
}

TEST(CliMessages, EmptyFileIsSkippedInCheckAsInRun) {
  CliRun r = Jixiao("check --format json " + Write("empty.docx", ""));
  EXPECT_EQ(r.exit_code, 2);  // a report nobody screened, in check as in run
  EXPECT_NE(r.out.find("\"status\": \"skipped\""), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("空文件"), std::string::npos) << r.err;
}

TEST(CliMessages, SearchBoundsTheQueryAndOpensTheArchiveReadOnly) {
  const std::string dir = ::testing::TempDir() + "/jixiao_cli_search_" + std::to_string(getpid());
  ASSERT_EQ(std::system(("rm -rf " + dir).c_str()), 0);
  CliRun run = Jixiao("run --progress lines " + kRoot + "/corpus/variants/clean.docx --out " + dir + "/run");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "词" + std::to_string(i) + " ";
  CliRun words = Jixiao("search " + dir + "/run '" + many + "'");
  EXPECT_EQ(words.exit_code, 2);
  EXPECT_NE(words.err.find("查询词太多"), std::string::npos) << words.err;
  EXPECT_EQ(words.err.find("not an error"), std::string::npos) << words.err;

  // A read-only medium: a private mount namespace with a read-only tmpfs
  // (skipped where mounting is not allowed).
  const std::string ro = dir + "/ro";
  const std::string script = "mkdir -p " + ro + " && unshare -m sh -c 'mount -t tmpfs tmpfs " + ro + " && cp " + dir +
                             "/run/archive.sqlite " + ro + "/ && mount -o remount,ro " + ro + " && touch " + ro +
                             "/x 2>/dev/null; test ! -e " + ro + "/x && " + kBinary + " search " + ro +
                             "/archive.sqlite 预算 > " + dir + "/ro.out 2>&1; echo $? > " + dir + "/ro.rc' 2>/dev/null";
  if (std::system(script.c_str()) != 0) GTEST_SKIP() << "no mount namespace here";
  std::ifstream rc_in(dir + "/ro.rc"), out_in(dir + "/ro.out");
  std::stringstream rc, out;
  rc << rc_in.rdbuf();
  out << out_in.rdbuf();
  EXPECT_EQ(rc.str(), "0\n") << out.str();
  EXPECT_NE(out.str().find("【预算】"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("readonly"), std::string::npos) << out.str();
  std::system(("rm -rf " + dir).c_str());
}

}  // namespace
