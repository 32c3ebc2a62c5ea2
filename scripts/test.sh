#!/usr/bin/env bash
# Runs every test of tracekit, installing what a fresh Debian/Ubuntu machine lacks first (as root).
# Kernel tests need root and BPF: they skip with a one-line reason otherwise, and fail instead of
# skipping when TRACEKIT_REQUIRE_BPF=1 (as CI sets it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh"
cd "$root"
profile=()
if [ "$(uname -s)" != Linux ] || ! need_packages "${BUILD_PACKAGES[@]}"; then
  if [ "${TRACEKIT_REQUIRE_BPF:-0}" = 1 ]; then
    echo "tracekit: TRACEKIT_REQUIRE_BPF=1 but the recorder's toolchain is missing" >&2
    exit 1
  fi
  echo "tracekit: testing without the recorder (it needs Linux with clang and libbpf-dev)" >&2
  profile=(-P '!linux')
fi
if [ "$(uname -s)" = Linux ]; then
  need_packages "${TEST_PACKAGES[@]}" || echo "tracekit: without them the HTML report's rendering check is skipped and the Prometheus scrape test fails" >&2
fi
use_jdk
mvn -B verify "${profile[@]}"
