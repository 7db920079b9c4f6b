// Which code points are Chinese, each predicate named for what it decides.
// Every reader of text asks here instead of keeping its own ranges.
// Covered by utf8_test.cc.
#pragma once

#include <string_view>

namespace jixiao {

// A Han ideograph: CJK Unified Ideographs, Extension A, the compatibility
// ideographs and the supplementary ideographic planes (Extension B on).
// A figure followed by one is a figure with a word after it (`24万元`).
bool IsHanIdeograph(char32_t c);

// Whether UTF-8 `text` holds a Han ideograph anywhere.
bool HasHanIdeograph(std::string_view text);

// A character of Chinese writing: a Han ideograph or 〇 (U+3007, the
// ideographic zero of `二〇二四年`). A space between such a character and a
// digit is noise of the word processor (`≥60 次`).
bool IsChineseCharacter(char32_t c);

// Hiragana or katakana (U+3040–U+30FF).
bool IsKana(char32_t c);

// Text between two such characters is joined without a space: ideographs,
// radicals, kana, bopomofo, hangul, CJK and full-width punctuation and forms,
// and the marks Chinese text sets full-width (— … “ ” ‘ ’ ·). Readers of
// page layouts (PDF, OFD, OCR) decide with it whether two words touch.
bool JoinsWithoutSpace(char32_t c);

// Line-breaking rules (禁则) keep these off the start of a line: closing
// brackets and punctuation of either width (，。、；：？！）」』”’》〉】 , . ; : ? ! )).
bool NeverStartsLine(char32_t c);
// … and these off the end of one: opening brackets (（「『“‘《〈【 ().
bool NeverEndsLine(char32_t c);

}  // namespace jixiao
