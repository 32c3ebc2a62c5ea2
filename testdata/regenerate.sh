#!/usr/bin/env bash
# Rewrites the synthetic fixture recordings in testdata/fixtures from the generator. The output is
# deterministic; FixturesAreReproducibleTest fails when the committed files and the generator disagree.
# Real recordings (fixtures/real-*) are made by testdata/real/make-real-recording.sh instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh"
use_jdk
cd "$root"
# Into a fresh directory first: the writer refuses to overwrite, and fixtures of earlier schema versions that
# the generator no longer writes (it writes only what the current version can) must stay as they are.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mvn -q -pl testdata -am install -DskipTests
mvn -q -pl testdata exec:java -Dexec.mainClass=dev.tracekit.testdata.FixtureGenerator -Dexec.args="$out"
cp -r "$out"/. testdata/fixtures/
du -sh testdata/fixtures
