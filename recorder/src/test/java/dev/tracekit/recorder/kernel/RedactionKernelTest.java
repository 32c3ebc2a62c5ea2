package dev.tracekit.recorder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracekit.recorder.RecordCommand;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.SyscallCount;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One workload recorded twice at once, plainly and with --redact paths,comm,uid: the two analyse alike up to
 * a renaming that is one-to-one, and the redacted one carries none of the original values.
 */
@KernelTest
class RedactionKernelTest {
    private static final int NOBODY = 65534;

    @TempDir
    Path tmp;

    @Test
    void aRedactedRecordingAnalysesLikeThePlainOneUpToAOneToOneRenaming() throws Exception {
        Path hosts = tmp.resolve("hosts-" + UUID.randomUUID());
        Path passwd = tmp.resolve("passwd-" + UUID.randomUUID());
        try (Workload root = Workload.start("tk-red-root", "wait", "opens", "3", hosts.toString(),
                "opens", "2", passwd.toString(), "getpid", "7");
                Workload nobody = Workload.startAs(NOBODY, "tk-red-nobody", "wait", "opens", "4", hosts.toString(),
                        "getpid", "5")) {
            String pids = root.pid() + "," + nobody.pid();
            Path plainDir = tmp.resolve("plain");
            Path redactedDir = tmp.resolve("redacted");
            // long enough for the second to start while the first still runs, and both to see the workloads
            RecorderRun plain = RecorderRun.start(plainDir, "--events", "opens,syscalls", "-p", pids, "-d", "5s");
            RecorderRun redacted = RecorderRun.start(redactedDir, "--events", "opens,syscalls", "-p", pids, "-d", "4s",
                    "--redact", "paths,comm,uid", "--redact-key", tmp.resolve("keys/redact.key").toString());
            root.go();
            nobody.go();
            assertEquals(0, root.waitFor());
            assertEquals(0, nobody.waitFor());
            assertTrue(plain.exitCode().isEmpty() && redacted.exitCode().isEmpty(),
                    () -> "both recorded the whole workload: " + plain.err() + redacted.err());
            assertEquals(0, plain.awaitExit(), plain.err());
            assertEquals(0, redacted.awaitExit(), redacted.err());

            List<OpenEvent> plainOpens = sorted(Recordings.read(plainDir, RecordingStream.OPENS));
            List<OpenEvent> redactedOpens = sorted(Recordings.read(redactedDir, RecordingStream.OPENS));
            assertEquals(9, plainOpens.size(), () -> "opens: " + plainOpens);
            assertEquals(plainOpens.size(), redactedOpens.size());
            Map<String, String> paths = new HashMap<>();
            Map<String, String> comms = new HashMap<>();
            Map<Long, Long> uids = new HashMap<>();
            for (int i = 0; i < plainOpens.size(); i++) {
                OpenEvent p = plainOpens.get(i);
                OpenEvent r = redactedOpens.get(i);
                assertEquals(p.getHeader().getTid(), r.getHeader().getTid(), "the same thread's next open");
                assertEquals(p.getResult(), r.getResult());
                assertEquals(p.getHeader().getGid(), r.getHeader().getGid(), "gids are kept");
                rename(paths, text(p.getPath()), text(r.getPath()));
                rename(comms, text(p.getHeader().getComm()), text(r.getHeader().getComm()));
                rename(uids, p.getHeader().getUid(), r.getHeader().getUid());
            }
            assertEquals(2, paths.size());
            assertEquals(2, comms.size());
            assertEquals(2, uids.size());
            assertOneToOneAndHidden(paths);
            assertOneToOneAndHidden(comms);
            assertOneToOneAndHidden(uids);
            // what `tracekit opens` would show: opens per path, per comm, per uid
            assertEquals(rename(countBy(plainOpens, o -> text(o.getPath())), paths), countBy(redactedOpens, o -> text(o.getPath())));
            assertEquals(rename(countBy(plainOpens, o -> text(o.getHeader().getComm())), comms),
                    countBy(redactedOpens, o -> text(o.getHeader().getComm())));
            assertEquals(rename(countBy(plainOpens, o -> o.getHeader().getUid()), uids),
                    countBy(redactedOpens, o -> o.getHeader().getUid()));

            // what `tracekit summary` would show: syscalls per (comm, syscall), with the same renaming
            assertEquals(rename(syscallsByComm(plainDir), comms), syscallsByComm(redactedDir));

            JsonNode filters = new ObjectMapper().readTree(meta(redactedDir, "tracekit.filters"));
            assertEquals(List.of("paths", "comm", "uid"),
                    List.of(filters.get("redacted").get(0).asText(), filters.get("redacted").get(1).asText(),
                            filters.get("redacted").get(2).asText()));
            assertEquals(0, new ObjectMapper().readTree(meta(plainDir, "tracekit.filters")).get("redacted").size());
            assertTrue(meta(redactedDir, "tracekit.command_line").contains("withheld"));
        }
    }

