// Search of an archive: full text (any CJK string of two or more characters,
// Latin words, phrases; several terms must all occur in the document) or, when
// the query is one amount of money ("24万元", "240000元"), every document
// stating that amount however it is written. Hits are documents ranked by
// BM25 (full text) or by how often the amount occurs; each hit carries up to
// `places_per_doc` places, named as findings name them, with a snippet where
// the match is marked 【…】. A full-text hit is listed only once every term is
// found in one paragraph or cell of the stored text (the index
// over-approximates, text_index.h). A query of single CJK characters, which
// the bigram index cannot narrow, scans the stored text (mode "scan"):
// documents in archive order, unranked. An empty query with a code lists
// the documents that have a finding of that code (mode "code"), the
// finding's message as their place. Documents marked removed (archive.h) are
// left out unless include_removed.
//
// Covered by pipeline/archive/archive_test.cc and tests/e2e/search_e2e_test.cc.
#pragma once

#include <string>
#include <vector>

#include "pipeline/archive/archive.h"

namespace jixiao::archive {

// Most words (space-separated terms) in one query: more is InvalidInput with
// a Chinese message (the SQL confirming the hits has a clause per term).
inline constexpr int kMaxQueryTerms = 64;

struct SearchOptions {
  std::string unit;   // substring of the unit name; empty: any
  int year = 0;       // 0: any
  std::string code;   // only documents with a finding of this code (any letter case); empty: any
  bool include_removed = false;  // also documents whose file a later run no longer found
  int limit = 20;     // documents
  int places_per_doc = 3;
};

struct SearchPlace {
  int block = -1;        // index of the block in the document
  int page = -1;         // PDF page, 1-based; -1 for DOCX
  int table_index = -1;  // for a cell
  int row = -1, col = -1;
  std::string place;     // for people: "第3页" / "正文第12段" / "表2 第5行第3列"
  std::string snippet;   // text around the match, the match marked 【…】
  std::string match;     // the matched text
};

struct SearchHit {
  std::string file, sha256, title, unit;
  int year = 0;          // 0 when unknown
  bool removed = false;  // its file was gone on a later run
  double score = 0;      // higher is better
  std::vector<SearchPlace> places;
};

struct SearchResult {
  std::string mode;                // "text", "amount", "scan" or "code"
  std::string match_expression;    // FTS5 expression, the canonical 元 value, or the code
  std::vector<SearchHit> hits;     // the first `limit` of them
  int total = 0;                   // documents that match, hits included
  // No document passes the filters (unit, year, code) although this many
  // match the query without them.
  int without_filters = 0;
};

// InvalidInput when the query has nothing searchable.
Status Search(Archive* archive, const std::string& query, const SearchOptions& options, SearchResult* result);

}  // namespace jixiao::archive
