// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Syscall counts per (process, syscall), with optional latency, and per-syscall event capture, from the
 * raw syscall hooks. sys_enter is attached only when latency or events are recorded.
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

/* The entry of a syscall in flight, per thread. */
struct syscall_entry {
	__u64 ts_ns;
	__s64 id;
	__u64 args[6];
	bool counted;		/* -n matched the process's name: counts (and latency) are kept */
	bool captured;		/* -n matched the thread's name: a syscall event is kept */
};

/* LRU: exit and exit_group never return, and their entries must not fill the map. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_IN_FLIGHT);
	__type(key, __u32);
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

/* Syscalls not counted because counts (or latencies) was full. */
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

/* A process's name changes only when it execs or renames itself (prctl PR_SET_NAME). */
static __always_inline bool renames(__u32 nr)
{
	return nr == cfg.execve_nr || nr == cfg.execveat_nr || nr == cfg.prctl_nr;
}

static __always_inline void count_syscall(const struct count_key *key, bool failed)
{
	struct count_value *value = bpf_map_lookup_elem(&counts, key);
	bool fresh_entry = !value;

	if (!value) {
		struct count_value fresh = {};

		/* EEXIST: a first call on another CPU won the race; anything else (E2BIG: full) loses a count */
		long err = bpf_map_update_elem(&counts, key, &fresh, BPF_NOEXIST);

		if (err && err != -EEXIST) {
			count_overflow();
			return;
		}
		value = bpf_map_lookup_elem(&counts, key);
		if (!value)
			return;
	}
	__sync_fetch_and_add(&value->count, 1);
	if (failed)
		__sync_fetch_and_add(&value->errors, 1);
	/* reading comm on every syscall costs a third of this program; it only changes on these */
	if (fresh_entry || renames(key->syscall))
		read_process_name(value->comm);
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
	__u32 tid = (__u32)pid_tgid;
	struct syscall_entry entry = {};

	if (!syscall_allowed(ctx->id))
		return 0;
	entry.counted = cfg.count_syscalls && task_allowed(pid_tgid, PROCESS_NAME);
	entry.captured = cfg.capture_syscalls && task_allowed(pid_tgid, THREAD_NAME);
	if (!entry.counted && !entry.captured)
		return 0;
	entry.ts_ns = bpf_ktime_get_boot_ns();
	entry.id = ctx->id;
	__builtin_memcpy(entry.args, ctx->args, sizeof(entry.args));
	if (bpf_map_update_elem(&entries, &tid, &entry, BPF_ANY))
		count_drop();	/* too many threads in syscalls at once */
	return 0;
}

SEC("tracepoint/raw_syscalls/sys_exit")
int syscall_exit(struct raw_sys_exit_ctx *ctx)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)pid_tgid;
	struct count_key key = { .tgid = pid_tgid >> 32, .syscall = (__u32)ctx->id };
	struct syscall_entry *entry = NULL;
	__u64 now = 0;

	if (cfg.record_latency || cfg.capture_syscalls) {
		entry = bpf_map_lookup_elem(&entries, &tid);
		/* no entry: filtered out at entry, or the syscall began before we attached */
		if (!entry)
			return 0;
		now = bpf_ktime_get_boot_ns();
	} else if (!syscall_allowed(ctx->id) || !task_allowed(pid_tgid, PROCESS_NAME)) {
		return 0;	/* counts alone: only the process's name matters */
	}
	if (cfg.count_syscalls && (!entry || entry->counted)) {
		count_syscall(&key, ctx->ret < 0 && ctx->ret >= -4095);
		if (cfg.record_latency && entry)
			record_latency(&key, now - entry->ts_ns);
	}
	if (cfg.capture_syscalls && entry && entry->captured)
		capture(entry, ctx->ret, now);
	if (entry)
		bpf_map_delete_elem(&entries, &tid);
	return 0;
}
