package dev.tracekit.analyzer.cli;

import dev.tracekit.analyzer.ExitCode;
import dev.tracekit.analyzer.TracekitException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a recording directory changes (a block appended, a file made by rotation) and the burst of writes
 * is over, or at most a poll's time: on Linux through inotify, so a follower reads what the recorder flushed
 * within ~10 ms rather than up to one poll later. Where the directory cannot be watched (a file system without change notification, too many
 * watches), it waits the whole time, as a plain poll does.
 */
final class DirectoryChanges implements AutoCloseable {
    /** How long a flush's burst of writes may pause before it counts as over. */
    private static final long SETTLE_MS = 10;

    private final WatchService watcher;
    private WatchKey key;

    private DirectoryChanges(WatchService watcher, WatchKey key) {
        this.watcher = watcher;
        this.key = key;
    }

    static DirectoryChanges of(Path dir) {
        try {
            WatchService watcher = dir.getFileSystem().newWatchService();
            try {
                return new DirectoryChanges(watcher, dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY));
            } catch (IOException | UnsupportedOperationException e) {
                watcher.close();
                return new DirectoryChanges(null, null);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return new DirectoryChanges(null, null);
        }
    }

    /** Returns once the directory changed since the last call, or after {@code maxMs}. */
    void await(long maxMs) {
        try {
            if (key == null || !key.isValid()) {
                Thread.sleep(maxMs);
                return;
            }
            long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMs);
            if (!changed(maxMs)) {
                return;
            }
            // A flush is a burst (each stream's block, the interval row, maybe a rotation): read once it is over,
            // or a poll in its middle sees files that are neither complete nor followed by their successors.
            while (System.nanoTime() < deadlineNs && changed(SETTLE_MS)) {
                // more of the same burst
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TracekitException(ExitCode.OK, "interrupted");
        } catch (ClosedWatchServiceException e) {
            key = null;
        }
    }

    /** Whether the directory changed within {@code ms}; what changed does not matter, the tail looks at every file. */
    private boolean changed(long ms) throws InterruptedException {
        WatchKey changed = watcher.poll(ms, TimeUnit.MILLISECONDS);
        if (changed == null) {
            return false;
        }
        changed.pollEvents();
        if (!changed.reset()) {
            key = null; // the directory is gone: the tail's next poll says so
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // nothing is left to watch either way
            }
        }
    }
}
