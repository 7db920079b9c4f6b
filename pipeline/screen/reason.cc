// Chinese reasons for documents that could not be screened (see reason.h).
// Covered by pipeline/screen/report_test.cc and tests/cli_test.cc.
#include "pipeline/screen/reason.h"

#include <utility>

#include "pipeline/model/cjk.h"
#include "pipeline/model/utf8.h"

namespace jixiao {

std::string ReviewerReason(Status::Code code, const std::string& message) {
  // A message that already holds Chinese is one written for reviewers.
  if (HasHanIdeograph(message)) return message;
  // What the extractors say of inputs that are not reports they read
  // (extractors/detect/extract_file.h, docx_extractor.h).
  static const std::pair<const char*, const char*> kKinds[] = {
      {"empty file", "空文件（0 字节），没有可检查的内容"},
      {"encrypted", "文件已加密（有密码保护），请去除密码后另存再处理"},
      {"password", "文件已加密（有密码保护），请去除密码后另存再处理"},
      {"legacy Word", "旧版 Word .doc 文件，请另存为 .docx 后再处理"},
      {"legacy Excel", "Excel 表格文件（.xls），不是报告；只处理 .docx、.pdf 和 .ofd"},
      {"legacy PowerPoint", "PowerPoint 演示文稿（.ppt），不是报告；只处理 .docx、.pdf 和 .ofd"},
      {"not a DOCX or PDF", "不是 DOCX 或 PDF 报告（文件内容与扩展名不符）"},
      {"PDF support is not built", "此版本未包含 PDF 读取功能"},
      {"needs OCR", "需要OCR：文件没有可用的文字层（扫描件或字体缺少文字映射），请开启 --ocr 后重新处理"},
      {"not a ZIP archive", "文件已损坏或不是 DOCX（不是有效的 ZIP 压缩包）"},
      {"not a DOCX", "文件已损坏或不是 DOCX（缺少正文部分）"},
      {"ZIP bomb", "文件解压后过大（疑似压缩炸弹），未处理"},
  };
  for (const auto& [start, zh] : kKinds)
    if (message.find(start) != std::string::npos) return zh;
  switch (code) {
    case Status::Code::kUnsupported: return "不支持的文件格式，未处理";
    case Status::Code::kIoError: return "无法读取文件";
    case Status::Code::kLimitExceeded: return "文件超出安全上限（过大、层级过深或页数过多），未处理";
    case Status::Code::kTimeout: return "超时：未能在时限内完成检查";
    case Status::Code::kInternal: return "处理时发生内部错误，请将此文件提供给维护人员";
    case Status::Code::kInvalidInput:
    case Status::Code::kNotFound:
    case Status::Code::kOk: break;
  }
  return "文件已损坏或内容与扩展名不符，无法读取";
}

}  // namespace jixiao
