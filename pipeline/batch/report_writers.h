// Per-format writers behind ReportWriter (private to pipeline/batch).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/batch/manifest.h"
#include "pipeline/model/status.h"

namespace jixiao::batch {

// report.xlsx, row by row (report_xlsx.cc).
class XlsxReport {
 public:
  ~XlsxReport();
  Status Open(const std::string& tmp_path);
  void Add(const ManifestRow& row, const nlohmann::ordered_json& report);
  Status Close();

 private:
  struct State;
  State* s_ = nullptr;
};

// report.html: one section per document, sorted at the end (report_html.cc).
class HtmlReport {
 public:
  void Add(const ManifestRow& row, const nlohmann::ordered_json& report);
  std::string Page() const;

 private:
  struct Section {
    int rank, errors, warnings;
    std::string file, html;
  };
  std::vector<Section> sections_;
  int docs_ = 0, errors_ = 0, warnings_ = 0, infos_ = 0, failed_ = 0, with_findings_ = 0;
};

}  // namespace jixiao::batch
