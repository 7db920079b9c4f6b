// File names as reviewers read them. A name is bytes: one unzipped from an
// archive made on Chinese Windows is GBK, not UTF-8, and written as it is it
// makes report.xlsx ill-formed and the CSV, JSON and HTML reports invalid
// UTF-8. The batch keeps the bytes to open the file and shows this instead.
//
// Covered by pipeline/batch/hostile_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::batch {

// True when text is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing beyond U+10FFFF).
bool IsValidUtf8(std::string_view text);

// The path as valid UTF-8, one '/'-separated component at a time: a
// component that is UTF-8 stays as it is; else one that decodes as GB18030
// (which includes GBK and GB2312) is converted; else each byte outside
// UTF-8 is written \xNN.
std::string DisplayPath(std::string_view raw);

}  // namespace jixiao::batch
