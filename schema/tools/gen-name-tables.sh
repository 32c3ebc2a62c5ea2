#!/usr/bin/env bash
# Remakes the syscall and errno tables in src/main/resources/dev/tracekit/names from the kernel's UAPI
# headers (Debian's linux-libc-dev). The tables are committed: the analyzer must decode recordings of any
# architecture on any laptop, without kernel headers.
#   x86_64:  asm/unistd_64.h (made from arch/x86/entry/syscalls/syscall_64.tbl)
#   ia32:    asm/unistd_32.h (made from arch/x86/entry/syscalls/syscall_32.tbl): x86_64's compat syscalls
#   aarch64: asm-generic/unistd.h with the __ARCH_WANT_* switches arm64's asm/unistd.h sets
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/src/main/resources/dev/tracekit/names
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
multiarch=$(gcc -print-multiarch)

# Prints "number<TAB>name" for every __NR_name the given preamble defines, sorted by number.
table() {
  local preamble=$1
  printf '%s\n' "$preamble" > "$work/h.c"
  gcc -E -dM "$work/h.c" -I"/usr/include/$multiarch" | awk '$2 ~ /^__NR_/ && $2 != "__NR_syscalls" && $2 !~ /^__NR3264_/ {print substr($2, 6)}' \
    | sort -u > "$work/names"
  {
    printf '%s\n#include <stdio.h>\nint main(void) {\n' "$preamble"
    while read -r n; do printf '  printf("%%d\\t%%s\\n", (int)(__NR_%s), "%s");\n' "$n" "$n"; done < "$work/names"
    printf '  return 0;\n}\n'
  } > "$work/p.c"
  gcc -I"/usr/include/$multiarch" -o "$work/p" "$work/p.c"
  { "$work/p"; newer_than_headers; } | sort -n -k1,1 | awk -F'\t' '!seen[$1]++'
}

# Syscalls added after the installed headers were cut (the kernel's syscall tables, 6.2 to 6.18): their
# numbers are the same on x86_64, ia32 and aarch64. Header values win where both exist.
newer_than_headers() {
  printf '%s\n' 451:cachestat 452:fchmodat2 453:map_shadow_stack 454:futex_wake 455:futex_wait \
    456:futex_requeue 457:statmount 458:listmount 459:lsm_get_self_attr 460:lsm_set_self_attr \
    461:lsm_list_modules 462:mseal 463:setxattrat 464:getxattrat 465:listxattrat 466:removexattrat \
    467:open_tree_attr 468:file_getattr 469:file_setattr 470:listns | tr ':' '\t'
}

{
  echo "# x86_64 syscall numbers, from the kernel's asm/unistd_64.h (tools/gen-name-tables.sh)"
  table '#include <asm/unistd_64.h>'
} > "$out/syscalls-x86_64.tsv"

{
  echo "# ia32 syscall numbers (int 0x80, sysenter, 32-bit processes on x86_64), from the kernel's asm/unistd_32.h (tools/gen-name-tables.sh)"
  table '#include <asm/unistd_32.h>'
} > "$out/syscalls-ia32.tsv"

{
  echo "# aarch64 syscall numbers, from the kernel's asm-generic/unistd.h as arm64 configures it (tools/gen-name-tables.sh)"
  table '#define __BITS_PER_LONG 64
#define __ARCH_WANT_RENAMEAT
#define __ARCH_WANT_NEW_STAT
#define __ARCH_WANT_SET_GET_RLIMIT
#define __ARCH_WANT_SYS_CLONE3
#define __ARCH_WANT_MEMFD_SECRET
#include <asm-generic/unistd.h>'
} > "$out/syscalls-aarch64.tsv"

# errno values are the same on x86_64 and aarch64 (both use asm-generic/errno.h).
{
  echo "# Linux errno numbers, from the kernel's asm-generic/errno.h (tools/gen-name-tables.sh)"
  printf '#include <asm-generic/errno.h>\n' > "$work/e.c"
  gcc -E -dM "$work/e.c" | awk '$1 == "#define" && $2 ~ /^E[A-Z0-9]+$/ && $3 ~ /^[0-9]+$/ {print $3 "\t" $2}' | sort -n -k1,1 -s
} > "$out/errno.tsv"
wc -l "$out"/*.tsv
