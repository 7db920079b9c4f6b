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
void PrintText(const nlohmann::ordered_json& r, std::ostream& out) {
  out << "== " << r.value("file", "") << "\n";
  if (r.value("status", "") == "failed" || r.value("status", "") == "skipped") {
    out << "   无法处理：" << r.value("status_reason", "") << "\n\n";
    return;
  }
  if (r.contains("title") && r["title"].is_string()) out << "   " << r["title"].get<std::string>() << "\n";
  // The findings below cover only what was read; the reader must know.
  if (r.value("status", "") == "partial") out << "   部分内容未能读取：" << r.value("status_reason", "") << "\n";
  const auto& findings = r["findings"];
  if (findings.empty()) {
    out << "   未发现问题\n\n";
    return;
  }
  out << "   发现 " << findings.size() << " 个问题（错误 " << r["counts"]["error"] << "，警告 "
      << r["counts"]["warning"] << "，提示 " << r["counts"]["info"] << "）\n";
  int n = 0;
  for (const auto& f : findings) {
    out << "\n" << ++n << ". [" << SeverityChineseName(f["severity"].get<std::string>()) << "] " << f["code"].get<std::string>() << "  "
        << f["message"].get<std::string>() << "\n";
    if (f.contains("arithmetic")) out << "   算式：" << f["arithmetic"].get<std::string>() << "\n";
    for (const auto& e : f["evidence"]) {
      std::string quote = e.value("quote", "");
      if (quote.size() > 300) {
        quote = quote.substr(0, Utf8BoundaryBefore(quote, 300)) + "……";
      }
      for (char& c : quote)
        if (c == '\n') c = ' ';
      std::string figure = e.value("value", "") + e.value("unit", "");
      out << "   - " << e.value("place", "") << (figure.empty() ? "" : " [" + figure + "]") << "：“" << quote << "”\n";
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
  app.add_option("FILE", args->files, "Reports (.docx, .pdf)")->required()->check(CLI::ExistingFile);
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
    int exit_code = kExitClean;
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const std::string& file : args->files) {
      Screener::Result r = screener->Screen(file, extract);
      const std::string status = r.report.value("status", "");
      if (status == "failed" || status == "skipped") {
        std::cerr << "jixiao: " << file << ": " << r.report.value("status_reason", "") << "\n";
        exit_code = kExitError;
      } else if (r.finding_count > 0 && exit_code == kExitClean) {
        exit_code = kExitFindings;
      }
      if (args->format == "json") all.push_back(std::move(r.report));
      else PrintText(r.report, std::cout);
    }
    if (args->format == "json") std::cout << (all.size() == 1 ? all[0] : all).dump(1) << "\n";
    return exit_code;
  };
}

Runner AddFactsCommand(CLI::App& app) {
  struct Args {
    std::string file;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  app.add_option("FILE", args->file, "A report (.docx, .pdf)")->required()->check(CLI::ExistingFile);
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
      std::cerr << "jixiao: " << args->file << ": " << r.doc.status_reason << "\n";
      return kExitError;
    }
    if (args->format == "json") std::cout << FactSetToJson(r.facts).dump(1) << "\n";
    else std::cout << FactSetToText(r.facts);
    return kExitClean;
  };
}

}  // namespace jixiao::cli
