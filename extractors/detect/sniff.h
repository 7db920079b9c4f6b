// What kind of file a path holds, from its first bytes (magic numbers), so
// the batch picks the right back-end and says plainly what a file is when
// jixiao cannot read it.
#pragma once

#include <string>

#include "pipeline/model/status.h"

namespace jixiao {

enum class FileKind {
  kDocx,       // a ZIP archive (read as DOCX; ExtractDocx says if it is not one)
  kOfd,        // a ZIP archive whose first entry is OFD.xml (GB/T 33190)
  kPdf,        // %PDF- within the first KiB
  kOle2,       // OLE2 compound file: legacy .doc/.xls/.ppt or an encrypted DOCX
  kEmpty,
  kOther,      // anything else; SniffResult::description says what it looks like
};

struct SniffResult {
  FileKind kind = FileKind::kOther;
  // For kOther and kOle2: what the file looks like, e.g. "a PNG image",
  // "an RTF document", "legacy Word .doc", "encrypted DOCX".
  std::string description;
  // For kOle2: true when it holds an EncryptedPackage stream (a
  // password-protected DOCX/XLSX), false for a legacy binary document.
  bool encrypted = false;
  // For kOle2: its directory was read and holds a WordDocument stream (a
  // Word .doc, or WPS Writer's .wps, which keeps the same layout).
  bool word_document = false;
};

// IoError when the file cannot be opened or read.
Status SniffFile(const std::string& path, SniffResult* result);

// The same over the first bytes of a file (at least 1 KiB when the file has
// them); OLE2 files are then classified from `head` alone when possible.
SniffResult SniffBytes(const std::string& head);

}  // namespace jixiao
