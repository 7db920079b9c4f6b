// Test helpers (see pdf_test_util.h). Used by pdf_test.cc,
// pdf_bad_input_test.cc and pdf_accuracy_test.cc.
#include "extractors/pdf/pdf_test_util.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace jixiao::pdftest {

std::string TextAt(double x, double y, double size, const std::string& text,
                   const std::string& font) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "BT /%s %.2f Tf %.2f %.2f Td (", font.c_str(), size, x, y);
  return std::string(buf) + text + ") Tj ET\n";
}

std::string LineAt(double x0, double y0, double x1, double y1) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "0.5 w %.2f %.2f m %.2f %.2f l S\n", x0, y0, x1, y1);
  return buf;
}

std::string BuildPdf(const std::vector<TestPage>& pages, const std::vector<std::string>& extra) {
  std::string out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  std::vector<std::pair<int, size_t>> offsets;
  auto obj = [&](int num, const std::string& body) {
    offsets.push_back({num, out.size()});
    out += std::to_string(num) + " 0 obj\n" + body + "\nendobj\n";
  };
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) kids += std::to_string(10 + 2 * i) + " 0 R ";
  obj(2, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  obj(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    const TestPage& p = pages[i];
    int page_num = 10 + 2 * static_cast<int>(i);
    char box[96];
    std::snprintf(box, sizeof box, "[0 0 %.2f %.2f]", p.width, p.height);
    obj(page_num, "<< /Type /Page /Parent 2 0 R /MediaBox " + std::string(box) +
                       " /Resources << /Font << /F1 3 0 R /F2 4 0 R >> " + p.extra_resources + " >> /Contents " +
                      std::to_string(page_num + 1) + " 0 R " + p.extra_page_keys + " >>");
    obj(page_num + 1, "<< /Length " + std::to_string(p.content.size()) + " >>\nstream\n" +
                          p.content + "\nendstream");
  }
  for (size_t i = 0; i < extra.size(); ++i) obj(100 + static_cast<int>(i), extra[i]);
  int size = 0;
  for (auto& o : offsets) size = std::max(size, o.first + 1);
  std::vector<size_t> at(size, 0);
  for (auto& o : offsets) at[o.first] = o.second;
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(size) + "\n";
  char line[32];
  for (int i = 0; i < size; ++i) {
    if (at[i] == 0 && i != 0) {
      out += "0000000000 65535 f \n";
    } else if (i == 0) {
      out += "0000000000 65535 f \n";
    } else {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", at[i]);
      out += line;
    }
  }
  out += "trailer\n<< /Size " + std::to_string(size) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("jixiao-pdf-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / name).string();
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void ParseDump(const std::string& text, bool lookahead, std::vector<std::string>* paragraphs,
               std::vector<std::string>* cells) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  auto runs_to_cell = [&](size_t i) {
    while (i < lines.size() && !lines[i].empty() && lines[i][0] != '\t') ++i;
    return i < lines.size() && !lines[i].empty() && lines[i][0] == '\t';
  };
  enum { kBlank, kCell, kPara } prev = kBlank;
  bool in_cell = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (!line.empty() && line[0] == '\t') {
      cells->push_back(line.substr(1));
      prev = kCell;
      in_cell = true;
    } else if (line.empty()) {
      if (prev == kBlank) in_cell = false;
      prev = kBlank;
    } else if (in_cell && (prev == kCell || (lookahead && runs_to_cell(i)))) {
      cells->back() += "\n" + line;
      prev = kCell;
    } else {
      paragraphs->push_back(line);
      prev = kPara;
      in_cell = false;
    }
  }
}

namespace {

std::string Squeeze(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {  // U+3000
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      i += 1;
      continue;
    }
    out += s[i];
  }
  return out;
}


// Runs of spaces to one, trimmed at both ends of every line.
std::string Collapse(const std::string& s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool sp = c == ' ' || c == '\t';
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
      sp = true;
      i += 2;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      sp = true;
      i += 1;
    }
    if (sp) {
      space = true;
      continue;
    }
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '\n';
      space = false;
      continue;
    }
    if (space && !out.empty() && out.back() != '\n') out += ' ';
    space = false;
    out += s[i];
  }
  return out;
}

Score Lcs(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace

Score CompareInOrderStrict(const std::vector<std::string>& expected,
                           const std::vector<std::string>& got, bool drop_blank) {
  std::vector<std::string> a, b;
  for (const auto& s : expected)
    if (!drop_blank || !Squeeze(s).empty()) a.push_back(Collapse(s));
  for (const auto& s : got)
    if (!drop_blank || !Squeeze(s).empty()) b.push_back(Collapse(s));
  return Lcs(a, b);
}

Score CompareInOrder(const std::vector<std::string>& expected, const std::vector<std::string>& got,
                     bool drop_blank) {
  std::vector<std::string> a, b;
  for (const auto& s : expected)
    if (!drop_blank || !Squeeze(s).empty()) a.push_back(Squeeze(s));
  for (const auto& s : got)
    if (!drop_blank || !Squeeze(s).empty()) b.push_back(Squeeze(s));
  return Lcs(a, b);
}

namespace {

Score Lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  Score s;
  s.expected = a.size();
  s.got = b.size();
  s.matched = lcs.empty() || lcs[0].empty() ? 0 : lcs[0][0];
  return s;
}

}  // namespace

}  // namespace jixiao::pdftest
