// Facts from narrative sentences. Covered by facts_test.cc (seed sentences
// and rewrites) and the corpus facts test (DOCX and PDF agree).
//
// A figure's concept is the last concept phrase between the previous figure
// and it; without one it carries on the concept of the previous figure at the
// same bracket depth in the sentence ("三公经费年初预算0万元，实际支出0万元");
// a bare period phrase ("全年预算24万元") names the total. Its period is the last period phrase of the sentence
// before it, so "全年实际支出24万元，其中基本支出24万元" gives 基本支出 an
// executed figure. Figures in brackets after a figure, or after "其中", break
// that figure down (parent).
#include <re2/re2.h>

#include "pipeline/facts/facts.h"

namespace jixiao {
namespace {

using numbers::Quantity;
using numbers::QuantityKind;

struct SentenceMap {
  std::vector<size_t> starts;  // byte offset where each sentence starts
  int SentenceOf(size_t pos) const {
    int s = 0;
    while (s + 1 < static_cast<int>(starts.size()) && starts[s + 1] <= pos) ++s;
    return s;
  }
};

SentenceMap SplitSentences(const std::string& text) {
  SentenceMap map;
  map.starts.push_back(0);
  static const char* kEnds[] = {"。", "；", "！", "？", "\n", ";"};
  for (size_t i = 0; i < text.size();) {
    size_t advance = 1;
    for (const char* e : kEnds) {
      size_t n = std::string(e).size();
      if (text.compare(i, n, e) == 0) {
        advance = n;
        if (i + n < text.size()) map.starts.push_back(i + n);
        break;
      }
    }
    i += advance;
  }
  return map;
}

// Bracket depth at each byte, and where the innermost open bracket is.
struct Brackets {
  std::vector<int> depth;
  std::vector<size_t> open_at;  // for each byte: offset of the innermost open bracket, or npos
};

Brackets ScanBrackets(const std::string& text) {
  Brackets b;
  b.depth.assign(text.size() + 1, 0);
  b.open_at.assign(text.size() + 1, std::string::npos);
  std::vector<size_t> stack;
  for (size_t i = 0; i < text.size();) {
    b.depth[i] = static_cast<int>(stack.size());
    b.open_at[i] = stack.empty() ? std::string::npos : stack.back();
    size_t n = 1;
    if (text.compare(i, 3, "（") == 0) { stack.push_back(i); n = 3; }
    else if (text[i] == '(') stack.push_back(i);
    else if (text.compare(i, 3, "）") == 0) { if (!stack.empty()) stack.pop_back(); n = 3; }
    else if (text[i] == ')') { if (!stack.empty()) stack.pop_back(); }
    for (size_t k = i + 1; k < i + n && k < text.size(); ++k) {
      b.depth[k] = b.depth[i];
      b.open_at[k] = b.open_at[i];
    }
    i += n;
  }
  b.depth[text.size()] = static_cast<int>(stack.size());
  return b;
}

// The clause before a figure: from the last separator to the figure.
std::string ClauseLabel(const std::string& text, size_t clause_floor, size_t pos) {
  static const char* kSeparators[] = {"，", "。", "；", "、", "：", "（", "(", ",", "“", "”", " ", "\u3000"};
  size_t start = clause_floor;
  for (const char* sep : kSeparators) {
    size_t p = text.rfind(sep, pos == 0 ? 0 : pos - 1);
    if (p != std::string::npos && p >= clause_floor && p + std::string(sep).size() <= pos)
      start = std::max(start, p + std::string(sep).size());
  }
  std::string label = text.substr(start, pos - start);
  // Qualifier words belong to the figure, not the label.
  for (const char* tail : {"达到", "达", "约", "近", "超过", "共计", "累计", "共", "合计"}) {
    const std::string t = tail;
    if (label.size() > t.size() && label.compare(label.size() - t.size(), t.size(), t) == 0 && t != "共")
      label.erase(label.size() - t.size());
  }
  return label;
}

bool IsSectionHeading(const Block& b) {
  if (b.kind == BlockKind::kHeading) return true;
  const std::string t = b.text;
  return !b.label.empty() && t.size() <= 3 * 30 && t.find("。") == std::string::npos;
}

// Where a text stands: a paragraph block, or a cell of a table block.
struct TextPlace {
  int block = -1;
  Provenance prov;
  FactSource source = FactSource::kNarrative;
  int row = -1, col = -1;

