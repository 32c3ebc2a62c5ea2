#!/usr/bin/env bash
# Builds tracekit's jars without running tests. On Linux as root it installs the toolchain the recorder
# needs (clang, libbpf-dev, ...); elsewhere it builds the analyzer alone, which needs only a JDK >= 22.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh"
cd "$root"
modules=()
if [ "$(uname -s)" = Linux ] && need_packages "${BUILD_PACKAGES[@]}"; then
  echo "tracekit: building recorder and analyzer" >&2
else
  echo "tracekit: building the analyzer and fleet only (the recorder needs Linux with clang and libbpf-dev)" >&2
  modules=(-pl analyzer,fleet -am -P '!linux')
fi
use_jdk
mvn -q -B install -DskipTests "${modules[@]}"
