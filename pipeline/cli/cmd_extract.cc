// `jixiao extract FILE... [--format json|text|markdown]`: reports into the
// document model. Several files are read in one process (a JSON array, or
// text/markdown with a "==> FILE <==" line before each). Covered by
// tests/cli_test.cc.
#include <iostream>
#include <map>

#include "extractors/detect/extract_file.h"
#include "pipeline/cli/commands.h"
#include "pipeline/model/export.h"

namespace jixiao::cli {

Runner AddExtractCommand(CLI::App& app) {
  struct Args {
    std::vector<std::string> files;
    std::string format = "json";
    double time_limit = 60;
    ExtractOptions::Ocr ocr = ExtractOptions::Ocr::kAuto;
  };
  auto args = std::make_shared<Args>();
  app.add_option("FILE", args->files, "Reports (.docx, .pdf)")->required()->check(ExistingFileZh());
  app.add_option("-f,--format", args->format, "Output: json (the model), text (seed dump layout) or markdown")
      ->check(CLI::IsMember({"json", "text", "markdown"}))
      ->capture_default_str();
  app.add_option("--time-limit", args->time_limit, "Seconds allowed for one document (0: none)")
      ->check(SecondsCheck())
      ->capture_default_str();
  AddOcrOption(app, &args->ocr);

  return [args]() {
    ExtractOptions options;
    options.time_limit_seconds = args->time_limit;
    options.ocr = args->ocr;
    const bool several = args->files.size() > 1;
    int exit_code = kExitClean;
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const std::string& file : args->files) {
      Document doc;
      Status status = ExtractFile(file, options, &doc);
      if (!status.ok()) {
        std::cerr << "jixiao: " << file << ": " << status.message() << "\n";
        exit_code = kExitError;
        continue;
      }
      for (const Diagnostic& d : doc.diagnostics) {
        if (d.severity != Diagnostic::Severity::kInfo)
          std::cerr << "jixiao: " << file << ": " << SeverityName(d.severity) << ": " << d.message << "\n";
      }
      if (args->format == "json") {
        all.push_back(DocumentToJson(doc));
        continue;
      }
      if (several) std::cout << "==> " << file << " <==\n";
      std::cout << (args->format == "text" ? DocumentToText(doc) : DocumentToMarkdown(doc));
    }
    if (args->format == "json" && !all.empty()) std::cout << (several ? all : all[0]).dump(1) << "\n";
    return exit_code;
  };
}

void AddOcrOption(CLI::App& app, ExtractOptions::Ocr* mode) {
  static const std::map<std::string, ExtractOptions::Ocr> kModes = {
      {"auto", ExtractOptions::Ocr::kAuto}, {"off", ExtractOptions::Ocr::kOff}, {"force", ExtractOptions::Ocr::kForce}};
  app.add_option("--ocr", *mode,
                 "PDF pages without a usable text layer: auto (OCR scanned pages and garbled fonts), "
                 "off, or force (OCR every page)")
      ->transform(CLI::CheckedTransformer(kModes, CLI::ignore_case))
      ->default_str("auto");
}

}  // namespace jixiao::cli
