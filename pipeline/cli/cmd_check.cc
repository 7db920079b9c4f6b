// `jixiao facts FILE` and `jixiao check FILE... [--format json|text] [--rules FILE]`.
// Covered by tests/acceptance_test.cc (through the library) and
// tests/cli_test.cc.
#include <iostream>

#include "pipeline/cli/commands.h"
#include "pipeline/facts/facts.h"
#include "pipeline/model/finding_codes.h"
#include "pipeline/model/utf8.h"
#include "pipeline/screen/screen.h"

namespace jixiao::cli {
namespace {

// A terminal listing: each finding with its quotes and places.
void PrintText(const ScreenReport& r, std::ostream& out) {
  out << "== " << r.file << "\n";
  if (r.status == DocumentStatus::kFailed || r.status == DocumentStatus::kSkipped) {
    out << "   " << (r.status == DocumentStatus::kFailed ? "无法处理：" : "未处理：") << r.reason << "\n\n";
    return;
  }
  if (!r.title.empty()) out << "   " << r.title << "\n";
  // The findings below cover only what was read; the reader must know.
  if (r.status == DocumentStatus::kPartial) out << "   " << OutcomeReason(r) << "\n";
  if (r.findings.empty()) {
    out << "   未发现问题\n\n";
    return;
  }
  const FindingCounts c = r.counts();
  out << "   发现 " << r.findings.size() << " 个问题（错误 " << c.error << "，警告 " << c.warning << "，提示 " << c.info
      << "）\n";
  int n = 0;
  for (const Finding& f : r.findings) {
    out << "\n" << ++n << ". [" << SeverityChineseName(FindingSeverityName(f.severity)) << "] " << f.code << "  " << f.message << "\n";
    if (!f.arithmetic.empty()) out << "   算式：" << f.arithmetic << "\n";
    for (const Evidence& e : f.evidence) {
      std::string quote = e.quote;
      if (quote.size() > 300) {
        quote = quote.substr(0, Utf8BoundaryBefore(quote, 300)) + "……";
      }
      for (char& c : quote)
        if (c == '\n') c = ' ';
      std::string figure = e.value + e.unit;
      out << "   - " << e.place << (figure.empty() ? "" : " [" + figure + "]") << "：“" << quote << "”\n";
    }
  }
  out << "\n";
}

}  // namespace

Runner AddCheckCommand(CLI::App& app) {
  struct Args {
    std::vector<std::string> files;
    std::string format = "text";
    std::string rules;
    double time_limit = 60;
    ExtractOptions::Ocr ocr = ExtractOptions::Ocr::kAuto;
  };
  auto args = std::make_shared<Args>();
  app.add_option("FILE", args->files, "Reports (.docx, .pdf)")->required()->check(ExistingFileZh());
  app.add_option("-f,--format", args->format, "json (one object per file, an array for several) or text")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  app.add_option("--rules", args->rules, "Rules file (default: built-in national rules, schemas/rules/national.json)")
      ->check(CLI::ExistingFile);
  app.add_option("--time-limit", args->time_limit, "Seconds allowed for one document (0: none)")
      ->check(SecondsCheck())
      ->capture_default_str();
  AddOcrOption(app, &args->ocr);
  return [args]() {
    std::unique_ptr<Screener> screener;
    Status st = Screener::Create(args->rules, &screener);
    if (!st.ok()) {
      std::cerr << "jixiao: " << st.message() << "\n";
      return kExitError;
    }
    ExtractOptions extract;
    extract.time_limit_seconds = args->time_limit;
    extract.ocr = args->ocr;
    std::vector<ExitInput> outcomes;
    // JSON: one object for one file, an array for several, each report
    // printed when it is screened, its facts one at a time.
    const bool json = args->format == "json", array = args->files.size() > 1;
    auto print = [](const std::string& piece) { std::cout << piece; };
    if (json && array) std::cout << "[";
    for (size_t k = 0; k < args->files.size(); ++k) {
      const std::string& file = args->files[k];
      Screener::Result r = screener->Screen(file, extract);
      r.doc = Document();  // the model and the facts stage's own facts are not printed: freed first
      r.facts = FactSet();
      outcomes.push_back({OutcomeOf(r.report), file});
      if (r.report.status == DocumentStatus::kFailed || r.report.status == DocumentStatus::kSkipped)
        std::cerr << "jixiao: " << file << ": " << r.report.reason << "\n";
      if (!json) {
        PrintText(r.report, std::cout);
      } else if (array) {
        std::cout << (k ? ",\n " : "\n ");
        WriteJson(r.report, 1, 1, print);
      } else {
        WriteJson(r.report, 1, 0, print);
      }
    }
    if (json) std::cout << (array ? "\n]\n" : "\n");
    // The rule `run` follows too (pipeline/screen/report.h).
    const int exit_code = ExitCodeFor(outcomes);
    return exit_code;
  };
}

Runner AddFactsCommand(CLI::App& app) {
  struct Args {
    std::string file;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  app.add_option("FILE", args->file, "A report (.docx, .pdf)")->required()->check(ExistingFileZh());
  app.add_option("-f,--format", args->format, "json or text")->check(CLI::IsMember({"json", "text"}))->capture_default_str();
  return [args]() {
    std::unique_ptr<Screener> screener;
    Status st = Screener::Create("", &screener);
    if (!st.ok()) {
      std::cerr << "jixiao: " << st.message() << "\n";
      return kExitError;
    }
    Screener::Result r = screener->Screen(args->file, ExtractOptions{});
    if (r.doc.status == DocumentStatus::kFailed || r.doc.status == DocumentStatus::kSkipped) {
      std::cerr << "jixiao: " << args->file << ": " << r.report.reason << "\n";
      return kExitError;
    }
    if (args->format == "json") std::cout << FactSetToJson(r.facts).dump(1) << "\n";
    else std::cout << FactSetToText(r.facts);
    return kExitClean;
  };
}

}  // namespace jixiao::cli
