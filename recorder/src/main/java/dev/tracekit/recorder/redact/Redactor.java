package dev.tracekit.recorder.redact;

import dev.tracekit.schema.EventHeader;
import dev.tracekit.schema.OpenEvent;
import dev.tracekit.schema.ProcEvent;
import dev.tracekit.schema.ProcKind;
import dev.tracekit.schema.SyscallCount;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code --redact}: replaces paths, task names and uids with a keyed hash (HMAC-SHA-256 under the host's
 * {@link RedactionKey}) as records are written, so equal values still group together in the analysis while
 * the values themselves stay on the host. Each field hashes under its own label, so a comm and a path that
 * are the same bytes do not get the same name. The replacements keep the schema's types:
 * <ul>
 *   <li>comm: {@code #} + 14 hex digits (56 bits), 15 bytes like a real task name;</li>
 *   <li>path: {@code #} + 32 hex digits (128 bits);</li>
 *   <li>uid: 2^31 + a 31-bit value, so a redacted uid never looks like root or a system user. With n distinct
 *       uids, two share a name with probability about n^2 / 2^32 (1 in 400,000 for 100 uids).</li>
 * </ul>
 * Not thread-safe: the recorder encodes every record on its one polling thread.
 */
public final class Redactor {
    /** Redacts nothing. */
    public static final Redactor NONE = new Redactor(EnumSet.noneOf(RedactedField.class), null);

    private static final HexFormat HEX = HexFormat.of();
    private static final int COMM_HEX_DIGITS = 14;
    private static final int PATH_HEX_DIGITS = 32;
    private static final long UID_BASE = 1L << 31;
    private static final String ARGV_LABEL = "argv";

    private final Set<RedactedField> fields;
    private final Mac mac;

    private Redactor(Set<RedactedField> fields, Mac mac) {
        this.fields = fields;
        this.mac = mac;
    }

    /** A redactor of {@code fields} keyed by {@code key}; {@link #NONE} when there are no fields. */
    public static Redactor of(Set<RedactedField> fields, byte[] key) {
        if (fields.isEmpty()) {
            return NONE;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return new Redactor(EnumSet.copyOf(fields), mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    public Set<RedactedField> fields() {
        return fields;
    }

    public void redact(EventHeader header) {
        if (fields.contains(RedactedField.COMM)) {
            header.setComm(comm(header.getComm()));
        }
        if (fields.contains(RedactedField.UID)) {
            header.setUid(uid(header.getUid()));
        }
    }

    public void redact(OpenEvent open) {
        redact(open.getHeader());
        if (fields.contains(RedactedField.PATHS)) {
            open.setPath(path(open.getPath()));
            if (open.getFullPath() != null) {
                open.setFullPath(path(open.getFullPath()));
            }
        }
    }

    /**
     * Renames go with comm. An exec's file name and arguments go with paths and with comm: they name files,
     * and the program's name is the comm the kernel gives it (as the header's command line is withheld).
     */
    public void redact(ProcEvent proc) {
        redact(proc.getHeader());
        if (fields.contains(RedactedField.COMM) && proc.getKind() == ProcKind.RENAME) {
            proc.setOldComm(comm(proc.getOldComm()));
            proc.setNewComm(comm(proc.getNewComm()));
        }
        if ((fields.contains(RedactedField.PATHS) || fields.contains(RedactedField.COMM))
                && proc.getKind() == ProcKind.EXEC) {
            proc.setFilename(path(proc.getFilename()));
            proc.setArgv(argv(proc.getArgv()));
        }
    }

    public void redact(SyscallCount count) {
        if (fields.contains(RedactedField.COMM)) {
            count.setComm(comm(count.getComm()));
        }
    }

    /** The --comm filter values as the recording names them. */
    public Collection<String> comms(Collection<String> comms) {
        if (!fields.contains(RedactedField.COMM)) {
            return comms;
        }
        return sorted(comms.stream().map(c -> ascii(comm(ByteBuffer.wrap(c.getBytes(StandardCharsets.UTF_8))))).toList());
    }

    /** The --uid filter values as the recording names them. */
    public Collection<Long> uids(Collection<Long> uids) {
        return fields.contains(RedactedField.UID) ? sorted(uids.stream().map(this::uid).toList()) : uids;
    }

    /** The --path-prefix as the recording names it ("" stays "": no filter). */
    public String pathPrefix(String prefix) {
        if (!fields.contains(RedactedField.PATHS) || prefix.isEmpty()) {
            return prefix;
        }
        return ascii(path(ByteBuffer.wrap(prefix.getBytes(StandardCharsets.UTF_8))));
    }

    public ByteBuffer comm(ByteBuffer comm) {
        return hashName(RedactedField.COMM.cliName(), comm, COMM_HEX_DIGITS);
    }

    public ByteBuffer path(ByteBuffer path) {
        return hashName(RedactedField.PATHS.cliName(), path, PATH_HEX_DIGITS);
    }

    /** A whole command line, under a label of its own: equal command lines keep equal names. */
    ByteBuffer argv(ByteBuffer argv) {
        return hashName(ARGV_LABEL, argv, PATH_HEX_DIGITS);
    }

    public long uid(long uid) {
        byte[] digest = hmac(RedactedField.UID.cliName(), ByteBuffer.allocate(Long.BYTES).putLong(0, uid));
        long low31 = ((digest[0] & 0x7fL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8)
                | (digest[3] & 0xffL);
        return UID_BASE + low31;
    }

    private ByteBuffer hashName(String label, ByteBuffer value, int hexDigits) {
        String hex = HEX.formatHex(hmac(label, value), 0, hexDigits / 2);
        return ByteBuffer.wrap(("#" + hex).getBytes(StandardCharsets.US_ASCII));
    }

    /** HMAC over the field's label, a NUL and the value: the label keeps the fields' name spaces apart. */
    private byte[] hmac(String label, ByteBuffer value) {
        mac.update(label.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update(value.duplicate());
        return mac.doFinal();
    }

    private static String ascii(ByteBuffer buffer) {
        return StandardCharsets.US_ASCII.decode(buffer.duplicate()).toString();
    }

    private static <T extends Comparable<T>> Collection<T> sorted(Collection<T> values) {
        return new TreeSet<>(values);
    }
}
