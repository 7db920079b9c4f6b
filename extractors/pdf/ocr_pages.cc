// Pages read by OCR inside the PDF back-end: the decision, the OCR run, the
// merge of OCR'd words with the text layer, and the provenance marks.
// Covered by tests/ocr_cli_test.cc (scans, a PDF without /ToUnicode, a
// stamped scan) and pdf_test.cc (hostile pages are not rendered).
#include "extractors/pdf/ocr_pages.h"
#include "pipeline/model/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <thread>

namespace jixiao::pdf {

namespace {

// A page with fewer glyphs than this may be a scan carrying a stamp line or
// a scanner app's caption; its ink decides (a cover page of text has its ink
// inside its words).
constexpr size_t kFewGlyphs = 200;
// Ink outside the text layer's words, as a share of the page, above which
// the page holds an image worth reading (a scanned page of text: 5-15%; a
// cover page of text only: well under 0.5%; a logo: about 1%).
constexpr double kImageInk = 0.02;
// A page drawing more ruling segments than this is not a scan (a dense
// table has a few hundred).
constexpr size_t kMaxSegments = 3000;
// Garbled glyphs above this share of a page make it an OCR page.
constexpr double kGarbledShare = 0.02;

bool Overlaps(const Box& a, const Box& b, double fraction) {
  const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
  const double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  if (w <= 0 || h <= 0) return false;
  const double area = std::max(1e-6, (a.x1 - a.x0) * (a.y1 - a.y0));
  return w * h >= fraction * area;
}

bool Inside(const Box& outer, const Box& inner) {
  const double cx = (inner.x0 + inner.x1) / 2, cy = (inner.y0 + inner.y1) / 2;
  return cx >= outer.x0 && cx <= outer.x1 && cy >= outer.y0 && cy <= outer.y1;
}

}  // namespace

bool ImplausibleCodePoint(char32_t c) {
  return c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000) ||
         (c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0);
}

bool GarbledWord(const Word& w) {
  if (w.unmapped_font) return true;
  size_t pos = 0;
  for (int len : w.char_bytes) {
    if (ImplausibleCodePoint(FirstCodePoint(w.text.substr(pos, len)))) return true;
    pos += len;
  }
  return false;
}

PageText CountText(const PageContent& page) {
  PageText t;
  for (const Word& w : page.words) {
    t.glyphs += w.char_bytes.size();
    if (GarbledWord(w)) t.garbled += w.char_bytes.size();
  }
  return t;
}

bool MayNeedOcr(const PageContent& page, const ExtractOptions& opts) {
  if (opts.ocr == ExtractOptions::Ocr::kOff) {
    // Garbled text is never used, OCR or not.
    const PageText t = CountText(page);
    return t.garbled > kGarbledShare * t.glyphs;
  }
  if (opts.ocr == ExtractOptions::Ocr::kForce) return true;
  // Thousands of drawn paths are vector art (or a hostile page), not a scan;
  // rendering them would cost more than the page is worth.
  if (page.segments.size() > kMaxSegments) return false;
  const PageText t = CountText(page);
  return t.glyphs < kFewGlyphs || t.garbled > kGarbledShare * t.glyphs;
}

