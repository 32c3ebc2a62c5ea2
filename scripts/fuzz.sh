#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of untrusted input (issue 6), bounded for CI: each @FuzzTest
# (recording files, bundles, command-line values, the recorder's config file) mutates its seed corpus for
# FUZZ_SECONDS (default 30) in a JVM of its own, as Jazzer fuzzes one test per JVM. A finding fails the run
# and is saved beside the seeds (src/test/resources/.../<Test>Inputs/<method>/crash-*), where every plain
# test run replays it from then on: commit it with the fix. Without Linux's build tools the recorder's
# fuzz test is left out, like the recorder itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh"
cd "$root"
modules=analyzer
if [ "$(uname -s)" = Linux ] && need_packages "${BUILD_PACKAGES[@]}"; then
  modules=analyzer,recorder
fi
use_jdk
export JAZZER_FUZZ=1
export JAZZER_MAX_DURATION="${FUZZ_SECONDS:-30}s"
# A fuzz test's @Timeout bounds each input: Jazzer hands it to libFuzzer, which reports a slow input as a
# finding. JUnit would apply it to the whole fuzzing run instead, so JUnit's own timeouts are off here.
mvn -B --fail-at-end -pl "$modules" -am test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -DreuseForks=false \
  -Djunit.jupiter.execution.timeout.mode=disabled
