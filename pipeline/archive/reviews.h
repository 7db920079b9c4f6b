// Reviews: a reviewer's decisions on findings, kept in the archive
// (DIR/archive.sqlite) and keyed by the stable finding id
// (pipeline/screen/finding_id.h), so that a decision survives a new `run`,
// `--shard` and `merge`, and a new jixiao version.
//
// Tables (created on Archive::Open next to the archive's own; an archive
// written before them gets them and its finding ids on first open):
//   finding_ids(id PRIMARY KEY, sha256, code, severity, message, present,
//               first_seen, last_seen)
//             every finding id the archive has ever stored; present = 0 once
//             the document was screened again without that flag (已消失):
//             its reviews stay, and it stays known.
//   reviews(seq PRIMARY KEY, finding_id, sha256, decision, comment, reviewer, at)
//             the full history, one row per decision, never updated or
//             deleted; at is UTC ISO 8601 with milliseconds. The current
//             review of a finding is its latest row (at, then seq).
//
// Each Record is one IMMEDIATE transaction on a WAL archive with a busy
// timeout, so two writers (two reviewers' servers, a server and `run`) wait
// for each other and never lose a decision. A Reviews, like its Archive, is
// for one thread at a time.
//
// Covered by pipeline/archive/reviews_test.cc.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/status.h"

struct sqlite3;

namespace jixiao {
struct ScreenReport;
}

namespace jixiao::archive {

class Archive;

enum class Decision { kConfirmed, kDismissed, kPending };
const char* DecisionName(Decision decision);  // "confirmed" | "dismissed" | "pending"
const char* DecisionZh(Decision decision);    // 确认 | 排除 | 待核实
// Accepts the English names and the Chinese words; false for anything else.
bool DecisionFromName(const std::string& name, Decision* decision);

struct Review {
  int64_t seq = 0;           // order of recording in this archive
  std::string finding_id, sha256;
  Decision decision = Decision::kPending;
  std::string comment, reviewer;
  std::string at;            // "2026-12-02T17:40:01.123Z"
};

// A finding id the archive knows.
struct KnownFinding {
  std::string id, sha256, code, severity, message;
  bool present = true;       // false: the last screening of its document no longer raised it
  std::string first_seen, last_seen;
};

// A review with what a reader of an export needs beside it.
struct ReviewRow {
  Review review;
  KnownFinding finding;
  std::string file, unit;   // the document as the archive names it ("" when gone from it)
  int year = 0;
};

constexpr size_t kMaxReviewComment = 4000;  // bytes
constexpr size_t kMaxReviewer = 200;        // bytes

class Reviews {
 public:
  // archive must outlive this.
  explicit Reviews(Archive* archive);

  // Stores a decision on the finding as the newest of its history and returns
  // it in *stored (may be null). NotFound when the archive knows no finding
  // with this id; InvalidInput for an empty or over-long reviewer, an
  // over-long comment, or text that is not UTF-8; IoError when the archive
  // cannot be written (read-only, locked beyond the busy timeout).
  Status Record(const std::string& finding_id, Decision decision, const std::string& comment,
                const std::string& reviewer, Review* stored);

  // The latest review of the finding, nullopt when none. NotFound for an
  // unknown finding id.
  Status Current(const std::string& finding_id, std::optional<Review>* review);
  // Every review of the finding, oldest first (empty when none). NotFound for
  // an unknown finding id.
  Status History(const std::string& finding_id, std::vector<Review>* history);
  // The current review of every reviewed finding of a document, by finding id.
  Status CurrentForDocument(const std::string& sha256, std::map<std::string, Review>* current);
  // The current review of every reviewed finding, by document then finding id.
  Status AllCurrent(std::vector<Review>* current);
  // Every review ever recorded, in recording order.
  Status AllHistory(std::vector<Review>* history);

  // The current reviews (history false) or every review (true), each with its
  // finding and document, by document file then finding id then time.
  Status Export(bool history, std::vector<ReviewRow>* rows);

  // A known finding; NotFound when the id is unknown.
  Status Lookup(const std::string& finding_id, KnownFinding* finding);
  // The findings a document has ever had, present ones first, then by id.
  Status FindingsOf(const std::string& sha256, std::vector<KnownFinding>* findings);

 private:
  sqlite3* db_;
};

namespace internal {
// Used by archive.cc. Creates the tables above when missing (not on a
// read-only archive); *created true when finding_ids did not exist before.
Status EnsureReviewSchema(sqlite3* db, bool* created);
// Records the findings of a report as the current ones of its document:
// its earlier ids not in the report become present = 0. Inside the caller's
// transaction.
Status NoteFindings(sqlite3* db, const ScreenReport& report);
// With the source archive attached as "src": the finding ids this archive
// does not know yet (the earliest first_seen kept for the others) and the
// reviews it does not have yet (same finding, time, reviewer, decision and
// comment). A source without these tables adds nothing. Inside the caller's
// transaction.
Status MergeReviews(sqlite3* db);
// UTC now as stored in `at`.
std::string NowIsoMillis();
}  // namespace internal

}  // namespace jixiao::archive
