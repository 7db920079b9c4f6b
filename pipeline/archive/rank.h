// Ranking functions for the archive's FTS5 tables, registered on a
// connection as FTS5 auxiliary functions:
//
//   jx_bm25(fts, ?)    BM25 exactly as SQLite's bm25() (k1 1.2, b 0.75), but
//                      positive (higher is better) and with the documents'
//                      lengths passed in as a RankLengths pointer bound to ?
//                      (sqlite3_bind_pointer, type kRankLengthsType). bm25()
//                      looks each length up with one SQL statement per
//                      matching row; on an archive of 10,000 reports a word
//                      every report contains spends half of its search time
//                      there. A single-phrase query skips the IDF scan: one
//                      IDF scales every score alike.
//   jx_hits(figures)   how many times the query's phrases occur in the row.
//
// Covered by pipeline/archive/archive_test.cc (ranking order) and
// bench/run_search_bench.sh (latency).
#pragma once

#include <cstdint>
#include <vector>

#include "pipeline/model/status.h"

struct sqlite3;

namespace jixiao::archive {

inline constexpr char kRankLengthsType[] = "jixiao_rank_lengths";

// Token count of every document of one FTS5 table, by rowid.
struct RankLengths {
  std::vector<uint32_t> tokens;  // index: rowid; rows past the end count as average length
};

// Reads <table>_docsize in one scan.
Status LoadRankLengths(sqlite3* db, const char* table, RankLengths* out);

// Registers jx_bm25 and jx_hits on db (once; later calls do nothing).
Status RegisterRankFunctions(sqlite3* db);

}  // namespace jixiao::archive
