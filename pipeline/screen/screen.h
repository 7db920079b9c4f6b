// Screening of one report: extraction, facts, checks, and the per-document
// report object that `check`, `run` and the archive share.
//
// The report is a ScreenReport (report.h; schemas/findings.schema.json).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/checks/finding.h"
#include "pipeline/checks/rules.h"
#include "pipeline/facts/facts.h"
#include "pipeline/facts/vocabulary.h"
#include "pipeline/model/document.h"
#include "pipeline/model/extract_options.h"
#include "pipeline/screen/report.h"

namespace jixiao {

struct ScreenOptions {
  ExtractOptions extract;
  // Rules file (schemas/rules/*.json); empty: the national rules bundled in schemas/.
  std::string rules_path;
};

// What screening needs besides the file: rules and vocabulary, loaded once
// per process and shared read-only by all workers.
class Screener {
 public:
  // Loads the rules (rules_path, or the built-in national rules when empty)
  // and the built-in vocabulary. A bad rules file is an error here, before
  // any document is read.
  static Status Create(const std::string& rules_path, std::unique_ptr<Screener>* out);

  struct Result {
    Document doc;                   // the extraction (status failed/skipped when unreadable)
    FactSet facts;
    std::vector<Finding> findings;
    ScreenReport report;            // what check, run and the archive keep
  };

  // Never fails: an unreadable file gives a result whose document status is
  // failed or skipped with a reason a reviewer reads (Chinese, reason.h; the
  // extractor's English message goes to the log) and its Status::Code. A document the
  // time limit cut short is screened on the blocks read before it, with
  // status partial; with no block read it is failed. Thread-safe.
  Result Screen(const std::string& path, const ExtractOptions& extract) const;
  // The same for a document already extracted: `status` is what ExtractFile
  // returned for it (tests use this to stand for a run out of time).
  Result ScreenExtracted(const std::string& path, Document doc, const Status& status) const;
  // The same, with the time limit's deadline (seconds on the steady clock,
  // 0: none): the limit is checked between the stages (after extraction,
  // after the facts), and a document whose time ran out is failed with a
  // timeout reason rather than checked past its limit or reported clean.
  Result ScreenExtracted(const std::string& path, Document doc, const Status& status, double deadline) const;

  const Rules& rules() const { return rules_; }
  const Vocabulary& vocabulary() const { return vocabulary_; }

 private:
  Rules rules_;
  Vocabulary vocabulary_;
};

using ScreenResult = Screener::Result;

// One Screener per rules file (empty: the built-in rules) for the whole
// process, created on first use; null when the rules cannot be loaded, with
// the reason in *status (when not null). Screen() is const: share it freely.
const Screener* SharedScreener(const std::string& rules_path, Status* status);

// One-off screening with the built-in rules (or options.rules_path; a rules
// file that cannot be read makes every result failed with that reason).
ScreenResult ScreenFile(const std::string& path, const ScreenOptions& options);

// The report's title, year, unit, project and family: from the title (in any
// order, on two lines, with a （2022年度） line), else the identity cells of
// its tables (项目名称, 主管部门, 实施单位, 部门（单位）名称) when a vocabulary
// is given. family: whole_report (部门整体支出绩效自评报告), project_table,
// whole_table, final_accounts (决算公开), summary_report (总结报告), bundle
// (a cover letter and its tables), project_report, or "" when none fits.
struct ReportIdentity {
  std::string title;
  std::string unit;
  int year = 0;
  std::string project;
  std::string family;
};
ReportIdentity IdentifyReport(const Document& doc, const Vocabulary* vocabulary = nullptr);

// The jixiao version stamped on reports (used by `run` to decide resumption).
const char* JixiaoVersion();

}  // namespace jixiao
