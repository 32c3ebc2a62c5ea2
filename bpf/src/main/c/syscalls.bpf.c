// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Syscall counts per (process, syscall), with optional latency, and per-syscall event capture, from the
 * raw syscall hooks. sys_enter is attached only when latency or events are recorded.
 *
 * An ia32 call (int 0x80, sysenter, a 32-bit process on x86_64) carries the ia32 table's number, marked with
 * SYSCALL_IA32: only these hooks see such calls, the syscalls:* tracepoints never do.
 *
 * Counts are taken at exit alone, in every mode, as libbpf-tools syscount does: a call whose entry was not
 * seen (blocked when tracing began, a new thread's first return, a call seccomp denied, whose sys_enter
 * ran before the filter) is still counted, and --latency or syscall-events never change the counts.
 */
#include <linux/errno.h>
#include "common.bpf.h"

/* raw_syscalls contexts, as /sys/kernel/tracing/events/raw_syscalls/<event>/format lays them out. */
struct raw_sys_enter_ctx {
	__u64 common;
	__s64 id;
	__u64 args[6];
};

struct raw_sys_exit_ctx {
	__u64 common;
	__s64 id;
	__s64 ret;
};

/* The entry of a syscall in flight, per thread; ts_ns 0 once its exit has used it. */
struct syscall_entry {
	__u64 ts_ns;
	__s64 id;
	__u64 args[6];
	bool timed;		/* -n matched the process's name: the latency is kept */
	bool captured;		/* -n matched the thread's name: a syscall event is kept */
};

/*
 * Task-local: a thread has at most one syscall in flight, its slot goes with the task (exit and exit_group
 * never return, and nothing has to evict them), and no number of threads can push another's entry out, as
 * an LRU hash keyed by tid did.
 */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct syscall_entry);
} entries SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);	/* the recorder sizes it */
	__type(key, struct count_key);
	__type(value, struct count_value);
} counts SEC(".maps");

/* Only sized above 1 with --latency. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, struct count_key);
	__type(value, struct latency_value);
} latencies SEC(".maps");

/*
 * Processes that ended since the collector last looked: it takes their keys' final counts and deletes them.
 * The kernel's word, not /proc's: a recorder in a container sees its own namespace's /proc, where the host's
 * tgids of the keys are missing or name other processes. Bounded by the exits of one interval (a host
 * making more loses exit notices: those processes' keys stay until the recording ends, their counts exact).
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u8);
} exited SEC(".maps");

/* Syscalls not counted because counts was full, or counted without their latency because latencies was. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} count_overflows SEC(".maps");

static __always_inline void count_overflow(void)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&count_overflows, &zero);

	if (n)
		*n += 1;
}

static __always_inline __u32 log2_slot(__u64 v)
{
	__u32 slot = 0;

	/* bounded: at most 64 iterations, unrolled by the verifier's loop support */
	while (v > 1 && slot < LATENCY_SLOTS - 1) {
		v >>= 1;
		slot++;
	}
	return slot;
}

/*
 * A process's name changes only when it execs or renames itself (prctl PR_SET_NAME). cfg holds the native
 * numbers only: an ia32 call reads the name every time (such calls are rare).
 */
static __always_inline bool renames(__u32 nr)
{
	return nr == cfg.execve_nr || nr == cfg.execveat_nr || nr == cfg.prctl_nr || (nr & SYSCALL_IA32);
}

/* The syscall's number as counts and events carry it: SYSCALL_IA32 marks the ia32 table's. */
static __always_inline __s64 table_id(__s64 id, bool ia32)
{
	return ia32 && id >= 0 ? id | SYSCALL_IA32 : id;
}

/* Returns whether the call was counted. */
static __always_inline bool count_syscall(const struct count_key *key, bool failed)
{
	struct count_value *value = bpf_map_lookup_elem(&counts, key);
	bool fresh_entry = !value;

	if (!value) {
		struct count_value fresh = {};

		/* EEXIST: a first call on another CPU won the race; anything else (E2BIG: full) loses a count */
		long err = bpf_map_update_elem(&counts, key, &fresh, BPF_NOEXIST);

		if (err && err != -EEXIST) {
			count_overflow();
			return false;
		}
		value = bpf_map_lookup_elem(&counts, key);
		if (!value)
			return false;	/* deleted by user space between the update and the lookup: its process exited */
	}
	__sync_fetch_and_add(&value->count, 1);
	if (failed)
		__sync_fetch_and_add(&value->errors, 1);
	/* reading comm on every syscall costs a third of this program; it only changes on these */
	if (fresh_entry || renames(key->syscall))
		read_process_name(value->comm);
	return true;
}

