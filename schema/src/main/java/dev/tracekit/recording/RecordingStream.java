package dev.tracekit.recording;

import dev.tracekit.schema.Family;
import dev.tracekit.schema.IntervalStats;
import dev.tracekit.schema.KillEvent;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.SyscallCount;
import dev.tracekit.schema.SyscallEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * The streams of files a recording directory holds: one per event family, plus the interval statistics
 * (events kept, events lost, clock samples). Files are named {@code <prefix>-<seq>.avro}, seq from 1, so a
 * plain sort of one stream's names is its time order.
 */
public enum RecordingStream {
    SYSCALL_COUNTS("syscall-counts", SyscallCount.getClassSchema(), Family.SYSCALL_COUNTS),
    SYSCALL_EVENTS("syscall-events", SyscallEvent.getClassSchema(), Family.SYSCALL_EVENTS),
    OPENS("opens", OpenEvent.getClassSchema(), Family.OPENS),
    KILLS("kills", KillEvent.getClassSchema(), Family.KILLS),
    PROCS("procs", ProcEvent.getClassSchema(), Family.PROCS),
    INTERVALS("intervals", IntervalStats.getClassSchema(), null);

    /**
     * The families that have a stream, in stream order: every {@link Family} but UNKNOWN, which stands for
     * families of later versions a reader cannot name.
     */
    public static final List<Family> FAMILIES = Arrays.stream(values()).map(s -> s.family).filter(Objects::nonNull)
            .toList();

    private static final Pattern FILE_NAME = Pattern.compile("([a-z-]+)-(\\d{6,})\\.avro");

    private final String prefix;
    private final Schema schema;
    private final Family family;

    RecordingStream(String prefix, Schema schema, Family family) {
        this.prefix = prefix;
        this.schema = schema;
        this.family = family;
    }

    public String prefix() {
        return prefix;
    }

    /** The schema files of this stream are written with (the current one). */
    public Schema schema() {
        return schema;
    }

    /** The event family the stream carries; empty for {@link #INTERVALS}. */
    public Optional<Family> family() {
        return Optional.ofNullable(family);
    }

    public static RecordingStream of(Family family) {
        for (RecordingStream stream : values()) {
            if (stream.family == family) {
                return stream;
            }
        }
        throw new IllegalArgumentException("no stream for " + family);
    }

    public String fileName(long seq) {
        return String.format("%s-%06d.avro", prefix, seq);
    }

    /** A file name split into its stream and sequence number. */
    public record FileName(RecordingStream stream, long seq) {
    }

    /** Parses {@code opens-000003.avro}; empty for names that are not a recording file. */
    public static Optional<FileName> parseFileName(String name) {
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (RecordingStream stream : values()) {
            if (stream.prefix.equals(m.group(1))) {
                return Optional.of(new FileName(stream, Long.parseLong(m.group(2))));
            }
        }
        return Optional.empty();
    }

    /** The stream a file's schema belongs to, judged by the schema's full name; empty when none. */
    public static Optional<RecordingStream> ofSchema(Schema writerSchema) {
        for (RecordingStream stream : values()) {
            if (stream.schema.getFullName().equals(writerSchema.getFullName())) {
                return Optional.of(stream);
            }
        }
        return Optional.empty();
    }
}
