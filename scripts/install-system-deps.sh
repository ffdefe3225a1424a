#!/usr/bin/env bash
# Debian packages gridpay needs beyond Python: a CJK font for charts and PDFs, HarfBuzz's
# subsetter (fast font subsetting in WeasyPrint), poppler-utils (pdftotext/pdffonts in tests)
# and chromium (the headless screenshot test). Installs only what is missing.
set -euo pipefail
packages=(fonts-noto-cjk libharfbuzz-subset0 poppler-utils chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "gridpay setup: please install these Debian packages first: ${missing[*]}" >&2
  exit 1
fi
echo "gridpay setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
