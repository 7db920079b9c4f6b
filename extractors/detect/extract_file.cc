// Dispatch of input files to the format back-ends by magic bytes. Covered by
// detect_test.cc.
#include "extractors/detect/extract_file.h"

#include "extractors/detect/sniff.h"
#include "extractors/docx/docx_extractor.h"
#include "pipeline/model/source_info.h"
#ifdef JIXIAO_HAVE_PDF
#include "extractors/pdf/pdf_extractor.h"
#endif

namespace jixiao {

namespace {

Status Finish(Document* doc, Status s) {
  if (!s.ok()) {
    doc->status = s.code() == Status::Code::kUnsupported ? DocumentStatus::kSkipped
                                                          : DocumentStatus::kFailed;
    doc->status_reason = s.message();
    doc->blocks.clear();
  }
  return s;
}

}  // namespace

bool PdfSupported() {
#ifdef JIXIAO_HAVE_PDF
  return true;
#else
  return false;
#endif
}

Status ExtractFile(const std::string& path, const ExtractOptions& opts, Document* doc) {
  SniffResult sniff;
  Status s = SniffFile(path, &sniff);
  if (!s.ok()) {
    doc->source.path = path;
    return Finish(doc, s);
  }
  switch (sniff.kind) {
    case FileKind::kDocx:
      return ExtractDocx(path, opts, doc);
    case FileKind::kPdf:
#ifdef JIXIAO_HAVE_PDF
      return ExtractPdf(path, opts, doc);
#else
      ReadSourceInfo(path, &doc->source);
      doc->source.format = "pdf";
      return Finish(doc, Status::Unsupported("PDF support is not built into this jixiao"));
#endif
    default:
      break;
  }
  ReadSourceInfo(path, &doc->source);
  switch (sniff.kind) {
    case FileKind::kEmpty:
      // Skipped, as `run` lists it: there is no report to screen.
      return Finish(doc, Status::Unsupported("empty file (0 bytes): nothing to screen"));
    case FileKind::kOle2:
      if (sniff.encrypted) {
        return Finish(doc, Status::Unsupported(
                               "encrypted DOCX (password-protected): remove the password and save again"));
      }
      if (sniff.description == "a legacy Excel .xls") {
        return Finish(doc, Status::Unsupported("legacy Excel .xls is not supported; jixiao reads .docx and .pdf"));
      }
      if (sniff.description == "a legacy PowerPoint .ppt") {
        return Finish(doc, Status::Unsupported("legacy PowerPoint .ppt is not supported; jixiao reads .docx and .pdf"));
      }
      return Finish(doc, Status::Unsupported("legacy Word .doc is not supported; save it as .docx"));
    default:
      return Finish(doc, Status::Unsupported("not a DOCX or PDF: it looks like " + sniff.description));
  }
}

}  // namespace jixiao
