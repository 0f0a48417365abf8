#!/usr/bin/env bash
# Regenerates the app icons in build/ from build/icon.svg (48 px and up) and
# build/icon-small.svg (the same mark on a 16 px grid, for 16/24/32 px). The outputs are committed,
# so neither CI nor a release machine needs these tools; a designer who changes an SVG runs this.
# Tools (Debian packages, offline once installed): librsvg2-bin icoutils icnsutils.
set -euo pipefail
cd "$(dirname "$0")/../build"
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool is missing — apt-get install -y librsvg2-bin icoutils icnsutils"; exit 1; }
done
rm -rf icons && mkdir icons
for size in 16 24 32; do rsvg-convert -w $size -h $size icon-small.svg -o icons/${size}x${size}.png; done
for size in 48 64 128 256 512 1024; do rsvg-convert -w $size -h $size icon.svg -o icons/${size}x${size}.png; done
cp icons/1024x1024.png icon.png
# Windows: the small sizes as bitmaps, 256 as PNG inside the .ico (what Explorer expects).
icotool -c -o icon.ico icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png -r icons/256x256.png
# macOS: every size the .icns format holds.
png2icns icon.icns icons/16x16.png icons/32x32.png icons/48x48.png icons/128x128.png icons/256x256.png icons/512x512.png icons/1024x1024.png >/dev/null
echo "make-icons: build/icons/*.png, build/icon.png, build/icon.ico, build/icon.icns"
