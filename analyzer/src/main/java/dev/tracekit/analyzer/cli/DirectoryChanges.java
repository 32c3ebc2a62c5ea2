package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.TracekitException;
import dev.tracekit.recording.RecordingStream;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Waits until the recorder writes interval rows into a recording directory (a row appended, an intervals file made
 * by rotation), or at most a poll's time: on Linux through inotify, so a follower reads an interval as soon as it is
 * flushed rather than up to one poll later. Only the intervals files wake it: a follow reads
 * events once their interval's row is there, and the recorder flushes the events before that row. No settling
 * after the first write: the tail reads a file it has begun to its end even when rotation and --max-files remove it
 * meanwhile. Where the directory cannot be watched (a file system without change notification, too many watches),
 * it waits the whole time, as a plain poll does.
 */
final class DirectoryChanges implements AutoCloseable {
    private final WatchService watcher;
    private WatchKey key;

    private DirectoryChanges(WatchService watcher, WatchKey key) {
        this.watcher = watcher;
        this.key = key;
    }

    static DirectoryChanges of(Path dir) {
        WatchService watcher;
        try {
            watcher = dir.getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            return new DirectoryChanges(null, null);
        }
        try {
            return new DirectoryChanges(watcher, dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY));
        } catch (IOException | UnsupportedOperationException e) {
            close(watcher);
            return new DirectoryChanges(null, null);
        }
    }

    /**
     * Returns once interval rows were written since the last call (at once if they were before it), or after
     * {@code maxMs}.
     */
    void await(long maxMs) {
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMs);
        try {
            while (true) {
                long leftNs = deadlineNs - System.nanoTime();
                if (leftNs <= 0) {
                    return;
                }
                if (key == null || !key.isValid()) {
                    TimeUnit.NANOSECONDS.sleep(leftNs);
                    return;
                }
                WatchKey changed = watcher.poll(leftNs, TimeUnit.NANOSECONDS);
                if (changed == null) {
                    return;
                }
                boolean rows = false;
                for (WatchEvent<?> event : changed.pollEvents()) {
                    rows |= event.kind() == StandardWatchEventKinds.OVERFLOW || namesIntervals(event.context());
                }
                if (!changed.reset()) {
                    key = null; // the directory is gone: the tail's next poll says so
                    return;
                }
                if (rows) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TracekitException(ExitCode.OK, "interrupted");
        } catch (ClosedWatchServiceException e) {
            key = null;
        }
    }

    private static boolean namesIntervals(Object file) {
        return file instanceof Path path && RecordingStream.parseFileName(path.getFileName().toString())
                .filter(name -> name.stream() == RecordingStream.INTERVALS).isPresent();
    }

    @Override
    public void close() {
        if (watcher != null) {
            close(watcher);
        }
    }

    private static void close(WatchService watcher) {
        try {
            watcher.close();
        } catch (IOException e) {
            // nothing is left to watch either way
        }
    }
}
