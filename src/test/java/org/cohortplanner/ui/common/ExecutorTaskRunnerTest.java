package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorTaskRunnerTest {
    /** Stands in for the FX thread: results wait here until the test runs them. */
    private final BlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
    private final ExecutorTaskRunner runner = ExecutorTaskRunner.withDaemonThreads(2, uiThread::add);
    private final List<String> delivered = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @AfterEach
    void shutdown() {
        runner.shutdown();
    }

    @Test
    void shuttingDownLetsStartedWorkFinishInsteadOfInterruptingIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        List<Boolean> interrupted = new ArrayList<>();
        runner.run("store-write", progress -> {
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                interrupted.add(true);
                Thread.currentThread().interrupt();
            }
            finished.countDown();
            return "saved";
        }, delivered::add, failure -> failures.add(failure.getMessage()));
        assertTrue(started.await(10, TimeUnit.SECONDS));

        runner.shutdown();

        assertTrue(finished.await(0, TimeUnit.SECONDS), "the write had finished when shutdown returned");
        assertEquals(List.of(), interrupted);
    }

    @Test
    void newerWorkOnAChannelWinsEvenWhenTheOlderFinishesLast() throws Exception {
        CountDownLatch oldStarted = new CountDownLatch(1);
        CountDownLatch releaseOld = new CountDownLatch(1);
        CountDownLatch oldEnded = new CountDownLatch(1);
        runner.run("sim", progress -> {
            oldStarted.countDown();
            // Work that does not look at cancellation and returns a result anyway, after the newer work.
            awaitIgnoringInterrupts(releaseOld);
            oldEnded.countDown();
            return "old";
        }, delivered::add, failure -> failures.add(failure.getMessage()));
        assertTrue(oldStarted.await(10, TimeUnit.SECONDS));
        runner.run("sim", progress -> "new", delivered::add, failure -> failures.add(failure.getMessage()));
        uiThread.take().run();
        releaseOld.countDown();
        assertTrue(oldEnded.await(10, TimeUnit.SECONDS));
        // The old result may be handed to the UI thread; if it is, running it must not deliver it.
        Runnable lateDelivery = uiThread.poll(2, TimeUnit.SECONDS);
        if (lateDelivery != null) {
            lateDelivery.run();
        }

        assertEquals(List.of("new"), delivered);
        assertEquals(List.of(), failures);
    }

    @Test
    void aResultAlreadyQueuedIsDroppedWhenNewerWorkStarts() throws Exception {
        runner.run("sim", progress -> "first", delivered::add, failure -> failures.add(failure.getMessage()));
        Runnable firstDelivery = uiThread.take();
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        runner.run("sim", progress -> {
            secondStarted.countDown();
            releaseSecond.await();
            return "second";
        }, delivered::add, failure -> failures.add(failure.getMessage()));
        assertTrue(secondStarted.await(10, TimeUnit.SECONDS));
        firstDelivery.run();
        releaseSecond.countDown();
        uiThread.take().run();

        assertEquals(List.of("second"), delivered);
    }

    @Test
    void workOnOtherChannelsIsNotCancelled() throws Exception {
        runner.run("audit", progress -> "audit", delivered::add, failure -> failures.add(failure.getMessage()));
        runner.run("file", progress -> "file", delivered::add, failure -> failures.add(failure.getMessage()));
        uiThread.take().run();
        uiThread.take().run();

        assertEquals(2, delivered.size());
        assertTrue(delivered.containsAll(List.of("audit", "file")));
    }

    @Test
    void aFailureIsDeliveredWithItsMessage() throws Exception {
        runner.<String>run("file", progress -> {
            throw new IllegalStateException("plan.json:3:5: name: expected text");
        }, delivered::add, failure -> failures.add(failure.getMessage()));
        uiThread.take().run();

        assertEquals(List.of("plan.json:3:5: name: expected text"), failures);
        assertEquals(List.of(), delivered);
    }

    @Test
    void cancelledWorkSeesItAndDeliversNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch sawCancel = new CountDownLatch(1);
        runner.run("sim", progress -> {
            started.countDown();
            while (!progress.isCancelled()) {
                Thread.onSpinWait();
            }
            sawCancel.countDown();
            progress.checkCancelled();
            return "never";
        }, delivered::add, failure -> failures.add(failure.getMessage()));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        runner.cancel("sim");
        assertTrue(sawCancel.await(10, TimeUnit.SECONDS));
        runner.run("other", progress -> "marker", delivered::add, failure -> failures.add(failure.getMessage()));
        uiThread.take().run();
        drainUiThread();

        assertEquals(List.of("marker"), delivered);
        assertEquals(List.of(), failures);
    }

    @Test
    void progressReachesTheUiThreadWhileTheWorkIsLatest() throws Exception {
        List<String> reports = new ArrayList<>();
        runner.run("sim", progress -> {
            progress.report(0.5, "half way");
            return "done";
        }, delivered::add, failure -> failures.add(failure.getMessage()),
                (fraction, message) -> reports.add(fraction + " " + message));
        uiThread.take().run();
        uiThread.take().run();

        assertEquals(List.of("0.5 half way"), reports);
        assertEquals(List.of("done"), delivered);
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // Keep waiting: this work deliberately finishes late.
            }
        }
    }

    private void drainUiThread() {
        Runnable next;
        while ((next = uiThread.poll()) != null) {
            next.run();
        }
    }
}