  void Stamp(Fact* f) const {
    f->block = block;
    f->prov = prov;
    f->source = source;
    f->row = row;
    f->col = col;
  }
};

// The figures of one text: a paragraph, or a prose cell of a table.
void ReadText(const std::string& text, const Vocabulary& vocabulary, const TextPlace& place, FactSet* out) {
  static const RE2 kRelative(R"(为(.{0,16}?)的\s*$)");
  static const RE2 kGrade(
      R"((?:绩效|等级|评价结果|自评结果|评定|评价等次|等次)(?:等级)?\s*(?:为|是|评定为|评为|：|:)\s*[“"「『]?(优秀|良好|中等|不合格|合格|优|良|中|差)[”"」』]?(?:[，。；,;\s]|$|等级|档|级))");
  const SentenceMap sentences = SplitSentences(text);
  const Brackets brackets = ScanBrackets(text);
  const std::vector<KeywordHit> hits = vocabulary.Match(text);
  const std::vector<Quantity> quantities = numbers::FindQuantities(text);

  const size_t first_fact = out->facts.size();
  size_t previous_end = 0;
  int previous_sentence = -1;
  for (const Quantity& q : quantities) {
    const size_t begin = q.span.begin;
    const int sentence = sentences.SentenceOf(begin);
    const size_t sentence_start = sentences.starts[sentence];
    if (sentence != previous_sentence) previous_end = sentence_start;
    const size_t gap_start = std::max(previous_end, sentence_start);
    previous_end = q.span.end;
    previous_sentence = sentence;

    if (q.suspect_measure_word) {
      Fact s;
      s.label = ClauseLabel(text, sentence_start, begin);
      s.q = q;
      place.Stamp(&s);
      s.quote = text.substr(sentence_start, (sentence + 1 < static_cast<int>(sentences.starts.size())
                                                 ? sentences.starts[sentence + 1] : text.size()) - sentence_start);
      out->suspect_units.push_back(s);
    }
    if (q.kind != QuantityKind::kAmount && q.kind != QuantityKind::kPercent &&
        q.kind != QuantityKind::kScore && q.kind != QuantityKind::kCount)
      continue;

    std::string gap_concept, gap_period, sentence_period;
    for (const KeywordHit& h : hits) {
      if (h.end > begin) break;
      if (h.begin >= gap_start && !h.concept_id.empty()) gap_concept = h.concept_id;
      if (h.begin >= gap_start && !h.period.empty()) gap_period = h.period;
      if (h.begin >= sentence_start && !h.period.empty()) sentence_period = h.period;
    }
    const int depth = brackets.depth[begin];
    // The previous fact of this block in the same sentence at the same depth.
    int same_depth = -1;
    for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
      const Fact& f = out->facts[k];
      if (f.sentence != sentence) break;
      if (brackets.depth[f.q.span.begin] == depth) { same_depth = k; break; }
    }

    Fact fact;
    fact.q = q;
    place.Stamp(&fact);
    fact.sentence = sentence;
    fact.year = out->year;
    fact.period = sentence_period;
    const size_t sentence_end = sentence + 1 < static_cast<int>(sentences.starts.size())
                                    ? sentences.starts[sentence + 1] : text.size();
    fact.quote = text.substr(sentence_start, sentence_end - sentence_start);

    const Concept* named = gap_concept.empty() ? nullptr : vocabulary.Find(gap_concept);
    if (q.kind == QuantityKind::kAmount) {
      if (named && named->kind == "amount") {
        fact.concept_id = named->id;
      } else if (same_depth >= 0 && !out->facts[same_depth].concept_id.empty() &&
                 out->facts[same_depth].q.kind == QuantityKind::kAmount) {
        fact.concept_id = out->facts[same_depth].concept_id;
      } else if (!gap_period.empty()) {
        // "本单位全年预算24万元" names the whole budget, even under a
        // heading such as "（一）基本支出情况".
        fact.concept_id = "total";
      } else {
        continue;  // an amount of something the vocabulary does not know
      }
    } else if (q.kind == QuantityKind::kPercent) {
      std::string inside;
      const std::string before = text.substr(gap_start, begin - gap_start);
      if (RE2::PartialMatch(before, kRelative, &inside)) {
        // "实际支出0万元，为年初预算的100%": numerator is the last amount of
        // the sentence, denominator the figure of the named period.
        const std::string period = vocabulary.PeriodOf(inside);
        int numerator = -1, denominator = -1;
        for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
          const Fact& f = out->facts[k];
          if (f.sentence != sentence || f.q.kind != QuantityKind::kAmount) continue;
          if (numerator < 0) { numerator = k; continue; }
          if (denominator < 0 && f.concept_id == out->facts[numerator].concept_id &&
              (period.empty() || f.period == period))
            denominator = k;
        }
        if (numerator < 0 || denominator < 0) continue;
        fact.concept_id = "relative_rate";
        fact.rate_numerator = numerator;
        fact.rate_denominator = denominator;
      } else if (named && named->kind == "rate") {
        fact.concept_id = named->id;
        fact.period.clear();  // a rate is a ratio of periods, not of one
      } else {
        continue;
      }
    } else if (q.kind == QuantityKind::kScore) {
      if (!named || named->kind != "score") continue;
      fact.concept_id = named->id;
      fact.period.clear();  // a score has no budget period
    } else {  // count
      if (named && named->kind == "count") fact.concept_id = named->id;
      fact.label = ClauseLabel(text, sentence_start, begin);
      if (fact.concept_id.empty() && fact.label.empty()) continue;
    }
    if (fact.label.empty()) {
      const Concept* c = vocabulary.Find(fact.concept_id);
      fact.label = c ? c->label : fact.concept_id;
    }

