// Archive: schema, batch insert of screened documents, resume look-up, report
// read-back and merging of archives (see archive.h). Covered by
// pipeline/archive/archive_test.cc and tests/e2e (run, merge, search).
#include "pipeline/archive/archive.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <set>
#include <cstring>
#include <tuple>

#include <unistd.h>
#include <zlib.h>

#include "pipeline/archive/reviews.h"
#include "pipeline/archive/sqlite_util.h"
#include "pipeline/archive/text_index.h"
#include "pipeline/model/status.h"

namespace jixiao::archive {
namespace {

using Json = nlohmann::ordered_json;

// texts.id = document id << kSeqBits | position of the unit in the document:
// one rowid b-tree, filled in order, no separate index.
constexpr int kSeqBits = 20;

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT, format TEXT, size INTEGER,
  pages INTEGER, status TEXT, status_reason TEXT, jixiao_version TEXT, title TEXT, unit TEXT,
  year INTEGER, total_budget TEXT, executed TEXT, execution_rate TEXT, self_score TEXT,
  grade TEXT, n_error INTEGER, n_warning INTEGER, n_info INTEGER, top_code TEXT, screened_at TEXT,
  status_code TEXT, removed INTEGER NOT NULL DEFAULT 0, family TEXT);
CREATE TABLE IF NOT EXISTS reports(doc_id INTEGER PRIMARY KEY, report BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS documents_unit ON documents(unit);
CREATE INDEX IF NOT EXISTS documents_year ON documents(year);
CREATE TABLE IF NOT EXISTS blocks(
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, kind TEXT, level INTEGER, label TEXT,
  style TEXT, page INTEGER, body_index INTEGER, table_index INTEGER,
  PRIMARY KEY(doc_id, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tables(
  doc_id INTEGER NOT NULL, table_index INTEGER NOT NULL, block_idx INTEGER, rows INTEGER,
  cols INTEGER, page INTEGER, PRIMARY KEY(doc_id, table_index)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS texts(
  id INTEGER PRIMARY KEY, block_idx INTEGER, table_index INTEGER, row INTEGER, col INTEGER,
  rowspan INTEGER, colspan INTEGER, page INTEGER, text TEXT NOT NULL);
CREATE VIEW IF NOT EXISTS cells AS
  SELECT id >> 20 AS doc_id, id & 1048575 AS seq, table_index, row, col, rowspan, colspan, page, text
  FROM texts WHERE table_index IS NOT NULL;
CREATE VIEW IF NOT EXISTS paragraphs AS
  SELECT id >> 20 AS doc_id, id & 1048575 AS seq, block_idx, page, text FROM texts WHERE table_index IS NULL;
CREATE TABLE IF NOT EXISTS facts(
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, concept TEXT, value TEXT, unit TEXT, raw TEXT,
  seq INTEGER, PRIMARY KEY(doc_id, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings(
  doc_id INTEGER NOT NULL, idx INTEGER NOT NULL, code TEXT, severity TEXT, message TEXT,
  PRIMARY KEY(doc_id, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS input_roots(name TEXT PRIMARY KEY, dir TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS figures USING fts5(amounts, content='', tokenize='unicode61');
)sql";

// The full report is kept zlib-compressed: facts and findings with their
// evidence are most of an archive's size otherwise. Most of what does not
// compress in a report is the Chinese quoted from the document (every fact
// quotes its sentence), so the document's own text serves as the zlib preset
// dictionary: a quote becomes a back-reference into it. The stream says
// whether it needs the dictionary (Z_NEED_DICT), and the dictionary is
// rebuilt from the stored texts, which never change after the insert.
constexpr size_t kMaxDictionary = 32768;  // zlib's window

std::string TextDictionary(const std::vector<std::string>& units) {
  std::string dict;
  for (const std::string& u : units) {
    if (!dict.empty()) dict += '\n';
    dict += u;
  }
  // The end of the text is kept: zlib prefers the nearest match anyway.
  if (dict.size() > kMaxDictionary) dict.erase(0, dict.size() - kMaxDictionary);
  return dict;
}

// 4-byte little-endian length, then the zlib stream. Empty on failure.
std::string Compress(const std::string& in, const std::string& dict) {
  z_stream z{};
  if (deflateInit(&z, 9) != Z_OK) return "";
  if (!dict.empty() &&
      deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dict.data()), static_cast<uInt>(dict.size())) != Z_OK) {
    deflateEnd(&z);
    return "";
  }
  std::string out(4 + deflateBound(&z, in.size()), '\0');
  uint32_t size = static_cast<uint32_t>(in.size());
  std::memcpy(out.data(), &size, 4);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data() + 4);
  z.avail_out = static_cast<uInt>(out.size() - 4);
  int rc = deflate(&z, Z_FINISH);
  out.resize(4 + z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : "";
}

// get_dict is called only when the stream was written with a dictionary.
template <typename GetDict>
bool Uncompress(const std::string& in, std::string* out, GetDict get_dict) {
  if (in.size() < 4) return false;
  uint32_t size;
  std::memcpy(&size, in.data(), 4);
  out->assign(size, '\0');
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + 4));
  z.avail_in = static_cast<uInt>(in.size() - 4);
  z.next_out = reinterpret_cast<Bytef*>(out->data());
  z.avail_out = size;
  int rc = inflate(&z, Z_FINISH);
  if (rc == Z_NEED_DICT) {
    std::string dict;
    if (!get_dict(&dict) ||
        inflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dict.data()), static_cast<uInt>(dict.size())) != Z_OK) {
      inflateEnd(&z);
      return false;
    }
    rc = inflate(&z, Z_FINISH);
  }
  bool ok = rc == Z_STREAM_END && z.total_out == size;
  inflateEnd(&z);
  return ok;
}

int64_t FirstText(int64_t doc) { return doc << kSeqBits; }
int64_t LastText(int64_t doc) { return (doc << kSeqBits) | ((int64_t{1} << kSeqBits) - 1); }

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

struct TextRow {
  int block = -1, table = -1, row = -1, col = -1, rowspan = -1, colspan = -1, page = -1;
  std::string text;
};

void CollectTable(const Table& t, int block, int fallback_page, int* next_table, std::vector<TextRow>* texts,
                  std::vector<std::array<int, 5>>* tables) {
  int index = t.prov.table_index >= 0 ? t.prov.table_index : *next_table;
  *next_table = std::max(*next_table, index + 1);
  int tpage = t.prov.page >= 0 ? t.prov.page : fallback_page;
  tables->push_back({index, block, t.rows, t.cols, tpage});
  for (const Cell& c : t.cells) {
    std::string text = c.Text();
    if (!text.empty()) {
      TextRow r;
      r.block = block;
      r.table = index;
      r.row = c.row;
      r.col = c.col;
      r.rowspan = c.rowspan;
      r.colspan = c.colspan;
      r.page = c.prov.page >= 0 ? c.prov.page : tpage;
      r.text = std::move(text);
      texts->push_back(std::move(r));
    }
    for (const Table& n : c.nested) CollectTable(n, block, tpage, next_table, texts, tables);
  }
}

}  // namespace

Archive::~Archive() { sqlite3_close(db_); }

namespace {

// The schema version check shared by both ways of opening: -1 when the file
// has no jixiao schema (empty or another database), else the version; *error
// is set for a schema this jixiao does not read.
int SchemaVersionOf(sqlite3* db, const std::string& path, Status* error) {
  Stmt check(db, "SELECT version FROM schema_version");
  if (!(check.ok() && check.Step())) return -1;
  int v = static_cast<int>(check.Int(0));
  if (v > kSchemaVersion)
    *error = Status::InvalidInput(path + " has archive schema " + std::to_string(v) + ", newer than this jixiao (" +
                                  std::to_string(kSchemaVersion) + ")");
  else if (v < kSchemaVersion)
    *error = Status::InvalidInput(path + " was written by an older jixiao (archive schema " + std::to_string(v) +
                                  ", this one writes " + std::to_string(kSchemaVersion) +
                                  "): screen the reports again into a new output folder");
  return v;
}

}  // namespace

Status Archive::OpenReadOnly(const std::string& path, std::unique_ptr<Archive>* out) {
  if (::access(path.c_str(), F_OK) != 0) return Status::IoError("no archive at " + path);
  // Plain read-only first; an archive in WAL mode on a read-only folder
  // cannot get its shared-memory file, so it is then read as immutable (no
  // other process can be writing to a read-only medium).
  for (const std::string& uri : {"file:" + path + "?mode=ro", "file:" + path + "?immutable=1"}) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<Archive> a(new Archive(db));
    if (rc != SQLITE_OK) continue;
    sqlite3_busy_timeout(db, 10000);
    ExecSql(db, "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-32000;");  // as Open: search speed
    Status version_error;
    int v = SchemaVersionOf(db, path, &version_error);
    if (!version_error.ok()) return version_error;
    if (v < 0) {
      int code = sqlite3_errcode(db);
      if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY) continue;  // the WAL index: try immutable
      if (code == SQLITE_CORRUPT) return Status::InvalidInput(path + " is damaged: restore it from a copy");
      return Status::InvalidInput(path + " is not a jixiao archive");
    }
    *out = std::move(a);
    return Status::Ok();
  }
  return Status::IoError("cannot open archive " + path + " for reading");
}

