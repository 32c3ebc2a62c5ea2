/*
 * A scripted workload for the recorder's kernel tests: runs its arguments as a list of commands, using raw
 * syscalls so the recorded arguments are exactly the ones given, and prints each result on stdout.
 *
 *   wait                  read one line from stdin (the test's go-ahead: the recorder is attached)
 *   open PATH FLAGS MODE  openat(AT_FDCWD, PATH, FLAGS, MODE), FLAGS and MODE in octal; prints "open FD"
 *   openat2 PATH FLAGS MODE RESOLVE  openat2(AT_FDCWD, PATH, {FLAGS, MODE, RESOLVE}), octal; "openat2 FD"
 *   creat PATH MODE       creat(PATH, MODE), MODE in octal; prints "creat FD"
 *   openat DIRFD PATH FLAGS  openat(DIRFD, PATH, FLAGS, 0), FLAGS in octal; prints "openat FD"
 *   chdir PATH            chdir(2); prints "chdir RESULT"
 *   longpath N            openat of a path of N 'a's (ENAMETOOLONG past 4095); prints "longpath RESULT"
 *   openhex HEX           openat(AT_FDCWD, the bytes spelt in HEX, O_RDONLY): any bytes but NUL; prints "openhex RESULT"
 *   comm HEX              prctl(PR_SET_NAME, the bytes spelt in HEX): the task name; prints "comm RESULT"
 *   opens N PATH          N openat(AT_FDCWD, PATH, O_RDONLY) calls, closing what opens; prints "opens N"
 *   getpid N              N getpid(2) calls
 *   getppid N             N getppid(2) calls
 *   thread HEX N          a second thread names itself HEX (prctl) and makes N getppid(2) calls; prints "thread N"
 *   denygetppid           a seccomp filter makes every later getppid(2) fail with EPERM before it runs
 *   kill PID SIG          kill(2); prints "kill RESULT"
 *   kills N PID SIG       N kill(2) calls (a storm: signal 0 only probes); prints "kills N"
 *   tgkill TGID TID SIG   tgkill(2); prints "tgkill RESULT"
 *   tkill TID SIG         tkill(2); prints "tkill RESULT"
 *   sigqueue PID SIG      rt_sigqueueinfo(2) as sigqueue(3) makes it; prints "sigqueue RESULT"
 *   tgsigqueue TGID TID SIG  rt_tgsigqueueinfo(2); prints "tgsigqueue RESULT"
 *   sleep MS              sleep with SIGUSR1 ignored (a target for signals)
 *   fork CODE             a child process that exits with CODE at once; prints "fork CHILD_PID" once it is reaped
 *   forkkill SIG          a child process that kills itself with SIG; prints "forkkill CHILD_PID" once reaped
 *   exec PATH N HEX...    execve(PATH, the N arguments spelt in HEX, environ); on failure prints "exec RESULT"
 *                         and goes on with the commands after the N arguments
 *   threadexec PATH N HEX...  a second thread makes that execve (the kernel ends the other threads first)
 *   spawn PID PATH N HEX...  a child process with exactly pid PID (clone3's set_tid: root in the initial pid
 *                         namespace) execs that execve, sharing stdin and stdout; prints "spawn PID" once it is
 *                         reaped, or "spawn RESULT" when the clone failed (-EEXIST: the pid was taken)
 *   exit CODE             exit_group(CODE), ignoring whatever follows (an exec'd workload's whole program)
 *   ia32 N PATH           through int 0x80, as a 32-bit process makes them (x86_64 only): N getppid, an open of
 *                         PATH (O_RDONLY) and its close, kill(self, 0); prints "ia32 OPEN_RESULT"
 *
 * Results are the raw syscall return: a value, or -errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <linux/filter.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long result(long rc)
{
	return rc < 0 ? -errno : rc;
}

#if defined(__x86_64__)
/* An ia32 syscall from this 64-bit process: int 0x80 goes through the ia32 table with 32-bit arguments. */
static long ia32_syscall(long nr, long a, long b, long c)
{
	long rc;

	__asm__ volatile("int $0x80" : "=a"(rc) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return rc;
}
#endif

/* Hex digits to a NUL-terminated byte string, so a test can pass bytes no argv could carry as text. */
static char *unhex(const char *hex)
{
	size_t n = strlen(hex) / 2;
	char *bytes = calloc(n + 1, 1);

	for (size_t k = 0; k < n; k++)
		sscanf(hex + 2 * k, "%2hhx", &bytes[k]);
	return bytes;
}

struct exec_call {
	const char *path;
	char **args;
};

static void *exec_thread(void *arg)
{
	extern char **environ;
	const struct exec_call *call = arg;

	execve(call->path, call->args, environ);
	printf("threadexec %d\n", -errno);
	exit(1);
}

/* The N arguments after argv[at] spelt in hex, as a NULL-terminated argv. */
static char **unhex_args(char **argv, int at, int n)
{
	char **args = calloc(n + 1, sizeof(char *));

	for (int k = 0; k < n; k++)
		args[k] = unhex(argv[at + k]);
	return args;
}

struct named_calls {
	const char *name;
	long calls;
};

static void *renamed_thread(void *arg)
{
	const struct named_calls *work = arg;

	prctl(PR_SET_NAME, work->name, 0, 0, 0);
	for (long k = 0; k < work->calls; k++)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (int i = 1; i < argc; i++) {
		const char *cmd = argv[i];

		if (!strcmp(cmd, "wait")) {
			char line[64];

			if (!fgets(line, sizeof(line), stdin))
				return 3;
		} else if (!strcmp(cmd, "open") && i + 3 < argc) {
			long fd = result(syscall(SYS_openat, AT_FDCWD, argv[i + 1], (int)strtol(argv[i + 2], NULL, 8),
						 (mode_t)strtol(argv[i + 3], NULL, 8)));
			printf("open %ld\n", fd);
			i += 3;
		} else if (!strcmp(cmd, "openat2") && i + 4 < argc) {
			struct open_how how = {
				.flags = strtoull(argv[i + 2], NULL, 8),
				.mode = strtoull(argv[i + 3], NULL, 8),
				.resolve = strtoull(argv[i + 4], NULL, 8),
			};

			printf("openat2 %ld\n", result(syscall(SYS_openat2, AT_FDCWD, argv[i + 1], &how, sizeof(how))));
			i += 4;
		} else if (!strcmp(cmd, "openat") && i + 3 < argc) {
			printf("openat %ld\n", result(syscall(SYS_openat, atoi(argv[i + 1]), argv[i + 2],
							    (int)strtol(argv[i + 3], NULL, 8), 0)));
			i += 3;
		} else if (!strcmp(cmd, "chdir") && i + 1 < argc) {
			printf("chdir %ld\n", result(syscall(SYS_chdir, argv[i + 1])));
			i += 1;
		} else if (!strcmp(cmd, "creat") && i + 2 < argc) {
#ifdef SYS_creat
			printf("creat %ld\n", result(syscall(SYS_creat, argv[i + 1], (mode_t)strtol(argv[i + 2], NULL, 8))));
#else
			printf("creat %d\n", -ENOSYS);	/* aarch64 has no creat */
#endif
			i += 2;
		} else if (!strcmp(cmd, "longpath") && i + 1 < argc) {
			long n = strtol(argv[i + 1], NULL, 10);
			char *path = malloc(n + 1);

			memset(path, 'a', n);
			path[n] = 0;
			printf("longpath %ld\n", result(syscall(SYS_openat, AT_FDCWD, path, O_RDONLY, 0)));
			free(path);
			i += 1;
		} else if ((!strcmp(cmd, "openhex") || !strcmp(cmd, "comm")) && i + 1 < argc) {
			char *bytes = unhex(argv[i + 1]);
			long rc = !strcmp(cmd, "comm") ? result(prctl(PR_SET_NAME, bytes, 0, 0, 0))
						       : result(syscall(SYS_openat, AT_FDCWD, bytes, O_RDONLY, 0));

			printf("%s %ld\n", cmd, rc);
			free(bytes);
			i += 1;
		} else if (!strcmp(cmd, "opens") && i + 2 < argc) {
			long n = strtol(argv[i + 1], NULL, 10);

			for (long k = 0; k < n; k++) {
				long fd = syscall(SYS_openat, AT_FDCWD, argv[i + 2], O_RDONLY, 0);

				if (fd >= 0)
					close(fd);
			}
			printf("opens %ld\n", n);
			i += 2;
		} else if ((!strcmp(cmd, "getpid") || !strcmp(cmd, "getppid")) && i + 1 < argc) {
			long n = strtol(argv[i + 1], NULL, 10);
			long nr = !strcmp(cmd, "getpid") ? SYS_getpid : SYS_getppid;

			for (long k = 0; k < n; k++)
				syscall(nr);
			printf("%s %ld\n", cmd, n);
			i += 1;
		} else if (!strcmp(cmd, "thread") && i + 2 < argc) {
			struct named_calls work = { unhex(argv[i + 1]), strtol(argv[i + 2], NULL, 10) };
			pthread_t thread;

			pthread_create(&thread, NULL, renamed_thread, &work);
			pthread_join(thread, NULL);
			printf("thread %ld\n", work.calls);
			i += 2;
		} else if (!strcmp(cmd, "denygetppid")) {
			/* the test program's own syscalls are native: no need to check seccomp_data.arch */
			struct sock_filter insns[] = {
				BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
				BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
				BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
				BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
			};
			struct sock_fprog prog = { sizeof(insns) / sizeof(insns[0]), insns };

			if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog))
				return 4;
		} else if (!strcmp(cmd, "kill") && i + 2 < argc) {
			long rc = result(syscall(SYS_kill, atoi(argv[i + 1]), atoi(argv[i + 2])));

			printf("kill %ld\n", rc);
			i += 2;
		} else if (!strcmp(cmd, "kills") && i + 3 < argc) {
			long n = strtol(argv[i + 1], NULL, 10);

			for (long k = 0; k < n; k++)
				syscall(SYS_kill, atoi(argv[i + 2]), atoi(argv[i + 3]));
			printf("kills %ld\n", n);
			i += 3;
		} else if (!strcmp(cmd, "tgkill") && i + 3 < argc) {
			long rc = result(syscall(SYS_tgkill, atoi(argv[i + 1]), atoi(argv[i + 2]), atoi(argv[i + 3])));

			printf("tgkill %ld\n", rc);
			i += 3;
		} else if (!strcmp(cmd, "tkill") && i + 2 < argc) {
			printf("tkill %ld\n", result(syscall(SYS_tkill, atoi(argv[i + 1]), atoi(argv[i + 2]))));
			i += 2;
		} else if ((!strcmp(cmd, "sigqueue") && i + 2 < argc) || (!strcmp(cmd, "tgsigqueue") && i + 3 < argc)) {
			bool thread = !strcmp(cmd, "tgsigqueue");
			int sig = atoi(argv[i + (thread ? 3 : 2)]);
			siginfo_t info;
			long rc;

			memset(&info, 0, sizeof(info));
			info.si_signo = sig;
			info.si_code = SI_QUEUE;	/* what sigqueue(3) sends; the kernel refuses kernel codes */
			info.si_pid = getpid();
			info.si_uid = getuid();
			if (thread)
				rc = syscall(SYS_rt_tgsigqueueinfo, atoi(argv[i + 1]), atoi(argv[i + 2]), sig, &info);
			else
				rc = syscall(SYS_rt_sigqueueinfo, atoi(argv[i + 1]), sig, &info);
			printf("%s %ld\n", cmd, result(rc));
			i += thread ? 3 : 2;
		} else if ((!strcmp(cmd, "fork") || !strcmp(cmd, "forkkill")) && i + 1 < argc) {
			int value = atoi(argv[i + 1]);
			pid_t child = fork();

			if (child == 0) {
				if (!strcmp(cmd, "forkkill")) {
					signal(value, SIG_DFL);
					kill(getpid(), value);
				}
				syscall(SYS_exit_group, value);
			}
			waitpid(child, NULL, 0);
			printf("%s %d\n", cmd, child);
			i += 1;
		} else if (!strcmp(cmd, "exec") && i + 2 < argc && i + 2 + atoi(argv[i + 2]) < argc) {
			extern char **environ;
			int n = atoi(argv[i + 2]);
			char **args = unhex_args(argv, i + 3, n);

			execve(argv[i + 1], args, environ);
			printf("exec %d\n", -errno);
			i += 2 + n;
		} else if (!strcmp(cmd, "spawn") && i + 3 < argc && i + 3 + atoi(argv[i + 3]) < argc) {
			extern char **environ;
			pid_t pid = atoi(argv[i + 1]);
			char **args = unhex_args(argv, i + 4, atoi(argv[i + 3]));
			struct clone_args clone = {
				.exit_signal = SIGCHLD,
				.set_tid = (unsigned long)&pid,
				.set_tid_size = 1,
			};
			long child = syscall(SYS_clone3, &clone, sizeof(clone));

			if (child == 0) {
				execve(argv[i + 2], args, environ);
				_exit(127);
			}
			if (child > 0)
				waitpid(child, NULL, 0);
			printf("spawn %ld\n", result(child));
			i += 3 + atoi(argv[i + 3]);
		} else if (!strcmp(cmd, "threadexec") && i + 2 < argc && i + 2 + atoi(argv[i + 2]) < argc) {
			struct exec_call call = { argv[i + 1], unhex_args(argv, i + 3, atoi(argv[i + 2])) };
			pthread_t thread;

			pthread_create(&thread, NULL, exec_thread, &call);
			pthread_join(thread, NULL);	/* never returns: the exec ends this thread */
			return 1;
		} else if (!strcmp(cmd, "ia32") && i + 2 < argc) {
#if defined(__x86_64__)
			/* ia32 numbers (syscall_32.tbl): 64 getppid, 5 open, 6 close, 37 kill, 20 getpid */
			long n = strtol(argv[i + 1], NULL, 10);
			/* the path must lie below 4 GiB: ia32 arguments are 32 bits */
			char *path = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
			long fd;

			if (path == MAP_FAILED)
				return 5;
			strncpy(path, argv[i + 2], 4095);
			for (long k = 0; k < n; k++)
				ia32_syscall(64, 0, 0, 0);
			fd = ia32_syscall(5, (long)path, O_RDONLY, 0);
			if (fd >= 0)
				ia32_syscall(6, fd, 0, 0);
			ia32_syscall(37, ia32_syscall(20, 0, 0, 0), 0, 0);
			printf("ia32 %ld\n", fd);
			i += 2;
#else
			return 6;
#endif
		} else if (!strcmp(cmd, "exit") && i + 1 < argc) {
			syscall(SYS_exit_group, atoi(argv[i + 1]));
		} else if (!strcmp(cmd, "sleep") && i + 1 < argc) {
			long ms = strtol(argv[i + 1], NULL, 10);
			struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L };

			signal(SIGUSR1, SIG_IGN);
			printf("sleeping\n");
			nanosleep(&ts, NULL);
			i += 1;
		} else {
			fprintf(stderr, "workload: bad command '%s'\n", cmd);
			return 2;
		}
	}
	return 0;
}
