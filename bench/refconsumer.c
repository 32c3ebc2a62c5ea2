// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The C reference consumer for RecorderBench: tracekit's own opens and kills BPF objects, configured as the
 * recorder configures them (8 MiB rings, a wakeup each eighth, the consumer itself untraced), consumed by
 * libbpf's ring_buffer with a 50 ms poll and written raw with fwrite. Same kernel side as `tracekit record
 * --events opens,kills`, so the difference in consumer CPU is the user space alone.
 *
 * Usage: refconsumer BPF_OBJECT_DIR OUT_FILE   (root; stops on SIGINT or SIGTERM)
 */
#include <bpf/libbpf.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/types.h>
#include "../bpf/src/main/c/tracekit.h"

#define RING_BYTES (8u << 20)

static volatile sig_atomic_t exiting;
static FILE *out;

static void on_signal(int sig)
{
	(void)sig;
	exiting = 1;
}

static int on_record(void *ctx, void *data, size_t size)
{
	(void)ctx;
	fwrite(data, size, 1, out);
	return 0;
}

/* Opens, configures and loads one object; signal_generate stays off as in the recorder's default. */
static struct bpf_object *load(const char *dir, const char *name)
{
	char path[4096];
	struct bpf_object *obj;
	struct bpf_program *prog;
	struct bpf_map *map;
	struct tracekit_config *cfg;
	size_t size;

	snprintf(path, sizeof(path), "%s/%s.bpf.o", dir, name);
	obj = bpf_object__open_file(path, NULL);
	if (!obj)
		return NULL;
	bpf_object__for_each_program(prog, obj) {
		if (!strcmp(bpf_program__name(prog), "signal_generate"))
			bpf_program__set_autoload(prog, false);
	}
	bpf_map__set_max_entries(bpf_object__find_map_by_name(obj, "events"), RING_BYTES);
	map = bpf_object__find_map_by_name(obj, ".rodata");
	cfg = map ? (struct tracekit_config *)bpf_map__initial_value(map, &size) : NULL; /* writable until load */
	if (!cfg || size < sizeof(*cfg))
		return NULL;
	cfg->wakeup_bytes = RING_BYTES / 8;
	cfg->self_tgid = getpid();
	if (bpf_object__load(obj))
		return NULL;
	bpf_object__for_each_program(prog, obj) {
		if (bpf_program__autoload(prog) && !bpf_program__attach(prog))
			return NULL;
	}
	return obj;
}

int main(int argc, char **argv)
{
	static const char *objects[] = { "opens", "kills" };
	struct ring_buffer *rb = NULL;

	if (argc != 3) {
		fprintf(stderr, "usage: refconsumer BPF_OBJECT_DIR OUT_FILE\n");
		return 2;
	}
	out = fopen(argv[2], "w");
	if (!out) {
		fprintf(stderr, "refconsumer: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	for (int i = 0; i < 2; i++) {
		struct bpf_object *obj = load(argv[1], objects[i]);
		int fd;

		if (!obj) {
			fprintf(stderr, "refconsumer: loading %s failed\n", objects[i]);
			return 1;
		}
		fd = bpf_map__fd(bpf_object__find_map_by_name(obj, "events"));
		if (!rb)
			rb = ring_buffer__new(fd, on_record, NULL, NULL);
		else if (ring_buffer__add(rb, fd, on_record, NULL))
			rb = NULL;
		if (!rb) {
			fprintf(stderr, "refconsumer: ring buffer of %s failed\n", objects[i]);
			return 1;
		}
	}
	fprintf(stderr, "refconsumer: attached\n");
	while (!exiting) {
		int err = ring_buffer__poll(rb, 50);

		if (err < 0 && err != -EINTR)
			break;
	}
	ring_buffer__consume(rb);
	ring_buffer__free(rb);
	fclose(out);
	return 0;
}
