#!/usr/bin/env bash
# Rewrites the synthetic fixture recordings in testdata/fixtures from the generator. The output is
# deterministic; FixturesAreReproducibleTest fails when the committed files and the generator disagree.
# Real recordings (fixtures/real-*) are made by testdata/real/make-real-recording.sh instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh"
use_jdk
cd "$root"
# Into a fresh directory first, because the writer refuses to overwrite; fixtures the generator does not write
# (real-*, truncated, bundles) stay as they are. Built in the reactor, not installed: nothing lands in ~/.m2.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mvn -q -B -pl testdata -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$out/classpath"
java -cp "testdata/target/classes:$(cat "$out/classpath")" dev.tracekit.testdata.FixtureGenerator "$out/fixtures"
cp -r "$out/fixtures"/. testdata/fixtures/
du -sh testdata/fixtures
