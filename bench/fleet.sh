#!/usr/bin/env bash
# The fleet summary on Spark in local mode beside the single-machine analyzer, on one generated recording,
# and the fleet summary over the same recording compacted into a Parquet table (fleet compact; issues 7, 15;
# results in BENCHMARKS.md). All runs must print the same summary; the script checks that.
#
# Usage: bench/fleet.sh [EVENTS]   (default 50,000,000; needs the jars from scripts/build.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib.sh
use_jdk
events=${1:-50000000}
out=$root/bench/results/fleet
rm -rf "$out"
mkdir -p "$out"
"$JAVA_HOME/bin/java" -cp analyzer/target/tracekit-analyzer.jar bench/GenerateRecording.java "$out/rec" "$events" >&2
start=$(date +%s.%N)
bin/tracekit fleet compact "$out/rec" --to "$out/table" >&2
compact=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')

# Wall seconds of one command, its stdout kept for the comparison.
timed() {
  local start end
  start=$(date +%s.%N)
  "$@" > "$out/last.txt"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}

echo "| tool | run | wall s | events/s |"
echo "|---|---:|---:|---:|"
awk -v s="$compact" -v n="$events" 'BEGIN { printf "| fleet `compact` into Parquet (once) | - | %.1f | %.0f |\n", s, n / s }'
for round in 1 2; do
  a=$(timed bin/tracekit summary "$out/rec")
  mv "$out/last.txt" "$out/analyzer.txt"
  f=$(timed bin/tracekit fleet summary "$out/rec")
  mv "$out/last.txt" "$out/fleet.txt"
  cmp -s "$out/analyzer.txt" "$out/fleet.txt" || { echo "bench/fleet.sh: the summaries differ" >&2; diff "$out/analyzer.txt" "$out/fleet.txt" >&2; exit 1; }
  awk -v r="$round" -v s="$a" -v n="$events" -v c="$(nproc)" \
    'BEGIN { printf "| analyzer `summary`, %d threads | %d | %.1f | %.0f |\n", c, r, s, n / s }'
  awk -v r="$round" -v s="$f" -v n="$events" -v a="$a" \
    'BEGIN { printf "| fleet `summary`, Spark local[*] (%.1fx the analyzer) | %d | %.1f | %.0f |\n", s / a, r, s, n / s }'
  t=$(timed bin/tracekit fleet summary "$out/table")
  cmp -s "$out/analyzer.txt" "$out/last.txt" || { echo "bench/fleet.sh: the summary over the table differs" >&2; diff "$out/analyzer.txt" "$out/last.txt" >&2; exit 1; }
  awk -v r="$round" -v s="$t" -v n="$events" -v a="$a" \
    'BEGIN { printf "| fleet `summary` over the compacted table (%.1fx the analyzer) | %d | %.1f | %.0f |\n", s / a, r, s, n / s }'
  # fixed cost: the same two tools on the smallest fixture, where start-up and job planning are all there is
  a=$(timed bin/tracekit summary testdata/fixtures/x86_64-web1)
  f=$(timed bin/tracekit fleet summary testdata/fixtures/x86_64-web1)
  awk -v r="$round" -v a="$a" -v f="$f" \
    'BEGIN { printf "| fixed cost (x86_64-web1 fixture): analyzer %.1f s, fleet %.1f s | %d | %.1f | - |\n", a, f, r, f }'
done
rm -rf "$out/rec" "$out/table"
