package org.cohortplanner.ui.common;

import java.util.function.Consumer;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

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
                       Consumer<? super Throwable> onFailure, Progress<String> onProgress);

    default <T> TaskHandle run(String channel, Work<T> work, Consumer<? super T> onResult,
                               Consumer<? super Throwable> onFailure) {
        return run(channel, work, onResult, onFailure, Progress.none());
    }

    /** Cancels whatever runs on {@code channel}; its result will not be delivered. */
    void cancel(String channel);

    /** Lets work already started finish (for a bounded time, then cancels it) and ends the background threads. */
    void shutdown();

    /** Background work; reads {@link Job#isCancelled()} at convenient points in long loops. */
    @FunctionalInterface
    interface Work<T> {
        T run(Job job) throws Exception;
    }

    /**
     * What running work holds: the progress it reports (a fraction and the screen's words for the step, passed on to
     * {@code onProgress}) and the cancellation that starting newer work or {@link #cancel(String)} sets. Work that
     * calls a simulation or an export hands both on, so that they stop when the screen's work is cancelled.
     */
    interface Job extends Progress<String> {
        Cancellation cancellation();

        default boolean isCancelled() {
            return cancellation().isCancelled();
        }

        /** Ends the work early when it was cancelled. */
        default void checkCancelled() {
            cancellation().throwIfCancelled();
        }
    }

    /** A started piece of work. */
    interface TaskHandle {
        void cancel();

        boolean isCancelled();
    }
}
