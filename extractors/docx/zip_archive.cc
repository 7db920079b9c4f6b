// ZIP access through libzip with ZIP-bomb bounds: sizes from the central
// directory are checked when a part is opened, and the bytes produced while
// inflating are counted on every read. Covered by docx_bad_input_test.cc
// (ZipBomb*, Truncated*, NotAZip*).
#include "extractors/docx/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace jixiao::docx {

namespace {

std::string Mib(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / 1048576.0);
  return buf;
}

// InvalidInput when two entries share a name (ignoring ASCII case, as OPC
// part names do): readers disagree on which one counts, so whatever jixiao
// reported would not be what the reviewer opens. n·log n in the entries.
Status CheckUniqueNames(zip_t* z) {
  zip_int64_t n = zip_get_num_entries(z, 0);
  std::vector<std::string> names;
  names.reserve(n > 0 ? static_cast<size_t>(n) : 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name == nullptr) continue;
    std::string lower = name;
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    names.push_back(std::move(lower));
  }
  std::sort(names.begin(), names.end());
  auto dup = std::adjacent_find(names.begin(), names.end());
  if (dup != names.end()) {
    return Status::InvalidInput("ambiguous ZIP archive: two entries named " + *dup +
                                " (readers disagree on which one counts)");
  }
  return Status::Ok();
}

}  // namespace

ZipArchive::~ZipArchive() {
  if (zip_ != nullptr) zip_discard(zip_);
}

Status ZipArchive::FromOpenError(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return Status::InvalidInput("not a ZIP archive");
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
      return Status::IoError("cannot read the file");
    case ZIP_ER_MULTIDISK:
      return Status::Unsupported("multi-volume ZIP archive is not supported");
    case ZIP_ER_MEMORY:
      return Status::LimitExceeded("ZIP central directory too large");
    default: {
      zip_error_t err;
      zip_error_init_with_code(&err, code);
      std::string msg = std::string("damaged or truncated ZIP archive (") +
                        zip_error_strerror(&err) + ")";
      zip_error_fini(&err);
      return Status::InvalidInput(msg);
    }
  }
}

Status ZipArchive::OpenFile(const std::string& path, const ExtractOptions& opts,
                            std::unique_ptr<ZipArchive>* out) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) {
    if (err == ZIP_ER_NOZIP) {
      // A file that starts like a ZIP but has no central directory was cut.
      char head[4] = {0, 0, 0, 0};
      if (FILE* f = std::fopen(path.c_str(), "rb")) {
        size_t n = std::fread(head, 1, 4, f);
        std::fclose(f);
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
          return Status::InvalidInput("damaged or truncated ZIP archive (no central directory)");
        }
      }
    }
    return FromOpenError(err);
  }
  Status unique = CheckUniqueNames(z);
  if (!unique.ok()) {
    zip_discard(z);
    return unique;
  }
  out->reset(new ZipArchive(z, opts));
  return Status::Ok();
}

Status ZipArchive::OpenMemory(const std::string* bytes, const ExtractOptions& opts,
                              std::unique_ptr<ZipArchive>* out) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes->data(), bytes->size(), 0, &error);
  if (src == nullptr) {
    zip_error_fini(&error);
    return Status::Internal("cannot create a ZIP memory source");
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (z == nullptr) {
    int code = zip_error_code_zip(&error);
    zip_source_free(src);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOZIP && bytes->compare(0, 4, "PK\x03\x04", 4) == 0) {
      return Status::InvalidInput("damaged or truncated ZIP archive (no central directory)");
    }
    return FromOpenError(code);
  }
  zip_error_fini(&error);
  Status unique = CheckUniqueNames(z);
  if (!unique.ok()) {
    zip_discard(z);
    return unique;
  }
  out->reset(new ZipArchive(z, opts));
  return Status::Ok();
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

