#!/usr/bin/env bash
# Remakes a real recording fixture: made by `tracekit record` on this kernel of a scripted workload, so the
# analyzer is tested on what the recorder really writes, not only on synthetic files. Needs root, BPF and the
# recorder's toolchain (see scripts/lib.sh BUILD_PACKAGES); x86_64 only, since the directory names say so.
#
#   make-real-recording.sh [signals]   remakes testdata/fixtures/real-x86_64/
#   make-real-recording.sh procs       remakes testdata/fixtures/real-x86_64-procs/
#
# The workload is recorder/src/test/c/workload.c compiled under the name tk-real, and the recording keeps
# only tasks named tk-real (-n), so it is small and holds nothing else of the host's events. What it holds:
# signals (real-x86_64/):
#   opens  : openat of real-file (O_WRONLY|O_CREAT, 0640, an fd) and of a missing path (ENOENT)
#   counts : 1000 getpid calls by the worker, with latency
#   kills  : kill 0, kill SIGUSR1, tgkill SIGUSR1, tgkill SIGTERM from the worker to a tk-real sleeper
#            (SIGUSR1 ignored by it), and the kernel's signal_generate records of the same signals
# procs (real-x86_64-procs/), with every file's process snapshot of the host as it was:
#   cgroup : tk-real.scope made below the cgroup2 mount while recording (a CGROUP_MKDIR record), removed after
#   procs  : a sleeper started while recording; a worker, exec'd into tk-real.scope with arguments, that forks a
#            child exiting 7 and one killed by SIGTERM, renames itself tk-renamed, execs tk-real again
#            (`tk-real open ... exit 3`), which opens a missing file and exits 3
#   kills  : SIGTERM from the worker to the sleeper, which dies of it: the recording still names its target
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/scripts/lib.sh"
use_jdk
[ "$(id -u)" -eq 0 ] || { echo "make-real-recording: must run as root (it records with BPF)" >&2; exit 2; }
[ "$(uname -m)" = x86_64 ] || { echo "make-real-recording: makes the x86_64 fixture; this is $(uname -m)" >&2; exit 2; }
which=${1:-signals}
case $which in
  signals) out=$root/testdata/fixtures/real-x86_64; options=(--events syscalls,opens,kills,kernel-signals --latency) ;;
  procs) out=$root/testdata/fixtures/real-x86_64-procs; options=(--events procs,opens,kills) ;;
  *) echo "make-real-recording: signals or procs, not $which" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -q -B package -DskipTests -pl recorder -am)
gcc -O2 -o "$work/tk-real" "$root/recorder/src/test/c/workload.c"

rm -rf "$out"
"$root/bin/tracekit" record -o "$out" -n tk-real "${options[@]}" -i 1s -d 4s 2>"$work/recorder.err" &
recorder=$!
until grep -qs "recording" "$work/recorder.err"; do
  kill -0 "$recorder" 2>/dev/null || { cat "$work/recorder.err" >&2; exit 1; }
  sleep 0.1
done

"$work/tk-real" sleep 2500 >"$work/sleeper.out" &
sleeper=$!
until grep -qs sleeping "$work/sleeper.out"; do sleep 0.05; done
hex() { printf %s "$1" | od -An -tx1 | tr -d ' \n'; }
if [ "$which" = signals ]; then
  "$work/tk-real" open "$work/real-file" 101 640 open "$work/missing/real-file" 0 0 getpid 1000 \
      kill "$sleeper" 0 kill "$sleeper" 10 tgkill "$sleeper" "$sleeper" 10 tgkill "$sleeper" "$sleeper" 15
else
  cgroup=$(awk '$3 == "cgroup2" {print $2; exit}' /proc/mounts)/tk-real.scope
  mkdir "$cgroup"
  # The worker moves itself into the new cgroup, then becomes tk-real with its arguments.
  sh -c 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"' sh "$cgroup" "$work/tk-real" \
      fork 7 forkkill 15 kill "$sleeper" 15 comm "$(hex tk-renamed)" \
      exec "$work/tk-real" 7 "$(hex tk-real)" "$(hex open)" "$(hex /nonexistent/tk-real.conf)" "$(hex 0)" "$(hex 0)" \
      "$(hex exit)" "$(hex 3)" \
      >/dev/null || true
  wait "$sleeper" || true
  rmdir "$cgroup"
fi
wait "$sleeper" || true
wait "$recorder"
cat "$work/recorder.err" >&2
chmod 0755 "$out" && chmod 0644 "$out"/*.avro # the recorder makes them private; fixtures are for everyone
du -sh "$out"
