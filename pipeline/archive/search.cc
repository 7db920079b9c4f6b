// Full-text and amount search over an archive, with snippets (see search.h).
// Covered by pipeline/archive/archive_test.cc and tests/e2e/search_e2e_test.cc.
#include "pipeline/archive/search.h"

#include "pipeline/archive/sqlite_util.h"
#include "pipeline/archive/text_index.h"

namespace jixiao::archive {
namespace {

constexpr int kContextChars = 24;

size_t BackChars(const std::string& s, size_t pos, int n) {
  while (n-- > 0 && pos > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  }
  return pos;
}

size_t ForwardChars(const std::string& s, size_t pos, int n) {
  while (n-- > 0 && pos < s.size()) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return s;
}

std::string Place(int block, int table, int row, int col, int page) {
  std::string p;
  if (table >= 0) {
    p = "表" + std::to_string(table + 1) + " 第" + std::to_string(row + 1) + "行第" + std::to_string(col + 1) + "列";
    if (page > 0) p = "第" + std::to_string(page) + "页 " + p;
  } else if (page > 0) {
    p = "第" + std::to_string(page) + "页";
  } else {
    p = "正文第" + std::to_string(block + 1) + "段";
  }
  return p;
}

// Finds the first of the compact terms in text; fills place's snippet. With
// normalise false the text is compared as stored (fast: most text needs no
// NFKC); callers fall back to normalise true when that finds nothing.
bool Locate(const std::string& text, const std::vector<std::string>& terms, SearchPlace* place,
            bool normalise = true) {
  std::string n = normalise ? Nfkc(text) : text;
  std::vector<size_t> offsets;
  std::string compact = CompactForMatch(n, &offsets);
  for (const std::string& term : terms) {
    size_t at = compact.find(term);
    if (at == std::string::npos || term.empty()) continue;
    size_t a = offsets[at];
    size_t b = offsets[at + term.size() - 1] + 1;
    while (b < n.size() && (static_cast<unsigned char>(n[b]) & 0xC0) == 0x80) ++b;
    size_t from = BackChars(n, a, kContextChars);
    size_t to = ForwardChars(n, b, kContextChars);
    place->match = n.substr(a, b - a);
    place->snippet = OneLine((from > 0 ? "…" : "") + n.substr(from, a - from) + "【" + place->match + "】" +
                             n.substr(b, to - b) + (to < n.size() ? "…" : ""));
    return true;
  }
  return false;
}

struct Filter {
  std::string sql;
  std::vector<std::string> texts;
};

Filter MakeFilter(const SearchOptions& o) {
  Filter f;
  if (!o.unit.empty()) f.sql += " AND d.unit LIKE '%' || ? || '%'";
  if (o.year > 0) f.sql += " AND d.year = ?";
  if (!o.code.empty()) f.sql += " AND EXISTS (SELECT 1 FROM findings f WHERE f.doc_id = d.id AND f.code = ?)";
  return f;
}

int BindFilter(Stmt* q, int i, const SearchOptions& o) {
  if (!o.unit.empty()) q->Bind(i++, o.unit);
  if (o.year > 0) q->Bind(i++, o.year);
  if (!o.code.empty()) q->Bind(i++, o.code);
  return i;
}

SearchHit HitFromRow(Stmt& q) {
  SearchHit h;
  h.file = q.Text(1);
  h.sha256 = q.Text(2);
  h.title = q.Text(3);
  h.unit = q.Text(4);
  h.year = q.IsNull(5) ? 0 : static_cast<int>(q.Int(5));
  h.score = q.Double(6);
  return h;
}

}  // namespace

Status Search(Archive* archive, const std::string& query, const SearchOptions& options, SearchResult* result) {
  sqlite3* db = archive->db();
  *result = SearchResult();
  Filter filter = MakeFilter(options);
  std::string yuan;
  std::vector<int64_t> ids;
  if (QueryAsAmount(query, &yuan)) {
    result->mode = "amount";
    result->match_expression = yuan;
    // Counted on the (yuan, doc_id) index alone; documents joined per group.
    Stmt q(db, ("SELECT d.id, d.path, d.sha256, d.title, d.unit, d.year, a.c FROM"
                " (SELECT doc_id, COUNT(*) AS c FROM amounts WHERE yuan = ? GROUP BY doc_id) a"
                " JOIN documents d ON d.id = a.doc_id WHERE 1" + filter.sql +
                " ORDER BY a.c DESC, d.id LIMIT ?").c_str());
    if (!q.ok()) return q.status();
    q.Bind(1, yuan);
    q.Bind(BindFilter(&q, 2, options), options.limit);
    while (q.Step()) {
      result->hits.push_back(HitFromRow(q));
      ids.push_back(q.Int(0));
    }
    Stmt where(db, "SELECT a.raw, t.block_idx, t.table_index, t.row, t.col, t.page, t.text FROM amounts a"
                   " JOIN texts t ON t.id = (a.doc_id << 20) + a.seq WHERE a.doc_id = ? AND a.yuan = ?"
                   " GROUP BY a.seq, a.raw ORDER BY a.seq");
    for (size_t i = 0; i < ids.size(); ++i) {
      where.Bind(1, ids[i]).Bind(2, yuan);
      while (static_cast<int>(result->hits[i].places.size()) < options.places_per_doc && where.Step()) {
        SearchPlace p;
        p.block = where.IsNull(1) ? -1 : static_cast<int>(where.Int(1));
        p.table_index = where.IsNull(2) ? -1 : static_cast<int>(where.Int(2));
        p.row = where.IsNull(3) ? -1 : static_cast<int>(where.Int(3));
        p.col = where.IsNull(4) ? -1 : static_cast<int>(where.Int(4));
        p.page = where.IsNull(5) ? -1 : static_cast<int>(where.Int(5));
        p.place = Place(p.block, p.table_index, p.row, p.col, p.page);
        std::vector<std::string> raw = {CompactForMatch(where.Text(0), nullptr)};
        if (!Locate(where.Text(6), raw, &p, false) && !Locate(where.Text(6), raw, &p)) {
          p.match = where.Text(0);
          p.snippet = OneLine(where.Text(6));
        }
        result->hits[i].places.push_back(std::move(p));
      }
      where.Reset();
    }
    return Status::Ok();
  }

  std::string expr = BuildMatchExpression(query);
  if (expr.empty()) return Status::InvalidInput("nothing to search for in \"" + query + "\"");
  result->mode = "text";
  result->match_expression = expr;
  Stmt q(db, ("SELECT d.id, d.path, d.sha256, d.title, d.unit, d.year, -bm25(fts) FROM fts"
              " JOIN documents d ON d.id = fts.rowid WHERE fts MATCH ?" + filter.sql +
              " ORDER BY bm25(fts) LIMIT ?").c_str());
  if (!q.ok()) return q.status();
  q.Bind(1, expr);
  q.Bind(BindFilter(&q, 2, options), options.limit);
  while (q.Step()) {
    result->hits.push_back(HitFromRow(q));
    ids.push_back(q.Int(0));
  }
  if (!q.done_ok()) return Status::InvalidInput(std::string("search: ") + sqlite3_errmsg(db));
  std::vector<std::string> terms = QueryTerms(query);
  // Pass 1 lets SQLite pick the units that contain a term as stored (instr
  // in C, no row copied for the others); pass 2, only for a document where
  // that finds nothing (full-width digits, spaces inside the match), scans
  // every unit NFKC-normalised.
  std::string any;
  for (size_t t = 0; t < terms.size(); ++t) any += std::string(t ? " OR " : "") + "instr(lower(text), ?" + std::to_string(t + 3) + ")";
  Stmt quick(db, ("SELECT block_idx, table_index, row, col, page, text FROM texts WHERE id BETWEEN ?1 AND ?2 AND (" +
                  (any.empty() ? std::string("0") : any) + ") ORDER BY id").c_str());
  Stmt full(db, "SELECT block_idx, table_index, row, col, page, text FROM texts WHERE id BETWEEN ?1 AND ?2 ORDER BY id");
  if (!quick.ok()) return quick.status();
  for (size_t i = 0; i < ids.size(); ++i) {
    for (bool normalise : {false, true}) {
      if (!result->hits[i].places.empty()) break;
      Stmt& texts = normalise ? full : quick;
      texts.Bind(1, ids[i] << 20).Bind(2, (ids[i] << 20) | 1048575);
      if (!normalise)
        for (size_t t = 0; t < terms.size(); ++t) texts.Bind(static_cast<int>(t + 3), terms[t]);
      while (static_cast<int>(result->hits[i].places.size()) < options.places_per_doc && texts.Step()) {
        SearchPlace p;
        if (!Locate(texts.Text(5), terms, &p, normalise)) continue;
        p.block = texts.IsNull(0) ? -1 : static_cast<int>(texts.Int(0));
        p.table_index = texts.IsNull(1) ? -1 : static_cast<int>(texts.Int(1));
        p.row = texts.IsNull(2) ? -1 : static_cast<int>(texts.Int(2));
        p.col = texts.IsNull(3) ? -1 : static_cast<int>(texts.Int(3));
        p.page = texts.IsNull(4) ? -1 : static_cast<int>(texts.Int(4));
        p.place = Place(p.block, p.table_index, p.row, p.col, p.page);
        result->hits[i].places.push_back(std::move(p));
      }
      texts.Reset();
    }
  }
  return Status::Ok();
}

}  // namespace jixiao::archive
