// The original file of a document, checked against its SHA-256 (see
// original.h). Covered by pipeline/serve/serve_test.cc.
#include "pipeline/serve/original.h"

#include <sys/stat.h>

#include <map>
#include <mutex>
#include <tuple>

#include "pipeline/archive/sqlite_util.h"
#include "pipeline/model/source_info.h"

namespace jixiao::serve {
namespace {

// path -> (size, mtime ns, sha256) of files already hashed.
struct Checked {
  int64_t size, mtime_ns;
  std::string sha256;
};
std::mutex g_mu;
std::map<std::string, Checked> g_checked;

}  // namespace

Status OriginalFile(archive::Archive* archive, const std::string& sha256, std::string* path) {
  std::map<std::string, std::string> roots;
  Status s = archive->InputRoots(&roots);
  if (!s.ok()) return s;
  std::string name;
  {
    archive::Stmt q(archive->db(), "SELECT path FROM documents WHERE sha256 = ?");
    q.Bind(1, sha256);
    if (q.Step()) name = q.Text(0);
  }
  *path = archive::Archive::SourcePath(roots, name);
  if (path->empty()) return Status::NotFound("存档没有记录该文件的位置（请用当前版本重新运行 run）");
  struct stat st;
  if (::stat(path->c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return Status::NotFound("原文件已不在原处：" + *path);
  const int64_t mtime = int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    auto it = g_checked.find(*path);
    if (it != g_checked.end() && it->second.size == st.st_size && it->second.mtime_ns == mtime) {
      if (it->second.sha256 == sha256) return Status::Ok();
      return Status::NotFound("原文件在检查之后已被修改：" + *path);
    }
  }
  SourceInfo info;
  s = ReadSourceInfo(*path, &info);
  if (!s.ok()) return Status::NotFound("无法读取原文件：" + *path);
  {
    std::lock_guard<std::mutex> lock(g_mu);
    g_checked[*path] = Checked{static_cast<int64_t>(st.st_size), mtime, info.sha256};
  }
  if (info.sha256 != sha256) return Status::NotFound("原文件在检查之后已被修改：" + *path);
  return Status::Ok();
}

}  // namespace jixiao::serve