Status ZipArchive::OpenPart(const std::string& name, std::unique_ptr<ZipPartReader>* out) {
  zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return Status::InvalidInput("missing part " + name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, index, 0, &st) != 0) {
    return Status::InvalidInput("damaged ZIP entry " + name);
  }
  if (st.valid & ZIP_STAT_ENCRYPTION_METHOD && st.encryption_method != ZIP_EM_NONE) {
    return Status::Unsupported("encrypted ZIP entry " + name);
  }
  uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  uint64_t csize = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  if (size > opts_.max_uncompressed_bytes ||
      total_read_ + size > opts_.max_uncompressed_bytes) {
    return Status::LimitExceeded("疑似ZIP炸弹：" + name + " 解压后为 " + Mib(size) + "，超过上限 " +
                                 Mib(opts_.max_uncompressed_bytes) + "（ZIP bomb suspected: " + name + " declares " +
                                 Mib(size) + " uncompressed, over the bound of " +
                                 Mib(opts_.max_uncompressed_bytes) + "）");
  }
  if (opts_.max_compression_ratio > 0 && size > kRatioFloorBytes &&
      static_cast<double>(size) > opts_.max_compression_ratio * static_cast<double>(csize)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", csize ? double(size) / double(csize) : 0.0);
    return Status::LimitExceeded("疑似ZIP炸弹：" + name + " 的压缩比为 " + buf + ":1（ZIP bomb suspected: " + name +
                                 " declares a compression ratio of " + buf + ":1）");
  }
  zip_file_t* f = zip_fopen_index(zip_, index, 0);
  if (f == nullptr) {
    zip_error_t* e = zip_get_error(zip_);
    int code = zip_error_code_zip(e);
    if (code == ZIP_ER_COMPNOTSUPP) {
      return Status::Unsupported("unsupported compression method in " + name);
    }
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_ENCRNOTSUPP) {
      return Status::Unsupported("encrypted ZIP entry " + name);
    }
    if (code == ZIP_ER_NOENT || code == ZIP_ER_INVAL || code == ZIP_ER_SEEK || code == ZIP_ER_EOF ||
        code == ZIP_ER_INCONS || code == ZIP_ER_READ) {
      // libzip's own words ("No such file", "Invalid argument") would send
      // the reader looking for a missing file: the entry's data is not where
      // the ZIP directory says (declared beyond the end of the file).
      return Status::InvalidInput("damaged or truncated ZIP archive: the data of " + name +
                                  " is not where the ZIP directory says (beyond the end of the file?)");
    }
    return Status::InvalidInput("damaged or truncated ZIP archive: cannot open " + name + " (" +
                                zip_error_strerror(e) + ")");
  }
  auto reader = std::unique_ptr<ZipPartReader>(new ZipPartReader());
  reader->archive_ = this;
  reader->file_ = f;
  reader->name_ = name;
  reader->declared_size_ = size;
  reader->compressed_size_ = csize;
  *out = std::move(reader);
  return Status::Ok();
}

Status ZipArchive::ReadPart(const std::string& name, std::string* out) {
  std::unique_ptr<ZipPartReader> r;
  Status s = OpenPart(name, &r);
  if (!s.ok()) return s;
  out->clear();
  char buf[16384];
  for (;;) {
    int n = r->Read(buf, sizeof buf);
    if (n < 0) return r->status();
    if (n == 0) break;
    out->append(buf, n);
  }
  return Status::Ok();
}

ZipPartReader::~ZipPartReader() {
  if (file_ != nullptr) zip_fclose(file_);
}

int ZipPartReader::Read(char* buf, int len) {
  if (!status_.ok()) return -1;
  zip_int64_t n = zip_fread(file_, buf, static_cast<zip_uint64_t>(len));
  if (n < 0) {
    zip_error_t* e = zip_file_get_error(file_);
    int code = zip_error_code_zip(e);
    if (code == ZIP_ER_CRC) {
      status_ = Status::InvalidInput("damaged ZIP archive: CRC error in " + name_);
    } else {
      status_ = Status::InvalidInput("damaged or truncated ZIP archive: cannot inflate " + name_ +
                                     " (" + zip_error_strerror(e) + ")");
    }
    return -1;
  }
  read_ += static_cast<uint64_t>(n);
  archive_->total_read_ += static_cast<uint64_t>(n);
  const ExtractOptions& o = archive_->opts_;
  if (archive_->total_read_ > o.max_uncompressed_bytes) {
    status_ = Status::LimitExceeded("疑似ZIP炸弹：解压后超过上限 " + Mib(o.max_uncompressed_bytes) +
                                    "（ZIP bomb suspected: more than " + Mib(o.max_uncompressed_bytes) +
                                    " uncompressed while reading " + name_ + "）");
    return -1;
  }
  if (read_ > declared_size_ + 65536 && read_ > ZipArchive::kRatioFloorBytes) {
    status_ = Status::LimitExceeded("疑似ZIP炸弹：" + name_ + " 解压后大于其头部声明的大小（ZIP bomb suspected: " +
                                    name_ + " inflates to more than the size its header declares）");
    return -1;
  }
  if (o.max_compression_ratio > 0 && read_ > ZipArchive::kRatioFloorBytes &&
      static_cast<double>(read_) > o.max_compression_ratio * static_cast<double>(compressed_size_)) {
    status_ = Status::LimitExceeded("疑似ZIP炸弹：" + name_ + " 的压缩比超过上限（ZIP bomb suspected: " + name_ +
                                    " inflates beyond the compression ratio bound）");
    return -1;
  }
  return static_cast<int>(n);
}

}  // namespace jixiao::docx
