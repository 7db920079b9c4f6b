#!/usr/bin/env bash
# Installs the Debian 12 packages jixiao needs (only those missing), then
# configures build/ in Release and builds build/jixiao (`cmake --build build`
# builds the tests too).
#   scripts/setup.sh           build dependencies + build
#   scripts/setup.sh --test    also what the tests, fuzzing and sanitizers need
set -euo pipefail
cd "$(dirname "$0")/.."

build_packages=(
  cmake g++ make pkg-config
  libpoppler-cpp-dev libpoppler-private-dev libxml2-dev libicu-dev libre2-dev libspdlog-dev
  libzip-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev libssl-dev libxlsxwriter-dev
  libopencc-dev libopencc-data  # 繁→简 before facts and search indexing
  libgtest-dev
  libtesseract-dev libleptonica-dev tesseract-ocr-chi-sim  # OCR of scanned pages (extractors/ocr)
  libcpp-httplib-dev  # `jixiao serve`: the HTTP server (PDF pages rendered with libpoppler-cpp, above)
)
test_packages=(
  clang libclang-rt-14-dev   # libFuzzer, ASan/UBSan
  python3 python3-jsonschema # validation of the JSON output against schemas/
  poppler-utils zip unzip qpdf ninja-build
  imagemagick   # corpus/scans/make_scans.py and bench/ocr_bench.sh make scans
  chromium fonts-noto-cjk  # the review pages in a headless browser (tests/e2e/browser)
  libreoffice-writer-nogui # .doc and .wps converted by soffice (extractors/detect/convert_test.cc)
)

packages=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then packages+=("${test_packages[@]}"); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm may come from elsewhere than Debian (a nodejs package that
# bundles npm conflicts with Debian's npm): a working command is enough.
if [[ "${1:-}" == "--test" ]]; then
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# puppeteer-core for the browser test, at the version of its lock file; it
# drives Debian's Chromium and downloads no browser.
if [[ "${1:-}" == "--test" ]]; then
  (cd tests/e2e/browser && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target jixiao -j"$(nproc)"
