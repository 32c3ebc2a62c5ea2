package dev.tracekit.analyzer.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cgroup v2 path says about the service a task belongs to, read the way systemd, the container runtimes and
 * the kubelet name their cgroups: the systemd unit (the innermost {@code *.service} or {@code *.scope}), the
 * container (docker, containerd, cri-o, podman; with the systemd cgroup driver a {@code RUNTIME-ID.scope}, with
 * cgroupfs a directory named by the 64-hex id) and the Kubernetes pod (its uid, from {@code pod<uid>} or
 * {@code kubepods-*-pod<uid_with_underscores>.slice}). Nothing is guessed: a part the path does not name is null.
 *
 * @param unit        the innermost systemd unit, e.g. {@code nginx.service}, {@code docker-4f1c….scope}
 * @param runtime     docker, containerd, cri-o, podman, or container when only the id is known (k8s with cgroupfs)
 * @param containerId the container's full id as the runtime names it
 * @param podUid      the Kubernetes pod's uid, with dashes as {@code kubectl get pod -o yaml} shows it
 */
public record CgroupService(String unit, String runtime, String containerId, String podUid) {
    public static final CgroupService NONE = new CgroupService(null, null, null, null);

    /** docker ps and crictl ps show 12 characters of an id, and so do we. */
    private static final int SHORT_ID = 12;
    private static final Pattern SCOPED_CONTAINER =
            Pattern.compile("(docker|cri-containerd|crio|libpod|nerdctl)-([0-9a-f]{64})\\.scope");
    private static final Pattern BARE_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SYSTEMD_POD = Pattern.compile("kubepods(?:-[a-z]+)?-pod([0-9a-f_]{36})\\.slice");
    private static final Pattern CGROUPFS_POD = Pattern.compile("pod([0-9a-f-]{36})");

    /** Reads a path below the cgroup2 mount, such as {@code /system.slice/nginx.service}. */
    public static CgroupService of(String path) {
        String unit = null;
        String runtime = null;
        String containerId = null;
        String podUid = null;
        String previous = null;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.endsWith(".service") || part.endsWith(".scope")) {
                unit = part;
            }
            Matcher m;
            if ((m = SCOPED_CONTAINER.matcher(part)).matches()) {
                runtime = runtimeOfPrefix(m.group(1));
                containerId = m.group(2);
            } else if (BARE_ID.matcher(part).matches()) {
                containerId = part;
                runtime = runtimeOfParent(previous, podUid != null);
            } else if ((m = SYSTEMD_POD.matcher(part)).matches()) {
                podUid = m.group(1).replace('_', '-');
            } else if ((m = CGROUPFS_POD.matcher(part)).matches()) {
                podUid = m.group(1);
            }
            previous = part;
        }
        if (unit == null && runtime == null && podUid == null) {
            return NONE;
        }
        return new CgroupService(unit, runtime, containerId, podUid);
    }

    private static String runtimeOfPrefix(String prefix) {
        return switch (prefix) {
            case "docker" -> "docker";
            case "crio" -> "cri-o";
            case "libpod" -> "podman";
            default -> "containerd"; // cri-containerd (the CRI plugin) and nerdctl
        };
    }

    /**
     * cgroupfs drivers name the directory by the id alone: docker puts it under /docker, containerd under its
     * namespace (default, k8s.io, moby); the kubelet's pod directory does not say which runtime made it.
     */
    private static String runtimeOfParent(String parent, boolean inPod) {
        if ("docker".equals(parent)) {
            return "docker";
        }
        return inPod ? "container" : "containerd";
    }

    /**
     * The SERVICE column: {@code k8s:POD/RUNTIME:ID12} for a pod's container, {@code RUNTIME:ID12} for a container,
     * {@code k8s:POD} for a pod's own cgroup, else the systemd unit; null when the path names none.
     */
    public String label() {
        String container = containerId == null ? null
                : runtime + ":" + containerId.substring(0, Math.min(SHORT_ID, containerId.length()));
        if (podUid != null) {
            return "k8s:" + podUid + (container == null ? "" : "/" + container);
        }
        return container != null ? container : unit;
    }

    /**
     * True when {@code name} names this service: its unit, the unit without its .service suffix (as systemctl takes
     * it), the container id or its first 12 characters, or the pod uid.
     */
    public boolean isNamed(String name) {
        if (unit != null && (unit.equals(name) || unit.equals(name + ".service"))) {
            return true;
        }
        if (containerId != null && name.length() >= SHORT_ID && containerId.startsWith(name)) {
            return true;
        }
        return podUid != null && podUid.equals(name);
    }
}
