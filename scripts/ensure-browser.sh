#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (Playwright's own browser download does not work on
# machines without general network access), and Chinese text needs a CJK font, or it renders as
# boxes in screenshots. Install both when missing and we may (root + apt-get).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then
  echo "Chromium and a CJK font found"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing ${missing[*]} and cannot install here (needs root and apt-get)." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh container often has no package lists yet: update only when the first try fails.
apt-get install -y --no-install-recommends "${missing[@]}" \
  || { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; }
