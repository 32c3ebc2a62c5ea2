// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Process lifecycle: execs, forks and clones, task exits, renames, and the cgroups created while recording
 * (so a container started after the snapshot is still named). The task fields come from the kernel's
 * BTF (CO-RE: only the members read are declared, their offsets relocated at load), so no vmlinux.h.
 */
#include "common.bpf.h"

struct mm_struct {
	unsigned long arg_start;
	unsigned long arg_end;
} __attribute__((preserve_access_index));

/* Only what cgroup_mkdir reads: the new cgroup's kernfs id and its hierarchy. */
struct kernfs_node {
	__u64 id;
} __attribute__((preserve_access_index));

struct cgroup_root {
	int hierarchy_id;
} __attribute__((preserve_access_index));

struct cgroup {
	struct kernfs_node *kn;
	struct cgroup_root *root;
} __attribute__((preserve_access_index));

struct task_struct {
	int pid;
	int tgid;
	int exit_code;
	struct task_struct *real_parent;
	struct mm_struct *mm;
} __attribute__((preserve_access_index));

/* /sys/kernel/tracing/events/sched/sched_process_exec/format */
struct exec_ctx {
	__u64 common;
	__u32 filename_loc;	/* __data_loc: offset in the low 16 bits, length in the high 16 */
	__s32 pid;
	__s32 old_pid;
};

/* /sys/kernel/tracing/events/task/task_rename/format */
struct rename_ctx {
	__u64 common;
	__s32 pid;
	char oldcomm[TASK_COMM_LEN];
	char newcomm[TASK_COMM_LEN];
};

/* Room for the record, the longest file name and the arguments kept; too big for the BPF stack. */
struct proc_scratch {
	__u8 bytes[sizeof(struct proc_event) + PATH_BUF_LEN + ARGV_BUF_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct proc_scratch);
} scratch SEC(".maps");

static __always_inline __u32 parent_tgid(struct task_struct *task)
{
	return BPF_CORE_READ(task, real_parent, tgid);
}

/* Fixed-size kinds: reserved in the ring, zeroed, header and ppid filled; the caller fills the rest. */
static __always_inline struct proc_event *reserve_proc(__u8 kind, struct task_struct *task)
{
	struct proc_event *e = reserve_record(sizeof(*e));

	if (!e)
		return NULL;
	__builtin_memset(e, 0, sizeof(*e));
	fill_header(&e->hdr, EVENT_PROC, sizeof(*e));
	e->kind = kind;
	e->ppid = parent_tgid(task);
	return e;
}

/* Variable-size kinds: built zeroed in the per-CPU scratch buffer, kind and ppid filled; NULL if it is missing. */
static __always_inline struct proc_event *scratch_proc(__u8 kind, struct task_struct *task)
{
	__u32 zero = 0;
	struct proc_scratch *s = bpf_map_lookup_elem(&scratch, &zero);
	struct proc_event *e;

	if (!s)
		return NULL;
	e = (struct proc_event *)s->bytes;
	__builtin_memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->ppid = parent_tgid(task);
	return e;
}

/* A kernel string into the record's tail, without its NUL: its length, bounded for the verifier (0 if unreadable). */
static __always_inline __u16 tail_kernel_str(struct proc_event *e, const void *src)
{
	long len = bpf_probe_read_kernel_str(e->tail, PATH_BUF_LEN, src);

	if (len <= 0)
		return 0;
	return (len - 1) & (PATH_BUF_LEN - 1);
}

SEC("tracepoint/sched/sched_process_exec")
int proc_exec(struct exec_ctx *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();
	__u64 arg_start, arg_end, argv_total, argv_len;
	struct proc_event *e;
	__u16 name_len;

	if (!task_allowed(bpf_get_current_pid_tgid(), THREAD_NAME))
		return 0;
	e = scratch_proc(PROC_EXEC, task);
	if (!e)
		return 0;
	e->old_pid = ctx->old_pid;
	/* bprm->filename: a kernel copy of at most PATH_MAX bytes with its NUL, so it always fits */
	name_len = tail_kernel_str(e, (void *)ctx + (ctx->filename_loc & 0xFFFF));
	/* the new program's arguments, just copied onto its stack by the kernel, so resident */
	arg_start = BPF_CORE_READ(task, mm, arg_start);
	arg_end = BPF_CORE_READ(task, mm, arg_end);
	argv_total = arg_end > arg_start ? arg_end - arg_start : 0;
	argv_len = argv_total;
	if (argv_len > ARGV_BUF_LEN)
		argv_len = ARGV_BUF_LEN;
	e->argv_truncated = argv_total > ARGV_BUF_LEN;
	if (argv_len && bpf_probe_read_user(e->tail + name_len, argv_len, (const void *)arg_start)) {
		argv_len = 0;	/* unreadable: nothing kept, which the flag says */
		e->argv_truncated = 1;
	}
	e->name_len = name_len;
	e->argv_len = argv_len;
	fill_header(&e->hdr, EVENT_PROC, sizeof(*e) + name_len + argv_len);
	output_record(e, sizeof(*e) + name_len + argv_len);
	return 0;
}

