// ScreenReport: what screening says about one document, as one typed value
// that `check`, `run`, the reports, `merge` and the archive share. Its JSON
// form (ToJson / FromJson, one pair) is schemas/findings.schema.json: what
// `check --format json` prints, one line of findings.jsonl, the report blob
// of the archive.
//
// {
//   "file", "sha256", "format", "size",
//   "status": "ok"|"partial"|"failed"|"skipped",  "status_reason" (when not ok),
//   "status_code": "timeout"|"invalid_input"|...   (the Status::Code behind a
//                                                  status other than ok),
//   "jixiao_version", "rules", "title", "unit", "year", "project", "family",
//   "figures": {total_budget, executed, execution_rate, self_score, grade},
//   "facts": [...], "findings": [...], "counts": {error, warning, info},
//   "diagnostics": [...]
// }
// Absent optional keys stay absent and null ones null on the way back, so a
// report read from the archive prints exactly as it was written.
//
// Covered by pipeline/screen/report_test.cc (round trip on real reports).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/checks/finding.h"
#include "pipeline/facts/facts.h"
#include "pipeline/model/document.h"
#include "pipeline/model/status.h"

namespace jixiao {

// Where a fact was read: the block, and for a table cell the row and column
// of the table that block holds. -1 when unknown or not applicable.
struct FactPlace {
  int block = -1;
  int row = -1, col = -1;   // table facts only
  int page = -1;
  bool in_table() const { return row >= 0 && col >= 0; }
};

// A fact as the report carries it (schemas: $defs/fact), typed: every field
// of its JSON object (FactJson writes it back byte for byte), and nothing
// else. A tall table has hundreds of thousands of
// facts: no JSON object is kept per fact.
struct ReportFact {
  std::string concept_id, label;
  std::string grade;  // concept "grade" only, which has no figure
  // The figure as written ("kind", "value", "unit", "canonical",
  // "canonical_unit", "qualifier" (absent when empty), "interval"); unused
  // for a grade.
  std::string kind, value, unit, canonical, canonical_unit, qualifier, interval;
  std::string period;
  int year = 0;  // absent when 0
  std::string subject;
  bool from_table = false;  // "source": "table" | "narrative"
  std::string raw, quote;
  FactPlace place;
  uint64_t span_begin = 0, span_end = 0;  // narrative facts: "where.span"
  int parent = -1, list = -1;             // absent when -1
  bool list_open = false;
  // "relation" (absent when `relation` is empty): kind, of, sign (absent
  // when 0), level (-1), base_year (0), base_period (""), change (-1).
  std::string relation, of_concept, base_period;
  int sign = 0, relation_base = -1, base_year = 0, relation_change = -1;
};

// Headline figures: decimals as text, amounts in 万元; empty when unknown.
struct HeadlineFigures {
  std::string total_budget, executed, execution_rate, self_score, grade;
};

struct FindingCounts {
  int error = 0, warning = 0, info = 0;
  int total() const { return error + warning + info; }
};

struct ScreenReport {
  // Identity of the input.
  std::string file;      // as reports show it (valid UTF-8)
  std::string sha256;
  std::string format;    // "docx" | "pdf" | "ofd" | ... | ""
  uint64_t size = 0;
  // Outcome of the extraction and why.
  DocumentStatus status = DocumentStatus::kOk;
  Status::Code code = Status::Code::kOk;   // kTimeout, kInvalidInput ... when status is not ok
  std::string reason;                      // Chinese, for the reviewer
  // What screened it.
  std::string jixiao_version, rules;
  // What the document is (empty / 0 when not found).
  std::string title, unit, project, family;
  int year = 0;
  HeadlineFigures figures;
  std::vector<ReportFact> facts;
  std::vector<Finding> findings;
  nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();

