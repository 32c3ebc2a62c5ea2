#!/usr/bin/env bash
# Tests a release as an operator would (run through scripts/package.sh --check, which builds it first):
#  - the tarball is within its size budget, unpacks anywhere, and with every JDK of this machine hidden (a
#    mount namespace over /usr/lib/jvm, no JAVA_HOME, no java on PATH) prints its version, records this host
#    (root with BPF), analyses the recording, renders its man pages and completes words;
#  - a host without libbpf1 or without BTF gets one clear line and exit 2;
#  - the .deb has the expected files and Depends: libbpf1, installs, works from /usr/bin, and purging it
#    leaves nothing behind.
# Needs root (namespaces, dpkg -i). Prints "N passed, N failed" at the end; exits 1 when anything failed.
set -euo pipefail
tarball=$1 deb=$2 version=$3
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh" # ANALYZER_JVM_FLAGS: the flags the release launcher gives the analyzer
if [ "$(id -u)" -ne 0 ]; then
  echo "package check: needs root (mount namespaces, dpkg -i)" >&2
  exit 2
fi
passed=0 failed=0
ok() { echo "package check: ok   $1"; passed=$((passed + 1)); }
bad() { echo "package check: FAIL $1" >&2; failed=$((failed + 1)); }
expect() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

work=$(mktemp -d /tmp/tracekit-package-check.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The budget is 60 MB of download.
size=$(stat -c %s "$tarball")
expect "tarball is $((size / 1000000)) MB (budget 60 MB)" test "$size" -le 60000000

mkdir "$work/unpacked"
tar -C "$work/unpacked" -xzf "$tarball"
pkg=$(echo "$work"/unpacked/tracekit-*)
expect "tarball holds no fleet (Spark) jar" test -z "$(find "$pkg" -name '*fleet*' -o -name 'spark-*.jar')"

# Every JDK hidden: whatever an operator's shell has, the package must not lean on it.
hidden() {
  unshare --mount --propagation private env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    bash -c 'mount -t tmpfs -o ro tmpfs /usr/lib/jvm && exec "$@"' hidden "$@"
}
expect "no java, javac or libjvm.so is reachable with the JDKs hidden" \
  hidden bash -c '! command -v java && ! command -v javac && [ -z "${JAVA_HOME:-}" ] &&
    [ -z "$(find /usr /opt -name libjvm.so -not -path "'"$work"'/*" 2>/dev/null)" ]'

out=$(hidden "$pkg/bin/tracekit" --version 2>&1) || true
expect "tracekit --version says $version ($out)" grep -q "$version" <<<"$out"
out=$(hidden "$pkg/bin/tracekit" record --version 2>&1) || true
expect "tracekit record --version says $version ($out)" grep -q "$version" <<<"$out"

# The AOT caches were trained elsewhere (the build's staging directory): they must still map here, with the
# flags bin/tracekit gives each jar (AOTMode=on makes a cache that cannot be used an error, not a slow start).
expect "the analyzer's AOT cache maps from where the tarball was unpacked" hidden "$pkg/runtime/bin/java" \
  "${ANALYZER_JVM_FLAGS[@]}" -XX:AOTMode=on -XX:AOTCache="$pkg/lib/tracekit-analyzer.aot" -jar "$pkg/lib/tracekit-analyzer.jar" \
  kills "$root/testdata/fixtures/aarch64-db1"
expect "the recorder's AOT cache maps from where the tarball was unpacked" hidden "$pkg/runtime/bin/java" \
  --enable-native-access=ALL-UNNAMED -XX:AOTMode=on -XX:AOTCache="$pkg/lib/tracekit-recorder.aot" \
  -jar "$pkg/lib/tracekit-recorder.jar" --version

rec=$work/rec
if [ -r /sys/kernel/btf/vmlinux ]; then
  probe=$work/probe-$$.conf
  hidden bash -c '"$1" record -d 3s -o "$2" 2>"$2.log" & recorder=$!
    until grep -qs "recording \[" "$2.log" || ! kill -0 $recorder 2>/dev/null; do sleep 0.05; done
    for _ in 1 2 3; do cat "$3" 2>/dev/null; sleep 0.1; done
    wait $recorder' hidden "$pkg/bin/tracekit" "$rec" "$probe" || true
  cat "$rec.log" >&2
  expect "record wrote a recording" test -n "$(ls "$rec"/opens-*.avro 2>/dev/null)"
  out=$(hidden "$pkg/bin/tracekit" opens "$rec" --path "$probe" --format csv 2>&1) || true
  expect "the recording holds the 3 failed opens of the probe file" test "$(grep -c ENOENT <<<"$out")" -ge 3
elif [ "${TRACEKIT_REQUIRE_BPF:-0}" = 1 ]; then
  bad "record: this kernel has no BTF but TRACEKIT_REQUIRE_BPF=1"
else
  echo "package check: skip record (no BTF here); analysing the fixture instead" >&2
  rec=$root/testdata/fixtures/x86_64-web1
fi
out=$(hidden "$pkg/bin/tracekit" summary "$rec" 2>"$work/summary.err") || true
expect "summary of the recording" grep -q "Events per family" <<<"$out"
expect "summary says nothing on stderr ($(head -c 200 "$work/summary.err"))" test ! -s "$work/summary.err"
expect "report --html writes a page" hidden "$pkg/bin/tracekit" report --html "$work/report.html" "$rec"
expect "export --format avro --codec deflate" \
  hidden "$pkg/bin/tracekit" export "$rec" --format avro --codec deflate -o "$work/avro"
out=$(hidden "$pkg/bin/tracekit" export "$root/testdata/fixtures/x86_64-web1" --family opens --format parquet \
  -o "$work/opens.parquet" 2>&1) || true
expect "export --format parquet, quietly ($out)" test -z "$out" -a -s "$work/opens.parquet"
# A reader of another make than the tests' DuckDB (analyzer) and Spark (fleet): Polars, through its Node.js
# binding from npm (Debian has no pyarrow, and pandas reads Parquet only through pyarrow or fastparquet).
polars=$work/polars
case $(uname -m) in x86_64) polars_native=nodejs-polars-linux-x64-gnu ;; *) polars_native=nodejs-polars-linux-arm64-gnu ;; esac
if npm install --silent --no-audit --no-fund --prefix "$polars" nodejs-polars@0.26.1 "$polars_native@0.26.1" \
    >"$work/npm.log" 2>&1; then
  out=$(NODE_PATH=$polars/node_modules node "$root/packaging/src/check/polars-read.js" "$work/opens.parquet" 2>&1) || true
  expect "Polars reads the Parquet export: 6013 opens, 1 ENOENT of /etc/missing.conf, UTC times, strings ($out)" \
    test "$out" = "6013 1 DataType(Datetime(us,UTC)) DataType(String)"
else
  cat "$work/npm.log" >&2
  bad "npm could not install nodejs-polars"
fi
out=$(hidden "$pkg/bin/tracekit" fleet summary "$rec" 2>&1) && bad "fleet is refused" || true
expect "fleet is refused in one line ($out)" test "$(wc -l <<<"$out")" -eq 1

# A host that cannot record: one line, exit 2, from the package.
unmet() {
  local what=$1 mount=$2 expected=$3 status=0
  out=$(unshare --mount --propagation private env -i PATH=/usr/bin:/bin bash -c "$mount"' && exec "$@"' \
    unmet "$pkg/bin/tracekit" record -d 1s -o "$work/unmet" 2>&1) || status=$?
  expect "$what: exit 2 with one line ($out)" \
    test "$status" -eq 2 -a "$(wc -l <<<"$out")" -eq 1 -a -z "${out##*"$expected"*}"
}
libbpf=$(readlink -f "$(ldconfig -p | awk '/libbpf\.so\.1 .*x86-64|libbpf\.so\.1 .*AArch64/ {print $NF; exit}')")
unmet "no libbpf1" "mount --bind /dev/null $libbpf" "libbpf.so.1 is not installed"
unmet "a kernel without BTF" "mount -t tmpfs tmpfs /sys/kernel/btf" "kernel has no BTF"

# Man pages: one per verb, and they render.
verbs=(summary syscalls opens kills events procs top diff export report record watch)
for verb in "" "${verbs[@]}"; do
  page=$pkg/share/man/man1/tracekit${verb:+-$verb}.1.gz
  expect "man page $(basename "$page") renders" bash -c 'MANWIDTH=80 man -l "$1" 2>/dev/null | grep -q "^SYNOPSIS"' _ "$page"
done
expect "tracekit-record(1) documents --events" bash -c 'man -l "$1" 2>/dev/null | grep -q -- "--events"' _ \
  "$pkg/share/man/man1/tracekit-record.1.gz"

# Completion, as bash runs it on <TAB>.
complete_words() {
  bash -c 'source "$1"; read -ra COMP_WORDS <<<"$2"; [[ $2 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=$2; COMP_POINT=${#2}; COMPREPLY=()
    _complete_tracekit 2>/dev/null; echo "${COMPREPLY[*]}"' _ "$pkg/share/bash-completion/completions/tracekit" "$1"
}
expect "bash completes verbs" grep -qw record <<<"$(complete_words "tracekit re")"
expect "bash completes options" grep -qw -- --failed-only <<<"$(complete_words "tracekit record --fa")"
expect "bash completes event families" grep -qw kernel-signals <<<"$(complete_words "tracekit record --events ")"
expect "bash completes signal names" grep -qw SIGTERM <<<"$(complete_words "tracekit kills --signal SIGT")"
expect "bash completes syscall names" grep -qw openat <<<"$(complete_words "tracekit syscalls --syscall open")"
expect "zsh completion parses" zsh -n "$pkg/share/zsh/site-functions/_tracekit"
# zsh, as a terminal drives it: TAB twice after --events in an interactive shell with the file on fpath.
out=$(timeout 20 zsh -f -c 'zmodload zsh/zpty; zpty z zsh -f -i
  zpty -w z "fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; tracekit() { : }"
  zpty -n -w z $'"'"'tracekit record --events \t\t'"'"'
  out=; for i in {1..60}; do  # a busy machine may take seconds to complete: read until it shows, 15 s at most
    while zpty -r -t z chunk; do out+=$chunk; done; [[ $out == *kernel-signals* ]] && break; sleep 0.25; done
  zpty -d z; print -r -- "$out"' _ \
  "$pkg/share/zsh/site-functions" 2>&1) || true
expect "zsh completes event families, with no error" \
  bash -c 'grep -q kernel-signals <<<"$1" && ! grep -q "not found" <<<"$1"' _ "$out"

# The .deb.
contents=$(dpkg-deb -c "$deb")
expect "deb Depends: libbpf1" test "$(dpkg-deb -f "$deb" Depends)" = libbpf1
expect "deb version is $version" test "$(dpkg-deb -f "$deb" Version)" = "$version"
for path in ./opt/tracekit/bin/tracekit ./opt/tracekit/runtime/bin/java ./opt/tracekit/lib/tracekit-recorder.jar \
    ./opt/tracekit/lib/tracekit-analyzer.aot "./usr/bin/tracekit -> ../../opt/tracekit/bin/tracekit" \
    ./usr/share/man/man1/tracekit.1.gz ./usr/share/man/man1/tracekit-record.1.gz \
    ./usr/share/bash-completion/completions/tracekit ./usr/share/zsh/vendor-completions/_tracekit; do
  expect "deb holds $path" grep -qF -- " $path" <<<"$contents"
done
expect "deb holds no fleet" test -z "$(grep -i -e fleet -e spark <<<"$contents")"

if dpkg-query -W -f='${Status}' tracekit 2>/dev/null | grep -q "install ok installed"; then
  bad "a tracekit package is already installed here; not touching it"
else
  watched=(/opt /usr/bin /usr/share/man /usr/share/bash-completion /usr/share/zsh /usr/share/doc)
  find "${watched[@]}" 2>/dev/null | sort >"$work/before"
  expect "dpkg -i" dpkg -i "$deb" >/dev/null
  out=$(hidden /usr/bin/tracekit --version 2>&1) || true
  expect "installed /usr/bin/tracekit --version with the JDKs hidden ($out)" grep -q "$version" <<<"$out"
  out=$(hidden tracekit summary "$root/testdata/fixtures/x86_64-web1" 2>&1) || true
  expect "installed tracekit summary" grep -q "Events per family" <<<"$out"
  expect "man finds tracekit-record(1)" bash -c 'man -w tracekit-record >/dev/null'
  expect "dpkg --purge" dpkg --purge tracekit >/dev/null
  find "${watched[@]}" 2>/dev/null | sort >"$work/after"
  expect "purging left nothing behind" diff "$work/before" "$work/after"
fi

echo "package check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
