#!/usr/bin/env bash
# Builds the release into dist/:
#   tracekit-VERSION-linux-ARCH.tar.gz  a jlink-trimmed Java runtime, the recorder and analyzer jars (BPF
#                                       objects inside) with AOT caches trained by this runtime, bin/tracekit,
#                                       man pages and bash/zsh completion; runs wherever it is unpacked.
#   tracekit_VERSION_DEBARCH.deb        the same under /opt/tracekit, /usr/bin/tracekit, man pages and
#                                       completion where Debian keeps them; Depends: libbpf1.
# The fleet (Spark) is not part of either.
#
# scripts/package.sh --check builds, then tests the artifacts as an operator would (scripts/package-check.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib.sh"
cd "$root"
case "${1:-}" in
  "") ;;
  --check) ;;
  *) echo "usage: scripts/package.sh [--check]" >&2; exit 2 ;;
esac
if [ "$(uname -s)" != Linux ]; then
  echo "tracekit: packages are built on Linux (the recorder needs clang and libbpf-dev)" >&2
  exit 2
fi
need_packages "${BUILD_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}"
use_jdk
if [ "$(jdk_version "$JAVA_HOME")" -lt 25 ]; then
  echo "tracekit: packaging needs JDK 25 or newer (its AOT cache); JAVA_HOME=$JAVA_HOME is older" >&2
  exit 2
fi

# The release version: the project's, without -SNAPSHOT, as `tracekit --version` says it.
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
version=${version%-SNAPSHOT}
arch=$(uname -m)
case "$arch" in
  x86_64) deb_arch=amd64 zstd_native=linux/amd64 snappy_native=Linux/x86_64 ;;
  aarch64) deb_arch=arm64 zstd_native=linux/aarch64 snappy_native=Linux/aarch64 ;;
  *) echo "tracekit: no package for $arch (x86_64 and aarch64 only)" >&2; exit 2 ;;
esac
name=tracekit-$version-linux-$arch
dist=$root/dist
work=$root/target/package
rm -rf "$work" "$dist/$name.tar.gz" "$dist/tracekit_${version}_$deb_arch.deb"
mkdir -p "$work" "$dist"
stage=$work/$name

echo "tracekit: building recorder, analyzer, man pages and completion" >&2
mvn -B -q package -DskipTests -pl packaging -am -Dtracekit.release.version="$version"

mkdir -p "$stage/bin" "$stage/lib"
cp packaging/src/dist/bin/tracekit "$stage/bin/"
cp packaging/src/dist/lib/tracekit-watch "$stage/lib/"
for jar in recorder/target/tracekit-recorder.jar analyzer/target/tracekit-analyzer.jar; do
  copy=$stage/lib/$(basename "$jar")
  cp "$jar" "$copy"
  # zstd-jni and snappy-java carry native libraries for a dozen platforms; the package runs on one.
  foreign=$(unzip -Z1 "$jar" | grep -E '^(aix|darwin|freebsd|linux|win)/[^/]+/|^org/xerial/snappy/native/[^/]+/[^/]+/' \
    | grep -v -e "^$zstd_native/" -e "^org/xerial/snappy/native/$snappy_native/" || true)
  if [ -n "$foreign" ]; then
    xargs zip -q -d "$copy" <<<"$foreign"
  fi
done

# Only the JDK modules the two jars use, as jdeps finds them, less java.desktop and java.sql: only library code
# that tracekit never reaches names them (Jackson's optional java.beans and java.sql handlers, which it looks up
# reflectively; Commons Compress's pack200; Commons Lang's circuit breakers). --check runs every verb on it.
# Uncompressed modules: they start faster, and the tarball's gzip packs them smaller than jlink's zip would.
modules=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$(jdk_version "$JAVA_HOME")" \
  "$stage"/lib/*.jar | tr , '\n' | grep -vx -e java.desktop -e java.sql | paste -sd,)
echo "tracekit: linking a runtime of $modules" >&2
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --output "$stage/runtime"

# AOT caches (JEPs 483, 514): the classes a run loads, parsed and linked, from a training run of this very
# runtime. The analyzer trains its small commands on the bundled fixtures; the recorder on a one-second
# recording of this host when it can record (root with BPF), else on its option parsing only.
echo "tracekit: training the AOT caches" >&2
train_analyzer_aot "$stage/runtime/bin/java" "$stage/lib/tracekit-analyzer.jar" "$stage/lib/tracekit-analyzer.aot" "$root"
train_recorder_aot "$stage/runtime/bin/java" "$stage/lib/tracekit-recorder.jar" "$stage/lib/tracekit-recorder.aot"

docs=packaging/target/command-docs
mkdir -p "$stage/share/man/man1" "$stage/share/bash-completion/completions" "$stage/share/zsh/site-functions"
for page in "$docs"/man/man1/*.1; do gzip -9n <"$page" >"$stage/share/man/man1/$(basename "$page").gz"; done
cp "$docs/bash-completion/tracekit" "$stage/share/bash-completion/completions/tracekit"
cp "$docs/zsh/_tracekit" "$stage/share/zsh/site-functions/_tracekit"
cp README.md "$stage/"

# gzip -9: ~0.4 MB under the default level, and the budget is 60 MB (package-check.sh).
tar -C "$work" -cf - "$name" | gzip -9 >"$dist/$name.tar.gz"

# The .deb: the same tree under /opt/tracekit; the launcher finds its root through the /usr/bin symlink.
deb=$work/deb
mkdir -p "$deb/DEBIAN" "$deb/opt/tracekit" "$deb/usr/bin" "$deb/usr/share/man/man1" \
  "$deb/usr/share/bash-completion/completions" "$deb/usr/share/zsh/vendor-completions" "$deb/usr/share/doc/tracekit"
cp -a "$stage/bin" "$stage/lib" "$stage/runtime" "$deb/opt/tracekit/"
ln -s ../../opt/tracekit/bin/tracekit "$deb/usr/bin/tracekit"
cp "$stage"/share/man/man1/*.1.gz "$deb/usr/share/man/man1/"
cp "$stage/share/bash-completion/completions/tracekit" "$deb/usr/share/bash-completion/completions/"
cp "$stage/share/zsh/site-functions/_tracekit" "$deb/usr/share/zsh/vendor-completions/"
gzip -9n <README.md >"$deb/usr/share/doc/tracekit/README.md.gz"
cat >"$deb/DEBIAN/control" <<CONTROL
Package: tracekit
Version: $version
Architecture: $deb_arch
Maintainer: tracekit developers <tracekit@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$deb" | cut -f1)
Depends: libbpf1
Section: admin
Priority: optional
Description: record syscalls, file opens and signals with eBPF; analyse the recordings later
 tracekit record traces a Linux host with eBPF (syscall counts, opens, signals, lost events counted) into
 self-describing Avro recordings; tracekit summary, syscalls, opens, kills, events, diff, report and export
 analyse them. Carries its own trimmed Java runtime: no JDK needed.
CONTROL
dpkg-deb --root-owner-group -Zgzip --build "$deb" "$dist/tracekit_${version}_$deb_arch.deb" >/dev/null

echo "tracekit: $(du -h "$dist/$name.tar.gz" | cut -f1) dist/$name.tar.gz" >&2
echo "tracekit: $(du -h "$dist/tracekit_${version}_$deb_arch.deb" | cut -f1) dist/tracekit_${version}_$deb_arch.deb" >&2

if [ "${1:-}" = --check ]; then
  exec bash "$root/scripts/package-check.sh" "$dist/$name.tar.gz" "$dist/tracekit_${version}_$deb_arch.deb" "$version"
fi
