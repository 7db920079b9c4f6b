// RunChecks: every check, findings ordered for the reviewer. Covered by the
// corpus acceptance test.
#include "pipeline/checks/check.h"

#include <algorithm>

#include "pipeline/checks/completeness_check.h"
#include "pipeline/checks/figure_checks.h"
#include "pipeline/checks/funds_checks.h"
#include "pipeline/checks/numbering_check.h"
#include "pipeline/checks/score_checks.h"
#include "pipeline/checks/structure_checks.h"

namespace jixiao {

std::vector<Finding> RunChecks(const Document& doc, const FactSet& facts, const Rules& rules,
                               const std::string& title, bool read_in_full) {
  std::vector<Finding> findings;
  // Out of time (pipeline/model/deadline.h): the checks stop, and the caller
  // fails the document rather than report what was found so far.
  CheckFigures(doc, facts, rules, &findings);
  if (DeadlinePassed()) return findings;
  CheckFunds(doc, facts, rules, &findings);
  CheckScores(doc, facts, rules, &findings);
  if (DeadlinePassed()) return findings;
  CheckNumbering(doc, rules, &findings);
  const bool cut_short = CheckCompleteness(doc, facts, rules, read_in_full, &findings);
  if (read_in_full && !cut_short) {
    CheckSections(doc, rules, title, &findings);
    CheckAttachments(doc, &findings);
  }
  CheckText(doc, rules, &findings);
  auto first_block = [](const Finding& f) {
    int b = 1 << 30;
    for (const Evidence& e : f.evidence)
      if (e.block >= 0) b = std::min(b, e.block);
    return b;
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity < b.severity;
    return first_block(a) < first_block(b);
  });
  return findings;
}

}  // namespace jixiao
