// The overview list and the document view of the review server (see
// documents.h): SQL over archive.documents for the list, the stored report
// for a document. Covered by pipeline/serve/serve_test.cc.
#include "pipeline/serve/documents.h"

#include <algorithm>
#include <cstdlib>

#include "pipeline/archive/search.h"
#include "pipeline/archive/sqlite_util.h"
#include "pipeline/screen/highlight.h"
#include "pipeline/screen/report.h"
#include "pipeline/serve/reviews_view.h"
#include "pipeline/serve/words.h"

namespace jixiao::serve {
namespace {

using Json = nlohmann::json;
using archive::Stmt;

bool ParseInt(const std::string& text, int lo, int hi, int* out) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  int v = std::atoi(text.c_str());
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

// ORDER BY clause of a sort key; empty when unknown.
std::string OrderBy(const std::string& sort, bool desc) {
  static const std::map<std::string, std::string> kColumns = {
      {"file", "d.path"},
      {"unit", "d.unit"},
      {"year", "d.year"},
      {"budget", "CAST(d.total_budget AS REAL)"},
      {"executed", "CAST(d.executed AS REAL)"},
      {"rate", "CAST(d.execution_rate AS REAL)"},
      {"score", "CAST(d.self_score AS REAL)"},
      {"grade", "d.grade"},
      {"family", "d.family"},
      {"errors", "d.n_error"},
      {"warnings", "d.n_warning"},
      {"infos", "d.n_info"},
      {"reviewed", "reviewed"},
  };
  if (sort == "worst") return "d.n_error DESC, d.n_warning DESC, d.n_info DESC, d.path";
  auto it = kColumns.find(sort);
  if (it == kColumns.end()) return "";
  // Unknown values (NULL, '') last either way.
  return it->second + " IS NULL, " + it->second + (desc ? " DESC" : " ASC") + ", d.path";
}

Json TextOrNull(Stmt& q, int col) {
  if (q.IsNull(col)) return nullptr;
  std::string t = q.Text(col);
  return t.empty() ? Json(nullptr) : Json(t);
}

constexpr const char* kColumns =
    "d.id, d.sha256, d.path, d.title, d.unit, d.year, d.format, d.status, d.total_budget, d.executed,"
    " d.execution_rate, d.self_score, d.grade, d.n_error, d.n_warning, d.n_info, d.status_reason, d.pages,"
    " d.removed, d.family";

// One row of kColumns (plus the reviewed count at column 20) as JSON.
Json RowJson(Stmt& q) {
  Json d;
  d["id"] = q.Text(1);
  d["file"] = q.Text(2);
  d["title"] = TextOrNull(q, 3);
  d["unit"] = TextOrNull(q, 4);
  d["year"] = q.IsNull(5) || q.Int(5) == 0 ? Json(nullptr) : Json(q.Int(5));
  d["format"] = q.Text(6);
  d["status"] = q.Text(7);
  d["budget"] = TextOrNull(q, 8);
  d["executed"] = TextOrNull(q, 9);
  d["rate"] = TextOrNull(q, 10);
  d["score"] = TextOrNull(q, 11);
  d["grade"] = TextOrNull(q, 12);
  d["errors"] = q.Int(13);
  d["warnings"] = q.Int(14);
  d["infos"] = q.Int(15);
  d["findings"] = q.Int(13) + q.Int(14) + q.Int(15);
  d["reason"] = TextOrNull(q, 16);
  d["pages"] = q.IsNull(17) ? Json(nullptr) : Json(q.Int(17));
  d["removed"] = q.Int(18) != 0;
  d["family"] = TextOrNull(q, 19);
  const std::string family_name = FamilyZh(q.Text(19));
  d["family_name"] = family_name.empty() ? Json(nullptr) : Json(family_name);
  d["reviewed"] = q.Int(20);
  return d;
}

int SeverityRank(FindingSeverity s) { return s == FindingSeverity::kError ? 0 : s == FindingSeverity::kWarning ? 1 : 2; }

}  // namespace

bool IsDocumentId(const std::string& id) {
  if (id.size() != 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Status ParseDocumentQuery(const std::multimap<std::string, std::string>& params, DocumentQuery* query) {
  *query = DocumentQuery();
  auto get = [&](const char* key) -> std::string {
    auto it = params.find(key);
    return it == params.end() ? std::string() : it->second;
  };
  query->q = get("q");
  query->unit = get("unit");
  query->code = get("code");
  if (std::string y = get("year"); !y.empty() && !ParseInt(y, 1900, 2999, &query->year))
    return Status::InvalidInput("年度应为四位数字，收到“" + y + "”");
  query->family = get("family");
  if (!query->family.empty() && FamilyZh(query->family).empty())
    return Status::InvalidInput("类别应为 " + FamilyIdList() + " 之一，收到“" + query->family + "”");
  query->severity = get("severity");
  if (!query->severity.empty() && query->severity != "error" && query->severity != "warning" &&
      query->severity != "info")
    return Status::InvalidInput("严重程度应为 error、warning 或 info，收到“" + query->severity + "”");
  query->review = get("review");
  if (!query->review.empty() && query->review != "todo" && query->review != "done")
    return Status::InvalidInput("复核状态应为 todo（未复核完）或 done（已复核完），收到“" + query->review + "”");
  if (std::string s = get("sort"); !s.empty()) {
    if (OrderBy(s, false).empty()) return Status::InvalidInput("无法按“" + s + "”排序");
    query->sort = s;
  }
  if (std::string o = get("order"); !o.empty()) {
    if (o != "asc" && o != "desc") return Status::InvalidInput("排序方向应为 asc 或 desc，收到“" + o + "”");
    query->descending = o == "desc";
  }
  if (std::string p = get("page"); !p.empty() && !ParseInt(p, 1, 1000000, &query->page))
    return Status::InvalidInput("页码应为正整数，收到“" + p + "”");
  if (std::string p = get("per_page"); !p.empty() && !ParseInt(p, 1, kMaxPerPage, &query->per_page))
    return Status::InvalidInput("每页条数应为 1 到 " + std::to_string(kMaxPerPage) + " 之间的整数，收到“" + p + "”");
  return Status::Ok();
}

Status ListDocuments(archive::Archive* archive, const DocumentQuery& query, Json* out) {
  sqlite3* db = archive->db();
  // The search, when asked, narrows the documents to its hits (all of them:
  // the filters and the page apply after).
  std::string hits = "[]";
  if (!query.q.empty()) {
    archive::SearchOptions so;
    so.limit = 1000000;
    so.places_per_doc = 0;
    archive::SearchResult result;
    Status s = archive::Search(archive, query.q, so, &result);
    if (!s.ok()) return s;
    Json ids = Json::array();
    for (const archive::SearchHit& h : result.hits) ids.push_back(h.sha256);
    hits = ids.dump();
  }
  std::string where = " WHERE d.removed = 0";
  if (!query.q.empty()) where += " AND d.sha256 IN (SELECT value FROM json_each(:hits))";
  if (!query.unit.empty()) where += " AND instr(d.unit, :unit) > 0";
  if (query.year) where += " AND d.year = :year";
  if (!query.family.empty()) where += " AND d.family = :family";
  if (!query.code.empty())
    where += " AND EXISTS(SELECT 1 FROM findings f WHERE f.doc_id = d.id AND f.code = :code COLLATE NOCASE)";
  if (query.severity == "error") where += " AND d.n_error > 0";
  if (query.severity == "warning") where += " AND d.n_warning > 0";
  if (query.severity == "info") where += " AND d.n_info > 0";
  const std::string reviewed = ReviewedCountSql(db);  // per document, "d" in scope
  if (query.review == "todo") where += " AND (" + reviewed + ") < d.n_error + d.n_warning + d.n_info";
  if (query.review == "done") where += " AND (" + reviewed + ") >= d.n_error + d.n_warning + d.n_info";
  auto bind = [&](Stmt& q) {
    auto named = [&](const char* name) { return sqlite3_bind_parameter_index(q.get(), name); };
    if (int i = named(":hits")) q.Bind(i, hits);
    if (int i = named(":unit")) q.Bind(i, query.unit);
    if (int i = named(":year")) q.Bind(i, query.year);
    if (int i = named(":family")) q.Bind(i, query.family);
    if (int i = named(":code")) q.Bind(i, query.code);
  };

  Stmt totals(db, ("SELECT count(*), sum(d.n_error), sum(d.n_warning), sum(d.n_info), sum(" + reviewed +
                   ") FROM documents d" + ReviewedJoinSql() + where)
                      .c_str());
  if (!totals.ok()) return totals.status();
  bind(totals);
  int64_t total = 0;
  Json t;
  if (totals.Step()) {
    total = totals.Int(0);
    t["documents"] = total;
    t["errors"] = totals.Int(1);
    t["warnings"] = totals.Int(2);
    t["infos"] = totals.Int(3);
    t["findings"] = totals.Int(1) + totals.Int(2) + totals.Int(3);
    t["reviewed"] = totals.Int(4);
  }
  std::string sql = std::string("SELECT ") + kColumns + ", (" + reviewed + ") AS reviewed FROM documents d" + ReviewedJoinSql() + where +
                    " ORDER BY " + OrderBy(query.sort, query.descending) + " LIMIT :limit OFFSET :offset";
  Stmt q(db, sql.c_str());
  if (!q.ok()) return q.status();
  bind(q);
  q.Bind(sqlite3_bind_parameter_index(q.get(), ":limit"), query.per_page);
  q.Bind(sqlite3_bind_parameter_index(q.get(), ":offset"), static_cast<int64_t>(query.page - 1) * query.per_page);
  Json docs = Json::array();
  while (q.Step()) docs.push_back(RowJson(q));
  if (!q.done_ok()) return Status::IoError(std::string("sqlite: ") + sqlite3_errmsg(db));
  *out = Json{{"total", total}, {"page", query.page}, {"per_page", query.per_page}, {"totals", t},
              {"documents", std::move(docs)}};
  return Status::Ok();
}

Status GetDocument(archive::Archive* archive, const std::string& id, Json* out, bool* found) {
  *found = false;
  if (!IsDocumentId(id)) return Status::Ok();
  sqlite3* db = archive->db();
  const std::string reviewed = ReviewedCountSql(db);
  Stmt q(db, (std::string("SELECT ") + kColumns + ", (" + reviewed + ") FROM documents d" + ReviewedJoinSql() + " WHERE d.sha256 = ?").c_str());
  if (!q.ok()) return q.status();
  q.Bind(1, id);
  if (!q.Step()) return Status::Ok();
  Json doc = RowJson(q);
  ScreenReport report;
  bool has_report = false;
  Status s = archive->GetReport(id, &report, &has_report);
  if (!s.ok()) return s;
  std::vector<const Finding*> order;
  for (const Finding& f : report.findings) order.push_back(&f);
  std::stable_sort(order.begin(), order.end(),
                   [](const Finding* a, const Finding* b) { return SeverityRank(a->severity) < SeverityRank(b->severity); });
  std::map<std::string, Json> reviews;
  s = LoadReviews(archive, id, &reviews);
  if (!s.ok()) return s;
  Json findings = Json::array();
  for (const Finding* f : order) {
    Json jf;
    jf["id"] = f->id;
    jf["code"] = f->code;
    jf["severity"] = FindingSeverityName(f->severity);
    jf["message"] = f->message;
    jf["arithmetic"] = f->arithmetic.empty() ? Json(nullptr) : Json(f->arithmetic);
    std::string words = ArithmeticInWords(*f);
    jf["arithmetic_words"] = words.empty() ? Json(nullptr) : Json(words);
    Json ev = Json::array();
    for (size_t k = 0; k < f->evidence.size(); ++k) {
      const Evidence& e = f->evidence[k];
      Json je;
      je["quote"] = e.quote;
      je["value"] = e.value.empty() ? Json(nullptr) : Json(e.value);
      je["unit"] = e.unit.empty() ? Json(nullptr) : Json(e.unit);
      je["place"] = e.place;
      je["page"] = e.prov.page >= 0 ? Json(e.prov.page) : Json(nullptr);
      auto span = FindFigure(e.quote, e.value, e.unit);
      je["figure"] = span ? Json::array({span->begin, span->end}) : Json(nullptr);
      je["source"] = "/api/findings/" + f->id + "/source?evidence=" + std::to_string(k);
      ev.push_back(std::move(je));
    }
    jf["evidence"] = std::move(ev);
    auto r = reviews.find(f->id);
    jf["review"] = r == reviews.end() ? Json(nullptr) : r->second;
    findings.push_back(std::move(jf));
  }
  doc["findings"] = std::move(findings);
  doc["original"] = "/api/documents/" + id + "/file";
  *out = std::move(doc);
  *found = true;
  return Status::Ok();
}

}  // namespace jixiao::serve
