// The SQLite archive of screened documents (DIR/archive.sqlite): every
// document's report, its text (blocks, tables, cells), facts and findings,
// normalised amounts and a full-text index (see text_index.h). WAL mode; the
// writer commits one transaction per batch of documents, so a killed run
// loses at most the batch being written and a reader never sees half a
// document. One writer at a time (the `run` main thread, or `merge`).
//
// Schema (schema_version.version = kSchemaVersion; an archive of another
// version is refused with a message, never half-read):
//   documents(id, sha256 UNIQUE, path, format, size, pages, status,
//             status_reason, jixiao_version, title, unit, year, total_budget,
//             executed, execution_rate, self_score, grade, n_error, n_warning,
//             n_info, top_code, screened_at, status_code, removed, family)
//             status: ok | findings | failed | skipped (screen/report.h
//             Outcome, the manifest's words); status_reason as the manifest
//             gives it; status_code: the Status::Code name behind a failure
//             ("timeout"); removed: 1 when a later run no longer found the
//             file in its input folder (kept, not searched unless asked);
//             family: the report's family (screen.h ReportIdentity)
//   reports(doc_id, report)  -- the full report (screen/report.h ToJson):
//             4-byte little-endian length, then a zlib stream whose preset
//             dictionary is the document's text (its texts joined by "\n",
//             the last 32 KiB) when the stream asks for one. Kept out of
//             documents so that a search reading document rows reads no blob.
//   blocks(doc_id, idx, kind, level, label, style, page, body_index, table_index)
//   tables(doc_id, table_index, block_idx, rows, cols, page)
//   texts(id = doc_id << 20 | seq, block_idx, table_index, row, col, rowspan,
//         colspan, page, text)  -- one row per non-empty paragraph/heading and
//         per non-empty cell, in document order
//   cells, paragraphs: views of texts with doc_id and seq
//   facts(doc_id, idx, concept, value, unit, raw, seq)  -- seq: the text unit
//         the fact was read from (the rest of a fact is in report)
//   findings(doc_id, idx, code, severity, message)       (evidence is in report)
//   fts: FTS5, contentless, rowid = documents.id, one row per document of
//        segmented text (text_index.h), its units one after another.
//   figures: FTS5, contentless, rowid = documents.id: one token per amount
//        of money the document states (AmountToken of its canonical 元 value).
//   input_roots(name PRIMARY KEY, dir)  -- where the inputs of a run were:
//        the first component of documents.path ("corpus" of
//        corpus/seed/a.docx) and the absolute folder it lies in, so that
//        reports and the review server can point at the original file.
//   finding_ids, reviews: the reviewers' decisions and the finding ids they
//        are kept under (reviews.h); never deleted with a document.
//
// Covered by pipeline/archive/archive_test.cc.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/model/document.h"
#include "pipeline/model/status.h"
#include "pipeline/screen/report.h"

struct sqlite3;

namespace jixiao::archive {

constexpr int kSchemaVersion = 3;

// What `run` needs to know to resume: a stored document's version and outcome.
struct StoredDoc {
  int64_t id = 0;
  std::string jixiao_version;
  Outcome outcome = Outcome::kOk;         // ok, findings, failed, skipped
  Status::Code code = Status::Code::kOk;  // behind a failure (kTimeout ...)
  std::string status_reason;              // as the manifest gives it
  bool removed = false;
  int n_error = 0, n_warning = 0, n_info = 0;
  int pages = -1;
  std::string path;           // where it was screened from
};

class Archive {
 public:
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;
  ~Archive();

  // Opens (creating when missing) the archive at path. InvalidInput when the
  // file is not a jixiao archive or has a newer schema.
  static Status Open(const std::string& path, std::unique_ptr<Archive>* out);
  // Opens an existing archive for reading only (search): never creates or
  // changes the file, so it works on a read-only folder or medium. IoError
  // when the file is missing; InvalidInput as Open.
  static Status OpenReadOnly(const std::string& path, std::unique_ptr<Archive>* out);

  // sha256 -> what is stored.
  Status LoadStored(std::map<std::string, StoredDoc>* out);

  struct Entry {
    const Document* doc;                    // may be null (a failure with no document)
    const ScreenReport* report;
  };
  // Stores the entries in one transaction, replacing documents with the same
  // sha256 (report->sha256). On error nothing of the batch is stored.
  Status Add(const std::vector<Entry>& entries);

  // The stored report of a document, with its facts; *found false when absent.
  Status GetReport(const std::string& sha256, ScreenReport* report, bool* found);
  // A document found again: its path as this run names it, and no longer
  // removed.
  Status SetPath(const std::string& sha256, const std::string& path);
  // Marks removed every document not removed yet whose path lies under one
  // of roots ("corpus" for corpus/seed/a.docx) and whose sha256 is not in
  // present. *marked counts them.
  Status MarkRemoved(const std::vector<std::string>& roots, const std::set<std::string>& present, int* marked);

  // Copies in every document of the archive at path that is not here yet or
  // is here with another jixiao version. *added counts them.
  Status MergeFrom(const std::string& path, int* added);

  // Records where the inputs named after these roots lie: name -> absolute
  // folder holding it (a later run's answer replaces an earlier one).
  Status SetInputRoots(const std::map<std::string, std::string>& roots);
  // The recorded roots (empty for an archive from before them).
  Status InputRoots(std::map<std::string, std::string>* roots);
  // The absolute path of a document's original file (documents.path under
  // its recorded root), or "" when unknown.
  static std::string SourcePath(const std::map<std::string, std::string>& roots, const std::string& path);

  // Rebuilds sqlite's statistics and the FTS b-tree (after a merge or a big run).
  Status Optimize();
  // For a batch that writes thousands of documents: the file is not memory
  // mapped (its pages read back would count as the process's memory,
  // growing with the archive) and the page cache stays small (8 MB).
  Status UseLittleMemory();

  sqlite3* db() const { return db_; }

 private:
  explicit Archive(sqlite3* db) : db_(db) {}
  // Brings an archive of this schema version written by an earlier jixiao up
  // to date: the reviews.h tables and the finding ids of its documents;
  // documents.family, read from each stored report.
  Status Upgrade();
  Status InsertOne(const Document* doc, const ScreenReport& report);
  Status DeleteDoc(int64_t id);
  Status IndexDoc(int64_t id);  // adds the fts and figures rows, built from texts and facts
  // What IndexDoc indexes (and DeleteDoc must give back to the contentless
  // FTS tables): the segmented text, and the amount tokens.
  Status IndexedContent(int64_t id, std::string* body, std::string* amounts);
  Status LoadUnits(int64_t id, std::vector<std::string>* texts);  // texts.text in order
  sqlite3* db_;
};

}  // namespace jixiao::archive
