// Pass 2, line building: clusters words into lines by baseline and vertical
// overlap (whatever order the content stream drew them in), orders each line
// left to right and joins the words (CJK joined without spaces, Latin words
// separated by one). Covered by pdf_test.cc (CjkJoin, LatinWordsKeepSpaces,
// TwoColumnPage) and pdf_producer_test.cc (LineOrderOfTheContentStream…).
#include "extractors/pdf/line_build.h"

#include <algorithm>
#include <cmath>

#include "pipeline/model/cjk.h"
#include "pipeline/model/utf8.h"

namespace jixiao::pdf {

namespace {

double Overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

struct Cluster {
  double y0, y1, base, size;
  std::vector<const Word*> words;
};

// The word's baseline; estimated from its box when the collector had none.
double Base(const Word* w) {
  return w->base != 0 ? w->base : w->box.y1 - 0.2 * (w->box.y1 - w->box.y0);
}

Line MakeLine(const std::vector<const Word*>& words, size_t begin, size_t end, int page) {
  Line line;
  line.page = page;
  line.box = words[begin]->box;
  size_t bold_chars = 0, chars = 0;
  double best_size = 0;
  size_t best_len = 0;
  const Word* prev = nullptr;
  for (size_t i = begin; i < end; ++i) {
    const Word* w = words[i];
    if (prev) {
      double gap = w->box.x0 - prev->box.x1;
      double size = std::max(1.0, std::min(prev->font_size, w->font_size));
      line.text += JoinSeparator(line.text, w->text, prev->space_after, gap > 0.2 * size);
    }
    line.text += w->text;
    line.box.x0 = std::min(line.box.x0, w->box.x0);
    line.box.y0 = std::min(line.box.y0, w->box.y0);
    line.box.x1 = std::max(line.box.x1, w->box.x1);
    line.box.y1 = std::max(line.box.y1, w->box.y1);
    size_t n = w->char_bytes.size();
    chars += n;
    if (w->bold) bold_chars += n;
    if (n > best_len) {
      best_len = n;
      best_size = w->font_size;
    }
    prev = w;
  }
  line.font_size = best_size;
  line.bold = chars > 0 && bold_chars * 2 > chars;
  return line;
}

}  // namespace

const char* JoinSeparator(const std::string& left, const std::string& right, bool space_glyph,
                          bool wide_gap) {
  char32_t a = LastCodePoint(left), b = FirstCodePoint(right);
  if (a == 0 || b == 0 || a == ' ' || b == ' ') return "";
  if (space_glyph) return " ";
  if (JoinsWithoutSpace(a) || JoinsWithoutSpace(b)) return "";
  return wide_gap ? " " : "";
}

std::vector<Line> BuildLines(std::vector<const Word*> words, int page, double split_gap_em) {
  std::vector<Line> lines;
  if (words.empty()) return lines;
  // By baseline, not by box top: a glyph of a fallback font (a taller box,
  // `•` in DejaVu among CJK) must not sort with the line above.
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
    double ba = Base(a), bb = Base(b);
    if (ba != bb) return ba < bb;
    return a->box.x0 < b->box.x0;
  });
  std::vector<Cluster> clusters;
  size_t first_open = 0;  // clusters before this one end above the current word
  for (const Word* w : words) {
    double h = std::max(0.1, w->box.y1 - w->box.y0);
    Cluster* home = nullptr;
    double best = 1e300;
    // Look over the few most recent clusters that may still overlap; of
    // those, the one whose baseline is nearest (a baseline a line pitch
    // away is another line, however tall the glyph's box).
    for (size_t i = clusters.size(); i > first_open && clusters.size() - i < 8; --i) {
      Cluster& c = clusters[i - 1];
      double ch = c.y1 - c.y0;
      double d = std::fabs(c.base - Base(w));
      // Font size, not box height: a Type 3 font's box may be three lines tall.
      double em = std::max(1.0, std::max(c.size, w->font_size));
      if (Overlap(c.y0, c.y1, w->box.y0, w->box.y1) >= 0.5 * std::min(ch, h) &&
          d < 0.6 * std::min(em, std::max(ch, h)) && d < best) {
        home = &c;
        best = d;
      }
    }
    if (!home) {
      while (first_open < clusters.size() && clusters[first_open].y1 < w->box.y0) ++first_open;
      clusters.push_back({w->box.y0, w->box.y1, Base(w), w->font_size, {}});
      home = &clusters.back();
    }
    home->words.push_back(w);
    // Keep the cluster's band to its first words so tall glyphs don't swallow
    // the next line.
    if (home->words.size() == 1) {
      home->y0 = w->box.y0;
      home->y1 = w->box.y1;
      home->base = Base(w);
      home->size = w->font_size;
    }
  }
  for (Cluster& c : clusters) {
    std::sort(c.words.begin(), c.words.end(),
              [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
    // Drop exact duplicates (text drawn twice for a bold effect).
    std::vector<const Word*> ws;
    ws.reserve(c.words.size());
    for (const Word* w : c.words) {
      if (!ws.empty()) {
        const Word* p = ws.back();
        if (p->text == w->text && std::fabs(p->box.x0 - w->box.x0) < 1.0 &&
            std::fabs(p->box.y0 - w->box.y0) < 1.0)
          continue;
      }
      ws.push_back(w);
    }
    size_t begin = 0;
    for (size_t i = 1; i <= ws.size(); ++i) {
      bool cut = i == ws.size();
      if (!cut && split_gap_em > 0) {
        double size = std::max(1.0, std::max(ws[i - 1]->font_size, ws[i]->font_size));
        cut = ws[i]->box.x0 - ws[i - 1]->box.x1 > split_gap_em * size;
      }
      if (cut) {
        lines.push_back(MakeLine(ws, begin, i, page));
        begin = i;
      }
    }
  }
  return lines;
}

}  // namespace jixiao::pdf
