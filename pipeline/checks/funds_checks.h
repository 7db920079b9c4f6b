// The checks of the funds block (funds_checks.cc). Covered by
// funds_checks_test.cc and the templates corpus.
#pragma once

#include <string>
#include <vector>

#include "pipeline/checks/finding.h"
#include "pipeline/checks/rules.h"
#include "pipeline/facts/facts.h"
#include "pipeline/model/document.h"

namespace jixiao {

// SUM_MISMATCH (total row vs its 其中 rows), RATE_MISMATCH (执行率 on every
// row), EXECUTION_SCORE_MISMATCH (score vs the rule in force).
void CheckFunds(const Document& doc, const FactSet& facts, const Rules& rules, std::vector<Finding>* out);

}  // namespace jixiao
