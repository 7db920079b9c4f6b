// Full-text and amount search over an archive, with snippets (see search.h).
// Covered by pipeline/archive/archive_test.cc and tests/e2e/search_e2e_test.cc.
#include "pipeline/archive/search.h"

#include "pipeline/model/simplified.h"

#include <algorithm>
#include <map>
#include <memory>

#include "pipeline/archive/rank.h"
#include "pipeline/archive/sqlite_util.h"
#include "pipeline/archive/text_index.h"
#include "pipeline/model/place_name.h"
#include "pipeline/model/utf8.h"

namespace jixiao::archive {
namespace {

constexpr int kContextChars = 24;

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return s;
}

// Names places as findings do (place_name.h): tables and visible paragraphs
// counted in document order.
class PlaceNamer {
 public:
  explicit PlaceNamer(sqlite3* db)
      : tables_(db, "SELECT count(*) FROM blocks WHERE doc_id = ?1 AND idx <= ?2 AND kind = 'table'"),
        paragraphs_(db, "SELECT count(*) FROM texts WHERE id BETWEEN ?1 AND ?2 AND table_index IS NULL"
                        " AND trim(text, ' ' || char(9) || char(12288)) <> ''") {}

  // Fills p->place from its block/table/row/col/page; seq is the unit's.
  void Name(int64_t doc, int64_t seq, SearchPlace* p) {
    int table_no = 0, paragraph_no = 0;
    if (p->table_index >= 0) {
      tables_.Bind(1, doc).Bind(2, p->block);
      if (tables_.Step()) table_no = static_cast<int>(tables_.Int(0));
      tables_.Reset();
    } else {
      paragraphs_.Bind(1, doc << 20).Bind(2, (doc << 20) + seq);
      if (paragraphs_.Step()) paragraph_no = static_cast<int>(paragraphs_.Int(0));
      paragraphs_.Reset();
    }
    p->place = PlaceName(table_no, p->row, p->col, paragraph_no, p->page);
  }

 private:
  Stmt tables_, paragraphs_;
};

// The unit columns (seq, block_idx, table_index, row, col, page) of a row.
SearchPlace PlaceFromRow(Stmt& q) {
  SearchPlace p;
  p.block = q.IsNull(1) ? -1 : static_cast<int>(q.Int(1));
  p.table_index = q.IsNull(2) ? -1 : static_cast<int>(q.Int(2));
  p.row = q.IsNull(3) ? -1 : static_cast<int>(q.Int(3));
  p.col = q.IsNull(4) ? -1 : static_cast<int>(q.Int(4));
  p.page = q.IsNull(5) ? -1 : static_cast<int>(q.Int(5));
  return p;
}

// Marks in *found the compact terms the text contains and, when place is
// not null, puts the snippet of the first of them there. With normalise
// false the text is compared as stored (fast: most text needs no NFKC);
// callers fall back to normalise true when that finds too little.
bool MatchUnit(const std::string& text, const std::vector<std::string>& terms, bool normalise,
               std::vector<bool>* found, SearchPlace* place) {
  std::string n = normalise ? Nfkc(text) : text;
  std::vector<size_t> offsets;
  // Compared as simplified (same byte offsets), shown as written.
  std::string compact = CompactForMatch(normalise ? ToSimplified(n) : n, &offsets);
  bool any = false;
  for (size_t t = 0; t < terms.size(); ++t) {
    const std::string& term = terms[t];
    size_t at = term.empty() ? std::string::npos : compact.find(term);
    if (at == std::string::npos) continue;
    (*found)[t] = true;
    if (any || !place) {
      any = true;
      continue;
    }
    any = true;
    size_t a = offsets[at];
    size_t b = offsets[at + term.size() - 1] + 1;
    b = Utf8BoundaryAfter(n, b);
    size_t from = Utf8Back(n, a, kContextChars);
    size_t to = Utf8Forward(n, b, kContextChars);
    place->match = n.substr(a, b - a);
    place->snippet = OneLine((from > 0 ? "…" : "") + n.substr(from, a - from) + "【" + place->match + "】" +
                             n.substr(b, to - b) + (to < n.size() ? "…" : ""));
  }
  return any;
}

bool Locate(const std::string& text, const std::vector<std::string>& terms, SearchPlace* place, bool normalise) {
  std::vector<bool> found(terms.size());
  return MatchUnit(text, terms, normalise, &found, place);
}

// The documents a search may list, looked up one ranked candidate at a time:
// ranking 10,000 matches then costs only the document rows actually read.
class DocumentFilter {
 public:
  DocumentFilter(sqlite3* db, const SearchOptions& o) : options_(o), q_(db, Sql(o).c_str()) {}
  Status status() const { return q_.status(); }

