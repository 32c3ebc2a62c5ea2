#!/usr/bin/env bash
# Renders `tracekit report --html` of the x86_64-web1 fixture in headless Chromium and saves the screenshot as
# docs/report.png, the picture docs/report.md and the README show. Needs Debian's chromium (installed when
# missing and run as root); builds the analyzer when its jar is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib.sh
[ -f analyzer/target/tracekit-analyzer.jar ] || bash scripts/build.sh
command -v chromium >/dev/null || need_packages chromium
work=$(mktemp -d /tmp/tracekit-report.XXXXXX)
trap 'rm -rf "$work"' EXIT
bin/tracekit report --html "$work/report.html" testdata/fixtures/x86_64-web1
# A fresh profile, and no background networking: on a closed network Chromium's calls home are refused.
if ! chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=1280,2400 --screenshot="$work/report.png" "file://$work/report.html" >"$work/chromium.log" 2>&1; then
  cat "$work/chromium.log" >&2
  exit 1
fi
mkdir -p docs
cp "$work/report.png" docs/report.png
echo "tracekit: wrote docs/report.png ($(stat -c %s docs/report.png) bytes)" >&2
