// The original file of a document, where `run` read it (its name under the
// input folder the archive records, archive.h input_roots): served only when it still has the document's SHA-256, so the
// server never hands out any other file, whatever the request says.
//
// Covered by pipeline/serve/serve_test.cc.
#pragma once

#include <string>

#include "pipeline/archive/archive.h"
#include "pipeline/model/status.h"

namespace jixiao::serve {

// *path: the file of the document with this sha256. NotFound with a Chinese
// message when the run recorded no file for it, the file is gone, or its
// content changed since (SHA-256 checked; the check is remembered while the
// file's size and modification time stay the same).
Status OriginalFile(archive::Archive* archive, const std::string& sha256, std::string* path);

}  // namespace jixiao::serve
