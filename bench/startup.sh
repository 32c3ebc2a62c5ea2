#!/usr/bin/env bash
# Start-up of released packages side by side, as an operator meets it (issues 13 item 5 and 16 item 5):
#   bench/startup.sh ROUNDS UNPACKED_RELEASE...
# each UNPACKED_RELEASE a directory where a tarball of scripts/package.sh was unpacked (its bin/tracekit is run).
# Prints the recorder's ready and stop times beside libbpf-tools' opensnoop (bench/StartStop.java, rounds
# interleaved), then the analyzer's small commands with hyperfine (each command's runs in a row, after warm-ups).
# Run as root with nothing else running; it takes the kernel lock for the recorder's part.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh"
if [ $# -lt 2 ]; then
  echo "usage: bench/startup.sh ROUNDS UNPACKED_RELEASE..." >&2
  exit 2
fi
rounds=$1
shift
need_packages hyperfine libbpf-tools coreutils || exit 2
use_jdk
launchers=()
for release in "$@"; do
  [ -x "$release/bin/tracekit" ] || { echo "bench/startup.sh: $release/bin/tracekit is not there" >&2; exit 2; }
  launchers+=("$release/bin/tracekit")
done
echo "# $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
echo "## The recorder: ready and stop (java bench/StartStop.java $rounds ...)"
flock /tmp/tracekit-kernel.lock "$JAVA_HOME/bin/java" "$root/bench/StartStop.java" "$rounds" "${launchers[@]}"

fixtures=$root/testdata/fixtures
commands=()
for launcher in "${launchers[@]}"; do
  commands+=("$launcher --version" "$launcher summary $fixtures/aarch64-db1" "$launcher kills $fixtures/aarch64-db1"
    "$launcher opens $fixtures/aarch64-db1 -x")
done
echo "## The analyzer's small commands (hyperfine, $rounds runs each after 2 warm-ups)"
table=$(mktemp)
hyperfine -N --warmup 2 --runs "$rounds" --style none --export-markdown "$table" "${commands[@]}" >/dev/null
cat "$table"
rm -f "$table"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
