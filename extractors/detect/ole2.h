// Minimal reader of the directory of an OLE2 compound file (MS-CFB), enough
// to tell an encrypted OOXML package (EncryptedPackage stream) from a legacy
// Word .doc (WordDocument), .xls (Workbook) or .ppt (PowerPoint Document).
#pragma once

#include <string>
#include <vector>

namespace jixiao {

// Names of the directory entries (storages and streams) of the compound file
// at path, in directory order, at most `max_entries`. False when the file is
// not a readable compound file.
bool ReadOle2EntryNames(const std::string& path, std::vector<std::string>* names,
                        size_t max_entries = 4096);

}  // namespace jixiao
