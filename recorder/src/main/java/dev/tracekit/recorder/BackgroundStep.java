package dev.tracekit.recorder;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One step of the start that runs on a thread of its own while the main thread does another (loading the BPF
 * objects while the files are made, reading /proc meanwhile): the start waits for the slower, not for both.
 * Its failure reaches the caller of {@link #join} as it was thrown, so the recorder's handling of it is the same
 * as when the step ran on the main thread.
 */
final class BackgroundStep<T> {
    private final CompletableFuture<T> result;

    private BackgroundStep(CompletableFuture<T> result) {
        this.result = result;
    }

    static <T> BackgroundStep<T> start(String threadName, Supplier<T> step) {
        return new BackgroundStep<>(CompletableFuture.supplyAsync(step,
                runnable -> Thread.ofPlatform().name(threadName).daemon().start(runnable)));
    }

    /** Waits for the step; its result, or what it threw. */
    T join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Waits for the step; its result, or empty when it failed: for cleaning up after another failure. */
    Optional<T> joinQuietly() {
        try {
            return Optional.ofNullable(result.join());
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }
}
