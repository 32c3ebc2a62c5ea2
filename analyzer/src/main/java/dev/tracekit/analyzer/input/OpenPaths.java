package dev.tracekit.analyzer.input;

import dev.tracekit.schema.OpenEvent;
import java.nio.ByteBuffer;

/**
 * Which path an open names. Recordings since schema 1.2 carry a relative path's directory from the kernel
 * ({@code full_path}); an absolute path is its own full path in any version; a relative path of an earlier
 * recording, or one whose directory could not be found, has only the path as passed.
 */
public final class OpenPaths {
    private OpenPaths() {
    }

    /** The full path as far as the recording knows it, or null when only the relative path is known. */
    public static ByteBuffer full(OpenEvent e) {
        if (e.getFullPath() != null) {
            return e.getFullPath();
        }
        ByteBuffer path = e.getPath();
        return path.remaining() > 0 && path.get(path.position()) == '/' ? path : null;
    }

    /** What listings, filters and tallies go by: the full path where known, else the path as passed. */
    public static ByteBuffer shown(OpenEvent e) {
        ByteBuffer full = full(e);
        return full != null ? full : e.getPath();
    }
}
