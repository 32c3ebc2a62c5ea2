// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The recorder's own tgid as the kernel numbers it. In a container's pid namespace getpid() returns the
 * namespace's pid, while the programs see the host's (bpf_get_current_pid_tgid), so a recorder that excluded
 * itself by getpid() traced itself. Attached only for the one getppid call the recorder makes to be found.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "tracekit.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct self_query);
} self SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getppid")
int self_getppid(void *ctx)
{
	struct bpf_pidns_info ns = {};
	__u32 zero = 0;
	struct self_query *q = bpf_map_lookup_elem(&self, &zero);

	if (!q || q->host_tgid)
		return 0;
	/* fails unless the caller is in that namespace; there its pid names the recorder alone */
	if (bpf_get_ns_current_pid_tgid(q->ns_dev, q->ns_ino, &ns, sizeof(ns)) || ns.tgid != q->ns_tgid)
		return 0;
	q->host_tgid = bpf_get_current_pid_tgid() >> 32;
	return 0;
}
