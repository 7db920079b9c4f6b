// OCR of page images: rendering (poppler-cpp page_renderer), image work
// (image_prep.cc), Tesseract with a per-process pool of engines, and the
// words and rules in points. Covered by ocr_test.cc.
#include "extractors/ocr/ocr.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>

#include "extractors/ocr/image_prep.h"
#include "pipeline/model/cjk.h"
#include "pipeline/model/utf8.h"

// From libgomp, the OpenMP runtime Debian's libtesseract is built with
// (declared here rather than through <omp.h>, which clang's fuzz builds may
// not have; linked as gomp, see CMakeLists.txt).
extern "C" void omp_set_max_active_levels(int max_levels);

namespace jixiao::ocr {

double NowSeconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

namespace {

const char kInstallHint[] = "需要OCR：请安装 tesseract-ocr-chi-sim";

// Tesseract engines, one per thread at a time, kept for the process: loading
// chi_sim takes ~0.3 s and ~30 MB, so a batch of scans must not pay it per page.
class EnginePool {
 public:
  static EnginePool& Get() {
    static EnginePool* pool = new EnginePool();  // never destroyed: workers may outlive main
    return *pool;
  }

  // An engine for settings, or null when the language cannot be loaded.
  std::unique_ptr<tesseract::TessBaseAPI> Take(const Settings& s) {
    // Tesseract's LSTM asks OpenMP for 4 threads per line; our own threads
    // already use the cores, and 4 more per engine only spin (measured: 9
    // pages on 2 threads, 34 s user + 11 s system; 20 s + 0.6 s in one).
    // The setting is part of the calling thread's OpenMP state, so every
    // thread that reads sets it: parallel regions then run on the caller.
    omp_set_max_active_levels(0);
    const std::string key = s.tessdata_dir + "\n" + s.language;
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (size_t i = 0; i < free_.size(); ++i) {
        if (free_[i].key == key) {
          auto api = std::move(free_[i].api);
          free_.erase(free_.begin() + i);
          return api;
        }
      }
    }
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    // Tesseract's messages ("Error opening data file") would go to stderr.
    std::vector<std::string> names = {"debug_file"}, values = {"/dev/null"};
    const char* dir = s.tessdata_dir.empty() ? nullptr : s.tessdata_dir.c_str();
    if (api->Init(dir, s.language.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values,
                  false) != 0)
      return nullptr;
    return api;
  }

  void Give(const Settings& s, std::unique_ptr<tesseract::TessBaseAPI> api) {
    if (!api) return;
    api->Clear();
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.size() < 16) free_.push_back({s.tessdata_dir + "\n" + s.language, std::move(api)});
  }

 private:
  struct Entry {
    std::string key;
    std::unique_ptr<tesseract::TessBaseAPI> api;
  };
  std::mutex mu_;
  std::vector<Entry> free_;
};

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Digits with the decimal point, thousands comma and percent sign only.
bool IsFigureText(const std::string& text) {
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != ',' && c != '%') return false;
  return true;
}

// The byte offset of glyph k of w's text.
size_t GlyphOffset(const Word& w, size_t k) {
  size_t pos = 0;
  for (size_t i = 0; i < k; ++i) pos += w.char_bytes[i];
  return pos;
}

std::string GlyphAt(const Word& w, size_t k) { return w.text.substr(GlyphOffset(w, k), w.char_bytes[k]); }

// Gives glyph k of w the text `glyph` (one code point).
void ReplaceGlyph(Word* w, size_t k, const std::string& glyph) {
  w->text.replace(GlyphOffset(*w, k), w->char_bytes[k], glyph);
  w->char_bytes[k] = static_cast<int>(glyph.size());
}

// Takes glyph k out of w; when w has its glyph edges, the glyph before
// takes the room (for the first glyph, the one after).
void EraseGlyph(Word* w, size_t k) {
  const bool has_edges = w->edges.size() == w->char_bytes.size() + 1;
  w->text.erase(GlyphOffset(*w, k), w->char_bytes[k]);
  w->char_bytes.erase(w->char_bytes.begin() + k);
  if (has_edges) w->edges.erase(w->edges.begin() + (k > 0 ? k : 1));
}

}  // namespace

void FullWidthPunctuation(std::vector<Word>* words, const std::vector<int>& line_of) {
  struct Sym {
    size_t word, index;
    char32_t c;
  };
  std::vector<Sym> syms;
  for (size_t w = 0; w < words->size(); ++w) {
    size_t pos = 0;
    const Word& word = (*words)[w];
    for (size_t k = 0; k < word.char_bytes.size(); ++k) {
      syms.push_back({w, k, FirstCodePoint(std::string_view(word.text).substr(pos, word.char_bytes[k]))});
      pos += word.char_bytes[k];
    }
  }
  // The bracket matching the one at k (ASCII or full-width), or npos.
  auto partner_of = [&](size_t k) -> size_t {
    const bool open = syms[k].c == '(' || syms[k].c == 0xFF08;
    int depth = 0;
    for (size_t m = k;;) {
      if (open ? ++m >= syms.size() : m-- == 0) return std::string::npos;
      const char32_t d = syms[m].c;
      const bool same = open ? (d == '(' || d == 0xFF08) : (d == ')' || d == 0xFF09);
      const bool other = open ? (d == ')' || d == 0xFF09) : (d == '(' || d == 0xFF08);
      if (same) ++depth;
      if (other && depth-- == 0) return m;
    }
  };
  std::vector<char32_t> to(syms.size(), 0);
  for (size_t k = 0; k < syms.size(); ++k) {
    const char32_t c = syms[k].c;
    const bool cjk_before = k > 0 && JoinsWithoutSpace(syms[k - 1].c);
    const bool cjk_after = k + 1 < syms.size() && JoinsWithoutSpace(syms[k + 1].c);
    // A bracket of a pair holding Chinese text ("(8分)", "(2024年完工项目)")
    // or closed by a full-width one ("(1）"): full-width whatever stands
    // beside it. ㎡ and the other CJK compatibility units are set
    // full-width too.
    bool cjk_inside = false;
    if (c == '(' || c == ')') {
      const size_t p = partner_of(k);
      if (p != std::string::npos) {
        cjk_inside = syms[p].c == 0xFF08 || syms[p].c == 0xFF09;
        for (size_t m = std::min(k, p) + 1; m < std::max(k, p) && !cjk_inside; ++m)
          cjk_inside = JoinsWithoutSpace(syms[m].c) || (syms[m].c >= 0x3300 && syms[m].c <= 0x33FF);
      }
    }
    if (!cjk_before && !cjk_after && !cjk_inside) continue;
    switch (c) {
      case '(': to[k] = 0xFF08; break;
      case ')': to[k] = 0xFF09; break;
      case ',': to[k] = 0xFF0C; break;
      case ';': to[k] = 0xFF1B; break;
      case ':': to[k] = 0xFF1A; break;
      case '!': to[k] = 0xFF01; break;
      case '?': to[k] = 0xFF1F; break;
      case '"': to[k] = cjk_after && !cjk_before ? 0x201C : 0x201D; break;
      case '.': {  // a full stop after Chinese text, not a decimal point (a digit after it on its line)
        const bool same_line = line_of.size() < words->size() || (k + 1 < syms.size() &&
                                                                 line_of[syms[k].word] == line_of[syms[k + 1].word]);
        const bool decimal = k + 1 < syms.size() && same_line && syms[k + 1].c >= '0' && syms[k + 1].c <= '9';
        if (cjk_before && !decimal) to[k] = 0x3002;
        break;
      }
      case 0x3008: to[k] = 0xFF08; break;  // 〈 read for （
      case 0x3009: to[k] = 0xFF09; break;
      default: break;
    }
  }
  // The two brackets of a pair in one style: "数（A)" after "数" is "数（A）".
  for (size_t k = 0; k < syms.size(); ++k) {
    if (to[k] != 0xFF08 && to[k] != 0xFF09) continue;
    const size_t p = partner_of(k);
    if (p != std::string::npos && (syms[p].c == '(' || syms[p].c == ')') && !to[p])
      to[p] = syms[p].c == '(' ? 0xFF08 : 0xFF09;
  }
  for (size_t k = 0; k < syms.size(); ++k) {
    if (!to[k]) continue;
    std::string glyph;
    AppendUtf8(to[k], &glyph);
    ReplaceGlyph(&(*words)[syms[k].word], syms[k].index, glyph);
  }
}

