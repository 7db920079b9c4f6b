// UTF-8 as the whole code base reads it: one decoder, one cursor, and the
// boundary helpers that keep a cut or a count on whole characters. Invalid
// bytes never stop a reader: each one stands for U+FFFD and moves one byte.
// Covered by utf8_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jixiao {

// True for a continuation byte (10xxxxxx): never the start of a character.
inline bool IsUtf8Continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length announced by a lead byte: 1 (ASCII), 2, 3 or 4; 0 for a
// continuation byte or a byte that starts no sequence (0xF8 and above).
inline int Utf8LeadLength(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
}

// Decodes the UTF-8 sequence at text[*i] and moves *i past it. A byte that
// does not start a valid sequence (a bad lead, a missing continuation, a
// sequence cut by the end) gives U+FFFD and moves *i by one.
char32_t DecodeUtf8(std::string_view text, size_t* i);

// Appends the UTF-8 encoding of a code point (U+FFFD for a surrogate or a
// value beyond U+10FFFF).
void AppendUtf8(char32_t code_point, std::string* out);

// Length of the well-formed sequence at text[i] in the strict sense of
// Unicode (no overlong forms, no surrogates, nothing beyond U+10FFFF), or 0.
size_t WellFormedUtf8Length(std::string_view text, size_t i);

// One code point and the bytes [begin, end) it was read from.
struct CodePointSpan {
  char32_t value = 0;
  size_t begin = 0;
  size_t end = 0;
};

// Walks a text one code point at a time:
//   for (Utf8Cursor c(text); !c.Done();) { CodePointSpan cp = c.Next(); ... }
// The text must outlive the cursor.
class Utf8Cursor {
 public:
  explicit Utf8Cursor(std::string_view text, size_t position = 0) : text_(text), pos_(position) {}
  bool Done() const { return pos_ >= text_.size(); }
  size_t position() const { return pos_; }
  // The code point at position() (U+FFFD for an invalid byte); moves past it.
  // Requires !Done().
  CodePointSpan Next() {
    CodePointSpan cp;
    cp.begin = pos_;
    cp.value = DecodeUtf8(text_, &pos_);
    cp.end = pos_;
    return cp;
  }

 private:
  std::string_view text_;
  size_t pos_;
};

// The nearest character boundary at or before `pos` (0 at most), and at or
// after it (text.size() at most): a cut there never splits a character.
size_t Utf8BoundaryBefore(std::string_view text, size_t pos);
size_t Utf8BoundaryAfter(std::string_view text, size_t pos);

// `pos` moved back / forward by `n` characters, stopping at either end.
size_t Utf8Back(std::string_view text, size_t pos, int n);
size_t Utf8Forward(std::string_view text, size_t pos, int n);

// Number of characters (bytes that are not continuation bytes).
size_t CountCodePoints(std::string_view text);

// First / last code point of the text (0 when empty; U+FFFD when invalid).
char32_t FirstCodePoint(std::string_view text);
char32_t LastCodePoint(std::string_view text);

// The bytes of the last character of the text (empty when the text is).
std::string_view LastCharacter(std::string_view text);

}  // namespace jixiao
