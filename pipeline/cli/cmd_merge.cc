// `jixiao merge DIR... --out DIR`: joins run folders (shards) into one
// archive and one set of reports (pipeline/batch/merge.h). Exit code as for
// `run`, from the merged manifest. Covered by tests/e2e/run_e2e_test.cc.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "pipeline/batch/merge.h"
#include "pipeline/cli/commands.h"

namespace jixiao::cli {

Runner AddMergeCommand(CLI::App& app) {
  struct Args {
    std::vector<std::string> dirs;
    std::string out;
  };
  auto args = std::make_shared<Args>();
  app.add_option("DIR", args->dirs, "Run folders written by `jixiao run`")->required()->check(CLI::ExistingDirectory);
  app.add_option("-o,--out", args->out, "Merged run folder (created, or merged into)")->required();
  return [args]() {
    std::error_code ec;
    std::filesystem::create_directories(args->out, ec);
    if (ec) {
      std::cerr << "jixiao merge: cannot create " << args->out << ": " << ec.message() << "\n";
      return kExitError;
    }
    Status s = batch::InstallRunLog(args->out, false);
    batch::RunSummary sum;
    if (s.ok()) s = batch::MergeRuns(args->dirs, args->out, &sum);
    if (!s.ok()) {
      spdlog::error("merge: {}", s.ToString());
      std::cerr << "jixiao merge: " << s.message() << "\n";
      return kExitError;
    }
    std::cout << "jixiao merge: " << sum.Line() << "\n";
    return sum.exit_code;
  };
}

}  // namespace jixiao::cli