// 一 is never set between two digits in Chinese text, and no report writes a
// Latin m with a stray mark (ocr.h).
void RestoreGlyphsTheModelLacks(std::vector<Word>* words, const std::vector<int>& line_of) {
  auto is_digit = [](char32_t c) { return c >= '0' && c <= '9'; };
  auto is_latin = [](char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  std::vector<std::vector<char32_t>> cps(words->size());
  for (size_t i = 0; i < words->size(); ++i) {
    const Word& w = (*words)[i];
    for (size_t k = 0, pos = 0; k < w.char_bytes.size(); pos += w.char_bytes[k++])
      cps[i].push_back(FirstCodePoint(std::string_view(w.text).substr(pos, w.char_bytes[k])));
  }
  // The glyph next to glyph k of word i on its line (the LSTM often makes
  // "一" a word of its own between "12" and "14分"); 0 at a line's end.
  auto same_line = [&](size_t a, size_t b) { return line_of.size() <= std::max(a, b) || line_of[a] == line_of[b]; };
  auto before = [&](size_t i, size_t k) -> char32_t {
    if (k > 0) return cps[i][k - 1];
    return i > 0 && same_line(i - 1, i) && !cps[i - 1].empty() ? cps[i - 1].back() : 0;
  };
  auto after = [&](size_t i, size_t k) -> char32_t {
    if (k + 1 < cps[i].size()) return cps[i][k + 1];
    return i + 1 < cps.size() && same_line(i, i + 1) && !cps[i + 1].empty() ? cps[i + 1].front() : 0;
  };
  std::vector<bool> changed(words->size(), false);
  for (size_t i = 0; i < cps.size(); ++i)
    for (size_t k = 0; k < cps[i].size(); ++k)
      if (cps[i][k] == 0x4E00 && is_digit(before(i, k)) && is_digit(after(i, k))) cps[i][k] = 0x2014, changed[i] = true;
  for (size_t i = 0; i < cps.size(); ++i) {
    Word& w = (*words)[i];
    std::vector<char32_t>& c = cps[i];
    for (size_t k = 0; k + 1 < c.size(); ++k) {
      const char32_t next = c[k + 1];
      if (c[k] == 'm' && (next == '\'' || next == 0x2019 || next == 0xB2) && !(k > 0 && is_latin(c[k - 1])) &&
          !(k + 2 < c.size() && is_latin(c[k + 2]))) {
        c[k] = 0x33A1;
        c.erase(c.begin() + k + 1);
        w.edges.erase(w.edges.begin() + k + 1);
        changed[i] = true;
      }
    }
    if (!changed[i]) continue;
    w.text.clear();
    w.char_bytes.clear();
    for (char32_t cp : c) {
      const size_t size_before = w.text.size();
      AppendUtf8(cp, &w.text);
      w.char_bytes.push_back(static_cast<int>(w.text.size() - size_before));
    }
  }
}

namespace {

struct Confidence {
  double sum = 0;
  size_t glyphs = 0;
};

// Reads the recognised words. Tesseract's LSTM gives usable word boxes but
// glyph boxes that overlap and jump; a word's glyph edges are therefore
// spread evenly over its box (CJK glyphs are all one width). Every word of
// a line gets the line's vertical extent, so the layout passes see one
// baseline.
// Glyphs that may be a comparator the model misread — ">" / "<", or the
// first glyph of a word when a digit follows and it is no digit or Latin
// letter ("宇70%") — become the comparator their shape shows (ComparatorShape).
void ComparatorGlyphs(const tesseract::ResultIterator& word_it, Pix* image, int line_top, int line_bottom,
                      Word* w) {
  if (!image || w->char_bytes.size() < 2) return;
  auto is_digit = [](const std::string& g) { return g.size() == 1 && g[0] >= '0' && g[0] <= '9'; };
  auto is_ascii_alnum = [](const std::string& g) { return g.size() == 1 && std::isalnum(static_cast<unsigned char>(g[0])); };
  const std::string second = w->text.substr(w->char_bytes[0], w->char_bytes[1]);
  const std::string first = w->text.substr(0, w->char_bytes[0]);
  const bool suspect_first = is_digit(second) && !is_ascii_alnum(first);
  if (!suspect_first && w->text.find_first_of("<>") == std::string::npos) return;
  tesseract::ResultIterator sym(word_it);
  std::string out;
  std::vector<int> bytes;
  // The symbol's box in image pixels; the even spread of the word's box
  // when the model gives none.
  auto box_of = [&](const tesseract::ResultIterator& it, size_t k, int* l, int* r) {
    int t, b;
    if (!it.BoundingBox(tesseract::RIL_SYMBOL, l, &t, r, &b) || *r <= *l) {
      *l = static_cast<int>(w->edges[k]);
      *r = static_cast<int>(w->edges[k + 1]);
    }
  };
  size_t k = 0, pos = 0;
  bool symbols_left = true;
  auto advance = [&] {
    ++k;
    if (k < w->char_bytes.size() && symbols_left &&
        (sym.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) || !sym.Next(tesseract::RIL_SYMBOL)))
      symbols_left = false;
  };
  while (k < w->char_bytes.size()) {
    if (!symbols_left) {
      // Fewer symbols than glyphs: the rest keep their text.
      out += w->text.substr(pos);
      for (; k < w->char_bytes.size(); ++k) bytes.push_back(w->char_bytes[k]);
      break;
    }
    const int n = w->char_bytes[k];
    std::string glyph = w->text.substr(pos, n);
    int taken = n;
    if (glyph == ">" || glyph == "<" || (k == 0 && suspect_first)) {
      int l, r;
      box_of(sym, k, &l, &r);
      // The bar of a "≥" read as a glyph of its own: ">=" (or "≥=" once the
      // chevron was judged). Both are one comparator when the shape says so.
      const bool bar_after = k + 1 < w->char_bytes.size() && w->text.compare(pos + n, 1, "=") == 0 &&
                             !sym.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL);
      int r2 = r;
      if (bar_after) {
        tesseract::ResultIterator next(sym);
        int l2;
        if (next.Next(tesseract::RIL_SYMBOL)) box_of(next, k + 1, &l2, &r2);
        else r2 = static_cast<int>(w->edges[k + 2]);
      }
      const std::string shape = ComparatorShape(image, l, std::max(r, r2), line_top, line_bottom);
      if (!shape.empty()) {
        glyph = shape;
        if (bar_after) {
          taken = n + 1;
          advance();
        }
      }
    }
    out += glyph;
    bytes.push_back(static_cast<int>(glyph.size()));
    pos += taken;
    advance();
  }
  w->text = out;
  w->char_bytes = bytes;
}

