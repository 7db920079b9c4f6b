// Per-format writers behind ReportWriter (private to pipeline/batch).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "pipeline/archive/reviews.h"
#include "pipeline/batch/manifest.h"
#include "pipeline/model/status.h"

namespace jixiao::batch {

// The current review of each reviewed finding of a document, by finding id.
using DocReviews = std::map<std::string, archive::Review>;

// report.xlsx, row by row (report_xlsx.cc).
class XlsxReport {
 public:
  ~XlsxReport();
  Status Open(const std::string& tmp_path);
  void Add(const ManifestRow& row, const ScreenReport& report, const DocReviews& reviews);
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
  // source_href: a link to the original file (relative to the page), or "".
  void Add(const ManifestRow& row, const ScreenReport& report, const DocReviews& reviews,
           const std::string& source_href);
  // Writes the whole page to path (not atomically: the caller renames it).
  Status WritePage(const std::string& path);

 private:
  struct Section {
    int rank, errors, warnings;
    std::string file;
    long offset;          // the section, then its overview row, in the spill file
    size_t length, row_length;
  };
  std::vector<Section> sections_;
  std::set<std::string> codes_, units_;
  std::set<int> years_;
  int reviewed_ = 0, findings_ = 0;
  std::string spill_path_;
  FILE* spill_ = nullptr;
  int write_errno_ = 0;
  int docs_ = 0, errors_ = 0, warnings_ = 0, infos_ = 0, failed_ = 0, with_findings_ = 0;
};

}  // namespace jixiao::batch
