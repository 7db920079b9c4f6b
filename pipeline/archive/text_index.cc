// Bigram segmentation for the FTS5 index, query building, match compaction
// and the amount normaliser (see text_index.h for the reasoning). Covered by
// pipeline/archive/archive_test.cc.
#include "pipeline/archive/text_index.h"

#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "pipeline/model/cjk.h"
#include "pipeline/model/simplified.h"
#include "pipeline/model/utf8.h"

namespace jixiao::archive {
namespace {

// A character the index keeps as a token of its own: Chinese characters
// (〇 included) and kana.
bool IsCjk(char32_t cp) { return IsChineseCharacter(cp) || IsKana(cp); }

// A character unicode61 keeps inside tokens (letters, digits, marks).
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  int8_t type = u_charType(static_cast<UChar32>(cp));
  return u_isalnum(static_cast<UChar32>(cp)) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

// Splits NFKC text into runs: a CJK run as its characters, a word run as
// one string; is_cjk tells which.
std::vector<std::vector<std::string>> CjkRunsAndWords(const std::string& nfkc, std::vector<bool>* is_cjk) {
  std::vector<std::vector<std::string>> runs;  // each run: its characters (CJK) or one word
  size_t i = 0;
  std::vector<std::string> cur;
  bool cur_cjk = false;
  std::string word;
  auto flush = [&]() {
    if (!cur.empty()) {
      runs.push_back(cur);
      is_cjk->push_back(true);
      cur.clear();
    }
    if (!word.empty()) {
      runs.push_back({word});
      is_cjk->push_back(false);
      word.clear();
    }
  };
  while (i < nfkc.size()) {
    size_t start = i;
    char32_t cp = DecodeUtf8(nfkc, &i);
    std::string ch = nfkc.substr(start, i - start);
    if (IsCjk(cp)) {
      if (!word.empty()) flush();
      cur.push_back(ch);
      cur_cjk = true;
    } else if (IsWordChar(cp)) {
      if (!cur.empty()) flush();
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  (void)cur_cjk;
  return runs;
}

}  // namespace

std::string Nfkc(const std::string& text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) return text;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString out = nfkc->normalize(in, err);
  if (U_FAILURE(err)) return text;
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string SegmentForIndex(const std::string& text) {
  std::vector<bool> is_cjk;
  auto runs = CjkRunsAndWords(ToSimplified(Nfkc(text)), &is_cjk);
  std::string out;
  out.reserve(text.size() * 2);
  for (size_t r = 0; r < runs.size(); ++r) {
    const auto& run = runs[r];
    if (!out.empty()) out += ' ';
    if (!is_cjk[r] || run.size() == 1) {
      out += run[0];
      continue;
    }
    for (size_t k = 0; k + 1 < run.size(); ++k) {
      if (k) out += ' ';
      out += run[k];
      out += run[k + 1];
    }
  }
  return out;
}

std::string BuildMatchExpression(const std::string& query, bool* scan) {
  std::string expr;
  bool unindexed_term = false;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && (query[i] == ' ' || query[i] == '\t')) ++i;
    size_t j = i;
    while (j < query.size() && query[j] != ' ' && query[j] != '\t') ++j;
    if (j == i) break;
    std::vector<bool> is_cjk;
    auto runs = CjkRunsAndWords(ToSimplified(Nfkc(query.substr(i, j - i))), &is_cjk);
    i = j;
    std::vector<std::string> tokens;
    bool prefix = false;
    for (size_t r = 0; r < runs.size(); ++r) {
      const auto& run = runs[r];
      bool first = r == 0, last = r + 1 == runs.size();
      if (!is_cjk[r]) {
        tokens.push_back(run[0]);
      } else if (run.size() > 1) {
        for (size_t k = 0; k + 1 < run.size(); ++k) tokens.push_back(run[k] + run[k + 1]);
      } else if (!first) {
        // Inside the term the character is a run of its own in the text too;
        // at its end it may also start a longer run: a prefix.
        tokens.push_back(run[0]);
        prefix = last;
      }
      // A lone character first in the term may end a longer run of the text,
      // where only a bigram holds it: no token can say that, so the term is
      // narrowed by its other tokens and checked in the text by the caller.
    }
    if (tokens.empty()) {
      unindexed_term |= !runs.empty();
      continue;
    }
    std::string phrase = "\"";
    for (size_t k = 0; k < tokens.size(); ++k) phrase += (k ? " " : "") + tokens[k];
    phrase += "\"";
    if (prefix) phrase += " *";
    if (!expr.empty()) expr += " AND ";
    expr += phrase;
  }
  if (scan) *scan = expr.empty() && unindexed_term;
  return expr;
}

std::string CompactForMatch(const std::string& nfkc_text, std::vector<size_t>* offsets) {
  std::string out;
  out.reserve(nfkc_text.size());
  if (offsets) offsets->clear();
  size_t i = 0;
  while (i < nfkc_text.size()) {
    size_t start = i;
    char32_t cp = DecodeUtf8(nfkc_text, &i);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0) continue;
    for (size_t k = start; k < i; ++k) {
      char c = nfkc_text[k];
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      if (offsets) offsets->push_back(k);
    }
  }
  return out;
}

