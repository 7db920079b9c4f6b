// UTF-8 and script helpers shared by the passes. Covered by pdf_test.cc
// (CjkJoin).
#include "extractors/pdf/page_content.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <utility>

#include "pipeline/model/utf8.h"

namespace jixiao::pdf {

char32_t UnifyIdeograph(char32_t c) {
  bool radical = c >= 0x2E80 && c <= 0x2FDF;
  bool compat = c >= 0xF900 && c <= 0xFAFF;
  if (!radical && !compat) return c;
  // CJK radical supplement forms have no NFKC mapping; these are drawn like
  // a whole ideograph (mostly simplified ones: ⻔ 门), so fonts share the
  // glyph and a reverse cmap lookup may name the radical.
  static const std::pair<char32_t, char32_t> kLookAlike[] = {
      {0x2EA0, 0x6C11} /* ⺠ 民 */, {0x2EBC, 0x6708} /* ⺼ 月 */, {0x2EC4, 0x897F} /* ⻄ 西 */, {0x2EC5, 0x89C1} /* ⻅ 见 */,
      {0x2EC6, 0x89D2} /* ⻆ 角 */, {0x2EC9, 0x8D1D} /* ⻉ 贝 */, {0x2ECB, 0x8F66} /* ⻋ 车 */,
      {0x2ED1, 0x9577} /* ⻑ 長 */, {0x2ED3, 0x957F} /* ⻓ 长 */, {0x2ED4, 0x95E8} /* ⻔ 门 */,
      {0x2EDA, 0x9875} /* ⻚ 页 */, {0x2EDB, 0x98CE} /* ⻛ 风 */, {0x2EDC, 0x98DE} /* ⻜ 飞 */,
      {0x2EDD, 0x98DF} /* ⻝ 食 */, {0x2EE2, 0x9A6C} /* ⻢ 马 */, {0x2EE4, 0x9B3C} /* ⻤ 鬼 */,
      {0x2EE5, 0x9C7C} /* ⻥ 鱼 */, {0x2EE6, 0x9E1F} /* ⻦ 鸟 */, {0x2EE7, 0x5364} /* ⻧ 卤 */,
      {0x2EE8, 0x9EA6} /* ⻨ 麦 */, {0x2EE9, 0x9EC4} /* ⻩ 黄 */, {0x2EEA, 0x9EFE} /* ⻪ 黾 */,
      {0x2EEC, 0x9F50} /* ⻬ 齐 */, {0x2EEE, 0x9F7F} /* ⻮ 齿 */, {0x2EF0, 0x9F99} /* ⻰ 龙 */};
  for (const auto& [from, to] : kLookAlike)
    if (from == c) return to;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err) || nfkc == nullptr) return c;
  icu::UnicodeString out;
  if (!nfkc->getDecomposition(static_cast<UChar32>(c), out) || out.countChar32() != 1) return c;
  return static_cast<char32_t>(out.char32At(0));
}

}  // namespace jixiao::pdf
