package dev.tracekit.names;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open flag names of one architecture. Most O_* bits are shared, but x86_64 and aarch64 place O_DIRECT,
 * O_LARGEFILE, O_DIRECTORY and O_NOFOLLOW differently, so a recording is decoded with its own table.
 */
public final class OpenFlags {
    public static final long O_ACCMODE = 03;
    public static final long O_WRONLY = 01;
    public static final long O_RDWR = 02;
    public static final long O_CREAT = 0100;
    public static final long O_TRUNC = 01000;

    private static final long O_DSYNC = 010000;
    private static final long SYNC_BIT = 04000000;
    private static final long TMPFILE_BIT = 020000000;

    private static final OpenFlags X86_64 = new OpenFlags(Arch.X86_64, 040000, 0100000, 0200000, 0400000);
    private static final OpenFlags AARCH64 = new OpenFlags(Arch.AARCH64, 0200000, 0400000, 040000, 0100000);

    private final Arch arch;
    /** Multi-bit names first (O_TMPFILE includes O_DIRECTORY, O_SYNC includes O_DSYNC), then single bits. */
    private final Map<String, Long> names = new LinkedHashMap<>();
    private static final int MAX_REMEMBERED = 4096;
    private final Map<Long, String> decoded = new ConcurrentHashMap<>();

    private OpenFlags(Arch arch, long direct, long largefile, long directory, long nofollow) {
        this.arch = arch;
        names.put("O_TMPFILE", TMPFILE_BIT | directory);
        names.put("O_SYNC", SYNC_BIT | O_DSYNC);
        names.put("O_CREAT", O_CREAT);
        names.put("O_EXCL", 0200L);
        names.put("O_NOCTTY", 0400L);
        names.put("O_TRUNC", O_TRUNC);
        names.put("O_APPEND", 02000L);
        names.put("O_NONBLOCK", 04000L);
        names.put("O_DSYNC", O_DSYNC);
        names.put("O_ASYNC", 020000L);
        names.put("O_DIRECT", direct);
        names.put("O_LARGEFILE", largefile);
        names.put("O_DIRECTORY", directory);
        names.put("O_NOFOLLOW", nofollow);
        names.put("O_NOATIME", 01000000L);
        names.put("O_CLOEXEC", 02000000L);
        names.put("O_PATH", 010000000L);
    }

    public static OpenFlags of(Arch arch) {
        return arch == Arch.AARCH64 ? AARCH64 : X86_64;
    }

    public Arch arch() {
        return arch;
    }

    /**
     * Decodes flags as strace does: the access mode, then each set flag, then any unknown bits in octal,
     * e.g. {@code O_WRONLY|O_CREAT|O_TRUNC}.
     */
    public String decode(long flags) {
        // Replays decode the same few combinations millions of times; a bounded memo keeps hostile input
        // (every value different) from growing it without end.
        String known = decoded.get(flags);
        if (known != null) {
            return known;
        }
        String text = spell(flags);
        if (decoded.size() < MAX_REMEMBERED) {
            decoded.put(flags, text);
        }
        return text;
    }

    private String spell(long flags) {
        StringJoiner out = new StringJoiner("|");
        out.add(switch ((int) (flags & O_ACCMODE)) {
            case 0 -> "O_RDONLY";
            case 1 -> "O_WRONLY";
            case 2 -> "O_RDWR";
            default -> "O_ACCMODE";
        });
        long rest = flags & ~O_ACCMODE;
        for (Map.Entry<String, Long> flag : names.entrySet()) {
            long bits = flag.getValue();
            if ((rest & bits) == bits) {
                out.add(flag.getKey());
                rest &= ~bits;
            }
        }
        if (rest != 0) {
            out.add("0" + Long.toOctalString(rest));
        }
        return out.toString();
    }

    /** The bits of one flag name ({@code O_CREAT}, {@code creat}, {@code O_RDONLY} is 0); -1 when unknown. */
    public long bits(String name) {
        String key = name.strip().toUpperCase(Locale.ROOT);
        if (!key.startsWith("O_")) {
            key = "O_" + key;
        }
        return switch (key) {
            case "O_RDONLY" -> 0;
            case "O_WRONLY" -> O_WRONLY;
            case "O_RDWR" -> O_RDWR;
            case "O_NDELAY" -> names.get("O_NONBLOCK");
            case "O_FSYNC" -> names.get("O_SYNC");
            default -> names.getOrDefault(key, -1L);
        };
    }

    /** True when {@code flags} has every flag of {@code name}; access modes compare as a mode, not as bits. */
    public boolean has(long flags, String name) {
        long bits = bits(name);
        if (bits < 0) {
            throw new IllegalArgumentException("unknown open flag '" + name + "'");
        }
        String key = name.strip().toUpperCase(Locale.ROOT);
        if (key.endsWith("RDONLY") || key.endsWith("WRONLY") || key.endsWith("RDWR")) {
            return (flags & O_ACCMODE) == bits;
        }
        return (flags & bits) == bits;
    }
}
