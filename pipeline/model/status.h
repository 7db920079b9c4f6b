// Status: the result of an operation that can fail, passed across module
// boundaries instead of exceptions (as in leveldb). A non-OK status carries a
// code and one line a person can act on ("not a ZIP archive", "legacy Word .doc
// is not supported; save it as .docx").
#pragma once

#include <string>
#include <utility>

namespace jixiao {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,   // the file is damaged or not what it claims to be
    kUnsupported,    // a valid file of a kind jixiao does not read (.doc, encrypted, scanned)
    kIoError,        // cannot open, read or write
    kLimitExceeded,  // a safety bound was hit (ZIP bomb, nesting depth, size)
    kTimeout,        // the per-document time limit ran out
    kInternal,       // a bug in jixiao
    kNotFound,       // a named thing (a finding id, a document) is not there
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status LimitExceeded(std::string msg) { return Status(Code::kLimitExceeded, std::move(msg)); }
  static Status Timeout(std::string msg) { return Status(Code::kTimeout, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid input: not a ZIP archive"; "OK" when ok().
  std::string ToString() const;
  // Stable lower-case name of the code: "ok", "invalid_input", ...
  static const char* CodeName(Code code);

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace jixiao
