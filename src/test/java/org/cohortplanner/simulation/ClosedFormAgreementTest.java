package org.cohortplanner.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.cohortplanner.domain.QueueOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast model against the closed forms on stationary nights.
 *
 * <p>Tolerances: each figure is averaged over 6 independent nights (seeds 1–6) whose spread gives a standard error;
 * the model passes when it lies within 4.03 standard errors — the two-sided 99 % quantile of Student's t with 5
 * degrees of freedom — plus an allowance for what the time step itself changes. That allowance is derived, not
 * tuned: with a step of 1/50 of the mean time between session ends at full load, an arrival that the continuous
 * model would make wait for a slot freed later in the same step is counted as not waiting, which happens to about
 * half of the 1/50 of waiting arrivals whose step sees a session end: at most 1 % of the waiting probability, and the
 * same relative share of the mean wait. The nights start empty; at 2,000 minutes they run hundreds of times longer
 * than these queues take to settle, so the start-up bias is far below the standard error.
 */
class ClosedFormAgreementTest {
    private static final double STANDARD_ERRORS = 4.03;
    private static final int NIGHTS = 6;
    private final BookingNightModel model = new BookingNightSimulator();

    @ParameterizedTest(name = "M/M/{0}, {1} a minute, sessions of {2} min")
    @CsvSource({"10, 8, 1, 2000", "4, 3.4, 2, 3000", "40, 36, 1, 800"})
    void waitingProbabilityAndMeanWaitMatchErlangC(int slots, double perMinute, double meanService, double minutes) {
        BookingNightParameters night = Nights.stationary(slots, perMinute, meanService, Patience.unlimited(),
                minutes);
        QueueingFormulas.QueueFigures exact = QueueingFormulas.mmc(slots, perMinute, meanService);
        List<BookingNightResult> runs = Nights.nights(model, night, NIGHTS);

        Nights.Replicated waiting = Nights.replicate(runs, r -> r.waits().shareWaited());
        Nights.Replicated meanWait = Nights.replicate(runs, r -> r.waits().meanMinutes());

        assertTrue(waiting.agreesWith(exact.waitingProbability(), STANDARD_ERRORS,
                0.01 * exact.waitingProbability()), "waiting probability " + waiting + " vs Erlang C "
                + exact.waitingProbability());
        assertTrue(meanWait.agreesWith(exact.meanWaitMinutes(), STANDARD_ERRORS, 0.01 * exact.meanWaitMinutes()),
                "mean wait " + meanWait + " vs Erlang C " + exact.meanWaitMinutes());
    }

    @ParameterizedTest(name = "M/M/{0}+M, {1} a minute, sessions of {2} min, patience {3} min")
    @CsvSource({"10, 10, 1, 2, 2000", "20, 25, 1, 5, 1000", "5, 4, 1, 0.5, 3000"})
    void abandonmentMatchesErlangA(int slots, double perMinute, double meanService, double patience,
                                   double minutes) {
        BookingNightParameters night = Nights.stationary(slots, perMinute, meanService,
                Patience.exponential(patience), minutes);
        assertAgreesWithErlangA(night, QueueingFormulas.erlangA(slots, perMinute, meanService, patience), 0.01);
    }

    @ParameterizedTest(name = "{0} slots, {1} a minute, no waiting room")
    @CsvSource({"10, 8, 1, 2000", "30, 35, 1, 800"})
    void sessionsRefusedWithoutAWaitingRoomMatchErlangB(int slots, double perMinute, double meanService,
                                                       double minutes) {
        double step = meanService * 60 / slots / 50;
        BookingNightParameters night = new BookingNightParameters("loss", LocalDateTime.of(2021, 7, 19, 20, 0),
                minutes, Math.round(perMinute * minutes), 1, ArrivalProfile.uniform(),
                ServiceTime.exponential(meanService), slots, List.of(), false, 0, QueueOrder.FIFO,
                Patience.unlimited(), 0, 0, BookingLimit.UNLIMITED, step);
        double exact = QueueingFormulas.erlangB(slots, perMinute * meanService);
        List<BookingNightResult> runs = Nights.nights(model, night, NIGHTS);

        Nights.Replicated refused = Nights.replicate(runs,
                r -> Nights.failures(r) / (double) r.sessions());

        assertTrue(refused.agreesWith(exact, STANDARD_ERRORS, 0.01 * exact),
                "refused " + refused + " vs Erlang B " + exact);
    }

