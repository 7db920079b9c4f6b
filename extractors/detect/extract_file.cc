// Dispatch of input files to the format back-ends by magic bytes. Covered by
// detect_test.cc.
#include "extractors/detect/extract_file.h"

#include <filesystem>

#include "extractors/convert/libreoffice.h"
#include "extractors/detect/sniff.h"
#include "extractors/docx/docx_extractor.h"
#include "extractors/ofd/ofd_extractor.h"
#include "extractors/pdf/pdf_extractor.h"
#include "pipeline/model/source_info.h"

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

std::string LowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

// A .doc or .wps: converted to .docx by LibreOffice in a temporary folder,
// read by the DOCX back-end, described as the original file.
Status ExtractLegacyWord(const std::string& path, const ExtractOptions& opts, Document* doc) {
  const std::string kind = LowerExtension(path) == ".wps" ? ".wps" : ".doc";
  TempDir dir;
  std::string docx;
  Status s = ConvertToDocx(path, kind, opts.time_limit_seconds, dir, &docx);
  if (!s.ok()) {
    doc->source.format = kind.substr(1);
    return Finish(doc, s);
  }
  s = ExtractDocx(docx, opts, doc);
  SourceInfo original;
  ReadSourceInfo(path, &original);
  original.format = kind.substr(1);
  doc->source = original;
  if (s.ok())
    doc->AddDiagnostic(Diagnostic::Severity::kInfo, "converted_by_libreoffice",
                       "legacy " + kind + " converted to .docx by LibreOffice (soffice --headless) before reading");
  return s;
}

}  // namespace

Status ExtractFile(const std::string& path, const ExtractOptions& opts, Document* doc) {
  SniffResult sniff;
  Status s = SniffFile(path, &sniff);
  if (!s.ok()) {
    doc->source.path = path;
    return Finish(doc, s);
  }
  switch (sniff.kind) {
    case FileKind::kDocx:
      // An OFD whose OFD.xml is not the first entry still says so by name.
      if (LowerExtension(path) == ".ofd") return ExtractOfd(path, opts, doc);
      return ExtractDocx(path, opts, doc);
    case FileKind::kOfd:
      return ExtractOfd(path, opts, doc);
    case FileKind::kPdf:
      return ExtractPdf(path, opts, doc);
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
      if (sniff.word_document) return ExtractLegacyWord(path, opts, doc);
      return Finish(doc, Status::Unsupported("legacy Word .doc is not supported; save it as .docx"));
    default:
      return Finish(doc, Status::Unsupported("not a DOCX or PDF: it looks like " + sniff.description));
  }
}

}  // namespace jixiao
