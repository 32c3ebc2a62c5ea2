/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What every tracekit BPF object shares: its configuration, the task filter, its ring buffer with batched
 * wakeups, its per-CPU drop counter and the common event header. Each .bpf.c includes this once and so
 * gets its own copy of these maps; the recorder configures each object the same way.
 */
#ifndef TRACEKIT_COMMON_BPF_H
#define TRACEKIT_COMMON_BPF_H

#include <stdbool.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include "tracekit.h"

#define MAX_FILTER_ENTRIES 1024
#define MAX_SYSCALL_NR 1024

char LICENSE[] SEC("license") = "Dual BSD/GPL";

const volatile struct tracekit_config cfg = {};

/* The exit tracepoints' context, as /sys/kernel/tracing/events/syscalls/sys_exit_<name>/format lays it out. */
struct syscall_exit_ctx {
	__u64 common;
	__s32 nr;
	__u32 pad;
	__s64 ret;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 22);	/* the recorder sets --ringbuf-size before load */
} events SEC(".maps");

/* Records lost on this CPU: ring buffer full, or no room to remember a syscall's entry. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct live_filter);
} live_filter SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_FILTER_ENTRIES);
	__type(key, __u32);
	__type(value, __u8);
} filter_pids SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_FILTER_ENTRIES);
	__type(key, __u32);
	__type(value, __u8);
} filter_tids SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_FILTER_ENTRIES);
	__type(key, __u32);
	__type(value, __u8);
} filter_uids SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_FILTER_ENTRIES);
	__type(key, char[TASK_COMM_LEN]);
	__type(value, __u8);
} filter_comms SEC(".maps");

/*
 * Indexed by syscall number: a plain array lookup is the cheapest test on the raw syscall hooks. The upper half
 * holds the same choice for the ia32 table's numbers (MAX_SYSCALL_NR + number).
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2 * MAX_SYSCALL_NR);
	__type(key, __u32);
	__type(value, __u8);
} filter_syscalls SEC(".maps");

static __always_inline void count_drop(void)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&drops, &zero);

	if (n)
		*n += 1;	/* per-CPU slot: no other writer */
}

static __always_inline bool in_set(void *set, const void *key)
{
	return bpf_map_lookup_elem(set, key) != NULL;
}

/*
 * A process's name: its main thread's, not that of whichever thread is running (a JVM's "C2 CompilerThre"
 * is not the process's name).
 */
struct task_struct___leader {
	struct task_struct___leader *group_leader;
	char comm[TASK_COMM_LEN];
} __attribute__((preserve_access_index));

static __always_inline void read_process_name(char comm[TASK_COMM_LEN])
{
	struct task_struct___leader *task = (void *)bpf_get_current_task_btf();

	bpf_probe_read_kernel_str(comm, TASK_COMM_LEN, task->group_leader->comm);
}

/* Which name -n matches: the one the records it decides on carry. */
enum task_name {
	THREAD_NAME,	/* per-event records: the header's comm */
	PROCESS_NAME,	/* syscall counts: per process, named by the main thread */
};

/* The one filter on who is running, applied at syscall entry so untraced tasks cost one lookup. */
static __always_inline bool task_allowed(__u64 pid_tgid, enum task_name name)
{
	__u32 tgid = pid_tgid >> 32, tid = (__u32)pid_tgid, zero = 0;
	struct live_filter *live;

	if (tgid == cfg.self_tgid)
		return false;
	if (cfg.cgroup_id && bpf_get_current_cgroup_id() != cfg.cgroup_id)
		return false;
	live = bpf_map_lookup_elem(&live_filter, &zero);
	if (!live || live->stopped)
		return false;
	if (live->pids && !in_set(&filter_pids, &tgid))
		return false;
	if (live->tids && !in_set(&filter_tids, &tid))
		return false;
	if (live->uids) {
		__u32 uid = (__u32)bpf_get_current_uid_gid();

		if (!in_set(&filter_uids, &uid))
			return false;
	}
	if (live->comms) {
		char comm[TASK_COMM_LEN] = {};

		if (name == PROCESS_NAME)
			read_process_name(comm);
		else
			bpf_get_current_comm(comm, sizeof(comm));
		if (!in_set(&filter_comms, comm))
			return false;
	}
	return true;
}