// A comparator the model read as a word of its own ("宇" before "70%") or
// not at all ("80次" with "≥" before it): a one-glyph word other than a
// digit or Latin letter right before a word of digits, or the ink just left
// of a word of digits with no word there, is given the comparator its shape
// shows (ComparatorShape) and joined to the figure. Boxes are in points;
// the image's pixels are points / scale.
void RecoverComparators(Pix* image, double scale, std::vector<Word>* words, std::vector<int>* line_of) {
  if (!image) return;
  auto starts_with_digit = [](const Word& w) { return !w.text.empty() && w.text[0] >= '0' && w.text[0] <= '9'; };
  std::vector<Word> out;
  std::vector<int> lines;
  for (size_t i = 0; i < words->size(); ++i) {
    Word w = (*words)[i];
    const double em = w.box.y1 - w.box.y0;
    const bool figure = starts_with_digit(w);
    const int top = static_cast<int>(w.box.y0 / scale), bottom = static_cast<int>(std::ceil(w.box.y1 / scale));
    std::string shape;
    if (figure && !out.empty() && lines.back() == (*line_of)[i] && out.back().char_bytes.size() == 1 &&
        w.box.x0 - out.back().box.x1 < 0.5 * em &&
        !std::isalnum(static_cast<unsigned char>(out.back().text[0]))) {
      const Word& prev = out.back();
      shape = ComparatorShape(image, static_cast<int>(prev.box.x0 / scale), static_cast<int>(std::ceil(prev.box.x1 / scale)),
                              top, bottom);
      if (!shape.empty()) {
        w.text = shape + w.text;
        w.char_bytes.insert(w.char_bytes.begin(), static_cast<int>(shape.size()));
        w.edges.insert(w.edges.begin(), static_cast<float>(prev.box.x0));
        w.box.x0 = prev.box.x0;
        out.pop_back();
        lines.pop_back();
      }
    } else if (figure && (out.empty() || lines.back() != (*line_of)[i] || out.back().box.x1 < w.box.x0 - em)) {
      // Nothing read just before the figure: look at the ink there, and at
      // the start of the word's own box (the model's box may hold a glyph
      // it dropped).
      const double x0 = w.box.x0 - 0.9 * em, x1 = w.box.x0 + 0.5 * em;
      if (x0 > 0) shape = ComparatorShape(image, static_cast<int>(x0 / scale), static_cast<int>(x1 / scale), top, bottom);
      if (!shape.empty()) {
        w.text = shape + w.text;
        w.char_bytes.insert(w.char_bytes.begin(), static_cast<int>(shape.size()));
        const float left = static_cast<float>(std::min(w.box.x0, x0 + 0.4 * em));
        w.edges.insert(w.edges.begin(), left);
        w.box.x0 = left;
      }
    }
    out.push_back(std::move(w));
    lines.push_back((*line_of)[i]);
  }
  *words = std::move(out);
  *line_of = std::move(lines);
}

// Body text of these reports is set at 10.5 pt (五号); what is drawn at
// sizes near it is judged against this em.
constexpr double kBodyEm = 10.5;

// Spreads w's glyph edges evenly over its box (CJK glyphs are all one width).
void SpreadEdgesEvenly(Word* w) {
  const size_t n = w->char_bytes.size();
  w->edges.resize(n + 1);
  for (size_t k = 0; k <= n; ++k)
    w->edges[k] = static_cast<float>(w->box.x0 + (w->box.x1 - w->box.x0) * double(k) / std::max<size_t>(n, 1));
}

// True when the ink in `box` is less than a third of `height` both ways:
// too small for a Chinese character of that height.
bool InkTooSmallForACharacter(Pix* image, const PixelBox& box, int height) {
  BOX* region = boxCreate(box.x, box.y, box.w, box.h);
  BOX* ink = nullptr;
  pixClipBoxToForeground(image, region, nullptr, &ink);
  boxDestroy(&region);
  if (!ink) return true;
  l_int32 x, y, w, h;
  boxGetGeometry(ink, &x, &y, &w, &h);
  boxDestroy(&ink);
  return std::max(w, h) * 3 < height;
}

// The pixel boxes of the symbols of the word at word_it, one per glyph;
// empty when the engine gives another number of them.
std::vector<PixelBox> SymbolBoxes(const tesseract::ResultIterator& word_it, size_t glyphs) {
  std::vector<PixelBox> out;
  tesseract::ResultIterator sym(word_it);
  for (;;) {
    int l, t, r, b;
    if (!sym.BoundingBox(tesseract::RIL_SYMBOL, &l, &t, &r, &b)) return {};
    out.push_back({l, t, r - l, b - t});
    if (out.size() > glyphs || sym.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) ||
        !sym.Next(tesseract::RIL_SYMBOL))
      break;
  }
  if (out.size() != glyphs) out.clear();
  return out;
}

// A glyph read as 一, 二 or 三 that may be a numbering label's numeral: the
// word's first glyph, or its second after "（" / "(".
struct NumeralCandidate {
  size_t word = 0, glyph = 0;
  PixelBox box;  // the symbol's box, across the line's band
  int em = 0;    // the line's height in pixels
};

bool IsSmallNumeral(const std::string& g) { return g == "一" || g == "二" || g == "三"; }