Status Archive::Open(const std::string& path, std::unique_ptr<Archive>* out) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IoError("cannot open archive " + path + ": " + msg);
  }
  std::unique_ptr<Archive> a(new Archive(db));
  sqlite3_busy_timeout(db, 10000);
  // auto_vacuum only takes on a new, empty file, and switching to WAL already
  // writes the header: it comes first. Optimize() then hands back the pages
  // the FTS merges free instead of leaving them in the file. (On an existing
  // archive this is a no-op.)
  Status s = ExecSql(db, "PRAGMA auto_vacuum=INCREMENTAL; PRAGMA journal_mode=WAL; PRAGMA mmap_size=1073741824; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32000;");
  if (!s.ok()) {
    // A file SQLite does not recognise at all is not an archive; one whose
    // pages are broken (a copy cut short, a bad disk) is a damaged archive.
    bool damaged = sqlite3_errcode(db) == SQLITE_CORRUPT;
    return Status::InvalidInput(path + (damaged ? " is damaged: restore it from a copy or screen the reports again ("
                                                : " is not a jixiao archive (") +
                                s.message() + ")");
  }
  // The version statement is finished before any write: a read left open
  // pins a snapshot, and BEGIN IMMEDIATE on a stale one fails at once with
  // SQLITE_BUSY_SNAPSHOT when another connection wrote in between.
  Status version_error;
  if (SchemaVersionOf(db, path, &version_error) >= 0) {
    if (!version_error.ok()) return version_error;
    Status r = a->Upgrade();
    if (!r.ok()) return r;
    *out = std::move(a);
    return Status::Ok();
  }
  {
    Stmt tables(db, "SELECT count(*) FROM sqlite_schema");
    if (tables.Step() && tables.Int(0) > 0)
      return Status::InvalidInput(path + " is an SQLite database but not a jixiao archive");
  }
  s = ExecSql(db, std::string("BEGIN IMMEDIATE;") + kSchema + "INSERT INTO schema_version VALUES(" +
                      std::to_string(kSchemaVersion) + "); COMMIT;");
  if (!s.ok()) {
    ExecSql(db, "ROLLBACK");
    return s;
  }
  if (!(s = a->Upgrade()).ok()) return s;
  *out = std::move(a);
  return Status::Ok();
}

