// OCR of page images: a PDF page without a usable text layer is rendered
// with poppler-cpp's page_renderer, cleaned with Leptonica (a red seal
// removed by colour, the skew measured and undone, table rules found by
// morphology and taken out of the image) and read with Tesseract (chi_sim,
// LSTM). The result is what the PDF back-end's layout passes read from a
// text page: words with glyph edges and boxes in points, and ruling segments,
// so lines, paragraphs and ruled tables are rebuilt by the same code
// (extractors/pdf).
//
// Coordinates: points, origin top-left, y down, in the frame of the page
// turned upright by the measured skew (a scan skewed by 0.8° is read as if it
// had been straight; boxes move by at most skew × page size).
//
// Thread safety: every function may be called from several threads at once.
// Tesseract instances are pooled per process (loading chi_sim costs ~0.3 s).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/model/status.h"

struct Pix;  // Leptonica's image

namespace jixiao::ocr {

struct Settings {
  // Rendering resolution for OCR. 250 dpi read a 200-dpi scan's 10.5 pt CJK
  // best (98.3% of characters on the test page, against 96.7% at 200 and
  // 98.0% at 300) and costs a quarter less than 300.
  int dpi = 250;
  // Tesseract language(s) and data folder (empty: TESSDATA_PREFIX or the
  // compiled-in path, /usr/share/tesseract-ocr/5/tessdata on Debian).
  std::string language = "chi_sim";
  std::string tessdata_dir;
  // Steady-clock deadline in seconds (as jixiao::ocr::NowSeconds()); 0: none.
  double deadline = 0;
};

// One recognised word: a run of glyphs without a gap. `edges` holds the left
// x of each glyph plus the right x of the last; `char_bytes` the UTF-8 length
// of each glyph's text (the shape of the PDF back-end's words).
struct Word {
  std::string text;
  Box box;
  std::vector<float> edges;
  std::vector<int> char_bytes;
  double font_size = 0;     // points, from the text line's height
  double confidence = 0;    // 0..1, Tesseract's word confidence
  bool space_after = false; // Tesseract saw a space after it (Latin text)
};

// A table rule found in the image: horizontal (y0 == y1) or vertical (x0 == x1).
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Page {
  int number = 0;            // 1-based
  int dpi = 0;               // the resolution it was read at
  double width = 0, height = 0;  // points
  std::vector<Word> words;   // in Tesseract's reading order
  std::vector<Rule> rules;
  double skew_degrees = 0;   // measured and undone
  int seal_pixels = 0;       // pixels removed as seal colour (at the OCR resolution)
  double confidence = 0;     // mean word confidence weighted by glyphs, 0..1; 0 when no word
  double seconds = 0;        // time spent on the page
};

// Seconds on a monotonic clock.
double NowSeconds();

// OK when Tesseract can load settings.language; otherwise Unsupported with
// "需要OCR：请安装 tesseract-ocr-chi-sim" (the Debian package to install).
// Cheap after the first call (the loaded instance is kept in the pool).
Status CheckAvailable(const Settings& settings);

// The resolution a page is rendered at for OCR: settings_dpi, or the
// resolution of the scan that fills the page (image_dpi, 0 when unknown) when
// that is finer, so that the scan's pixels are not resampled to a grid that
// does not divide them (a 300-dpi scan read at 250 dpi lost a tenth of its
// table cells: rules broken, "%" read "9%"); above 400 dpi, an integer
// fraction of it.
int RenderDpi(int settings_dpi, int image_dpi);

// Renders pages `numbers` (1-based) of the PDF at `path` and reads them, with
// up to `threads` pages at once; image_dpis[i], when given, is the
// resolution of the scan filling page numbers[i] (see RenderDpi).
// out->size() == numbers.size() on success, in the order given. Returns
// Unsupported (as CheckAvailable) without the language data,
// IoError/InvalidInput when the file cannot be rendered, Timeout when
// settings.deadline passed (pages read so far are kept, in order, so out may
// be shorter).
Status ReadPdfPages(const std::string& path, const std::vector<int>& numbers,
                    const Settings& settings, int threads, std::vector<Page>* out,
                    const std::vector<int>& image_dpis = {});

// For each page numbers[i] (1-based) of the PDF at `path`: the share of the
// page's area (0..1) that is ink outside text_boxes[i] (points, grown by a
// little), from a 36 dpi rendering. A page whose text layer is a stamp line
// over a scanned image has most of its ink outside the text. (*shares)[i] is
// 0 for a page that cannot be rendered.
Status InkOutsideText(const std::string& path, const std::vector<int>& numbers,
                      const std::vector<std::vector<Box>>& text_boxes, std::vector<double>* shares);

// Gives back the glyphs the chi_sim model has no class for and reads as the
// nearest it has: 一 between two digits of its line (in its word or the
// words beside it) is a range dash "—" ("16一18分" → "16—18分"); "m'", "m’"
// or "m²" in a word and not inside a Latin word is ㎡. line_of[i] is word
// i's line (words on one line when empty). Keeps char_bytes and edges one
// per glyph. Run by ReadImage.
void RestoreGlyphsTheModelLacks(std::vector<Word>* words, const std::vector<int>& line_of = {});

// Chinese text sets its punctuation full-width; Tesseract's chi_sim model
// often returns the ASCII form ("(" for "（", ";" for "；"). A punctuation
// mark next to a CJK character (in its line, or across a line break: the
// words are in reading order) is given its full-width form; a bracket of a
// pair that holds Chinese text or whose partner is full-width too, and the
// two brackets of a pair always alike ("（A)" on a cell's second line after
// "数" is "（A）"). Quotes become “ ” by side. A "." after Chinese text is
// "。" unless a digit follows it on its line (line_of[i] is word i's line;
// words on one line when empty). Run by ReadImage.
void FullWidthPunctuation(std::vector<Word>* words, const std::vector<int>& line_of = {});

// The LSTM may emit two symbols for one printed glyph: a digit and "%" for
// "%" (its upper ring read as a 9: "100%" came out "1009%"), "%" twice, "5"
// and "S". Their boxes (`boxes`, one per glyph of w, in any unit) then
// overlap by at least 0.6 of the narrower one. The extra symbol goes, with
// its box: the digit before a "%", the second "%", the letter after a digit.
// Two digits are left as read (two printed "9"s side by side get boxes that
// overlap as much: "99.2%") unless the word is a figure whose ink has fewer
// runs of inked columns (`ink_runs`, [x0, x1] in the boxes' unit; none when
// not known) than it has glyphs and no run wider than 0.9 of `line_height`
// (wide enough for two touching digits): then the second goes ("10" under a
// seal's remnant read "109"; which of "0" and "9" is right the boxes do not
// tell, and the first glyph read is kept, as for "%%"). Run by ReadImage.
void DropGlyphsReadTwice(std::vector<Box>* boxes, Word* w,
                         const std::vector<std::pair<double, double>>& ink_runs = {}, double line_height = 0);

// Drops the words of one dot, comma or tick standing an em (the word's
// height) or more from any other word of its line (line_of[i] is word i's
// line): specks the model read (a "15 ." beside a seal's lettering), not
// punctuation, which follows the text it ends. Run by ReadImage.
void DropStrayMarks(std::vector<Word>* words, std::vector<int>* line_of);

// Reads one page image (any depth Leptonica accepts; colour for seal removal)
// made at `dpi`. The image is not modified. Used by ReadPdfPages and tests.
Status ReadImage(Pix* image, int dpi, const Settings& settings, Page* out);

}  // namespace jixiao::ocr
