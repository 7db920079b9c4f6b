// .doc/.wps → .docx through a headless soffice with a fresh profile, a temp
// folder and a time limit. Covered by convert_test.cc.
#include "extractors/convert/libreoffice.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

namespace jixiao {

namespace fs = std::filesystem;

namespace {

bool Executable(const std::string& path) { return !path.empty() && access(path.c_str(), X_OK) == 0; }

}  // namespace

std::string FindSoffice() {
  if (const char* env = std::getenv("JIXIAO_SOFFICE")) return Executable(env) ? env : "";
  if (const char* path = std::getenv("PATH")) {
    std::string p = path;
    size_t start = 0;
    while (start <= p.size()) {
      size_t end = p.find(':', start);
      if (end == std::string::npos) end = p.size();
      std::string dir = p.substr(start, end - start);
      if (!dir.empty() && Executable(dir + "/soffice")) return dir + "/soffice";
      start = end + 1;
    }
  }
  for (const char* c : {"/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"})
    if (Executable(c)) return c;
  return "";
}

TempDir::TempDir() {
  std::error_code ec;
  std::string base = fs::temp_directory_path(ec).string();
  if (ec || base.empty()) base = "/tmp";
  std::string templ = base + "/jixiao-XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data())) path_ = buf.data();
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
}

Status ConvertToDocx(const std::string& input, const std::string& kind, double time_limit_seconds,
                     const TempDir& dir, std::string* docx) {
  const std::string soffice = FindSoffice();
  if (soffice.empty())
    return Status::Unsupported(kind == ".wps" ? "legacy WPS .wps is not supported; save it as .docx"
                                              : "legacy Word .doc is not supported; save it as .docx");
  if (dir.path().empty()) return Status::IoError("cannot make a temporary folder for LibreOffice");
  // soffice names its output after the input: give it a plain name.
  const std::string in = dir.path() + "/input." + (kind == ".wps" ? "wps" : "doc");
  std::error_code ec;
  fs::copy_file(input, in, fs::copy_options::overwrite_existing, ec);
  if (ec) return Status::IoError("cannot copy " + input + " for conversion: " + ec.message());
  const std::string out_dir = dir.path() + "/out";
  const std::string profile = "-env:UserInstallation=file://" + dir.path() + "/profile";
  std::vector<std::string> args = {soffice, "--headless", "--norestore", "--nologo", "--nodefault",
                                   "--nolockcheck", profile, "--convert-to", "docx:MS Word 2007 XML",
                                   "--outdir", out_dir, in};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The child's environment, made before fork (only exec-safe calls after).
  std::vector<std::string> env_strings;
  for (char** e = environ; e && *e; ++e)
    if (std::strncmp(*e, "HOME=", 5) != 0) env_strings.push_back(*e);
  env_strings.push_back("HOME=" + dir.path());
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) return Status::IoError("cannot start LibreOffice");
  if (pid == 0) {
    setsid();  // its own process group: killed whole on timeout
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
    }
    execve(soffice.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  const double limit = time_limit_seconds > 0 ? time_limit_seconds : 120;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limit);
  int status = 0;
  for (;;) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0) return Status::Internal("lost the LibreOffice process");
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      char secs[32];
      std::snprintf(secs, sizeof secs, "%g", limit);
      return Status::Timeout(std::string("LibreOffice did not convert the file within ") + secs + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // soffice may leave helpers (oosplash's child) behind in its group.
  kill(-pid, SIGKILL);
  const std::string out = out_dir + "/input.docx";
  if (!fs::exists(out, ec) || fs::file_size(out, ec) == 0)
    return Status::InvalidInput("LibreOffice could not read the " + kind + " file (damaged, or not a document)");
  *docx = out;
  return Status::Ok();
}

}  // namespace jixiao
