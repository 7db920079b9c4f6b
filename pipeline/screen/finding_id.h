// Stable finding ids: the key a reviewer's decision is stored under
// (pipeline/archive/reviews.h), the same for the same flag on the same file
// whatever run, shard, merge or jixiao version raised it.
//
// An id is the first 16 hex digits of SHA-256 over a canonical string made of
//   - the document's sha256 (its bytes, not its name or path),
//   - the finding code (SUM_MISMATCH ...),
//   - each piece of evidence as "value unit @ place", sorted, where the value
//     is the figure as a decimal ("24"; for evidence without a figure, the
//     quote without white space) and the place is where it stands in the file:
//     a table cell as "t<table>r<row>c<col>", a DOCX paragraph as
//     "b<body element>", a PDF paragraph as "p<page>" (block numbers, the
//     extractor's own counting, only when nothing else places it);
//   - for a finding without evidence (SECTION_MISSING), the subject its
//     message names between “ ” (a section's label from the rules).
// Never row numbers of an output, message wording, severity or arithmetic,
// which may change between versions. Two findings of one report with the same
// canonical string get distinct ids: the n-th repeat (n >= 2, in report order)
// hashes "#n" appended.
//
// Covered by pipeline/screen/finding_id_test.cc.
#pragma once

#include <string>
#include <vector>

#include "pipeline/checks/finding.h"

namespace jixiao {

struct ScreenReport;

constexpr int kFindingIdLength = 16;  // hex digits

// The canonical string of a finding of the document with this sha256 (what
// the id hashes; exposed for tests and for explaining an id).
std::string FindingCanonical(const std::string& sha256, const Finding& finding);

// The ids of report.findings, in order (distinct within the report).
std::vector<std::string> FindingIds(const ScreenReport& report);

// Sets Finding::id of every finding of *report (FindingIds).
void AssignFindingIds(ScreenReport* report);

// True for a string of kFindingIdLength lower-case hex digits.
bool IsFindingId(const std::string& id);

}  // namespace jixiao
