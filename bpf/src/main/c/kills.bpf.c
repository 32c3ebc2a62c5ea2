// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Signals sent by processes (kill, tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo), recorded at exit with
 * their result and with the arguments read from the saved user registers (syscall_args_of), and, opt-in,
 * signals the kernel generates itself (signal:signal_generate).
 */
#include "common.bpf.h"

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
	submit_record(e, sizeof(*e));
}

/* Whom a signal was sent to, from each syscall's arguments; syscall is a constant, so each program keeps one case. */
static __always_inline void read_kill_args(__u32 syscall, bool ia32, __s32 *target_pid, __s32 *target_tid,
					   __s32 *sig)
{
	__u64 a[4];

	syscall_args_of(ia32, a);
	switch (syscall) {
	case KILL_KILL:			/* kill(pid, sig) */
	case KILL_RT_SIGQUEUEINFO:	/* rt_sigqueueinfo(pid, sig, info) */
		*target_pid = (__s32)a[0];
		*target_tid = 0;
		*sig = (__s32)a[1];
		break;
	case KILL_TKILL:		/* tkill(tid, sig) */
		*target_pid = (__s32)a[0];
		*target_tid = (__s32)a[0];
		*sig = (__s32)a[1];
		break;
	default:			/* tgkill(tgid, tid, sig), rt_tgsigqueueinfo(tgid, tid, sig, info) */
		*target_pid = (__s32)a[0];
		*target_tid = (__s32)a[1];
		*sig = (__s32)a[2];
	}
}

static __always_inline int emit_at_exit(__u32 syscall, __s64 ret, bool ia32)
{
	__s32 target_pid, target_tid, sig;

	if (cfg.failed_only && ret >= 0)
		return 0;
	if (!task_allowed(bpf_get_current_pid_tgid(), THREAD_NAME))
		return 0;
	read_kill_args(syscall, ia32, &target_pid, &target_tid, &sig);
	if (!signal_allowed(sig))
		return 0;
	emit_kill(target_pid, target_tid, sig, (__s32)ret, syscall);
	return 0;
}

SEC("tracepoint/syscalls/sys_exit_kill")
int kill_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(KILL_KILL, ctx->ret, false);
}

SEC("tracepoint/syscalls/sys_exit_tkill")
int tkill_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(KILL_TKILL, ctx->ret, false);
}

SEC("tracepoint/syscalls/sys_exit_tgkill")
int tgkill_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(KILL_TGKILL, ctx->ret, false);
}

SEC("tracepoint/syscalls/sys_exit_rt_sigqueueinfo")
int rt_sigqueueinfo_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(KILL_RT_SIGQUEUEINFO, ctx->ret, false);
}

SEC("tracepoint/syscalls/sys_exit_rt_tgsigqueueinfo")
int rt_tgsigqueueinfo_exit(struct syscall_exit_ctx *ctx)
{
	return emit_at_exit(KILL_RT_TGSIGQUEUEINFO, ctx->ret, false);
}

/* syscall_32.tbl */
#define IA32_KILL 37
#define IA32_RT_SIGQUEUEINFO 178
#define IA32_TKILL 238
#define IA32_TGKILL 270
#define IA32_RT_TGSIGQUEUEINFO 335

/* ia32 signals never reach the syscalls:* tracepoints (see opens.bpf.c's ia32_open_exit). Loaded on x86_64 only. */
SEC("tp_btf/sys_exit")
int ia32_kill_exit(__u64 *ctx)
{
	__s64 ret = (__s64)ctx[1];

	if (!in_ia32_syscall())
		return 0;
	switch (current_syscall()) {
	case IA32_KILL:
		return emit_at_exit(KILL_KILL, ret, true);
	case IA32_TKILL:
		return emit_at_exit(KILL_TKILL, ret, true);
	case IA32_TGKILL:
		return emit_at_exit(KILL_TGKILL, ret, true);
	case IA32_RT_SIGQUEUEINFO:
		return emit_at_exit(KILL_RT_SIGQUEUEINFO, ret, true);
	case IA32_RT_TGSIGQUEUEINFO:
		return emit_at_exit(KILL_RT_TGSIGQUEUEINFO, ret, true);
	}
	return 0;
}

/*
 * The kernel's own signals (SIGSEGV, SIGPIPE, SIGCHLD, ...) and what became of every signal the syscalls
 * above sent (the analyzer joins the two). The tracepoint names only the target thread, so it is both
 * target_pid and target_tid. Never loaded with --failed-only: its result is a fate, not a failure.
 */
SEC("tracepoint/signal/signal_generate")
int signal_generate(struct signal_generate_ctx *ctx)
{
	if (!signal_allowed(ctx->sig) || !task_allowed(bpf_get_current_pid_tgid(), THREAD_NAME))
		return 0;
	emit_kill(ctx->pid, ctx->pid, ctx->sig, ctx->result, KILL_SIGNAL_GENERATE);
	return 0;
}
