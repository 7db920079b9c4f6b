// Pass 1, text and ruling collection: a TextOutputDev subclass that, while
// poppler builds its words, also records every horizontal or vertical segment
// of stroked paths and every thin filled rectangle (table borders). Words are
// taken in content-stream order (rawOrder): reading order is decided by the
// later passes. What the clip hides is left out. Covered by pdf_test.cc (all
// tests go through it) and pdf_producer_test.cc (TextHiddenByTheClip…).
#include "extractors/pdf/text_collect.h"

#include <poppler/GfxFont.h>
#include <poppler/GfxState.h>
#include <poppler/PDFDoc.h>
#include <poppler/TextOutputDev.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "pipeline/model/utf8.h"

namespace jixiao::pdf {

double NowSeconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

namespace {

// A path thinner than this (points) that is filled counts as a ruling line.
constexpr double kThinFill = 3.0;
// Segments shorter than this are ignored (glyph-like strokes, dots).
constexpr double kMinSegment = 2.0;

bool LooksBold(const TextWord* w) {
  const TextFontInfo* fi = w->getFontInfo(0);
  if (!fi) return false;
  if (fi->isBold()) return true;
  const GooString* name = fi->getFontName();
  if (!name) return false;
  std::string n = name->toStr();
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return n.find("bold") != std::string::npos || n.find("heavy") != std::string::npos ||
         n.find("black") != std::string::npos || n.find("simhei") != std::string::npos ||
         n.find("heiti") != std::string::npos || n.find("\xe9\xbb\x91\xe4\xbd\x93") != std::string::npos;
}

// Coordinates the later passes can sort and compare: finite and not absurd
// (a degenerate matrix can send text to infinity or NaN).
bool Sane(double v) { return std::isfinite(v) && std::fabs(v) < 1e7; }

// What poppler's abort callback sees: it is called every ~10 operators of
// every content stream (a form's too), so counting its calls bounds the
// operators run on the page.
struct PageBudget {
  double deadline = 0;
  uint64_t checks = 0, max_checks = 0;
  const size_t* glyphs = nullptr;
  size_t max_glyphs = 0;
  const bool* fonts_over = nullptr;
  bool out_of_work = false;
};

bool AbortCheck(void* data) {
  auto* b = static_cast<PageBudget*>(data);
  if (++b->checks > b->max_checks || *b->glyphs > b->max_glyphs || *b->fonts_over) {
    b->out_of_work = true;
    return true;
  }
  return b->deadline > 0 && NowSeconds() > b->deadline;
}

// Poppler's raw word list does not tell which words were followed by a space
// glyph; find them from the space glyphs seen while drawing: one that starts
// at a word's right end on its baseline.
void MarkSpaces(std::vector<Segment>* spaces, std::vector<Word>* words) {
  if (spaces->empty()) return;
  std::sort(spaces->begin(), spaces->end(),
            [](const Segment& a, const Segment& b) { return a.x0 < b.x0; });
  for (Word& w : *words) {
    if (w.rot != 0) continue;
    auto it = std::lower_bound(spaces->begin(), spaces->end(), w.box.x1 - 1.5,
                               [](const Segment& s, double x) { return s.x0 < x; });
    for (; it != spaces->end() && it->x0 <= w.box.x1 + 1.5; ++it) {
      if (it->y0 >= w.box.y0 && it->y0 <= w.box.y1 + 1) {
        w.space_after = true;
        break;
      }
    }
  }
}

}  // namespace

class PageCollector::Dev : public TextOutputDev {
 public:
  // rawOrder: words in content order (layout is ours). Diagonal text is
  // dropped in drawChar (poppler's own discardDiag also loses the word after
  // it).
  Dev() : TextOutputDev(static_cast<TextOutputFunc>(nullptr), nullptr, false, 0, true, false) {}

  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    AddPath(state, /*filled=*/false);
  }
  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    AddPath(state, /*filled=*/true);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    AddPath(state, /*filled=*/true);
  }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double originX,
                double originY, CharCode c, int nBytes, const Unicode* u, int uLen) override {
    if (++glyphs > max_glyphs || fonts_over) return;  // the page's bounds: AbortCheck stops it
    // Diagonal text (a watermark such as 内部资料 across the page) is not
    // part of the report: more than ~6 degrees off the axes.
    const double* tm = state->getTextMat();
    double bx, by;
    state->transformDelta(tm[0], tm[1], &bx, &by);
    double ax = std::fabs(bx), ay = std::fabs(by);
    if (std::min(ax, ay) > 0.1 * std::max(ax, ay)) return;
    // Text the clip hides is not on the page: Chromium draws a whole table
    // on each page it spans and clips it to the page's part.
    if (!Visible(state, x, y, dx, dy)) return;
    TextOutputDev::drawChar(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
    NoteFont(state->getFont().get());
    if (spaces && uLen == 1 && u && (u[0] == 0x20 || u[0] == 0xA0 || u[0] == 0x3000) &&
        spaces->size() < max_segments) {
      double x0, y0, x1, y1;
      state->transform(x, y, &x0, &y0);
      state->transform(x + dx, y + dy, &x1, &y1);
      if (Sane(x0) && Sane(y0) && Sane(x1)) spaces->push_back({std::min(x0, x1), y0, std::max(x0, x1), y0});
    }
  }

  // Names of the page's fonts whose Unicode values cannot be trusted: no
  // /ToUnicode, and either a CID font in Identity order (the codes are glyph
  // ids) or a symbolic simple font without /Encoding (the codes are whatever
  // the subsetter chose: LibreOffice's CJK subsets give 0x01, 0x02, ...,
  // which poppler passes on as "!\"#$%..."). Read by ocr_pages.cc.
  std::vector<std::string> unmapped_fonts;
  void ForgetFonts() {
    unmapped_fonts.clear();
    last_font_ = nullptr;
  }

  // Poppler's text page keeps every font it is given and searches them all on
  // each change: a form drawn thousands of times (each draw loads its font
  // again) makes that quadratic. Font changes are counted and bounded.
  void updateFont(GfxState* state) override {
    const GfxFont* font = state->getFont().get();
    if (font != last_update_font_) {
      last_update_font_ = font;
      if (font_objects.insert(font).second && font_objects.size() > max_fonts) fonts_over = true;
    }
    if (++font_changes > 100 * max_fonts) fonts_over = true;
    if (fonts_over) return;
    TextOutputDev::updateFont(state);
  }
  void ForgetFontObjects() {
    font_objects.clear();
    last_update_font_ = nullptr;
    font_changes = 0;
    fonts_over = false;
  }
  std::unordered_set<const GfxFont*> font_objects;
  const GfxFont* last_update_font_ = nullptr;
  size_t font_changes = 0;

  size_t glyphs = 0, max_glyphs = 0;  // drawn on this page, bound
  bool fonts_over = false;  // font objects or changes on this page past the bound
  size_t max_fonts = 0;
  std::vector<Segment>* segments = nullptr;
  std::vector<Segment>* spaces = nullptr;  // space glyphs: x range at the baseline
  size_t max_segments = 0;
  bool segments_truncated = false;
  double clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;  // of the path being added

 private:
  void NoteFont(const GfxFont* font) {
    if (!font || font == last_font_) return;
    last_font_ = font;
    if (font->hasToUnicodeCMap() || !font->getName()) return;
    bool unmapped;
    if (font->isCIDFont()) {
      const GooString* collection = static_cast<const GfxCIDFont*>(font)->getCollection();
      unmapped = !collection || collection->toStr() == "Adobe-Identity";
    } else {
      unmapped = font->getType() != fontType3 && font->isSymbolic() &&
                 !static_cast<const Gfx8BitFont*>(font)->getHasEncoding();
    }
    if (!unmapped) return;
    const std::string& name = *font->getName();
    if (std::find(unmapped_fonts.begin(), unmapped_fonts.end(), name) == unmapped_fonts.end())
      unmapped_fonts.push_back(name);
  }
  const GfxFont* last_font_ = nullptr;

  // The glyph's box (advance × font size, device space) meets the clip's
  // bounding box.
  static bool Visible(GfxState* state, double x, double y, double dx, double dy) {
    double cx0, cy0, cx1, cy1;
    state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
    double x0, y0, x1, y1;
    state->transform(x, y, &x0, &y0);
    state->transform(x + dx, y + dy, &x1, &y1);
    double size = std::fabs(state->getTransformedFontSize());
    if (!Sane(x0) || !Sane(y0) || !Sane(x1) || !Sane(y1) || !Sane(size)) return true;
    double gx0 = std::min(x0, x1) - size, gx1 = std::max(x0, x1) + size;
    double gy0 = std::min(y0, y1) - size, gy1 = std::max(y0, y1) + size;
    return gx1 >= cx0 && gx0 <= cx1 && gy1 >= cy0 && gy0 <= cy1;
  }

  void AddSegment(double x0, double y0, double x1, double y1) {
    if (!Sane(x0) || !Sane(y0) || !Sane(x1) || !Sane(y1)) return;
    // Only the part inside the clip is drawn.
    if (clip_x1 > clip_x0 && clip_y1 > clip_y0) {
      const double t = 1.0;
      if (std::fabs(y0 - y1) <= 0.5) {
        if (y0 < clip_y0 - t || y0 > clip_y1 + t) return;
        x0 = std::clamp(x0, clip_x0, clip_x1);
        x1 = std::clamp(x1, clip_x0, clip_x1);
      } else if (std::fabs(x0 - x1) <= 0.5) {
        if (x0 < clip_x0 - t || x0 > clip_x1 + t) return;
        y0 = std::clamp(y0, clip_y0, clip_y1);
        y1 = std::clamp(y1, clip_y0, clip_y1);
      }
    }
    if (segments->size() >= max_segments) {
      segments_truncated = true;
      return;
    }
    Segment s;
    if (std::fabs(y0 - y1) <= 0.5) {  // horizontal
      if (std::fabs(x1 - x0) < kMinSegment) return;
      double y = (y0 + y1) / 2;
      s = {std::min(x0, x1), y, std::max(x0, x1), y};
    } else if (std::fabs(x0 - x1) <= 0.5) {  // vertical
      if (std::fabs(y1 - y0) < kMinSegment) return;
      double x = (x0 + x1) / 2;
      s = {x, std::min(y0, y1), x, std::max(y0, y1)};
    } else {
      return;  // diagonal: not a ruling
    }
    segments->push_back(s);
  }

  void AddPath(GfxState* state, bool filled) {
    if (!segments) return;
    const GfxPath* path = state->getPath();
    if (!path) return;
    state->getClipBBox(&clip_x0, &clip_y0, &clip_x1, &clip_y1);
    if (!Sane(clip_x0) || !Sane(clip_y0) || !Sane(clip_x1) || !Sane(clip_y1))
      clip_x0 = clip_y0 = clip_x1 = clip_y1 = 0;
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sp = path->getSubpath(i);
      int n = sp->getNumPoints();
      if (n < 2 || n > 4096) continue;
      bool curved = false;
      for (int k = 0; k < n; ++k) curved |= sp->getCurve(k);
      if (curved) continue;
      if (filled) {
        // A filled axis-aligned shape: a thin one is a ruling line; a large
        // one (cell shading) is not.
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        bool axis = true;
        double px = 0, py = 0;
        for (int k = 0; k < n; ++k) {
          double x, y;
          state->transform(sp->getX(k), sp->getY(k), &x, &y);
          if (k > 0 && std::fabs(x - px) > 0.5 && std::fabs(y - py) > 0.5) axis = false;
          px = x;
          py = y;
          x0 = std::min(x0, x);
          y0 = std::min(y0, y);
          x1 = std::max(x1, x);
          y1 = std::max(y1, y);
        }
        if (!axis) continue;
        double w = x1 - x0, h = y1 - y0;
        if (h <= kThinFill && w > h) AddSegment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else if (w <= kThinFill && h > w) AddSegment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        continue;
      }
      double px, py;
      state->transform(sp->getX(0), sp->getY(0), &px, &py);
      double fx = px, fy = py;
      for (int k = 1; k < n; ++k) {
        double x, y;
        state->transform(sp->getX(k), sp->getY(k), &x, &y);
        AddSegment(px, py, x, y);
        px = x;
        py = y;
      }
      if (sp->isClosed() && (px != fx || py != fy)) AddSegment(px, py, fx, fy);
    }
  }
};

