// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * File opens (open, openat, openat2, creat), recorded at exit with their result and with the arguments read
 * from the saved user registers (syscall_args_of). The path is read at exit: by then the kernel has copied
 * it, so the user page is resident and the path is not silently empty.
 *
 * A relative path is also given the directory it was looked up in, as bcc's opensnoop -F, Tracee and Tetragon
 * find it: a bounded walk up the kernel's own dentries from the cwd (AT_FDCWD) or from the file open at dirfd,
 * crossing mount points, to the task's root. bpf_d_path would do this but is not allowed on syscall
 * tracepoints. The kernel structures are declared with only the members read and relocated from its BTF.
 */
#include "common.bpf.h"
#include <bpf/bpf_core_read.h>

/* open(2) flags as x86_64 and aarch64 both encode them */
#define O_WRONLY 01
#define O_CREAT 0100
#define O_TRUNC 01000
#define __O_TMPFILE 020000000	/* O_TMPFILE is this | O_DIRECTORY */
#define AT_FDCWD -100
#define NAME_MAX 255

struct dentry;

/* The kernel's layout exactly, so one read takes the length and the name pointer together. */
struct qstr {
	union {
		struct {
			__u32 hash;
			__u32 len;
		};
		__u64 hash_len;
	};
	const unsigned char *name;
} __attribute__((preserve_access_index));

struct dentry {
	struct dentry *d_parent;
	struct qstr d_name;
} __attribute__((preserve_access_index));

struct vfsmount {
	struct dentry *mnt_root;
} __attribute__((preserve_access_index));

/* fs/mount.h: the vfsmount is embedded in it */
struct mount {
	struct mount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct vfsmount mnt;
} __attribute__((preserve_access_index));

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
} __attribute__((preserve_access_index));

struct fs_struct {
	struct path root;
	struct path pwd;
} __attribute__((preserve_access_index));

struct file {
	struct path f_path;
} __attribute__((preserve_access_index));

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
} __attribute__((preserve_access_index));

struct files_struct {
	struct fdtable *fdt;
} __attribute__((preserve_access_index));

struct task_struct {
	struct fs_struct *fs;
	struct files_struct *files;
} __attribute__((preserve_access_index));

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

/*
 * Room for the record with its longest path and directory, and for building the directory backwards from
 * the root's end (dir[PATH_BUF_LEN - 1] is its final '/'); too big for the BPF stack.
 */
struct open_scratch {
	__u8 bytes[sizeof(struct open_event) + 2 * PATH_BUF_LEN];
	char dir[2 * PATH_BUF_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct open_scratch);
} scratch SEC(".maps");

/* Whether directory + path (the full path; dir_len is 0 for an absolute path) starts with --path-prefix. */
static __always_inline bool has_prefix(const char *dir, __u32 dir_len, const char *path, __u32 len)
{
	for (__u32 i = 0; i < PATH_PREFIX_MAX && i < cfg.path_prefix_len; i++) {
		char c;

		if (i < dir_len)
			c = dir[i & (PATH_BUF_LEN - 1)];
		else if (i - dir_len < len)
			c = path[(i - dir_len) & (PATH_BUF_LEN - 1)];
		else
			return false;	/* shorter than the prefix */
		if (c != cfg.path_prefix[i])
			return false;
	}
	return true;
}

/* Where a relative path is looked up: the cwd for AT_FDCWD, else the file open at dirfd now, at exit. */
static __always_inline bool lookup_start(__s32 dirfd, struct path *start, struct path *root)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct fs_struct *fs = BPF_CORE_READ(task, fs);
	struct fdtable *fdt;
	struct file *file = NULL;

	/* a struct path is read whole, one helper call for its two pointers */
	if (!fs || bpf_core_read(root, sizeof(*root), &fs->root))
		return false;	/* an exiting task */
	if (dirfd == AT_FDCWD)
		return !bpf_core_read(start, sizeof(*start), &fs->pwd) && start->mnt && start->dentry;
	if (dirfd < 0)
		return false;
	fdt = BPF_CORE_READ(task, files, fdt);
	if (!fdt || (__u32)dirfd >= BPF_CORE_READ(fdt, max_fds))
		return false;
	if (bpf_probe_read_kernel(&file, sizeof(file), BPF_CORE_READ(fdt, fd) + dirfd) || !file)
		return false;	/* not open (EBADF) */
	return !bpf_core_read(start, sizeof(*start), &file->f_path) && start->mnt && start->dentry;
}

/* Where the walk up from a relative path's directory stands, between steps. */
struct walk {
	struct dentry *dentry;
	struct vfsmount *vfsmnt;
	struct mount *mnt;
	struct path root;
	__u32 at;		/* the directory so far is scratch.dir[at .. PATH_BUF_LEN) */
	__u8 status;		/* FULL_PATH_*; 0 while walking */
};

/*
 * One step up: at a mount's root to the dentry it is mounted on, else to the parent after writing the name
 * (after a '/') in front of what is written. Ends at the task's root or at the root of its mount namespace. A
 * bpf_loop callback: the verifier checks it once, where an open-coded loop was checked per iteration and per
 * program, past its instruction limit.
 */
