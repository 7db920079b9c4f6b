// Traditional characters read as simplified, offsets kept. Covered by
// model_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

// The text with traditional characters written as simplified (項目支出 →
// 项目支出, 決算 → 决算, 萬元 → 万元), character by character through OpenCC's
// t2s character table, keeping every character's UTF-8 length: byte offsets
// into the result are byte offsets into `text`, so spans and quotes can be
// taken from the original. Text already simplified comes back unchanged.
// Without OpenCC's data the text comes back unchanged.
std::string ToSimplified(std::string_view text);

}  // namespace jixiao