static __always_inline void record_latency(const struct count_key *key, __u64 ns)
{
	struct latency_value *value = bpf_map_lookup_elem(&latencies, key);

	if (!value) {
		struct latency_value fresh = {};

		long err = bpf_map_update_elem(&latencies, key, &fresh, BPF_NOEXIST);

		if (err && err != -EEXIST) {
			count_overflow();
			return;
		}
		value = bpf_map_lookup_elem(&latencies, key);
		if (!value)
			return;
	}
	__sync_fetch_and_add(&value->total_ns, ns);
	__sync_fetch_and_add(&value->log2_hist[log2_slot(ns)], 1);
}

static __always_inline void capture(const struct syscall_entry *entry, __s64 ret, __u64 now)
{
	struct syscall_event *e;

	if (cfg.failed_only && !(ret < 0 && ret >= -4095))
		return;
	e = reserve_record(sizeof(*e));
	if (!e)
		return;
	fill_header(&e->hdr, EVENT_SYSCALL, sizeof(*e));
	e->hdr.ts_ns = now;
	e->id = entry->id;
	__builtin_memcpy(e->args, entry->args, sizeof(e->args));
	e->ret = ret;
	e->duration_ns = now - entry->ts_ns;
	submit_record(e, sizeof(*e));
}

SEC("tracepoint/raw_syscalls/sys_enter")
int syscall_enter(struct raw_sys_enter_ctx *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	bool ia32 = in_ia32_syscall();
	struct syscall_entry *entry;
	bool timed, captured;

	if (!syscall_allowed(ctx->id, ia32))
		return 0;
	timed = cfg.record_latency && task_allowed(pid_tgid, PROCESS_NAME);
	captured = cfg.capture_syscalls && task_allowed(pid_tgid, THREAD_NAME);
	if (!timed && !captured)
		return 0;
	entry = bpf_task_storage_get(&entries, bpf_get_current_task_btf(), NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!entry) {
		count_drop();	/* no memory for the task's slot: this call's latency or event is lost */
		return 0;
	}
	entry->ts_ns = bpf_ktime_get_boot_ns();
	entry->id = table_id(ctx->id, ia32);
	__builtin_memcpy(entry->args, ctx->args, sizeof(entry->args));
	entry->timed = timed;
	entry->captured = captured;
	return 0;
}

SEC("tracepoint/raw_syscalls/sys_exit")
int syscall_exit(struct raw_sys_exit_ctx *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	bool ia32 = in_ia32_syscall();
	__s64 id = table_id(ctx->id, ia32);
	struct count_key key = { .tgid = pid_tgid >> 32, .syscall = (__u32)id };
	struct syscall_entry *entry = NULL;
	bool counted = false;
	__u64 now = 0;

	if (cfg.record_latency || cfg.capture_syscalls) {
		entry = bpf_task_storage_get(&entries, bpf_get_current_task_btf(), NULL, 0);
		/* an entry of another call: filtered out at entry, or began before we attached */
		if (entry && (!entry->ts_ns || entry->id != id))
			entry = NULL;
		now = bpf_ktime_get_boot_ns();
	}
	if (cfg.count_syscalls && syscall_allowed(ctx->id, ia32) && task_allowed(pid_tgid, PROCESS_NAME))
		counted = count_syscall(&key, ctx->ret < 0 && ctx->ret >= -4095);
	if (!entry)
		return 0;
	/* only counted calls get a latency: a latency entry whose count is missing would never be read or deleted */
	if (counted && cfg.record_latency && entry->timed)
		record_latency(&key, now - entry->ts_ns);
	if (cfg.capture_syscalls && entry->captured)
		capture(entry, ctx->ret, now);
	entry->ts_ns = 0;
	return 0;
}

/* Every process's end, traced or not: a live filter may have dropped it after it was counted. */
SEC("tracepoint/sched/sched_process_exit")
int process_exit(void *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u8 one = 1;

	if (process_ended(ctx))
		bpf_map_update_elem(&exited, &tgid, &one, BPF_ANY);
	return 0;
}
