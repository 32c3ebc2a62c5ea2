#!/usr/bin/env bash
# What reading other schema versions costs the analyzer (schema/README.md, "How readers apply them"), measured
# side by side in one run, one thread, output to /dev/null:
#   base     the analyzer before schema evolution (BASE, a commit), on a version 1 recording
#   current  this checkout's analyzer on the same files: the hand-written decoders, which must not slow down
#   resolved this checkout's analyzer on the same events rewritten as a later minor version would write them
#            (testdata's FutureVersionWriter), read through Avro's schema resolution
# Rounds alternate the three; medians and the median per-round ratio to base are printed as Markdown.
#
# Usage (from the repository root; ~5 min, run alone): bench/schema-evolution.sh BASE [EVENTS] [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib.sh
base=${1:?usage: bench/schema-evolution.sh BASE [EVENTS] [ROUNDS]}
events=${2:-10000000}
rounds=${3:-5}
use_jdk
java=$JAVA_HOME/bin/java
out=$root/bench/results/schema-evolution
rm -rf "$out"
mkdir -p "$out"
trap 'git worktree remove --force "$out/base-src" >/dev/null 2>&1 || true' EXIT

echo "bench: building this checkout and $base" >&2
mvn -q -B -o package -DskipTests -pl schema,testdata,analyzer
git worktree add -q --detach "$out/base-src" "$base"
(cd "$out/base-src" && mvn -q -B -o package -DskipTests -pl schema,analyzer -am)
base_jar=$out/base-src/analyzer/target/tracekit-analyzer.jar
jar=$root/analyzer/target/tracekit-analyzer.jar

echo "bench: a version 1 recording of $events events, and the same rewritten as version $(ls schema/history | sort -V | tail -1 | tr -d v)+" >&2
"$java" -cp "$base_jar" bench/GenerateRecording.java "$out/v1" "$events" >&2
"$java" -cp "$jar:testdata/target/tracekit-testdata-0.1.0-SNAPSHOT.jar" dev.tracekit.testdata.FutureVersionWriter \
  "$out/v1" "$out/later" 2>&1 | grep -v '^WARNING' >&2 || true

seconds() { # wall seconds of one summary
  local start end
  start=$(date +%s.%N)
  "$java" -jar "$1" summary --threads 1 "$2" > /dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f\n", b - a}' 
}
: > "$out/rounds.tsv"
for ((r = 1; r <= rounds; r++)); do
  b=$(seconds "$base_jar" "$out/v1"); c=$(seconds "$jar" "$out/v1"); l=$(seconds "$jar" "$out/later")
  printf '%s\t%s\t%s\n' "$b" "$c" "$l" >> "$out/rounds.tsv"
  echo "bench: round $r: base $b s, current $c s, resolved $l s" >&2
done
# Same output for the three, or the timing compares different work.
"$java" -jar "$base_jar" summary "$out/v1" > "$out/base.txt"
"$java" -jar "$jar" summary "$out/v1" > "$out/current.txt"
"$java" -jar "$jar" summary "$out/later" > "$out/later.txt"
cmp -s "$out/base.txt" "$out/current.txt" && cmp -s "$out/base.txt" "$out/later.txt" \
  || { echo "bench: the three summaries differ" >&2; exit 1; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
col() { cut -f"$1" "$out/rounds.tsv" | median; }
ratio() { awk -F'\t' -v c="$1" '{print $c / $1}' "$out/rounds.tsv" | median; }
echo "| read path | files | median wall s ($rounds rounds, summary, 1 thread, $events events) | events/s | median ratio to base (per round) |"
echo "|---|---|---:|---:|---:|"
for spec in "base ($base)|version 1|1" "current, hand-written decoders|version 1|2" "current, Avro resolution|later minor version|3"; do
  IFS='|' read -r name files c <<< "$spec"
  s=$(col "$c")
  printf '| %s | %s | %.2f | %.1fM | %.2f× |\n' "$name" "$files" "$s" "$(awk -v n="$events" -v s="$s" 'BEGIN {print n / s / 1e6}')" "$(ratio "$c")"
done
