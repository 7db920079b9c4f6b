// The checks of the figures a report states: totals against their parts,
// one quantity stated twice, rates against their ratio, units (figure_checks.cc),
// and the relations the narrative states between figures (relation_checks.cc).
// Covered by figure_checks_test.cc and the corpus acceptance test.
#pragma once

#include <string>
#include <vector>

#include "pipeline/checks/finding.h"
#include "pipeline/checks/rules.h"
#include "pipeline/facts/facts.h"
#include "pipeline/model/document.h"

namespace jixiao {

// SUM_MISMATCH, FIGURE_CONFLICT, RATE_MISMATCH, RATE_ZERO_BASE, UNIT_SUSPECT.
void CheckFigures(const Document& doc, const FactSet& facts, const Rules& rules, std::vector<Finding>* out);

// Changes, differences and completion rates stated in the narrative:
// this − last = change (SUM_MISMATCH), change ÷ last = growth, 决算 − 预算 =
// difference (SUM_MISMATCH), 完成率 = 决算 ÷ 预算 (RATE_MISMATCH), and 完成
// 100% beside a difference that cannot be 0 (RATE_MISMATCH).
void CheckRelations(const Document& doc, const FactSet& facts, std::vector<Finding>* out);

// Evidence for a fact: its quote, value and place.
Evidence FactEvidence(const Document& doc, const Fact& fact);
// Evidence for a table cell of the indicator table, with the figure it holds.
Evidence CellFigureEvidence(const Document& doc, int block, const Cell* cell);

}  // namespace jixiao