/*
 * tp_btf rather than the tracepoint: it hands over both task pointers, so thread or process is decided from
 * the tasks themselves (a thread joins its creator's thread group, a process starts its own), not guessed.
 */
SEC("tp_btf/sched_process_fork")
int proc_fork(__u64 *ctx)
{
	struct task_struct *parent = (struct task_struct *)ctx[0];
	struct task_struct *child = (struct task_struct *)ctx[1];
	struct proc_event *e;
	__s32 child_tgid;

	if (!task_allowed(bpf_get_current_pid_tgid(), THREAD_NAME))
		return 0;
	e = reserve_proc(PROC_FORK, parent);
	if (!e)
		return 0;
	child_tgid = BPF_CORE_READ(child, tgid);
	e->child_pid = child_tgid;
	e->child_tid = BPF_CORE_READ(child, pid);
	e->child_is_thread = child_tgid == BPF_CORE_READ(parent, tgid);
	submit_record(e, sizeof(*e));
	return 0;
}

SEC("tracepoint/sched/sched_process_exit")
int proc_exit(void *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct proc_event *e;

	if (!task_allowed(bpf_get_current_pid_tgid(), THREAD_NAME))
		return 0;
	e = reserve_proc(PROC_EXIT, task);
	if (!e)
		return 0;
	e->exit_code = BPF_CORE_READ(task, exit_code);
	e->last_thread = process_ended(ctx);
	submit_record(e, sizeof(*e));
	return 0;
}

/* Renames by prctl(PR_SET_NAME) or a write to /proc/PID/comm; an exec's own rename is its EXEC record. */
SEC("tracepoint/task/task_rename")
int proc_rename(struct rename_ctx *ctx)
{
	long nr = current_syscall();
	struct proc_event *e;

	if (nr == cfg.execve_nr || nr == cfg.execveat_nr)
		return 0;
	if (!task_allowed(bpf_get_current_pid_tgid(), THREAD_NAME))
		return 0;
	e = reserve_proc(PROC_RENAME, bpf_get_current_task_btf());
	if (!e)
		return 0;
	e->renamed_tid = ctx->pid;
	__builtin_memcpy(e->old_comm, ctx->oldcomm, TASK_COMM_LEN);
	__builtin_memcpy(e->new_comm, ctx->newcomm, TASK_COMM_LEN);
	submit_record(e, sizeof(*e));
	return 0;
}

/*
 * A cgroup v2 directory was created (a systemd unit's or a container's): its id and path extend the snapshot's
 * cgroup table, which only knows the cgroups of the moment a file started. No task filter applies, as none
 * applies to the snapshot: a filtered process may move into a cgroup another task made. The path is the
 * kernel's copy (cgroup_path(), at most 1023 bytes), not user memory.
 */
SEC("tp_btf/cgroup_mkdir")
int proc_cgroup_mkdir(__u64 *ctx)
{
	struct cgroup *cgrp = (struct cgroup *)ctx[0];
	const char *path = (const char *)ctx[1];
	struct proc_event *e;
	__u16 len;

	/* the default hierarchy (id 0) is cgroup v2's, whose ids the events carry; v1 hierarchies are not */
	if (BPF_CORE_READ(cgrp, root, hierarchy_id) != 0)
		return 0;
	e = scratch_proc(PROC_CGROUP_MKDIR, bpf_get_current_task_btf());
	if (!e)
		return 0;
	e->new_cgroup_id = BPF_CORE_READ(cgrp, kn, id);
	len = tail_kernel_str(e, path);
	e->name_len = len;
	fill_header(&e->hdr, EVENT_PROC, sizeof(*e) + len);
	output_record(e, sizeof(*e) + len);
	return 0;
}
