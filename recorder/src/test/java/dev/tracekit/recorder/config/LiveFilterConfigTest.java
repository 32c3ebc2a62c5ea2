package dev.tracekit.recorder.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveFilterConfigTest {
    private final LiveFilterConfig config = new LiveFilterConfig(SyscallTable.of(Arch.X86_64));
    private final LiveFilter base = new LiveFilter(Set.of(1), Set.of(), Set.of(0L), Set.of("cli"), Set.of(0));

    private LiveFilter parse(String json) {
        return config.parse(json.getBytes(StandardCharsets.UTF_8), base);
    }

    @Test
    void keysGivenReplaceTheCommandLineAndOthersStay() {
        LiveFilter filter = parse("{\"syscalls\": [\"openat\", 62], \"comms\": [\"nginx\"], \"pids\": []}");
        assertEquals(Set.of(257, 62), filter.syscalls());
        assertEquals(Set.of("nginx"), filter.comms());
        assertEquals(Set.of(), filter.pids());
        assertEquals(Set.of(0L), filter.uids());
    }

    @Test
    void malformedFilesAreRejectedWithAReason() {
        assertEquals("expected a JSON object",
                assertThrows(IllegalArgumentException.class, () -> parse("[1]")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("{\"syscalls\": [\"frobnicate\"]}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"pids\": [-1]}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"pid\": [1]}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"pids\": 1}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{not json"));
    }
}