    @Test
    void aKeyOthersCanReadStopsTheRunBeforeAnythingIsWritten() throws Exception {
        Path key = Files.write(tmp.resolve("redact.key"), new byte[32]);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Path dir = tmp.resolve("rec");
        StringWriter err = new StringWriter();
        int exit = RecordCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute("--redact", "paths", "--redact-key", key.toString(), "-d", "1s", "-o", dir.toString());
        assertEquals(2, exit, err.toString());
        assertEquals(List.of("tracekit record: redaction key " + key
                + " is open to group or others (mode rw-r--r--); make it 0600"), err.toString().lines().toList());
        assertTrue(Files.notExists(dir), "no output directory");
    }

    private static <K> void rename(Map<K, K> renaming, K plain, K redacted) {
        K before = renaming.putIfAbsent(plain, redacted);
        assertTrue(before == null || before.equals(redacted), () -> plain + " was named " + before + " and " + redacted);
    }

    private static <K> void assertOneToOneAndHidden(Map<K, K> renaming) {
        assertEquals(renaming.size(), Map.copyOf(renaming).values().stream().distinct().count(), "one-to-one: " + renaming);
        renaming.forEach((plain, redacted) -> assertNotEquals(plain, redacted));
    }

    private static <K> Map<K, Long> countBy(List<OpenEvent> opens, Function<OpenEvent, K> key) {
        return opens.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static <K, V> Map<K, V> rename(Map<K, V> counts, Map<K, K> renaming) {
        Map<K, V> renamed = new TreeMap<>();
        counts.forEach((key, value) -> renamed.put(renaming.get(key), value));
        return renamed;
    }

    /** Calls per syscall per comm, summed over intervals and processes. */
    private static Map<String, Map<Integer, Long>> syscallsByComm(Path dir) throws Exception {
        return Recordings.<SyscallCount>read(dir, RecordingStream.SYSCALL_COUNTS).stream()
                .collect(Collectors.groupingBy(row -> text(row.getComm()), TreeMap::new,
                        Collectors.groupingBy(SyscallCount::getSyscall, TreeMap::new,
                                Collectors.summingLong(SyscallCount::getCount))));
    }

    private static String meta(Path dir, String key) throws Exception {
        File file = Recordings.files(dir, RecordingStream.OPENS).getFirst().toFile();
        try (DataFileReader<Object> reader = new DataFileReader<>(file, new GenericDatumReader<>())) {
            return reader.getMetaString(key);
        }
    }

    private static List<OpenEvent> sorted(List<OpenEvent> opens) {
        // Each recorder's programs stamp their own time, so the two recordings agree on each thread's order only.
        return opens.stream().sorted(Comparator.comparingInt((OpenEvent o) -> o.getHeader().getTid())
                .thenComparingLong(o -> o.getHeader().getTsNs())).toList();
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