// A numbering label's numeral (一、 at the start of a line, or （二）) has no
// word around it to correct the model, which confuses 一, 二 and 三 there
// (a bold heading's "三、" read "二、" broke the numbering). It is read
// again from its bars (HorizontalBars).
void RecountNumerals(Pix* image, double scale, const std::vector<NumeralCandidate>& candidates,
                     const std::vector<int>& line_of, std::vector<Word>* words) {
  static const char* const kNumerals[] = {"一", "二", "三"};
  // A line that starts at "、": the model dropped the numeral before it
  // (a heading "二、" of two clean bars read "、"). The ink left of the "、",
  // within an em and a third, is counted.
  for (size_t i = 0; image && i < words->size(); ++i) {
    Word& w = (*words)[i];
    if ((i > 0 && line_of[i - 1] == line_of[i]) || GlyphAt(w, 0) != "、") continue;
    const int top = static_cast<int>(w.box.y0 / scale), bottom = static_cast<int>(w.box.y1 / scale);
    const int em = bottom - top, right = static_cast<int>(w.box.x0 / scale);
    const int left = std::max(0, right - em * 4 / 3);
    if (em <= 0 || right - left < em / 2) continue;
    BOX* region = boxCreate(left, top, right - left, em);
    BOX* ink = nullptr;
    pixClipBoxToForeground(image, region, nullptr, &ink);
    boxDestroy(&region);
    if (!ink) continue;
    l_int32 x, y, iw, ih;
    boxGetGeometry(ink, &x, &y, &iw, &ih);
    boxDestroy(&ink);
    if (iw < em / 2) continue;
    const int bars = HorizontalBars(image, {x, y, iw, ih}, em * 3 / 10);
    if (bars < 1 || bars > 3) continue;
    w.text.insert(0, kNumerals[bars - 1]);
    w.char_bytes.insert(w.char_bytes.begin(), 3);
    w.box.x0 = x * scale;
    SpreadEdgesEvenly(&w);
  }
  for (const NumeralCandidate& c : candidates) {
    Word& w = (*words)[c.word];
    if (c.glyph >= w.char_bytes.size() || !IsSmallNumeral(GlyphAt(w, c.glyph))) continue;
    const bool line_start = c.word == 0 || line_of[c.word - 1] != line_of[c.word];
    std::string before, after;
    if (c.glyph > 0) before = GlyphAt(w, c.glyph - 1);
    else if (!line_start) before = GlyphAt((*words)[c.word - 1], (*words)[c.word - 1].char_bytes.size() - 1);
    if (c.glyph + 1 < w.char_bytes.size()) after = GlyphAt(w, c.glyph + 1);
    else if (c.word + 1 < words->size() && line_of[c.word + 1] == line_of[c.word]) after = GlyphAt((*words)[c.word + 1], 0);
    const bool heading = c.glyph == 0 && line_start && (after == "、" || after == "．" || after == ".");
    const bool bracketed = (before == "（" || before == "(") && (after == "）" || after == ")");
    if (!heading && !bracketed) continue;
    const int pad = c.em / 10;
    const int bars = HorizontalBars(image, {c.box.x - pad, c.box.y, c.box.w + pad + pad / 2, c.box.h}, c.em * 3 / 10);
    if (bars < 1 || bars > 3) continue;
    ReplaceGlyph(&w, c.glyph, kNumerals[bars - 1]);
  }
}

// The model reads a range dash "—" between two figures as "-", "--", ".-"
// or "一" (it has no class for it), and the checks and a reviewer read
// "16-18" and "16—18" alike but the text is then not the report's. A run of
// such glyphs between two digits of one line whose ink is a thin stroke and
// leaves an em between the figures (DashSpan 0.9 to 1.7 of the line's
// height; a hyphen leaves about half) is the dash. Boxes are in points; the
// image's pixels are points / scale.
void RangeDashesFromInk(Pix* image, double scale, std::vector<Word>* words, std::vector<int>* line_of) {
  if (!image) return;
  auto is_digit = [](const std::string& g) { return g.size() == 1 && g[0] >= '0' && g[0] <= '9'; };
  auto is_dash = [](const std::string& g) { return g == "-" || g == "一" || g == "—" || g == "–" || g == "－" || g == "~"; };
  auto dash_like = [&](const std::string& g) { return is_dash(g) || g == "." || g == "·"; };
  // Every glyph in reading order: (word, glyph).
  std::vector<std::pair<size_t, size_t>> glyphs;
  for (size_t i = 0; i < words->size(); ++i)
    for (size_t k = 0; k < (*words)[i].char_bytes.size(); ++k) glyphs.push_back({i, k});
  auto text = [&](size_t g) { return GlyphAt((*words)[glyphs[g].first], glyphs[g].second); };
  auto line = [&](size_t g) { return (*line_of)[glyphs[g].first]; };
  std::vector<std::vector<bool>> erase(words->size());
  for (size_t i = 0; i < words->size(); ++i) erase[i].assign((*words)[i].char_bytes.size(), false);
  std::vector<std::pair<size_t, std::string>> replace;  // glyph index, new text
  for (size_t g = 0; g + 2 < glyphs.size(); ++g) {
    if (!is_digit(text(g))) continue;
    size_t e = g + 1;
    bool dash = false;
    while (e < glyphs.size() && line(e) == line(g) && dash_like(text(e))) dash = dash || is_dash(text(e)), ++e;
    if (!dash || e == g + 1 || e >= glyphs.size() || line(e) != line(g) || !is_digit(text(e))) continue;
    const Word& a = (*words)[glyphs[g].first];
    const Word& b = (*words)[glyphs[e].first];
    const int top = static_cast<int>(a.box.y0 / scale), bottom = static_cast<int>(std::ceil(a.box.y1 / scale));
    const int left = static_cast<int>(a.edges[glyphs[g].second] / scale);
    const int right = static_cast<int>(std::ceil(b.edges[glyphs[e].second + 1] / scale));
    const int band = bottom - top;
    const int span = DashSpan(image, {left, top, right - left, band});
    if (span < 0.9 * band || span > 1.7 * band) continue;
    replace.push_back({g + 1, "—"});
    for (size_t r = g + 2; r < e; ++r) erase[glyphs[r].first][glyphs[r].second] = true;
    g = e - 1;
  }
  if (replace.empty()) return;
  for (const auto& [g, dash] : replace) ReplaceGlyph(&(*words)[glyphs[g].first], glyphs[g].second, dash);
  std::vector<Word> kept;
  std::vector<int> lines;
  for (size_t i = 0; i < words->size(); ++i) {
    Word& w = (*words)[i];
    for (size_t k = w.char_bytes.size(); k-- > 0;)
      if (erase[i][k]) EraseGlyph(&w, k);
    if (w.char_bytes.empty()) {
      // A word of the run alone: the word before on its line takes its box.
      if (!kept.empty() && lines.back() == (*line_of)[i]) {
        kept.back().box.x1 = std::max(kept.back().box.x1, w.box.x1);
        kept.back().edges.back() = static_cast<float>(kept.back().box.x1);
      }
      continue;
    }
    kept.push_back(std::move(w));
    lines.push_back((*line_of)[i]);
  }
  *words = std::move(kept);
  *line_of = std::move(lines);
}

// A line's last word not ending in punctuation, with a "。" right after it
// in the ink (FullStopRightOf) that the model dropped, gets it back.
void RestoreFinalFullStops(Pix* image, double scale, const std::vector<int>& line_of, std::vector<Word>* words) {
  for (size_t i = 0; image && i < words->size(); ++i) {
    if (i + 1 < words->size() && line_of[i + 1] == line_of[i]) continue;
    Word& w = (*words)[i];
    static const std::u32string kMarks = U"。，、；：！？…,.;:!?·";
    if (kMarks.find(LastCodePoint(w.text)) != std::u32string::npos) continue;
    PixelBox mark;
    if (!FullStopRightOf(image, static_cast<int>(std::ceil(w.box.x1 / scale)), static_cast<int>(w.box.y0 / scale),
                         static_cast<int>(w.box.y1 / scale), &mark))
      continue;
    w.text += "。";
    w.char_bytes.push_back(3);
    w.box.x1 = (mark.x + mark.w) * scale;
    SpreadEdgesEvenly(&w);
  }
}

