#!/usr/bin/env bash
# Rewrites the synthetic fixture recordings in testdata/fixtures from the generator. The output is
# deterministic; FixturesAreReproducibleTest fails when the committed files and the generator disagree.
# Real recordings (fixtures/real-*) are made by testdata/real/make-real-recording.sh instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh"
use_jdk
cd "$root"
for d in x86_64-web1 aarch64-db1 empty truncated bundles; do rm -rf "testdata/fixtures/$d"; done
mvn -q -pl testdata -am install -DskipTests
mvn -q -pl testdata exec:java -Dexec.mainClass=dev.tracekit.testdata.FixtureGenerator \
  -Dexec.args="$root/testdata/fixtures"
du -sh testdata/fixtures
