package dev.tracekit.analyzer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracekit.analyzer.Fixtures;
import dev.tracekit.analyzer.cli.CliRun;
import dev.tracekit.recording.ReadPath;
import dev.tracekit.recording.RecordingMeta;
import dev.tracekit.recording.RecordingStream;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.testdata.FutureVersionWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer itself (not Avro's generic reader) reads files of every writer schema Avro resolves against the
 * current one, with the same figures: today's version 1 fixtures as they are, the version 1.1 fixture, and the
 * web host rewritten as a later minor version would write it (fields added and reordered, enum symbols added,
 * promotions, a union widened). Schemas it cannot resolve are refused in one line.
 */
class SchemaResolutionTest {
    /** Every replay and table of the web host that touches each stream and field. */
    private static final List<List<String>> WEB_VIEWS = List.of(
            List.of("summary"),
            List.of("syscalls", "--by", "process,syscall", "-L"),
            List.of("syscalls", "--histogram", "-T", "3"),
            List.of("opens", "--format", "json"),
            List.of("opens", "-x", "--top", "files"),
            List.of("kills", "--format", "csv"),
            List.of("kills", "--top"),
            List.of("events", "--format", "json", "-p", "4100"),
            List.of("export", "--family", "syscall-counts", "--format", "csv"),
            List.of("export", "--family", "syscall-events", "--format", "ndjson"));

    @TempDir
    static Path scratch;
    static Path future;

    @BeforeAll
    static void writeTheFutureVersion() throws IOException {
        future = scratch.resolve("web-" + FutureVersionWriter.VERSION);
        FutureVersionWriter.rewrite(Fixtures.web(), future);
    }

    /**
     * Files of the current version are the current layout; opens, syscall counts and syscall events of 1.0 and
     * 1.1 lack only the fields 1.2 added at the end (full_path and its status, abi), and procs before 1.3 only the
     * new cgroup's id and path, which the hand-written decoders fill in themselves: no file of a released version
     * needs resolution.
     */
    @Test
    void todaysFixturesAreReadByTheHandWrittenDecoders() throws IOException {
        Path current = Fixtures.root().resolve("aarch64-db1-v" + RecordingMeta.CURRENT_SCHEMA_VERSION);
        Path ciCurrent = Fixtures.root().resolve("x86_64-ci1-v" + RecordingMeta.CURRENT_SCHEMA_VERSION);
        Path appCurrent = Fixtures.root().resolve("x86_64-app1-v" + RecordingMeta.CURRENT_SCHEMA_VERSION);
        List<Path> since12 = List.of(Fixtures.root().resolve("aarch64-db1-v1.2"), Fixtures.dev(),
                Fixtures.root().resolve("x86_64-ci1-v1.2"), current, ciCurrent, appCurrent);
        List<Path> ofCurrent = List.of(current, ciCurrent, appCurrent);
        for (Path dir : List.of(Fixtures.web(), Fixtures.db(), Fixtures.empty(), Fixtures.root().resolve("real-x86_64"),
                Fixtures.root().resolve("aarch64-db1-v1.1"), Fixtures.ci(), Fixtures.app(),
                Fixtures.root().resolve("aarch64-db1-v1.2"), Fixtures.root().resolve("x86_64-ci1-v1.2"), Fixtures.dev(),
                current, ciCurrent, appCurrent)) {
            for (Path file : avroFiles(dir)) {
                String name = file.getFileName().toString();
                boolean before12 = !since12.contains(dir) && (name.startsWith("opens-")
                        || name.startsWith("syscall-counts-") || name.startsWith("syscall-events-"));
                boolean before13 = !ofCurrent.contains(dir) && name.startsWith("procs-");
                assertEquals(before12 || before13 ? ReadPath.LEADING_FIELDS : ReadPath.AS_WRITTEN, readPath(file),
                        file + " must not need resolution");
            }
        }
    }

    @Test
    void theFutureFilesReallyNeedResolution() throws IOException {
        List<Path> files = avroFiles(future);
        assertFalse(files.isEmpty());
        for (Path file : files) {
            assertEquals(ReadPath.RESOLVED, readPath(file), file.toString());
        }
    }

    @Test
    void aLaterMinorVersionGivesTheSameFiguresAsTheOriginal() {
        for (List<String> view : WEB_VIEWS) {
            CliRun original = run(view, Fixtures.web());
            CliRun later = run(view, future);
            assertEquals(0, original.status(), view + ": " + original.err());
            assertFalse(original.out().isBlank(), view + " printed nothing");
            assertEquals(original.out(), later.out(), view + " differs on the version " + FutureVersionWriter.VERSION + " files");
            assertEquals(original.status(), later.status(), view + ": " + later.err());
            assertEquals("", later.err(), view.toString());
        }
    }

    /** The same host written by 1.0, 1.1 and 1.2 (whose opens carry full_path_status) analyses alike. */
    @Test
    void theCurrentVersionsFixtureAnalysesLikeEarlierVersions() {
        Path current = Fixtures.root().resolve("aarch64-db1-v" + RecordingMeta.CURRENT_SCHEMA_VERSION);
        for (List<String> view : List.of(List.of("summary"), List.of("opens"), List.of("kills"), List.of("syscalls"),
                List.of("opens", "--format", "csv"), List.of("opens", "--raw-path"), List.of("opens", "--path", "/etc/*"))) {
            CliRun v1 = run(view, Fixtures.db());
            CliRun v11 = run(view, Fixtures.root().resolve("aarch64-db1-v1.1"));
            CliRun now = run(view, current);
            assertEquals(0, now.status(), now.err());
            assertFalse(now.out().isBlank(), view + " printed nothing");
            assertEquals(v1.out(), now.out(), view.toString());
            assertEquals(v11.out(), now.out(), view.toString());
        }
    }

    /** The CI host's procs written by 1.1, 1.2 and 1.3 (which added the new cgroup's fields at the end) read alike. */
    @Test
    void procsOfEveryReleasedVersionAnalyseAlike() {
        Path current = Fixtures.root().resolve("x86_64-ci1-v" + RecordingMeta.CURRENT_SCHEMA_VERSION);
        for (List<String> view : List.of(List.of("procs", "--threaded"), List.of("procs", "--tree"), List.of("summary"),
                List.of("export", "--family", "procs", "--format", "ndjson"))) {
            CliRun now = run(view, current);
            assertEquals(0, now.status(), now.err());
            assertFalse(now.out().isBlank(), view + " printed nothing");
            for (String earlier : List.of("x86_64-ci1-v1.1", "x86_64-ci1-v1.2")) {
                assertEquals(now.out(), run(view, Fixtures.root().resolve(earlier)).out(), view + " on " + earlier);
            }
        }
    }

    /** procs, every field a union, read through resolution: the same replay and the same exported fields. */
    @Test
    void procsOfALaterMinorVersionReadLikeTheOriginal(@TempDir Path dir) throws IOException {
        Path later = dir.resolve("ci-" + FutureVersionWriter.VERSION);
        FutureVersionWriter.rewrite(Fixtures.ci(), later);
        for (Path file : avroFiles(later)) {
            assertEquals(ReadPath.RESOLVED, readPath(file), file.toString());
        }
        for (List<String> view : List.of(List.of("procs", "--threaded", "--argv"),
                List.of("export", "--family", "procs", "--format", "ndjson"), List.of("summary"))) {
            CliRun original = run(view, Fixtures.ci());
            CliRun resolved = run(view, later);
            assertEquals(0, original.status(), original.err());
            assertFalse(original.out().isBlank(), view + " printed nothing");
            assertEquals(original.out(), resolved.out(),
                    view.toString());
            assertEquals("", resolved.err(), view.toString());
        }
    }

    /** A signal sent by a syscall this reader has no symbol for is shown as unknown, not refused or misnamed. */
    @Test
    void aSymbolAddedLaterReadsAsUnknown(@TempDir Path dir) throws IOException {
        Path source = avroFiles(future).stream().filter(p -> p.getFileName().toString().startsWith("kills-"))
                .findFirst().orElseThrow();
        Path file = dir.resolve("kills-000001.avro");
        try (DataFileReader<GenericRecord> in = new DataFileReader<>(source.toFile(), new GenericDatumReader<>());
                DataFileWriter<GenericRecord> out = new DataFileWriter<>(new GenericDatumWriter<>(in.getSchema()))) {
            for (String key : in.getMetaKeys()) {
                if (!key.startsWith("avro.")) {
                    out.setMeta(key, in.getMeta(key));
                }
            }
            out.create(in.getSchema(), file.toFile());
            GenericRecord kill = in.next();
            Schema syscall = in.getSchema().getField("syscall").schema();
            kill.put("syscall", new GenericData.EnumSymbol(syscall, "ADDED_LATER"));
            out.append(kill);
        }
        CliRun run = CliRun.of("kills", "--format", "csv", dir.toString());
        assertEquals(0, run.status(), run.err());
        String row = run.out().lines().skip(1).findFirst().orElseThrow();
        String symbol = KillEvent.getClassSchema().getField("syscall").schema().getEnumDefault();
        assertTrue(row.endsWith("," + symbol.toLowerCase(Locale.ROOT) + ","), run.out() + run.err()); // TCMD unknown
    }

    @Test
    void aWriterSchemaAvroCannotResolveIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("opens-000001.avro");
        Schema opens = RecordingStream.OPENS.schema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : opens.getFields()) {
            if (!field.name().equals("dirfd")) { // a field the reader needs and has no default for
                fields.add(new Schema.Field(field.name(), field.schema(), field.doc()));
            }
        }
        Schema lacking = Schema.createRecord(opens.getName(), opens.getDoc(), opens.getNamespace(), false, fields);
        try (DataFileWriter<GenericRecord> out = new DataFileWriter<>(new GenericDatumWriter<>(lacking))) {
            new RecordingMeta(RecordingMeta.CURRENT_SCHEMA_VERSION, "id", "odd-1", "6.1", "x86_64", 0, "boot",
                    "tracekit-9", "tracekit record", "{}").writeTo(out, RecordingStream.OPENS, 1);
            out.create(lacking, file.toFile());
        }
        CliRun run = CliRun.of("opens", file.toString());
        assertEquals(2, run.status());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("opens-000001.avro (schema version " + RecordingMeta.CURRENT_SCHEMA_VERSION
                + "): its opens schema cannot be read as version " + RecordingMeta.CURRENT_SCHEMA_VERSION), run.err());
        assertTrue(run.err().contains("dirfd"), run.err());
    }

    private static CliRun run(List<String> view, Path recording) {
        List<String> args = new ArrayList<>(view);
        args.add(recording.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    private static ReadPath readPath(Path file) throws IOException {
        try (DataFileReader<GenericRecord> in = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            return ReadPath.of(in.getSchema(), RecordingStream.ofSchema(in.getSchema()).orElseThrow());
        }
    }

    private static List<Path> avroFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
        }
    }
}
