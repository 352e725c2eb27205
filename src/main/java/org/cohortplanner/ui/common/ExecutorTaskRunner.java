package org.cohortplanner.ui.common;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

/**
 * Runs work on background threads and delivers results through a UI-thread executor ({@code Platform::runLater} in
 * the console). Each channel remembers its latest run; a run's result is delivered only if it is still the latest
 * when the UI thread gets to it, which covers a result that was already queued when newer work started.
 */
public final class ExecutorTaskRunner implements TaskRunner {

    /** How long shutting down waits for work already started before cancelling it. */
    static final int SHUTDOWN_GRACE_SECONDS = 10;

    private final ExecutorService background;
    private final Executor uiThread;
    private final Map<String, Run<?>> latest = new ConcurrentHashMap<>();

    public ExecutorTaskRunner(ExecutorService background, Executor uiThread) {
        this.background = Objects.requireNonNull(background, "background");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    /** A runner on {@code threads} daemon threads, so open work never keeps the program from ending. */
    public static ExecutorTaskRunner withDaemonThreads(int threads, Executor uiThread) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "cohort-planner-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ExecutorTaskRunner(Executors.newFixedThreadPool(threads, factory), uiThread);
    }

    @Override
    public <T> TaskHandle run(String channel, Work<T> work, Consumer<? super T> onResult,
                              Consumer<? super Throwable> onFailure, Progress<String> onProgress) {
        Run<T> run = new Run<>(channel, work, onResult, onFailure, onProgress);
        Run<?> previous = latest.put(channel, run);
        if (previous != null) {
            previous.cancel();
        }
        run.future = background.submit(run::execute);
        return run;
    }

    @Override
    public void cancel(String channel) {
        Run<?> run = latest.remove(channel);
        if (run != null) {
            run.cancel();
        }
    }

    @Override
    public void shutdown() {
        // Work already handed over (a store write above all) finishes first: interrupting a write half-way would
        // leave the last edit unsaved and the database unable to close. Only work still running after the grace
        // period (a long export, say) is cancelled.
        background.shutdown();
        try {
            if (!background.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                latest.values().forEach(Run::cancel);
                background.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            latest.values().forEach(Run::cancel);
            background.shutdownNow();
        }
        latest.clear();
    }

    private final class Run<T> implements TaskHandle, Job {
        private final String channel;
        private final Work<T> work;
        private final Consumer<? super T> onResult;
        private final Consumer<? super Throwable> onFailure;
        private final Progress<String> onProgress;
        private final AtomicReference<ProgressReport> pendingReport = new AtomicReference<>();
        private final Cancellation cancellation = new Cancellation();
        private volatile Future<?> future;

        Run(String channel, Work<T> work, Consumer<? super T> onResult, Consumer<? super Throwable> onFailure,
            Progress<String> onProgress) {
            this.channel = channel;
            this.work = Objects.requireNonNull(work, "work");
            this.onResult = Objects.requireNonNull(onResult, "onResult");
            this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
            this.onProgress = onProgress == null ? Progress.none() : onProgress;
        }

        void execute() {
            if (isCancelled()) {
                return;
            }
            T result;
            try {
                result = work.run(this);
            } catch (CancellationException | InterruptedException stopped) {
                return;
            } catch (Throwable failure) {
                if (!isCancelled()) {
                    uiThread.execute(() -> {
                        if (isLatest()) {
                            latest.remove(channel, this);
                            onFailure.accept(failure);
                        }
                    });
                }
                return;
            }
            uiThread.execute(() -> {
                if (isLatest()) {
                    latest.remove(channel, this);
                    onResult.accept(result);
                }
            });
        }

        private boolean isLatest() {
            return !isCancelled() && latest.get(channel) == this;
        }

        @Override
        public void report(double fraction, String message) {
            // Reports are coalesced: when the UI thread is busy, only the newest one is shown.
            if (pendingReport.getAndSet(new ProgressReport(fraction, message)) == null) {
                uiThread.execute(() -> {
                    ProgressReport report = pendingReport.getAndSet(null);
                    if (report != null && isLatest()) {
                        onProgress.report(report.fraction(), report.message());
                    }
                });
            }
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
            latest.remove(channel, this);
            Future<?> running = future;
            if (running != null) {
                running.cancel(true);
            }
        }
    }

    private record ProgressReport(double fraction, String message) {
    }
}
