// build/jixiao: one executable, one subcommand per stage. The stages are
// libraries; this is the only place that joins them.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <map>

#include "pipeline/cli/commands.h"

#ifndef JIXIAO_VERSION
#define JIXIAO_VERSION "dev"
#endif

int main(int argc, char** argv) {
  CLI::App app{"jixiao: screens 绩效自评报告 (DOCX, PDF) for figures that do not add up"};
  app.set_version_flag("--version", std::string("jixiao ") + JIXIAO_VERSION);
  app.require_subcommand(1);
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log debug detail to stderr");

  std::map<CLI::App*, jixiao::cli::Runner> runners;
  auto add = [&](const char* name, const char* help, auto adder) {
    CLI::App* sub = app.add_subcommand(name, help);
    runners[sub] = adder(*sub);
  };
  add("extract", "Extract a report into the document model (json, text or markdown)",
      jixiao::cli::AddExtractCommand);
  add("facts", "List the facts of a report: figures with concept, period and place", jixiao::cli::AddFactsCommand);
  add("check", "Cross-check reports: every figure that does not add up, with quotes and places",
      jixiao::cli::AddCheckCommand);
  add("run", "Screen a batch of reports (files, folders) into a run folder: manifest, reports, archive",
      jixiao::cli::AddRunCommand);
  add("search", "Search an archive: words, phrases, amounts (24万元); ranked, with snippets",
      jixiao::cli::AddSearchCommand);
  add("merge", "Join run folders (shards) into one archive and one set of reports", jixiao::cli::AddMergeCommand);
  add("reviews", "Export the reviewers' decisions on findings (csv or json)", jixiao::cli::AddReviewsCommand);

  // `jixiao` alone: the help, and the exit code of a usage error.
  if (argc <= 1) {
    std::cout << app.help();
    return jixiao::cli::kExitError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return jixiao::cli::kExitError;
  }

  auto logger = spdlog::stderr_logger_mt("jixiao");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("jixiao: %l: %v");
  spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::warn);

  for (CLI::App* sub : app.get_subcommands()) {
    try {
      return runners.at(sub)();
    } catch (const std::exception& e) {
      // A bug, never the input's fault: the stages report bad input as Status.
      std::cerr << "jixiao: internal error: " << e.what() << "\n";
      return jixiao::cli::kExitError;
    }
  }
  return jixiao::cli::kExitError;
}
