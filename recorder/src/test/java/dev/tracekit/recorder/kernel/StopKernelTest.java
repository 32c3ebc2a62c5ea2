package dev.tracekit.recorder.kernel;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop switches the programs off and leaves their unlinking to the kernel (pinned links in a private BPF file
 * system, whose removal the kernel releases on a worker): whatever way it goes, every link the recorder made is
 * gone shortly after it exits, and neither the private mount nor its directory is left behind.
 */
@KernelTest
class StopKernelTest {
    @TempDir
    Path tmp;

    @Test
    void everyLinkIsReleasedAfterTheRecorderExitsAndNoBpfFileSystemIsLeft() throws Throwable {
        List<Path> tempDirsBefore = bpffsTempDirs();
        int before = linksInKernel();
        int during;
        try (RecorderProcess recorder = RecorderProcess.start(tmp.resolve("rec"))) { // every default family
            during = linksInKernel();
            recorder.signal("TERM");
            assertEquals(0, recorder.awaitExit(), recorder.err());
        }
        assertTrue(during >= before + 10, "the default families attach 13 links: " + before + " → " + during);
        int after = linksInKernel();
        for (int i = 0; i < 100 && after > before; i++) {
            Thread.sleep(100); // the kernel's worker releases them one after another, ~40 ms each
            after = linksInKernel();
        }
        assertEquals(before, after, "links left after the recorder exited");
        assertFalse(Files.readString(Path.of("/proc/self/mounts")).contains("tracekit-bpffs-"),
                "the private BPF file system is unmounted");
        assertEquals(tempDirsBefore, bpffsTempDirs(), "its directory is removed");
    }

    private static List<Path> bpffsTempDirs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("tracekit-bpffs-")).sorted().toList();
        }
    }

    /** Every BPF link in the kernel, by libbpf's bpf_link_get_next_id (BPF_LINK_GET_NEXT_ID). */
    private static int linksInKernel() throws Throwable {
        MethodHandle nextId = Linker.nativeLinker().downcallHandle(
                SymbolLookup.libraryLookup("libbpf.so.1", Arena.global()).find("bpf_link_get_next_id").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment next = arena.allocate(JAVA_INT);
            int count = 0;
            for (int id = 0; (int) nextId.invokeExact(id, next) == 0; id = next.get(JAVA_INT, 0)) {
                count++;
            }
            return count;
        }
    }
}
