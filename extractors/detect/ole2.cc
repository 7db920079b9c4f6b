// OLE2 (compound file binary) directory walk: header, FAT from the DIFAT,
// directory sector chain. Every read is bounds-checked and every chain is
// bounded, so a damaged file ends the walk instead of looping. Covered by
// detect_test.cc (EncryptedDocx, LegacyDoc).
#include "extractors/detect/ole2.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <unordered_set>

#include "pipeline/model/utf8.h"

namespace jixiao {

namespace {

constexpr uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr uint32_t kMaxRegular = 0xFFFFFFFA;

uint16_t U16(const unsigned char* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t U32(const unsigned char* p) {
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
         (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

class Reader {
 public:
  explicit Reader(const std::string& path) : in_(path, std::ios::binary) {
    if (in_) {
      in_.seekg(0, std::ios::end);
      size_ = static_cast<uint64_t>(in_.tellg());
      in_.seekg(0);
    }
  }
  bool ok() const { return static_cast<bool>(in_); }
  uint64_t size() const { return size_; }
  bool Read(uint64_t off, size_t len, std::vector<unsigned char>* out) {
    if (off > size_ || len > size_ - off) return false;
    out->resize(len);
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(off));
    in_.read(reinterpret_cast<char*>(out->data()), static_cast<std::streamsize>(len));
    return static_cast<bool>(in_);
  }

 private:
  std::ifstream in_;
  uint64_t size_ = 0;
};

std::string Utf16Name(const unsigned char* p, size_t bytes) {
  std::string out;
  for (size_t i = 0; i + 1 < bytes; i += 2) {
    uint16_t c = U16(p + i);
    if (c == 0) break;
    AppendUtf8(c, &out);
  }
  return out;
}

}  // namespace

bool ReadOle2EntryNames(const std::string& path, std::vector<std::string>* names,
                        size_t max_entries) {
  names->clear();
  Reader r(path);
  if (!r.ok()) return false;
  std::vector<unsigned char> h;
  if (!r.Read(0, 512, &h)) return false;
  static const unsigned char kMagic[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  if (std::memcmp(h.data(), kMagic, 8) != 0) return false;
  uint16_t shift = U16(&h[0x1E]);
  if (shift != 9 && shift != 12) return false;
  const uint64_t sector = 1ull << shift;
  uint32_t num_fat = U32(&h[0x2C]);
  uint32_t first_dir = U32(&h[0x30]);
  uint32_t first_difat = U32(&h[0x44]);
  uint32_t num_difat = U32(&h[0x48]);
  auto offset = [&](uint32_t s) { return (static_cast<uint64_t>(s) + 1) * sector; };
  uint64_t max_sectors = r.size() / sector + 1;
  if (num_fat > max_sectors) return false;

  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  std::vector<uint32_t> fat_sectors;
  for (int i = 0; i < 109 && fat_sectors.size() < num_fat; ++i) {
    uint32_t s = U32(&h[0x4C + 4 * i]);
    if (s <= kMaxRegular) fat_sectors.push_back(s);
  }
  std::vector<unsigned char> buf;
  uint32_t d = first_difat;
  for (uint32_t n = 0; n < num_difat && d <= kMaxRegular && fat_sectors.size() < num_fat; ++n) {
    if (!r.Read(offset(d), sector, &buf)) return false;
    size_t per = sector / 4 - 1;
    for (size_t i = 0; i < per && fat_sectors.size() < num_fat; ++i) {
      uint32_t s = U32(&buf[4 * i]);
      if (s <= kMaxRegular) fat_sectors.push_back(s);
    }
    d = U32(&buf[4 * per]);
  }
  // Next-sector lookup through the FAT, reading FAT sectors on demand.
  auto next = [&](uint32_t s, uint32_t* out) {
    uint64_t per = sector / 4;
    uint64_t idx = s / per;
    if (idx >= fat_sectors.size()) return false;
    std::vector<unsigned char> fat;
    if (!r.Read(offset(fat_sectors[idx]) + 4 * (s % per), 4, &fat)) return false;
    *out = U32(fat.data());
    return true;
  };

  std::unordered_set<uint32_t> seen;
  uint32_t s = first_dir;
  while (s <= kMaxRegular && names->size() < max_entries) {
    if (!seen.insert(s).second || seen.size() > max_sectors) break;  // a loop in the chain
    if (!r.Read(offset(s), sector, &buf)) break;
    for (uint64_t e = 0; e + 128 <= sector && names->size() < max_entries; e += 128) {
      const unsigned char* ent = &buf[e];
      uint16_t len = U16(ent + 64);
      uint8_t type = ent[66];
      if (type == 0 || len < 2 || len > 64) continue;
      names->push_back(Utf16Name(ent, len - 2));
    }
    uint32_t n = kEndOfChain;
    if (!next(s, &n)) break;
    s = n;
  }
  return !names->empty();
}

}  // namespace jixiao
