// The reports of a run folder, written from the manifest and the reports
// stored in the archive (so `run`, a resumed run and `merge` write the same
// thing):
//   findings.jsonl  one report object (screen.h) per screened document, in
//                   manifest order (failed documents too: status failed)
//   summary.csv     a row per screened document: 文件, 单位, 年度, 预算总额（万元）,
//                   执行数（万元）, 执行率（%）, 自评得分, 等级, 错误, 警告, 提示,
//                   最严重问题, 状态, 说明 (UTF-8 with BOM)
//   findings.csv    a row per finding: 文件, 单位, 年度, 严重程度, 代码, 问题说明,
//                   算式, 原文引用, 位置 (UTF-8 with BOM)
//   report.xlsx     sheets 汇总 (summary; autofilter, frozen header) and
//                   问题清单 (findings)
//   report.html     one self-contained page: documents by severity, each
//                   finding with its quotes, a filter box
// Every file is written to a temporary name and renamed.
//
// Covered by pipeline/batch/batch_test.cc and tests/e2e.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/archive/archive.h"
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
  // Adds a screened document (manifest order). "file" of the output is row.file.
  Status Add(const ManifestRow& row, const nlohmann::ordered_json& report);
  // Writes the HTML page, closes the workbook and renames every file into place.
  Status Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The reports of the manifest's screened documents (ok, findings, failed;
// skipped by the screener too when the archive has their report), each
// loaded from the archive; a row whose report is missing gets a minimal
// report built from the row.
Status WriteRunReports(const std::string& dir, const std::vector<ManifestRow>& rows, archive::Archive* archive);

// Helpers shared by the writers.
// "[错误] CODE 说明" of the most serious finding, or "".
std::string MostSerious(const nlohmann::ordered_json& report);
// The document's family in Chinese for the summary (the report's "family":
// whole_report → 部门整体支出自评报告 …), "" when unknown.
std::string FamilyZh(const nlohmann::ordered_json& report);
// The quotes of a finding's evidence joined with " | ", and their places.
std::string Quotes(const nlohmann::ordered_json& finding);
std::string Places(const nlohmann::ordered_json& finding);

}  // namespace jixiao::batch
