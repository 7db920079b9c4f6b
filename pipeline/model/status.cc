// Status names and formatting. Covered by model_test.cc.
#include "pipeline/model/status.h"

namespace jixiao {

const char* Status::CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kInvalidInput: return "invalid_input";
    case Code::kUnsupported: return "unsupported";
    case Code::kIoError: return "io_error";
    case Code::kLimitExceeded: return "limit_exceeded";
    case Code::kTimeout: return "timeout";
    case Code::kInternal: return "internal";
    case Code::kNotFound: return "not_found";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string name = CodeName(code_);
  for (char& c : name) if (c == '_') c = ' ';
  return name + ": " + message_;
}

}  // namespace jixiao
