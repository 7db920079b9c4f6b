// The reports of a run folder, written from the manifest and the reports
// stored in the archive (so `run`, a resumed run and `merge` write the same
// thing):
//   findings.jsonl  one report object (screen.h) per screened document, in
//                   manifest order (failed documents too: status failed)
//   summary.csv     a row per screened document: 文件, 单位, 年度, 预算总额（万元）,
//                   执行数（万元）, 执行率（%）, 自评得分, 等级, 错误, 警告, 提示,
//                   最严重问题, 状态, 说明 (UTF-8 with BOM)
//   findings.csv    a row per finding: 文件, 单位, 年度, 严重程度, 代码, 问题说明,
//                   算式, 原文引用, 位置, 发现编号 (the stable finding id), and
//                   the current review: 复核结论, 复核人, 备注 (UTF-8 with BOM)
//   report.xlsx     sheets 汇总 (summary; autofilter, frozen header) and
//                   问题清单 (findings)
//   report.html     one self-contained page (report_html.cc): an overview
//                   table, filters, documents by severity (collapsible), each
//                   finding with its quotes (the figure marked), a link to
//                   the original file and the current review
// Every file is written to a temporary name and renamed.
//
// Covered by pipeline/batch/batch_test.cc and tests/e2e.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/archive/archive.h"
#include "pipeline/archive/reviews.h"
#include "pipeline/batch/manifest.h"

namespace jixiao::batch {

// Writes the five reports of a run folder, one document at a time (memory
// does not grow with the batch: each report is loaded, written and dropped;
// only the short HTML section of each document is kept, to sort them).
class ReportWriter {
 public:
  explicit ReportWriter(std::string dir);
  ~ReportWriter();
  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;

  // Creates the temporary files. IoError when dir is not writable.
  Status Open();
  // The current reviews of each document's findings (复核结论, 复核人, 备注)
  // are read from this archive (pipeline/archive/reviews.h), and the links of
  // report.html to the original files from its input roots; without it the
  // review columns stay empty and there are no links. archive must outlive
  // the writer.
  Status UseArchive(archive::Archive* archive);
  // Adds a screened document (manifest order). "file" of the output is row.file.
  Status Add(const ManifestRow& row, const ScreenReport& report);
  // Writes the HTML page, closes the workbook and renames every file into place.
  Status Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The reports of every input of the manifest but duplicates and pending
// ones (ok, findings, failed, skipped: one line each in summary.csv and
// report.xlsx, with the same status word, OutcomeZh), each loaded from the
// archive; a row the archive has no report of (skipped before screening)
// gets one from what the row knows.
Status WriteRunReports(const std::string& dir, const std::vector<ManifestRow>& rows, archive::Archive* archive);

// Helpers shared by the writers.
const char* SeverityZh(FindingSeverity severity);  // 错误 / 警告 / 提示
// "[错误] CODE 说明" of the most serious finding, or "".
std::string MostSerious(const ScreenReport& report);
// The quotes of a finding's evidence joined with " | ", and their places.
std::string Quotes(const Finding& finding);
std::string Places(const Finding& finding);
// A relative link from folder `from_dir` to the file at absolute path
// `target`, percent-encoded (UTF-8 names included); "" when target is empty.
std::string RelativeHref(const std::string& from_dir, const std::string& target);
// "2024", or "" when the year is unknown.
std::string YearText(const ScreenReport& report);

}  // namespace jixiao::batch
