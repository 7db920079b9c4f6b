// Reviews of findings in the archive (reviews.h): the finding_ids and
// reviews tables, recording a decision in one transaction, reading the
// current review and the history, and carrying both through `merge`.
// Covered by pipeline/archive/reviews_test.cc.
#include "pipeline/archive/reviews.h"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "pipeline/archive/archive.h"
#include "pipeline/archive/sqlite_util.h"
#include "pipeline/model/utf8.h"
#include "pipeline/screen/finding_id.h"
#include "pipeline/screen/report.h"

namespace jixiao::archive {
namespace {

const char* kReviewSchema = R"sql(
CREATE TABLE IF NOT EXISTS finding_ids(
  id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, code TEXT, severity TEXT, message TEXT,
  present INTEGER NOT NULL DEFAULT 1, first_seen TEXT, last_seen TEXT) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS finding_ids_sha256 ON finding_ids(sha256);
CREATE TABLE IF NOT EXISTS reviews(
  seq INTEGER PRIMARY KEY, finding_id TEXT NOT NULL, sha256 TEXT NOT NULL,
  decision TEXT NOT NULL CHECK(decision IN ('confirmed', 'dismissed', 'pending')),
  comment TEXT NOT NULL DEFAULT '', reviewer TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reviews_finding ON reviews(finding_id, at, seq);
CREATE INDEX IF NOT EXISTS reviews_sha256 ON reviews(sha256);
)sql";

constexpr char kReviewCols[] = "seq, finding_id, sha256, decision, comment, reviewer, at";

bool TableExists(sqlite3* db, const char* name) {
  Stmt q(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  q.Bind(1, name);
  return q.Step();
}

Review ReviewOf(const Stmt& q) {
  Review r;
  r.seq = q.Int(0);
  r.finding_id = q.Text(1);
  r.sha256 = q.Text(2);
  DecisionFromName(q.Text(3), &r.decision);
  r.comment = q.Text(4);
  r.reviewer = q.Text(5);
  r.at = q.Text(6);
  return r;
}

KnownFinding KnownOf(const Stmt& q) {
  KnownFinding f;
  f.id = q.Text(0);
  f.sha256 = q.Text(1);
  f.code = q.Text(2);
  f.severity = q.Text(3);
  f.message = q.Text(4);
  f.present = q.Int(5) != 0;
  f.first_seen = q.Text(6);
  f.last_seen = q.Text(7);
  return f;
}

bool IsUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = WellFormedUtf8Length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

Status Rows(Stmt& q, sqlite3* db, std::vector<Review>* out) {
  while (q.Step()) out->push_back(ReviewOf(q));
  return q.done_ok() ? Status::Ok() : Status::IoError(std::string("sqlite: ") + sqlite3_errmsg(db));
}

}  // namespace

const char* DecisionName(Decision decision) {
  switch (decision) {
    case Decision::kConfirmed: return "confirmed";
    case Decision::kDismissed: return "dismissed";
    case Decision::kPending: return "pending";
  }
  return "pending";
}

const char* DecisionZh(Decision decision) {
  switch (decision) {
    case Decision::kConfirmed: return "确认";
    case Decision::kDismissed: return "排除";
    case Decision::kPending: return "待核实";
  }
  return "待核实";
}

bool DecisionFromName(const std::string& name, Decision* decision) {
  for (Decision d : {Decision::kConfirmed, Decision::kDismissed, Decision::kPending})
    if (name == DecisionName(d) || name == DecisionZh(d)) {
      *decision = d;
      return true;
    }
  return false;
}

namespace internal {

std::string NowIsoMillis() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  int ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

Status EnsureReviewSchema(sqlite3* db, bool* created) {
  *created = !TableExists(db, "finding_ids");
  return ExecSql(db, kReviewSchema);
}

Status NoteFindings(sqlite3* db, const ScreenReport& report) {
  if (report.sha256.empty()) return Status::Ok();
  const std::string now = NowIsoMillis();
  Stmt gone(db, "UPDATE finding_ids SET present = 0 WHERE sha256 = ? AND present != 0");
  gone.Bind(1, report.sha256);
  Status s = gone.Exec();
  if (!s.ok()) return s;
  Stmt up(db,
          "INSERT INTO finding_ids(id, sha256, code, severity, message, present, first_seen, last_seen)"
          " VALUES(?,?,?,?,?,1,?,?) ON CONFLICT(id) DO UPDATE SET present = 1, code = excluded.code,"
          " severity = excluded.severity, message = excluded.message, last_seen = excluded.last_seen");
  if (!up.ok()) return up.status();
  const std::vector<std::string> ids = FindingIds(report);
  for (size_t i = 0; i < ids.size(); ++i) {
    const Finding& f = report.findings[i];
    up.Bind(1, ids[i]).Bind(2, report.sha256).Bind(3, f.code).Bind(4, FindingSeverityName(f.severity));
    up.Bind(5, f.message).Bind(6, now).Bind(7, now);
    if (!(s = up.Exec()).ok()) return s;
  }
  return Status::Ok();
}

Status MergeReviews(sqlite3* db) {
  Stmt has(db, "SELECT count(*) FROM src.sqlite_schema WHERE type = 'table' AND name IN ('finding_ids', 'reviews')");
  if (!has.Step() || has.Int(0) < 2) return Status::Ok();
  Status s = ExecSql(db,
                     "INSERT INTO finding_ids SELECT * FROM src.finding_ids WHERE true"
                     " ON CONFLICT(id) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen);");
  if (!s.ok()) return s;
  return ExecSql(db,
                 "INSERT INTO reviews(finding_id, sha256, decision, comment, reviewer, at)"
                 " SELECT finding_id, sha256, decision, comment, reviewer, at FROM src.reviews s"
                 " WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.finding_id = s.finding_id AND r.at = s.at"
                 " AND r.reviewer = s.reviewer AND r.decision = s.decision AND r.comment = s.comment)"
                 " ORDER BY s.seq;");
}

}  // namespace internal

Reviews::Reviews(Archive* archive) : db_(archive->db()) {}

Status Reviews::Lookup(const std::string& finding_id, KnownFinding* finding) {
  if (!TableExists(db_, "finding_ids")) return Status::NotFound("no finding " + finding_id);
  Stmt q(db_, "SELECT id, sha256, code, severity, message, present, first_seen, last_seen FROM finding_ids"
              " WHERE id = ?");
  if (!q.ok()) return q.status();
  q.Bind(1, finding_id);
  if (!q.Step()) {
    if (!q.done_ok()) return Status::IoError(std::string("sqlite: ") + sqlite3_errmsg(db_));
    return Status::NotFound("no finding " + finding_id);
  }
  *finding = KnownOf(q);
  return Status::Ok();
}

Status Reviews::FindingsOf(const std::string& sha256, std::vector<KnownFinding>* findings) {
  findings->clear();
  if (!TableExists(db_, "finding_ids")) return Status::Ok();
  Stmt q(db_, "SELECT id, sha256, code, severity, message, present, first_seen, last_seen FROM finding_ids"
              " WHERE sha256 = ? ORDER BY present DESC, id");
  if (!q.ok()) return q.status();
  q.Bind(1, sha256);
  while (q.Step()) findings->push_back(KnownOf(q));
  return q.done_ok() ? Status::Ok() : Status::IoError(std::string("sqlite: ") + sqlite3_errmsg(db_));
}

Status Reviews::Record(const std::string& finding_id, Decision decision, const std::string& comment,
                       const std::string& reviewer, Review* stored) {
  if (reviewer.empty()) return Status::InvalidInput("a review needs the reviewer's name");
  if (reviewer.size() > kMaxReviewer) return Status::InvalidInput("reviewer name too long");
  if (comment.size() > kMaxReviewComment) return Status::InvalidInput("comment too long");
  if (!IsUtf8(reviewer) || !IsUtf8(comment)) return Status::InvalidInput("reviewer or comment is not UTF-8 text");
  Status s = ExecSql(db_, "BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  KnownFinding known;
  s = Lookup(finding_id, &known);
  Review r;
  if (s.ok()) {
    r.finding_id = finding_id;
    r.sha256 = known.sha256;
    r.decision = decision;
    r.comment = comment;
    r.reviewer = reviewer;
    r.at = internal::NowIsoMillis();
    // Never before the finding's latest review: a clock set back must not
    // hide the newest decision behind an older one.
    Stmt last(db_, "SELECT max(at) FROM reviews WHERE finding_id = ?");
    last.Bind(1, finding_id);
    if (last.Step() && !last.IsNull(0) && last.Text(0) > r.at) r.at = last.Text(0);
    Stmt ins(db_, "INSERT INTO reviews(finding_id, sha256, decision, comment, reviewer, at) VALUES(?,?,?,?,?,?)");
    ins.Bind(1, r.finding_id).Bind(2, r.sha256).Bind(3, DecisionName(decision)).Bind(4, comment);
    ins.Bind(5, reviewer).Bind(6, r.at);
    s = ins.Exec();
    r.seq = sqlite3_last_insert_rowid(db_);
  }
  if (s.ok()) s = ExecSql(db_, "COMMIT");
  if (!s.ok()) {
    ExecSql(db_, "ROLLBACK");
    return s;
  }
  if (stored) *stored = r;
  return Status::Ok();
}

Status Reviews::Current(const std::string& finding_id, std::optional<Review>* review) {
  review->reset();
  KnownFinding known;
  Status s = Lookup(finding_id, &known);
  if (!s.ok()) return s;
  Stmt q(db_, (std::string("SELECT ") + kReviewCols +
               " FROM reviews WHERE finding_id = ? ORDER BY at DESC, seq DESC LIMIT 1").c_str());
  if (!q.ok()) return q.status();
  q.Bind(1, finding_id);
  if (q.Step()) *review = ReviewOf(q);
  return q.done_ok() ? Status::Ok() : Status::IoError(std::string("sqlite: ") + sqlite3_errmsg(db_));
}

Status Reviews::History(const std::string& finding_id, std::vector<Review>* history) {
  history->clear();
  KnownFinding known;
  Status s = Lookup(finding_id, &known);
  if (!s.ok()) return s;
  Stmt q(db_, (std::string("SELECT ") + kReviewCols + " FROM reviews WHERE finding_id = ? ORDER BY at, seq").c_str());
  if (!q.ok()) return q.status();
  q.Bind(1, finding_id);
  return Rows(q, db_, history);
}

namespace {
// The latest row per finding, among the rows the condition selects.
std::string CurrentQuery(const std::string& where) {
  return std::string("SELECT ") + kReviewCols +
         " FROM (SELECT *, row_number() OVER (PARTITION BY finding_id ORDER BY at DESC, seq DESC) AS k"
         " FROM reviews" + where + ") WHERE k = 1 ORDER BY sha256, finding_id";
}
}  // namespace

Status Reviews::CurrentForDocument(const std::string& sha256, std::map<std::string, Review>* current) {
  current->clear();
  if (!TableExists(db_, "reviews")) return Status::Ok();
  Stmt q(db_, CurrentQuery(" WHERE sha256 = ?").c_str());
  if (!q.ok()) return q.status();
  q.Bind(1, sha256);
  std::vector<Review> rows;
  Status s = Rows(q, db_, &rows);
  for (Review& r : rows) (*current)[r.finding_id] = std::move(r);
  return s;
}

Status Reviews::AllCurrent(std::vector<Review>* current) {
  current->clear();
  if (!TableExists(db_, "reviews")) return Status::Ok();
  Stmt q(db_, CurrentQuery("").c_str());
  if (!q.ok()) return q.status();
  return Rows(q, db_, current);
}

Status Reviews::AllHistory(std::vector<Review>* history) {
  history->clear();
  if (!TableExists(db_, "reviews")) return Status::Ok();
  Stmt q(db_, (std::string("SELECT ") + kReviewCols + " FROM reviews ORDER BY seq").c_str());
  if (!q.ok()) return q.status();
  return Rows(q, db_, history);
}

Status Reviews::Export(bool history, std::vector<ReviewRow>* rows) {
  rows->clear();
  std::vector<Review> reviews;
  Status s = history ? AllHistory(&reviews) : AllCurrent(&reviews);
  if (!s.ok()) return s;
  Stmt doc(db_, "SELECT path, unit, year FROM documents WHERE sha256 = ?");
  if (!doc.ok()) return doc.status();
  for (Review& r : reviews) {
    ReviewRow row;
    Lookup(r.finding_id, &row.finding);  // always known: a review is only recorded on a known id
    doc.Bind(1, r.sha256);
    if (doc.Step()) {
      row.file = doc.Text(0);
      row.unit = doc.Text(1);
      row.year = doc.IsNull(2) ? 0 : static_cast<int>(doc.Int(2));
    }
    doc.Reset();
    row.review = std::move(r);
    rows->push_back(std::move(row));
  }
  std::stable_sort(rows->begin(), rows->end(), [](const ReviewRow& a, const ReviewRow& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.review.finding_id != b.review.finding_id) return a.review.finding_id < b.review.finding_id;
    return a.review.at < b.review.at;
  });
  return Status::Ok();
}

}  // namespace jixiao::archive
