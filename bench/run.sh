#!/usr/bin/env bash
# Every tracekit benchmark in one run (see BENCHMARKS.md): builds the workload and tracekit, installs the peer
# tracers from Debian's packages when missing, then measures recorder overhead beside strace, perf and bpftrace,
# the lossless open rate, replays beside perf script, and analyzer throughput against raw zstd decompression. Writes bench/results/ and
# rewrites the results section of BENCHMARKS.md.
#
# Usage (root, Linux; ~15 min): bench/run.sh [--quick]
#   --quick   a smoke run (~3 min): small storms, one round, a 2M-event recording; BENCHMARKS.md is left alone.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib.sh

quick=false
[ "${1:-}" = --quick ] && quick=true
if $quick; then
  rounds=1 open_ops=50000 lossless_ops=100000 sizes=(2000000) replay_opens=200000
else
  rounds=3 open_ops=400000 lossless_ops=1000000 sizes=(10000000 50000000) replay_opens=1000000
fi
[ "$(id -u)" = 0 ] || { echo "bench/run.sh: tracing needs root" >&2; exit 2; }

# The workload's compiler, the peers (libbpf-tools for execsnoop) and GNU time (peak RSS), from Debian's packages when missing.
need_packages gcc strace linux-perf bpftrace time libbpf-tools || exit 2

scripts/build.sh
use_jdk
java=$JAVA_HOME/bin/java
out=$root/bench/results
rm -rf "$out"
mkdir -p "$out"
# A name of its own: other tests on the machine may run a "workload" too, and LosslessRate filters by name.
storm=$out/tk-bench-storm
gcc -O2 -Wall -o "$storm" bench/workload.c
gcc -O2 -Wall -o "$out/refconsumer" bench/refconsumer.c -lbpf # RecorderBench's C reference consumer

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: recorder overhead ($rounds rounds)" >&2
"$java" bench/RecorderBench.java "$storm" "$out" "$rounds" "$open_ops" > "$out/recorder.md"
echo "bench: lossless open rate" >&2
"$java" bench/LosslessRate.java "$storm" "$out" "$lossless_ops" > "$out/lossless.md"
echo "bench: replays beside perf script" >&2
"$java" bench/ReplayBench.java "$storm" "$out" "$rounds" "$replay_opens" > "$out/replay.md"
recordings=()
for n in "${sizes[@]}"; do
  echo "bench: generating a recording of $n events" >&2
  "$java" -cp analyzer/target/tracekit-analyzer.jar bench/GenerateRecording.java "$out/gen-$n" "$n" >&2
  recordings+=("$out/gen-$n")
done
echo "bench: analyzer" >&2
"$java" bench/AnalyzerBench.java "$out" "$(nproc)" "$rounds" "${recordings[@]}" > "$out/analyzer.md"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$out"/run "$out"/lossless-* "$out"/gen-* "$out"/replay-rec "$out"/replay-perf.data* # recordings are large; the tables and recorder-runs.tsv stay

{
  echo "Run: \`bench/run.sh$($quick && echo ' --quick')\`, started $started, $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)),"
  echo "$(free -g | awk '/^Mem:/ {print $2}') GiB, kernel $(uname -r), $("$java" -version 2>&1 | head -1)."
  echo "Load average (1/5/15 min) before: $load_before; after: $load_after."
  echo
  echo "### Recorder overhead"
  echo
  cat "$out/recorder.md"
  echo
  echo "### Lossless open rate"
  echo
  cat "$out/lossless.md"
  echo
  echo "### Replays beside perf script"
  echo
  cat "$out/replay.md"
  echo
  echo "### Analyzer"
  echo
  cat "$out/analyzer.md"
} > "$out/results.md"

if $quick; then
  cat "$out/results.md"
else
  # BENCHMARKS.md keeps its prose; the part between the markers is this run's.
  begin='<!-- results: written by bench/run.sh -->'
  end='<!-- end of results -->'
  awk -v begin="$begin" -v end="$end" -v file="$out/results.md" '
    $0 == begin { print; while ((getline line < file) > 0) print line; skip = 1; next }
    $0 == end { skip = 0 }
    !skip' BENCHMARKS.md > "$out/BENCHMARKS.md"
  mv "$out/BENCHMARKS.md" BENCHMARKS.md
  echo "bench: results in BENCHMARKS.md and $out" >&2
fi
