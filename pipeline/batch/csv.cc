// CSV records, CSV parsing and atomic file writes (see csv.h). Covered by
// pipeline/batch/batch_test.cc.
#include "pipeline/batch/csv.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace jixiao::batch {

namespace {

// A plain decimal number: [+-]digits[.digits][e[+-]digits].
bool IsNumber(const std::string& t) {
  size_t i = 0, n = t.size();
  if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
  size_t digits = 0;
  while (i < n && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (i < n && t[i] == '.') {
    ++i;
    while (i < n && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    size_t e = 0;
    while (i < n && t[i] >= '0' && t[i] <= '9') ++i, ++e;
    if (e == 0) return false;
  }
  return i == n;
}

bool Dangerous(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

}  // namespace

std::string CsvCell(const std::string& text) {
  if (text.empty()) return text;
  if (text[0] == '\'' || (Dangerous(text[0]) && !IsNumber(text))) return "'" + text;
  return text;
}

std::string CsvCellValue(const std::string& cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && (cell[1] == '\'' || Dangerous(cell[1]))) return cell.substr(1);
  return cell;
}

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string f = CsvCell(fields[i]);
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  size_t i = text.compare(0, 3, kUtf8Bom) == 0 ? 3 : 0;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(CsvCellValue(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        record.push_back(CsvCellValue(field));
        records.push_back(std::move(record));
      }
      record.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    record.push_back(CsvCellValue(field));
    records.push_back(std::move(record));
  }
  return records;
}

Status WriteError(const std::string& what, int err) {
  if (err == ENOSPC || err == EDQUOT)
    return Status::IoError("磁盘已满（no space left on device）：无法写入 " + what + "，原有文件保持不变");
  return Status::IoError("cannot write " + what + ": " + std::strerror(err));
}

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return WriteError(tmp, errno);
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = n < 0 ? errno : ENOSPC;
      ::close(fd);
      ::unlink(tmp.c_str());
      return WriteError(path, err);
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {  // NFS and quotas may report a full disk only here
    int err = errno;
    ::unlink(tmp.c_str());
    return WriteError(path, err);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return Status::IoError("cannot rename " + tmp + " to " + path + ": " + std::strerror(err));
  }
  return Status::Ok();
}

Status ReadWholeFile(const std::string& path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  *content = ss.str();
  return Status::Ok();
}

}  // namespace jixiao::batch
