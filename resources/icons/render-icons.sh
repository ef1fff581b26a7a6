#!/usr/bin/env bash
# Renders the application icon's hicolor PNGs from director.svg. The PNGs are
# committed, so building Director needs no SVG renderer; run this after
# changing the SVG. Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || {
    echo "render-icons.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2
    exit 1
}
# The sizes the freedesktop hicolor theme lists for applications; cmake/Packaging.cmake
# installs the same list.
for size in 16 22 24 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" --format png director.svg \
        --output "director-$size.png"
done
echo "render-icons.sh: director-{16,22,24,32,48,64,128,256}.png written"
