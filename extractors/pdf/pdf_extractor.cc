// The edge of the PDF back-end: opens the file with poppler (libpoppler
// private API), maps poppler's errors to Status, runs the passes page by page
// under the time limit, and catches anything poppler throws. Covered by
// pdf_test.cc and pdf_bad_input_test.cc.
#include "extractors/pdf/pdf_extractor.h"

#include <poppler/Error.h>
#include <poppler/ErrorCodes.h>
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/goo/GooString.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>

#include "extractors/pdf/layout.h"
#include "extractors/pdf/ocr_pages.h"
#include "extractors/pdf/text_collect.h"
#include "pipeline/model/source_info.h"

namespace jixiao {

namespace {

// Poppler reports problems through one process-wide callback; each thread
// points it at the document it is reading.
struct ErrorSink {
  int count = 0;
  std::string first;
  bool page_tree_loop = false;
};
thread_local ErrorSink* t_sink = nullptr;

void OnPopplerError(ErrorCategory category, Goffset pos, const char* msg) {
  if (!t_sink || !msg) return;
  if (category == errInternal || category == errSyntaxError || category == errSyntaxWarning ||
      category == errIO) {
    if (t_sink->count++ == 0) t_sink->first = msg;
    if (std::strstr(msg, "Loop in Pages tree")) t_sink->page_tree_loop = true;
  }
}

void InitPoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    static GlobalParamsIniter initer(OnPopplerError);
    setErrorCallback(OnPopplerError);
  });
}

Status Fail(Document* doc, Status s) {
  doc->status = DocumentStatus::kFailed;
  doc->status_reason = s.message();
  return s;
}

// Calls `image` with the dictionary of each image XObject page `p` names,
// or a form it draws names (two levels down), until it returns false.
void ForEachImage(PDFDoc* pdf, int p, const std::function<bool(Dict*)>& image) {
  Page* page = pdf->getPage(p);
  Dict* res = page ? page->getResourceDict() : nullptr;
  if (!res) return;
  std::function<bool(Dict*, int)> visit = [&](Dict* r, int depth) {
    Object xobjects = r->lookup("XObject");
    if (!xobjects.isDict()) return true;
    Dict* d = xobjects.getDict();
    for (int i = 0; i < d->getLength() && i < 1000; ++i) {
      Object x = d->getVal(i);
      if (!x.isStream()) continue;
      Dict* xd = x.streamGetDict();
      Object subtype = xd->lookup("Subtype");
      if (subtype.isName("Image") && !image(xd)) return false;
      if (subtype.isName("Form") && depth < 2) {
        Object inner = xd->lookup("Resources");
        if (inner.isDict() && !visit(inner.getDict(), depth + 1)) return false;
      }
    }
    return true;
  };
  visit(res, 0);
}

// True when page `p` (or a form it draws) names an image XObject: a page
// without text that has one may be a scan; one without any image has
// nothing OCR could read.
bool PageHasImage(PDFDoc* pdf, int p) {
  bool any = false;
  ForEachImage(pdf, p, [&](Dict*) {
    any = true;
    return false;  // one is enough
  });
  return any;
}

// The resolution of the image that fills page `p` (a scan), in pixels per
// inch; 0 when none does. An image fills the page when its shape is the
// page's (within 3%, either way round) and it is the largest the page or a
// form on it names: scanner apps draw the scan over the whole page.
int FullPageImageDpi(PDFDoc* pdf, int p) {
  double pw = pdf->getPageMediaWidth(p), ph = pdf->getPageMediaHeight(p);
  if (!(pw > 1 && ph > 1 && pw < 1e5 && ph < 1e5)) return 0;
  if (pw < ph) std::swap(pw, ph);
  long best_w = 0, best_h = 0;
  ForEachImage(pdf, p, [&](Dict* xd) {
    Object w = xd->lookup("Width"), h = xd->lookup("Height");
    if (!w.isInt() || !h.isInt() || w.getInt() <= 0 || h.getInt() <= 0) return true;
    long iw = std::max(w.getInt(), h.getInt()), ih = std::min(w.getInt(), h.getInt());
    if (iw * ih > best_w * best_h) best_w = iw, best_h = ih;
    return true;
  });
  if (best_w == 0) return 0;
  const double image_shape = double(best_w) / best_h, page_shape = pw / ph;
  if (std::fabs(image_shape / page_shape - 1) > 0.03) return 0;
  return static_cast<int>(std::lround(best_w * 72.0 / pw));
}