std::vector<std::string> QueryTerms(const std::string& query) {
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && (query[i] == ' ' || query[i] == '\t')) ++i;
    size_t j = i;
    while (j < query.size() && query[j] != ' ' && query[j] != '\t') ++j;
    if (j > i) {
      std::string t = CompactForMatch(ToSimplified(Nfkc(query.substr(i, j - i))), nullptr);
      if (!t.empty()) terms.push_back(t);
    }
    i = j;
  }
  return terms;
}

bool NormaliseAmount(const std::string& value_in, const std::string& unit, std::string* yuan) {
  int shift;
  if (unit == "元") shift = 0;
  else if (unit == "千元") shift = 3;
  else if (unit == "万元" || unit == "万") shift = 4;
  else if (unit == "百万元") shift = 6;
  else if (unit == "亿元" || unit == "亿") shift = 8;
  else return false;
  std::string value;
  for (char c : value_in) if (c != ',' && c != ' ') value += c;
  bool negative = !value.empty() && value[0] == '-';
  if (negative) value.erase(0, 1);
  size_t dot = value.find('.');
  std::string int_part = value.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : value.substr(dot + 1);
  if (int_part.empty() && frac.empty()) return false;
  for (char c : int_part + frac) if (c < '0' || c > '9') return false;
  if (dot != std::string::npos && frac.empty()) return false;
  while (frac.size() < static_cast<size_t>(shift)) frac += '0';
  int_part += frac.substr(0, shift);
  frac = frac.substr(shift);
  size_t nz = int_part.find_first_not_of('0');
  int_part = nz == std::string::npos ? "0" : int_part.substr(nz);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  *yuan = (negative && (int_part != "0" || !frac.empty()) ? "-" : "") + int_part + (frac.empty() ? "" : "." + frac);
  return true;
}

std::vector<Amount> FindAmounts(const std::string& t) {
  std::vector<Amount> out;
  size_t i = 0;
  auto digit = [&](size_t k) { return k < t.size() && t[k] >= '0' && t[k] <= '9'; };
  while (i < t.size()) {
    if (!digit(i) || (i > 0 && (digit(i - 1) || t[i - 1] == '.' || t[i - 1] == ','))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (digit(j) || (t[j] == ',' && digit(j + 1)) || (t[j] == '.' && digit(j + 1))) ++j;
    std::string number = t.substr(i, j - i);
    size_t k = j;
    while (k < t.size() && t[k] == ' ') ++k;
    static const char* kUnits[] = {"亿元", "百万元", "万元", "千元", "元"};
    for (const char* unit : kUnits) {
      std::string u(unit);
      if (t.compare(k, u.size(), u) == 0) {
        std::string yuan;
        if (std::count(number.begin(), number.end(), '.') <= 1 && NormaliseAmount(number, u, &yuan))
          out.push_back({yuan, t.substr(i, k + u.size() - i)});
        break;
      }
    }
    i = j;
  }
  return out;
}

std::string AmountToken(const std::string& yuan) {
  std::string token = "y";
  for (char c : yuan) token += c == '.' ? 'd' : c == '-' ? 'n' : c;
  return token;
}

bool QueryAsAmount(const std::string& query, std::string* yuan) {
  std::string q = CompactForMatch(ToSimplified(Nfkc(query)), nullptr);
  size_t j = 0;
  while (j < q.size() && ((q[j] >= '0' && q[j] <= '9') || q[j] == '.' || q[j] == ',')) ++j;
  if (j == 0) return false;
  return NormaliseAmount(q.substr(0, j), q.substr(j), yuan);
}

}  // namespace jixiao::archive
