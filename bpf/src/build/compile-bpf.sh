#!/bin/sh
# Compiles every src/main/c/*.bpf.c into an object the recorder loads from its classpath, and ships the
# shared header beside them so the recorder's layout test checks its MemoryLayouts against it.
# Usage: compile-bpf.sh SOURCE_DIR OUTPUT_DIR
set -eu
src=$1
out=$2
clang=${CLANG:-clang}
if ! command -v "$clang" >/dev/null 2>&1; then
    echo "error: clang not found: the bpf module compiles its BPF programs with clang (apt-get install clang libbpf-dev)" >&2
    exit 1
fi
if [ ! -f /usr/include/bpf/bpf_helpers.h ]; then
    echo "error: /usr/include/bpf/bpf_helpers.h not found (apt-get install libbpf-dev)" >&2
    exit 1
fi
mkdir -p "$out"
# asm/ headers (through linux/errno.h) live in the multiarch include directory.
multiarch=/usr/include/$(uname -m)-linux-gnu
# common.bpf.h reads syscall arguments from the saved user registers, whose layout is the architecture's.
case $(uname -m) in
    x86_64) target_arch=x86 ;;
    aarch64) target_arch=arm64 ;;
    *) echo "error: no BPF register layout for $(uname -m)" >&2; exit 1 ;;
esac
for source in "$src"/*.bpf.c; do
    object="$out/$(basename "$source" .c).o"
    "$clang" -O2 -g -Wall -Werror -target bpf -D__TARGET_ARCH_"$target_arch" -I"$multiarch" -I"$src" -c "$source" -o "$object"
done
cp "$src/tracekit.h" "$out/tracekit.h"
