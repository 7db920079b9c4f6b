// `jixiao run PATH... --out DIR [--jobs N] [--shard K/N] [--time-limit S]`:
// screens a batch into a run folder (pipeline/batch/runner.h has the folder
// layout, resuming and the exit-code rule). Covered by
// tests/e2e/run_e2e_test.cc.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "pipeline/batch/inputs.h"
#include "pipeline/batch/runner.h"
#include "pipeline/cli/commands.h"
#include "pipeline/screen/screen.h"

namespace jixiao::cli {

Runner AddRunCommand(CLI::App& app) {
  struct Args {
    std::vector<std::string> paths;
    std::string out;
    int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::string shard = "0/1";
    double time_limit = 60;
    double watchdog = 0;
    bool retry_failed = false;
    std::string progress = "auto";
    std::string rules;
    bool verbose = false;
    ExtractOptions::Ocr ocr = ExtractOptions::Ocr::kAuto;
  };
  auto args = std::make_shared<Args>();
  app.add_option("PATH", args->paths, "Reports (.pdf, .docx) or folders searched recursively")
      ->required()
      ->check(ExistingPathZh());
  app.add_option("-o,--out", args->out, "Run folder: manifest, reports, archive, log (created; resumed when it exists)")
      ->required();
  app.add_option("-j,--jobs", args->jobs, "Documents screened at once")->check(CLI::Range(1, 256))->capture_default_str();
  app.add_option("--shard", args->shard, "Screen only shard K of N (0 <= K < N), split by file content hash")
      ->capture_default_str();
  app.add_option("--time-limit", args->time_limit, "Seconds allowed for one document (0: none)")
      ->check(SecondsCheck())
      ->capture_default_str();
  app.add_option("--watchdog", args->watchdog,
                 "Seconds after which a stuck document is given up as timeout (0: time limit x 1.5 + 5)")
      ->check(SecondsCheck());
  app.add_flag("--retry-failed", args->retry_failed, "Screen again documents that failed, or were read only in part, in an earlier run");
  app.add_option("--progress", args->progress, "auto (bar on a terminal), bar, or lines")
      ->check(CLI::IsMember({"auto", "bar", "lines"}))
      ->capture_default_str();
  app.add_option("--rules", args->rules, "Rules file (schemas/rules/*.json); default: national rules");
  app.add_flag("--log-debug", args->verbose, "Debug detail in DIR/jixiao.log");
  AddOcrOption(app, &args->ocr);

  return [args]() {
    batch::RunOptions o;
    o.paths = args->paths;
    o.out_dir = args->out;
    o.jobs = args->jobs;
    Status s = batch::ParseShard(args->shard, &o.shard_index, &o.shard_count);
    if (!s.ok()) {
      std::cerr << "jixiao run: " << s.message() << "\n";
      return kExitError;
    }
    o.screen.extract.time_limit_seconds = args->time_limit;
    o.screen.extract.ocr = args->ocr;
    // Pages of one scan are read --jobs at a time: a long scan alone in the
    // queue still uses every worker.
    o.screen.extract.ocr_threads = args->jobs;
    o.screen.rules_path = args->rules;
    o.watchdog_seconds = args->watchdog;
    o.retry_failed = args->retry_failed;
    o.version = JixiaoVersion();
    o.progress = args->progress == "bar" ? 1 : args->progress == "lines" ? 0 : -1;
    std::error_code ec;
    std::filesystem::create_directories(o.out_dir, ec);
    if (ec) {
      std::cerr << "jixiao run: cannot create " << o.out_dir << ": " << ec.message() << "\n";
      return kExitError;
    }
    s = batch::InstallRunLog(o.out_dir, args->verbose);
    if (!s.ok()) {
      std::cerr << "jixiao run: " << s.message() << "\n";
      return kExitError;
    }
    // The rules are loaded once, before any document: a bad rules file is a
    // usage error, not a thousand failed documents.
    std::shared_ptr<Screener> screener;
    {
      std::unique_ptr<Screener> created;
      s = Screener::Create(o.screen.rules_path, &created);
      if (!s.ok()) {
        spdlog::error("run: rules: {}", s.ToString());
        std::cerr << "jixiao run: " << s.message() << "\n";
        return kExitError;
      }
      screener = std::move(created);
    }
    batch::ScreenFunction screen = [screener](const std::string& path, const ScreenOptions& options) {
      return screener->Screen(path, options.extract);
    };
    batch::RunSummary sum;
    s = batch::RunBatch(o, screen, &sum);
    if (!s.ok()) {
      spdlog::error("run: {}", s.ToString());
      std::cerr << "jixiao run: " << s.message() << "\n";
      sum.exit_code = kExitError;
    } else {
      std::cout << "jixiao run: " << sum.Line() << "\n";
      std::cout << "jixiao run: 结果在 " << o.out_dir << "（manifest.csv、summary.csv、findings.csv、"
                << "findings.jsonl、report.xlsx、report.html、archive.sqlite；日志 jixiao.log）\n";
    }
    if (sum.abandoned > 0) {
      // Threads stuck in a document cannot be joined; leave without running
      // static destructors under them.
      std::cout.flush();
      std::cerr.flush();
      spdlog::shutdown();
      std::_Exit(sum.exit_code);
    }
    return sum.exit_code;
  };
}

}  // namespace jixiao::cli
