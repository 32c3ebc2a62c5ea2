/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The contract between the BPF programs and the recorder: every struct that crosses the ring buffers or
 * the maps. Fixed-width types and explicit padding only, so the Java MemoryLayouts in
 * dev.tracekit.recorder.layout mirror them exactly (LayoutAgreementTest checks against this object's BTF).
 */
#ifndef TRACEKIT_H
#define TRACEKIT_H

#include <linux/types.h>

#define TASK_COMM_LEN 16
/* PATH_MAX: a longer path makes the kernel fail the open with ENAMETOOLONG. */
#define PATH_BUF_LEN 4096
#define PATH_PREFIX_MAX 128
/* Slot i counts latencies in [2^i, 2^(i+1)) ns; the last slot also holds everything longer (~9 min+). */
#define LATENCY_SLOTS 40
/* An exec's arguments are stored up to this many bytes (the rest is flagged, not kept). */
#define ARGV_BUF_LEN 4096
/* A relative open's directory is walked up at most this many dentries (and mount crossings) to the root. */
#define PATH_DEPTH_MAX 64

/* First field of every ring-buffer record: user space dispatches on it with one switch. */
enum event_kind {
	EVENT_SYSCALL = 1,
	EVENT_OPEN = 2,
	EVENT_KILL = 3,
	EVENT_PROC = 4,
};

/* Same order as the Avro enum OpenSyscall. */
enum open_syscall {
	OPEN_OPEN = 0,
	OPEN_OPENAT = 1,
	OPEN_OPENAT2 = 2,
	OPEN_CREAT = 3,
};

/*
 * How a relative open's directory was found; the values are the Avro enum FullPathStatus's indexes (its
 * NOT_RECORDED, for recordings made before there was a directory, is 0 and never written by the kernel).
 */
enum full_path_status {
	FULL_PATH_ABSOLUTE = 1,		/* the path starts with '/': it is the full path, no directory follows */
	FULL_PATH_RESOLVED = 2,		/* the directory follows the path */
	FULL_PATH_TOO_DEEP = 3,		/* PATH_DEPTH_MAX reached: only the deepest components follow */
	FULL_PATH_TOO_LONG = 4,		/* the directory or the path was longer than its buffer: cut */
	FULL_PATH_FAILED = 5,		/* no directory: dirfd not open, or the task's files or fs unreadable */
	FULL_PATH_EMPTY = 6,		/* an empty path: the open names no file (it fails with ENOENT) */
};

/* Same order as the Avro enum KillSyscall. */
enum kill_syscall {
	KILL_KILL = 0,
	KILL_TKILL = 1,
	KILL_TGKILL = 2,
	KILL_RT_SIGQUEUEINFO = 3,
	KILL_RT_TGSIGQUEUEINFO = 4,
	KILL_SIGNAL_GENERATE = 5,
};

/* Same order as the Avro enum ProcKind, whose 4 is UNKNOWN (never written). */
enum proc_kind {
	PROC_EXEC = 0,
	PROC_FORK = 1,
	PROC_EXIT = 2,
	PROC_RENAME = 3,
	PROC_CGROUP_MKDIR = 5,
};

struct event_header {
	__u16 kind;		/* enum event_kind */
	__u16 size;		/* bytes of the whole record, path included */
	__u32 cpu;
	__u64 ts_ns;		/* CLOCK_BOOTTIME */
	__u64 cgroup_id;
	__u32 pid;		/* tgid */
	__u32 tid;
	__u32 uid;
	__u32 gid;
	char comm[TASK_COMM_LEN];
};

struct syscall_event {
	struct event_header hdr;
	__s64 id;		/* | SYSCALL_IA32 for an ia32 call */
	__u64 args[6];
	__s64 ret;
	__u64 duration_ns;
};

/*
 * Variable length: path_len bytes of path follow the fixed part, then dir_len bytes of the directory a
 * relative path was resolved in (no NULs). The directory ends with '/', so directory + path is the full path.
 */
struct open_event {
	struct event_header hdr;
	__s32 dirfd;
	__s32 result;
	__u64 flags;
	__u64 resolve;
	__u32 mode;
	__u16 path_len;
	__u8 syscall;		/* enum open_syscall */
	__u8 path_truncated;
	__u16 dir_len;
	__u8 full_path_status;	/* enum full_path_status */
	__u8 pad[5];
	char path[];
};

struct kill_event {
	struct event_header hdr;
	__s32 target_pid;
	__s32 target_tid;
	__s32 signal;
	__s32 result;
	__u32 syscall;		/* enum kill_syscall */
	__u32 pad;
};

/*
 * Variable length: name_len bytes of the exec'd file name (EXEC) or of the new cgroup's path (CGROUP_MKDIR),
 * then argv_len bytes of an exec's arguments, follow the fixed part (both 0 for the other kinds). Fields a kind
 * does not use are 0.
 */
struct proc_event {
	struct event_header hdr;
	__u32 ppid;		/* real parent's tgid */
	__u8 kind;		/* enum proc_kind */
	__u8 argv_truncated;	/* EXEC */
	__u8 child_is_thread;	/* FORK */
	__u8 last_thread;	/* EXIT: the process ended */
	__s32 old_pid;		/* EXEC: the tid that called exec */
	__s32 child_pid;	/* FORK: tgid */
	__s32 child_tid;	/* FORK */
	__s32 exit_code;	/* EXIT: the task's wait status (code << 8 | core 0x80 | signal) */
	__s32 renamed_tid;	/* RENAME */
	__u16 name_len;		/* EXEC: the file name; CGROUP_MKDIR: the path */
	__u16 argv_len;		/* EXEC */
	char old_comm[TASK_COMM_LEN];	/* RENAME */
	char new_comm[TASK_COMM_LEN];	/* RENAME */
	__u64 new_cgroup_id;	/* CGROUP_MKDIR: the new cgroup's kernfs id, its directory's inode number */
	char tail[];
};

/*
 * Set in count_key.syscall and syscall_event.id when the number is the ia32 table's (int 0x80, sysenter or a 32-bit process on
 * x86_64): ia32 5 is open where x86_64 5 is fstat.
 */
#define SYSCALL_IA32 0x80000000u

/* Syscall counts are cumulative since the start; user space takes deltas, so nothing is reset. */
struct count_key {
	__u32 tgid;
	__u32 syscall;		/* the table's number, | SYSCALL_IA32 for an ia32 call */
};

struct count_value {
	__u64 count;
	__u64 errors;
	char comm[TASK_COMM_LEN];
};

struct latency_value {
	__u64 total_ns;
	__u64 log2_hist[LATENCY_SLOTS];
};

/*
 * Which live set filters are in force (the sets themselves are maps the recorder may rewrite mid-run), and
 * whether the recording stopped: unlinking a tracepoint program takes ~40 ms, so a stop switches them off here.
 */
struct live_filter {
	__u8 pids;
	__u8 tids;
	__u8 uids;
	__u8 comms;
	__u8 syscalls;
	__u8 stopped;	/* the recording ended: every program lets everything pass untraced, at once */
	__u8 pad[2];
};

/*
 * Which tgid the kernel gives the recorder, which knows only its pid in its own pid namespace (a container's):
 * the namespace (st_dev, st_ino of /proc/self/ns/pid) and that pid go in, host_tgid comes out once the
 * recorder has called getppid (self.bpf.c).
 */
struct self_query {
	__u64 ns_dev;
	__u64 ns_ino;
	__u32 ns_tgid;
	__u32 host_tgid;	/* 0 until the recorder's call was seen */
};

/* Fixed for the whole run: read-only data written before load, so the verifier prunes what is off. */
struct tracekit_config {
	__u64 cgroup_id;	/* 0: any cgroup */
	__u64 excluded_signals;	/* bit n set: drop signal n (n < 64) */
	__u64 wakeup_bytes;	/* force a consumer wakeup once this much is pending */
	__u32 self_tgid;	/* the recorder itself, never traced */
	__u32 target_signal;
	__u32 execve_nr;	/* syscalls after which a task's comm may differ */
	__u32 execveat_nr;
	__u32 prctl_nr;
	__u32 pad0;
	__u8 filter_signal;
	__u8 failed_only;
	__u8 count_syscalls;
	__u8 capture_syscalls;
	__u8 record_latency;
	__u8 path_prefix_len;
	__u8 pad[2];
	char path_prefix[PATH_PREFIX_MAX];
};

#endif /* TRACEKIT_H */
