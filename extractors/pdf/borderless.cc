// Pass 4b, borderless tables (the fallback when no ruling lines are drawn):
// words are cut into pieces at gaps wider than 1.5 em; consecutive lines of
// two or more pieces form a candidate run; the x-projection of all pieces of
// the run gives the column bands (a piece bridging two bands merges them); a
// run with ≥ 2 bands whose every line has pieces in ≥ 2 bands becomes a table
// of one row per line. Runs whose columns are all wide and justified are two
// text columns, left to reading_order.cc, and so are lists whose labels are
// tabbed away from their items. Covered by pdf_test.cc
// (BorderlessTable, TwoColumnPageReadLeftThenRight).
#include "extractors/pdf/borderless.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "extractors/pdf/line_build.h"
#include "pipeline/model/utf8.h"

namespace jixiao::pdf {

namespace {

constexpr double kGapEm = 1.5;

struct Piece {
  Box box;
  double em = 10;
  std::vector<size_t> words;  // indices into the input
};

struct Row {
  Box box;
  std::vector<Piece> pieces;
};

double Em(const Word* w) { return std::max(1.0, w->font_size); }

// Lines of the words (by vertical overlap), each cut into pieces at wide gaps.
std::vector<Row> Rows(const std::vector<const Word*>& words) {
  std::vector<size_t> order(words.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return words[a]->box.y0 < words[b]->box.y0;
  });
  std::vector<std::vector<size_t>> lines;
  std::vector<Box> boxes;
  for (size_t i : order) {
    const Box& b = words[i]->box;
    if (words[i]->rot != 0) continue;
    bool placed = false;
    for (size_t k = lines.size(); k-- > 0 && lines.size() - k <= 4;) {
      Box& lb = boxes[k];
      double ov = std::min(lb.y1, b.y1) - std::max(lb.y0, b.y0);
      if (ov >= 0.5 * std::min(lb.y1 - lb.y0, b.y1 - b.y0)) {
        lines[k].push_back(i);
        placed = true;
        break;
      }
    }
    if (!placed) {
      lines.push_back({i});
      boxes.push_back(b);
    }
  }
  std::vector<Row> rows;
  for (auto& line : lines) {
    std::sort(line.begin(), line.end(), [&](size_t a, size_t b) {
      return words[a]->box.x0 < words[b]->box.x0;
    });
    Row row;
    row.box = words[line[0]]->box;
    for (size_t i : line) {
      const Word* w = words[i];
      row.box.x0 = std::min(row.box.x0, w->box.x0);
      row.box.y0 = std::min(row.box.y0, w->box.y0);
      row.box.x1 = std::max(row.box.x1, w->box.x1);
      row.box.y1 = std::max(row.box.y1, w->box.y1);
      if (row.pieces.empty() || w->box.x0 - row.pieces.back().box.x1 > kGapEm * Em(w)) {
        Piece p;
        p.box = w->box;
        p.em = Em(w);
        row.pieces.push_back(p);
      }
      Piece& p = row.pieces.back();
      p.box.x0 = std::min(p.box.x0, w->box.x0);
      p.box.y0 = std::min(p.box.y0, w->box.y0);
      p.box.x1 = std::max(p.box.x1, w->box.x1);
      p.box.y1 = std::max(p.box.y1, w->box.y1);
      p.words.push_back(i);
    }
    // A lone piece right under a row, inside one of its later pieces: the
    // wrapped end of that cell's text.
    if (row.pieces.size() == 1 && !rows.empty() && rows.back().pieces.size() >= 2) {
      Row& prev = rows.back();
      const Piece& lone = row.pieces[0];
      double h = prev.box.y1 - prev.box.y0;
      for (size_t k = 1; k < prev.pieces.size(); ++k) {
        Piece& p = prev.pieces[k];
        double next_x0 = k + 1 < prev.pieces.size() ? prev.pieces[k + 1].box.x0 : 1e300;
        if (lone.box.y0 - prev.box.y1 < 0.6 * h && lone.box.x0 >= p.box.x0 - p.em &&
            lone.box.x0 < p.box.x1 && lone.box.x1 < next_x0) {
          p.words.insert(p.words.end(), lone.words.begin(), lone.words.end());
          p.box.x1 = std::max(p.box.x1, lone.box.x1);
          p.box.y1 = std::max(p.box.y1, lone.box.y1);
          prev.box.y1 = std::max(prev.box.y1, lone.box.y1);
          row.pieces.clear();
          break;
        }
      }
      if (row.pieces.empty()) continue;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Column bands of a run: merged x-intervals of all pieces.
std::vector<std::pair<double, double>> Bands(const std::vector<Row>& rows, size_t a, size_t b) {
  std::vector<std::pair<double, double>> iv;
  for (size_t r = a; r < b; ++r)
    for (const Piece& p : rows[r].pieces) iv.push_back({p.box.x0, p.box.x1});
  std::sort(iv.begin(), iv.end());
  std::vector<std::pair<double, double>> out;
  for (const auto& x : iv) {
    if (!out.empty() && x.first <= out.back().second + 2.0) out.back().second = std::max(out.back().second, x.second);
    else out.push_back(x);
  }
  return out;
}

int BandOf(const std::vector<std::pair<double, double>>& bands, const Box& b) {
  double cx = (b.x0 + b.x1) / 2;
  for (size_t i = 0; i < bands.size(); ++i)
    if (cx >= bands[i].first - 1 && cx <= bands[i].second + 1) return static_cast<int>(i);
  return -1;
}

std::string PieceText(const std::vector<const Word*>& words, const Piece& p) {
  std::string text;
  for (size_t i : p.words) text += words[i]->text;
  return text;
}

// "1.", "2.1", "E)", "（一）", "一、", "①", "•": a list label set apart from
// its item by a tab.
bool IsListLabel(const std::string& text) {
  static const std::u32string kAllowed =
      U"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.．、)）(（"
      U"一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩•·●○■□◆◇▪-–—";
  size_t n = 0;
  for (Utf8Cursor cursor(text); !cursor.Done(); ++n) {
    if (kAllowed.find(cursor.Next().value) == std::u32string::npos) return false;
  }
  return n > 0 && n <= 6;
}

bool LooksLikeTable(const std::vector<const Word*>& words, const std::vector<Row>& rows, size_t a,
                    size_t b, const std::vector<std::pair<double, double>>& bands) {
  if (bands.size() < 2 || bands.size() > 64) return false;
  for (size_t r = a; r < b; ++r) {
    std::vector<bool> seen(bands.size(), false);
    int n = 0;
    for (const Piece& p : rows[r].pieces) {
      int k = BandOf(bands, p.box);
      if (k >= 0 && !seen[k]) {
        seen[k] = true;
        ++n;
      }
    }
    if (n < 2) return false;
  }
  // A list whose labels stand apart from their text ("1.", "2.1", "E)"
  // tabbed from the item): two bands, the first one of short pieces only.
  if (bands.size() == 2) {
    bool labels = true;
    for (size_t r = a; r < b && labels; ++r) {
      const Piece& p = rows[r].pieces.front();
      labels = BandOf(bands, p.box) == 0 && IsListLabel(PieceText(words, p));
    }
    if (labels) return false;
  }
  // Justified text columns: every band wide and most of its pieces reaching
  // its right edge.
  bool all_text = true;
  for (size_t k = 0; k < bands.size(); ++k) {
    int pieces = 0, full = 0;
    double em = 10;
    for (size_t r = a; r < b; ++r)
      for (const Piece& p : rows[r].pieces)
        if (BandOf(bands, p.box) == static_cast<int>(k)) {
          ++pieces;
          em = p.em;
          full += p.box.x1 >= bands[k].second - 1.5 * p.em;
        }
    bool text = bands[k].second - bands[k].first >= 10 * em && full * 10 >= pieces * 6;
    all_text &= text;
  }
  return !all_text;
}

}  // namespace

void FindBorderlessTables(const std::vector<const Word*>& words, int page, double page_height,
                          std::vector<PageTable>* tables, std::vector<bool>* used, int min_rows) {
  if (words.size() < 6) return;
  std::vector<Row> rows = Rows(words);
  size_t i = 0;
  while (i < rows.size()) {
    if (rows[i].pieces.size() < 2) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < rows.size() && rows[j].pieces.size() >= 2) {
      double h = rows[j - 1].box.y1 - rows[j - 1].box.y0;
      if (rows[j].box.y0 - rows[j - 1].box.y1 > 2.5 * h) break;
      ++j;
    }
    if (static_cast<int>(j - i) >= min_rows) {
      std::vector<std::pair<double, double>> bands = Bands(rows, i, j);
      if (LooksLikeTable(words, rows, i, j, bands)) {
        PageTable t;
        t.ruled = false;
        t.page_height = page_height;
        t.xs.push_back(bands.front().first);
        for (size_t k = 0; k + 1 < bands.size(); ++k)
          t.xs.push_back((bands[k].second + bands[k + 1].first) / 2);
        t.xs.push_back(bands.back().second);
        t.ys.push_back(rows[i].box.y0);
        for (size_t r = i; r + 1 < j; ++r) t.ys.push_back((rows[r].box.y1 + rows[r + 1].box.y0) / 2);
        t.ys.push_back(rows[j - 1].box.y1);
        for (size_t r = i; r < j; ++r) {
          std::vector<std::vector<const Word*>> cell_words(bands.size());
          for (const Piece& p : rows[r].pieces) {
            int k = BandOf(bands, p.box);
            if (k < 0) k = 0;
            for (size_t w : p.words) {
              cell_words[k].push_back(words[w]);
              (*used)[w] = true;
            }
          }
          for (size_t k = 0; k < bands.size(); ++k) {
            PageCell c;
            c.row = static_cast<int>(r - i);
            c.col = static_cast<int>(k);
            c.box = {t.xs[k], t.ys[r - i], t.xs[k + 1], t.ys[r - i + 1]};
            c.lines = BuildLines(cell_words[k], page, 0);
            t.cells.push_back(std::move(c));
          }
        }
        t.box = {t.xs.front(), t.ys.front(), t.xs.back(), t.ys.back()};
        tables->push_back(std::move(t));
      }
    }
    i = j;
  }
}

}  // namespace jixiao::pdf
