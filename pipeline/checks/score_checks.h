// The checks of the indicator table and the stated score and grade
// (score_checks.cc). Covered by score_checks_test.cc and the corpus
// acceptance test.
#pragma once

#include <string>
#include <vector>

#include "pipeline/checks/finding.h"
#include "pipeline/checks/rules.h"
#include "pipeline/facts/facts.h"
#include "pipeline/model/document.h"

namespace jixiao {

// SCORE_TOTAL_MISMATCH, SCORE_OVER_WEIGHT, WEIGHT_MISMATCH, GRADE_MISMATCH,
// TARGET_NOT_MET, DEVIATION_UNEXPLAINED, and narrative counts against the
// table's actual values (FIGURE_CONFLICT).
void CheckScores(const Document& doc, const FactSet& facts, const Rules& rules, std::vector<Finding>* out);

// Length in bytes of the longest run of whole UTF-8 characters two labels
// share ("收集困难与问题" and "收集企业困难与问题" share "困难与问题").
size_t CommonRun(const std::string& a, const std::string& b);

}  // namespace jixiao
