// Bounded read access to the parts of a ZIP container (a DOCX package).
//
// Every part is streamed: nothing is inflated in one piece. ZIP bombs are
// refused by what they inflate to, enforced twice, once from the sizes the
// central directory declares and again on the bytes actually produced while
// inflating (headers can lie):
//   - the total uncompressed size of all parts read from one archive;
//   - a part inflating past the size its header declares;
//   - optionally (ExtractOptions::max_compression_ratio, off by default: one
//     sentence repeated compresses 300:1 and is a document) the ratio
//     uncompressed / compressed of any one part, checked once the part has
//     produced more than kRatioFloorBytes.
// What is inflated is then bounded by the work it makes: the model's size
// (max_model_items) and the time limit. Messages are Chinese first.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "pipeline/model/extract_options.h"
#include "pipeline/model/status.h"

typedef struct zip zip_t;
typedef struct zip_file zip_file_t;

namespace jixiao::docx {

class ZipPartReader;

class ZipArchive {
 public:
  // Parts smaller than this are never refused for their compression ratio.
  static constexpr uint64_t kRatioFloorBytes = 1u << 20;

  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Opens the archive at path. InvalidInput "not a ZIP archive" or "damaged or
  // truncated ZIP archive (...)"; IoError when the file cannot be read.
  static Status OpenFile(const std::string& path, const ExtractOptions& opts,
                         std::unique_ptr<ZipArchive>* out);
  // Same over bytes in memory; *bytes must outlive the archive.
  static Status OpenMemory(const std::string* bytes, const ExtractOptions& opts,
                           std::unique_ptr<ZipArchive>* out);

  // True when the archive holds a part of that name (case-insensitive, as
  // OPC part names are).
  bool Has(const std::string& name) const;

  // Opens a part for streaming. LimitExceeded when the central directory
  // already shows the part over a bound; InvalidInput when it is missing or
  // cannot be opened (unsupported compression, encrypted entry).
  Status OpenPart(const std::string& name, std::unique_ptr<ZipPartReader>* out);

  // Reads a whole small part into *out (bounded like any other read).
  Status ReadPart(const std::string& name, std::string* out);

  uint64_t bytes_read() const { return total_read_; }

 private:
  friend class ZipPartReader;
  ZipArchive(zip_t* zip, const ExtractOptions& opts) : zip_(zip), opts_(opts) {}
  static Status FromOpenError(int zip_error_code);

  zip_t* zip_;
  ExtractOptions opts_;
  uint64_t total_read_ = 0;  // uncompressed bytes produced so far, all parts
};

// Streams one part. Read() fills a buffer; once it returns < 0 the reason is
// in status().
class ZipPartReader {
 public:
  ~ZipPartReader();
  ZipPartReader(const ZipPartReader&) = delete;
  ZipPartReader& operator=(const ZipPartReader&) = delete;

  // Returns the number of bytes placed in buf (0 at the end of the part), or
  // -1 on error or when a bound is hit.
  int Read(char* buf, int len);
  const Status& status() const { return status_; }
  const std::string& name() const { return name_; }
  uint64_t declared_size() const { return declared_size_; }
  uint64_t bytes_read() const { return read_; }

 private:
  friend class ZipArchive;
  ZipPartReader() = default;

  ZipArchive* archive_ = nullptr;
  zip_file_t* file_ = nullptr;
  std::string name_;
  uint64_t declared_size_ = 0;
  uint64_t compressed_size_ = 0;
  uint64_t read_ = 0;
  Status status_;
};

}  // namespace jixiao::docx
