// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * File opens (open, openat, openat2, creat) joined entry to exit, with the path read at exit: by then the
 * kernel has copied it, so the user page is resident and the path is not silently empty.
 */
#include "common.bpf.h"

/* open(2) flags as x86_64 and aarch64 both encode them */
#define O_WRONLY 01
#define O_CREAT 0100
#define O_TRUNC 01000
#define AT_FDCWD -100

struct open_entry {
	__u64 path;		/* user pointer */
	__u64 how;		/* openat2's struct open_how, user pointer */
	__u64 flags;
	__u32 mode;
	__s32 dirfd;
	__u32 syscall;		/* enum open_syscall */
	__u32 pad;
};

/* openat2's struct open_how (include/uapi/linux/openat2.h) */
struct open_how {
	__u64 flags;
	__u64 mode;
	__u64 resolve;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_IN_FLIGHT);
	__type(key, __u32);
	__type(value, struct open_entry);
} entries SEC(".maps");

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

static __always_inline int remember_entry(__u64 path, __s32 dirfd, __u64 flags, __u32 mode, __u64 how, __u32 syscall)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)pid_tgid;
	struct open_entry entry = {
		.path = path, .how = how, .flags = flags, .mode = mode, .dirfd = dirfd, .syscall = syscall,
	};

	if (!task_allowed(pid_tgid))
		return 0;
	bpf_map_update_elem(&entries, &tid, &entry, BPF_ANY);
	return 0;
}

static __always_inline bool has_prefix(const char *path)
{
	for (__u32 i = 0; i < PATH_PREFIX_MAX && i < cfg.path_prefix_len; i++) {
		if (path[i] != cfg.path_prefix[i])
			return false;
	}
	return true;
}

static __always_inline int emit_at_exit(__s64 ret)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid(), zero = 0;
	struct open_entry *entry = bpf_map_lookup_elem(&entries, &tid);
	struct open_scratch *s;
	struct open_event *e;
	long len;

	if (!entry)
		return 0;	/* filtered at entry, or missed entry */
	if (cfg.failed_only && ret >= 0)
		goto cleanup;
	s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		goto cleanup;
	e = (struct open_event *)s->bytes;
	len = bpf_probe_read_user_str(e->path, PATH_BUF_LEN, (const void *)entry->path);
	if (len < 0) {
		len = 0;
	} else if (len > 0) {
		len--;		/* the NUL is not stored */
	}
	e->path_truncated = 0;
	if (len == PATH_BUF_LEN - 1) {
		char next = 0;

		/* the buffer holds 4095 bytes and a NUL: a longer path has no NUL at 4095 */
		bpf_probe_read_user(&next, 1, (const void *)(entry->path + PATH_BUF_LEN - 1));
		e->path_truncated = next != 0;
	}
	if (cfg.path_prefix_len && (len < cfg.path_prefix_len || !has_prefix(e->path)))
		goto cleanup;
	e->dirfd = entry->dirfd;
	e->result = (__s32)ret;
	e->flags = entry->flags;
	e->mode = entry->mode;
	e->resolve = 0;
	e->syscall = entry->syscall;
	if (entry->how) {
		struct open_how how = {};

		bpf_probe_read_user(&how, sizeof(how), (const void *)entry->how);
		e->flags = how.flags;
		e->mode = (__u32)how.mode;
		e->resolve = how.resolve;
	}
	len &= PATH_BUF_LEN - 1;	/* proves the bound to the verifier */
	e->path_len = len;
	fill_header(&e->hdr, EVENT_OPEN, sizeof(*e) + len);
	output_record(e, sizeof(*e) + len);
cleanup:
	bpf_map_delete_elem(&entries, &tid);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_open")
int open_enter(struct syscall_enter_ctx *ctx)
{
	return remember_entry(ctx->args[0], AT_FDCWD, ctx->args[1], ctx->args[2], 0, OPEN_OPEN);
}

SEC("tracepoint/syscalls/sys_exit_open")
int open_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_openat")
int openat_enter(struct syscall_enter_ctx *ctx)
{
	return remember_entry(ctx->args[1], (__s32)ctx->args[0], ctx->args[2], ctx->args[3], 0, OPEN_OPENAT);
}

SEC("tracepoint/syscalls/sys_exit_openat")
int openat_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_openat2")
int openat2_enter(struct syscall_enter_ctx *ctx)
{
	/* flags and mode come from struct open_how, read at exit */
	return remember_entry(ctx->args[1], (__s32)ctx->args[0], 0, 0, ctx->args[2], OPEN_OPENAT2);
}

SEC("tracepoint/syscalls/sys_exit_openat2")
int openat2_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_creat")
int creat_enter(struct syscall_enter_ctx *ctx)
{
	return remember_entry(ctx->args[0], AT_FDCWD, O_CREAT | O_WRONLY | O_TRUNC, ctx->args[1], 0, OPEN_CREAT);
}

SEC("tracepoint/syscalls/sys_exit_creat")
int creat_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(ctx->ret);
}
