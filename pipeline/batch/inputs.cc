// Finding, classifying, hashing and sharding the inputs of a batch (see
// inputs.h). Covered by pipeline/batch/batch_test.cc.
#include "pipeline/batch/inputs.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "pipeline/batch/file_name.h"

#include "pipeline/model/source_info.h"

namespace jixiao::batch {
namespace fs = std::filesystem;

namespace {

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The 8-byte signature of an OLE2 compound file (.doc, .wps).
bool Ole2(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  char head[8] = {};
  f.read(head, 8);
  return f.gcount() == 8 && std::memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

void Classify(const fs::path& path, Input* in) {
  std::string name = path.filename().string();
  std::string ext = Lower(path.extension().string());
  if (name.rfind("~$", 0) == 0) {
    in->skip_reason = "Office 临时锁文件（~$ 开头），不是报告";
  } else if (ext == ".pdf") {
    in->format = "pdf";
  } else if (ext == ".docx") {
    in->format = "docx";
  } else if (ext == ".ofd") {
    in->format = "ofd";
  } else if ((ext == ".doc" || ext == ".wps") && Ole2(path)) {
    // Converted by LibreOffice when it is installed; otherwise the extractor
    // skips it with the reason (extractors/convert).
    in->format = ext.substr(1);
  } else if (ext == ".doc" || ext == ".wps") {
    in->skip_reason = "不是有效的旧版 Word/WPS 文件（" + ext + "），请另存为 .docx";
  } else {
    in->skip_reason = "不支持的文件类型（" + (ext.empty() ? std::string("无扩展名") : ext) + "），只处理 .pdf 和 .docx";
  }
  if (in->skip_reason.empty() && in->size == 0) in->skip_reason = "空文件（0 字节）";
}

}  // namespace

namespace {

// Walks one folder, following links, with every folder's (device, inode)
// remembered so that a loop ends.
class Walker {
 public:
  explicit Walker(std::vector<Input>* found) : found_(found) {}

  void Walk(const fs::path& dir, int depth) {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) return;
    if (!seen_.insert({st.st_dev, st.st_ino}).second) {
      Special(dir, "文件夹已通过其他路径列出（符号链接循环或重复链接），未重复处理");
      return;
    }
    if (depth > kMaxDepth) {
      Special(dir, "文件夹层级过深（超过 " + std::to_string(kMaxDepth) + " 层），未处理");
      return;
    }
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
      Special(dir, "无法读取文件夹（" + ec.message() + "）");
      return;
    }
    std::vector<fs::path> entries;
    for (; it != end; it.increment(ec)) {
      if (ec) {
        Special(dir, "文件夹未能读完（" + ec.message() + "）");
        break;
      }
      entries.push_back(it->path());
    }
    for (const fs::path& p : entries) Entry(p, depth);
  }

  // One path: a folder is walked, a regular file listed, anything else
  // listed with the reason it is not read.
  void Entry(const fs::path& p, int depth) {
    struct stat lst, st;
    if (::lstat(p.c_str(), &lst) != 0) return;  // vanished since listed
    if (::stat(p.c_str(), &st) != 0) {
      Special(p, S_ISLNK(lst.st_mode) ? "符号链接指向的文件不存在（悬空链接）" : "无法读取文件信息");
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      Walk(p, depth + 1);
    } else if (S_ISREG(st.st_mode)) {
      Input in;
      in.path = p.string();
      in.size = static_cast<uint64_t>(st.st_size);
      Classify(p, &in);
      found_->push_back(std::move(in));
    } else {
      Special(p, S_ISFIFO(st.st_mode)   ? "不是普通文件（命名管道 FIFO），未读取"
                 : S_ISSOCK(st.st_mode) ? "不是普通文件（套接字），未读取"
                                        : "不是普通文件（设备文件），未读取");
    }
  }

 private:
  static constexpr int kMaxDepth = 64;
  void Special(const fs::path& p, const std::string& reason) {
    Input in;
    in.path = p.string();
    in.skip_reason = reason;
    in.special = true;
    found_->push_back(std::move(in));
  }
  std::vector<Input>* found_;
  std::set<std::pair<dev_t, ino_t>> seen_;
};

}  // namespace

std::map<std::string, std::string> InputRootDirs(const std::vector<std::string>& paths) {
  std::map<std::string, std::string> roots;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) continue;
    fs::path canonical = fs::weakly_canonical(fs::absolute(p, ec), ec);
    if (ec || canonical.filename().empty()) continue;
    roots[DisplayPath(canonical.filename().string())] = canonical.parent_path().string();
  }
  return roots;
}

Status CollectInputs(const std::vector<std::string>& paths, int jobs, std::vector<Input>* inputs,
                     std::vector<std::string>* roots) {
  std::vector<Input> found;
  if (roots) roots->clear();
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::IoError("no such file or folder: " + p);
    Walker walker(&found);
    const size_t first = found.size();
    // The name of a folder given, however it was written (".", "../x",
    // an absolute path, a trailing slash): its own last component.
    fs::path canonical = fs::weakly_canonical(fs::absolute(p, ec), ec);
    std::string label = canonical.filename().string();
    if (fs::is_directory(st)) {
      walker.Walk(p, 0);
      if (roots && !label.empty()) roots->push_back(DisplayPath(label));
    } else {
      walker.Entry(p, 0);
    }
    // Names relative to the parent of the folder given (or the file's own
    // name): the same on every run whatever the invocation.
    for (size_t i = first; i < found.size(); ++i) {
      fs::path rel = fs::path(found[i].path).lexically_relative(p);
      found[i].name = fs::is_directory(st) ? (label.empty() ? rel.string() : (fs::path(label) / rel).string())
                                           : canonical.filename().string();
    }
  }
  std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
  found.erase(std::unique(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path == b.path; }),
              found.end());

  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i; (i = next++) < found.size();) {
      if (found[i].special) continue;  // never opened
      SourceInfo info;
      Status s = ReadSourceInfo(found[i].path, &info);
      if (s.ok()) {
        found[i].sha256 = info.sha256;
        found[i].size = info.size;
      } else {
        found[i].read_error = s.message();
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < std::max(1, jobs); ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  for (Input& in : found) in.name = DisplayPath(in.name);
  *inputs = std::move(found);
  return Status::Ok();
}

Status ParseShard(const std::string& text, int* index, int* count) {
  size_t slash = text.find('/');
  try {
    if (slash == std::string::npos) throw 0;
    size_t a = 0, b = 0;
    int k = std::stoi(text.substr(0, slash), &a);
    int n = std::stoi(text.substr(slash + 1), &b);
    if (a != slash || b != text.size() - slash - 1 || n < 1 || k < 0 || k >= n) throw 0;
    *index = k;
    *count = n;
    return Status::Ok();
  } catch (...) {
    return Status::InvalidInput("--shard wants K/N with 0 <= K < N (e.g. 0/4), got \"" + text + "\"");
  }
}

int ShardOf(const Input& input, int count) {
  if (count <= 1) return 0;
  std::string hex = input.sha256.empty() ? Sha256Hex(input.path) : input.sha256;
  uint64_t v = std::stoull(hex.substr(0, 15), nullptr, 16);
  return static_cast<int>(v % static_cast<uint64_t>(count));
}

}  // namespace jixiao::batch
