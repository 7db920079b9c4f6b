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

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/archive/archive.h"
#include "pipeline/batch/manifest.h"

namespace jixiao::batch {

struct DocReport {
  ManifestRow row;
  nlohmann::ordered_json report;  // "file" is row.file
};

// The documents of the manifest that were screened (ok, findings, failed),
// with their reports from the archive. A row whose report is missing from the
// archive gets a minimal report built from the row.
Status LoadReports(archive::Archive* archive, const std::vector<ManifestRow>& rows, std::vector<DocReport>* docs);

// Writes all five reports into dir.
Status WriteReports(const std::string& dir, const std::vector<DocReport>& docs);

// Individual writers (used by WriteReports; exposed for tests).
std::string FindingsJsonl(const std::vector<DocReport>& docs);
std::string SummaryCsv(const std::vector<DocReport>& docs);
std::string FindingsCsv(const std::vector<DocReport>& docs);
Status WriteXlsx(const std::string& path, const std::vector<DocReport>& docs);
std::string ReportHtml(const std::vector<DocReport>& docs);

// Helpers shared by the writers.
const char* SeverityZh(const std::string& severity);  // 错误 / 警告 / 提示
// "[错误] CODE 说明" of the most serious finding, or "".
std::string MostSerious(const nlohmann::ordered_json& report);
// The quotes of a finding's evidence joined with " | ", and their places.
std::string Quotes(const nlohmann::ordered_json& finding);
std::string Places(const nlohmann::ordered_json& finding);

}  // namespace jixiao::batch