  // False when the document does not pass the filters (unit, year, code).
  bool Get(int64_t id, double score, SearchHit* hit) {
    int i = 2;
    q_.Bind(1, id);
    if (!options_.unit.empty()) q_.Bind(i++, options_.unit);
    if (options_.year > 0) q_.Bind(i++, options_.year);
    if (!options_.code.empty()) q_.Bind(i++, options_.code);
    bool found = q_.Step();
    if (found) {
      hit->file = q_.Text(0);
      hit->sha256 = q_.Text(1);
      hit->title = q_.Text(2);
      hit->unit = q_.Text(3);
      hit->year = q_.IsNull(4) ? 0 : static_cast<int>(q_.Int(4));
      hit->score = score;
    }
    q_.Reset();
    return found;
  }

 private:
  static std::string Sql(const SearchOptions& o) {
    std::string sql = "SELECT d.path, d.sha256, d.title, d.unit, d.year FROM documents d WHERE d.id = ?";
    if (!o.unit.empty()) sql += " AND d.unit LIKE '%' || ? || '%'";
    if (o.year > 0) sql += " AND d.year = ?";
    if (!o.code.empty()) sql += " AND EXISTS (SELECT 1 FROM findings f WHERE f.doc_id = d.id AND f.code = ?)";
    return sql;
  }
  SearchOptions options_;
  Stmt q_;
};

Status SearchAmount(sqlite3* db, const std::string& yuan, const SearchOptions& options, SearchResult* result) {
  result->mode = "amount";
  result->match_expression = yuan;
  Stmt q(db, "SELECT rowid, jx_hits(figures) AS hits FROM figures WHERE figures MATCH ? ORDER BY hits DESC, rowid");
  if (!q.ok()) return q.status();
  q.Bind(1, "\"" + AmountToken(yuan) + "\"");
  DocumentFilter filter(db, options);
  if (!filter.status().ok()) return filter.status();
  std::vector<int64_t> ids;
  while (static_cast<int>(ids.size()) < options.limit && q.Step()) {
    SearchHit hit;
    if (!filter.Get(q.Int(0), q.Double(1), &hit)) continue;
    result->hits.push_back(std::move(hit));
    ids.push_back(q.Int(0));
  }
  if (!q.done_ok()) return Status::IoError(std::string("search: ") + sqlite3_errmsg(db));
  // Where: units that write the amount out, and units a fact of that amount
  // was read from (a cell "24" under "金额（万元）").
  Stmt facts(db, "SELECT seq, value, unit, raw FROM facts WHERE doc_id = ? AND seq IS NOT NULL");
  Stmt units(db, "SELECT id & 1048575, block_idx, table_index, row, col, page, text FROM texts"
                 " WHERE id BETWEEN ?1 AND ?2 AND (instr(text, '元') OR (id & 1048575) IN"
                 " (SELECT seq FROM facts WHERE doc_id = ?3 AND seq IS NOT NULL)) ORDER BY id");
  PlaceNamer namer(db);
  for (size_t i = 0; i < ids.size(); ++i) {
    std::map<int64_t, std::string> fact_raw;  // seq -> the fact as written
    facts.Bind(1, ids[i]);
    while (facts.Step()) {
      std::string y;
      if (NormaliseAmount(facts.Text(1), facts.Text(2), &y) && y == yuan)
        fact_raw.emplace(facts.Int(0), facts.Text(3).empty() ? facts.Text(1) : facts.Text(3));
    }
    facts.Reset();
    units.Bind(1, ids[i] << 20).Bind(2, (ids[i] << 20) | 1048575).Bind(3, ids[i]);
    while (static_cast<int>(result->hits[i].places.size()) < options.places_per_doc && units.Step()) {
      std::string text = units.Text(6);
      std::string raw;
      for (const Amount& a : FindAmounts(Nfkc(text)))
        if (a.yuan == yuan) {
          raw = a.raw;
          break;
        }
      if (raw.empty()) {
        auto it = fact_raw.find(units.Int(0));
        if (it == fact_raw.end()) continue;
        raw = it->second;
      }
      SearchPlace p = PlaceFromRow(units);
      std::vector<std::string> term = {CompactForMatch(Nfkc(raw), nullptr)};
      if (!Locate(text, term, &p, false) && !Locate(text, term, &p, true)) {
        p.match = raw;
        p.snippet = OneLine(text);
      }
      namer.Name(ids[i], units.Int(0), &p);
      result->hits[i].places.push_back(std::move(p));
    }
    units.Reset();
  }
  return Status::Ok();
}

// Finds a document's places for the query terms, in document order, and
// confirms that every term occurs in one of its paragraphs or cells (the
// index over-approximates: text_index.h).
class TermLocator {
 public:
  TermLocator(sqlite3* db, const std::vector<std::string>& terms, int places_per_doc)
      : terms_(terms), max_places_(places_per_doc), namer_(db), quick_(db, QuickSql(terms).c_str()),
        full_(db, (std::string(kUnitColumns) + " WHERE id BETWEEN ?1 AND ?2 ORDER BY id").c_str()) {}