  FindingCounts counts() const;
  bool timed_out() const { return code == Status::Code::kTimeout; }
  // The most serious finding, or null.
  const Finding* MostSerious() const;
};

// A fact of the facts stage as the report carries it, and back and forth
// to its JSON object: FactJson(ReportFactFromJson(j)) == j for any j
// FactJson wrote.
ReportFact ReportFactOf(const Fact& fact);
nlohmann::ordered_json FactJson(const ReportFact& fact);
ReportFact ReportFactFromJson(const nlohmann::ordered_json& fact);

// The facts stage's whole result as `jixiao facts FILE -f json` prints it: the
// facts (as FactJson writes them), indicator rows, funds blocks and score lines.
nlohmann::ordered_json FactSetToJson(const FactSet& facts);

// The whole report as one JSON value (small reports, tests). Printing and
// storing use WriteJson: the same text, the facts made one at a time.
nlohmann::ordered_json ToJson(const ScreenReport& report);
// Writes ToJson(report).dump(indent) (indent < 0: compact; invalid UTF-8
// replaced) in pieces to `sink`, each fact's JSON made, written and dropped
// in turn; every line after the first is indented by `base` more spaces (a
// report inside an array). The JSON of all the facts never exists at once.
void WriteJson(const ScreenReport& report, int indent, int base, const std::function<void(const std::string&)>& sink);
// WriteJson into one string.
std::string ToJsonText(const ScreenReport& report, int indent);
// InvalidInput when the object is not a report (a required key missing or of
// the wrong type).
Status FromJson(const nlohmann::ordered_json& json, ScreenReport* report);

// What became of an input, in one vocabulary for the manifest, summary.csv,
// report.xlsx and archive.documents.status:
//   ok        screened, no error or warning finding (info findings allowed)
//   findings  screened, at least one error or warning finding
//   failed    could not be screened although it should be (damaged,
//             unreadable, timeout, crash); the reason says why
//   skipped   not a report jixiao reads (other file type, empty, lock file)
//   duplicate the same bytes as another input, screened instead
//   pending   not finished (a run killed or interrupted)
//   removed   in the archive from an earlier run, gone from the input folder
// A document read only in part (time limit) is ok or findings, with a reason
// that starts 部分内容未能读取：.
enum class Outcome { kOk, kFindings, kFailed, kSkipped, kDuplicate, kPending, kRemoved };
const char* OutcomeName(Outcome outcome);   // "ok", "findings", ...
const char* OutcomeZh(Outcome outcome);     // 通过, 有问题, 处理失败, 已跳过, 重复, 未完成, 已移除
bool OutcomeFromName(const std::string& name, Outcome* outcome);
// ok / findings / failed / skipped by the report's status and findings.
Outcome OutcomeOf(const ScreenReport& report);
// The reason a reviewer reads for the report's outcome: the status reason,
// prefixed 部分内容未能读取： for a document read in part.
std::string OutcomeReason(const ScreenReport& report);
inline constexpr char kPartialReason[] = "部分内容未能读取：";

// The report's family (ScreenReport::family) in Chinese for reviewers
// (whole_report → 部门整体支出自评报告 …), "" when unknown.
std::string FamilyZh(const std::string& family);
// The family ids FamilyZh knows, joined by 、 (for messages).
std::string FamilyIdList();

// The exit code of `check` and `run`, one rule over the inputs:
//   2  any input failed or is pending (the run did not finish it), or a file
//      named as a report (.docx .pdf .ofd .doc .wps, not an Office lock file
//      ~$...) was skipped: a report nobody has screened (empty, a scan with
//      OCR off, encrypted, another kind of file under a report's name);
//   1  otherwise, any document with an error or warning finding;
//   0  otherwise. Info findings, duplicates, removed documents and skipped
//      files that are not named as reports (notes.txt) do not count.
struct ExitInput {
  Outcome outcome;
  std::string file;  // its name decides for a skipped input
};
int ExitCodeFor(const std::vector<ExitInput>& inputs);
// True for a file name ending in .docx .pdf .ofd .doc .wps (any case) that
// is not an Office lock file (~$...).
bool IsReportName(const std::string& file);

// "timeout" -> Status::Code::kTimeout; kOk for an unknown name.
Status::Code StatusCodeFromName(const std::string& name);
// "error" | "warning" | "info" -> severity; false for anything else.
bool FindingSeverityFromName(const std::string& name, FindingSeverity* severity);

}  // namespace jixiao
