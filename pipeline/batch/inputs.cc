// Finding, classifying, hashing and sharding the inputs of a batch (see
// inputs.h). Covered by pipeline/batch/batch_test.cc.
#include "pipeline/batch/inputs.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

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

Status CollectInputs(const std::vector<std::string>& paths, int jobs, std::vector<Input>* inputs) {
  std::vector<Input> found;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::IoError("no such file or folder: " + p);
    if (fs::is_directory(st)) {
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) return Status::IoError("cannot read folder " + p + ": " + ec.message());
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec)) continue;
        Input in;
        in.path = it->path().string();
        in.size = it->file_size(ec);
        Classify(it->path(), &in);
        found.push_back(std::move(in));
      }
    } else {
      Input in;
      in.path = p;
      in.size = fs::file_size(p, ec);
      Classify(fs::path(p), &in);
      found.push_back(std::move(in));
    }
  }
  std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
  found.erase(std::unique(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path == b.path; }),
              found.end());

  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i; (i = next++) < found.size();) {
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