// `image` is the 1-bit image of the page the engine read (for the shapes of
// ≥ / ≤), in the engine's pixel frame; null to skip that.
void CollectWords(tesseract::TessBaseAPI* api, Pix* image, double scale, std::vector<Word>* words,
                  Confidence* total) {
  std::vector<Word> found;
  std::vector<int> line_of;
  std::vector<NumeralCandidate> numerals;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (!it || it->Empty(tesseract::RIL_WORD)) return;
  it->Begin();
  int line_top = 0, line_bottom = 0, line = -1;
  do {
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      int l, t, r, b;
      it->BoundingBox(tesseract::RIL_TEXTLINE, &l, &t, &r, &b);
      line_top = t;
      line_bottom = b;
      ++line;
    }
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
    int l, t, r, b;
    if (!text || text[0] == 0 || !it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b) || r <= l) continue;
    Word w;
    const std::string s = text.get();
    for (Utf8Cursor c(s); !c.Done();) {
      const CodePointSpan cp = c.Next();
      if (cp.value != ' ') {
        w.text.append(s, cp.begin, cp.end - cp.begin);
        w.char_bytes.push_back(static_cast<int>(cp.end - cp.begin));
      }
    }
    if (w.char_bytes.empty()) continue;
    // A "line" of one Chinese character lower than 0.4 of a 10.5-pt em
    // whose ink is smaller than 0.2 of an em both ways is specks the model
    // read as a character (beside a seal's lettering: "10四", the 四 a line
    // 3 px tall).
    if (image && w.char_bytes.size() == 1 && IsHanIdeograph(FirstCodePoint(w.text)) &&
        (line_bottom - line_top) * scale < 0.4 * kBodyEm &&
        InkTooSmallForACharacter(image, {l, line_top, r - l, line_bottom - line_top},
                                 static_cast<int>(0.6 * kBodyEm / scale)))
      continue;
    if (image) {
      std::vector<PixelBox> symbols = SymbolBoxes(*it, w.char_bytes.size());
      for (size_t k = 0; k < 2 && k < symbols.size(); ++k) {
        if (!IsSmallNumeral(GlyphAt(w, k)) || (k == 1 && GlyphAt(w, 0) != "（" && GlyphAt(w, 0) != "(")) continue;
        numerals.push_back({found.size(), k, {symbols[k].x, line_top, symbols[k].w, line_bottom - line_top},
                            line_bottom - line_top});
      }
      std::vector<Box> boxes;
      for (const PixelBox& b : symbols) boxes.push_back({double(b.x), double(b.y), double(b.x + b.w), double(b.y + b.h)});
      std::vector<std::pair<double, double>> runs;  // only a figure's ink is looked at
      if (w.char_bytes.size() > 1 && IsFigureText(w.text))
        for (const auto& [x0, x1] : InkColumnRuns(image, {l, line_top, r - l, line_bottom - line_top}))
          runs.push_back({double(x0), double(x1)});
      DropGlyphsReadTwice(&boxes, &w, runs, line_bottom - line_top);
    }
    // Glyph edges in pixels first, for ComparatorGlyphs; in points below.
    {
      const size_t n = w.char_bytes.size();
      for (size_t k = 0; k <= n; ++k) w.edges.push_back(static_cast<float>(l + (r - l) * double(k) / n));
      ComparatorGlyphs(*it, image, line_top, line_bottom, &w);
      w.edges.clear();
    }
    // The line's band exactly, for every word of it: one baseline for the
    // layout passes (which group words by baseline).
    w.box = {l * scale, line_top * scale, r * scale, line_bottom * scale};
    const size_t n = w.char_bytes.size();
    for (size_t k = 0; k <= n; ++k) w.edges.push_back(static_cast<float>((l + (r - l) * double(k) / n) * scale));
    w.font_size = std::max(1, line_bottom - line_top) * scale;
    w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
    // Tesseract separates Latin words by a space; CJK "words" are cuts of
    // one run of text.
    w.space_after = !JoinsWithoutSpace(FirstCodePoint(w.text));
    total->sum += w.confidence * n;
    total->glyphs += n;
    found.push_back(std::move(w));
    line_of.push_back(line);
  } while (it->Next(tesseract::RIL_WORD));
  // Tesseract may cut one printed line in two (at a seal, a wide gap): the
  // parts then have slightly different bands, and the layout passes, which
  // group words by baseline, would take them for two lines. Lines whose
  // bands overlap mostly and whose words do not overlap across are given
  // their common band.
  {
    const int n = line + 1;
    std::vector<double> top(n, 1e300), bottom(n, -1e300), left(n, 1e300), right(n, -1e300);
    for (size_t i = 0; i < found.size(); ++i) {
      const int l = line_of[i];
      top[l] = std::min(top[l], found[i].box.y0);
      bottom[l] = std::max(bottom[l], found[i].box.y1);
      left[l] = std::min(left[l], found[i].box.x0);
      right[l] = std::max(right[l], found[i].box.x1);
    }
    std::vector<int> group(n);
    for (int i = 0; i < n; ++i) group[i] = i;
    for (int i = 0; i < n; ++i) {
      for (int j = i + 1; j < n && j < i + 8; ++j) {
        const int a = group[i];
        const double overlap = std::min(bottom[a], bottom[j]) - std::max(top[a], top[j]);
        const double h = std::min(bottom[a] - top[a], bottom[j] - top[j]);
        const bool apart = right[j] <= left[a] || left[j] >= right[a];
        if (h > 0 && overlap >= 0.6 * h && apart && group[j] == j) {
          group[j] = a;
          top[a] = std::min(top[a], top[j]);
          bottom[a] = std::max(bottom[a], bottom[j]);
          left[a] = std::min(left[a], left[j]);
          right[a] = std::max(right[a], right[j]);
        }
      }
    }
    for (size_t i = 0; i < found.size(); ++i) {
      const int g = group[line_of[i]];
      found[i].box.y0 = top[g];
      found[i].box.y1 = bottom[g];
      line_of[i] = g;  // one printed line from here on ("自评通知" + "(8分)")
    }
  }
  // A word box that runs into the next word of its line (the LSTM's boxes
  // of CJK chunks often do) ends where the next begins, and its glyph edges
  // are spread again; overlapping words would be taken as drawn twice.
  for (size_t i = 0; i + 1 < found.size(); ++i) {
    Word& a = found[i];
    const Word& b = found[i + 1];
    if (line_of[i] != line_of[i + 1] || b.box.x0 <= a.box.x0) continue;
    // Overlapping boxes end where the next begins; so do boxes a narrow gap
    // apart (the LSTM's boxes of a run of CJK leave irregular gaps, which
    // the layout passes would read as column gutters or cell borders). A
    // gap of an em or more is real and stays.
    const double gap = b.box.x0 - a.box.x1, em = a.box.y1 - a.box.y0;
    if (gap >= 0.8 * em) continue;
    a.box.x1 = b.box.x0;
    SpreadEdgesEvenly(&a);
  }
  RecountNumerals(image, scale, numerals, line_of, &found);  // before words are joined
  RestoreFinalFullStops(image, scale, line_of, &found);
  RecoverComparators(image, scale, &found, &line_of);
  RangeDashesFromInk(image, scale, &found, &line_of);
  for (size_t i = 0; i < found.size(); ++i) {
    Word& w = found[i];
    // A space only between two Latin/digit words of one line.
    w.space_after = i + 1 < found.size() && line_of[i] == line_of[i + 1] &&
                    !JoinsWithoutSpace(LastCodePoint(w.text)) && !JoinsWithoutSpace(FirstCodePoint(found[i + 1].text));
    // A word of digits in which the model saw a letter O (a lone "0" in a
    // table cell is read "O" more often than not): in a report's figures it
    // is a zero.
    bool digits = false, letters_o_only = true;
    for (char c : w.text) {
      if (c >= '0' && c <= '9') digits = true;
      else if (c != 'O' && c != 'o' && c != '.' && c != ',' && c != '%') letters_o_only = false;
    }
    if (letters_o_only && (digits || w.text == "O" || w.text == "o"))
      for (char& c : w.text)
        if (c == 'O' || c == 'o') c = '0';
  }
  DropStrayMarks(&found, &line_of);
  RestoreGlyphsTheModelLacks(&found, line_of);
  FullWidthPunctuation(&found, line_of);
  for (Word& w : found) words->push_back(std::move(w));
}

