// `jixiao extract FILE [--format json|text|markdown]`: one report into the
// document model. Covered by tests/cli_test.cc.
#include <iostream>

#include "extractors/detect/extract_file.h"
#include "pipeline/cli/commands.h"
#include "pipeline/model/export.h"

namespace jixiao::cli {

Runner AddExtractCommand(CLI::App& app) {
  struct Args {
    std::string file;
    std::string format = "json";
    double time_limit = 60;
  };
  auto args = std::make_shared<Args>();
  app.add_option("FILE", args->file, "A .docx or .pdf report")->required()->check(CLI::ExistingFile);
  app.add_option("-f,--format", args->format, "Output: json (the model), text (seed dump layout) or markdown")
      ->check(CLI::IsMember({"json", "text", "markdown"}))
      ->capture_default_str();
  app.add_option("--time-limit", args->time_limit, "Seconds allowed for one document (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();

  return [args]() {
    ExtractOptions options;
    options.time_limit_seconds = args->time_limit;
    Document doc;
    Status status = ExtractFile(args->file, options, &doc);
    if (!status.ok()) {
      std::cerr << "jixiao: " << args->file << ": " << status.message() << "\n";
      return kExitError;
    }
    for (const Diagnostic& d : doc.diagnostics) {
      if (d.severity != Diagnostic::Severity::kInfo)
        std::cerr << "jixiao: " << args->file << ": " << SeverityName(d.severity) << ": " << d.message << "\n";
    }
    if (args->format == "json") {
      std::cout << DocumentToJson(doc).dump(1) << "\n";
    } else if (args->format == "text") {
      std::cout << DocumentToText(doc);
    } else {
      std::cout << DocumentToMarkdown(doc);
    }
    return kExitClean;
  };
}

}  // namespace jixiao::cli
