// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Signals sent by processes (kill, tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo) joined entry to exit
 * for their result, and, opt-in, signals the kernel generates itself (signal:signal_generate).
 */
#include "common.bpf.h"

struct kill_entry {
	__s32 target_pid;
	__s32 target_tid;
	__s32 signal;
	__u32 syscall;		/* enum kill_syscall */
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_IN_FLIGHT);
	__type(key, __u32);
	__type(value, struct kill_entry);
} entries SEC(".maps");

/* signal:signal_generate, as its format file lays it out */
struct signal_generate_ctx {
	__u64 common;
	__s32 sig;
	__s32 errno;
	__s32 code;
	char comm[TASK_COMM_LEN];
	__s32 pid;
	__s32 group;
	__s32 result;
};

static __always_inline bool signal_allowed(__s32 sig)
{
	if (cfg.filter_signal && sig != cfg.target_signal)
		return false;
	return !(sig >= 0 && sig < 64 && (cfg.excluded_signals & (1ULL << sig)));
}

static __always_inline void emit_kill(__s32 target_pid, __s32 target_tid, __s32 sig, __s32 result, __u32 syscall)
{
	struct kill_event *e = reserve_record(sizeof(*e));

	if (!e)
		return;
	fill_header(&e->hdr, EVENT_KILL, sizeof(*e));
	e->target_pid = target_pid;
	e->target_tid = target_tid;
	e->signal = sig;
	e->result = result;
	e->syscall = syscall;
	e->pad = 0;
	submit_record(e);
}

static __always_inline int remember_entry(__s32 target_pid, __s32 target_tid, __s32 sig, __u32 syscall)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)pid_tgid;
	struct kill_entry entry = {
		.target_pid = target_pid, .target_tid = target_tid, .signal = sig, .syscall = syscall,
	};

	if (!signal_allowed(sig) || !task_allowed(pid_tgid))
		return 0;
	bpf_map_update_elem(&entries, &tid, &entry, BPF_ANY);
	return 0;
}

static __always_inline int emit_at_exit(__s64 ret)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	struct kill_entry *entry = bpf_map_lookup_elem(&entries, &tid);

	if (!entry)
		return 0;	/* filtered at entry, or missed entry */
	if (!cfg.failed_only || ret < 0)
		emit_kill(entry->target_pid, entry->target_tid, entry->signal, (__s32)ret, entry->syscall);
	bpf_map_delete_elem(&entries, &tid);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_kill")
int kill_enter(struct syscall_enter_ctx *ctx)
{
	return remember_entry((__s32)ctx->args[0], 0, (__s32)ctx->args[1], KILL_KILL);
}

SEC("tracepoint/syscalls/sys_exit_kill")
int kill_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_tkill")
int tkill_enter(struct syscall_enter_ctx *ctx)
{
	return remember_entry((__s32)ctx->args[0], (__s32)ctx->args[0], (__s32)ctx->args[1], KILL_TKILL);
}

SEC("tracepoint/syscalls/sys_exit_tkill")
int tkill_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_tgkill")
int tgkill_enter(struct syscall_enter_ctx *ctx)
{
	return remember_entry((__s32)ctx->args[0], (__s32)ctx->args[1], (__s32)ctx->args[2], KILL_TGKILL);
}

SEC("tracepoint/syscalls/sys_exit_tgkill")
int tgkill_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_rt_sigqueueinfo")
int rt_sigqueueinfo_enter(struct syscall_enter_ctx *ctx)
{
	return remember_entry((__s32)ctx->args[0], 0, (__s32)ctx->args[1], KILL_RT_SIGQUEUEINFO);
}

SEC("tracepoint/syscalls/sys_exit_rt_sigqueueinfo")
int rt_sigqueueinfo_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_rt_tgsigqueueinfo")
int rt_tgsigqueueinfo_enter(struct syscall_enter_ctx *ctx)
{
	return remember_entry((__s32)ctx->args[0], (__s32)ctx->args[1], (__s32)ctx->args[2], KILL_RT_TGSIGQUEUEINFO);
}

SEC("tracepoint/syscalls/sys_exit_rt_tgsigqueueinfo")
int rt_tgsigqueueinfo_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(ctx->ret);
}

/*
 * The kernel's own signals (SIGSEGV, SIGPIPE, SIGCHLD, ...) and every delivery of the syscalls above.
 * The tracepoint names only the target thread, so it is both target_pid and target_tid.
 */
SEC("tracepoint/signal/signal_generate")
int signal_generate(struct signal_generate_ctx *ctx)
{
	if (!signal_allowed(ctx->sig) || !task_allowed(bpf_get_current_pid_tgid()))
		return 0;
	if (cfg.failed_only && ctx->result == 0)
		return 0;	/* 0: delivered */
	emit_kill(ctx->pid, ctx->pid, ctx->sig, ctx->result, KILL_SIGNAL_GENERATE);
	return 0;
}
