#!/usr/bin/env bash
# Rebuilds renderer/public/fonts/noto-sans-cjk-sc/NotoSansCJKsc-Regular-subset.otf from Debian's
# Noto CJK collection. Needs: apt-get install -y fonts-noto-cjk fonttools
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
OUT=renderer/public/fonts/noto-sans-cjk-sc/NotoSansCJKsc-Regular-subset.otf
# Face 2 of the collection is NotoSansCJKsc-Regular.
pyftsubset "$SRC" --font-number=2 \
  --unicodes="U+0020-007E,U+00A0-017F,U+0370-03FF,U+2000-206F,U+20A0-20CF,U+2100-218F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+3000-303F,U+4E00-9FFF,U+FF00-FFEF" \
  --layout-features='' --no-hinting --name-IDs='*' --name-languages='*' --output-file="$OUT"
ls -l "$OUT"
