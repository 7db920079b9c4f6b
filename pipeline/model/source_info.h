// What is known of an input file before any parsing: size and SHA-256.
#pragma once

#include <string>

#include "pipeline/model/document.h"
#include "pipeline/model/status.h"

namespace jixiao {

// Fills path, size and sha256 of *info (format and page_count are left as
// they are). IoError when the file cannot be read.
Status ReadSourceInfo(const std::string& path, SourceInfo* info);

// Lower-case hex SHA-256 of a byte string.
std::string Sha256Hex(const std::string& bytes);

}  // namespace jixiao
