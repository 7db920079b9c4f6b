// Checks of the report's structure and wording that need no figures:
// NUMBERING_BROKEN, SECTION_MISSING, ATTACHMENT_MISSING and TEXT_SUSPECT.
#pragma once

#include <vector>

#include "pipeline/checks/finding.h"
#include "pipeline/checks/rules.h"
#include "pipeline/model/document.h"

namespace jixiao {

// Numbering at each level runs on without gaps, repeats, a change of style or
// a start other than 1; unlabelled template headings are reported with the
// top-level sequence. Appends NUMBERING_BROKEN findings.
void CheckNumbering(const Document& doc, const Rules& rules, std::vector<Finding>* out);

// Required sections of the template (when the title says the template
// applies). Appends SECTION_MISSING findings.
void CheckSections(const Document& doc, const Rules& rules, const std::string& title,
                   std::vector<Finding>* out);

// Attachments listed after "附件：" that are not in the document. Appends
// ATTACHMENT_MISSING findings.
void CheckAttachments(const Document& doc, std::vector<Finding>* out);

// Known typos of the rules file and doubled words ("意识意识"), in paragraphs
// and table cells. Appends TEXT_SUSPECT findings.
void CheckText(const Document& doc, const Rules& rules, std::vector<Finding>* out);

// "三" for 3, "十二" for 12 (1..99), as numbering labels show them.
std::string ChineseSmallNumber(int value);

}  // namespace jixiao