  Status status() const { return quick_.ok() ? full_.status() : quick_.status(); }

  // False when some term occurs nowhere in the document.
  bool Find(int64_t doc, std::vector<SearchPlace>* places) {
    // Pass 1 lets SQLite pick the units that contain a term as stored (instr
    // in C, no row copied for the others); pass 2, only when that misses a
    // term (full-width digits, spaces inside the match, or a false hit of
    // the index), reads every unit NFKC-normalised.
    for (bool normalise : {false, true}) {
      places->clear();
      std::vector<bool> found(terms_.size());
      Stmt& units = normalise ? full_ : quick_;
      units.Bind(1, doc << 20).Bind(2, (doc << 20) | 1048575);
      if (!normalise)
        for (size_t t = 0; t < terms_.size(); ++t) units.Bind(static_cast<int>(t + 3), terms_[t]);
      bool all = false;
      while (!(all && static_cast<int>(places->size()) >= max_places_) && units.Step()) {
        SearchPlace p = PlaceFromRow(units);
        bool want_place = static_cast<int>(places->size()) < max_places_;
        if (!MatchUnit(units.Text(6), terms_, normalise, &found, want_place ? &p : nullptr)) continue;
        all = std::find(found.begin(), found.end(), false) == found.end();
        if (!want_place) continue;
        namer_.Name(doc, units.Int(0), &p);
        places->push_back(std::move(p));
      }
      units.Reset();
      if (all) return true;
    }
    places->clear();
    return false;
  }

 private:
  static constexpr const char* kUnitColumns =
      "SELECT id & 1048575, block_idx, table_index, row, col, page, text FROM texts";

