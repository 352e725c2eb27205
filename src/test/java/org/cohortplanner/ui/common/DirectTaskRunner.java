package org.cohortplanner.ui.common;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs work on the calling thread and delivers its result at once: for view-model tests and for headless use, where
 * there is no UI thread to hand results to. Work on a channel always ends before newer work can start, so the
 * latest-result-wins rule holds trivially.
 */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> TaskHandle run(String channel, Work<T> work, Consumer<? super T> onResult,
                              Consumer<? super Throwable> onFailure, ProgressListener onProgress) {
        DirectHandle handle = new DirectHandle(onProgress == null ? ProgressListener.IGNORE : onProgress);
        T result;
        try {
            result = work.run(handle);
        } catch (CancellationException | InterruptedException stopped) {
            return handle;
        } catch (Exception failure) {
            onFailure.accept(failure);
            return handle;
        }
        onResult.accept(result);
        return handle;
    }

    @Override
    public void cancel(String channel) {
        // Nothing can be running: work ends before run returns.
    }

    @Override
    public void shutdown() {
        // No threads to end.
    }

    private static final class DirectHandle implements TaskHandle, Progress {
        private final ProgressListener listener;
        private boolean cancelled;

        DirectHandle(ProgressListener listener) {
            this.listener = listener;
        }

        @Override
        public void report(double fraction, String message) {
            listener.progressed(fraction, message);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
