// One entry point for every input file: sniffs the magic bytes and hands the
// file to the DOCX or PDF back-end, or says plainly what it is when jixiao
// does not read that kind.
#pragma once

#include <string>

#include "pipeline/model/document.h"
#include "pipeline/model/extract_options.h"
#include "pipeline/model/status.h"

namespace jixiao {

// ZIP → ExtractDocx; %PDF → ExtractPdf (when the PDF back-end is built in);
// OLE2 with an EncryptedPackage stream → Unsupported "encrypted DOCX
// (password-protected): remove the password and save again"; other OLE2 →
// Unsupported "legacy Word .doc is not supported; save it as .docx" (or the
// .xls/.ppt equivalent); anything else → Unsupported "not a DOCX or PDF: it
// looks like <what>". An empty file is Unsupported "empty file (0 bytes):
// nothing to screen" (skipped, as `run` lists it).
//
// On a non-OK result doc->status is kSkipped for Unsupported, else kFailed,
// and doc->status_reason holds the message; doc->source is filled whenever
// the file could be read. The exception is a PDF that runs out of time
// (Timeout): the pages read before it are kept and doc->status is kPartial.
Status ExtractFile(const std::string& path, const ExtractOptions& opts, Document* doc);

}  // namespace jixiao
