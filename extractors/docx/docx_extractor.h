// DOCX back-end: reads the body of a WordprocessingML package into the
// document model, streaming (memory bounded by the text, not by the XML) and
// refusing hostile input (ZIP bombs, DTD entities, deep nesting) with a
// Status that says why in one line.
#pragma once

#include <string>

#include "pipeline/model/document.h"
#include "pipeline/model/extract_options.h"
#include "pipeline/model/status.h"

namespace jixiao {

// Extracts the DOCX at `path` into *doc: SourceInfo (format "docx"), blocks
// of the body in reading order (headers, footers, footnotes and comments are
// never part of it), diagnostics for what was skipped or odd.
//
// On a non-OK result *doc->status is kFailed (kSkipped for Unsupported) and
// doc->status_reason holds the Status message; blocks are then empty.
// Messages: "not a ZIP archive ...", "damaged or truncated ZIP archive ...",
// "ZIP archive without word/document.xml: not a DOCX ...", "ZIP bomb
// suspected: ...", "... declares a DTD ...", "... XML nesting deeper than N
// levels", "... is not well-formed XML (line N: ...)".
// kPartial with an OK status when styles or numbering could not be read.
Status ExtractDocx(const std::string& path, const ExtractOptions& opts, Document* doc);

// The same over the bytes of a DOCX in memory (source.path is "(memory)").
Status ExtractDocxFromMemory(const std::string& bytes, const ExtractOptions& opts, Document* doc);

}  // namespace jixiao