/* ia32: nr is a number of the ia32 table (in_ia32_syscall) */
static __always_inline bool syscall_allowed(__s64 nr, bool ia32)
{
	__u32 zero = 0, key = (__u32)nr + (ia32 ? MAX_SYSCALL_NR : 0);
	struct live_filter *live = bpf_map_lookup_elem(&live_filter, &zero);
	__u8 *chosen;

	if (nr < 0 || !live)
		return false;
	if (!live->syscalls)
		return true;
	if (nr >= MAX_SYSCALL_NR)
		return false;	/* no name chose it */
	chosen = bpf_map_lookup_elem(&filter_syscalls, &key);
	return chosen && *chosen;
}

/*
 * A syscall's first four arguments, read at its exit from the user registers the kernel saved at entry.
 * Exit-only programs need no entry program and no tid-keyed map to carry the arguments across: on the open
 * storm that pairing cost more than the rest of the record (an entry program run on every open, and an
 * LRU-hash update, lookup and delete). Offsets come from the kernel's BTF (CO-RE), so no vmlinux.h.
 */
struct task_struct;

#if defined(__TARGET_ARCH_x86)
struct pt_regs___x86 {
	unsigned long di;
	unsigned long si;
	unsigned long dx;
	unsigned long r10;	/* the fourth syscall argument (rcx is clobbered by the syscall instruction) */
	unsigned long orig_ax;	/* the syscall number */
	unsigned long bx;	/* an ia32 call's arguments: ebx, ecx, edx, esi */
	unsigned long cx;
} __attribute__((preserve_access_index));

/* ia32: the call came through the ia32 table (in_ia32_syscall), whose arguments are other registers' low halves */
static __always_inline void syscall_args_of(bool ia32, __u64 args[4])
{
	struct pt_regs___x86 *regs = (void *)bpf_task_pt_regs(bpf_get_current_task_btf());

	if (ia32) {
		args[0] = (__u32)regs->bx;
		args[1] = (__u32)regs->cx;
		args[2] = (__u32)regs->dx;
		args[3] = (__u32)regs->si;
		return;
	}
	args[0] = regs->di;
	args[1] = regs->si;
	args[2] = regs->dx;
	args[3] = regs->r10;
}

/* The syscall the current task is in (outside one: -1 or whatever it last made). */
static __always_inline long current_syscall(void)
{
	return ((struct pt_regs___x86 *)bpf_task_pt_regs(bpf_get_current_task_btf()))->orig_ax;
}

/* arch/x86/include/asm/thread_info.h: set on ia32 syscall entry, cleared on the return to user mode */
#define TS_COMPAT 0x0002

struct thread_info___x86 {
	__u32 status;
} __attribute__((preserve_access_index));

struct task_struct___x86 {
	struct thread_info___x86 thread_info;
} __attribute__((preserve_access_index));

/*
 * Whether the syscall in progress came through the ia32 table (int 0x80, sysenter, a 32-bit process's
 * syscall), as the kernel's in_ia32_syscall() tells: a 64-bit process using int 0x80 is one, so the code
 * segment would not do. Those calls never reach the syscalls:* tracepoints, only raw_syscalls:*.
 */
static __always_inline bool in_ia32_syscall(void)
{
	struct task_struct___x86 *task = (void *)bpf_get_current_task_btf();

	return task->thread_info.status & TS_COMPAT;
}
#elif defined(__TARGET_ARCH_arm64)
struct pt_regs___arm64 {
	unsigned long regs[31];
	unsigned long orig_x0;	/* x0 holds the return value by the time the syscall exits */
	int syscallno;
} __attribute__((preserve_access_index));

