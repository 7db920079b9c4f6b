// A finding's arithmetic as a reviewer reads it: intervals written by the
// checks ("实际 [47.5, 48.5) 未达到 目标 [50, +inf)") become the figures as
// stated ("实际48个，未达到目标≥50个"); arithmetic without intervals is kept.
//
// Covered by pipeline/serve/words_test.cc.
#pragma once

#include <string>

#include "pipeline/checks/finding.h"

namespace jixiao::serve {

// Empty when the finding has no arithmetic.
std::string ArithmeticInWords(const Finding& finding);

}  // namespace jixiao::serve
