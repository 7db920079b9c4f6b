// All cross-checks of one report: the figure checks over its facts, the score
// checks over its indicator table, and the structure and wording checks.
#pragma once

#include <string>
#include <vector>

#include "pipeline/checks/finding.h"
#include "pipeline/checks/rules.h"
#include "pipeline/facts/facts.h"
#include "pipeline/model/document.h"

namespace jixiao {

// Every finding of the report, most serious first, then in reading order.
// `read_in_full` false: the text stops early (the time limit cut the reading
// short), so a section or attachment not found may be on the pages not read
// and SECTION_MISSING / ATTACHMENT_MISSING are not judged.
std::vector<Finding> RunChecks(const Document& doc, const FactSet& facts, const Rules& rules,
                               const std::string& title, bool read_in_full);

// The parts of RunChecks, exposed for tests.
// SUM_MISMATCH, FIGURE_CONFLICT, RATE_MISMATCH, RATE_ZERO_BASE, UNIT_SUSPECT.
void CheckFigures(const Document& doc, const FactSet& facts, const Rules& rules, std::vector<Finding>* out);
// Changes, differences and completion rates stated in the narrative:
// this − last = change (SUM_MISMATCH), change ÷ last = growth, 决算 − 预算 =
// difference (SUM_MISMATCH), 完成率 = 决算 ÷ 预算 (RATE_MISMATCH), and 完成
// 100% beside a difference that cannot be 0 (RATE_MISMATCH).
void CheckRelations(const Document& doc, const FactSet& facts, std::vector<Finding>* out);
// SCORE_TOTAL_MISMATCH, SCORE_OVER_WEIGHT, WEIGHT_MISMATCH, GRADE_MISMATCH,
// TARGET_NOT_MET, DEVIATION_UNEXPLAINED.
void CheckScores(const Document& doc, const FactSet& facts, const Rules& rules, std::vector<Finding>* out);

// The funds block: SUM_MISMATCH (total row vs its 其中 rows), RATE_MISMATCH
// (执行率 on every row), EXECUTION_SCORE_MISMATCH (score vs the rule in force).
void CheckFunds(const Document& doc, const FactSet& facts, const Rules& rules, std::vector<Finding>* out);
// TABLE_INCOMPLETE: an indicator table that stops before its 总分 row (or
// leaves it empty), a document that ends mid-sentence or mid-table, a PDF
// read only in part. Returns true when the document itself is cut short, so
// that missing sections and attachments are not judged.
bool CheckCompleteness(const Document& doc, const FactSet& facts, bool read_in_full, std::vector<Finding>* out);

// Length in bytes of the longest run of whole UTF-8 characters two labels
// share ("收集困难与问题" and "收集企业困难与问题" share "困难与问题").
size_t CommonRun(const std::string& a, const std::string& b);

// Evidence for a fact: its quote, value and place.
Evidence FactEvidence(const Document& doc, const Fact& fact);
// Evidence for a table cell of the indicator table, with the figure it holds.
Evidence CellFigureEvidence(const Document& doc, int block, const Cell* cell);

}  // namespace jixiao
