# Shared by tracekit's scripts: find a JDK >= 22 and install what a fresh Debian/Ubuntu machine lacks.
# Sourced, not run.

# Prints the feature version of the java at $1 (a JAVA_HOME), or nothing. Read from the JDK's release file
# when it has one: bin/tracekit asks on every run, and starting a JVM to ask costs ~0.1 s per candidate.
jdk_version() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  fi
  echo "$v"
}

# Exports JAVA_HOME as a JDK >= 22: JAVA_HOME if it qualifies, else the newest one under /usr/lib/jvm
# or behind the java on PATH.
use_jdk() {
  local candidate best="" best_version=0 v on_path=""
  if command -v java >/dev/null; then on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")"); fi
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$on_path"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    v=$(jdk_version "$candidate")
    [ -n "$v" ] || continue
    if [ "$v" -ge 22 ] && [ "$v" -gt "$best_version" ]; then best=$candidate; best_version=$v; fi
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$v" -ge 22 ]; then best=$candidate; break; fi
  done
  if [ -z "$best" ]; then
    echo "tracekit: no JDK >= 22 found in JAVA_HOME or /usr/lib/jvm; install one (e.g. Temurin 25) and set JAVA_HOME" >&2
    exit 2
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Installs the Debian packages named, when missing and we are root; otherwise says what is missing.
need_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "tracekit: missing packages: ${missing[*]} (install them as root)" >&2
    return 1
  fi
  echo "tracekit: installing ${missing[*]}" >&2
  apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}" >/dev/null
}

# Trains the analyzer's AOT cache at $3 with the java $1 on the analyzer jar $2: AotTraining runs the small
# commands (summary, opens, kills, events, export, ...) over two fixtures of the checkout at $4 in one JVM, since
# a run of one verb builds that verb's command line alone and a cache holds only what its training loaded. The
# flags are the launcher's (ANALYZER_JVM_FLAGS below). Classes only, as the recorder's: the method profiles
# (JEP 515) made the cache 0.5 MB larger compressed, against a tarball budget of 60 MB, and small commands no
# faster (summary db1: 0.54 s with them, 0.51 s without, medians of 6 alternating runs on a loaded machine).
# Prints the training's log and fails when it fails.
train_analyzer_aot() {
  local java=$1 jar=$2 aot=$3 checkout=$4 log rc=0
  log=$(mktemp)
  "$java" "${ANALYZER_JVM_FLAGS[@]}" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput="$aot" \
    -cp "$jar" dev.tracekit.analyzer.cli.AotTraining \
    "$checkout/testdata/fixtures/x86_64-web1" "$checkout/testdata/fixtures/aarch64-db1" >/dev/null 2>"$log" || rc=$?
  if [ "$rc" -ne 0 ]; then cat "$log" >&2; fi
  rm -f "$log"
  return "$rc"
}

# Trains the recorder's AOT cache (JEPs 483/514) at $3 with the java $1 on the recorder jar $2, which the
# launcher then runs with --enable-native-access=ALL-UNNAMED as here (a cache made with other flags is refused):
# a one-second recording of this host when it can record (root with BTF), so the cache holds the classes
# of the whole start up to attaching; else only the option parsing. Prints the training's log and
# fails when the training fails.
train_recorder_aot() {
  local java=$1 jar=$2 aot=$3 scratch training=(--help) rc=0
  scratch=$(mktemp -d)
  if [ "$(id -u)" -eq 0 ] && [ -r /sys/kernel/btf/vmlinux ]; then
    training=(-d 1s -o "$scratch/recording")
  else
    echo "tracekit: not root with BPF here: the recorder's AOT cache covers its start-up up to loading BPF only" >&2
  fi
  # Classes only, no method profiles (JEP 515): replaying the training's profiles makes the JIT compile what was
  # hot in it at once, ~0.3 s of CPU that on two cores competes with the start for ~40 ms more to "recording"
  # (BENCHMARKS.md). Without them the JIT compiles the recording loop as it gets hot, as without a cache.
  "$java" --enable-native-access=ALL-UNNAMED -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining \
    -XX:AOTCacheOutput="$aot" -jar "$jar" "${training[@]}" \
    >/dev/null 2>"$scratch/training.log" || rc=$?
  if [ "$rc" -ne 0 ]; then cat "$scratch/training.log" >&2; fi
  rm -rf "$scratch"
  return "$rc"
}

# The packages the Linux build (bpf and recorder modules) needs besides a JDK.
BUILD_PACKAGES=(maven clang llvm libbpf-dev libbpf1 linux-libc-dev gcc)

# What scripts/package.sh uses besides the build: zip trims the jars' foreign native libraries; man-db, zsh
# and npm (for Polars) serve --check: it reads the man pages, completes in zsh and reads the Parquet export.
PACKAGE_PACKAGES=(zip man-db zsh)
command -v npm >/dev/null || PACKAGE_PACKAGES+=(npm)

# What the tests use besides the build: headless Chromium renders the HTML report (skipped without it); a real
# Prometheus server scrapes record --metrics (MetricsKernelTest).
TEST_PACKAGES=(chromium prometheus)

# The analyzer's JVM: a replay keeps little alive however long the recording, so a serial collector on a heap
# that starts at 16 MiB stays near 100 MiB resident (the JVM's defaults, a parallel collector and a quarter of
# RAM, let a 1M-row replay reach 600 MiB-1 GiB). The 1 GiB ceiling leaves aggregations over many keys room.
# TRACEKIT_JAVA_OPTS, given after these, overrides them (e.g. -Xmx4g).
ANALYZER_JVM_FLAGS=(-XX:+UseSerialGC -Xms16m -Xmx1g)
