// NUMBERING_BROKEN: the numbering labels of the narrative, level by level.
// Covered by checks_test.cc (table of label sequences) and the corpus
// acceptance test (the seed's six breaks).
//
// Reports in the wild nest "（一）" lists under "（二）" headings and restart
// at 1 for every sub-list, so a return to 1 is taken as a new nested list,
// never as a break. What is reported: a sequence that starts above 1, a skip,
// a repeat, a step backwards, and a change of style at the same position
// ("（一）" then "（2）"). A style change makes the two styles aliases of one
// sequence so that "（一）（2）（三）" is reported once.
#include <algorithm>

#include "pipeline/checks/numbering_check.h"
#include "pipeline/model/numbering_label.h"
#include "pipeline/model/text_util.h"

namespace jixiao {
namespace {

enum class Family { kTop, kParen, kArabic, kCircled };

Family FamilyOf(LabelStyle s) {
  switch (s) {
    case LabelStyle::kChineseComma: return Family::kTop;
    case LabelStyle::kChineseParen:
    case LabelStyle::kArabicParen: return Family::kParen;
    case LabelStyle::kArabicDot:
    case LabelStyle::kArabicComma: return Family::kArabic;
    default: return Family::kCircled;
  }
}

// The label as the reader knows it for a value in a style: 3 in （一） style → "（三）".
std::string RenderLabel(LabelStyle style, int value) {
  const std::string n = std::to_string(value);
  switch (style) {
    case LabelStyle::kChineseComma: return ChineseSmallNumber(value) + "、";
    case LabelStyle::kChineseParen: return "（" + ChineseSmallNumber(value) + "）";
    case LabelStyle::kArabicDot: return n + ".";
    case LabelStyle::kArabicComma: return n + "、";
    case LabelStyle::kArabicParen: return "（" + n + "）";
    default: return n;
  }
}

struct Sequence {
  std::vector<LabelStyle> styles;
  int last = 0;
  int block = -1;       // block of the last label
  std::string label;    // last label as written
  bool Has(LabelStyle s) const { return std::find(styles.begin(), styles.end(), s) != styles.end(); }
};

struct LabelledBlock {
  int block;
  NumberingLabel label;
};

// The label of a narrative block: from the extractor's label, from the text,
// or from the text after "附件：" (the first item of an attachment list).
NumberingLabel LabelOf(const Block& b) {
  std::string rest;
  if (!b.label.empty()) return SplitNumberingLabel(b.label, &rest);
  std::string text = TrimSpaces(b.text);
  for (const char* prefix : {"附件：", "附件:"}) {
    if (text.rfind(prefix, 0) == 0) {
      NumberingLabel inner = SplitNumberingLabel(text.substr(std::string(prefix).size()), &rest);
      if (inner.style != LabelStyle::kNone) inner.label = TrimSpaces(inner.label);
      return inner;
    }
  }
  return SplitNumberingLabel(b.text, &rest);
}

class NumberingChecker {
 public:
  NumberingChecker(const Document& doc, std::vector<Finding>* out) : doc_(doc), out_(out) {}

  void Visit(int block, const NumberingLabel& l) {
    if (l.style == LabelStyle::kChineseComma) {
      VisitTop(block, l);
      return;
    }
    // Pop to the sequence that has this style, if any.
    for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
      if (stack_[i].Has(l.style)) {
        stack_.resize(i + 1);
        Continue(&stack_[i], block, l);
        return;
      }
    }
    if (l.value == 1) {
      stack_.push_back({{l.style}, 1, block, TrimSpaces(l.label)});
      return;
    }
    // Same position, other style: the innermost sequence of the same family
    // whose next value this is.
    for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
      Sequence& s = stack_[i];
      if (FamilyOf(s.styles.front()) == FamilyOf(l.style) && s.last + 1 == l.value) {
        Report(block, s.block, "同一级编号样式不一致：“" + s.label + "”之后是“" + TrimSpaces(l.label) +
                                   "”，应为“" + RenderLabel(s.styles.front(), l.value) + "”");
        stack_.resize(i + 1);
        s.styles.push_back(l.style);
        s.last = l.value;
        s.block = block;
        s.label = TrimSpaces(l.label);
        return;
      }
    }
    std::string missing;
    for (int v = 1; v < l.value && v <= 3; ++v) missing += "“" + RenderLabel(l.style, v) + "”";
    if (l.value > 4) missing += "等";
    Report(block, -1, "编号从“" + TrimSpaces(l.label) + "”开始，缺少" + missing);
    stack_.push_back({{l.style}, l.value, block, TrimSpaces(l.label)});
  }