Status Archive::Upgrade() {
  Status s = ExecSql(db_, "BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  bool created = false;
  s = internal::EnsureReviewSchema(db_, &created);
  if (s.ok()) s = ExecSql(db_, "CREATE TABLE IF NOT EXISTS input_roots(name TEXT PRIMARY KEY, dir TEXT NOT NULL);");
  // An archive written before the reviews: the finding ids of its stored
  // reports, once; before documents.family: the family of each, once.
  bool add_family = false;
  if (s.ok()) {
    Stmt q(db_, "SELECT 1 FROM pragma_table_info('documents') WHERE name = 'family'");
    add_family = q.ok() && !q.Step();
  }
  if (s.ok() && add_family) s = ExecSql(db_, "ALTER TABLE documents ADD COLUMN family TEXT");
  std::vector<std::pair<int64_t, std::string>> docs;  // id, sha256
  if (s.ok() && (created || add_family)) {
    Stmt q(db_, "SELECT id, sha256 FROM documents ORDER BY id");
    while (q.Step()) docs.emplace_back(q.Int(0), q.Text(1));
  }
  Stmt set_family(db_, "UPDATE documents SET family = ? WHERE id = ?");
  for (size_t i = 0; s.ok() && i < docs.size(); ++i) {
    ScreenReport report;
    bool found = false;
    s = GetReport(docs[i].second, &report, &found);
    if (!s.ok() || !found) continue;
    if (created) s = internal::NoteFindings(db_, report);
    if (s.ok() && add_family) s = set_family.BindOptText(1, report.family).Bind(2, docs[i].first).Exec();
  }
  if (s.ok()) s = ExecSql(db_, "COMMIT");
  if (!s.ok()) ExecSql(db_, "ROLLBACK");
  return s;
}

Status Archive::LoadStored(std::map<std::string, StoredDoc>* out) {
  Stmt q(db_, "SELECT id, sha256, jixiao_version, status, status_reason, n_error, n_warning, n_info, pages, path,"
              " status_code, removed FROM documents");
  if (!q.ok()) return q.status();
  while (q.Step()) {
    StoredDoc d;
    d.id = q.Int(0);
    d.jixiao_version = q.Text(2);
    if (!OutcomeFromName(q.Text(3), &d.outcome)) d.outcome = Outcome::kFailed;
    d.status_reason = q.Text(4);
    d.n_error = static_cast<int>(q.Int(5));
    d.n_warning = static_cast<int>(q.Int(6));
    d.n_info = static_cast<int>(q.Int(7));
    d.pages = q.IsNull(8) ? -1 : static_cast<int>(q.Int(8));
    d.path = q.Text(9);
    d.code = StatusCodeFromName(q.Text(10));
    d.removed = q.Int(11) != 0;
    (*out)[q.Text(1)] = d;
  }
  return Status::Ok();
}

Status Archive::Add(const std::vector<Entry>& entries) {
  Status s = ExecSql(db_, "BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  for (const Entry& e : entries) {
    s = InsertOne(e.doc, *e.report);
    if (!s.ok()) {
      ExecSql(db_, "ROLLBACK");
      return s;
    }
  }
  s = ExecSql(db_, "COMMIT");
  if (!s.ok()) ExecSql(db_, "ROLLBACK");
  return s;
}

Status Archive::InsertOne(const Document* doc, const ScreenReport& report) {
  const std::string& sha = report.sha256;
  if (sha.empty()) return Status::InvalidInput("report without sha256");
  {
    Stmt find(db_, "SELECT id FROM documents WHERE sha256=?");
    find.Bind(1, sha);
    if (find.Step()) {
      Status s = DeleteDoc(find.Int(0));
      if (!s.ok()) return s;
    }
  }
  // The text units first: the stored report is compressed against them.
  std::vector<TextRow> texts;
  std::vector<std::array<int, 5>> tables;
  std::vector<int> table_of_block;
  if (doc) {
    int next_table = 0;
    for (size_t b = 0; b < doc->blocks.size(); ++b) {
      const Block& block = doc->blocks[b];
      int table_index = -1;
      if (block.kind == BlockKind::kTable) {
        size_t before = tables.size();
        CollectTable(block.table, static_cast<int>(b), block.prov.page, &next_table, &texts, &tables);
        table_index = tables[before][0];
      } else {
        TextRow r;
        r.block = static_cast<int>(b);
        r.page = block.prov.page;
        r.text = block.FullText();
        if (!r.text.empty()) texts.push_back(std::move(r));
      }
      table_of_block.push_back(table_index);
    }
    if (texts.size() >= (size_t{1} << kSeqBits)) texts.resize((size_t{1} << kSeqBits) - 1);  // 1M units: never seen
  }
  std::vector<std::string> unit_texts;
  for (const TextRow& r : texts) unit_texts.push_back(r.text);

  const Finding* top = report.MostSerious();
  const FindingCounts counts = report.counts();
  const HeadlineFigures& figures = report.figures;
  std::string stored =
      Compress(ToJsonText(report, -1), TextDictionary(unit_texts));  // the facts one at a time
  if (stored.empty()) return Status::Internal("cannot compress the report");
  int pages = doc ? doc->source.page_count : -1;
  Stmt ins(db_,
           "INSERT INTO documents(sha256, path, format, size, pages, status, status_reason, jixiao_version, title,"
           " unit, year, total_budget, executed, execution_rate, self_score, grade, n_error, n_warning, n_info,"
           " top_code, screened_at, status_code, family) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins.Bind(1, sha).Bind(2, report.file).BindOptText(3, report.format);
  ins.BindOpt(4, static_cast<int64_t>(report.size)).BindOpt(5, pages);
  ins.Bind(6, OutcomeName(OutcomeOf(report))).BindOptText(7, OutcomeReason(report));
  ins.Bind(8, report.jixiao_version).BindOptText(9, report.title);
  ins.BindOptText(10, report.unit).BindOpt(11, report.year ? report.year : -1);
  ins.BindOptText(12, figures.total_budget).BindOptText(13, figures.executed);
  ins.BindOptText(14, figures.execution_rate).BindOptText(15, figures.self_score);
  ins.BindOptText(16, figures.grade);
  ins.Bind(17, counts.error).Bind(18, counts.warning).Bind(19, counts.info);
  ins.BindOptText(20, top ? top->code : std::string()).Bind(21, NowUtc());
  ins.BindOptText(22, report.code == Status::Code::kOk ? std::string() : Status::CodeName(report.code));
  ins.BindOptText(23, report.family);
  Status s = ins.Exec();
  if (!s.ok()) return s;
  int64_t id = sqlite3_last_insert_rowid(db_);
  Stmt rep(db_, "INSERT INTO reports VALUES(?,?)");
  rep.Bind(1, id);
  sqlite3_bind_blob(rep.get(), 2, stored.data(), static_cast<int>(stored.size()), SQLITE_TRANSIENT);
  if (!(s = rep.Exec()).ok()) return s;

  std::map<std::tuple<int, int, int>, int> cell_seq;  // (block, row, col) -> seq: the first cell there
  std::map<int, int> block_seq;                       // paragraph block -> seq
  if (doc) {
    Stmt blk(db_, "INSERT INTO blocks VALUES(?,?,?,?,?,?,?,?,?)");
    for (size_t b = 0; b < doc->blocks.size(); ++b) {
      const Block& block = doc->blocks[b];
      blk.Bind(1, id).Bind(2, static_cast<int64_t>(b)).Bind(3, BlockKindName(block.kind)).Bind(4, block.level);
      blk.BindOptText(5, block.label).BindOptText(6, block.style).BindOpt(7, block.prov.page);
      blk.BindOpt(8, block.prov.body_index).BindOpt(9, table_of_block[b]);
      if (!(s = blk.Exec()).ok()) return s;
    }
    Stmt tbl(db_, "INSERT OR REPLACE INTO tables VALUES(?,?,?,?,?,?)");
    for (const auto& t : tables) {
      tbl.Bind(1, id).Bind(2, t[0]).Bind(3, t[1]).Bind(4, t[2]).Bind(5, t[3]).BindOpt(6, t[4]);
      if (!(s = tbl.Exec()).ok()) return s;
    }
    Stmt txt(db_, "INSERT INTO texts VALUES(?,?,?,?,?,?,?,?,?)");
    for (size_t k = 0; k < texts.size(); ++k) {
      const TextRow& r = texts[k];
      txt.Bind(1, FirstText(id) + static_cast<int64_t>(k)).BindOpt(2, r.block).BindOpt(3, r.table).BindOpt(4, r.row);
      txt.BindOpt(5, r.col).BindOpt(6, r.rowspan).BindOpt(7, r.colspan).BindOpt(8, r.page);
      txt.Bind(9, r.text);
      if (!(s = txt.Exec()).ok()) return s;
      if (r.table >= 0) cell_seq.emplace(std::make_tuple(r.block, r.row, r.col), static_cast<int>(k));
      else block_seq[r.block] = static_cast<int>(k);
    }
  }

  // Facts, with the text unit each was read from (the paragraph, or the cell
  // of the table block); findings.
  {
    Stmt fct(db_, "INSERT INTO facts VALUES(?,?,?,?,?,?,?)");
    int64_t k = 0;
    for (const ReportFact& f : report.facts) {
      int seq = -1;
      if (f.place.in_table()) {
        auto it = cell_seq.find({f.place.block, f.place.row, f.place.col});
        if (it != cell_seq.end()) seq = it->second;
      } else {
        auto it = block_seq.find(f.place.block);
        if (it != block_seq.end()) seq = it->second;
      }
      fct.Bind(1, id).Bind(2, k++).BindOptText(3, f.concept_id).BindOptText(4, f.value);
      fct.BindOptText(5, f.unit).BindOptText(6, f.raw).BindOpt(7, seq);
      if (!(s = fct.Exec()).ok()) return s;
    }
  }
  {
    Stmt fnd(db_, "INSERT INTO findings VALUES(?,?,?,?,?)");
    int64_t k = 0;
    for (const Finding& f : report.findings) {
      fnd.Bind(1, id).Bind(2, k++).Bind(3, f.code).Bind(4, FindingSeverityName(f.severity)).Bind(5, f.message);
      if (!(s = fnd.Exec()).ok()) return s;
    }
  }
  if (!(s = internal::NoteFindings(db_, report)).ok()) return s;
  return IndexDoc(id);
}

Status Archive::LoadUnits(int64_t id, std::vector<std::string>* texts) {
  texts->clear();
  Stmt q(db_, "SELECT text FROM texts WHERE id BETWEEN ? AND ? ORDER BY id");
  q.Bind(1, FirstText(id)).Bind(2, LastText(id));
  while (q.Step()) texts->push_back(q.Text(0));
  return q.done_ok() ? Status::Ok() : Status::IoError(sqlite3_errmsg(db_));
}

Status Archive::IndexedContent(int64_t id, std::string* body, std::string* amounts) {
  std::vector<std::string> units;
  Status s = LoadUnits(id, &units);
  if (!s.ok()) return s;
  body->clear();
  amounts->clear();
  // Amounts written out in the text ("24万元"), and those the facts stage read
  // with the unit elsewhere (a cell "24" under "金额（万元）"); a fact the
  // text already shows is not counted twice.
  std::set<std::pair<int64_t, std::string>> seen;
  for (size_t k = 0; k < units.size(); ++k) {
    std::string segmented = SegmentForIndex(units[k]);
    if (!body->empty() && !segmented.empty()) *body += ' ';
    *body += segmented;
    for (const Amount& a : FindAmounts(Nfkc(units[k]))) {
      seen.insert({static_cast<int64_t>(k), a.yuan});
      *amounts += AmountToken(a.yuan) + " ";
    }
  }
  Stmt facts(db_, "SELECT value, unit, seq FROM facts WHERE doc_id = ? ORDER BY idx");
  facts.Bind(1, id);
  while (facts.Step()) {
    std::string yuan;
    if (!NormaliseAmount(facts.Text(0), facts.Text(1), &yuan)) continue;
    if (!facts.IsNull(2) && seen.count({facts.Int(2), yuan})) continue;
    *amounts += AmountToken(yuan) + " ";
  }
  return facts.done_ok() ? Status::Ok() : Status::IoError(sqlite3_errmsg(db_));
}

Status Archive::IndexDoc(int64_t id) {
  std::string body, amounts;
  Status s = IndexedContent(id, &body, &amounts);
  if (!s.ok()) return s;
  Stmt f(db_, "INSERT INTO fts(rowid, body) VALUES(?,?)");
  f.Bind(1, id).Bind(2, body);
  if (!(s = f.Exec()).ok()) return s;
  Stmt g(db_, "INSERT INTO figures(rowid, amounts) VALUES(?,?)");
  g.Bind(1, id).Bind(2, amounts);
  return g.Exec();
}

Status Archive::DeleteDoc(int64_t id) {
  // A contentless FTS5 row is deleted by giving back the values it indexed.
  std::string body, amounts;
  Status s = IndexedContent(id, &body, &amounts);
  if (!s.ok()) return s;
  Stmt del(db_, "INSERT INTO fts(fts, rowid, body) VALUES('delete', ?, ?)");
  del.Bind(1, id).Bind(2, body);
  if (!(s = del.Exec()).ok()) return s;
  Stmt delf(db_, "INSERT INTO figures(figures, rowid, amounts) VALUES('delete', ?, ?)");
  delf.Bind(1, id).Bind(2, amounts);
  if (!(s = delf.Exec()).ok()) return s;
  for (const char* table : {"blocks", "tables", "facts", "findings"}) {
    Stmt d(db_, (std::string("DELETE FROM ") + table + " WHERE doc_id=?").c_str());
    d.Bind(1, id);
    if (!(s = d.Exec()).ok()) return s;
  }
  Stmt dt(db_, "DELETE FROM texts WHERE id BETWEEN ? AND ?");
  dt.Bind(1, FirstText(id)).Bind(2, LastText(id));
  if (!(s = dt.Exec()).ok()) return s;
  Stmt r(db_, "DELETE FROM reports WHERE doc_id=?");
  r.Bind(1, id);
  if (!(s = r.Exec()).ok()) return s;
  Stmt d(db_, "DELETE FROM documents WHERE id=?");
  d.Bind(1, id);
  return d.Exec();
}

Status Archive::GetReport(const std::string& sha256, ScreenReport* report, bool* found) {
  Stmt q(db_, "SELECT d.id, r.report FROM documents d JOIN reports r ON r.doc_id = d.id WHERE d.sha256=?");
  q.Bind(1, sha256);
  *found = false;
  if (!q.Step()) return q.done_ok() ? Status::Ok() : Status::IoError(sqlite3_errmsg(db_));
  int64_t id = q.Int(0);
  std::string json;
  auto dictionary = [&](std::string* dict) {
    std::vector<std::string> units;
    if (!LoadUnits(id, &units).ok()) return false;
    *dict = TextDictionary(units);
    return true;
  };
  if (!Uncompress(q.Text(1), &json, dictionary))
    return Status::InvalidInput("stored report of " + sha256 + " is damaged");
  Json parsed = Json::parse(json, nullptr, false);
  if (parsed.is_discarded()) return Status::InvalidInput("stored report of " + sha256 + " is not JSON");
  Status s = FromJson(parsed, report);
  if (!s.ok()) return Status::InvalidInput("stored report of " + sha256 + ": " + s.message());
  *found = true;
  return Status::Ok();
}

Status Archive::MergeFrom(const std::string& path, int* added) {
  *added = 0;
  {
    std::unique_ptr<Archive> check;  // validates the schema of the source
    Status s = Open(path, &check);
    if (!s.ok()) return s;
  }
  Stmt attach(db_, "ATTACH DATABASE ? AS src");
  attach.Bind(1, path);
  Status s = attach.Exec();
  if (!s.ok()) return s;
  std::map<std::string, StoredDoc> here;
  s = LoadStored(&here);
  std::vector<int64_t> todo;
  {
    Stmt q(db_, "SELECT id, sha256, jixiao_version FROM src.documents ORDER BY id");
    while (s.ok() && q.Step()) {
      auto it = here.find(q.Text(1));
      if (it == here.end() || it->second.jixiao_version != q.Text(2)) todo.push_back(q.Int(0));
    }
  }
  const char* kCols =
      "sha256, path, format, size, pages, status, status_reason, jixiao_version, title, unit, year, total_budget,"
      " executed, execution_rate, self_score, grade, n_error, n_warning, n_info, top_code, screened_at,"
      " status_code, removed, family";
  for (size_t i = 0; s.ok() && i < todo.size(); i += 100) {
    s = ExecSql(db_, "BEGIN IMMEDIATE");
    for (size_t k = i; s.ok() && k < std::min(todo.size(), i + 100); ++k) {
      int64_t src_id = todo[k];
      Stmt sha(db_, "SELECT sha256 FROM src.documents WHERE id=?");
      sha.Bind(1, src_id);
      sha.Step();
      auto it = here.find(sha.Text(0));
      if (it != here.end()) s = DeleteDoc(it->second.id);
      if (!s.ok()) break;
      Stmt doc(db_, (std::string("INSERT INTO documents(") + kCols + ") SELECT " + kCols +
                     " FROM src.documents WHERE id=?").c_str());
      doc.Bind(1, src_id);
      if (!(s = doc.Exec()).ok()) break;
      int64_t id = sqlite3_last_insert_rowid(db_);
      Stmt report(db_, "INSERT INTO reports SELECT ?, report FROM src.reports WHERE doc_id = ?");
      report.Bind(1, id).Bind(2, src_id);
      if (!(s = report.Exec()).ok()) break;
      Stmt texts(db_, "INSERT INTO texts SELECT ? + (id & 1048575), block_idx, table_index, row, col, rowspan,"
                      " colspan, page, text FROM src.texts WHERE id BETWEEN ? AND ?");
      texts.Bind(1, FirstText(id)).Bind(2, FirstText(src_id)).Bind(3, LastText(src_id));
      if (!(s = texts.Exec()).ok()) break;
      for (const char* table : {"blocks", "tables", "facts", "findings"}) {
        // Same columns, doc_id first: copy with the new id.
        Stmt cols(db_, (std::string("SELECT * FROM src.") + table + " LIMIT 0").c_str());
        std::string list;
        for (int c = 1; c < sqlite3_column_count(cols.get()); ++c)
          list += std::string(", ") + sqlite3_column_name(cols.get(), c);
        Stmt copy(db_, (std::string("INSERT INTO ") + table + " SELECT ?" + list + " FROM src." + table +
                        " WHERE doc_id=?").c_str());
        copy.Bind(1, id).Bind(2, src_id);
        if (!(s = copy.Exec()).ok()) break;
      }
      if (!s.ok()) break;
      s = IndexDoc(id);
      // Its finding ids as this jixiao computes them from the copied report.
      ScreenReport copied;
      bool found = false;
      if (s.ok()) s = GetReport(sha.Text(0), &copied, &found);
      if (s.ok() && found) s = internal::NoteFindings(db_, copied);
      ++*added;
    }
    if (s.ok()) s = ExecSql(db_, "COMMIT");
    if (!s.ok()) ExecSql(db_, "ROLLBACK");
  }
  // The source's reviews and the finding ids only it knows (flags gone from
  // its documents keep their history here too).
  if (s.ok()) {
    s = ExecSql(db_, "BEGIN IMMEDIATE");
    if (s.ok()) s = internal::MergeReviews(db_);
    Stmt roots(db_, "SELECT 1 FROM src.sqlite_schema WHERE type = 'table' AND name = 'input_roots'");
    if (s.ok() && roots.Step())
      s = ExecSql(db_, "INSERT OR IGNORE INTO input_roots SELECT name, dir FROM src.input_roots");
    if (s.ok()) s = ExecSql(db_, "COMMIT");
    if (!s.ok()) ExecSql(db_, "ROLLBACK");
  }
  ExecSql(db_, "DETACH DATABASE src");
  return s;
}

Status Archive::SetPath(const std::string& sha256, const std::string& path) {
  Stmt q(db_, "UPDATE documents SET path = ?, removed = 0 WHERE sha256 = ? AND (path IS NOT ? OR removed != 0)");
  q.Bind(1, path).Bind(2, sha256).Bind(3, path);
  return q.Exec();
}

Status Archive::MarkRemoved(const std::vector<std::string>& roots, const std::set<std::string>& present, int* marked) {
  *marked = 0;
  std::vector<std::pair<int64_t, std::string>> gone;
  {
    Stmt q(db_, "SELECT id, sha256, path FROM documents WHERE removed = 0");
    if (!q.ok()) return q.status();
    while (q.Step()) {
      if (present.count(q.Text(1))) continue;
      const std::string path = q.Text(2);
      for (const std::string& root : roots)
        if (path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/') {
          gone.push_back({q.Int(0), path});
          break;
        }
    }
    if (!q.done_ok()) return Status::IoError(sqlite3_errmsg(db_));
  }
  if (gone.empty()) return Status::Ok();
  Status s = ExecSql(db_, "BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  Stmt u(db_, "UPDATE documents SET removed = 1 WHERE id = ?");
  for (const auto& [id, path] : gone) {
    u.Bind(1, id);
    if (!(s = u.Exec()).ok()) {
      ExecSql(db_, "ROLLBACK");
      return s;
    }
  }
  s = ExecSql(db_, "COMMIT");
  if (!s.ok()) ExecSql(db_, "ROLLBACK");
  else *marked = static_cast<int>(gone.size());
  return s;
}

Status Archive::UseLittleMemory() { return ExecSql(db_, "PRAGMA mmap_size=0; PRAGMA cache_size=-8000;"); }

Status Archive::SetInputRoots(const std::map<std::string, std::string>& roots) {
  if (roots.empty()) return Status::Ok();
  Status s = ExecSql(db_, "BEGIN IMMEDIATE");
  Stmt q(db_, "INSERT INTO input_roots VALUES(?, ?) ON CONFLICT(name) DO UPDATE SET dir = excluded.dir");
  for (const auto& [name, dir] : roots) {
    if (!s.ok()) break;
    q.Bind(1, name).Bind(2, dir);
    s = q.Exec();
  }
  if (s.ok()) s = ExecSql(db_, "COMMIT");
  if (!s.ok()) ExecSql(db_, "ROLLBACK");
  return s;
}

Status Archive::InputRoots(std::map<std::string, std::string>* roots) {
  roots->clear();
  Stmt has(db_, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'input_roots'");
  if (!has.Step()) return Status::Ok();
  Stmt q(db_, "SELECT name, dir FROM input_roots");
  while (q.Step()) (*roots)[q.Text(0)] = q.Text(1);
  return q.done_ok() ? Status::Ok() : Status::IoError(sqlite3_errmsg(db_));
}

std::string Archive::SourcePath(const std::map<std::string, std::string>& roots, const std::string& path) {
  const std::string first = path.substr(0, path.find('/'));
  auto it = roots.find(first);
  if (it == roots.end() || path.empty()) return "";
  return it->second + "/" + path;
}

Status Archive::Optimize() {
  return ExecSql(db_,
                 "INSERT INTO fts(fts) VALUES('optimize'); INSERT INTO figures(figures) VALUES('optimize');"
                 " ANALYZE; PRAGMA incremental_vacuum;");
}

}  // namespace jixiao::archive
