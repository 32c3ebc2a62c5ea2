/* The benchmark workload: a syscall storm of a known size, timed from inside.
 *
 *   workload open N     openat("/dev/null") + close, N times   (2N syscalls, N opens)
 *   workload relopen N  chdir("/dev"), then openat("null") + close, N times: the same file through a relative
 *                       path, which the recorder resolves to its full path in the kernel
 *   workload kill N     kill(getpid(), 0), N times               (N signals sent)
 *   workload getpid N   syscall(SYS_getpid), N times            (raw syscall, no libc cache)
 *   workload mixed N    N rounds of open+close, kill(self, 0) and getpid
 *
 * Prints one line: "<mode> <N> <ns/op> <cpu ns/op>" where op is one round of the mode: wall-clock time, and
 * the CPU time this process used (user + system, which includes the BPF programs that ran in its syscalls).
 * On a busy machine the wall clock also counts time spent waiting for a CPU; the CPU time does not, so A/B
 * comparisons on a shared machine use it. The count is exact, so a tracer's capture can be checked against
 * it (recorded + dropped = generated).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long cpu_ns(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL
		+ (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
}

static void open_close(const char *path)
{
	int fd = openat(AT_FDCWD, path, O_RDONLY);

	if (fd < 0) {
		perror(path);
		exit(1);
	}
	close(fd);
}

int main(int argc, char **argv)
{
	pid_t self = getpid();
	long long start, end, cpu_start;
	long n, i;

	if (argc != 3 || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: %s open|relopen|kill|getpid|exec|mixed N\n", argv[0]);
		return 2;
	}
	if (!strcmp(argv[1], "relopen") && chdir("/dev")) {
		perror("chdir /dev");
		return 1;
	}
	cpu_start = cpu_ns();
	start = now_ns();
	if (!strcmp(argv[1], "open") || !strcmp(argv[1], "relopen")) {
		const char *path = argv[1][0] == 'r' ? "null" : "/dev/null";

		for (i = 0; i < n; i++)
			open_close(path);
	} else if (!strcmp(argv[1], "kill")) {
		for (i = 0; i < n; i++)
			kill(self, 0);
	} else if (!strcmp(argv[1], "getpid")) {
		for (i = 0; i < n; i++)
			syscall(SYS_getpid);
	} else if (!strcmp(argv[1], "exec")) {
		/* fork + exec /bin/true + wait, as a shell script's commands: the procs family's storm */
		for (i = 0; i < n; i++) {
			pid_t child = fork();

			if (child == 0) {
				execl("/bin/true", "true", "tk-bench-exec", (char *)NULL);
				_exit(127);
			}
			waitpid(child, NULL, 0);
		}
	} else if (!strcmp(argv[1], "mixed")) {
		for (i = 0; i < n; i++) {
			open_close("/dev/null");
			kill(self, 0);
			syscall(SYS_getpid);
		}
	} else {
		fprintf(stderr, "unknown mode '%s'\n", argv[1]);
		return 2;
	}
	end = now_ns();
	printf("%s %ld %.1f %.1f\n", argv[1], n, (double)(end - start) / n, (double)(cpu_ns() - cpu_start) / n);
	return 0;
}
