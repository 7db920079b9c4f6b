// Characters of symbol fonts (w:sym, and bullet glyphs of numbering levels):
// Word stores them as the font's code point, often in the Private Use Area
// (U+F0B3 in "Symbol" is ≥); these map them to the Unicode character shown.
#pragma once

#include <string>

namespace jixiao::docx {

// The UTF-8 text of code point `code` drawn in font `font`. *mapped is false
// when a symbol-font code point has no known Unicode equivalent (the Private
// Use Area character is returned then).
std::string MapSymbol(const std::string& font, unsigned code, bool* mapped = nullptr);

// Applies MapSymbol to every Private Use Area character U+F000..U+F0FF of a
// UTF-8 string (lvlText of bullets); other characters are kept.
std::string MapSymbolText(const std::string& font, const std::string& text);


}  // namespace jixiao::docx