PageCollector::PageCollector() : dev_(std::make_unique<Dev>()) {}
PageCollector::~PageCollector() = default;

bool PageCollector::Collect(PDFDoc* doc, int number, const CollectLimits& limits,
                            PageContent* page, bool* truncated) {
  if (!CollectRotated(doc, number, 0, limits, page, truncated)) return false;
  // Text that reads sideways on most of the page (a page turned with
  // /Rotate, or content drawn turned): read the page again turned upright.
  size_t by_rot[4] = {0, 0, 0, 0}, total = 0;
  for (const Word& w : page->words) {
    by_rot[w.rot & 3] += w.char_bytes.size();
    total += w.char_bytes.size();
  }
  int r = static_cast<int>(std::max_element(by_rot, by_rot + 4) - by_rot);
  if (r == 0 || by_rot[r] * 2 <= total) return true;
  PageContent again;
  bool in_time = CollectRotated(doc, number, (360 - 90 * r) % 360, limits, &again, truncated);
  *page = std::move(again);
  page->rotated = true;
  return in_time;
}

bool PageCollector::CollectRotated(PDFDoc* doc, int number, int extra_rotation,
                                   const CollectLimits& limits, PageContent* page,
                                   bool* truncated) {
  page->number = number;
  double w = doc->getPageMediaWidth(number), h = doc->getPageMediaHeight(number);
  int rotate = (doc->getPageRotate(number) + extra_rotation) % 360;
  if (rotate == 90 || rotate == 270) std::swap(w, h);
  page->size_out_of_range = !Sane(w) || !Sane(h);
  if (!Sane(w) || w <= 0) w = 612;
  if (!Sane(h) || h <= 0) h = 792;
  page->width = w;
  page->height = h;

  std::vector<Segment> spaces;
  dev_->segments = &page->segments;
  dev_->spaces = &spaces;
  dev_->max_segments = limits.max_segments;
  dev_->segments_truncated = false;
  dev_->ForgetFonts();
  dev_->glyphs = 0;
  dev_->max_glyphs = limits.max_glyphs;
  dev_->ForgetFontObjects();
  dev_->max_fonts = limits.max_font_objects;
  PageBudget budget;
  budget.deadline = limits.deadline;
  budget.max_checks = limits.max_operators / 10;
  budget.glyphs = &dev_->glyphs;
  budget.max_glyphs = limits.max_glyphs;
  budget.fonts_over = &dev_->fonts_over;
  doc->displayPage(dev_.get(), number, 72, 72, extra_rotation, /*useMediaBox=*/true, /*crop=*/false,
                   /*printing=*/false, AbortCheck, &budget);
  const double deadline = limits.deadline;
  dev_->segments = nullptr;
  dev_->spaces = nullptr;
  if (dev_->segments_truncated || budget.out_of_work) *truncated = true;

  // The device keeps its TextPage (takeText would leave poppler's ActualText
  // helper pointing at the old one); startPage clears it for the next page.
  {
    std::unique_ptr<TextWordList> list = dev_->makeWordList();
    int count = list ? list->getLength() : 0;
    if (static_cast<size_t>(count) > limits.max_words) {
      *truncated = true;
      count = static_cast<int>(limits.max_words);
    }
    page->words.reserve(count);
    for (int i = 0; i < count; ++i) {
      const TextWord* tw = list->get(i);
      int len = tw->getLength();
      if (len <= 0) continue;
      Word word;
      for (int k = 0; k < len; ++k) {
        size_t before = word.text.size();
        const Unicode* u = tw->getChar(k);
        char32_t c = u ? UnifyIdeograph(*u) : 0xFFFD;
        if (c == 0 || c == 0xA0 || c == 0x3000) c = ' ';
        AppendUtf8(c, &word.text);
        word.char_bytes.push_back(static_cast<int>(word.text.size() - before));
      }
      tw->getBBox(&word.box.x0, &word.box.y0, &word.box.x1, &word.box.y1);
      if (!Sane(word.box.x0) || !Sane(word.box.y0) || !Sane(word.box.x1) || !Sane(word.box.y1) ||
          !Sane(tw->getFontSize())) {
        ++page->words_out_of_range;
        continue;
      }
      word.rot = tw->getRotation();
      word.edges.reserve(len + 1);
      for (int k = 0; k <= len; ++k) {
        double e = tw->getEdge(k);
        word.edges.push_back(static_cast<float>(Sane(e) ? e : word.box.x1));
      }
      word.font_size = tw->getFontSize();
      if (word.rot == 0 && Sane(tw->getBaseline())) word.base = tw->getBaseline();
      word.bold = LooksBold(tw);
      word.space_after = tw->getSpaceAfter();
      if (!dev_->unmapped_fonts.empty()) {
        const TextFontInfo* fi = tw->getFontInfo(0);
        const GooString* name = fi ? fi->getFontName() : nullptr;
        word.unmapped_font = name && std::find(dev_->unmapped_fonts.begin(), dev_->unmapped_fonts.end(),
                                               name->toStr()) != dev_->unmapped_fonts.end();
      }
      page->words.push_back(std::move(word));
    }
  }
  MarkSpaces(&spaces, &page->words);
  return !(deadline > 0 && NowSeconds() > deadline);
}

}  // namespace jixiao::pdf
