#!/usr/bin/env bash
# Writes the README's picture of the review report, OUTPUT_DIR/report.png (default
# resources/screenshots/): the demo run with a few verdicts made through `director frame`
# (a nudge and an approval, a rejection with a reason code and words, a note), its report written
# by `director report --html`, and that file drawn by a headless Chromium.
#
# A developer's step to make the picture, NOT a dependency of Director: neither the build, the
# tests nor .ci/run need Chromium. Install it only where you make the picture (Debian:
# apt-get install chromium). A browser draws the report as its readers see it; Qt's
# QTextBrowser does not follow its CSS faithfully. The other screenshots are tests/screenshot's.
#
#   tests/report_screenshot.sh [OUTPUT_DIR]     (BUILD_DIR, default build, is built first)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath "${1:-resources/screenshots}")"
build="${BUILD_DIR:-build}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "report_screenshot: no chromium here (Debian: apt-get install chromium)" >&2
    exit 1
fi
cmake --build "$build" -j2 --target director
director="$(realpath "$build/app/director")"
work="$(mktemp -d "${TMPDIR:-/tmp}/director-report.XXXXXX")"
trap 'rm -rf "$work"' EXIT
run="$work/blaze_idle_demo"
export XDG_CONFIG_HOME="$work/config" # never the developer's settings

"$director" demo "$run" --no-gui --lang en >/dev/null
frame() { "$director" frame "$run" "$@" --reviewer mara --lang en >/dev/null; }
# The demo's audit passed 12 frames, warned of 3, 5 and 9 (drifted) and failed 11 (noise): the
# verdicts are on the first frames, so that the picture shows them below the summary.
frame 3 --nudge 0,-2 --status APPROVED
frame 5 --status AUDIT_FAIL --reason SF01_IDENTITY_DRIFT \
    --reason-text "The face turns away from the anchor." \
    --note "Re-roll from the anchor: a nudge will not turn the face back."
"$director" report "$run" --html "$work/report.html" --lang en >/dev/null

# Wide enough for every column of the frames' table; tall enough for the summary, the chart
# and frames 0 to 5.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$out/report.png" --window-size=1700,2150 "file://$work/report.html" 2>/dev/null
echo "$out/report.png"
