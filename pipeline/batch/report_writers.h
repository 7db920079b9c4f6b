// Per-format writers behind ReportWriter (private to pipeline/batch).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/batch/manifest.h"
#include "pipeline/model/status.h"

namespace jixiao::batch {

// A report field as text for a cell or a line: strings as they are, numbers
// and other values as JSON, "" when `j` is not an object or the field is
// absent or null (unit and year are null when the title did not give them).

// report.xlsx, row by row (report_xlsx.cc).
class XlsxReport {
 public:
  ~XlsxReport();
  Status Open(const std::string& tmp_path);
  void Add(const ManifestRow& row, const ScreenReport& report);
  Status Close();
  // Closes the workbook, if open, and removes its temporary file.
  void Discard();

 private:
  struct State;
  State* s_ = nullptr;
};

// report.html: one section per document, sorted at the end (report_html.cc).
// Memory does not grow with the batch: each section is appended to a spill
// file as it comes and only its sort key and place are kept; the page is
// then written section by section in severity order.
class HtmlReport {
 public:
  ~HtmlReport();
  // Opens the spill file (removed by the destructor).
  Status Open(const std::string& spill_path);
  void Add(const ManifestRow& row, const ScreenReport& report);
  // Writes the whole page to path (not atomically: the caller renames it).
  Status WritePage(const std::string& path);

 private:
  struct Section {
    int rank, errors, warnings;
    std::string file;
    long offset;
    size_t length;
  };
  std::vector<Section> sections_;
  std::string spill_path_;
  FILE* spill_ = nullptr;
  int write_errno_ = 0;
  int docs_ = 0, errors_ = 0, warnings_ = 0, infos_ = 0, failed_ = 0, with_findings_ = 0;
};

}  // namespace jixiao::batch
