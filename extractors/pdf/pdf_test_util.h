// Helpers of the PDF back-end's tests: a writer of small PDFs (Helvetica
// text, lines, any extra objects) so tests make their own inputs, and the
// parser + scorer of the text dump used by the accuracy test.
#pragma once

#include <string>
#include <vector>

namespace jixiao::pdftest {

struct TestPage {
  std::string content;          // content stream (fonts /F1 Helvetica, /F2 Courier)
  double width = 595, height = 842;
  std::string extra_page_keys;  // added to the page dictionary, e.g. "/Rotate 90"
  std::string extra_resources;  // added to the resource dictionary, e.g. "/XObject << ... >>"
};

// A complete PDF with a correct xref table. `extra_objects` are appended as
// objects numbered from 100 ("100 0 obj ... endobj" is written for each).
std::string BuildPdf(const std::vector<TestPage>& pages,
                     const std::vector<std::string>& extra_objects = {});

// Content stream drawing `text` (PDF string syntax, escaped by the caller)
// at x, y (PDF user space, origin bottom-left) in Helvetica of `size`.
std::string TextAt(double x, double y, double size, const std::string& text,
                   const std::string& font = "F1");
// Content stream of one stroked line.
std::string LineAt(double x0, double y0, double x1, double y1);

// Writes bytes to a fresh file under the test temp directory; returns its path.
std::string WriteTemp(const std::string& name, const std::string& bytes);
std::string ReadFile(const std::string& path);

// Splits a text dump (DocumentToText layout) into paragraphs (non-empty,
// outside tables) and table cells (paragraphs joined with '\n'). With
// `lookahead`, a run of lines after an empty line that ends at a cell line is
// read as the rest of the current cell (empty cell paragraphs print as empty
// lines in the dump); use it for dumps of DOCX, which have empty paragraphs.
void ParseDump(const std::string& text, bool lookahead, std::vector<std::string>* paragraphs,
               std::vector<std::string>* cells);

struct Score {
  size_t expected = 0, got = 0, matched = 0;
  double percent() const { return expected ? 100.0 * matched / expected : 100.0; }
};

// Items equal after removing all white space (ASCII, U+3000, U+00A0),
// matched in order (longest common subsequence). With drop_blank, items that
// are only white space are left out on both sides first.
Score CompareInOrder(const std::vector<std::string>& expected, const std::vector<std::string>& got,
                     bool drop_blank = false);

// The same with only runs of spaces (ASCII, U+3000, U+00A0) collapsed to one
// and trimmed: line breaks between cell paragraphs and single spaces count.
Score CompareInOrderStrict(const std::vector<std::string>& expected,
                           const std::vector<std::string>& got, bool drop_blank = false);

}  // namespace jixiao::pdftest
