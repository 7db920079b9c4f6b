// Helpers of the end-to-end tests: a scratch folder, running build/jixiao,
// tiny DOCX files made with libzip, reading files and manifests.
#pragma once

#include <string>
#include <vector>

namespace jixiao::e2e {

// A fresh folder under the temp directory, removed by the destructor.
class Scratch {
 public:
  explicit Scratch(const std::string& name);
  ~Scratch();
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

 private:
  std::string path_;
};

// Runs build/jixiao with the arguments (shell-quoted here); stdout and stderr
// go to *out (may be null). Returns the exit code (-1 when not exited).
int RunJixiao(const std::vector<std::string>& args, std::string* out);

// Starts build/jixiao in the background; returns its pid.
int StartJixiao(const std::vector<std::string>& args, const std::string& log_path);

// A minimal valid DOCX whose body is the paragraphs (made with libzip).
void MakeDocx(const std::string& path, const std::vector<std::string>& paragraphs);
// The same with the body's XML as given (paragraphs, tables: TableXml).
void MakeDocxBody(const std::string& path, const std::string& body_xml);
// A table (w:tbl) of the rows, one paragraph per cell.
std::string TableXml(const std::vector<std::vector<std::string>>& rows);

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);
void CopyFile(const std::string& from, const std::string& to);

// A corpus file (JIXIAO_SOURCE_DIR/corpus/...), or "" when it is missing.
std::string Corpus(const std::string& rel);

// Entries of a ZIP archive (libzip); {} when not a ZIP.
std::vector<std::string> ZipNames(const std::string& path);
std::string ZipEntry(const std::string& path, const std::string& name);

}  // namespace jixiao::e2e
