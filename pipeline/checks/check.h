// All cross-checks of one report: the figure checks over its facts
// (figure_checks.h), the funds block (funds_checks.h), the score checks over
// its indicator table (score_checks.h), numbering (numbering_check.h),
// completeness (completeness_check.h), and the structure and wording checks
// (structure_checks.h).
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

}  // namespace jixiao