// A word for a mark found in the image (DashesOrDots): its glyphs spread
// over the ink's box, one line's height around it.
Word MarkWord(const std::string& mark, const PixelBox& ink, double scale) {
  Word w;
  w.text = mark;
  for (size_t i = 0; i < mark.size();) {
    const unsigned char c = mark[i];
    const int n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    w.char_bytes.push_back(n);
    i += n;
  }
  const double em = kBodyEm;
  const double mid = (ink.y + ink.h / 2.0) * scale;
  w.box = {ink.x * scale, mid - em / 2, (ink.x + ink.w) * scale, mid + em / 2};
  SpreadEdgesEvenly(&w);
  w.font_size = em;
  w.confidence = 0.9;  // a shape, not a guess among glyphs
  return w;
}

}  // namespace

Status CheckAvailable(const Settings& settings) {
  auto api = EnginePool::Get().Take(settings);
  if (!api) return Status::Unsupported(kInstallHint);
  EnginePool::Get().Give(settings, std::move(api));
  return Status::Ok();
}

Status ReadImage(Pix* image, int dpi, const Settings& settings, Page* out) {
  const double start = NowSeconds();
  if (!image || dpi <= 0) return Status::InvalidInput("no image to read");
  const double scale = 72.0 / dpi;
  out->width = pixGetWidth(image) * scale;
  out->height = pixGetHeight(image) * scale;
  out->words.clear();
  out->rules.clear();

  PixPtr grey(GreyWithoutSeal(image, &out->seal_pixels));
  if (!grey) return Status::InvalidInput("image cannot be converted");
  Pix* straight_raw = nullptr;
  out->skew_degrees = Deskew(grey.get(), &straight_raw);
  PixPtr straight(straight_raw);
  grey.reset();
  PixPtr binary(Binarize(straight.get()));
  if (!binary) return Status::InvalidInput("image cannot be binarised");
  // Rules at least 0.4 inch long (longer than any character at body sizes),
  // at most 1/30 inch thick (a rule, not a filled box).
  const int max_thickness = std::max(2, dpi / 30), min_length = std::max(8, dpi * 2 / 5);
  Pix* text_raw = nullptr;
  std::vector<Rule> rules = FindRules(binary.get(), min_length, max_thickness, &text_raw);
  pixDestroy(&text_raw);
  // A scan's thin rules are grey, and the threshold made for text breaks
  // some into pieces too short to be rules (two rows of a table then read
  // as one). The faint ink has them whole; of its rules, those of a grid
  // (ending on rules both ways) are taken too, not the strokes of a bold
  // heading that the faint ink runs together.
  {
    PixPtr faint(FaintInk(straight.get()));
    Pix* faint_text = nullptr;
    if (faint) {
      const std::vector<Rule> grid = GridRules(FindRules(faint.get(), min_length, max_thickness, &faint_text),
                                               max_thickness + 4);
      rules.insert(rules.end(), grid.begin(), grid.end());
    }
    pixDestroy(&faint_text);
  }
  // The one row of a table left at a page's foot (continued on the next
  // page) is lower than the shortest vertical rule found above (min_length
  // / 2): its column rules, from 0.15 inch (longer than any stroke of body
  // text), are taken where they run from one horizontal rule to the next,
  // touching both (a character's stroke in a tight row stops a few pixels
  // short).
  {
    auto short_vertical = [&](const Rule& r) { return r.x0 == r.x1 && r.y1 - r.y0 < min_length / 2; };
    Pix* rest = nullptr;
    std::vector<Rule> candidates = rules;
    for (const Rule& r : FindRules(binary.get(), std::max(8, dpi * 3 / 10), max_thickness, &rest))
      if (short_vertical(r)) candidates.push_back(r);
    pixDestroy(&rest);
    for (const Rule& r : GridRules(candidates, 3))
      if (short_vertical(r)) rules.push_back(r);
  }
  PixPtr text(WithoutRules(binary.get(), rules, max_thickness));
  // Tesseract's LSTM reads the grey image (it recognises from the grey
  // pixels when given them, from the bilevel ones otherwise): a binarised
  // JPEG scan has ragged, speckled strokes that it misreads ("62" read "2",
  // one wrong character in a long cell). The grey page gets the same
  // cleaning: the seal is already white, the rules and whatever else the
  // threshold dropped are whitened here.
  PixPtr grey_text(GreyWithoutRules(straight.get(), text.get()));
  straight.reset();
  binary.reset();
  if (!grey_text) return Status::InvalidInput("image cannot be converted");
  for (Rule& r : rules) out->rules.push_back({r.x0 * scale, r.y0 * scale, r.x1 * scale, r.y1 * scale});

  // A page with next to no ink (a blank page, a page of rules only) is not
  // worth Tesseract's layout analysis.
  l_int32 ink = 0;
  pixCountPixels(text.get(), &ink, nullptr);
  if (ink < 50) {
    out->seconds = NowSeconds() - start;
    return Status::Ok();
  }

  if (const char* dir = std::getenv("JIXIAO_OCR_DEBUG_DIR")) {
    // For tuning: the image Tesseract reads.
    static std::atomic<int> n{0};
    pixWrite((std::string(dir) + "/ocr-" + std::to_string(n++) + ".png").c_str(), grey_text.get(), IFF_PNG);
  }
  auto api = EnginePool::Get().Take(settings);
  if (!api) return Status::Unsupported(kInstallHint);
  tesseract::ETEXT_DESC monitor;
  if (settings.deadline > 0) {
    const double left = settings.deadline - NowSeconds();
    if (left <= 0) {
      EnginePool::Get().Give(settings, std::move(api));
      return Status::Timeout("time limit reached before OCR");
    }
    monitor.set_deadline_msecs(static_cast<int32_t>(std::min(left * 1000.0, 2e9)) + 1);
  }
  // Ruled tables are read cell by cell: Tesseract's page layout would run a
  // cell's two lines into the neighbouring cell's one (a header row of
  // 编制数 / 0 beside a centred label) and garble the row. The rest of the
  // page, tables blanked out, is read as a page.
  const int w = pixGetWidth(text.get()), h = pixGetHeight(text.get());
  std::vector<PixelBox> tables;
  const std::vector<PixelBox> cells = TableCells(rules, w, h, dpi / 2, dpi / 8, dpi / 15, &tables);
  PixPtr body(pixCopy(nullptr, text.get()));
  PixPtr grey_body(pixCopy(nullptr, grey_text.get()));
  for (const PixelBox& t : tables) {
    pixRasterop(body.get(), t.x, t.y, t.w, t.h, PIX_CLR, nullptr, 0, 0);
    pixRasterop(grey_body.get(), t.x, t.y, t.w, t.h, PIX_SET, nullptr, 0, 0);  // white
  }
  Confidence conf;
  Status st;
  api->SetPageSegMode(tesseract::PSM_AUTO);
  api->SetImage(grey_body.get());
  api->SetSourceResolution(dpi);
  int rc = api->Recognize(&monitor);
  if (monitor.deadline_exceeded()) st = Status::Timeout("time limit reached during OCR");
  else if (rc != 0) st = Status::Internal("Tesseract could not read the page");
  else CollectWords(api.get(), body.get(), scale, &out->words, &conf);
  if (st.ok() && !cells.empty()) {
    api->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    api->SetImage(grey_text.get());
    api->SetSourceResolution(dpi);
    for (const PixelBox& c : cells) {
      // Inside the rules: 2 px in from each side.
      const int x = c.x + 2, y = c.y + 2, cw = c.w - 4, ch = c.h - 4;
      if (cw <= 4 || ch <= 4) continue;
      BOX* b = boxCreate(x, y, cw, ch);
      l_int32 cell_ink = 0;
      pixCountPixelsInRect(text.get(), b, &cell_ink, nullptr);
      boxDestroy(&b);
      if (cell_ink < 20) continue;
      api->SetRectangle(x, y, cw, ch);
      rc = api->Recognize(&monitor);
      if (monitor.deadline_exceeded()) {
        st = Status::Timeout("time limit reached during OCR");
        break;
      }
      const size_t before = out->words.size();
      if (rc == 0) CollectWords(api.get(), text.get(), scale, &out->words, &conf);
      // Nothing read from ink that is there: a cell of "——" or "……" (the
      // Chinese model has no "—"; dots alone are not taken for text).
      if (rc == 0 && out->words.size() == before) {
        PixelBox ink;
        const std::string mark = DashesOrDots(text.get(), {x, y, cw, ch}, kBodyEm * dpi / 72.0, &ink);
        if (!mark.empty()) out->words.push_back(MarkWord(mark, ink, scale));
      }
      // A line of the cell the grey reading dropped ("建议情况" over "（15分）"
      // came back as "（15分）" alone, and so did that line read alone from
      // the grey page): each run of ink rows at least half an em tall that no
      // word covers is read again as one line, from the bilevel page.
      if (rc == 0 && out->words.size() > before) {
        std::vector<std::pair<int, int>> read;
        for (size_t k = before; k < out->words.size(); ++k)
          read.push_back({static_cast<int>(out->words[k].box.y0 / scale), static_cast<int>(out->words[k].box.y1 / scale) + 1});
        const int em = static_cast<int>(kBodyEm * dpi / 72.0);
        const auto unread = UnreadInkRows(text.get(), {x, y, cw, ch}, read, em / 2);
        if (!unread.empty()) {
          api->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
          api->SetImage(text.get());
          api->SetSourceResolution(dpi);
        }
        for (const auto& [top, bottom] : unread) {
          const int pad = em / 4, t = std::max(y, top - pad), b = std::min(y + ch, bottom + pad);
          api->SetRectangle(x, t, cw, b - t);
          if (api->Recognize(&monitor) == 0) CollectWords(api.get(), text.get(), scale, &out->words, &conf);
          if (monitor.deadline_exceeded()) break;
        }
        if (!unread.empty()) {
          api->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
          api->SetImage(grey_text.get());
          api->SetSourceResolution(dpi);
        }
        if (monitor.deadline_exceeded()) {
          st = Status::Timeout("time limit reached during OCR");
          break;
        }
      }
    }
  }
  out->confidence = conf.glyphs ? conf.sum / conf.glyphs : 0;
  if (std::getenv("JIXIAO_OCR_DEBUG_DIR")) {
    std::fprintf(stderr, "ocr page: %zu words, %zu table cells, %.2f s\n", out->words.size(), cells.size(),
                 NowSeconds() - start);
    for (const Rule& r : out->rules)
      std::fprintf(stderr, "ocr rule [%.1f %.1f %.1f %.1f]\n", r.x0, r.y0, r.x1, r.y1);
    for (const Word& wd : out->words)
      std::fprintf(stderr, "ocr word %s [%.1f %.1f %.1f %.1f] %zu glyphs %zu edges\n", wd.text.c_str(), wd.box.x0,
                   wd.box.y0, wd.box.x1, wd.box.y1, wd.char_bytes.size(), wd.edges.size());
  }
  EnginePool::Get().Give(settings, std::move(api));
  out->seconds = NowSeconds() - start;
  return st;
}

