// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * File opens (open, openat, openat2, creat), recorded at exit with their result and with the arguments read
 * from the saved user registers (syscall_args_of). The path is read at exit: by then the kernel has copied
 * it, so the user page is resident and the path is not silently empty.
 */
#include "common.bpf.h"

/* open(2) flags as x86_64 and aarch64 both encode them */
#define O_WRONLY 01
#define O_CREAT 0100
#define O_TRUNC 01000
#define __O_TMPFILE 020000000	/* O_TMPFILE is this | O_DIRECTORY */
#define AT_FDCWD -100

/* What an open was asked to do, from its arguments. */
struct open_args {
	__u64 path;		/* user pointer */
	__u64 how;		/* openat2's struct open_how, user pointer */
	__u64 flags;
	__u32 mode;
	__s32 dirfd;
	__u32 syscall;		/* enum open_syscall */
};

/* openat2's struct open_how (include/uapi/linux/openat2.h) */
struct open_how {
	__u64 flags;
	__u64 mode;
	__u64 resolve;
};

/* Room for the record and its longest path; too big for the BPF stack. */
struct open_scratch {
	__u8 bytes[sizeof(struct open_event) + PATH_BUF_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct open_scratch);
} scratch SEC(".maps");

static __always_inline bool has_prefix(const char *path)
{
	for (__u32 i = 0; i < PATH_PREFIX_MAX && i < cfg.path_prefix_len; i++) {
		if (path[i] != cfg.path_prefix[i])
			return false;
	}
	return true;
}

/* Each syscall's arguments in its own order; syscall is a constant, so each program keeps one case. */
static __always_inline void read_open_args(__u32 syscall, bool ia32, struct open_args *args)
{
	__u64 a[4];

	syscall_args_of(ia32, a);
	switch (syscall) {
	case OPEN_OPEN:
		*args = (struct open_args){ .path = a[0], .dirfd = AT_FDCWD, .flags = a[1], .mode = a[2] };
		break;
	case OPEN_OPENAT:
		*args = (struct open_args){ .dirfd = (__s32)a[0], .path = a[1], .flags = a[2], .mode = a[3] };
		break;
	case OPEN_OPENAT2:	/* flags and mode come from struct open_how */
		*args = (struct open_args){ .dirfd = (__s32)a[0], .path = a[1], .how = a[2] };
		break;
	default:		/* OPEN_CREAT */
		*args = (struct open_args){ .path = a[0], .dirfd = AT_FDCWD, .flags = O_CREAT | O_WRONLY | O_TRUNC,
					    .mode = a[1] };
	}
	args->syscall = syscall;
}

static __always_inline int emit_open(__u32 syscall, __s64 ret, bool ia32)
{
	__u32 zero = 0;
	struct open_args args;
	struct open_scratch *s;
	struct open_event *e;
	long len;

	if (cfg.failed_only && ret >= 0)
		return 0;
	if (!task_allowed(bpf_get_current_pid_tgid(), THREAD_NAME))
		return 0;
	read_open_args(syscall, ia32, &args);
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return 0;
	e = (struct open_event *)s->bytes;
	len = bpf_probe_read_user_str(e->path, PATH_BUF_LEN, (const void *)args.path);
	if (len < 0) {
		len = 0;
	} else if (len > 0) {
		len--;		/* the NUL is not stored */
	}
	e->path_truncated = 0;
	if (len == PATH_BUF_LEN - 1) {
		char next = 0;

		/* the buffer holds 4095 bytes and a NUL: a longer path has no NUL at 4095 */
		bpf_probe_read_user(&next, 1, (const void *)(args.path + PATH_BUF_LEN - 1));
		e->path_truncated = next != 0;
	}
	if (cfg.path_prefix_len && (len < cfg.path_prefix_len || !has_prefix(e->path)))
		return 0;
	e->dirfd = args.dirfd;
	e->result = (__s32)ret;
	e->flags = args.flags;
	e->mode = args.mode;
	e->resolve = 0;
	e->syscall = args.syscall;
	if (args.how) {
		struct open_how how = {};

		bpf_probe_read_user(&how, sizeof(how), (const void *)args.how);
		e->flags = how.flags;
		e->mode = (__u32)how.mode;
		e->resolve = how.resolve;
	}
	/* the kernel reads mode only for these; otherwise the register holds whatever the caller left there */
	if (!(e->flags & (O_CREAT | __O_TMPFILE)))
		e->mode = 0;
	len &= PATH_BUF_LEN - 1;	/* proves the bound to the verifier */
	e->path_len = len;
	fill_header(&e->hdr, EVENT_OPEN, sizeof(*e) + len);
	output_record(e, sizeof(*e) + len);
	return 0;
}

SEC("tracepoint/syscalls/sys_exit_open")
int open_exit(struct syscall_exit_ctx *ctx)
{
	return emit_open(OPEN_OPEN, ctx->ret, false);
}

SEC("tracepoint/syscalls/sys_exit_openat")
int openat_exit(struct syscall_exit_ctx *ctx)
{
	return emit_open(OPEN_OPENAT, ctx->ret, false);
}

SEC("tracepoint/syscalls/sys_exit_openat2")
int openat2_exit(struct syscall_exit_ctx *ctx)
{
	return emit_open(OPEN_OPENAT2, ctx->ret, false);
}

SEC("tracepoint/syscalls/sys_exit_creat")
int creat_exit(struct syscall_exit_ctx *ctx)
{
	return emit_open(OPEN_CREAT, ctx->ret, false);
}

/* syscall_32.tbl */
#define IA32_OPEN 5
#define IA32_CREAT 8
#define IA32_OPENAT 295
#define IA32_OPENAT2 437

/*
 * ia32 opens (a 32-bit process, or int 0x80) never reach the syscalls:* tracepoints, which skip compat calls:
 * only the raw hook sees them, under the ia32 table's numbers. tp_btf is the cheapest program that hook runs
 * (no trace buffer is filled), and a native call returns at the first test. Loaded on x86_64 only.
 */
SEC("tp_btf/sys_exit")
int ia32_open_exit(__u64 *ctx)
{
	__s64 ret = (__s64)ctx[1];

	if (!in_ia32_syscall())
		return 0;
	switch (current_syscall()) {
	case IA32_OPEN:
		return emit_open(OPEN_OPEN, ret, true);
	case IA32_OPENAT:
		return emit_open(OPEN_OPENAT, ret, true);
	case IA32_OPENAT2:
		return emit_open(OPEN_OPENAT2, ret, true);
	case IA32_CREAT:
		return emit_open(OPEN_CREAT, ret, true);
	}
	return 0;
}
