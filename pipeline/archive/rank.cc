// FTS5 auxiliary ranking functions (see rank.h). Covered by
// pipeline/archive/archive_test.cc.
#include "pipeline/archive/rank.h"

#include <cmath>
#include <string>

#include "pipeline/archive/sqlite_util.h"

namespace jixiao::archive {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// SQLite's varint: big-endian 7-bit groups, high bit set on all but the last;
// a ninth byte carries 8 bits.
uint64_t ReadVarint(const unsigned char* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n && i < 9; ++i) {
    if (i == 8) return (v << 8) | p[i];
    v = (v << 7) | (p[i] & 0x7F);
    if (!(p[i] & 0x80)) break;
  }
  return v;
}

int Hits(const Fts5ExtensionApi* api, Fts5Context* fts, int phrase) {
  Fts5PhraseIter it;
  int col = 0, offset = 0, hits = 0;
  for (api->xPhraseFirst(fts, phrase, &it, &col, &offset); col >= 0; api->xPhraseNext(fts, &it, &col, &offset)) ++hits;
  return hits;
}

// Per query: IDF of each phrase and the average document length.
struct QueryStats {
  std::vector<double> idf;
  double average_length = 1;
};

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<int64_t*>(count);
  return SQLITE_OK;
}

QueryStats* Stats(const Fts5ExtensionApi* api, Fts5Context* fts) {
  if (auto* s = static_cast<QueryStats*>(api->xGetAuxdata(fts, 0))) return s;
  auto* s = new QueryStats;
  sqlite3_int64 rows = 0, total = 0;
  api->xRowCount(fts, &rows);
  api->xColumnTotalSize(fts, -1, &total);
  if (rows > 0 && total > 0) s->average_length = static_cast<double>(total) / static_cast<double>(rows);
  int phrases = api->xPhraseCount(fts);
  for (int p = 0; p < phrases; ++p) {
    double idf = 1;
    if (phrases > 1) {
      int64_t n = 0;
      api->xQueryPhrase(fts, p, &n, CountRow);
      idf = std::log((static_cast<double>(rows) - static_cast<double>(n) + 0.5) / (static_cast<double>(n) + 0.5));
      if (idf <= 0) idf = 1e-6;  // as bm25(): a phrase in most rows still counts a little
    }
    s->idf.push_back(idf);
  }
  api->xSetAuxdata(fts, s, [](void* p) { delete static_cast<QueryStats*>(p); });
  return s;
}

void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* lengths = argc > 0 ? static_cast<RankLengths*>(sqlite3_value_pointer(argv[0], kRankLengthsType)) : nullptr;
  QueryStats* stats = Stats(api, fts);
  sqlite3_int64 rowid = api->xRowid(fts);
  double length = stats->average_length;
  if (lengths && rowid >= 0 && static_cast<uint64_t>(rowid) < lengths->tokens.size())
    length = lengths->tokens[static_cast<size_t>(rowid)];
  double score = 0;
  for (size_t p = 0; p < stats->idf.size(); ++p) {
    double tf = Hits(api, fts, static_cast<int>(p));
    score += stats->idf[p] * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * length / stats->average_length));
  }
  sqlite3_result_double(ctx, score);
}

void TotalHits(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int, sqlite3_value**) {
  int64_t hits = 0;
  for (int p = 0; p < api->xPhraseCount(fts); ++p) hits += Hits(api, fts, p);
  sqlite3_result_int64(ctx, hits);
}

}  // namespace

Status LoadRankLengths(sqlite3* db, const char* table, RankLengths* out) {
  out->tokens.clear();
  Stmt q(db, (std::string("SELECT id, sz FROM ") + table + "_docsize").c_str());
  if (!q.ok()) return q.status();
  while (q.Step()) {
    int64_t id = q.Int(0);
    if (id < 0 || id > (int64_t{1} << 32)) continue;
    const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(q.get(), 1));
    int n = sqlite3_column_bytes(q.get(), 1);
    if (static_cast<uint64_t>(id) >= out->tokens.size()) out->tokens.resize(static_cast<size_t>(id) + 1, 0);
    out->tokens[static_cast<size_t>(id)] = blob ? static_cast<uint32_t>(ReadVarint(blob, n)) : 0;
  }
  return q.done_ok() ? Status::Ok() : Status::IoError(sqlite3_errmsg(db));
}

Status RegisterRankFunctions(sqlite3* db) {
  {
    Stmt probe(db, "SELECT jx_hits(figures) FROM figures WHERE 0");
    if (probe.ok()) return Status::Ok();
  }
  fts5_api* api = nullptr;
  Stmt get(db, "SELECT fts5(?1)");
  if (!get.ok()) return get.status();
  sqlite3_bind_pointer(get.get(), 1, &api, "fts5_api_ptr", nullptr);
  get.Step();
  if (!api || api->iVersion < 2) return Status::Internal("this SQLite has no usable FTS5 API");
  if (api->xCreateFunction(api, "jx_bm25", nullptr, Bm25, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "jx_hits", nullptr, TotalHits, nullptr) != SQLITE_OK)
    return Status::Internal("cannot register the ranking functions");
  return Status::Ok();
}

}  // namespace jixiao::archive