    /**
     * Large systems near full load at the model's own step (a thirtieth of the session, at most 10 s), the regime of a
     * real booking night: many sessions end and many people arrive within one step, so whether an arrival waited must
     * come from where the arrivals and ends fall inside the step, not from the step. Allowance: 2 % of the exact figure
     * for the waiting probability and the mean wait (the nights start empty and these queues settle within a few
     * session times, and the nights run hundreds of session times); the 95th percentile of waits within 1 s (waits are binned by the second)
     * plus 5 % of it.
     */
    @ParameterizedTest(name = "M/M/{0} at the default step, {1} a minute, sessions of {2} min")
    @CsvSource({"10000, 1990, 5, 4000", "25000, 4975, 5, 3000", "10000, 9800, 1, 1000"})
    void largeSystemsNearFullLoadMatchErlangCWhateverTheStep(int slots, double perMinute, double meanService,
                                                              double minutes) {
        BookingNightParameters night = Nights.stationaryAtDefaultStep(slots, perMinute, meanService,
                Patience.unlimited(), minutes);
        QueueingFormulas.QueueFigures exact = QueueingFormulas.mmc(slots, perMinute, meanService);
        List<BookingNightResult> runs = Nights.nights(model, night, NIGHTS);

        Nights.Replicated waiting = Nights.replicate(runs, r -> r.waits().shareWaited());
        Nights.Replicated meanWait = Nights.replicate(runs, r -> r.waits().meanMinutes());
        Nights.Replicated p95 = Nights.replicate(runs, r -> r.waits().p95Minutes());
        double exactP95 = exact.waitingProbability() <= 0.05 ? 0
                : Math.log(exact.waitingProbability() / 0.05) / (slots / meanService - perMinute);

        assertTrue(waiting.agreesWith(exact.waitingProbability(), STANDARD_ERRORS,
                0.02 * exact.waitingProbability()), "waiting probability " + waiting + " vs Erlang C "
                + exact.waitingProbability());
        assertTrue(meanWait.agreesWith(exact.meanWaitMinutes(), STANDARD_ERRORS, 0.02 * exact.meanWaitMinutes()),
                "mean wait " + meanWait + " vs Erlang C " + exact.meanWaitMinutes());
        assertTrue(p95.agreesWith(exactP95, STANDARD_ERRORS, 1 / 60.0 + 0.05 * exactP95),
                "95th percentile " + p95 + " vs Erlang C " + exactP95);
    }

    /** The same night at a 1 s and a 10 s step: the waiting probability does not move with the step. */
    @ParameterizedTest(name = "M/M/{0}, {1} a minute, sessions of {2} min, step 1 s against 10 s")
    @CsvSource({"10000, 1990, 5, 4000"})
    void shareWaitedDoesNotDependOnTheStep(int slots, double perMinute, double meanService, double minutes) {
        BookingNightParameters night = Nights.stationaryAtDefaultStep(slots, perMinute, meanService,
                Patience.unlimited(), minutes);
        List<BookingNightResult> fine = Nights.nights(model, night.withStepSeconds(1), NIGHTS);
        List<BookingNightResult> coarse = Nights.nights(model, night.withStepSeconds(10), NIGHTS);
        Nights.Replicated fineShare = Nights.replicate(fine, r -> r.waits().shareWaited());
        Nights.Replicated coarseShare = Nights.replicate(coarse, r -> r.waits().shareWaited());
        double combined = Math.hypot(fineShare.standardError(), coarseShare.standardError());

        assertTrue(Math.abs(fineShare.mean() - coarseShare.mean()) <= STANDARD_ERRORS * combined
                + 0.02 * fineShare.mean(), "share waited at 1 s " + fineShare + ", at 10 s " + coarseShare);
    }

    /**
     * Overload with patience on a large system (arrivals beyond what the slots serve, so the queue is held only by
     * people giving up), at the default step: abandonment and the share who had to wait against Erlang A.
     */
    @ParameterizedTest(name = "M/M/{0}+M at the default step, {1} a minute, sessions of {2} min, patience {3} min")
    @CsvSource({"10000, 2400, 5, 10, 3000", "10000, 10500, 1, 2, 600"})
    void overloadWithPatienceOnLargeSystemsMatchesErlangA(int slots, double perMinute, double meanService,
                                                         double patience, double minutes) {
        BookingNightParameters night = Nights.stationaryAtDefaultStep(slots, perMinute, meanService,
                Patience.exponential(patience), minutes);
        assertAgreesWithErlangA(night, QueueingFormulas.erlangA(slots, perMinute, meanService, patience), 0.02);
    }

    /** Abandonment and the share who had to wait within the standard errors plus {@code allowance} of Erlang A. */
    private void assertAgreesWithErlangA(BookingNightParameters night, QueueingFormulas.QueueFigures exact,
                                         double allowance) {
        List<BookingNightResult> runs = Nights.nights(model, night, NIGHTS);
        Nights.Replicated abandonment = Nights.replicate(runs,
                r -> Nights.abandonments(r) / (double) r.people());
        Nights.Replicated waiting = Nights.replicate(runs, Nights::waitingShare);

        assertTrue(abandonment.agreesWith(exact.abandonmentShare(), STANDARD_ERRORS,
                allowance * exact.abandonmentShare()), "abandonment " + abandonment + " vs Erlang A "
                + exact.abandonmentShare());
        assertTrue(waiting.agreesWith(exact.waitingProbability(), STANDARD_ERRORS,
                allowance * exact.waitingProbability()), "waiting probability " + waiting + " vs Erlang A "
                + exact.waitingProbability());
    }
}
