package dev.tracekit.recorder.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import dev.tracekit.schema.SyscallCount;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final byte[] KEY = new byte[RedactionKey.BYTES];
    private static final byte[] OTHER_KEY = "another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final Redactor ALL = Redactor.of(EnumSet.allOf(RedactedField.class), KEY);

    @Test
    void equalValuesGetEqualNamesUnderOneKeyAndOtherNamesUnderAnother() {
        Redactor again = Redactor.of(EnumSet.allOf(RedactedField.class), KEY);
        Redactor other = Redactor.of(EnumSet.allOf(RedactedField.class), OTHER_KEY);
        assertEquals(text(ALL.path(bytes("/etc/passwd"))), text(again.path(bytes("/etc/passwd"))));
        assertNotEquals(text(ALL.path(bytes("/etc/passwd"))), text(other.path(bytes("/etc/passwd"))));
        assertNotEquals(text(ALL.path(bytes("/etc/passwd"))), text(ALL.path(bytes("/etc/shadow"))));
        assertEquals(ALL.uid(1000), again.uid(1000));
        assertNotEquals(ALL.uid(1000), other.uid(1000));
    }

    @Test
    void replacementsKeepTheSchemasShapes() {
        String comm = text(ALL.comm(bytes("nginx")));
        String path = text(ALL.path(bytes("/home/alice/.ssh/id_ed25519")));
        assertTrue(comm.matches("#[0-9a-f]{14}"), comm); // 15 bytes, like a task name
        assertTrue(path.matches("#[0-9a-f]{32}"), path);
        for (long uid : List.of(0L, 1000L, 65534L, 4294967295L)) {
            long redacted = ALL.uid(uid);
            assertTrue(redacted >= 1L << 31 && redacted < 1L << 32, () -> uid + " -> " + redacted);
        }
    }

    @Test
    void aCommAndAPathOfTheSameBytesGetUnrelatedNames() {
        String asComm = text(ALL.comm(bytes("bash")));
        String asPath = text(ALL.path(bytes("bash")));
        assertTrue(!asPath.startsWith(asComm), asComm + " vs " + asPath);
    }

    @Test
    void onlyTheChosenFieldsAreReplaced() {
        Redactor paths = Redactor.of(EnumSet.of(RedactedField.PATHS), KEY);
        OpenEvent open = open("nginx", 33, "/var/www/index.html");
        paths.redact(open);
        assertEquals("nginx", text(open.getHeader().getComm()));
        assertEquals(33, open.getHeader().getUid());
        assertEquals(text(ALL.path(bytes("/var/www/index.html"))), text(open.getPath()));

        OpenEvent all = open("nginx", 33, "/var/www/index.html");
        ALL.redact(all);
        assertEquals(text(ALL.comm(bytes("nginx"))), text(all.getHeader().getComm()));
        assertEquals(ALL.uid(33), all.getHeader().getUid());
        assertEquals(33, all.getHeader().getGid(), "gids are not redacted");

        SyscallCount count = new SyscallCount(0L, 1L, 7, bytes("nginx"), 0, 1L, 0L, null, null, null);
        ALL.redact(count);
        assertEquals(text(ALL.comm(bytes("nginx"))), text(count.getComm()));
    }

    /** A relative open's full path names the file as much as its path does: both go, each to its own name. */
    @Test
    void aFullPathIsRedactedWithThePath() {
        OpenEvent open = open("make", 1000, "rel-a.txt");
        open.setFullPath(bytes("/home/alice/shop/rel-a.txt"));
        Redactor.of(EnumSet.of(RedactedField.PATHS), KEY).redact(open);
        assertEquals(text(ALL.path(bytes("rel-a.txt"))), text(open.getPath()));
        assertEquals(text(ALL.path(bytes("/home/alice/shop/rel-a.txt"))), text(open.getFullPath()));

        OpenEvent kept = open("make", 1000, "rel-a.txt");
        kept.setFullPath(bytes("/home/alice/shop/rel-a.txt"));
        Redactor.of(EnumSet.of(RedactedField.COMM), KEY).redact(kept);
        assertEquals("/home/alice/shop/rel-a.txt", text(kept.getFullPath()));
    }

    @Test
    void execsAreRedactedWithPathsOrCommAndRenamesWithComm() {
        ProcEvent exec = exec("/usr/bin/psql", "psql\0-U\0alice\0");
        Redactor.of(EnumSet.of(RedactedField.UID), KEY).redact(exec);
        assertEquals("/usr/bin/psql", text(exec.getFilename()), "uid alone keeps the command line");
        for (RedactedField field : List.of(RedactedField.PATHS, RedactedField.COMM)) {
            ProcEvent redacted = exec("/usr/bin/psql", "psql\0-U\0alice\0");
            Redactor.of(EnumSet.of(field), KEY).redact(redacted);
            assertEquals(text(ALL.path(bytes("/usr/bin/psql"))), text(redacted.getFilename()), field.cliName());
            String argv = text(redacted.getArgv());
            assertTrue(argv.matches("#[0-9a-f]{32}"), argv);
            assertNotEquals(text(ALL.path(bytes("psql\0-U\0alice\0"))), argv, "argv hashes under its own label");
            assertEquals(false, redacted.getArgvTruncated());
        }

        ProcEvent rename = new ProcEvent();
        rename.setHeader(new EventHeader(1L, 2, 2, 0L, 0L, bytes("worker"), 3L, 0));
        rename.setKind(ProcKind.RENAME);
        rename.setOldComm(bytes("java"));
        rename.setNewComm(bytes("worker"));
        Redactor.of(EnumSet.of(RedactedField.PATHS), KEY).redact(rename);
        assertEquals("java", text(rename.getOldComm()));
        ALL.redact(rename);
        assertEquals(text(ALL.comm(bytes("java"))), text(rename.getOldComm()));
        assertEquals(text(ALL.comm(bytes("worker"))), text(rename.getNewComm()));
        assertEquals(text(rename.getNewComm()), text(rename.getHeader().getComm()));
    }

    private static ProcEvent exec(String filename, String argv) {
        ProcEvent exec = new ProcEvent();
        exec.setHeader(new EventHeader(1L, 2, 2, 0L, 0L, bytes("psql"), 3L, 0));
        exec.setKind(ProcKind.EXEC);
        exec.setFilename(bytes(filename));
        exec.setArgv(bytes(argv));
        exec.setArgvTruncated(false);
        return exec;
    }

    @Test
    void filterValuesAreNamedAsInTheRecordsAndNothingIsRedactedByDefault() {
        assertEquals(List.of(text(ALL.comm(bytes("nginx")))), List.copyOf(ALL.comms(Set.of("nginx"))));
        assertEquals(List.of(ALL.uid(0)), List.copyOf(ALL.uids(Set.of(0L))));
        assertEquals(text(ALL.path(bytes("/etc/"))), ALL.pathPrefix("/etc/"));
        assertEquals("", ALL.pathPrefix(""));
        assertSame(Redactor.NONE, Redactor.of(Set.of(), KEY));
        assertEquals(Set.of("nginx"), Redactor.NONE.comms(Set.of("nginx")));
        assertEquals("/etc/", Redactor.NONE.pathPrefix("/etc/"));
    }

    @Test
    void fieldNamesParseAsOnTheCommandLine() {
        assertEquals(EnumSet.allOf(RedactedField.class), RedactedField.parse(List.of("paths", "COMM", " uid")));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RedactedField.parse(List.of("gid")));
        assertEquals("--redact takes paths, comm and uid, not 'gid'", e.getMessage());
    }

    private static OpenEvent open(String comm, long uid, String path) {
        EventHeader header = new EventHeader(1L, 2, 2, uid, uid, bytes(comm), 3L, 0);
        OpenEvent open = new OpenEvent();
        open.setHeader(header);
        open.setPath(bytes(path));
        return open;
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }
}