namespace {

// Renders page `number` of doc at dpi into a 32-bit Leptonica image. A page
// too large for that (a 10^9-point page of a hostile file) is rendered at
// less, down to 1/4 of dpi, within 60 million pixels; beyond, not at all.
// *used gets the resolution used.
PixPtr Render(poppler::document* doc, int number, int dpi, int* used = nullptr) {
  std::unique_ptr<poppler::page> page(doc->create_page(number - 1));
  if (!page) return nullptr;
  const poppler::rectf rect = page->page_rect(poppler::crop_box);
  const double w_in = std::fabs(rect.width()) / 72.0, h_in = std::fabs(rect.height()) / 72.0;
  constexpr double kMaxPixels = 60e6;
  double res = dpi;
  if (!(w_in > 0 && h_in > 0 && std::isfinite(w_in * h_in))) return nullptr;
  if (w_in * h_in * res * res > kMaxPixels) res = std::sqrt(kMaxPixels / (w_in * h_in));
  if (res < dpi / 4.0) return nullptr;
  dpi = static_cast<int>(res);
  if (used) *used = dpi;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  renderer.set_paper_color(0xffffffff);
  poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) return nullptr;
  const int w = img.width(), h = img.height();
  PixPtr pix(pixCreate(w, h, 32));
  if (!pix) return nullptr;
  pixSetResolution(pix.get(), dpi, dpi);
  l_uint32* dst = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  const char* src = img.const_data();
  for (int y = 0; y < h; ++y) {
    const uint32_t* s = reinterpret_cast<const uint32_t*>(src + static_cast<size_t>(y) * img.bytes_per_row());
    l_uint32* d = dst + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) d[x] = (s[x] << 8) | 0xff;  // 0xAARRGGBB -> 0xRRGGBBAA
  }
  return pix;
}

}  // namespace