    // Breakdowns: in brackets right after a figure, or after 其中.
    if (q.kind == QuantityKind::kAmount) {
      if (depth > 0) {
        const size_t open = brackets.open_at[begin];
        for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
          const Fact& f = out->facts[k];
          if (f.sentence != sentence) break;
          if (f.q.span.end <= open && brackets.depth[f.q.span.begin] == depth - 1) {
            if (f.q.kind == QuantityKind::kAmount) fact.parent = k;
            break;
          }
        }
      } else {
        const size_t qizhong = text.rfind("其中", begin);
        if (qizhong != std::string::npos && qizhong >= sentence_start) {
          for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
            const Fact& f = out->facts[k];
            if (f.sentence != sentence) break;
            if (f.q.span.end <= qizhong && brackets.depth[f.q.span.begin] == 0) {
              if (f.q.kind == QuantityKind::kAmount && f.concept_id != fact.concept_id) fact.parent = k;
              break;
            }
          }
        }
      }
    }
    out->facts.push_back(std::move(fact));
  }

  // Grades: "部门整体支出绩效为“优”".
  re2::StringPiece input(text);
  std::string word;
  while (RE2::FindAndConsume(&input, kGrade, &word)) {
    Fact g;
    g.concept_id = "grade";
    g.label = "绩效等级";
    g.grade = vocabulary.GradeOf(word);
    if (g.grade.empty()) g.grade = word;
    place.Stamp(&g);
    g.year = out->year;
    const size_t end = input.data() - text.data();
    g.q.span = {text.rfind(word, end), text.rfind(word, end) + word.size()};
    g.q.raw = word;
    const int s = sentences.SentenceOf(g.q.span.begin);
    const size_t s_end = s + 1 < static_cast<int>(sentences.starts.size()) ? sentences.starts[s + 1] : text.size();
    g.quote = text.substr(sentences.starts[s], s_end - sentences.starts[s]);
    g.sentence = s;
    out->facts.push_back(std::move(g));
  }
}

}  // namespace

void ExtractNarrativeFacts(const Document& doc, const Vocabulary& vocabulary, int end_block, FactSet* out) {
  for (int bi = 0; bi < end_block && bi < static_cast<int>(doc.blocks.size()); ++bi) {
    const Block& block = doc.blocks[bi];
    if (block.kind == BlockKind::kTable || IsSectionHeading(block)) continue;
    TextPlace place;
    place.block = bi;
    place.prov = block.prov;
    ReadText(block.FullText(), vocabulary, place, out);
  }
}

void ExtractProseCellFacts(const Document& doc, const Vocabulary& vocabulary, FactSet* out) {
  for (int bi = 0; bi < static_cast<int>(doc.blocks.size()); ++bi) {
    const Block& block = doc.blocks[bi];
    if (block.kind != BlockKind::kTable) continue;
    for (const Cell& cell : block.table.cells) {
      const std::string text = cell.Text();
      // Prose: a sentence or more, not a label or a figure.
      if (text.size() < 3 * 20 || text.find("，") == std::string::npos) continue;
      TextPlace place;
      place.block = bi;
      place.prov = cell.prov;
      place.source = FactSource::kTable;
      place.row = cell.row;
      place.col = cell.col;
      FactSet cell_facts;
      cell_facts.year = out->year;
      ReadText(text, vocabulary, place, &cell_facts);
      // Only counts named by their clause ("收集困难与问题62个"): amounts in
      // prose cells are read by the table reader from their labels.
      for (Fact& f : cell_facts.facts)
        if (f.q.kind == numbers::QuantityKind::kCount && f.concept_id.empty()) {
          f.parent = -1;
          out->facts.push_back(std::move(f));
        }
    }
  }
}

}  // namespace jixiao
