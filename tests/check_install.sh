#!/usr/bin/env bash
# The CTest test "install": `cmake --install` of a built tree into a temporary prefix puts
# exactly the application's files in their places (nothing of the tests or benchmarks), the
# desktop entry and metainfo validate, every icon has its size, and the installed director
# runs and prints the project's version. .ci/package does the same with the .deb.
#
# Usage: tests/check_install.sh CMAKE BUILD_DIR VERSION [QM_FILE_NAME...]
set -euo pipefail

if (($# < 3)); then
    echo "usage: $0 CMAKE BUILD_DIR VERSION [QM_FILE_NAME...]" >&2
    exit 2
fi
cmake=$1
build=$2
version=$3
shift 3
qm_files=("$@")

root=$(mktemp -d "${TMPDIR:-/tmp}/director-install.XXXXXX")
trap 'rm -rf "$root"' EXIT
prefix="$root/prefix"

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

echo "cmake --install $build --prefix $prefix"
if ! "$cmake" --install "$build" --prefix "$prefix" >"$root/install.log" 2>&1; then
    cat "$root/install.log" >&2
    echo "FAIL: cmake --install failed" >&2
    exit 1
fi

# Every file that must be installed, and nothing else.
icon_sizes=(16 22 24 32 48 64 128 256)
expected=(
    bin/director
    bin/director-inpaint-anchor
    share/applications/director.desktop
    share/metainfo/director.metainfo.xml
    share/icons/hicolor/scalable/apps/director.svg
)
for size in "${icon_sizes[@]}"; do
    expected+=("share/icons/hicolor/${size}x${size}/apps/director.png")
done
for qm in "${qm_files[@]}"; do
    expected+=("share/director/translations/$qm")
done

for file in "${expected[@]}"; do
    if [ ! -s "$prefix/$file" ]; then
        fail "$file is not installed (or is empty)"
    fi
done
while IFS= read -r file; do
    found=0
    for want in "${expected[@]}"; do
        if [ "$file" = "$want" ]; then
            found=1
            break
        fi
    done
    ((found)) || fail "$file is installed but is not one of the application's files"
done < <(cd "$prefix" && find . \( -type f -o -type l \) -printf '%P\n' | sort)

# Each PNG is the size its folder says (the width and height in the IHDR chunk).
for size in "${icon_sizes[@]}"; do
    png="$prefix/share/icons/hicolor/${size}x${size}/apps/director.png"
    [ -s "$png" ] || continue
    read -r w3 w2 w1 w0 h3 h2 h1 h0 < <(od -An -tu1 -j16 -N8 "$png")
    width=$(((w3 << 24) | (w2 << 16) | (w1 << 8) | w0))
    height=$(((h3 << 24) | (h2 << 16) | (h1 << 8) | h0))
    if [ "$width" != "$size" ] || [ "$height" != "$size" ]; then
        fail "${size}x${size}/apps/director.png is ${width}x${height}"
    fi
done
svg="$prefix/share/icons/hicolor/scalable/apps/director.svg"
if [ -s "$svg" ] && ! grep -q '<svg' "$svg"; then
    fail "scalable/apps/director.svg is not an SVG"
fi

# The desktop entry and the metainfo, when the validators are there (.ci/deps installs both).
desktop="$prefix/share/applications/director.desktop"
if [ -s "$desktop" ]; then
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$desktop" || fail "desktop-file-validate: director.desktop"
    else
        echo "note: desktop-file-validate is not installed; the desktop entry is not validated"
    fi
    grep -qx 'Exec=director %f' "$desktop" || fail "director.desktop: Exec is not 'director %f'"
    grep -qx 'Icon=director' "$desktop" || fail "director.desktop: Icon is not 'director'"
fi
metainfo="$prefix/share/metainfo/director.metainfo.xml"
if [ -s "$metainfo" ]; then
    grep -q "<release version=\"$version\"" "$metainfo" ||
        fail "director.metainfo.xml: its release is not $version"
    if command -v appstreamcli >/dev/null; then
        # The component is named after the desktop entry (director.desktop), not in reverse-DNS.
        appstreamcli validate --no-net --pedantic --no-color \
            --override=cid-desktopapp-is-not-rdns=info "$metainfo" >"$root/appstream.log" 2>&1 ||
            {
                cat "$root/appstream.log" >&2
                fail "appstreamcli validate: director.metainfo.xml"
            }
    else
        echo "note: appstreamcli is not installed; the metainfo is not validated"
    fi
fi

# The installed binary: no run path into the build tree, and it runs.
binary="$prefix/bin/director"
if [ -x "$binary" ]; then
    if command -v readelf >/dev/null &&
        readelf -d "$binary" | grep -E '\((RPATH|RUNPATH)\)' | grep -qF "$build"; then
        fail "bin/director has a run path into the build tree"
    fi
    if out=$("$binary" --version 2>&1); then
        if [ "$out" != "director $version" ]; then
            fail "director --version printed '$out', expected 'director $version'"
        fi
    else
        fail "director --version failed: $out"
    fi
else
    fail "bin/director is not executable"
fi

# The bundled inpainting provider, next to director (where director looks for it): no run
# path into the build tree, and it answers a request that is not JSON with an error.
provider="$prefix/bin/director-inpaint-anchor"
if [ -x "$provider" ]; then
    if command -v readelf >/dev/null &&
        readelf -d "$provider" | grep -E '\((RPATH|RUNPATH)\)' | grep -qF "$build"; then
        fail "bin/director-inpaint-anchor has a run path into the build tree"
    fi
    if out=$(echo 'not json' | "$provider" 2>&1); then
        fail "director-inpaint-anchor accepted a request that is not JSON: $out"
    elif ! grep -q '"error"' <<<"$out"; then
        fail "director-inpaint-anchor did not answer with an error: $out"
    fi
else
    fail "bin/director-inpaint-anchor is not executable"
fi

if ((failures)); then
    echo "$failures problem(s) with the installed files" >&2
    exit 1
fi
echo "install: ${#expected[@]} files in place, director --version: director $version"
