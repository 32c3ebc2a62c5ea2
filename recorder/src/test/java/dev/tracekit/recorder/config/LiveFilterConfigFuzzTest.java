package dev.tracekit.recorder.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tracekit.names.Arch;
import dev.tracekit.names.SyscallTable;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes as the {@code --config} file. The recorder rereads it while it runs and prints the reason a
 * file is refused on its warning line, so the parser may only return a filter or throw
 * IllegalArgumentException with a message that is one line of printable text. Pure parsing: no root needed.
 */
class LiveFilterConfigFuzzTest {
    private static final LiveFilterConfig CONFIG = new LiveFilterConfig(SyscallTable.of(Arch.X86_64));
    private static final LiveFilter BASE = new LiveFilter(Set.of(1), Set.of(), Set.of(0L), Set.of("cli"), Set.of(0));

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void liveFilterConfig(byte[] json) {
        try {
            assertNotNull(CONFIG.parse(json, BASE));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            assertNotNull(message);
            assertFalse(message.chars().anyMatch(Character::isISOControl), "one printable line: " + message);
        }
    }
}
