#!/usr/bin/env bash
# Makes sure the browser and PDF tools the tests use are installed: Debian's Chromium (driven by
# playwright-core; `npx playwright install` cannot download here), Noto CJK fonts so Chinese pages
# render in screenshots, and poppler-utils (pdftotext, pdftoppm) to read the PDFs we generate.
# Idempotent: does nothing when all three are present. Needs root (as in CI) or sudo.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  SUDO='sudo'
fi
echo "ensure-chromium: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
/usr/bin/chromium --version >&2 || true
