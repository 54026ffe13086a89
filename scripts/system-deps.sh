#!/usr/bin/env bash
# Debian packages the pipeline needs: Tesseract with the Vietnamese models and the orientation model
# (osd: pages scanned sideways), Poppler (pdftotext for
# annotation text), Ghostscript (camelot), and Liberation fonts with Vietnamese glyphs (samples/make_samples.py).
# Installs them when run as root; otherwise names what is missing and how to install it.
set -euo pipefail
PACKAGES=(tesseract-ocr tesseract-ocr-osd tesseract-ocr-vie tesseract-ocr-script-viet poppler-utils ghostscript fonts-liberation2)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  echo "(the text pipeline works without them; PDFs and scans need them)" >&2
fi
