// Helpers of the end-to-end tests (see e2e_util.h).
#include "tests/e2e/e2e_util.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace jixiao::e2e {
namespace fs = std::filesystem;

Scratch::Scratch(const std::string& name) {
  path_ = (fs::temp_directory_path() / ("jixiao_e2e_" + name + "_" + std::to_string(::getpid()))).string();
  fs::remove_all(path_);
  fs::create_directories(path_);
}

Scratch::~Scratch() {
  if (!std::getenv("JIXIAO_KEEP_SCRATCH")) fs::remove_all(path_);
}

namespace {
std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}
}  // namespace

int RunJixiao(const std::vector<std::string>& args, std::string* out) {
  std::string cmd = Quote(JIXIAO_BINARY);
  for (const auto& a : args) cmd += " " + Quote(a);
  std::string tmp = (fs::temp_directory_path() / ("jixiao_e2e_out_" + std::to_string(::getpid()))).string();
  cmd += " >" + Quote(tmp) + " 2>&1";
  int rc = std::system(cmd.c_str());
  if (out) *out = ReadFile(tmp);
  fs::remove(tmp);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

int StartJixiao(const std::vector<std::string>& args, const std::string& log_path) {
  std::vector<std::string> all = {JIXIAO_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = -1;
  posix_spawn(&pid, JIXIAO_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

void MakeDocx(const std::string& path, const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const auto& p : paragraphs) body += "<w:p><w:r><w:t xml:space=\"preserve\">" + p + "</w:t></w:r></w:p>";
  MakeDocxBody(path, body);
}

std::string TableXml(const std::vector<std::vector<std::string>>& rows) {
  std::string xml = "<w:tbl>";
  for (const auto& row : rows) {
    xml += "<w:tr>";
    for (const auto& cell : row) xml += "<w:tc><w:p><w:r><w:t>" + cell + "</w:t></w:r></w:p></w:tc>";
    xml += "</w:tr>";
  }
  return xml + "</w:tbl>";
}

void MakeDocxBody(const std::string& path, const std::string& body) {
  fs::create_directories(fs::path(path).parent_path());
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) return;
  static const std::string kTypes =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  static const std::string kRels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  std::string doc =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  doc += body + "</w:body></w:document>";
  auto add = [&](const char* name, const std::string& content) {
    char* copy = static_cast<char*>(std::malloc(content.size()));
    std::copy(content.begin(), content.end(), copy);
    zip_source_t* src = zip_source_buffer(z, copy, content.size(), 1);
    zip_file_add(z, name, src, ZIP_FL_OVERWRITE);
  };
  add("[Content_Types].xml", kTypes);
  add("_rels/.rels", kRels);
  add("word/document.xml", doc);
  zip_close(z);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

void CopyFile(const std::string& from, const std::string& to) {
  fs::create_directories(fs::path(to).parent_path());
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

std::string Corpus(const std::string& rel) {
  std::string p = std::string(JIXIAO_SOURCE_DIR) + "/corpus/" + rel;
  return fs::exists(p) ? p : "";
}

std::vector<std::string> ZipNames(const std::string& path) {
  std::vector<std::string> names;
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return names;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) names.push_back(zip_get_name(z, i, 0));
  zip_close(z);
  return names;
}

std::string ZipEntry(const std::string& path, const std::string& name) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return "";
  std::string out;
  zip_stat_t st;
  if (zip_stat(z, name.c_str(), 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    if (f) {
      out.resize(st.size);
      zip_fread(f, out.data(), st.size);
      zip_fclose(f);
    }
  }
  zip_close(z);
  return out;
}

}  // namespace jixiao::e2e
