// Text preparation for the archive's full-text index and figure search.
//
// Why bigrams: SQLite FTS5's trigram tokenizer cannot match queries shorter
// than three characters (a two-character Chinese word such as 预算 is the
// common case), and unicode61 treats a whole run of CJK characters as one
// token, so a word inside a sentence is never found. The archive therefore
// indexes text pre-segmented here: every run of two or more CJK characters
// becomes its overlapping bigrams ("预算资金" -> "预算 算资 资金"), a run of one
// character stays itself; other text is left for unicode61 (Latin words,
// numbers). A query becomes a phrase of the same tokens, so any CJK string of
// two or more characters is found wherever it occurs as a substring, and
// mixed strings ("24万元", "资金24") match across the CJK/digit boundary.
//
// The index over-approximates on purpose, to stay small: no token marks where
// one paragraph or cell ends, so a phrase may match across two of them, and a
// lone character that ends a longer run has no token of its own (a query
// term starting with one is narrowed by the rest of the term). Search
// therefore confirms every hit in the stored text before it counts
// (search.cc); the index only has to miss nothing.
// Everything is NFKC-normalised first (full-width digits and letters) and
// read as simplified (ToSimplified, OpenCC 繁→简, same byte offsets), so a
// simplified query finds text written in traditional characters and back.
//
// Amounts ("24万元", "240000元", "0.0024亿元", "２４万元") are normalised to
// a canonical decimal number of 元 so that a figure query finds every way of
// writing the same amount.
//
// Covered by pipeline/archive/archive_test.cc.
#pragma once

#include <string>
#include <vector>

namespace jixiao::archive {

// NFKC normalisation (ICU). Invalid UTF-8 is replaced, never fails.
std::string Nfkc(const std::string& text);

// The text as indexed: NFKC, CJK runs as bigrams (a one-character run as
// itself), words as they are.
std::string SegmentForIndex(const std::string& text);

// An FTS5 MATCH expression for a user query: each whitespace-separated term
// becomes a phrase of index tokens, terms are joined with AND. A term that is
// one CJK character has no tokens; *scan (when not null) is set when such
// terms are all the query has, so the documents must be scanned. Empty and
// no scan: the query has no searchable character.
std::string BuildMatchExpression(const std::string& query, bool* scan = nullptr);

// The query's terms in the comparable form of CompactForMatch (for
// highlighting).
std::vector<std::string> QueryTerms(const std::string& query);

// NFKC, ASCII lower case, whitespace removed. offsets (if not null) receives,
// for each byte of the result, the byte offset in Nfkc(text) it came from.
std::string CompactForMatch(const std::string& nfkc_text, std::vector<size_t>* offsets);

// One amount of money found in a text.
struct Amount {
  std::string yuan;  // canonical decimal number of 元: "240000", "8614600", "0.5"
  std::string raw;   // as it appears in the NFKC text: "24万元"
};

// Canonical number of 元 for a value and unit (元, 千元, 万元, 百万元, 亿元;
// also 万, 亿).
// False when the value is not a plain decimal number or the unit is not money.
bool NormaliseAmount(const std::string& value, const std::string& unit, std::string* yuan);

// Amounts written as digits followed by 元/千元/万元/百万元/亿元 in NFKC text.
std::vector<Amount> FindAmounts(const std::string& nfkc_text);

// The index token of a canonical 元 value in the archive's figures table:
// "240000" -> "y240000", "0.5" -> "y0d5", "-12" -> "yn12" (unicode61 keeps
// letters and digits together, so the token is one word).
std::string AmountToken(const std::string& yuan);

// When the whole query is one amount ("24万元", "240,000元"), its canonical
// 元 value.
bool QueryAsAmount(const std::string& query, std::string* yuan);

}  // namespace jixiao::archive
