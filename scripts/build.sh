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
mvn -q -B package -DskipTests "${modules[@]}"

# JDK 25's AOT caches (JEPs 483 and 514): the classes an analyzer run loads, already parsed and linked, taken
# from a training run of the small commands over the bundled fixtures. Every analyzer run then starts about a
# third sooner (docs in BENCHMARKS.md). bin/tracekit uses it while it is newer than the jar; a JVM
# that cannot use it (another JDK build) ignores it silently.
if [ "$(jdk_version "$JAVA_HOME")" -ge 25 ]; then
  analyzer=$root/analyzer/target/tracekit-analyzer.jar
  if ! train_analyzer_aot "$JAVA_HOME/bin/java" "$analyzer" "${analyzer%.jar}.aot" "$root"; then
    echo "tracekit: could not make the analyzer's AOT cache; it will start without one" >&2
  fi
  # The recorder's, from a one-second recording when this is root with BPF: its start to the "recording" line
  # then takes about a third less (BENCHMARKS.md).
  recorder=$root/recorder/target/tracekit-recorder.jar
  if [ -f "$recorder" ] && ! train_recorder_aot "$JAVA_HOME/bin/java" "$recorder" "${recorder%.jar}.aot"; then
    echo "tracekit: could not make the recorder's AOT cache; it will start without one" >&2
  fi
fi
