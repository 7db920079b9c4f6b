// The documents of a run as the review pages and the JSON API show them:
// the overview list (filters, sorting, pages, totals) and one document with
// its findings, their evidence and where to see it.
//
// A document's id is its SHA-256 (lower-case hex): the same file keeps its
// id across runs, shards and merges.
//
// Covered by pipeline/serve/serve_test.cc.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/archive/archive.h"
#include "pipeline/model/status.h"

namespace jixiao::serve {

inline constexpr int kMaxPerPage = 500;

struct DocumentQuery {
  std::string q;         // the archive's search (words, phrases, an amount); empty: all
  std::string unit;      // substring of the unit
  int year = 0;          // 0: any
  std::string family;    // the report family (whole_report, project_table, …); empty: any
  std::string code;      // documents with a finding of this code (any letter case)
  std::string severity;  // "error" | "warning" | "info": at least one such finding
  std::string review;    // "todo" (some finding undecided) | "done" (all decided); empty: any
  std::string sort = "worst";  // worst | file | unit | year | family | budget | rate | score | grade | errors | warnings | reviewed
  bool descending = false;     // for sort other than worst
  int page = 1;                // 1-based
  int per_page = 50;           // 1..kMaxPerPage
};

// Reads the query parameters (q, unit, year, family, code, severity, review, sort,
// order=asc|desc, page, per_page). InvalidInput with a Chinese message for a
// value that is not understood (year "abc", page 0, severity "x").
Status ParseDocumentQuery(const std::multimap<std::string, std::string>& params, DocumentQuery* query);

// {"total": N, "page", "per_page", "totals": {documents, errors, warnings,
//  infos, findings, reviewed}, "documents": [{"id", "file", "title", "unit",
//  "year", "format", "status", "budget", "executed", "rate", "score",
//  "grade", "errors", "warnings", "infos", "findings", "reviewed"}]}
// InvalidInput (Chinese) for a search query with nothing searchable.
Status ListDocuments(archive::Archive* archive, const DocumentQuery& query, nlohmann::json* out);

// The document with this id: its row as in the list, "pages", "reason", and
// "findings": [{"id", "code", "severity", "message", "arithmetic" (as
// stored), "arithmetic_words" (ArithmeticInWords), "evidence": [{"quote",
// "value", "unit", "place", "page", "figure": [begin, end] bytes of the
// figure in the quote or null, "source": URL of the source view}],
// "review": null | {...}}] ordered errors first. *found false when no
// document has the id.
Status GetDocument(archive::Archive* archive, const std::string& id, nlohmann::json* out, bool* found);

// True for 64 lower-case hex digits.
bool IsDocumentId(const std::string& id);

}  // namespace jixiao::serve
