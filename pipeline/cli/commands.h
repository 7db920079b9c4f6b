// The subcommands of build/jixiao. Each Add*Command declares its options on
// the given CLI11 app (so arguments are checked before any work starts) and
// returns the function that runs it; the function returns the process exit
// code: 0 clean, 1 findings, 2 error (check and run: ExitCodeFor in
// pipeline/screen/report.h; `jixiao` with no subcommand prints the help and
// exits 2, as any other usage error).
#pragma once

#include <cmath>
#include <functional>
#include <string>

#include <CLI/CLI.hpp>
#include <sys/stat.h>

#include "pipeline/model/extract_options.h"

namespace jixiao::cli {

using Runner = std::function<int()>;

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

// --time-limit and --watchdog: seconds from 0 to kMaxTimeLimitSeconds (not
// NaN, not infinite), checked before any work starts.
inline CLI::Validator SecondsCheck() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        char* end = nullptr;
        double v = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(v) || v < 0 || v > kMaxTimeLimitSeconds)
          return "wants seconds from 0 (no limit) to " + std::to_string(static_cast<long>(kMaxTimeLimitSeconds)) +
                 ", got " + text;
        return "";
      },
      "SECONDS");
}

// An existing file, or "文件不存在：PATH" (a folder: "是文件夹，不是文件：PATH").
inline CLI::Validator ExistingFileZh() {
  return CLI::Validator(
      [](std::string& path) -> std::string {
        struct stat st;
        if (::stat(path.c_str(), &st) != 0) return "文件不存在：" + path;
        if (S_ISDIR(st.st_mode)) return "是文件夹，不是文件：" + path;
        return "";
      },
      "FILE");
}

// An existing file or folder, or "文件或文件夹不存在：PATH".
inline CLI::Validator ExistingPathZh() {
  return CLI::Validator(
      [](std::string& path) -> std::string {
        struct stat st;
        return ::stat(path.c_str(), &st) == 0 ? "" : "文件或文件夹不存在：" + path;
      },
      "PATH");
}

// `--ocr auto|off|force` on a command; the value lands in *mode.
void AddOcrOption(CLI::App& app, ExtractOptions::Ocr* mode);

Runner AddExtractCommand(CLI::App& app);
Runner AddFactsCommand(CLI::App& app);   // cmd_check.cc: the facts of one report
Runner AddCheckCommand(CLI::App& app);   // cmd_check.cc: cross-checks with evidence
Runner AddRunCommand(CLI::App& app);     // cmd_run.cc: screen a batch into a run folder
Runner AddSearchCommand(CLI::App& app);  // cmd_search.cc: full-text / amount search of an archive
Runner AddMergeCommand(CLI::App& app);   // cmd_merge.cc: join run folders (shards)
Runner AddReviewsCommand(CLI::App& app); // cmd_reviews.cc: export the reviewers' decisions

}  // namespace jixiao::cli