Status InkOutsideText(const std::string& path, const std::vector<int>& numbers,
                      const std::vector<std::vector<Box>>& text_boxes, std::vector<double>* shares) {
  shares->assign(numbers.size(), 0.0);
  if (numbers.empty()) return Status::Ok();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc || doc->is_locked()) return Status::InvalidInput("the PDF cannot be rendered");
  constexpr int kDpi = 36;
  for (size_t i = 0; i < numbers.size(); ++i) {
    int used = kDpi;
    PixPtr pix = Render(doc.get(), numbers[i], kDpi, &used);
    if (!pix) continue;
    const double kScale = used / 72.0;
    PixPtr grey(pixConvertRGBToLuminance(pix.get()));
    if (!grey) continue;
    PixPtr bin(pixThresholdToBinary(grey.get(), 200));
    if (!bin) continue;
    // Blank out the text layer's words (grown by 2 px at this resolution:
    // anti-aliasing and glyphs overhanging their boxes).
    for (const Box& b : i < text_boxes.size() ? text_boxes[i] : std::vector<Box>()) {
      const int x0 = static_cast<int>(b.x0 * kScale) - 2, y0 = static_cast<int>(b.y0 * kScale) - 2;
      const int x1 = static_cast<int>(b.x1 * kScale) + 3, y1 = static_cast<int>(b.y1 * kScale) + 3;
      if (x1 > x0 && y1 > y0) pixRasterop(bin.get(), x0, y0, x1 - x0, y1 - y0, PIX_CLR, nullptr, 0, 0);
    }
    l_int32 ink = 0;
    pixCountPixels(bin.get(), &ink, nullptr);
    const double area = static_cast<double>(pixGetWidth(bin.get())) * pixGetHeight(bin.get());
    (*shares)[i] = area > 0 ? ink / area : 0;
  }
  return Status::Ok();
}

void DropGlyphsReadTwice(std::vector<Box>* boxes, Word* w, const std::vector<std::pair<double, double>>& ink_runs,
                         double line_height) {
  if (boxes->size() != w->char_bytes.size()) return;
  // A figure whose ink has fewer runs of inked columns than it has glyphs,
  // though no run is wide enough for two (a digit is about half an em
  // wide, the line's band about an em), has a glyph read twice.
  bool figure = !ink_runs.empty() && IsFigureText(w->text);
  for (const auto& [x0, x1] : ink_runs) figure = figure && x1 - x0 < 0.9 * line_height;
  auto surplus = [&] { return figure && ink_runs.size() < boxes->size(); };
  auto digit = [](const std::string& g) { return g.size() == 1 && g[0] >= '0' && g[0] <= '9'; };
  auto letter = [](const std::string& g) { return g.size() == 1 && std::isalpha(static_cast<unsigned char>(g[0])); };
  for (size_t k = 1; k < boxes->size(); ++k) {
    const std::string first = GlyphAt(*w, k - 1), second = GlyphAt(*w, k);
    size_t drop;
    if (digit(first) && second == "%") drop = k - 1;
    else if ((first == "%" && second == "%") || (digit(first) && letter(second))) drop = k;
    else if (digit(first) && digit(second) && surplus()) drop = k;
    else continue;
    const Box& a = (*boxes)[k - 1];
    const Box& b = (*boxes)[k];
    const double overlap = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
    const double narrower = std::min(a.x1 - a.x0, b.x1 - b.x0);
    if (narrower <= 0 || overlap < 0.6 * narrower) continue;
    EraseGlyph(w, drop);
    boxes->erase(boxes->begin() + drop);
    --k;
  }
}

void DropStrayMarks(std::vector<Word>* words, std::vector<int>* line_of) {
  std::vector<Word> kept;
  std::vector<int> lines;
  for (size_t i = 0; i < words->size(); ++i) {
    const Word& w = (*words)[i];
    const double em = w.box.y1 - w.box.y0;
    const bool mark = w.text == "." || w.text == "," || w.text == "'" || w.text == "`" || w.text == "·";
    bool alone = mark;
    if (mark && i > 0 && (*line_of)[i - 1] == (*line_of)[i]) alone = w.box.x0 - (*words)[i - 1].box.x1 >= em;
    if (alone && i + 1 < words->size() && (*line_of)[i + 1] == (*line_of)[i])
      alone = (*words)[i + 1].box.x0 - w.box.x1 >= em;
    if (alone) continue;
    kept.push_back(w);
    lines.push_back((*line_of)[i]);
  }
  *words = std::move(kept);
  *line_of = std::move(lines);
}

int RenderDpi(int settings_dpi, int image_dpi) {
  if (image_dpi <= settings_dpi) return settings_dpi;
  if (image_dpi <= 400) return image_dpi;
  const int factor = (image_dpi + 399) / 400;
  return std::max(settings_dpi, image_dpi / factor);
}

Status ReadPdfPages(const std::string& path, const std::vector<int>& numbers,
                    const Settings& settings, int threads, std::vector<Page>* out,
                    const std::vector<int>& image_dpis) {
  out->clear();
  if (numbers.empty()) return Status::Ok();
  Status avail = CheckAvailable(settings);
  if (!avail.ok()) return avail;
  std::vector<Page> pages(numbers.size());
  std::vector<Status> results(numbers.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  auto worker = [&] {
    // poppler-cpp documents are not shared between threads.
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
    for (;;) {
      const size_t i = next.fetch_add(1);
      if (i >= numbers.size() || stop.load()) return;
      if (!doc || doc->is_locked()) {
        results[i] = Status::InvalidInput("the PDF cannot be rendered for OCR");
        stop = true;
        return;
      }
      int dpi = RenderDpi(settings.dpi > 0 ? settings.dpi : 250, i < image_dpis.size() ? image_dpis[i] : 0);
      if (const char* d = std::getenv("JIXIAO_OCR_DPI")) dpi = std::clamp(std::atoi(d), 72, 600);  // tuning
      PixPtr pix = Render(doc.get(), numbers[i], dpi, &dpi);
      if (!pix) {
        results[i] = Status::InvalidInput("page " + std::to_string(numbers[i]) + " cannot be rendered");
        continue;
      }
      pages[i].number = numbers[i];
      pages[i].dpi = dpi;
      results[i] = ReadImage(pix.get(), dpi, settings, &pages[i]);
      if (results[i].code() == Status::Code::kTimeout) stop = true;
    }
  };
  const int n = std::clamp(threads, 1, static_cast<int>(std::min<size_t>(numbers.size(), 16)));
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  // Pages in order up to the first that was not read; its status tells why.
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (!results[i].ok()) return results[i];
    if (pages[i].number == 0) break;  // not reached: another page stopped the work
    out->push_back(std::move(pages[i]));
  }
  for (const Status& r : results)
    if (!r.ok()) return r;
  return Status::Ok();
}

}  // namespace jixiao::ocr
