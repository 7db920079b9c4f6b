// flock(2) on DIR/.jixiao.lock (see folder_lock.h). Covered by
// pipeline/batch/hostile_test.cc.
#include "pipeline/batch/folder_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace jixiao::batch {

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

Status FolderLock::Acquire(const std::string& dir, std::unique_ptr<FolderLock>* out) {
  std::string path = dir + "/.jixiao.lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError("cannot create " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK)
      return Status::IoError("另一个 jixiao 进程正在使用输出文件夹 " + dir +
                             "（another jixiao run holds it）：请等它结束，或换一个 --out 文件夹");
    return Status::IoError("cannot lock " + path + ": " + std::strerror(err));
  }
  out->reset(new FolderLock(fd));
  return Status::Ok();
}

}  // namespace jixiao::batch