std::vector<int> PagesNeedingOcr(const std::string& path, const std::vector<PageContent>& pages,
                                 const ExtractOptions& opts) {
  std::vector<int> out;
  if (opts.ocr == ExtractOptions::Ocr::kOff) {
    for (const PageContent& p : pages)
      if (MayNeedOcr(p, opts)) out.push_back(p.number);
    return out;
  }
  std::vector<int> ink_pages;
  std::vector<std::vector<Box>> ink_boxes;
  for (const PageContent& p : pages) {
    const PageText t = CountText(p);
    if (opts.ocr == ExtractOptions::Ocr::kForce || t.glyphs == 0 ||
        t.garbled > kGarbledShare * t.glyphs) {
      out.push_back(p.number);
    } else if (t.glyphs < kFewGlyphs && !p.rotated) {
      ink_pages.push_back(p.number);
      ink_boxes.emplace_back();
      for (const Word& w : p.words) ink_boxes.back().push_back(w.box);
    }
  }
  if (!ink_pages.empty()) {
    std::vector<double> shares;
    if (ocr::InkOutsideText(path, ink_pages, ink_boxes, &shares).ok()) {
      for (size_t i = 0; i < ink_pages.size(); ++i)
        if (shares[i] > kImageInk) out.push_back(ink_pages[i]);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

size_t MergeOcr(const ocr::Page& scanned, bool force, PageContent* page,
                std::vector<ocr::Word>* ocr_words) {
  std::vector<Word> kept;
  std::vector<Box> garbled;
  if (!force) {
    for (Word& w : page->words) {
      if (GarbledWord(w)) garbled.push_back(w.box);
      else kept.push_back(std::move(w));
    }
  }
  size_t added = 0;
  for (const ocr::Word& o : scanned.words) {
    // The text layer wins where it has good words: OCR only fills the rest.
    bool covered = false;
    for (const Word& k : kept) {
      if (Overlaps(o.box, k.box, 0.3)) {
        covered = true;
        break;
      }
    }
    if (covered) continue;
    Word w;
    w.text = o.text;
    w.box = o.box;
    w.edges = o.edges;
    w.char_bytes = o.char_bytes;
    w.font_size = o.font_size;
    w.space_after = o.space_after;
    kept.push_back(std::move(w));
    ocr_words->push_back(o);
    ++added;
  }
  page->words = std::move(kept);
  // Rules: a scanned page has none in its content; a text page keeps its own.
  if (page->segments.empty() || force) {
    page->segments.clear();
    for (const ocr::Rule& r : scanned.rules) page->segments.push_back({r.x0, r.y0, r.x1, r.y1});
  }
  if (page->width <= 0) page->width = scanned.width;
  if (page->height <= 0) page->height = scanned.height;
  return added;
}

namespace {

// Mean confidence of the OCR'd words of `words` whose centre is in `box`,
// weighted by glyphs; false when none is.
bool ConfidenceIn(const std::vector<ocr::Word>& words, const Box& box, double* conf) {
  double sum = 0;
  size_t n = 0;
  for (const ocr::Word& w : words) {
    if (!Inside(box, w.box)) continue;
    sum += w.confidence * w.char_bytes.size();
    n += w.char_bytes.size();
  }
  if (n == 0) return false;
  *conf = sum / n;
  return true;
}

void Mark(const std::map<int, std::vector<ocr::Word>>& words, Provenance* prov) {
  if (!prov->box || prov->page < 1) return;
  auto it = words.find(prov->page);
  if (it == words.end()) return;
  double conf;
  if (ConfidenceIn(it->second, *prov->box, &conf)) {
    prov->ocr = true;
    prov->ocr_confidence = conf;
  }
}

}  // namespace

void MarkOcr(const std::map<int, std::vector<ocr::Word>>& words, Document* doc) {
  if (words.empty()) return;
  for (Block& b : doc->blocks) {
    Mark(words, &b.prov);
    if (b.kind != BlockKind::kTable) continue;
    Mark(words, &b.table.prov);
    bool any = false;
    double sum = 0;
    for (Cell& c : b.table.cells) {
      Mark(words, &c.prov);
      if (c.prov.ocr) {
        any = true;
        sum += c.prov.ocr_confidence;
      }
    }
    if (any && !b.prov.ocr) {
      b.prov.ocr = true;
      b.prov.ocr_confidence = sum / b.table.cells.size();
    }
  }
}

std::string PageList(const std::vector<int>& pages) {
  std::string list;
  for (size_t i = 0; i < pages.size() && i < 20; ++i) list += (i ? ", " : "") + std::to_string(pages[i]);
  if (pages.size() > 20) list += ", ...";
  return list;
}

OcrOutcome ReadPendingPages(const std::string& path, const ExtractOptions& opts, double deadline,
                            std::vector<PageContent>* pending, Document* doc) {
  OcrOutcome out;
  if (pending->empty()) return out;
  std::vector<int> need = PagesNeedingOcr(path, *pending, opts);
  std::vector<ocr::Page> scanned;
  Status st;
  if (!need.empty() && opts.ocr == ExtractOptions::Ocr::kOff) {
    st = Status::Unsupported("fonts without a usable Unicode mapping, and OCR is off (--ocr off)");
  } else if (!need.empty()) {
    ocr::Settings settings;
    settings.deadline = deadline;
    int threads = opts.ocr_threads > 0 ? opts.ocr_threads
                                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<int> image_dpis;
    for (int n : need) {
      auto page = std::find_if(pending->begin(), pending->end(), [n](const PageContent& p) { return p.number == n; });
      image_dpis.push_back(page != pending->end() ? page->image_dpi : 0);
    }
    st = ocr::ReadPdfPages(path, need, settings, threads, &scanned, image_dpis);
  }
  std::map<int, const ocr::Page*> by_number;
  for (const ocr::Page& p : scanned) by_number[p.number] = &p;
  double conf_sum = 0;
  size_t conf_n = 0;
  std::set<int> dpis;
  for (PageContent& page : *pending) {
    auto it = by_number.find(page.number);
    if (it != by_number.end()) {
      std::vector<ocr::Word>& kept = out.words[page.number];
      MergeOcr(*it->second, opts.ocr == ExtractOptions::Ocr::kForce, &page, &kept);
      out.read.push_back(page.number);
      dpis.insert(it->second->dpi);
      for (const ocr::Word& w : kept) {
        conf_sum += w.confidence * w.char_bytes.size();
        conf_n += w.char_bytes.size();
      }
      continue;
    }
    if (!std::binary_search(need.begin(), need.end(), page.number)) continue;
    // Needed OCR, not read: keep only the usable words.
    std::erase_if(page.words, [](const Word& w) { return GarbledWord(w); });
    if (st.code() == Status::Code::kUnsupported && opts.ocr != ExtractOptions::Ocr::kOff)
      out.unavailable.push_back(page.number);
    out.unreadable.push_back(page.number);
  }
  if (st.code() == Status::Code::kTimeout) out.timed_out = true;
  out.reason = st.ok() ? "" : st.code() == Status::Code::kUnsupported ? st.message() : "OCR failed: " + st.message();
  if (!out.read.empty()) {
    char conf[32];
    std::snprintf(conf, sizeof conf, "%.2f", conf_n ? conf_sum / conf_n : 0.0);
    doc->AddDiagnostic(Diagnostic::Severity::kInfo, "pdf_ocr",
                       "page(s) " + PageList(out.read) + " read by OCR at " + PageList({dpis.begin(), dpis.end()}) +
                           " dpi (mean confidence " + conf + ")");
  }
  if (!out.unreadable.empty() && !out.timed_out)
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_needs_ocr",
                       "page(s) " + PageList(out.unreadable) +
                           " have no usable text layer (scanned, or fonts without a Unicode mapping) and "
                           "were not read: " + out.reason);
  return out;
}

}  // namespace jixiao::pdf

