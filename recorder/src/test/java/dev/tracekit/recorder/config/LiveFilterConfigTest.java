package dev.tracekit.recorder.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    @Test
    void moreEntriesThanAFilterMapHoldsAreRejectedBeforeAnyMapIsTouched() {
        String pids = IntStream.rangeClosed(1, LiveFilter.MAX_ENTRIES + 1).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        assertEquals("1025 pids given; a filter holds at most 1024",
                assertThrows(IllegalArgumentException.class, () -> parse("{\"pids\": [" + pids + "]}")).getMessage());
        String comms = IntStream.rangeClosed(1, LiveFilter.MAX_ENTRIES).mapToObj(i -> "\"c" + i + "\"")
                .collect(Collectors.joining(","));
        assertEquals(LiveFilter.MAX_ENTRIES, parse("{\"comms\": [" + comms + "]}").comms().size(), "a full map is fine");
    }
}
