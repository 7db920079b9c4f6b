// NUMBERING_BROKEN: the numbering labels of the narrative, level by level
// (numbering_check.cc). Covered by numbering_check_test.cc and the corpus
// acceptance test (the seed's six breaks).
#pragma once

#include <string>
#include <vector>

#include "pipeline/checks/finding.h"
#include "pipeline/checks/rules.h"
#include "pipeline/model/document.h"

namespace jixiao {

// Numbering at each level runs on without gaps, repeats, a change of style or
// a start other than 1; unlabelled template headings are reported with the
// top-level sequence. Appends NUMBERING_BROKEN findings.
void CheckNumbering(const Document& doc, const Rules& rules, std::vector<Finding>* out);

// "三" for 3, "十二" for 12 (1..99), as numbering labels show them.
std::string ChineseSmallNumber(int value);

}  // namespace jixiao