// Why a PDF gave no text at all, when it is not that its pages are images
// (OCR's case): text placed out of range (a page of 10^9 points), a damaged
// page tree, a file damaged beyond its text. With `blank`, also pages with
// neither text nor images. Empty: none of these.
std::string NoTextReason(PDFDoc* pdf, int last, const ErrorSink& sink, bool reconstructed, size_t missing_pages,
                         size_t out_of_range_words, bool size_out_of_range, bool blank) {
  if (out_of_range_words > 0)
    return "PDF 页面上的文字位置超出范围（页面尺寸超过 10^7 pt，PDF 规范上限为 14400 pt），" +
           std::to_string(out_of_range_words) + " 个词无法定位，未读取（text placed out of range" +
           (size_out_of_range ? ": page size out of range" : "") + "）";
  bool images = false;
  for (int p = 1; p <= last && p <= 200 && !images; ++p) images = PageHasImage(pdf, p);
  if (images) return "";
  if (sink.page_tree_loop || missing_pages > 0)
    return "PDF 的页面树已损坏（" + std::string(sink.page_tree_loop ? "页面树中有循环" : "有页面无法读取") +
           "），未读出任何文字（damaged page tree" + (sink.page_tree_loop ? ": loop in the Pages tree" : "") + "）";
  if (reconstructed || sink.count > 0)
    return "PDF 文件已损坏，未能读出任何文字（damaged PDF: " + std::to_string(sink.count) +
           " syntax problem(s)" + (sink.first.empty() ? "" : ", first: " + sink.first) +
           (reconstructed ? "; the cross-reference table was rebuilt" : "") + "）";
  if (blank)
    return "PDF 的页面上没有文字层，也没有图像（空白页，或文字已转为曲线），没有可检查的内容"
           "（no text layer and no images）";
  return "";
}

