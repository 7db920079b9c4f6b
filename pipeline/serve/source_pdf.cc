// A PDF page rendered with boxes drawn on it (see source_pdf.h): poppler-cpp
// page_renderer for the pixels, page::text_list for the characters of the
// figure. Covered by pipeline/serve/serve_test.cc.
#include "pipeline/serve/source_pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include <unistd.h>

#include "pipeline/model/utf8.h"

namespace jixiao::serve {
namespace {

struct Glyph {
  char32_t c;
  poppler::rectf r;
};

// Draws the outline of the rectangle (pixels) `width` wide in ARGB32.
void DrawRect(poppler::image* img, double x0, double y0, double x1, double y1, uint32_t argb, int width) {
  const int w = img->width(), h = img->height(), stride = img->bytes_per_row();
  char* data = img->data();
  auto put = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    *reinterpret_cast<uint32_t*>(data + static_cast<size_t>(y) * stride + static_cast<size_t>(x) * 4) = argb;
  };
  int ax = static_cast<int>(std::floor(x0)) - width, ay = static_cast<int>(std::floor(y0)) - width;
  int bx = static_cast<int>(std::ceil(x1)) + width, by = static_cast<int>(std::ceil(y1)) + width;
  for (int t = 0; t < width; ++t) {
    for (int x = ax; x <= bx; ++x) {
      put(x, ay + t);
      put(x, by - t);
    }
    for (int y = ay; y <= by; ++y) {
      put(ax + t, y);
      put(bx - t, y);
    }
  }
}

bool Inside(const poppler::rectf& r, const Box& b) {
  double cx = (r.left() + r.right()) / 2, cy = (r.top() + r.bottom()) / 2;
  return cx >= b.x0 - 2 && cx <= b.x1 + 2 && cy >= b.y0 - 2 && cy <= b.y1 + 2;
}

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\n' || c == '\r'; }

std::u32string Decode(const std::string& utf8) {
  std::u32string out;
  size_t i = 0;
  while (i < utf8.size()) {
    char32_t c = DecodeUtf8(utf8, &i);
    if (!IsSpace(c)) out.push_back(c);
  }
  return out;
}

// The union of the glyph boxes of the occurrence of `figure` among the
// glyphs inside `box` nearest to position `near` (0..1); nullopt when absent.
std::optional<poppler::rectf> FindFigureBox(poppler::page* page, const Box& box, const std::string& figure,
                                            double near) {
  std::u32string want = Decode(figure);
  if (want.empty()) return std::nullopt;
  std::vector<Glyph> glyphs;
  for (const poppler::text_box& tb : page->text_list()) {
    if (!Inside(tb.bbox(), box)) continue;
    poppler::ustring text = tb.text();
    for (size_t i = 0; i < text.size(); ++i) {
      char32_t c = text[i];
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.size()) {  // a surrogate pair: one glyph
        c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
        glyphs.push_back({c, tb.char_bbox(i)});
        ++i;
        continue;
      }
      if (!IsSpace(c)) glyphs.push_back({c, tb.char_bbox(i)});
    }
  }
  std::optional<size_t> best;
  double best_distance = 2;
  for (size_t i = 0; i + want.size() <= glyphs.size(); ++i) {
    bool match = true;
    for (size_t k = 0; k < want.size() && match; ++k) match = glyphs[i + k].c == want[k];
    if (!match) continue;
    double where = glyphs.size() > 1 ? static_cast<double>(i) / static_cast<double>(glyphs.size() - 1) : 0;
    if (std::fabs(where - near) < best_distance) {
      best_distance = std::fabs(where - near);
      best = i;
    }
  }
  if (!best) return std::nullopt;
  poppler::rectf r = glyphs[*best].r;
  for (size_t k = 1; k < want.size(); ++k) {
    const poppler::rectf& g = glyphs[*best + k].r;
    double l = std::min(r.left(), g.left()), t = std::min(r.top(), g.top());
    double rr = std::max(r.right(), g.right()), b = std::max(r.bottom(), g.bottom());
    r = poppler::rectf(l, t, rr - l, b - t);
  }
  return r;
}

}  // namespace

Status RenderPdfPage(const std::string& path, int page_no, const std::optional<Box>& box, const std::string& figure,
                     double near, const std::string& png_path) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc || doc->is_locked()) return Status::InvalidInput("无法打开原文件（PDF）");
  if (page_no < 1 || page_no > doc->pages()) return Status::InvalidInput("原文件没有第" + std::to_string(page_no) + "页");
  std::unique_ptr<poppler::page> page(doc->create_page(page_no - 1));
  if (!page) return Status::InvalidInput("无法读取原文件第" + std::to_string(page_no) + "页");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  poppler::image img = renderer.render_page(page.get(), kPageDpi, kPageDpi);
  if (!img.is_valid() || img.format() != poppler::image::format_argb32)
    return Status::InvalidInput("无法渲染原文件第" + std::to_string(page_no) + "页");
  const double scale = kPageDpi / 72.0;
  if (box) {
    DrawRect(&img, box->x0 * scale, box->y0 * scale, box->x1 * scale, box->y1 * scale, 0xFFF59E0B, 2);
    if (auto fig = FindFigureBox(page.get(), *box, figure, near))
      DrawRect(&img, fig->left() * scale, fig->top() * scale, fig->right() * scale, fig->bottom() * scale, 0xFFDC2626,
               3);
  }
  const std::string tmp = png_path + ".tmp" + std::to_string(::getpid()) + "-" +
                          std::to_string(reinterpret_cast<uintptr_t>(&img));
  if (!img.save(tmp, "png")) {
    std::remove(tmp.c_str());
    return Status::IoError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), png_path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError("cannot rename " + tmp);
  }
  return Status::Ok();
}

}  // namespace jixiao::serve
