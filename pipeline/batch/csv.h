// RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel and WPS open the
// Chinese text right). Covered by pipeline/batch/batch_test.cc.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/status.h"

namespace jixiao::batch {

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// One CSV record (no line end): fields quoted when they hold , " CR or LF.
std::string CsvRecord(const std::vector<std::string>& fields);

// Parses CSV text (a leading BOM is skipped) into records.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

// Writes content to path through a temporary file and rename, so a reader
// (or a killed run) never sees half a file.
Status WriteFileAtomically(const std::string& path, const std::string& content);

Status ReadWholeFile(const std::string& path, std::string* content);

}  // namespace jixiao::batch