  void VisitTop(int block, const NumberingLabel& l) {
    stack_.clear();
    if (top_.block < 0) {
      top_ = {{l.style}, l.value, block, TrimSpaces(l.label)};
      if (l.value != 1) first_top_gap_ = block;
      return;
    }
    Continue(&top_, block, l);
  }

  // The top-level sequence's start, reported with the unlabelled headings
  // of the template that stand where the missing labels should be.
  void ReportTopStart(const std::vector<int>& unlabelled_headings) {
    if (first_top_gap_ < 0) return;
    const Block& b = doc_.blocks[first_top_gap_];
    NumberingLabel l = LabelOf(b);
    std::string missing;
    for (int v = 1; v < l.value && v <= 3; ++v) missing += "“" + RenderLabel(LabelStyle::kChineseComma, v) + "”";
    if (l.value > 4) missing += "等";
    Finding f;
    f.code = "NUMBERING_BROKEN";
    f.severity = FindingSeverity::kWarning;
    f.message = "一级标题编号从“" + TrimSpaces(l.label) + "”开始，缺少" + missing;
    for (int h : unlabelled_headings) {
      if (h > first_top_gap_) continue;
      if (f.evidence.empty()) f.message += "；以下标题没有编号：";
      else f.message += "、";
      f.message += "“" + TrimSpaces(doc_.blocks[h].FullText()) + "”";
      f.evidence.push_back(ParagraphEvidence(doc_, h));
    }
    f.evidence.push_back(ParagraphEvidence(doc_, first_top_gap_));
    out_->push_back(std::move(f));
  }

 private:
  void Continue(Sequence* s, int block, const NumberingLabel& l) {
    if (l.value == s->last + 1 || l.value == 1) {
      // next, or a new nested list restarting at 1
    } else if (l.value == s->last) {
      Report(block, s->block, "编号“" + TrimSpaces(l.label) + "”重复");
    } else if (l.value > s->last + 1) {
      std::string missing;
      for (int v = s->last + 1; v < l.value && v <= s->last + 3; ++v)
        missing += "“" + RenderLabel(l.style, v) + "”";
      Report(block, s->block, "编号从“" + s->label + "”跳到“" + TrimSpaces(l.label) + "”，缺少" + missing);
    } else {
      Report(block, s->block, "编号倒退：“" + s->label + "”之后是“" + TrimSpaces(l.label) + "”");
    }
    s->last = l.value;
    s->block = block;
    s->label = TrimSpaces(l.label);
  }

  void Report(int block, int previous_block, std::string message) {
    Finding f;
    f.code = "NUMBERING_BROKEN";
    f.severity = FindingSeverity::kWarning;
    f.message = std::move(message);
    if (previous_block >= 0) f.evidence.push_back(ParagraphEvidence(doc_, previous_block));
    f.evidence.push_back(ParagraphEvidence(doc_, block));
    out_->push_back(std::move(f));
  }

  const Document& doc_;
  std::vector<Finding>* out_;
  Sequence top_;
  int first_top_gap_ = -1;
  std::vector<Sequence> stack_;
};

bool IsSectionHeadingText(const std::string& text, const Rules& rules) {
  const std::string t = TrimSpaces(text);
  if (t.empty() || t.size() > 3 * 30) return false;
  for (const RuleSection& s : rules.sections)
    for (const std::string& syn : s.synonyms)
      if (syn.size() > 6 && t.find(syn) != std::string::npos) return true;
  return false;
}

}  // namespace

std::string ChineseSmallNumber(int value) {
  static const char* kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (value <= 0 || value > 99) return std::to_string(value);
  if (value < 10) return kDigits[value];
  std::string out = value / 10 == 1 ? "" : kDigits[value / 10];
  out += "十";
  out += kDigits[value % 10];
  return out;
}

void CheckNumbering(const Document& doc, const Rules& rules, std::vector<Finding>* out) {
  NumberingChecker checker(doc, out);
  std::vector<int> unlabelled_headings;
  const int end = NarrativeEnd(doc);
  for (int i = 0; i < end; ++i) {
    const Block& b = doc.blocks[i];
    NumberingLabel l = LabelOf(b);
    if (l.style == LabelStyle::kNone) {
      if (IsSectionHeadingText(b.FullText(), rules)) unlabelled_headings.push_back(i);
      continue;
    }
    checker.Visit(i, l);
  }
  checker.ReportTopStart(unlabelled_headings);
}

}  // namespace jixiao
