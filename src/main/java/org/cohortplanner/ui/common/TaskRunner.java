package org.cohortplanner.ui.common;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs work away from the screen and hands its result back where the screen can use it (the FX thread in the
 * console, the calling thread in tests). Work runs on a named channel: starting new work on a channel cancels the
 * work still running there, and only the latest work's result or failure is delivered, so a slow old run can never
 * overwrite a newer one.
 */
public interface TaskRunner {

    /**
     * Starts {@code work} on {@code channel}.
     *
     * @param onResult   receives the result, on the UI thread, unless newer work on the channel started meanwhile
     * @param onFailure  receives what went wrong, on the UI thread, under the same condition; never called for a
     *                   cancelled run
     * @param onProgress receives progress reports, on the UI thread, while the work is the channel's latest
     */
    <T> TaskHandle run(String channel, Work<T> work, Consumer<? super T> onResult,
                       Consumer<? super Throwable> onFailure, ProgressListener onProgress);

    default <T> TaskHandle run(String channel, Work<T> work, Consumer<? super T> onResult,
                               Consumer<? super Throwable> onFailure) {
        return run(channel, work, onResult, onFailure, ProgressListener.IGNORE);
    }

    /** Cancels whatever runs on {@code channel}; its result will not be delivered. */
    void cancel(String channel);

    /** Lets work already started finish (for a bounded time, then cancels it) and ends the background threads. */
    void shutdown();

    /** Background work; reads {@link Progress#isCancelled()} at convenient points in long loops. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What running work may tell the screen, and how it learns it was cancelled. */
    interface Progress {
        /** @param fraction 0–1, or a negative number when the amount of work is not known */
        void report(double fraction, String message);

        boolean isCancelled();

        /** Ends the work early when it was cancelled. */
        default void checkCancelled() {
            if (isCancelled()) {
                throw new CancellationException("cancelled");
            }
        }
    }

    @FunctionalInterface
    interface ProgressListener {
        ProgressListener IGNORE = (fraction, message) -> { };

        void progressed(double fraction, String message);
    }

    /** A started piece of work. */
    interface TaskHandle {
        void cancel();

        boolean isCancelled();
    }
}
