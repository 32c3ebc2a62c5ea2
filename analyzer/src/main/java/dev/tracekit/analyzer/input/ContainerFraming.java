package dev.tracekit.analyzer.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Checks an Avro container file's framing (block sizes, sync markers) without reading the blocks' contents:
 * for readers that decode elsewhere, like the fleet's Spark jobs, yet must say when a file is cut short, as
 * the analyzer does. Blocks are stepped over, which is a seek on streams that can seek.
 */
public final class ContainerFraming {
    private ContainerFraming() {
    }

    /** Where the framing breaks, and how many records the intact blocks before it hold. */
    public record Break(long offset, String reason, long recordsBefore) {
        /** The warning the analyzer prints for the same damage. */
        public String warning(String file) {
            return Diagnostics.truncatedWarning(file, offset, reason, recordsBefore);
        }
    }

    /**
     * The first break in the framing, or empty for an intact file.
     *
     * @throws IOException when the file cannot be read at all (not for damage, which is a break)
     */
    public static Optional<Break> firstBreak(InputStream in) throws IOException {
        long records = 0;
        try {
            ContainerReader container = ContainerReader.open(in);
            for (long count = container.skip(); count >= 0; count = container.skip()) {
                records += count;
            }
            return Optional.empty();
        } catch (CorruptInputException e) {
            return Optional.of(new Break(e.offset(), e.getMessage(), records));
        }
    }
}
