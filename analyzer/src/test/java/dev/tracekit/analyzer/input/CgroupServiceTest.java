package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Cgroup paths as systemd, docker, containerd, cri-o, podman and the kubelet make them, read into services. */
class CgroupServiceTest {
    private static final String ID = "4f1c2a3b5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";

    @Test
    void aSystemdServiceIsItsUnit() {
        CgroupService s = CgroupService.of("/system.slice/nginx.service");
        assertEquals(new CgroupService("nginx.service", null, null, null), s);
        assertEquals("nginx.service", s.label());
        assertTrue(s.isNamed("nginx"), "as systemctl takes it");
        assertTrue(s.isNamed("nginx.service"));
        assertFalse(s.isNamed("nginx.socket"));
    }

    @Test
    void theInnermostUnitWins() {
        assertEquals("app.scope", CgroupService.of("/user.slice/user-1000.slice/user@1000.service/app.slice/app.scope").unit());
        assertEquals("session-4.scope", CgroupService.of("/user.slice/user-1000.slice/session-4.scope").label());
        assertEquals("init.scope", CgroupService.of("/init.scope").label());
    }

    @Test
    void theRootAndPlainSlicesNameNoService() {
        assertEquals(CgroupService.NONE, CgroupService.of("/"));
        assertEquals(CgroupService.NONE, CgroupService.of("/system.slice"));
        assertEquals(null, CgroupService.NONE.label());
    }

    @Test
    void dockerWithEitherCgroupDriver() {
        CgroupService systemd = CgroupService.of("/system.slice/docker-" + ID + ".scope");
        assertEquals(new CgroupService("docker-" + ID + ".scope", "docker", ID, null), systemd);
        assertEquals("docker:4f1c2a3b5d6e", systemd.label());
        assertTrue(systemd.isNamed("4f1c2a3b5d6e"), "docker ps's short id");
        assertFalse(systemd.isNamed("4f1c"), "too short to name a container");
        assertEquals(new CgroupService(null, "docker", ID, null), CgroupService.of("/docker/" + ID));
    }

    @Test
    void containerdPodmanAndNerdctl() {
        assertEquals("containerd:4f1c2a3b5d6e", CgroupService.of("/default/" + ID).label(), "containerd's cgroupfs namespace dir");
        assertEquals("containerd:4f1c2a3b5d6e", CgroupService.of("/system.slice/nerdctl-" + ID + ".scope").label());
        assertEquals("podman:4f1c2a3b5d6e", CgroupService.of("/machine.slice/libpod-" + ID + ".scope").label());
    }

    @Test
    void kubernetesPodsWithTheSystemdDriver() {
        CgroupService containerd = CgroupService.of("/kubepods.slice/kubepods-burstable.slice/"
                + "kubepods-burstable-pod6f1e2d3c_4b5a_4978_8a9b_0c1d2e3f4a5b.slice/cri-containerd-" + ID + ".scope");
        assertEquals(new CgroupService("cri-containerd-" + ID + ".scope", "containerd", ID,
                "6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b"), containerd);
        assertEquals("k8s:6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b/containerd:4f1c2a3b5d6e", containerd.label());
        assertTrue(containerd.isNamed("6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b"), "by pod uid");

        CgroupService crio = CgroupService.of("/kubepods.slice/kubepods-besteffort.slice/"
                + "kubepods-besteffort-pod0a1b2c3d_1111_2222_3333_444455556666.slice/crio-" + ID + ".scope");
        assertEquals("k8s:0a1b2c3d-1111-2222-3333-444455556666/cri-o:4f1c2a3b5d6e", crio.label());

        CgroupService guaranteed = CgroupService.of("/kubepods.slice/kubepods-pod0a1b2c3d_1111_2222_3333_444455556666.slice");
        assertEquals("k8s:0a1b2c3d-1111-2222-3333-444455556666", guaranteed.label(), "the pod's own cgroup");
    }

    @Test
    void kubernetesPodsWithTheCgroupfsDriver() {
        CgroupService s = CgroupService.of("/kubepods/burstable/pod0a1b2c3d-1111-2222-3333-444455556666/" + ID);
        assertEquals(new CgroupService(null, "container", ID, "0a1b2c3d-1111-2222-3333-444455556666"), s,
                "the kubelet's directory does not say which runtime made the container");
    }
}
