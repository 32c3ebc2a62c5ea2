#!/bin/bash
# Two analyzer builds side by side on one recording: runs A and B alternately, ROUNDS times each, and prints
# each one's CPU seconds (user + system) sorted, then whether their outputs were identical. CPU time rather than
# wall time, because on a shared 2-CPU machine it is what one build costs whatever else runs.
#
#   bench/analyzer-ab.sh A.jar B.jar RECORDING ROUNDS VERB [ARGS...]
#   e.g. bench/analyzer-ab.sh /tmp/old.jar analyzer/target/tracekit-analyzer.jar /tmp/gen-10M 8 summary --threads 1
# (a recording from: java -cp analyzer/target/tracekit-analyzer.jar bench/GenerateRecording.java DIR 10000000)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
use_jdk
a=$1 b=$2 rec=$3 rounds=$4
shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$rounds"); do
  for side in A B; do
    jar=$a
    [ "$side" = B ] && jar=$b
    /usr/bin/time -f "%U %S" -o "$work/time" java -jar "$jar" "$@" "$rec" > "$work/out-$side" 2>/dev/null
    echo "$side $(awk '{print $1 + $2}' "$work/time")" >> "$work/cpu"
  done
done
for side in A B; do
  echo "$side: $(awk -v s=$side '$1 == s {print $2}' "$work/cpu" | sort -n | tr '\n' ' ')"
done
cmp -s "$work/out-A" "$work/out-B" && echo "outputs identical" || echo "outputs DIFFER"
