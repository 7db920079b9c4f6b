#!/bin/sh
# Old-format fixtures for extractors/convert (run from anywhere; needs
# libreoffice-writer-nogui). Committed, so tests need only soffice itself.
#   rate-mismatch.doc  corpus/variants/rate-mismatch.docx saved by LibreOffice
#                      as Word 97-2003 (.doc): 预算执行率95% where 24 of 24
#                      万元 were spent
# The .wps test copies it under WPS Writer's extension at test time: WPS
# writes .wps in the Word binary layout (an OLE2 file with a WordDocument
# stream), and LibreOffice has no WPS export filter to make one otherwise.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/../variants/rate-mismatch.docx" "$tmp/rate-mismatch.docx"
soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
  --convert-to "doc:MS Word 97" --outdir "$tmp" "$tmp/rate-mismatch.docx" >/dev/null
cp "$tmp/rate-mismatch.doc" "$here/rate-mismatch.doc"
