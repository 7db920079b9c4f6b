// The reason a reviewer reads when a document could not be screened, or was
// screened only in part: Chinese, whatever the extractor said. Extractors
// explain themselves in English for the log ("not a ZIP archive, so not a
// DOCX"); this turns that into what a reviewer can act on, by the kind of
// input (a table of the extractors' message starts: empty, encrypted,
// legacy Office formats, another kind of file) and else by the Status code.
// A message that is already Chinese (the time limit's, the OCR stage's) is
// kept as it is.
//
// Covered by pipeline/screen/report_test.cc and tests/cli_test.cc.
#pragma once

#include <string>

#include "pipeline/model/status.h"

namespace jixiao {

std::string ReviewerReason(Status::Code code, const std::string& message);

}  // namespace jixiao
