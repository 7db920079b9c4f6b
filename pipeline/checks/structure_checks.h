// Checks of the report's structure and wording that need no figures:
// SECTION_MISSING, ATTACHMENT_MISSING and TEXT_SUSPECT (NUMBERING_BROKEN is
// numbering_check.h).
#pragma once

#include <string>
#include <vector>

#include "pipeline/checks/finding.h"
#include "pipeline/checks/rules.h"
#include "pipeline/model/document.h"

namespace jixiao {

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

}  // namespace jixiao
