// The edge of the PDF back-end: opens the file with poppler (libpoppler
// private API), maps poppler's errors to Status, runs the passes page by page
// under the time limit, and catches anything poppler throws. Covered by
// pdf_test.cc and pdf_bad_input_test.cc.
#include "extractors/pdf/pdf_extractor.h"

#include <poppler/Error.h>
#include <poppler/ErrorCodes.h>
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/goo/GooString.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <new>

#include "extractors/pdf/layout.h"
#include "extractors/pdf/text_collect.h"
#include "pipeline/model/source_info.h"

namespace jixiao {

namespace {

// Poppler reports problems through one process-wide callback; each thread
// points it at the document it is reading.
struct ErrorSink {
  int count = 0;
  std::string first;
};
thread_local ErrorSink* t_sink = nullptr;

void OnPopplerError(ErrorCategory category, Goffset pos, const char* msg) {
  if (!t_sink || !msg) return;
  if (category == errInternal || category == errSyntaxError || category == errSyntaxWarning ||
      category == errIO) {
    if (t_sink->count++ == 0) t_sink->first = msg;
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
        return Fail(doc, Status::InvalidInput("not a PDF or damaged beyond repair (poppler error " +
                                              std::to_string(pdf->getErrorCode()) + ")"));
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
  size_t words = 0, chars = 0, unmapped = 0;
  std::vector<int> empty_pages;
  bool truncated = false, timed_out = false;
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
    words += page.words.size();
    if (page.words.empty()) empty_pages.push_back(p);
    for (const pdf::Word& w : page.words) {
      size_t pos = 0;
      for (int len : w.char_bytes) {
        char32_t c = pdf::FirstCodePoint(w.text.substr(pos, len));
        unmapped += c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || (c < 0x20 && c != '\t');
        ++chars;
        pos += len;
      }
    }
    layouts.emplace_back();
    pdf::LayoutPage(page, &layouts.back());
  }
  if (sink.count > 0)
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_syntax_errors",
                       std::to_string(sink.count) + " PDF syntax problems worked around; first: " +
                           sink.first);
  if (truncated)
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_page_limit",
                       "a page held more words or lines than the safety bound; the rest was dropped");
  if (words == 0 && !timed_out)
    return Fail(doc, Status::Unsupported("no text layer (scanned PDF): needs OCR"));
  if (words > 0 && !empty_pages.empty()) {
    // A mixed document: some pages (attachments, often) may be scans.
    std::string list;
    for (size_t i = 0; i < empty_pages.size() && i < 20; ++i)
      list += (i ? ", " : "") + std::to_string(empty_pages[i]);
    if (empty_pages.size() > 20) list += ", ...";
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "pdf_pages_without_text",
                       std::to_string(empty_pages.size()) +
                           " page(s) have no text layer (blank or scanned): " + list);
  }
  if (chars > 0 && unmapped * 10 > chars)
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

  if (timed_out) {
    doc->status = DocumentStatus::kPartial;
    char secs[32];
    std::snprintf(secs, sizeof secs, "%g", opts.time_limit_seconds);
    const std::string read = layouts.size() > 1 ? "pages 1-" + std::to_string(layouts.size())
                                                : "page " + std::to_string(layouts.size());
    doc->status_reason = std::string("time limit of ") + secs + " s reached at page " +
                         std::to_string(layouts.size() + 1) + " of " + std::to_string(pages) + ": " +
                         (layouts.empty() ? "no text read" : "text of " + read + " only");
    return Status::Timeout(doc->status_reason);
  }
  doc->status = (last < pages || truncated) ? DocumentStatus::kPartial : DocumentStatus::kOk;
  if (doc->status == DocumentStatus::kPartial) doc->status_reason = "some pages or content skipped";
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
