package dev.tracekit.recording;

import java.util.Locale;
import org.apache.avro.file.CodecFactory;

/** Parses the {@code --codec} option: {@code zstd[:LEVEL]}, {@code deflate[:LEVEL]}, {@code snappy}, {@code none}. */
public final class CodecSpec {
    /**
     * zstd level 1 with the frame checksum (XXH64: a flipped byte is caught on read, not decoded into other
     * plausible records): ~10 B/event at ~90 ns/event measured at project start; higher levels cost the recorder CPU.
     */
    public static final String DEFAULT = "zstd:1";

    private CodecSpec() {
    }

    /** @throws IllegalArgumentException with a one-line message for an unknown codec or bad level */
    public static CodecFactory parse(String spec) {
        String[] parts = spec.strip().toLowerCase(Locale.ROOT).split(":", 2);
        String name = parts[0];
        Integer level = parts.length == 2 ? level(spec, parts[1]) : null;
        return switch (name) {
            case "zstd", "zstandard" -> {
                int zstdLevel = level == null ? 1 : level;
                if (zstdLevel < 1 || zstdLevel > 22) {
                    throw new IllegalArgumentException("zstd level must be 1..22, got " + zstdLevel);
                }
                yield CodecFactory.zstandardCodec(zstdLevel, true, true); // checksum on: readers verify every frame
            }
            case "deflate" -> {
                int deflateLevel = level == null ? 6 : level;
                if (deflateLevel < 1 || deflateLevel > 9) {
                    throw new IllegalArgumentException("deflate level must be 1..9, got " + deflateLevel);
                }
                yield CodecFactory.deflateCodec(deflateLevel);
            }
            case "snappy" -> noLevel(spec, level, CodecFactory.snappyCodec());
            case "none", "null" -> noLevel(spec, level, CodecFactory.nullCodec());
            default -> throw new IllegalArgumentException("unknown codec '" + spec
                    + "' (use zstd[:LEVEL], deflate[:LEVEL], snappy or none)");
        };
    }

    private static Integer level(String spec, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad codec level in '" + spec + "'");
        }
    }

    private static CodecFactory noLevel(String spec, Integer level, CodecFactory codec) {
        if (level != null) {
            throw new IllegalArgumentException("codec '" + spec + "' takes no level");
        }
        return codec;
    }
}
