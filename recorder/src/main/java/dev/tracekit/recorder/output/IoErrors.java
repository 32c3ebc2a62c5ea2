package dev.tracekit.recorder.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** One readable line for an I/O failure: NIO's exceptions often carry only the path as their message. */
public final class IoErrors {
    private IoErrors() {
    }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason() : switch (e) {
                case AccessDeniedException denied -> "permission denied";
                case NoSuchFileException missing -> "no such file or directory";
                case FileAlreadyExistsException exists -> "already exists";
                default -> e.getClass().getSimpleName();
            };
            return fs.getFile() + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
