package org.cohortplanner.ui.common;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

/**
 * Runs work on the calling thread and delivers its result at once: for view-model tests and for headless use, where
 * there is no UI thread to hand results to. Work on a channel always ends before newer work can start, so the
 * latest-result-wins rule holds trivially.
 */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> TaskHandle run(String channel, Work<T> work, Consumer<? super T> onResult,
                              Consumer<? super Throwable> onFailure, Progress<String> onProgress) {
        DirectHandle handle = new DirectHandle(onProgress == null ? Progress.none() : onProgress);
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

    private static final class DirectHandle implements TaskHandle, Job {
        private final Progress<String> listener;
        private final Cancellation cancellation = new Cancellation();

        DirectHandle(Progress<String> listener) {
            this.listener = listener;
        }

        @Override
        public void report(double fraction, String message) {
            listener.report(fraction, message);
        }

        @Override
        public Cancellation cancellation() {
            return cancellation;
        }

        @Override
        public boolean isCancelled() {
            return cancellation.isCancelled();
        }

        @Override
        public void cancel() {
            cancellation.cancel();
        }
    }
}
