// RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel and WPS open the
// Chinese text right). Covered by pipeline/batch/batch_test.cc.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/status.h"

namespace jixiao::batch {

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// One CSV record (no line end): fields quoted when they hold , " CR or LF,
// and every text cell neutralised against formula injection (CsvCell).
std::string CsvRecord(const std::vector<std::string>& fields);

// A cell as Excel and WPS may safely open it (OWASP "CSV injection"): text
// starting with = + - @ TAB or CR would be run as a formula
// (`=cmd|' /C calc'!A0`), so it gets a leading apostrophe; so does text that
// already starts with one, so that CsvCellValue can undo it exactly. A number
// (`-6`, `+1.5`, `2.4E+5`) stays a number.
std::string CsvCell(const std::string& text);
// The text a CsvCell was made from.
std::string CsvCellValue(const std::string& cell);

// Parses CSV text (a leading BOM is skipped) into records, each field as it
// was given to CsvRecord (CsvCellValue applied).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

// Writes content to path through a temporary file and rename, so a reader
// (or a killed run) never sees half a file. On failure the temporary file is
// removed and the old file, if any, is left as it was.
Status WriteFileAtomically(const std::string& path, const std::string& content);

// IoError for a failed write of `what` with errno `err`: "磁盘已满（no space
// left on device）：cannot write …" when the disk or quota is full, else the
// system's reason.
Status WriteError(const std::string& what, int err);

Status ReadWholeFile(const std::string& path, std::string* content);

}  // namespace jixiao::batch
