// Small RAII helpers over the sqlite3 C API, private to pipeline/archive.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "pipeline/model/status.h"

namespace jixiao::archive {

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
    // Kept now: a later call on the connection (even a successful one)
    // replaces sqlite3_errmsg, which then says "not an error".
    if (rc_ != SQLITE_OK) prepare_error_ = sqlite3_errmsg(db);
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  Status status() const {
    return ok() ? Status::Ok() : Status::Internal("sqlite prepare: " + prepare_error_);
  }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string(v)); }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // Binds v, or NULL when v < 0.
  Stmt& BindOpt(int i, int64_t v) { return v < 0 ? BindNull(i) : Bind(i, v); }
  Stmt& BindOptText(int i, const std::string& v) { return v.empty() ? BindNull(i) : Bind(i, v); }

  // True while a row is available.
  bool Step() {
    rc_ = sqlite3_step(stmt_);
    return rc_ == SQLITE_ROW;
  }
  // Runs a statement without rows and resets it for reuse.
  Status Exec() {
    rc_ = sqlite3_step(stmt_);
    Status s = rc_ == SQLITE_DONE || rc_ == SQLITE_ROW
                   ? Status::Ok()
                   : Status::IoError(std::string("sqlite: ") + sqlite3_errmsg(db_));
    Reset();
    return s;
  }
  bool done_ok() const { return rc_ == SQLITE_DONE || rc_ == SQLITE_ROW || rc_ == SQLITE_OK; }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt_, col)) : std::string();
  }
  sqlite3_stmt* get() { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
  std::string prepare_error_;
};

inline Status ExecSql(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::IoError("sqlite: " + msg);
  }
  return Status::Ok();
}

}  // namespace jixiao::archive