  static std::string QuickSql(const std::vector<std::string>& terms) {
    bool ascii_letters = false;
    for (const std::string& t : terms)
      for (char c : t) ascii_letters |= (c >= 'a' && c <= 'z');
    std::string any;
    for (size_t t = 0; t < terms.size(); ++t)
      any += std::string(t ? " OR " : "") + (ascii_letters ? "instr(lower(text), ?" : "instr(text, ?") +
             std::to_string(t + 3) + ")";
    return std::string(kUnitColumns) + " WHERE id BETWEEN ?1 AND ?2 AND (" + (any.empty() ? "0" : any) +
           ") ORDER BY id";
  }

  std::vector<std::string> terms_;
  int max_places_;
  PlaceNamer namer_;
  Stmt quick_, full_;
};

Status SearchText(sqlite3* db, const std::string& query, const SearchOptions& options, SearchResult* result) {
  bool scan = false;
  std::string expr = BuildMatchExpression(query, &scan);
  std::vector<std::string> terms = QueryTerms(query);
  if (expr.empty() && !scan) return Status::InvalidInput("nothing to search for in \"" + query + "\"");
  // Each term is one clause of the SQL that confirms the hits; SQLite's
  // expression depth (1000) and the time of a query both need a bound.
  if (terms.size() > static_cast<size_t>(kMaxQueryTerms))
    return Status::InvalidInput("查询词太多：最多 " + std::to_string(kMaxQueryTerms) + " 个，收到 " +
                                std::to_string(terms.size()) + " 个（too many search terms）");
  result->mode = scan ? "scan" : "text";
  result->match_expression = expr;
  RankLengths lengths;
  std::unique_ptr<Stmt> q;  // (document id, score), best first
  if (scan) {
    // Terms of one character each: no index token holds them all, so the
    // documents that contain them as stored are read in order, unranked.
    std::string sql = "SELECT d.id, 0 FROM documents d WHERE 1";
    for (size_t t = 0; t < terms.size(); ++t)
      sql += " AND EXISTS (SELECT 1 FROM texts WHERE id BETWEEN d.id << 20 AND (d.id << 20) | 1048575"
             " AND instr(text, ?))";
    q = std::make_unique<Stmt>(db, (sql + " ORDER BY d.id").c_str());
    if (!q->ok()) return q->status();
    for (size_t t = 0; t < terms.size(); ++t) q->Bind(static_cast<int>(t + 1), terms[t]);
  } else {
    Status s = LoadRankLengths(db, "fts", &lengths);
    if (!s.ok()) return s;
    q = std::make_unique<Stmt>(db, "SELECT rowid, jx_bm25(fts, ?) AS score FROM fts WHERE fts MATCH ?"
                                   " ORDER BY score DESC, rowid");
    if (!q->ok()) return q->status();
    sqlite3_bind_pointer(q->get(), 1, &lengths, kRankLengthsType, nullptr);
    q->Bind(2, expr);
  }
  DocumentFilter filter(db, options);
  TermLocator locator(db, terms, options.places_per_doc);
  if (!filter.status().ok()) return filter.status();
  if (!locator.status().ok()) return locator.status();
  while (static_cast<int>(result->hits.size()) < options.limit && q->Step()) {
    SearchHit hit;
    if (!filter.Get(q->Int(0), q->Double(1), &hit) || !locator.Find(q->Int(0), &hit.places)) continue;
    result->hits.push_back(std::move(hit));
  }
  if (!q->done_ok()) return Status::IoError(std::string("search: ") + sqlite3_errmsg(db));
  return Status::Ok();
}

}  // namespace

Status Search(Archive* archive, const std::string& query, const SearchOptions& options, SearchResult* result) {
  *result = SearchResult();
  Status s = RegisterRankFunctions(archive->db());
  if (!s.ok()) return s;
  std::string yuan;
  if (QueryAsAmount(query, &yuan)) return SearchAmount(archive->db(), yuan, options, result);
  return SearchText(archive->db(), query, options, result);
}

}  // namespace jixiao::archive