/* ia32 is x86's: never set here */
static __always_inline void syscall_args_of(bool ia32, __u64 args[4])
{
	struct pt_regs___arm64 *regs = (void *)bpf_task_pt_regs(bpf_get_current_task_btf());

	args[0] = regs->orig_x0;
	args[1] = regs->regs[1];
	args[2] = regs->regs[2];
	args[3] = regs->regs[3];
}

/* The syscall the current task is in (outside one: -1 or whatever it last made). */
static __always_inline long current_syscall(void)
{
	return ((struct pt_regs___arm64 *)bpf_task_pt_regs(bpf_get_current_task_btf()))->syscallno;
}

/* AArch32 tasks' syscalls are not told apart on arm64: they are counted under their own numbers, as they come. */
static __always_inline bool in_ia32_syscall(void)
{
	return false;
}
#else
#error "syscall_args_of: define __TARGET_ARCH_x86 or __TARGET_ARCH_arm64 (compile-bpf.sh does)"
#endif

/* sched_process_exit's context since Linux 6.16, which tells whether the process ended (group_dead). */
struct trace_event_raw_sched_process_exit {
	bool group_dead;
} __attribute__((preserve_access_index));

struct signal_struct___exit {
	struct {
		int counter;
	} live;			/* threads not yet exited */
} __attribute__((preserve_access_index));

struct task_struct___exit {
	struct signal_struct___exit *signal;
} __attribute__((preserve_access_index));

/* In sched_process_exit: whether the exiting thread is its process's last. */
static __always_inline bool process_ended(void *ctx)
{
	struct trace_event_raw_sched_process_exit *exit_ctx = ctx;
	struct task_struct___exit *task = (void *)bpf_get_current_task_btf();

	/* Older kernels lack group_dead; there the thread count (already decremented for this task) says it,
	   though two threads exiting at once may then both read 0 */
	if (bpf_core_field_exists(exit_ctx->group_dead))
		return exit_ctx->group_dead;
	return BPF_CORE_READ(task, signal, live.counter) == 0;
}

static __always_inline void fill_header(struct event_header *h, __u16 kind, __u16 size)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u64 uid_gid = bpf_get_current_uid_gid();

	h->kind = kind;
	h->size = size;
	h->cpu = bpf_get_smp_processor_id();
	h->ts_ns = bpf_ktime_get_boot_ns();
	h->cgroup_id = bpf_get_current_cgroup_id();
	h->pid = pid_tgid >> 32;
	h->tid = (__u32)pid_tgid;
	h->uid = (__u32)uid_gid;
	h->gid = uid_gid >> 32;
	bpf_get_current_comm(h->comm, sizeof(h->comm));
}

/*
 * Batched wakeups: waking the consumer per record made traced syscalls 3x slower (MEASURED.md). Records
 * are submitted silently and the consumer polls on a short timeout; only a filling ring wakes it early,
 * once each time the pending data passes another multiple of wakeup_bytes. Waking on every record above
 * the mark instead cost a self-IPI (a VM exit under KVM) per record while the consumer caught up; a
 * multiple missed in a race between CPUs is caught at the next one.
 */
static __always_inline __u64 wakeup_flag(__u64 pending_before, __u64 size)
{
	return pending_before / cfg.wakeup_bytes != (pending_before + size) / cfg.wakeup_bytes ?
		BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

/* Fixed-size records are built in place in the ring. */
static __always_inline void *reserve_record(__u64 size)
{
	void *rec = bpf_ringbuf_reserve(&events, size, 0);

	if (!rec)
		count_drop();
	return rec;
}

static __always_inline void submit_record(void *rec, __u64 size)
{
	/* the reserved record already counts as pending */
	__u64 pending = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA);

	bpf_ringbuf_submit(rec, wakeup_flag(pending - size, size));
}

/* Variable-size records are built in a per-CPU scratch buffer and copied with their actual length. */
static __always_inline void output_record(void *data, __u64 size)
{
	__u64 pending = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA);

	if (bpf_ringbuf_output(&events, data, size, wakeup_flag(pending, size)))
		count_drop();
}

#endif /* TRACEKIT_COMMON_BPF_H */
