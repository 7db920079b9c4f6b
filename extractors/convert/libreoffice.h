// Conversion of old word-processor formats (.doc, WPS Writer's .wps) to
// .docx through LibreOffice, so the DOCX back-end reads them. soffice runs
// headless in a temporary folder with a fresh user profile of its own (two
// conversions at once never share a profile, and none touches the user's),
// under a time limit after which its whole process group is killed.
//
// Thread safety: ConvertToDocx may run in several threads at once.
#pragma once

#include <string>

#include "pipeline/model/status.h"

namespace jixiao {

// The soffice executable: $JIXIAO_SOFFICE when set (empty or a missing file
// means "not installed"), else the first `soffice` on PATH, else
// /usr/bin/soffice or /usr/lib/libreoffice/program/soffice. Empty when none
// can be run.
std::string FindSoffice();

// A temporary folder removed (with its content) when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }  // empty when it could not be made

 private:
  std::string path_;
};

// Converts `input` to .docx with LibreOffice into dir (a TempDir of the
// caller's, so the result lives as long as it needs). *docx gets the path of
// the result. `kind` is ".doc" or ".wps". Returns Unsupported "legacy Word
// .doc is not supported; save it as .docx" (or the .wps equivalent) without
// soffice, as before LibreOffice was used;
// Timeout after time_limit_seconds (0: 120 s), InvalidInput when LibreOffice
// made nothing of the file.
Status ConvertToDocx(const std::string& input, const std::string& kind, double time_limit_seconds,
                     const TempDir& dir, std::string* docx);

}  // namespace jixiao