static long walk_step(__u32 index, struct walk *w)
{
	/* locals, not w->...: BPF_CORE_READ would relocate struct walk's own fields against the kernel's BTF */
	struct dentry *dentry = w->dentry, *parent;
	struct vfsmount *vfsmnt = w->vfsmnt;
	struct mount *mnt = w->mnt;
	__u32 zero = 0, len, at = w->at;
	struct open_scratch *s = bpf_map_lookup_elem(&scratch, &zero);
	struct qstr name;

	if (!s) {
		w->status = FULL_PATH_FAILED;
		return 1;
	}
	if (dentry == w->root.dentry && vfsmnt == w->root.mnt) {
		w->status = FULL_PATH_RESOLVED;
		return 1;
	}
	parent = BPF_CORE_READ(dentry, d_parent);
	if (dentry == BPF_CORE_READ(vfsmnt, mnt_root) || dentry == parent) {
		struct mount *up = BPF_CORE_READ(mnt, mnt_parent);

		if (up == mnt || !up) {
			w->status = FULL_PATH_RESOLVED;	/* the namespace's root mount */
			return 1;
		}
		w->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->mnt = up;
		w->vfsmnt = (void *)up + bpf_core_field_offset(struct mount, mnt);
		return 0;
	}
	if (bpf_core_read(&name, sizeof(name), &dentry->d_name)) {
		w->status = FULL_PATH_FAILED;
		return 1;
	}
	len = name.len;
	if (len > NAME_MAX || len + 2 > at) {
		w->status = FULL_PATH_TOO_LONG;	/* the '/' before it and the directory's first '/' must fit */
		return 1;
	}
	if (bpf_probe_read_kernel(s->dir + ((at - len) & (PATH_BUF_LEN - 1)), len & NAME_MAX, name.name)) {
		w->status = FULL_PATH_FAILED;
		return 1;
	}
	at -= len + 1;
	s->dir[at & (PATH_BUF_LEN - 1)] = '/';
	w->at = at;
	w->dentry = parent;
	return 0;
}

/*
 * Writes the directory at start into dir[*off .. PATH_BUF_LEN), root first, each name after a '/', with a final
 * '/'. Returns a FULL_PATH_* status; what is written is whole components for every one.
 */
static __always_inline __u8 walk_to_root(struct path *start, struct path *root, char *dir, __u32 *off)
{
	struct walk w = {
		.dentry = start->dentry,
		.vfsmnt = start->mnt,
		.mnt = (void *)start->mnt - bpf_core_field_offset(struct mount, mnt),
		.root = *root,
		.at = PATH_BUF_LEN - 1,
	};

	dir[PATH_BUF_LEN - 1] = '/';
	bpf_loop(PATH_DEPTH_MAX, walk_step, &w, 0);
	*off = w.at;
	return w.status ? w.status : FULL_PATH_TOO_DEEP;
}

/* The directory a relative path was looked up in, into dir[*off .. PATH_BUF_LEN); a FULL_PATH_* status. */
static __always_inline __u8 resolve_dir(const char *path, long len, __s32 dirfd, char *dir, __u32 *off)
{
	struct path start, root;

	*off = PATH_BUF_LEN;	/* no directory */
	if (len == 0)
		return FULL_PATH_EMPTY;
	if (path[0] == '/')
		return FULL_PATH_ABSOLUTE;
	if (!lookup_start(dirfd, &start, &root))
		return FULL_PATH_FAILED;
	return walk_to_root(&start, &root, dir, off);
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
	__u32 dir_off, dir_len;
	__u8 status;
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
	len &= PATH_BUF_LEN - 1;	/* proves the bound to the verifier */
	status = resolve_dir(e->path, len, args.dirfd, s->dir, &dir_off);
	if (status == FULL_PATH_FAILED)
		dir_off = PATH_BUF_LEN;	/* a walk cut short by an unreadable name keeps nothing */
	else if (status == FULL_PATH_TOO_DEEP || status == FULL_PATH_TOO_LONG)
		dir_off++;	/* the root is not at its head: without its first '/' it cannot pass for absolute */
	else if (status == FULL_PATH_RESOLVED && e->path_truncated)
		status = FULL_PATH_TOO_LONG;	/* the directory is whole, the path after it cut */
	dir_len = (PATH_BUF_LEN - dir_off) & (PATH_BUF_LEN - 1);
	/*
	 * The prefix is tested on the full path (an empty one has none); one whose directory is not wholly known
	 * is kept, flagged, not guessed at.
	 */
	if (cfg.path_prefix_len && status != FULL_PATH_TOO_DEEP && status != FULL_PATH_TOO_LONG &&
	    status != FULL_PATH_FAILED && !has_prefix(s->dir + (dir_off & (PATH_BUF_LEN - 1)), dir_len, e->path, len))
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
	e->path_len = len;
	e->full_path_status = status;
	e->dir_len = dir_len;
	if (dir_len && bpf_probe_read_kernel(e->path + len, dir_len, s->dir + (dir_off & (PATH_BUF_LEN - 1)))) {
		e->dir_len = dir_len = 0;
		e->full_path_status = FULL_PATH_FAILED;
	}
	fill_header(&e->hdr, EVENT_OPEN, sizeof(*e) + len + dir_len);
	output_record(e, sizeof(*e) + len + dir_len);
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
