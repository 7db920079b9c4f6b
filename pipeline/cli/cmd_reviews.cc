// `jixiao reviews DIR [--format csv|json] [--history] [-o FILE]`: the
// reviewers' decisions stored in a run folder's archive (pipeline/archive/
// reviews.h), one row per reviewed finding (its current review), or every
// decision ever recorded with --history. CSV as the run's other CSVs (UTF-8
// with BOM, cells safe against formula injection: pipeline/batch/csv.h).
// Exit code: 0 (also when nothing was reviewed yet), 2 error. Covered by
// tests/e2e/reviews_e2e_test.cc.
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "pipeline/archive/archive.h"
#include "pipeline/archive/reviews.h"
#include "pipeline/batch/csv.h"
#include "pipeline/cli/commands.h"
#include "pipeline/model/finding_codes.h"

namespace jixiao::cli {

Runner AddReviewsCommand(CLI::App& app) {
  struct Args {
    std::string dir, format = "csv", output;
    bool history = false;
  };
  auto args = std::make_shared<Args>();
  app.add_option("DIR", args->dir, "A run folder (or its archive.sqlite)")->required()->check(ExistingPathZh());
  app.add_option("-f,--format", args->format, "csv or json")->check(CLI::IsMember({"csv", "json"}))->capture_default_str();
  app.add_flag("--history", args->history, "Every decision ever recorded, not only the current one of each finding");
  app.add_option("-o,--output", args->output, "Write to this file instead of standard output");

  return [args]() {
    std::string path = args->dir;
    if (std::filesystem::is_directory(path)) path += "/archive.sqlite";
    std::unique_ptr<archive::Archive> arc;
    Status s = archive::Archive::OpenReadOnly(path, &arc);
    if (!s.ok()) {
      std::cerr << "jixiao reviews: " << s.message() << "\n";
      return kExitError;
    }
    archive::Reviews reviews(arc.get());
    std::vector<archive::ReviewRow> rows;
    s = reviews.Export(args->history, &rows);
    if (!s.ok()) {
      std::cerr << "jixiao reviews: " << s.message() << "\n";
      return kExitError;
    }
    std::string out;
    if (args->format == "json") {
      nlohmann::ordered_json j = nlohmann::ordered_json::array();
      for (const archive::ReviewRow& r : rows) {
        nlohmann::ordered_json o;
        o["finding_id"] = r.review.finding_id;
        o["sha256"] = r.review.sha256;
        o["file"] = r.file;
        o["unit"] = r.unit;
        o["year"] = r.year ? nlohmann::ordered_json(r.year) : nlohmann::ordered_json();
        o["code"] = r.finding.code;
        o["severity"] = r.finding.severity;
        o["message"] = r.finding.message;
        o["still_present"] = r.finding.present;
        o["decision"] = archive::DecisionName(r.review.decision);
        o["comment"] = r.review.comment;
        o["reviewer"] = r.review.reviewer;
        o["at"] = r.review.at;
        j.push_back(std::move(o));
      }
      out = j.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    } else {
      out = std::string(batch::kUtf8Bom) +
            batch::CsvRecord({"文件", "单位", "年度", "严重程度", "代码", "问题说明", "发现编号", "复核结论", "复核人",
                              "备注", "复核时间", "问题仍存在"}) +
            "\r\n";
      for (const archive::ReviewRow& r : rows)
        out += batch::CsvRecord({r.file, r.unit, r.year ? std::to_string(r.year) : "",
                                 SeverityChineseName(r.finding.severity.c_str()), r.finding.code, r.finding.message,
                                 r.review.finding_id, archive::DecisionZh(r.review.decision), r.review.reviewer,
                                 r.review.comment, r.review.at, r.finding.present ? "是" : "否（已消失）"}) +
               "\r\n";
    }
    if (args->output.empty()) {
      std::cout << out;
      return std::cout.good() ? kExitClean : kExitError;
    }
    s = batch::WriteFileAtomically(args->output, out);
    if (!s.ok()) {
      std::cerr << "jixiao reviews: " << s.message() << "\n";
      return kExitError;
    }
    return kExitClean;
  };
}

}  // namespace jixiao::cli