Status ExtractImpl(const std::string& path, const ExtractOptions& opts, Document* doc) {
  doc->source.format = "pdf";
  Status s = ReadSourceInfo(path, &doc->source);
  if (!s.ok()) return Fail(doc, s);
  InitPoppler();
  ErrorSink sink;
  t_sink = &sink;
  struct Reset { ~Reset() { t_sink = nullptr; } } reset;

  bool reconstructed = false;
  auto pdf = std::make_unique<PDFDoc>(std::make_unique<GooString>(path), std::optional<GooString>(),
                                      std::optional<GooString>(), nullptr,
                                      [&reconstructed] { reconstructed = true; });
  if (!pdf->isOk()) {
    switch (pdf->getErrorCode()) {
      case errEncrypted:
        return Fail(doc, Status::Unsupported("PDF is password-protected"));
      case errOpenFile:
        return Fail(doc, Status::IoError("cannot open " + path));
      default:
        return Fail(doc, Status::InvalidInput("PDF 文件已损坏，无法修复，未能读出任何文字（not a PDF or damaged beyond repair, poppler error " +
                                              std::to_string(pdf->getErrorCode()) + "）"));
    }
  }
  if (reconstructed)
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_xref_repaired",
                       "the cross-reference table was damaged and has been rebuilt");
  if (pdf->isEncrypted())
    doc->AddDiagnostic(Diagnostic::Severity::kInfo, "pdf_encrypted",
                       "encrypted with an owner password only; read without a password");
  int pages = pdf->getNumPages();
  if (pages <= 0) return Fail(doc, Status::InvalidInput("PDF has no pages"));
  doc->source.page_count = pages;
  int last = pages;
  if (opts.max_pages > 0 && opts.max_pages < pages) {
    last = opts.max_pages;
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_max_pages",
                       "only the first " + std::to_string(last) + " of " +
                           std::to_string(pages) + " pages were read");
  }

  pdf::CollectLimits limits;
  if (opts.time_limit_seconds > 0) limits.deadline = pdf::NowSeconds() + opts.time_limit_seconds;
  pdf::PageCollector collector;
  std::vector<pdf::PageLayout> layouts;
  layouts.reserve(last);
  size_t chars = 0, unmapped = 0;
  bool truncated = false, timed_out = false;
  // Pages that may need OCR wait here until the whole text layer is read.
  std::vector<pdf::PageContent> pending;
  std::vector<size_t> pending_slot;
  size_t missing_pages = 0, out_of_range_words = 0;
  bool size_out_of_range = false;
  for (int p = 1; p <= last; ++p) {
    if (limits.deadline > 0 && pdf::NowSeconds() > limits.deadline) {
      timed_out = true;
      break;
    }
    pdf::PageContent page;
    bool in_time = collector.Collect(pdf.get(), p, limits, &page, &truncated);
    if (!in_time) {
      timed_out = true;
      break;
    }
    if (!pdf->getPage(p)) ++missing_pages;
    out_of_range_words += page.words_out_of_range;
    size_out_of_range = size_out_of_range || page.size_out_of_range;
    const pdf::PageText text = pdf::CountText(page);
    chars += text.glyphs;
    unmapped += text.garbled;
    layouts.emplace_back();
    // A page whose text is out of range is not rendered for OCR either.
    if (page.words_out_of_range == 0 && !page.size_out_of_range && pdf::MayNeedOcr(page, opts)) {
      pending.push_back(std::move(page));
      pending_slot.push_back(layouts.size() - 1);
      continue;
    }
    pdf::LayoutPage(page, &layouts.back());
  }
  if (sink.count > 0)
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_syntax_errors",
                       std::to_string(sink.count) + " PDF syntax problems worked around; first: " +
                           sink.first);
  if (truncated)
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_page_limit",
                       "a page held more words, lines, glyphs or drawing operators than the safety bound "
                       "(a form XObject drawn thousands of times?); the rest of the page was dropped");

  // OCR of the pages that need it; the others stay as their text layer.
  for (pdf::PageContent& page : pending) page.image_dpi = FullPageImageDpi(pdf.get(), page.number);
  pdf::OcrOutcome ocr = pdf::ReadPendingPages(path, opts, limits.deadline, &pending, doc);
  for (size_t i = 0; i < pending.size(); ++i) {
    pdf::PageLayout& layout = layouts[pending_slot[i]];
    pdf::LayoutPage(pending[i], &layout);
    layout.ocr = std::find(ocr.read.begin(), ocr.read.end(), pending[i].number) != ocr.read.end();
  }
  size_t words = 0;
  std::vector<int> empty_pages;
  for (const pdf::PageLayout& l : layouts) {
    words += l.lines.size() + l.tables.size();
    if (l.lines.empty() && l.tables.empty()) empty_pages.push_back(l.number);
  }
  if (ocr.timed_out) timed_out = true;
  pending.clear();

  if (words == 0 && !timed_out) {
    if (chars == 0) {
      const std::string why = NoTextReason(pdf.get(), last, sink, reconstructed, missing_pages, out_of_range_words,
                                           size_out_of_range, /*blank=*/ocr.unavailable.empty());
      if (!why.empty()) return Fail(doc, Status::InvalidInput(why));
    }
    if (!ocr.unavailable.empty()) {
      Fail(doc, Status::Unsupported(ocr.reason));
      doc->status = DocumentStatus::kSkipped;
      return Status::Unsupported(ocr.reason);
    }
    if (chars > 0 && !ocr.unreadable.empty())
      return Fail(doc, Status::Unsupported("no usable text layer (" + ocr.reason + "): needs OCR"));
    return Fail(doc, Status::Unsupported("no text layer (scanned PDF): needs OCR"));
  }
  if (words > 0 && !empty_pages.empty()) {
    // A mixed document: some pages (attachments, often) may be scans.
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_pages_without_text",
                       std::to_string(empty_pages.size()) +
                           " page(s) have no text layer (blank or scanned): " + pdf::PageList(empty_pages));
  }
  if (chars > 0 && unmapped * 10 > chars && ocr.unreadable.empty() && ocr.read.empty())
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_text_unmapped",
                       std::to_string(unmapped * 100 / chars) +
                           "% of the characters have no Unicode mapping (font without ToUnicode); "
                           "the text may be unreadable");

  pdf::RemovePageFurniture(&layouts, doc);
  std::vector<std::vector<pdf::PageItem>> items;
  items.reserve(layouts.size());
  for (pdf::PageLayout& l : layouts) {
    items.push_back(pdf::BuildPageItems(l));
    l = pdf::PageLayout();
  }
  pdf::AppendPages(std::move(items), doc);
  pdf::MarkOcr(ocr.words, doc);
  if (doc->blocks.empty() && !timed_out) {
    // Every line was page furniture: a scanner app's stamp over page images
    // is not a report that has nothing to check.
    if (!ocr.unavailable.empty()) {
      Fail(doc, Status::Unsupported(ocr.reason));
      doc->status = DocumentStatus::kSkipped;
      return Status::Unsupported(ocr.reason);
    }
    return Fail(doc, Status::Unsupported(
                         "no text besides page furniture (headers, footers, stamps): needs OCR"));
  }

  if (timed_out) {
    doc->status = DocumentStatus::kPartial;
    char secs[32];
    std::snprintf(secs, sizeof secs, "%g", opts.time_limit_seconds);
    const std::string read = layouts.size() > 1 ? "pages 1-" + std::to_string(layouts.size())
                                                : "page " + std::to_string(layouts.size());
    if (ocr.timed_out)
      doc->status_reason = std::string("time limit of ") + secs + " s reached during OCR: page(s) " +
                           pdf::PageList(ocr.unreadable) + " not read";
    else
      doc->status_reason = std::string("time limit of ") + secs + " s reached at page " +
                           std::to_string(layouts.size() + 1) + " of " + std::to_string(pages) + ": " +
                           (layouts.empty() ? "no text read" : "text of " + read + " only");
    return Status::Timeout(doc->status_reason);
  }
  doc->status = (last < pages || truncated) ? DocumentStatus::kPartial : DocumentStatus::kOk;
  if (doc->status == DocumentStatus::kPartial)
    doc->status_reason = truncated ? "页面内容超出安全上限（字形、词、线条或绘图操作过多，如一个表单XObject被引用上千次），"
                                     "超出部分未读取（page content over the safety bound）"
                                   : "只读取了前 " + std::to_string(last) + " 页（共 " + std::to_string(pages) + " 页）";
  if (!ocr.unreadable.empty()) {
    // Text that could not be read (scanned pages without OCR, garbled glyphs
    // OCR could not replace) was left out: the document is screened on the
    // rest, and the checks that need the whole document are skipped.
    doc->status = DocumentStatus::kPartial;
    doc->status_reason = "page(s) " + pdf::PageList(ocr.unreadable) + " not read: " + ocr.reason;
  }
  return Status::Ok();
}

}  // namespace

Status ExtractPdf(const std::string& path, const ExtractOptions& opts, Document* doc) {
  try {
    return ExtractImpl(path, opts, doc);
  } catch (const std::bad_alloc&) {
    return Fail(doc, Status::LimitExceeded("out of memory reading the PDF"));
  } catch (const std::exception& e) {
    return Fail(doc, Status::Internal(std::string("PDF reader failed: ") + e.what()));
  } catch (...) {
    return Fail(doc, Status::Internal("PDF reader failed"));
  }
}

}  // namespace jixiao
